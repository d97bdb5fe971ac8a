"""Export speed against bare loops writing the same rows (run: .venv/bin/python tests/exports/bench_export.py).

Goals: CSV ≤ 1.5× a bare ``csv.writer`` loop; XLSX ≤ 1.2× a bare openpyxl write-only loop.
Each side runs alternately several times; the best time of each counts (the machine may be busy).
"""

from __future__ import annotations

import csv
import gc
import io
import sys
import time
from decimal import Decimal

from lcv_tui.domain.sharing import SignalRecord
from lcv_tui.exports.profiles import RIS_2021
from lcv_tui.exports.upload import render_csv, render_xlsx

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
RECORDS = [
    SignalRecord(
        tenant_id=str(i),
        klantnummer=f"H-{i}",
        gemeente="Utrecht",
        achternaam=f"Jansen{i}",
        voorletters="J.P.",
        straatnaam="",
        huisnummer=str(i % 300 + 1),
        toevoeging="A" if i % 3 else "",
        postcode="1234 AB",
        woonplaats="",
        telefoon=("0612345678",) if i % 2 else (),
        email="a@voorbeeld.nl",
        maanden=2,
        bedrag=Decimal("1234.56"),
    )
    for i in range(N)
]
COLUMNS = RIS_2021.columns


def bare_csv() -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([c.label for c in COLUMNS])
    for r in RECORDS:
        writer.writerow(
            [
                r.achternaam,
                r.voorletters,
                r.straatnaam,
                r.huisnummer,
                r.toevoeging,
                r.postcode,
                r.woonplaats,
                r.telefoon[0] if r.telefoon else "",
                r.email,
                r.maanden,
                f"{r.bedrag:.2f}".replace(".", ","),
            ]
        )
    return buffer.getvalue().encode("utf-8-sig")


def bare_xlsx() -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Signalen")
    sheet.append([c.label for c in COLUMNS])
    for r in RECORDS:
        sheet.append(
            [
                r.achternaam,
                r.voorletters,
                r.straatnaam,
                r.huisnummer,
                r.toevoeging,
                r.postcode,
                r.woonplaats,
                r.telefoon[0] if r.telefoon else "",
                r.email,
                r.maanden,
                r.bedrag,
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def ours_csv() -> bytes:
    return render_csv(RECORDS, COLUMNS, RIS_2021.dialect)


def ours_xlsx() -> bytes:
    return render_xlsx(RECORDS, COLUMNS)


def best_of(bare, ours, rounds: int) -> tuple[float, float]:
    bare_times, our_times = [], []
    for _ in range(rounds):
        for fn, times in ((bare, bare_times), (ours, our_times)):
            gc.collect()
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return min(bare_times), min(our_times)


if __name__ == "__main__":
    for name, bare, ours, rounds, goal in (
        ("CSV", bare_csv, ours_csv, 30, 1.5),
        ("XLSX", bare_xlsx, ours_xlsx, 5, 1.2),
    ):
        b, o = best_of(bare, ours, rounds)
        print(
            f"{name} {N} rows: bare {b * 1000:.1f} ms, lcv-tui {o * 1000:.1f} ms, ratio {o / b:.2f} (goal ≤ {goal})"
        )
