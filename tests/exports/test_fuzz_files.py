"""Promise 7 (files): whatever is in a file to import or check, the result is a plan or a report with
Dutch row-level problems, or one Dutch ExportError — never another exception."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcv_tui.domain.demo import build_demo
from lcv_tui.exports.check import check_file
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.imports import plan_payments, plan_tenants

TODAY = dt.date(2026, 11, 23)
DATA = build_demo(TODAY)
TENANT_HEADER = [
    "Klantnummer",
    "Achternaam",
    "Voorletters",
    "Straat",
    "Huisnummer",
    "Toevoeging",
    "Postcode",
    "Woonplaats",
    "Gemeente",
    "Telefoon",
    "E-mail",
    "Huur",
    "Vervaldag",
    "Ingangsdatum",
]
PAYMENT_HEADER = ["Klantnummer", "Datum", "Bedrag", "Omschrijving"]
UPLOAD_HEADER = [
    "Achternaam",
    "Voorletters",
    "Straatnaam",
    "Huisnummer",
    "Huisnummer toevoeging",
    "Postcode",
    "Woonplaats",
    "Telefoonnummer 1",
    "E-Mailadres",
    "Aantal maanden achterstand",
    "Bedrag achterstand",
]

cells = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            '=HYPERLINK("x")',
            "+31612345678",
            "@SUM(A1)",
            "-1",
            "0",
            "1.234,56",
            "31-02-2026",
            "9999 ZZ",
            "0000 AA",
            "ĳzerman",
            "\t",
            "\r\n",
            "＝1+1",
            "",
            " ",
            "NaN",
            "1e308",
            "12345678901234567890",
        ]
    ),
)


def _run_all(path: Path) -> None:
    for action in (
        lambda: plan_tenants(path, DATA),
        lambda: plan_payments(path, DATA, today=TODAY),
        lambda: check_file(path),
    ):
        try:
            action()
        except ExportError as exc:
            assert exc.message and "Traceback" not in exc.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=st.binary(max_size=400), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes_never_crash(payload, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"bestand{suffix}"
        path.write_bytes(payload)
        _run_all(path)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.sampled_from([TENANT_HEADER, PAYMENT_HEADER, UPLOAD_HEADER]),
    rows=st.lists(st.lists(cells, min_size=0, max_size=16), max_size=6),
    delimiter=st.sampled_from([";", ",", "\t"]),
)
def test_random_cells_under_real_headers_never_crash(header, rows, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bestand.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        _run_all(path)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=14), min_size=1, max_size=4))
def test_random_xlsx_cells_never_crash(rows):
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(TENANT_HEADER)
    for row in rows:
        # Excel itself cannot hold control characters or a leading '=' as text; keep what a real file can hold.
        clean = [ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row]
        sheet.append([cell if not cell.startswith("=") else "'" + cell for cell in clean])
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bestand.xlsx"
        workbook.save(path)
        _run_all(path)
