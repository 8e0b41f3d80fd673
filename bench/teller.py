"""The teller's desk by keyboard only: whole registrations at 1366×768 on a full branch store.

The real main window (offscreen) over a branch store of 120,000 generated registrations:
`bench.keyboard_script.KeyboardTeller` signs in, types a registration on every page (four
services, the address cascade) with key events only, answers the possible-duplicate warning
(the owner's ID number is already in the store, so the warning under the ID number is
timed), submits, and saves the receipt as a PDF. Then the next owners in the queue
(`--rounds`, 5 in all by default), each one from Ctrl+N: the counts of keys are those of the
first registration, sign-in to receipt; the times are pooled over all of them, so a p95 of
page switches is read from some thirty switches, not six.

The store is built once (`bench.sync_fixture.make_local_branch_in_child`) and kept in a cache
folder (`--cache`, by default in the system's temporary folder); each run works on a copy, so
reruns start from the same store in seconds.

Goals (issue 13): mouse_actions 0; nav_keys ≤ 1.5 × inputs; page_switch_p95_ms ≤ 50;
duplicate_hint_ms ≤ 300. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.capture import percentile
from bench.report import print_json, print_table
from bench.sync_fixture import BENCH_KDF, MANAGER, make_local_branch_in_child

if TYPE_CHECKING:
    from bench.keyboard_script import Tally

RECORDS = 120_000
TELLER = ("sophea", "bench-teller-1")  # the teller at the desk (the built store has its manager only)
WINDOW = (1366, 768)
GOALS = {"page_switch_p95_ms": 50.0, "duplicate_hint_ms": 300.0}
NAV_KEYS_PER_INPUT = 1.5


def cached_store(cache: Path, records: int, seed: int) -> Path:
    """A released branch store with `records` registrations, built once under `cache`."""
    folder = cache / f"teller-{records}-seed{seed}"
    done = folder / "ready"
    if not done.exists():
        if folder.exists():
            shutil.rmtree(folder)  # a build that did not finish
        folder.mkdir(parents=True)
        make_local_branch_in_child(folder / "branch", records, seed=seed)
        done.write_text("ok\n")
    return folder / "branch"


def answers_to_type(seed: int, round_: int = 0) -> dict[str, Any]:
    """A new owner whose ID number is a stored registration's: the duplicate warning shows
    under the ID number. Four services; the owner reads both languages."""
    from itertools import islice

    from forms.samples import SERVICES, generate_registrations

    stored = next(islice(generate_registrations(round_ + 1, seed=seed), round_, None))
    answers = dict(next(generate_registrations(1, seed=seed + 7_777 + round_)))
    answers["id_type"] = "national_id"
    answers["id_number"] = stored["id_number"]
    answers["services"] = list(SERVICES)
    answers["owner_language"] = "both"
    answers["address_detail"] = "ផ្ទះលេខ 12 ផ្លូវ 271"
    return answers


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench teller", description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=RECORDS, help="registrations in the store")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated registrations")
    p.add_argument("--language", choices=("km", "en"), default="km", help="the teller's UI language")
    p.add_argument("--rounds", type=int, default=5, help="registrations typed, one after the other")
    p.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "cam-ie-bench-cache",
        help="where the built store is kept between runs",
    )
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    source = cached_store(args.cache, max(1, args.records), args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp) / "branch"
        shutil.copytree(source, data_dir)
        _add_teller(data_dir)
        figures, rows = _run(data_dir, Path(tmp) / "receipt.pdf", args)
    print_table(["measure", "value", "goal"], rows)
    print_json(figures)
    return 0


def _add_teller(data_dir: Path) -> None:
    """The desk is a teller's: the manager of the built store opens a teller account."""
    from branch_client.store import BranchDirectory

    directory = BranchDirectory.claim(data_dir, kdf=BENCH_KDF)
    try:
        session = directory.unlock(*MANAGER)
        session.create_account(*TELLER)
        session.close()
    finally:
        directory.release()


def _run(data_dir: Path, pdf: Path, args: argparse.Namespace) -> tuple[dict[str, object], list[list[object]]]:
    from PySide6.QtWidgets import QApplication, QWidget

    from bench.keyboard_script import KeyboardTeller, wait_until
    from branch_client.app.controller import AppController
    from branch_client.app.preferences import Preferences
    from branch_client.fonts import register_khmer_font
    from branch_client.i18n import Translator
    from branch_client.ui import dialogs

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    register_khmer_font(app)

    def pdf_here(parent: QWidget | None, suggested_name: str) -> Path | None:
        del parent, suggested_name
        return pdf

    dialogs.choose_pdf_path = pdf_here  # the system's file dialog: where the PDF goes
    translator = Translator(app)
    translator.set_language(args.language)
    controller = AppController(
        app,
        data_dir,
        preferences=Preferences(language=args.language, idle_lock_minutes=60.0),
        translator=translator,
        kdf=BENCH_KDF,
    )
    controller.start()
    try:
        window = controller.window
        window.showNormal()  # the offscreen screen is not the branch PC's: size the window by hand
        window.resize(*WINDOW)
        wait_until(lambda: (window.width(), window.height()) == WINDOW, "the window at 1366×768")
        teller = KeyboardTeller(app)
        tally = teller.register(controller, TELLER, answers_to_type(args.seed), pdf.exists, duplicate_id=True)
        switches, hints, receipts = list(tally.page_switch_ms), [tally.duplicate_hint_ms], [tally.submit_to_receipt_ms]
        for round_ in range(1, max(1, args.rounds)):
            pdf.unlink(missing_ok=True)
            more = KeyboardTeller(app).register(
                controller, None, answers_to_type(args.seed, round_), pdf.exists, duplicate_id=True
            )
            switches += more.page_switch_ms
            hints.append(more.duplicate_hint_ms)
            receipts.append(more.submit_to_receipt_ms)
        session = controller.session
        assert session is not None
        records = int(session.db.execute("SELECT count(*) FROM registrations").fetchone()[0])
    finally:
        controller.window.close_guard = None
        controller.window.close()
        controller.shutdown()
    hint_ms = [ms for ms in hints if ms is not None]
    receipt_ms = [ms for ms in receipts if ms is not None]
    assert len(hint_ms) == len(hints)
    assert len(receipt_ms) == len(receipts)
    figures: dict[str, object] = {
        "mouse_actions": tally.mouse_actions,
        "inputs": tally.inputs,
        "nav_keys": tally.nav_keys,
        "typed_chars": tally.typed_chars,
        "page_switch_p95_ms": round(percentile(switches, 0.95), 1),
        "duplicate_hint_ms": round(percentile(hint_ms, 0.95), 1),
        "submit_to_receipt_ms": round(percentile(receipt_ms, 0.5), 1),
    }
    return figures, _rows(figures, tally, records, args.language, switches, len(receipts))


def _rows(
    figures: dict[str, object], tally: Tally, records: int, language: str, switches: list[float], typed: int
) -> list[list[object]]:
    """The table: each figure with its goal, met or missed."""
    nav_goal = NAV_KEYS_PER_INPUT * tally.inputs
    rows: list[list[object]] = [
        ["registrations in the store (after)", records, ""],
        ["UI language", language, ""],
        ["mouse presses", tally.mouse_actions, f"0: {'met' if tally.mouse_actions == 0 else 'MISSED'}"],
        ["inputs reached", tally.inputs, ""],
        ["navigation keys (sign-in to receipt)", tally.nav_keys, _met(tally.nav_keys <= nav_goal, f"≤ {nav_goal:g}")],
        [
            "navigation keys in the wizard",
            tally.wizard_nav_keys,
            _met(tally.wizard_nav_keys <= nav_goal, f"≤ {nav_goal:g}"),
        ],
        ["typed characters", tally.typed_chars, ""],
        ["registrations typed", typed, ""],
        ["page switches of the first, ms", ", ".join(f"{ms:.1f}" for ms in tally.page_switch_ms), ""],
        ["page switch median / max, ms", f"{percentile(switches, 0.5):.1f} / {max(switches):.1f}", ""],
        [
            f"page switch p95 (of {len(switches)}), ms",
            figures["page_switch_p95_ms"],
            _goal(figures, "page_switch_p95_ms"),
        ],
        [
            "duplicate warning after leaving the ID, p95 ms",
            figures["duplicate_hint_ms"],
            _goal(figures, "duplicate_hint_ms"),
        ],
        ["submit to receipt shown, median ms", figures["submit_to_receipt_ms"], ""],
        ["reference", tally.reference, ""],
    ]
    return rows


def _met(ok: bool, goal: str) -> str:
    return f"{goal}: {'met' if ok else 'MISSED'}"


def _goal(figures: dict[str, object], name: str) -> str:
    value = figures[name]
    assert isinstance(value, float)
    return _met(value <= GOALS[name], f"≤ {GOALS[name]:g}")
