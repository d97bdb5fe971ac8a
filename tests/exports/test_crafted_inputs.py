"""Never a traceback, never a secret; check and imports read every row (issue 14, points 5 and 6).

Each crafted file of the issue (and our own equivalents) gives a clear Dutch message through the
CLI. The test docstrings name the README promise ("Betrouwbaarheid en veiligheid") they guard.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from export_support import GOLDEN

from lcv_tui import cli
from lcv_tui.exports import sheets

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_CSV = (GOLDEN / "ris_2021.csv").read_text(encoding="utf-8-sig")
HEADER, FIRST, SECOND = GOLDEN_CSV.splitlines()[:3]


def run(*argv: str, clock=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(list(argv), clock=clock, out=out, err=err)
    text = out.getvalue() + err.getvalue()
    assert "Traceback" not in text and 'File "' not in text
    return code, out.getvalue(), err.getvalue()


def _csv(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "signalen.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _xlsx(tmp_path: Path, rows: list[list[object]], name: str = "signalen.xlsx") -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def _golden_rows() -> list[list[object]]:
    return [line.split(";") for line in (HEADER, FIRST, SECOND)]


def _rewrite_sheet(path: Path, change) -> None:
    """Rewrite the first sheet's XML inside an XLSX with ``change(xml) -> xml``."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = change(parts[name].decode()).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for part, raw in parts.items():
            target.writestr(part, raw)


# --- check -------------------------------------------------------------------------------------


def test_check_on_a_5000_digit_month_count_says_what_is_wrong(tmp_path):
    """Promise: never a traceback. A month count of 5,000 digits is reported, not a crash."""
    row = FIRST.split(";")
    row[9] = "9" * 5000
    code, out, _err = run("check", str(_csv(tmp_path, ";".join(row))))
    assert code == 1 and "geen heel getal van redelijke grootte" in out and "9" * 30 not in out


def test_check_on_a_field_over_128_kb_says_what_is_wrong(tmp_path):
    """Promise: never a traceback; sane limits. A field of 200 KB is refused with a Dutch message."""
    row = FIRST.split(";")
    row[0] = "x" * 200_000
    code, out, _err = run("check", str(_csv(tmp_path, ";".join(row))))
    assert code == 1 and "veld dat veel te lang is" in out
    row[0] = "x" * 40_000  # under the csv module's limit, over Excel's cell maximum
    code, out, _err = run("check", str(_csv(tmp_path, ";".join(row))))
    assert code == 1 and "de cel is te lang" in out


def test_check_on_more_than_18278_columns_says_what_is_wrong(tmp_path):
    """Promise: never a traceback. Beyond openpyxl's last column (ZZZ) and beyond the column limit."""
    path = _xlsx(tmp_path, _golden_rows())
    _rewrite_sheet(
        path,
        lambda xml: xml.replace(
            "</row>", '<c r="AAAA1" t="inlineStr"><is><t>x</t></is></c></row>', 1
        ),
    )
    code, out, _err = run("check", str(path))
    assert code == 1 and "geen leesbaar Excel-bestand" in out
    wide = _xlsx(
        tmp_path, [["Achternaam", *[f"k{i}" for i in range(sheets.MAX_COLUMNS + 5)]]], "w.xlsx"
    )
    code, out, _err = run("check", str(wide))
    assert code == 1 and "kolommen (hooguit" in out


def test_check_on_a_truncated_sheet_xml_says_what_is_wrong(tmp_path):
    """Promise: never a traceback (a sheet whose XML stops half-way)."""
    path = _xlsx(tmp_path, _golden_rows())
    _rewrite_sheet(path, lambda xml: xml[: len(xml) // 2])
    code, out, _err = run("check", str(path))
    assert code == 1 and "geen leesbaar Excel-bestand" in out


def test_check_reads_rows_the_dimension_hides(tmp_path):
    """Promise: check reads every row. A sheet that declares two rows but holds a third with a
    ``=HYPERLINK`` formula is not "in orde"."""
    rows = _golden_rows()
    rows.append(['=HYPERLINK("https://voorbeeld.invalid","x")', *rows[1][1:]])
    path = _xlsx(tmp_path, rows)
    _rewrite_sheet(
        path, lambda xml: re.sub(r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:K2"/>', xml)
    )
    assert (
        '<dimension ref="A1:K2"/>'
        in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml").decode()
    )
    code, out, _err = run("check", str(path))
    assert code == 1 and "formule" in out and "Regel 4" in out


def test_files_beyond_the_limits_are_refused_before_reading(tmp_path, monkeypatch):
    """Promise: sane limits (file size, rows) with a clear Dutch message."""
    path = _csv(tmp_path, FIRST, SECOND)
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", 100)
    code, _out, err = run("check", str(path))
    assert code == 3 and "te groot" in err
    monkeypatch.setattr(sheets, "MAX_FILE_BYTES", 10**9)
    monkeypatch.setattr(sheets, "MAX_ROWS", 2)
    code, out, _err = run("check", str(path))
    assert code == 1 and "meer dan 2 regels" in out


def test_a_zip_bomb_is_refused_by_its_unpacked_size(tmp_path, monkeypatch):
    """Promise: sane limits (an XLSX is refused by its unpacked size before it is parsed)."""
    path = _xlsx(tmp_path, _golden_rows())
    monkeypatch.setattr(sheets, "MAX_UNPACKED_BYTES", 1000)
    code, out, _err = run("check", str(path))
    assert code == 1 and "uitgepakt te groot" in out


# --- imports -----------------------------------------------------------------------------------

TENANT_HEADER = "Achternaam;Voorletters;Postcode;Huisnummer;Gemeente;Huur;Vervaldag;Ingangsdatum"


@pytest.mark.parametrize("due_day", ["²", "9" * 5000, "٣"])
def test_import_tenants_with_an_odd_due_day_names_the_row(demo_vault, clock, tmp_path, due_day):
    """Promise: never a traceback. A due day ``²``, a huge number or another script's digit is a row error."""
    path = tmp_path / "huurders.csv"
    path.write_text(
        f"{TENANT_HEADER}\nJansen;P.;3511 AB;99;Utrecht;800,00;{due_day};01-01-2025\n",
        encoding="utf-8",
    )
    code, out, _err = run(
        "import", "tenants", str(path), "--data-dir", str(demo_vault.data_dir), clock=clock
    )
    assert code == 1 and "geen geldige vervaldag" in out and "9" * 30 not in out


def test_import_of_a_truncated_xlsx_says_what_is_wrong(demo_vault, clock, tmp_path):
    """Promise: never a traceback (an XLSX cut off half-way)."""
    path = _xlsx(
        tmp_path,
        [
            TENANT_HEADER.split(";"),
            ["Jansen", "P.", "3511 AB", 99, "Utrecht", 800, 1, "01-01-2025"],
        ],
    )
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    code, _out, err = run(
        "import", "tenants", str(path), "--data-dir", str(demo_vault.data_dir), clock=clock
    )
    assert code == 3 and "geen leesbaar Excel-bestand" in err


def test_import_reads_rows_the_dimension_hides(demo_vault, clock, tmp_path):
    """Promise: imports read every row, whatever the sheet's ``<dimension>`` declares."""
    rows = [
        TENANT_HEADER.split(";"),
        ["Jansen", "P.", "3511 AB", 99, "Utrecht", 800, 1, "01-01-2025"],
        ["Pietersen", "K.", "3511 AB", 101, "Utrecht", 800, 1, "01-01-2025"],
    ]
    path = _xlsx(tmp_path, rows)
    _rewrite_sheet(
        path, lambda xml: re.sub(r'<dimension ref="[^"]+"\s*/>', '<dimension ref="A1:H2"/>', xml)
    )
    code, out, _err = run(
        "import",
        "tenants",
        str(path),
        "--dry-run",
        "--data-dir",
        str(demo_vault.data_dir),
        clock=clock,
    )
    assert "2 regel(s) gelezen" in out, out


# --- the guard in main ---------------------------------------------------------------------------


def test_out_with_a_300_character_file_name_says_what_is_wrong(demo_vault, clock, tmp_path):
    """Promise: never a traceback (a file name longer than the file system allows)."""
    out_path = tmp_path / ("x" * 300 + ".xlsx")
    code, _out, err = run(
        "export",
        "signals",
        "--out",
        str(out_path),
        "--data-dir",
        str(demo_vault.data_dir),
        clock=clock,
    )
    assert code == 3 and ("te lang" in err or "kon niet worden" in err), err


def test_an_unexpected_error_gives_a_dutch_message_without_its_text(monkeypatch, tmp_path):
    """Promise: never a traceback, never a secret. An unexpected error ends with a Dutch message,
    exit 1 and a crash note naming only the type and the place, not the message or any value."""

    def broken(args, ctx):
        secret = "Jansen woont op de Dorpsstraat 1"
        raise ValueError(secret)

    monkeypatch.setattr(cli, "resolve_handler", lambda name: broken)
    code, out, err = run("backups", "--data-dir", str(tmp_path))
    assert code == 1 and "onverwachts mis" in err and "ValueError" in err
    assert "Jansen" not in out + err and "Dorpsstraat" not in out + err


def test_a_file_system_error_gives_exit_code_3(monkeypatch, tmp_path):
    """Promise: never a traceback (an OSError anywhere ends with a Dutch message and exit 3)."""

    def broken(args, ctx):
        raise PermissionError(13, "Permission denied", str(tmp_path / "x"))

    monkeypatch.setattr(cli, "resolve_handler", lambda name: broken)
    code, _out, err = run("backups", "--data-dir", str(tmp_path))
    assert code == 3 and "kon niet worden gelezen of geschreven" in err


@pytest.mark.skipif(sys.platform == "win32", reason="uses a POSIX shell pipe")
def test_a_closed_pipe_ends_quietly(tmp_path):
    """Promise: never a traceback (``agenda --json | head`` ends quietly)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), LCV_TUI_PASSPHRASE="demo")
    data = tmp_path / "demo"
    subprocess.run(
        [sys.executable, "-m", "lcv_tui", "demo", "--no-open", "--data-dir", str(data)],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    done = subprocess.run(
        f"'{sys.executable}' -m lcv_tui agenda --json --data-dir '{data}' | head -c 10",
        shell=True,
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout.startswith("{") and done.stderr == ""
