"""The rotating log file, with a last line of defence against PII.

Code logs ids and codes, never names, ID numbers or phone numbers. The scrubber below
still masks anything that looks like an identity-card number, phone number, email or a
run of Khmer text, in case an exception message carries one.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
import sys
import threading
from pathlib import Path
from types import TracebackType

LOG_FILENAME = "branch-client.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

# Ids and timestamps are not PII: they are set aside before the masking rules run.
_KEEP = re.compile(
    r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
    r"|\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[+-]\d{2}:\d{2}|Z)?)?",
    re.IGNORECASE,
)
_MASKS = [
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "<email>"),
    # ID-card, passport and phone numbers: 6+ digits (either script), maybe with separators.
    (re.compile(r"\+?[0-9\u17e0-\u17e9](?:[ ()\-]?[0-9\u17e0-\u17e9]){5,}"), "<number>"),
    (re.compile(r"[\u1780-\u17ff\u19e0-\u19ff]+(?:\s+[\u1780-\u17ff\u19e0-\u19ff]+)*"), "<khmer>"),
]


def scrub(text: str) -> str:
    """Mask PII-shaped text (numbers of 6+ digits, emails, Khmer words); keep ids and dates."""
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = _KEEP.sub(keep, text)
    for pattern, replacement in _MASKS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\x00(\d+)\x00", lambda m: kept[int(m.group(1))], text)


class PiiScrubber(logging.Filter):
    """Rewrites each record's message (and traceback text) through `scrub`."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = scrub(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = scrub(record.exc_text)
        return True


def configure(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the app's logs to a rotating file in `log_dir`; returns the file's path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILENAME
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(PiiScrubber())
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_cam_ie", False):
            root.removeHandler(existing)
            existing.close()
    handler._cam_ie = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path


def log_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: an unexpected exception is a bug, logged with its traceback."""
    logging.getLogger("branch_client").critical("unexpected error", exc_info=(exc_type, exc, tb))


def install_excepthooks() -> None:
    """Route uncaught exceptions of every thread to the log."""
    sys.excepthook = log_uncaught

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
