"""`cam-ie-central`: run the reference centre and operate it (enrolment codes, devices, keys, review, receipts,
the branches' audit heads).

Every subcommand takes `--db PATH` (default `./cam-ie-central.db`). Errors are one line on
stderr and a non-zero exit status, never a traceback. Listings show ids, branch codes,
statuses and numbers only: no names or ID numbers are printed.
"""

from __future__ import annotations

import argparse
import ipaddress
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from central.ledger import ACCEPTED, HELD
from central.store import DEFAULT_DB, ENROLMENT_VALID_DAYS, CentreStore, StoreError
from sync import protocol

DEFAULT_PORT = 8470
_KINDS = tuple(protocol.SUITE_FOR_KIND)


class CliError(Exception):
    """A problem to tell the operator in one line."""


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine only (plain HTTP is allowed there)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _open(args: argparse.Namespace, *, create: bool = False) -> CentreStore:
    path = Path(args.db)
    if not create and not path.exists():
        raise CliError(f"no centre database at {path} (it is made by `serve`, `enrol-code` or `rotate-key`)")
    return CentreStore.open(path, default_kind=getattr(args, "key_kind", None) or protocol.KEY_KIND_X25519)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API until interrupted."""
    import uvicorn

    from central.app import create_app

    if bool(args.tls_cert) != bool(args.tls_key):
        raise CliError("--tls-cert and --tls-key go together")
    if not args.tls_cert and not is_loopback(args.host):
        raise CliError(
            f"refusing to serve plain HTTP on {args.host}: branches only talk HTTP to loopback. "
            "Give --tls-cert and --tls-key, or serve on 127.0.0.1 behind a TLS proxy."
        )
    for name in (args.tls_cert, args.tls_key):
        if name and not Path(name).is_file():
            raise CliError(f"no such file: {name}")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    with _open(args, create=True) as store:
        key = store.current_key()
        scheme = "https" if args.tls_cert else "http"
        print(f"cam-ie-central: serving {scheme}://{args.host}:{args.port} from {store.path}", file=sys.stderr)
        print(f"centre key {key.key_id} ({key.kind}), fingerprint {key.fingerprint}", file=sys.stderr)
        config = uvicorn.Config(
            create_app(store),
            host=args.host,
            port=args.port,
            ssl_certfile=args.tls_cert,
            ssl_keyfile=args.tls_key,
            lifespan="off",
            log_config=None,
        )
        server = uvicorn.Server(config)
        server.run()
    # Stopped by Ctrl-C or SIGTERM: exit as a shell expects (130), whether or not uvicorn's
    # re-raised signal reached us before the store closed.
    return 130 if server.should_exit else 0


def cmd_enrol_code(args: argparse.Namespace) -> int:
    """Print a one-time enrolment code for a branch."""
    with _open(args, create=True) as store:
        code = store.issue_enrolment_code(args.branch, args.name, args.valid_days)
        key = store.current_key()
    print(code)
    print(
        f"valid {args.valid_days} days, one device, branch {args.branch}; "
        f"centre key fingerprint to read out: {key.fingerprint}",
        file=sys.stderr,
    )
    return 0


def cmd_devices(args: argparse.Namespace) -> int:
    """List enrolled devices."""
    with _open(args) as store:
        devices = store.devices()
    if not devices:
        print("no devices enrolled")
    for d in devices:
        state = f"revoked {d.revoked_at}" if d.revoked_at else "active"
        print(
            f"{d.device_id}  branch {d.branch_code}  key {d.key_id}  enrolled {d.enrolled_at}  last sequence {d.last_sequence}  {state}"
        )
    return 0


def cmd_revoke_device(args: argparse.Namespace) -> int:
    """Revoke a device."""
    with _open(args) as store:
        store.revoke_device(args.device_id)
    print(f"device {args.device_id} revoked: its batches and status requests are refused from now on")
    return 0


def cmd_rotate_key(args: argparse.Namespace) -> int:
    """Make a new current centre key."""
    with _open(args, create=True) as store:
        key_id = store.rotate_key(args.kind)
        key = store.current_key()
    print(f"{key_id} ({key.kind})")
    print(f"fingerprint {key.fingerprint}")
    return 0


def cmd_retire_key(args: argparse.Namespace) -> int:
    """Stop opening batches sealed to a key at once."""
    with _open(args) as store:
        store.retire_key(args.key_id)
    print(f"key {args.key_id} retired")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    """List records for review, or decide on one."""
    with _open(args) as store:
        if args.record_id is None:
            for status in (HELD, ACCEPTED) if not args.status else (args.status,):
                for r in store.records(status, limit=args.limit):
                    extra = f"  probable duplicate of {r.duplicate_of or '(unnumbered)'}" if r.status == HELD else ""
                    print(f"{r.record_id}  branch {r.branch_code}  {r.status}  {r.cam_ie_number or '-'}{extra}")
            return 0
        if args.approve:
            entry = store.decide(args.record_id, protocol.APPROVED, message_km=args.km)
        elif args.needs_correction:
            entry = store.decide(
                args.record_id, protocol.NEEDS_CORRECTION, message_en=args.needs_correction, message_km=args.km
            )
        elif args.reject:
            entry = store.decide(args.record_id, protocol.REJECTED, message_en=args.reject, message_km=args.km)
        else:
            raise CliError("say what to do with the record: --approve, --needs-correction REASON or --reject REASON")
    print(f"{entry.record_id}: {entry.status} {entry.cam_ie_number or ''} (feed cursor {entry.cursor})".rstrip())
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    """Print counts."""
    with _open(args) as store:
        counts = store.records_by_status()
        devices = store.devices()
        batches = store.batch_count()
        key = store.current_key()
    print(f"records: {sum(counts.values())}")
    for status, count in counts.items():
        print(f"  {status}: {count}")
    revoked = sum(1 for d in devices if d.revoked_at)
    print(f"batches: {batches}")
    print(f"devices: {len(devices) - revoked} active, {revoked} revoked")
    print(f"centre key: {key.key_id} ({key.kind}), expires {key.expires_at}")
    return 0


def cmd_audit_heads(args: argparse.Namespace) -> int:
    """List the audit chain heads a device's batches carried: what the centre witnessed."""
    with _open(args) as store:
        heads = store.audit_heads(args.device_id)
    if not heads:
        print(f"no audit heads held for device {args.device_id} (it has sent no version 2 batch yet)")
        return 0
    print(f"audit heads of device {args.device_id}, oldest first: entries, hash of the last entry, received, batch")
    seen: dict[int, str] = {}  # count -> the first hash held for it
    highest = 0
    for head in heads:
        notes = []
        if head.count < highest:
            notes.append(
                f"fewer entries than the {highest} witnessed before: restored from a backup, or entries removed"
            )
        if seen.get(head.count, head.sha256) != head.sha256:
            notes.append(
                "a different hash from the one witnessed before for as many entries: the log was rewritten,"
                " or restored from a backup and continued"
            )
        seen.setdefault(head.count, head.sha256)
        highest = max(highest, head.count)
        print(f"{head.count}  {head.sha256}  {head.received_at}  {head.batch_id}")
        for note in notes:
            print(f"  ! {note}")
    return 0


def cmd_verify_receipt(args: argparse.Namespace) -> int:
    """Say whether a receipt's QR code was issued by the branch it names."""
    from central.receipts import verify_receipt

    with _open(args) as store:
        check = verify_receipt(store, args.code)
    print("\n".join(check.describe()))
    return 0 if check.genuine else 1


def build_parser() -> argparse.ArgumentParser:
    """The command line, with help for every subcommand."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=DEFAULT_DB, help=f"the centre's database file (default ./{DEFAULT_DB})")
    parser = argparse.ArgumentParser(
        prog="cam-ie-central", description="The reference CAM-IE centre: the server branch devices sync to."
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, parents=[common], help=text, description=text)
        p.set_defaults(handler=handler)
        return p

    p = add("serve", cmd_serve, "Serve the sync API (plain HTTP on loopback only; TLS elsewhere).")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--tls-cert", help="PEM certificate chain for HTTPS")
    p.add_argument("--tls-key", help="PEM private key for HTTPS")
    p.add_argument("--key-kind", choices=_KINDS, default=protocol.KEY_KIND_X25519, help="kind of the first centre key")

    p = add("enrol-code", cmd_enrol_code, "Issue a one-time code that enrols one device into a branch.")
    p.add_argument("--branch", required=True, help="the branch code, e.g. PP-001")
    p.add_argument("--name", help="the branch's name (recorded with the branch)")
    p.add_argument("--valid-days", type=int, default=ENROLMENT_VALID_DAYS, help="days the code stays valid (default 7)")

    add("devices", cmd_devices, "List enrolled devices, with their branch and revoked state.")

    p = add("revoke-device", cmd_revoke_device, "Revoke a device: refuse its batches and status requests from now on.")
    p.add_argument("device_id", metavar="DEVICE_ID", help="the device's id (see `devices`)")

    p = add("rotate-key", cmd_rotate_key, "Make a new current centre key; the previous one opens batches 14 more days.")
    p.add_argument("--kind", choices=_KINDS, default=None, help="key kind (default x25519)")

    p = add("retire-key", cmd_retire_key, "Stop opening batches sealed to a centre key at once (a compromised key).")
    p.add_argument("key_id", metavar="KEY_ID", help="the key's id")

    p = add(
        "review", cmd_review, "List held and accepted records, or decide on one (the branch learns it from the feed)."
    )
    p.add_argument("record_id", metavar="RECORD_ID", nargs="?", help="the record to decide on")
    p.add_argument("--list", action="store_true", help="list records (the default without RECORD_ID)")
    p.add_argument(
        "--status",
        choices=("accepted", "held", "needs_correction", "rejected", "superseded"),
        help="list only this status",
    )
    p.add_argument("--limit", type=int, default=200, help="at most this many records per status (default 200)")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--approve", action="store_true", help="approve a held record (it gets a CAM-IE number)")
    action.add_argument(
        "--needs-correction", metavar="REASON_TEXT", help="send the record back to its branch for correction"
    )
    action.add_argument("--reject", metavar="REASON_TEXT", help="reject the record")
    p.add_argument("--km", metavar="TEXT", help="the reason in Khmer (otherwise a standard Khmer sentence)")

    add("status", cmd_status, "Print counts of records, batches and devices, and the current key.")

    p = add(
        "audit-heads",
        cmd_audit_heads,
        "List the audit log heads (entry count and hash) a device's batches carried, oldest first: "
        "what the centre witnessed of the branch's audit log.",
    )
    p.add_argument("device_id", metavar="DEVICE", help="the device's id (see `devices`)")

    p = add(
        "verify-receipt",
        cmd_verify_receipt,
        "Check a registration receipt's QR code: genuine (exit 0) or not (exit 1), and whether its record has arrived.",
    )
    p.add_argument("code", metavar="QR_TEXT", help="the text of the receipt's QR code (CAMIE-R1.…), quoted")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of `cam-ie-central`."""
    args = build_parser().parse_args(argv)
    if args.command == "review" and args.list and args.record_id is not None:
        print("cam-ie-central: --list takes no RECORD_ID", file=sys.stderr)
        return 2
    try:
        result: int = args.handler(args)
    except (CliError, StoreError) as exc:
        print(f"cam-ie-central: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, CliError) else 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say what kind, never a traceback (records may be in its text)
        print(f"cam-ie-central: unexpected {type(exc).__name__}; nothing was changed by this command", file=sys.stderr)
        return 70
    return result


if __name__ == "__main__":
    sys.exit(main())
