"""check_file: every kind of broken upload file is found, with row and column, in Dutch."""

from __future__ import annotations

import pytest
from export_support import FIXED_RECORDS

from lcv_tui.exports.check import check_file, guess_profile
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.profiles import WITHDRAWAL_2021
from lcv_tui.exports.upload import render_upload

HEADER = (
    "Achternaam;Voorletters;Straatnaam;Huisnummer;Huisnummer "
    "toevoeging;Postcode;Woonplaats;Telefoonnummer 1;E-Mailadres;Aantal maanden "
    "achterstand;Bedrag achterstand"
)
GOOD = "de Vries;A.;;12;A;3511 AB;;0612345678;a@voorbeeld.nl;2;1700,00"


def csv_file(tmp_path, text: str, *, encoding="utf-8-sig", name="f.csv"):
    path = tmp_path / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def problems(report):
    return [(p.row, p.column, p.message) for p in report.problems]


def find(report, row, column, needle):
    hits = [
        p for p in report.problems if p.row == row and p.column == column and needle in p.message
    ]
    assert hits, f"no problem at row {row}, column {column} with {needle!r}: {problems(report)}"
    return hits[0]


def test_good_files_pass(tmp_path):
    assert check_file(csv_file(tmp_path, f"{HEADER}\n{GOOD}\n")).ok
    for fmt in ("csv", "xlsx"):
        path = tmp_path / f"s.{fmt}"
        path.write_bytes(render_upload(FIXED_RECORDS, fmt=fmt))
        report = check_file(path)
        assert report.ok and report.rows == 3, problems(report)
    # UTF-8 without BOM and the decimal point are accepted (with a warning for the BOM)
    report = check_file(
        csv_file(tmp_path, f"{HEADER}\nÖztürk;;;1;;1234 AB;;;;1;12.50\n", encoding="utf-8")
    )
    assert report.ok and any("BOM" in w.message for w in report.warnings)


def test_encoding_cp1252(tmp_path):
    report = check_file(
        csv_file(tmp_path, f"{HEADER}\nÖztürk;;;1;;1234 AB;;;;1;12,50\n", encoding="cp1252")
    )
    assert report.encoding == "cp1252" and not report.ok
    assert "Windows-1252" in report.problems[0].message and report.problems[0].row is None


def test_delimiter(tmp_path):
    report = check_file(
        csv_file(
            tmp_path,
            f"{HEADER.replace(';', ',')}\n{GOOD.replace(';', ',').replace('1700,00', '1700.00')}\n",
        )
    )
    assert report.delimiter == "," and not report.ok
    assert (
        "komma (,)" in report.problems[0].message and "puntkomma (;)" in report.problems[0].message
    )


def test_headers(tmp_path):
    header = (
        HEADER.replace("Huisnummer;", "Huisnumer;").replace("E-Mailadres", "E-mailadres")
        + ";BSN;Geboortedatum;Opmerking"
    )
    row = GOOD + ";123456782;01-01-1980;x"
    report = check_file(csv_file(tmp_path, f"{header}\n{row}\n"))
    find(report, 1, "Huisnumer", "verkeerd gespeld: moet 'Huisnummer'")
    find(report, 1, "E-mailadres", "precies als 'E-Mailadres'")
    find(report, 1, "BSN", "verboden: deze kolom mag niet gedeeld worden")
    find(report, 1, "Geboortedatum", "verboden: deze kolom mag niet gedeeld worden")
    find(report, 1, "Opmerking", "Onbekende kolom")
    missing = check_file(
        csv_file(
            tmp_path, HEADER.replace(";Postcode", "") + "\nde Vries;A.;;12;A;;;a@b.nl;2;1,00\n"
        )
    )
    find(missing, 1, "Postcode", "Kolom ontbreekt")
    labels = HEADER.split(";")
    labels[0], labels[1] = labels[1], labels[0]
    swapped = check_file(
        csv_file(tmp_path, ";".join(labels) + "\nA.;de Vries;;12;A;3511 AB;;;;2;1,00\n")
    )
    assert any("verkeerde volgorde" in p.message for p in swapped.problems)


def test_values(tmp_path):
    rows = [
        '=HYPERLINK("x");A.;;12;;3511 AB;;+31612345678;@x;2;10,00',  # row 2: triggers
        ";A.;;0;;1234 SA;;;;0;-5",  # row 3: empty mandatory, bad numbers
        "Jansen;;;12a;;12345;;;;1,5;1.234,56",  # row 4
        ";;;;;;;;;;",  # row 5: empty row in the middle
        "Bakker;;;7;;1234 AB;;;;1;5,00",  # row 6
        "Bakker;;;7;;1234 AB;;;;1;5,00",  # row 7: duplicate row
        "Visser;;;7;;1234 AB;;;;2;6,00",  # row 8: same address
        "Smit;;;8;;1234 AB;;;;1;5,00;extra",  # row 9: too many values
    ]
    report = check_file(csv_file(tmp_path, HEADER + "\n" + "\n".join(rows) + "\n"))
    find(report, 2, "Achternaam", "begint met '='")
    find(report, 2, "Telefoonnummer 1", "begint met '+'")
    find(report, 2, "E-Mailadres", "begint met '@'")
    find(report, 3, "Achternaam", "Verplicht veld is leeg")
    find(report, 3, "Huisnummer", "geen geldig huisnummer")
    find(report, 3, "Postcode", "SA")
    find(report, 3, "Aantal maanden achterstand", "minstens 1")
    find(report, 3, "Bedrag achterstand", "groter zijn dan 0")
    find(report, 4, "Huisnummer", "'12a' is geen geldig huisnummer")
    find(report, 4, "Postcode", "Ongeldige postcode")
    find(report, 4, "Aantal maanden achterstand", "geen heel getal")
    find(report, 4, "Bedrag achterstand", "geen geldig bedrag")
    find(report, 5, None, "Lege regel")
    find(report, 7, None, "Dubbele regel: gelijk aan regel 6")
    find(report, 8, "Postcode", "Zelfde adres als regel 6")
    find(report, 9, None, "meer waarden")
    assert not report.ok and report.rows == 7
    assert all(str(p)[0].isupper() for p in report.problems)


def test_xlsx_problems(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(HEADER.split(";"))
    ws.append(["de Vries", "A.", None, 12, None, "3511 AB", None, None, None, 2, 1700])
    ws.append(["Jansen", None, None, "3", None, "3511 AC", None, None, None, "=1+1", "=A2"])
    ws.append(["Bakker", None, None, "4", None, "3511 AD", None, None, None, 1.5, 10.123])
    path = tmp_path / "f.xlsx"
    wb.save(path)
    report = check_file(path)
    find(report, 3, "Aantal maanden achterstand", "formule")
    find(report, 3, "Bedrag achterstand", "formule")
    find(report, 4, "Aantal maanden achterstand", "geen heel getal")
    find(report, 4, "Bedrag achterstand", "2 cijfers")
    assert any(w.row == 2 and w.column == "Huisnummer" for w in report.warnings)


def test_empty_and_unreadable(tmp_path):
    assert not check_file(csv_file(tmp_path, "")).ok
    header_only = check_file(csv_file(tmp_path, HEADER + "\n"))
    assert not header_only.ok and "geen signalen" in header_only.problems[0].message
    broken = tmp_path / "kapot.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert "geen leesbaar Excel-bestand" in check_file(broken).problems[0].message
    with pytest.raises(ExportError, match="bestaat niet"):
        check_file(tmp_path / "weg.csv")


def test_withdrawal_profile(tmp_path):
    path = csv_file(
        tmp_path,
        "Klantnummer;Postcode;Huisnummer;Huisnummer toevoeging\nH-1;3511 AB;12;\n;1234 AB;;\n",
    )
    assert guess_profile(path) is WITHDRAWAL_2021
    report = check_file(path, WITHDRAWAL_2021)
    find(report, 3, "Huisnummer", "Verplicht veld is leeg")
    assert report.rows == 2
