"""Logs never carry names, ID numbers or phone numbers."""

from __future__ import annotations

import logging
from pathlib import Path

from branch_client.app.logging_setup import LOG_FILENAME, configure, scrub

PII = ["110523987", "+855 12 345 678", "012345678", "០១២៣៤៥៦៧៨", "ចាន់ថា សុគន្ធា", "sokha@example.com"]


def test_scrub_masks_pii_shapes_but_keeps_ids_and_times() -> None:
    record_id = "01a20e5e-5a36-75b8-86da-5bf332679afe"
    text = f"record {record_id} at 2026-11-24T16:23:14.230169+00:00 " + " ".join(PII)
    cleaned = scrub(text)
    for value in PII:
        assert value not in cleaned
    assert record_id in cleaned
    assert "2026-11-24T16:23:14.230169+00:00" in cleaned


def test_the_log_file_gets_scrubbed_messages_and_tracebacks(tmp_path: Path) -> None:
    path = configure(tmp_path)
    logger = logging.getLogger("branch_client.test")
    logger.info("looked up %s", PII[0])
    try:
        raise ValueError(f"bad owner {PII[4]} phone {PII[1]}")
    except ValueError:
        logger.exception("unexpected error")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert path.name == LOG_FILENAME
    assert "Traceback" in content  # bugs keep their stack ...
    for value in PII:
        assert value not in content  # ... but not the citizen's data
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, "_cam_ie", False)]:
        root.removeHandler(handler)
        handler.close()
