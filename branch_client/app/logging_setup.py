"""The rotating log file, which must never carry a registrant's data, whatever path an error takes.

Code logs ids and codes, never names, ID numbers or phone numbers. The log file's formatter
(`PrivateFormatter`) enforces it for what code cannot promise:

- An exception is logged with its type, where it was raised and its traceback lines (file,
  line, function and the source line), but not its message: a `KeyError` or `ValueError`
  can quote the answers it was given. Only our own exceptions that carry a `code` (a
  `KnownError`, a `SyncError`, a protocol error…) keep that code; an `OSError` keeps its
  errno and a SQLite error its error name. The same holds for every exception in a chain
  (`__cause__`, `__context__`), in an exception group, and for their notes, whether the
  record comes from `log.exception(...)`, `exc_info=...` anywhere, or the excepthooks.
- A log call's arguments that are neither plain scalars nor exceptions (an answers dict,
  a record, a path that may name a person) are written as `<dict withheld>`.
- What remains, the message text of ordinary log lines, goes through `scrub`, which masks
  anything shaped like an identity-card number, phone number, email or a run of Khmer text.

The folder and its files (the rotated ones too) are for their owner only (0700 / 0600).
"""

from __future__ import annotations

import builtins
import enum
import errno
import io
import logging
import logging.handlers
import os
import re
import sys
import threading
import traceback
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from branch_client.store.errors import KnownError
from branch_client.store.files import PRIVATE_FILE_MODE, make_private_directory, restrict_mode

LOG_FILENAME = "branch-client.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# What an exception's message, or a withheld value, is replaced by.
WITHHELD = "<message withheld>"
# The packages whose exceptions' `code` is ours, hence known to be free of registrants' data.
OWN_PACKAGES = frozenset({"branch_client", "sync", "forms", "central"})
# A code as our exceptions spell them (`disk_full`, `http_503`, `bad_signature`).
_CODE = re.compile(r"[a-z][a-z0-9_.-]{0,63}")
_SQLITE_ERROR_NAME = re.compile(r"SQLITE_[A-Z_]{1,40}")
# Log-call arguments written as they are; anything else could be, or hold, an answer.
_PLAIN_ARGUMENTS = (str, int, float, bool, type(None), enum.Enum, date, datetime, time, timedelta, uuid.UUID)
# Like `traceback`: at most this many members of an exception group, this deep.
_GROUP_WIDTH = 15
_GROUP_DEPTH = 10
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"

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
# The lines of a traceback that say where, never what: kept when only a formatted text is
# at hand (a record whose exception was formatted elsewhere). A frame's source lines (four
# spaces in) are kept only right after its `File` line.
_WHERE_LINE = re.compile(
    r"(?:Traceback|Stack) \(most recent call last\):"
    r"|  File \".*\", line \d+, in [\w<>.]+"
    r"|  \[Previous line repeated \d+ more times?\]"
    r"|The above exception was the direct cause of the following exception:"
    r"|During handling of the above exception, another exception occurred:"
    r"|"
)
_FRAME_LINE = re.compile(r"  File \".*\", line \d+, in [\w<>.]+")
_SOURCE_LINE = re.compile(r"    .*")
_EXCEPTION_LINE = re.compile(r"([A-Za-z_][\w.]*)(?::.*)?")


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


# --- exceptions, without their messages ------------------------------------------------


def exception_line(exc: BaseException) -> str:
    """`module.Type: text`, where the text is a code of ours, an errno or SQLite error name,
    or `WITHHELD`: never the exception's own message."""
    return f"{_type_name(type(exc))}: {_safe_text(exc)}"


def format_exception_privately(exc: BaseException) -> str:
    """The traceback `traceback.format_exception` would give, chain and groups included, with
    every exception's message replaced as `exception_line` does and its notes withheld."""
    return "".join(_chain_lines(exc, set(), depth=0)).rstrip("\n")


def _type_name(exc_type: type[BaseException]) -> str:
    module, name = exc_type.__module__, exc_type.__qualname__
    return name if module in ("builtins", "__main__") else f"{module}.{name}"


def _safe_text(exc: BaseException) -> str:
    code = getattr(exc, "code", None)
    own = type(exc).__module__.split(".", 1)[0] in OWN_PACKAGES
    if (own or isinstance(exc, KnownError)) and isinstance(code, str) and _CODE.fullmatch(code):
        return code
    if isinstance(exc, OSError) and isinstance(exc.errno, int):  # the path it names is withheld
        return f"[Errno {exc.errno} {errno.errorcode.get(exc.errno, '?')}] {WITHHELD}"
    name = getattr(exc, "sqlite_errorname", None)
    if isinstance(name, str) and _SQLITE_ERROR_NAME.fullmatch(name):
        return f"{name} {WITHHELD}"
    return WITHHELD


def _chain_lines(exc: BaseException, seen: set[int], *, depth: int) -> list[str]:
    """`exc` and what it was raised from or while handling, earliest first, as `traceback` prints them."""
    chain: list[tuple[BaseException, str]] = []  # (exception, what links it to the one after it)
    current: BaseException | None = exc
    link = ""
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, link))
        if current.__cause__ is not None:
            current, link = current.__cause__, _CAUSE
        elif current.__context__ is not None and not current.__suppress_context__:
            current, link = current.__context__, _CONTEXT
        else:
            current = None
    lines: list[str] = []
    for item, following in reversed(chain):
        lines += _block_lines(item, seen, depth=depth)
        if following:
            lines.append(following)
    return lines


def _block_lines(exc: BaseException, seen: set[int], *, depth: int) -> list[str]:
    """One exception: its frames (file, line, function, source), then its type and safe text."""
    lines: list[str] = []
    if exc.__traceback__ is not None:
        lines.append("Traceback (most recent call last):\n")
        frames = traceback.StackSummary.extract(traceback.walk_tb(exc.__traceback__), capture_locals=False)
        lines += frames.format()
    lines.append(exception_line(exc) + "\n")
    notes = getattr(exc, "__notes__", None)
    if isinstance(notes, list | tuple) and notes:
        lines.append(f"({len(notes)} note{'s' if len(notes) != 1 else ''} withheld)\n")
    if isinstance(exc, BaseExceptionGroup):
        members = exc.exceptions
        if depth >= _GROUP_DEPTH:
            lines.append(f"... ({len(members)} exceptions of a group nested too deep)\n")
            return lines
        for number, member in enumerate(members[:_GROUP_WIDTH], start=1):
            lines.append(f"+---------------- {number} of {len(members)} ----------------\n")
            inner = "".join(_chain_lines(member, seen, depth=depth + 1))
            lines += ["| " + line + "\n" for line in inner.rstrip("\n").split("\n")]
        if len(members) > _GROUP_WIDTH:
            lines.append(f"+---------------- and {len(members) - _GROUP_WIDTH} more exceptions ----------------\n")
    return lines


def _where_only(text: str) -> str:
    """A traceback already formatted by someone else, keeping only the lines that say where
    (and the exception's type): its messages cannot be told from the rest, so all go."""
    kept = []
    in_frame = False
    for line in text.splitlines():
        if in_frame and _SOURCE_LINE.fullmatch(line):
            kept.append(line)
            continue
        in_frame = bool(_FRAME_LINE.fullmatch(line))
        if _WHERE_LINE.fullmatch(line):
            kept.append(line)
        elif (match := _EXCEPTION_LINE.fullmatch(line)) and _is_exception_name(match.group(1)):
            kept.append(f"{match.group(1)}: {WITHHELD}")
        elif not kept or kept[-1] != WITHHELD:
            kept.append(WITHHELD)
    return "\n".join(kept)


def _is_exception_name(name: str) -> bool:
    """Whether `name`, at the start of a line, is an exception's type rather than a word of a
    message: a built-in exception, or a name in a module this process has imported."""
    module, _, _ = name.rpartition(".")
    if not module:
        found = getattr(builtins, name, None)
        return isinstance(found, type) and issubclass(found, BaseException)
    return module in sys.modules


# --- log records, without what they may carry ------------------------------------------


class _Said(str):
    """A text that reads the same through `%s` and `%r`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return str(self)


def _safe_argument(value: object) -> object:
    if isinstance(value, BaseException):
        return _Said(exception_line(value))
    if isinstance(value, _PLAIN_ARGUMENTS):
        return value
    return _Said(f"<{type(value).__name__} withheld>")


def _safe_message(record: logging.LogRecord) -> str:
    """The record's message, its arguments made safe first (`_safe_argument`)."""
    args: tuple[object, ...] | dict[object, object] | None = None
    if isinstance(record.args, Mapping):
        args = {key: _safe_argument(value) for key, value in record.args.items()}
    elif isinstance(record.args, tuple):
        args = tuple(_safe_argument(value) for value in record.args)
    msg = str(record.msg if isinstance(record.msg, str) else _safe_argument(record.msg))
    if not args:
        return msg
    try:
        return msg % args
    except (TypeError, ValueError, KeyError):  # e.g. `%d` given a withheld value: keep the line
        return f"{msg} <arguments withheld>"


class PrivateFormatter(logging.Formatter):
    """Formats a record for the log file without a registrant's data (see the module's docstring).

    Works on a copy: other handlers (a test's capture, a console) get the record as it came.
    """

    def __init__(self, fmt: str = LOG_FORMAT) -> None:
        super().__init__(fmt)

    def format(self, record: logging.LogRecord) -> str:
        """The record as one (possibly multi-line) entry of the log file."""
        clean = logging.makeLogRecord(record.__dict__)
        clean.msg = scrub(_safe_message(record))
        clean.args = None
        clean.exc_info = None
        clean.exc_text = None
        exc = record.exc_info[1] if isinstance(record.exc_info, tuple) and len(record.exc_info) == 3 else None
        if isinstance(exc, BaseException):
            clean.exc_text = scrub(format_exception_privately(exc))
        elif record.exc_text:  # formatted by another handler first, from who knows what
            clean.exc_text = scrub(_where_only(record.exc_text))
        if record.stack_info:  # stack_info=True: frames only, but scrubbed all the same
            clean.stack_info = scrub(_where_only(record.stack_info))
        return super().format(clean)

    def formatException(self, ei: Any) -> str:  # noqa: N802 (logging's name)
        """Any caller that formats an exception with this formatter gets the private form."""
        exc = ei[1] if isinstance(ei, tuple) else None
        return scrub(format_exception_privately(exc)) if isinstance(exc, BaseException) else ""


class PrivateLogFile(logging.handlers.RotatingFileHandler):
    """The rotating log file: owner-only files (the rotated ones too), `PrivateFormatter`."""

    def __init__(self, path: Path) -> None:
        super().__init__(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        self.setFormatter(PrivateFormatter())

    def _open(self) -> io.TextIOWrapper:
        """Open (or, after a rotation, create) the file as 0600, whatever the umask.

        The rotated files are this file renamed, so they keep its mode. Must not log: it
        runs inside this handler."""
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        fd = os.open(self.baseFilename, flags, PRIVATE_FILE_MODE)
        try:
            restrict_mode(fd, PRIVATE_FILE_MODE)  # a file left by an older version
            return open(fd, "a", encoding=self.encoding, errors=self.errors)
        except BaseException:
            os.close(fd)
            raise


def configure(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the app's logs to a rotating file in `log_dir` (made owner-only); returns the
    file's path. Raises `OSError` when the folder cannot be made."""
    private = make_private_directory(log_dir)
    path = log_dir / LOG_FILENAME
    for rotated in log_dir.glob(LOG_FILENAME + ".*"):  # left by an older version, maybe 0644
        restrict_mode(rotated, PRIVATE_FILE_MODE)
    handler = PrivateLogFile(path)
    root = logging.getLogger()
    for existing in list(root.handlers):
        if getattr(existing, "_cam_ie", False):
            root.removeHandler(existing)
            existing.close()
    handler._cam_ie = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    if not private:
        logging.getLogger(__name__).warning("the log folder could not be made private to this user")
    return path


def log_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """sys.excepthook: an unexpected exception is a bug, logged with its traceback (without
    its message: see the module's docstring)."""
    logging.getLogger("branch_client").critical("unexpected error", exc_info=(exc_type, exc, tb))


def install_excepthooks() -> None:
    """Route uncaught exceptions of every thread to the log."""
    sys.excepthook = log_uncaught

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            log_uncaught(args.exc_type, args.exc_value, args.exc_traceback)

    threading.excepthook = thread_hook
