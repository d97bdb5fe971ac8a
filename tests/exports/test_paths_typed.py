"""Paths as a landlord types or pastes them (issue 15.8)."""

from __future__ import annotations

import os

from lcv_tui.exports.files import newest_file
from lcv_tui.paths import clean_path


def test_clean_path_strips_spaces_and_surrounding_quotes():
    assert clean_path("  ~/Documenten/signalen.xlsx  ") == "~/Documenten/signalen.xlsx"
    assert clean_path('"C:\\Users\\Jan\\signalen.xlsx" ') == "C:\\Users\\Jan\\signalen.xlsx"
    assert clean_path("'/tmp/mijn bestand.csv'") == "/tmp/mijn bestand.csv"
    assert clean_path("\"'/tmp/a.csv'\"") == "/tmp/a.csv"
    assert clean_path('"') == '"'
    assert clean_path("") == ""


def test_newest_file_is_the_file_just_made(tmp_path):
    assert newest_file(tmp_path / "missing", (".xlsx",)) is None
    older, newer, other = tmp_path / "a.xlsx", tmp_path / "b.CSV", tmp_path / "c.pdf"
    for index, path in enumerate((older, newer, other)):
        path.write_bytes(b"x")
        os.utime(path, (1_700_000_000 + index, 1_700_000_000 + index))
    (tmp_path / "map.xlsx").mkdir()
    assert newest_file(tmp_path, (".xlsx", ".csv")) == newer
    assert newest_file(tmp_path, (".xlsx",)) == older
