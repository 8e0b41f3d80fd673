"""The sync status page, its batch history and the status bar's sync indicator."""
