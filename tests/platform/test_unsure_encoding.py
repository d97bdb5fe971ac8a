"""A CSV whose encoding is unsure is flagged, not guessed (issue 17.4): Excel for Mac's Mac Roman
read as Windows-1252 turns "Müller" into "MŸller" without a word."""

from __future__ import annotations

import io

import pytest
from lcv_testing import PASSPHRASE

from lcv_tui.exports.check import check_file
from lcv_tui.exports.encodings import unsure_encoding_message, unsure_sample
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.imports import read_table

HEADER = "Klantnummer;Achternaam;Huisnummer;Postcode;Gemeente;Huur;Ingangsdatum\n"
ROW = "M-1;Müller;1;3511 AA;Utrecht;800;01-01-2026\n"


@pytest.mark.parametrize(
    ("encoding", "as_windows", "as_mac"),
    [("mac_roman", "MŸller", "Müller"), ("cp1252", "Müller", "M¸ller")],
)
def test_an_import_in_a_one_byte_encoding_is_refused_with_both_readings(
    tmp_path, encoding, as_windows, as_mac
):
    path = tmp_path / "huurders.csv"
    path.write_bytes((HEADER + ROW).encode(encoding))
    with pytest.raises(ExportError) as refused:
        read_table(path)
    message = refused.value.message
    assert f"Windows-1252 (Excel voor Windows) staat er '{as_windows}'" in message
    assert f"Mac Roman (Excel voor Mac) '{as_mac}'" in message
    assert "CSV UTF-8" in message


def test_utf8_with_and_without_bom_is_read_as_it_is(tmp_path):
    for encoding in ("utf-8", "utf-8-sig"):
        path = tmp_path / f"{encoding}.csv"
        path.write_text(HEADER + ROW, encoding=encoding)
        assert read_table(path)[1][1] == "Müller"


def test_the_sample_is_the_first_accented_field():
    data = (HEADER + ROW).encode("mac_roman")
    assert unsure_sample(data) == "Müller".encode("mac_roman")
    assert unsure_sample(b"alleen ascii;hier\n") == b""
    # a byte Windows-1252 lacks: shown as a replacement sign, never an error
    assert "staat er '\ufffd'" in unsure_encoding_message(
        b"\x81"
    ) and "'Å'" in unsure_encoding_message(b"\x81")


def test_check_flags_an_unsure_encoding_with_both_readings(tmp_path):
    path = tmp_path / "signalen.csv"
    path.write_bytes((HEADER + ROW).encode("mac_roman"))
    report = check_file(path)
    assert not report.ok
    assert "'MŸller'" in report.problems[0].message and "'Müller'" in report.problems[0].message


def test_cli_import_says_so_without_a_traceback(
    demo_vault, locations, clock, tmp_path, monkeypatch
):
    from lcv_tui.cli import main

    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    path = tmp_path / "huurders.csv"
    path.write_bytes((HEADER + ROW).encode("mac_roman"))
    out, err = io.StringIO(), io.StringIO()
    argv = ["import", "tenants", str(path), "--data-dir", str(locations.data_dir)]
    code = main(argv, clock=clock, out=out, err=err)
    assert code != 0 and "'MŸller'" in err.getvalue() and "Traceback" not in err.getvalue()
