"""Branch set-up: the first-run page, the recovery key page and its printable sheet."""
