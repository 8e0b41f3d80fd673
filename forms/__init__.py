"""The form language and the CAM-IE registration form definitions. Pure Python, no Qt."""
