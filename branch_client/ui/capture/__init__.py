"""The widgets of the capture page: the field editors, the wizard, its review, the duplicate
warning, the drafts list and the submitted view. `branch_client.ui.capture.page.CapturePage`
puts them together; the decisions they display are made by `forms.wizard.Wizard`."""
