"""The export of 10,000 signals (CSV and XLSX), each against a bare writer of the same rows."""

from __future__ import annotations

import csv
import tempfile
from pathlib import Path

from benchmarks import data as bench_data
from benchmarks.timing import Result, paired_medians

CSV_GOAL_RATIO = 1.5
XLSX_GOAL_RATIO = 1.2
EXPORT_COUNT = 10_000


def _bare_rows(records, columns) -> list[list]:
    return [[getattr(record, column.field) for column in columns] for record in records]


def run_exports(repeat: int) -> list[Result]:
    from openpyxl import Workbook

    from lcv_tui.exports.profiles import RIS_2021
    from lcv_tui.exports.upload import write_upload

    records = bench_data.signal_records(EXPORT_COUNT)
    columns = RIS_2021.columns_for(False)
    dialect = RIS_2021.dialect
    results = []
    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        folder = Path(tmp)

        def csv_baseline() -> None:
            with open(folder / "bare.csv", "w", newline="", encoding=dialect.encoding) as handle:
                writer = csv.writer(
                    handle, delimiter=dialect.delimiter, lineterminator=dialect.line_terminator
                )
                writer.writerow([c.label for c in columns])
                for record in records:
                    writer.writerow([getattr(record, column.field) for column in columns])

        ours, base = paired_medians(
            lambda: write_upload(records, folder / "signalen.csv", fmt="csv"),
            csv_baseline,
            repeat * 2,
        )
        results.append(
            Result(
                "export CSV",
                EXPORT_COUNT,
                ours,
                base,
                goal=f"≤ {CSV_GOAL_RATIO}×",
                passed=ours / base <= CSV_GOAL_RATIO,
                note="write_upload vs bare csv.writer loop",
            )
        )

        def xlsx_baseline() -> None:
            workbook = Workbook(write_only=True)
            sheet = workbook.create_sheet("Signalen")
            sheet.append([c.label for c in columns])
            for record in records:
                sheet.append([getattr(record, column.field) for column in columns])
            workbook.save(folder / "bare.xlsx")

        xlsx_repeat = max(3, repeat // 2)
        ours, base = paired_medians(
            lambda: write_upload(records, folder / "signalen.xlsx", fmt="xlsx"),
            xlsx_baseline,
            xlsx_repeat,
        )
        results.append(
            Result(
                "export XLSX",
                EXPORT_COUNT,
                ours,
                base,
                goal=f"≤ {XLSX_GOAL_RATIO}×",
                passed=ours / base <= XLSX_GOAL_RATIO,
                note="write_upload vs bare openpyxl write-only loop",
            )
        )
    return results
