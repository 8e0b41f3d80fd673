"""Qt adapters that run services off the GUI thread and report back through signals."""
