"""Run every benchmark and print one table: ``python -m benchmarks`` or ``python benchmarks/run.py``.

Options: ``--quick`` (fewer repeats, sizes 100 and 1,000 only, for a smoke run), ``--only NAME``
(startup, store, agenda, export, imports, letters, dossier, filter, memory; may be repeated),
``--repeat N``, ``--json PATH`` (also write the figures as JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` and ``lcv_tui`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# Never the user's keyring or data folder, whatever the machine has.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("LCV_TUI_PASSPHRASE", None)
os.environ.pop("LCV_TUI_DATA_DIR", None)

from benchmarks.timing import Result

SIZES = [100, 1_000, 10_000]
ALL = ("startup", "store", "agenda", "export", "imports", "letters", "dossier", "filter", "memory")


def _fmt_value(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.2f}{unit}"


def table(results: list[Result]) -> str:
    header = ("Benchmark", "N", "Ours", "Baseline", "Ratio", "Goal", "Result")
    rows = []
    for r in results:
        rows.append(
            (
                r.name,
                f"{r.size:,}" if r.size else "",
                _fmt_value(r.seconds, r.unit),
                _fmt_value(r.baseline, r.unit) if r.baseline is not None else "",
                f"{r.ratio:.2f}×" if r.ratio is not None else "",
                r.goal,
                "" if r.passed is None else ("PASS" if r.passed else "MISS"),
            )
        )
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    lines = [
        " | ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)),
        "-+-".join("-" * w for w in widths),
    ]
    lines += [" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    notes = [
        f"  {r.name}{f' (N={r.size:,})' if r.size else ''}: {r.note}" for r in results if r.note
    ]
    return "\n".join(lines + ["", "Notes:", *notes])


def machine() -> str:
    return (
        f"{os.cpu_count()} cores, {' '.join(platform.uname())}, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description="lcv-tui benchmarks")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", action="append", choices=ALL)
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)
    chosen = args.only or list(ALL)
    sizes = SIZES[:2] if args.quick else SIZES
    repeat = args.repeat or (3 if args.quick else 7)
    largest = sizes[-1]

    print(f"lcv-tui benchmarks, {dt.datetime.now():%Y-%m-%d %H:%M}; {machine()}", flush=True)
    results: list[Result] = []
    started = time.perf_counter()
    for name in chosen:
        t0 = time.perf_counter()
        print(f"… {name}", end="", flush=True)
        if name == "startup":
            from benchmarks import startup

            results += startup.run(repeat)
        elif name == "store":
            from benchmarks import store

            results += store.run(sizes, max(3, repeat // 2))
        elif name == "agenda":
            from benchmarks import year

            results += year.run_agenda(sizes, repeat)
        elif name == "export":
            from benchmarks import compute, year

            results += compute.run_exports(repeat)
            results += year.run_export(sizes, repeat)
        elif name == "imports":
            from benchmarks import year

            results += year.run_imports(sizes, repeat)
        elif name == "letters":
            from benchmarks import year

            results += year.run_letters(repeat)
        elif name == "dossier":
            from benchmarks import year

            results += year.run_dossier(largest, repeat)
        elif name == "filter":
            from benchmarks import tui

            results += tui.run(largest)
        elif name == "memory":
            from benchmarks import memory

            results += memory.run(largest)
        print(f" {time.perf_counter() - t0:.0f} s", flush=True)
    print()
    print(table(results))
    missed = [r for r in results if r.passed is False]
    passed = sum(1 for r in results if r.passed)
    print(f"\n{passed} PASS, {len(missed)} MISS; {time.perf_counter() - started:.0f} s in all.")
    if args.json:
        Path(args.json).write_text(
            json.dumps(
                {
                    "machine": machine(),
                    "results": [{**r.__dict__, "ratio": r.ratio} for r in results],
                },
                indent=2,
                ensure_ascii=False,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
