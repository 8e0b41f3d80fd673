"""The commands that work without a window: `sync`, `enrol`, `sync-status`, `backup` and `audit-verify`.

Each one claims the branch's data folder (so it never runs beside the open app), signs
in as an account (password from the terminal, or one line on stdin with
`--password-stdin` for scheduled tasks), does its work and signs out. Messages are in
English: these commands are for the bank's IT staff and scripts. Exit codes: 0 done,
1 sync did not complete (or, for `audit-verify`, the audit log was changed), 2 usage,
3 cannot open the branch.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from branch_client.store import BranchDirectory, Session
    from sync.engine import Progress

log = logging.getLogger(__name__)

# Who may run each command: the same roles as the window (Sync status, connecting the branch
# and backups are a manager's); listed in the README.
MANAGER_COMMANDS = frozenset({"sync", "enrol", "sync-status", "backup", "audit-verify"})


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the headless subcommands to the main parser."""
    for name, help_text in (
        ("sync", "run one sync pass with the centre and print what it did"),
        ("enrol", "connect this branch PC to the CAM-IE centre with a one-time enrolment code"),
        ("sync-status", "print how many registrations are waiting, accepted or rejected"),
        ("backup", "write an encrypted copy of the branch's data (store and key slots) into a new folder"),
        (
            "audit-verify",
            "check the audit log's hash chain against the heads the CAM-IE centre acknowledged: "
            "exit 0 intact, 1 changed",
        ),
    ):
        p = subparsers.add_parser(name, help=help_text, description=help_text)
        p.add_argument("--data-dir", type=Path, help="folder of the branch store (default: the per-user data folder)")
        p.add_argument("--user", required=True, help="the account to sign in as")
        p.add_argument(
            "--password-stdin", action="store_true", help="read the password from the first line of standard input"
        )
        if name == "enrol":
            p.add_argument("--url", required=True, help="the centre's address, e.g. https://cam-ie.example.gov.kh")
            p.add_argument("--code", required=True, help="the one-time enrolment code from the CAM-IE operator")
            p.add_argument("--ca-bundle", help="a PEM file of the CA that signs the centre's certificate (pinning)")
        if name == "backup":
            p.add_argument(
                "dest", type=Path, metavar="DEST", help="a new or empty folder for the copy, e.g. on a USB drive"
            )
        if name == "sync":
            p.add_argument("--batch-size", type=int, default=500, help="records per batch (1-5000, default 500)")
            p.add_argument("--quiet", action="store_true", help="print only the summary line")


def run(args: argparse.Namespace, data_dir: Path) -> int:
    """Run the subcommand in `args.command`."""
    from branch_client.store import KnownError

    password = _password(args)
    if password is None:
        print("branch-client: no password given", file=sys.stderr)
        return 2
    try:
        with _signed_in(data_dir, args.user, password) as (directory, session):
            if args.command in MANAGER_COMMANDS and not session.account.is_manager:
                print(f"branch-client: `{args.command}` needs a manager's account", file=sys.stderr)
                return 2
            if args.command == "enrol":
                return _enrol(session, args)
            if args.command == "sync-status":
                return _status(session)
            if args.command == "backup":
                return _backup(session, data_dir, args.dest)
            if args.command == "audit-verify":
                return _audit_verify(session)
            return _sync(directory, session, args)
    except KnownError as exc:
        print(f"branch-client: cannot open the branch: {exc.code}", file=sys.stderr)
        return 3


def _password(args: argparse.Namespace) -> str | None:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n") or None
    try:
        return getpass.getpass(f"Password for {args.user}: ")
    except (EOFError, KeyboardInterrupt):
        return None


@contextmanager
def _signed_in(data_dir: Path, username: str, password: str) -> Iterator[tuple[BranchDirectory, Session]]:
    from branch_client.store import BranchDirectory

    directory = BranchDirectory.claim(data_dir)
    try:
        if not directory.is_set_up:
            raise SystemExit("branch-client: no branch is set up in this data folder; start the app to set it up")
        session = directory.unlock(username, password)
        try:
            yield directory, session
        finally:
            session.close(reason="logout")
    finally:
        directory.release()


def _enrol(session: Session, args: argparse.Namespace) -> int:
    from branch_client.services.sync import enrol
    from sync.transport import InsecureURL, SyncError

    try:
        config = enrol(session, args.url, args.code, ca_bundle=args.ca_bundle)
    except InsecureURL as exc:
        print(f"branch-client: {exc}", file=sys.stderr)
        return 2
    except PermissionError:
        print("branch-client: only a manager can enrol the branch", file=sys.stderr)
        return 2
    except SyncError as exc:
        reason = exc.message.en if exc.message else exc.code
        print(f"branch-client: enrolment failed: {reason}", file=sys.stderr)
        return 1
    print(f"enrolled: device {config.device_id}, branch {config.branch_code} ({config.branch_id})")
    print(f"centre key {config.centre_key.key_id} fingerprint: {config.centre_fingerprint}")
    return 0


def _backup(session: Session, data_dir: Path, dest: Path) -> int:
    from branch_client.store import KnownError
    from branch_client.store.backup import write_backup

    if not session.account.is_manager:
        print("branch-client: only a manager can back up the branch", file=sys.stderr)
        return 2
    try:
        summary = write_backup(session, data_dir, dest)
    except KnownError as exc:
        print(f"branch-client: backup failed: {exc}", file=sys.stderr)
        return 1
    print(
        f"backed up to {summary.folder}: {summary.rows['registrations']} registrations, "
        f"{summary.rows['accounts']} accounts, {summary.bytes // 1024} KiB (encrypted; keep keyslots.json with it)"
    )
    return 0


def _audit_verify(session: Session) -> int:
    """Walk the audit chain and check it against the centre's acknowledgements; 0 intact, 1 not.

    The last line names the latest head the centre acknowledged, as `cam-ie-central
    audit-heads DEVICE` lists it at the centre, so an auditor can compare the two.
    """
    report = session.audit_chain_check()()
    witnessed = report.witnessed
    if report.intact:
        print(f"audit log intact: {report.entries} entries checked")
    elif report.mismatch is not None and "witnessed" in report.reason:
        first, last = report.broken_at, report.mismatch.count
        where = f"entry {first}" if first == last else f"one of entries {first} to {last}"
        print(
            f"audit log CHANGED after the centre witnessed it (at {report.mismatch.received_at}): "
            f"the first entry that no longer matches is {where}"
        )
    else:
        print(f"audit log NOT intact at entry {report.broken_at}: {report.reason}")
    if witnessed is None:
        print("not witnessed by the centre yet: no sync has carried the chain's head; the chain alone vouches for it")
    else:
        print(
            f"witnessed by the centre up to entry {witnessed.count} (received {witnessed.received_at}, "
            f"hash {witnessed.hash}); {report.unwitnessed} entries since rest on the chain alone"
        )
    return 0 if report.intact else 1


def _status(session: Session) -> int:
    from branch_client.services.sync import snapshot

    data_dir = session.db_path.parent if session.db_path is not None else None
    snap = snapshot(session.db, data_dir=data_dir)
    print(f"enrolled: {'yes' if snap.enrolled else 'no'}  centre: {snap.centre_url or '-'}")
    print("  ".join(f"{state}: {n}" for state, n in snap.counts.items()))
    print(f"last successful sync: {snap.last_success_at or 'never'}")
    if snap.last_error_code:
        print(f"last problem: {snap.last_error_code} since {snap.last_error_since}")
    for warning in snap.warnings:  # the same warnings the status bar shows, for a monitoring script
        detail = ", ".join(
            f"{name} {value}"
            for name, value in (("count", warning.count), ("threshold", warning.threshold), ("at", warning.at))
            if value
        )
        print(f"warning: {warning.code}" + (f" ({detail})" if detail else ""))
    return 0


def _sync(directory: BranchDirectory, session: Session, args: argparse.Namespace) -> int:
    from branch_client.services.sync import SyncRunner, snapshot
    from sync.transport import RetryPolicy

    if not 1 <= args.batch_size <= 5000:
        print("branch-client: --batch-size must be between 1 and 5000", file=sys.stderr)
        return 2

    def report(progress: Progress) -> None:
        if not args.quiet:
            print(f"  {progress.done}/{progress.total} records answered", flush=True)

    runner = SyncRunner(directory.db_path, session.key, batch_size=args.batch_size, retry=RetryPolicy())
    try:
        result = runner.run(on_progress=report)
    finally:
        runner.close()
    if result is None:
        print("branch-client: this branch is not enrolled with a centre; run `branch-client enrol` first")
        return 1
    received = result.received
    words = ", ".join(f"{n} {status.replace('_', ' ')}" for status, n in received.items())
    print(
        f"sent {result.records} records in {result.batches} batches; "
        f"{sum(received.values())} decisions received"
        + (f": {words}" if words else "")
        + f"; waiting now: {snapshot(session.db).waiting}"
    )
    if result.error is not None:
        reason = result.error.message.en if result.error.message else result.error.code
        print(f"branch-client: sync did not complete: {reason}", file=sys.stderr)
        return 1
    return 0
