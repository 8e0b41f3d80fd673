"""The reference CAM-IE central intake API (arrives with the sync issue)."""
