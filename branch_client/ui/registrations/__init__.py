"""The Registrations page's parts: the lazily loaded list model and the read-only record view."""
