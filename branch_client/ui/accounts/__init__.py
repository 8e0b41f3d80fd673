"""The manager's accounts page."""
