"""Running what a user asked for: known errors become a message, bugs are logged.

Every screen action that touches the store goes through `attempt`, so the rule is in one
place: a `KnownError` is told in the UI language and changes nothing; anything else is
a bug, logged with its traceback (no PII), and the user reads a plain sentence.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from branch_client.store import KnownError
from branch_client.ui import error_text
from branch_client.ui.widgets import busy_cursor

log = logging.getLogger(__name__)

T = TypeVar("T")


def attempt(action: Callable[[], T], show: Callable[[str], None]) -> tuple[bool, T | None]:
    """Run `action` with a wait cursor; (True, its result), or (False, None) after telling why."""
    try:
        with busy_cursor():
            return True, action()
    except KnownError as exc:
        log.info("refused: %s", exc.code)
        show(error_text.message_for(exc))
    except Exception:
        log.exception("unexpected error")
        show(error_text.unexpected_error())
    return False, None
