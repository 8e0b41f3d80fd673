"""The pieces of the manager's *Rejections and review* page (`branch_client.ui.rejections.page`)."""
