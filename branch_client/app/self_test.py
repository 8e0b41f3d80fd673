"""`branch-client --self-test`: prove that this installation can do a branch's work.

Run on a fresh branch PC, and by CI on the *built* bundle, it checks in a temporary data
folder, without showing a window, everything a bundle can lose by a missing file or
library: the Qt platform plugin, the Khmer font, the translations, SQLCipher, the form
definitions and the gazetteer, HPKE and Ed25519, PDF writing with a QR code, and the
reference centre that `--demo` runs. It prints one line per step (`ok   NAME: what was
seen`) and exits 0, or stops at the first failing step with `FAIL NAME: plain reason`
and exits 1. Details (the traceback) go to stderr only with `--verbose`. Nothing it does
touches the branch's real data folder; the temporary folder is removed afterwards.

The steps are a list of `Step`s (`steps()`), so a later piece of the app adds its own
check by adding a step. The receipt step writes the real receipt
(`receipt.write_sample_receipt`: A4, Khmer, a QR code signed by a throwaway key).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from branch_client.store import BranchDirectory, Session
    from forms import Form

log = logging.getLogger(__name__)

# A throwaway account for the throwaway branch: the store is deleted when the test ends.
_USER = "selftest"
_PASSWORD = "self-test-password"  # noqa: S105 (a temporary store's, deleted afterwards)
_KHMER_SAMPLE = "ការចុះឈ្មោះអាជីវកម្ម"  # "business registration"


class StepFailed(Exception):
    """A step's check did not hold; the message is the plain reason shown to the user."""


@dataclass
class Context:
    """What the steps share: the temporary folder and what earlier steps made."""

    parent: Path | None  # where to make the temporary folder (None: the system's temp folder)
    work_dir: Path | None = None
    app: QApplication | None = None
    khmer_family: str | None = None
    directory: BranchDirectory | None = None
    session: Session | None = None
    form: Form | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @property
    def folder(self) -> Path:
        """The temporary folder (made by the first step)."""
        if self.work_dir is None:
            raise StepFailed("no temporary folder (the first step did not run)")
        return self.work_dir


@dataclass(frozen=True)
class Step:
    """One named check: `run` returns a short description of what it saw, or raises."""

    name: str
    run: Callable[[Context], str]


# --- the steps ------------------------------------------------------------------------


def step_data_folder(ctx: Context) -> str:
    """A fresh temporary data folder that can be written and synced to disk."""
    try:
        if ctx.parent is not None:
            ctx.parent.mkdir(parents=True, exist_ok=True)
        ctx.work_dir = Path(tempfile.mkdtemp(prefix="branch-client-self-test-", dir=ctx.parent))
        probe = ctx.work_dir / "probe"
        with probe.open("wb") as f:
            f.write(b"x" * 4096)
            f.flush()
            os.fsync(f.fileno())
        probe.unlink()
    except OSError as exc:
        where = ctx.parent if ctx.parent is not None else Path(tempfile.gettempdir())
        raise StepFailed(f"cannot write in {where}: {exc.strerror or exc}") from exc
    return str(ctx.work_dir)


def step_qt(ctx: Context) -> str:
    """The Qt application starts (offscreen when there is no display)."""
    from branch_client.app.application import make_application

    ctx.app = make_application([sys.argv[0] if sys.argv else "branch-client"])
    platform = ctx.app.platformName()
    if not platform:
        raise StepFailed("Qt started without a platform plugin")
    from PySide6 import __version__ as pyside_version

    return f"Qt {pyside_version}, platform {platform}"


def step_khmer_font(ctx: Context) -> str:
    """Noto Sans Khmer is registered and has Khmer glyphs."""
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    from branch_client.fonts import KHMER_FAMILY, font_files

    files = font_files()
    if not files:
        raise StepFailed("no Noto Sans Khmer font files found")
    if KHMER_FAMILY not in QFontDatabase.families():
        raise StepFailed(f"{KHMER_FAMILY} is not registered with Qt")
    metrics = QFontMetrics(QFont(KHMER_FAMILY, 12))
    missing = [c for c in _KHMER_SAMPLE if not metrics.inFontUcs4(ord(c))]
    if missing:
        raise StepFailed(f"{KHMER_FAMILY} lacks Khmer characters (U+{ord(missing[0]):04X})")
    ctx.khmer_family = KHMER_FAMILY
    return f"{KHMER_FAMILY} ({', '.join(p.name for p in files)})"


def step_translations(ctx: Context) -> str:
    """The Khmer translation loads and the app switches language with it."""
    from PySide6.QtCore import QTranslator

    from branch_client.i18n import Translator
    from branch_client.paths import translations_dir

    folder = translations_dir()
    translator = QTranslator()
    if not translator.load("branch_client_km", str(folder)) or translator.isEmpty():
        raise StepFailed(f"the Khmer translation (branch_client_km.qm) is missing or empty in {folder}")
    assert ctx.app is not None
    switcher = Translator(ctx.app)
    switcher.set_language("km")
    switched = switcher.language == "km"
    switcher.set_language("en")
    switcher.deleteLater()
    if not switched:
        raise StepFailed("the app did not switch to Khmer")
    return f"branch_client_km.qm from {folder}"


def step_store(ctx: Context) -> str:
    """An encrypted store is created, closed, and opened again through a password key slot."""
    from branch_client.store import BranchDirectory, KdfParams

    branch_dir = ctx.folder / "branch"
    directory = BranchDirectory.claim(branch_dir, kdf=KdfParams())
    ctx.directory = directory
    ctx.cleanups.append(directory.release)
    session, _recovery = directory.create_branch(
        branch_code="TEST-01", branch_name="Self-test", manager_username=_USER, manager_password=_PASSWORD
    )
    session.close(reason="logout")
    header = directory.db_path.read_bytes()[:16]
    if header.startswith(b"SQLite format 3"):
        raise StepFailed("the store was written unencrypted")
    ctx.session = directory.unlock(_USER, _PASSWORD)
    ctx.cleanups.append(_closer(ctx))
    cipher = ctx.session.db.execute("PRAGMA cipher_version").fetchone()
    from branch_client.store import audit

    report = audit.verify_chain(ctx.session.db)
    if not report.intact:
        raise StepFailed("the new store's audit log does not verify")
    return f"SQLCipher {cipher[0] if cipher else '?'}, encrypted, opened with a key slot"


def step_form(ctx: Context) -> str:
    """The registration form definition loads."""
    import forms

    ctx.form = forms.load_form()
    fields = sum(1 for row in ctx.form.fields.values() if row.takes_answer)
    return f"{ctx.form.form_id} {ctx.form.version}: {len(ctx.form.pages)} pages, {fields} questions"


def step_render_form(ctx: Context) -> str:
    """Every page of the form is drawn offscreen, in Khmer."""
    form = _form(ctx)
    images = render_form_offscreen(form, "km")
    blank = [i for i, image in enumerate(images) if image.isNull() or not _has_ink(image)]
    if not images or blank:
        raise StepFailed(f"page {blank[0] + 1 if blank else 1} of the form drew nothing")
    return f"{len(images)} pages drawn in Khmer"


def step_sample_record(ctx: Context) -> str:
    """A realistic sample registration passes the form's rules (gazetteer included)."""
    from forms.samples import generate_registrations

    form = _form(ctx)
    ctx.answers = dict(next(iter(generate_registrations(1, seed=7))))
    problems = form.validate(ctx.answers, "km")
    if problems:
        raise StepFailed(f"the sample record is refused: {', '.join(sorted(problems))}")
    broken = {**ctx.answers, "village": "99999999"}
    if "village" not in form.validate(broken, "en"):
        raise StepFailed("a village code that does not exist was accepted (gazetteer not loaded)")
    return "valid; an unknown village is refused"


def step_seal_batch(ctx: Context) -> str:
    """A batch is sealed to a throwaway centre key, signed, parsed and opened again."""
    from sync import envelope, protocol
    from sync.ids import uuid7_str

    form = _form(ctx)
    answers = ctx.answers or {"sex": "female"}
    record = protocol.Record(
        id=uuid7_str(),
        form_id=form.form_id,
        form_version=form.version,
        answers=answers,
        captured_at="2026-01-01T09:00:00+07:00",
        captured_by=uuid7_str(),
    )
    sizes = []
    for kind in (protocol.KEY_KIND_X25519, protocol.KEY_KIND_MLKEM768_X25519):
        centre = envelope.CentrePrivateKey.generate("self-test", kind)
        device = envelope.DeviceKey.generate()
        sealed = envelope.seal(
            [record],
            batch_id=uuid7_str(),
            sequence=1,
            device_id=uuid7_str(),
            device_key=device,
            centre_key=centre.public_key(),
        )
        parsed = envelope.parse(sealed)
        if not parsed.signature_valid(device.public_bytes):
            raise StepFailed(f"the batch's signature does not verify ({kind})")
        if parsed.open(centre) != [record]:
            raise StepFailed(f"the opened batch differs from the sealed one ({kind})")
        sizes.append(len(sealed))
    return f"HPKE X25519 and ML-KEM-768+X25519, Ed25519 signature, {sizes[0]} bytes"


def step_receipt(ctx: Context) -> str:
    """A PDF with Khmer text and a QR code is written and looks like a PDF with the font in it."""
    from branch_client.receipt import write_sample_receipt

    path = ctx.folder / "receipt.pdf"
    write_sample_receipt(path)
    data = path.read_bytes() if path.exists() else b""
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise StepFailed("the PDF file was not written completely")
    if b"NotoSansKhmer" not in data:
        raise StepFailed("the PDF does not embed Noto Sans Khmer")
    return f"{path.name}, {len(data) // 1024} KiB, Khmer font embedded"


def submit_sample(session: Session, form: Form, answers: Mapping[str, Any]) -> str:
    """Submit the sample registration the way the window does: through the store's one
    transaction, under the branch's review-before-sync policy. Returns its reference."""
    from branch_client.services import capture
    from sync.ids import uuid7_str

    done = capture.submit(session, form, answers, record_id=uuid7_str(), captured_at="2026-01-01T09:00:00+07:00")
    return done.reference


def step_reference_centre(ctx: Context) -> str:
    """The reference centre (`--demo`) starts on loopback; the store enrols and syncs a record."""
    from branch_client.services import sync as sync_service
    from central.runner import start_centre
    from sync.transport import RetryPolicy

    session, directory, form = _session(ctx), ctx.directory, _form(ctx)
    assert directory is not None
    (ctx.folder / "centre").mkdir()
    with start_centre(ctx.folder / "centre" / "centre.db") as centre:
        retry = RetryPolicy(base_s=0.05, ceiling_s=0.5, max_attempts=3)
        code = centre.store.issue_enrolment_code("TEST-01", "Self-test")
        sync_service.enrol(session, centre.url, code, retry=retry)
        submit_sample(session, form, ctx.answers)
        runner = sync_service.SyncRunner(directory.db_path, session.key, retry=retry)
        try:
            result = runner.run()
        finally:
            runner.close()
    if result is None or result.error is not None:
        reason = result.error.code if result is not None and result.error is not None else "not enrolled"
        raise StepFailed(f"the sync pass did not complete: {reason}")
    if result.accepted != 1:
        raise StepFailed(f"the centre accepted {result.accepted} of 1 record")
    return "enrolled, 1 record sent and accepted over loopback"


def steps() -> list[Step]:
    """The checks, in order (each may use what the earlier ones made)."""
    return [
        Step("data folder", step_data_folder),
        Step("qt", step_qt),
        Step("khmer font", step_khmer_font),
        Step("translations", step_translations),
        Step("store", step_store),
        Step("form", step_form),
        Step("form rendered", step_render_form),
        Step("sample record", step_sample_record),
        Step("batch sealed", step_seal_batch),
        Step("receipt pdf", step_receipt),
        Step("reference centre", step_reference_centre),
    ]


# --- what the steps draw ----------------------------------------------------------------


def render_form_offscreen(form: Form, lang: str) -> list[QImage]:
    """Each page of `form` drawn to an image, without a window, by the teller's own wizard
    (the same widgets, address lists and validation a registration goes through)."""
    from PySide6.QtWidgets import QApplication

    from branch_client.ui.capture.wizard_view import WizardView
    from forms.wizard import Wizard

    wizard = Wizard(form, lang=lang)
    view = WizardView()
    view.resize(1000, 1400)
    view.load(wizard, heading=form.title(lang))
    images = []
    try:
        for index in range(len(wizard.pages)):
            view.show_page(index, focus=False)
            QApplication.processEvents()
            images.append(view.grab().toImage())
    finally:
        view.deleteLater()
    return images


# --- running --------------------------------------------------------------------------


def run(*, parent: Path | None = None, verbose: bool = False, out: Any = None) -> int:
    """Run every step; print one line each; 0 when all passed, 1 at the first failure."""
    out = out or sys.stdout
    _use_offscreen_without_display()
    if verbose:
        logging.basicConfig(level=logging.INFO, stream=sys.stderr, format="%(levelname)s %(name)s: %(message)s")
    ctx = Context(parent=parent)
    started = time.perf_counter()
    all_steps = steps()
    with _cleaned_up(ctx):
        for step in all_steps:
            try:
                detail = step.run(ctx)
            except Exception as exc:
                reason = _plain_reason(exc)
                print(f"FAIL {step.name}: {reason}", file=out, flush=True)
                print(f"branch-client: self-test failed at step '{step.name}'", file=sys.stderr)
                if verbose:
                    traceback.print_exception(exc, file=sys.stderr)
                return 1
            print(f"ok   {step.name}: {detail}", file=out, flush=True)
    print(f"self-test passed: {len(all_steps)} steps in {time.perf_counter() - started:.1f} s", file=out, flush=True)
    return 0


def _use_offscreen_without_display() -> None:
    """No window is shown; without a display (Linux server, CI), use Qt's offscreen platform."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


@contextlib.contextmanager
def _cleaned_up(ctx: Context) -> Iterator[None]:
    try:
        yield
    finally:
        for cleanup in reversed(ctx.cleanups):
            with contextlib.suppress(Exception):
                cleanup()
        if ctx.work_dir is not None:
            shutil.rmtree(ctx.work_dir, ignore_errors=True)


def _closer(ctx: Context) -> Callable[[], None]:
    def close() -> None:
        if ctx.session is not None:
            ctx.session.close(reason="logout")

    return close


def _form(ctx: Context) -> Form:
    if ctx.form is None:
        raise StepFailed("the form was not loaded")
    return ctx.form


def _session(ctx: Context) -> Session:
    if ctx.session is None:
        raise StepFailed("the store was not opened")
    return ctx.session


def _has_ink(image: QImage) -> bool:
    """Whether the image has more than one colour (text was drawn on the background)."""
    small = image.scaled(64, 64)
    first = small.pixel(0, 0)
    return any(small.pixel(x, y) != first for y in range(small.height()) for x in range(small.width()))


def _plain_reason(exc: Exception) -> str:
    """What went wrong in words: our own reason, a known store condition, or the error's kind."""
    from branch_client.store import KnownError

    if isinstance(exc, StepFailed):
        return str(exc)
    if isinstance(exc, KnownError):
        return f"{exc.code}: {exc}"
    if isinstance(exc, OSError):
        return f"{exc.strerror or type(exc).__name__}{f' ({exc.filename})' if exc.filename else ''}"
    if isinstance(exc, ImportError):
        return f"a part of the program is missing: {exc.name or exc}"
    return f"unexpected {type(exc).__name__}: {exc}"[:300]
