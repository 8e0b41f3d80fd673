"""Forms: load the registration form cold, then validate generated registrations.

`form_load_ms` is the median, over several fresh `python` processes, of the time from
`import forms` to `forms.load_form()` returning (imports included, nothing cached, the
gazetteer not read). `validate_ms_per_record` is `Form.validate` over 10,000 generated
registrations, after one warm-up record has read the gazetteer and the phone metadata.
Goals: load ≤ 100 ms, validate ≤ 1 ms per record.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import subprocess
import sys
import time

from bench.report import print_json, print_table

LOAD_GOAL_MS = 100.0
VALIDATE_GOAL_MS = 1.0
_COLD_LOAD = "import time; started = time.perf_counter(); import forms; forms.load_form(); print((time.perf_counter() - started) * 1000)"


def cold_load_ms() -> float:
    """Milliseconds to import forms and load the latest registration form in a new process."""
    result = subprocess.run([sys.executable, "-c", _COLD_LOAD], capture_output=True, text=True, check=True)
    return float(result.stdout)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="python -m bench forms", description=__doc__.splitlines()[0])
    p.add_argument("--records", type=int, default=10_000, help="generated registrations to validate")
    p.add_argument("--runs", type=int, default=7, help="fresh processes timing the cold load (at least 3)")
    p.add_argument("--seed", type=int, default=0, help="seed of the generated registrations")
    args = p.parse_args(argv)
    records_n = max(1, args.records)

    cold_load_ms()  # warms the OS file cache and writes .pyc files; not counted
    loads = [cold_load_ms() for _ in range(max(3, args.runs))]
    load_ms = statistics.median(loads)

    import forms
    from forms.samples import generate_registrations

    today = datetime.date.today()
    form = forms.load_form()
    started = time.perf_counter()
    form.validate(
        next(generate_registrations(1, seed=args.seed, today=today)), today=today
    )  # gazetteer, phone metadata
    first_use_ms = (time.perf_counter() - started) * 1000

    started = time.perf_counter()
    records = list(generate_registrations(records_n, seed=args.seed, today=today))
    generate_s = time.perf_counter() - started

    started = time.perf_counter()
    invalid = sum(1 for record in records if form.validate(record, today=today))
    validate_ms = (time.perf_counter() - started) * 1000 / records_n

    started = time.perf_counter()
    for record in records:
        form.normalise(record)
    normalise_ms = (time.perf_counter() - started) * 1000 / records_n

    print_table(
        ["measure", "value"],
        [
            ["cold load, ms (median of fresh processes)", load_ms],
            ["cold load runs, ms", " ".join(f"{t:.1f}" for t in loads)],
            [f"goal load ≤ {LOAD_GOAL_MS:g} ms", "met" if load_ms <= LOAD_GOAL_MS else "MISSED"],
            ["first validation (reads gazetteer, phone data), ms", first_use_ms],
            ["records generated per second", f"{records_n / generate_s:,.0f}"],
            [f"validate, ms per record ({records_n:,} records)", validate_ms],
            [f"goal validate ≤ {VALIDATE_GOAL_MS:g} ms", "met" if validate_ms <= VALIDATE_GOAL_MS else "MISSED"],
            ["normalise, ms per record", normalise_ms],
            ["generated records with a problem (should be 0)", invalid],
        ],
    )
    print_json(
        {
            "form_load_ms": round(load_ms, 1),
            "validate_ms_per_record": round(validate_ms, 4),
            "normalise_ms_per_record": round(normalise_ms, 4),
            "generate_records_per_s": round(records_n / generate_s),
            "first_validation_ms": round(first_use_ms, 1),
            "records": records_n,
            "invalid_records": invalid,
        }
    )
    return 0 if invalid == 0 else 1
