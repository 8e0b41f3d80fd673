"""The branch home page: the landing page of a manager, and a teller's own smaller one."""
