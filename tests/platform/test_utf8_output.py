"""Redirected output is UTF-8 (issue 17.4): on Windows a pipe or a file gets the ANSI code page
(cp1252), which has no ş, ł, ı, ĳ or →; ``agenda``, ``agenda --json`` and ``import`` must not crash."""

from __future__ import annotations

import io
import json
import sys

import pytest
from lcv_testing import PASSPHRASE, demo_data

from lcv_tui.cli import main
from lcv_tui.store.vault import Vault

NAMES = (
    "Klantnummer;Voorletters;Achternaam;Straat;Huisnummer;Postcode;Gemeente;Huur;Ingangsdatum\n"
    + (
        "W-1;A.;Yıldız;Ĳsselstraat;1;3511 AA;Utrecht;800;01-01-2026\n"
        "W-2;Ł.;Şahin-Wiśniewski;Ĳsselstraat;2;3511 AA;Utrecht;800;01-01-2026\n"
    )
)


class Cp1252Console:
    """stdout and stderr as Windows gives them to a redirected program: cp1252, strict."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.out_bytes, self.err_bytes = io.BytesIO(), io.BytesIO()
        self.out = io.TextIOWrapper(self.out_bytes, encoding="cp1252", errors="strict")
        self.err = io.TextIOWrapper(self.err_bytes, encoding="cp1252", errors="strict")
        monkeypatch.setattr(sys, "stdout", self.out)
        monkeypatch.setattr(sys, "stderr", self.err)

    def text(self) -> tuple[str, str]:
        self.out.flush()
        self.err.flush()
        return self.out_bytes.getvalue().decode("utf-8"), self.err_bytes.getvalue().decode("utf-8")


@pytest.fixture
def vault_with_names(locations, clock, tmp_path, monkeypatch):
    Vault.create(locations, PASSPHRASE, demo_data())
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    csv_path = tmp_path / "huurders.csv"
    csv_path.write_text(NAMES, encoding="utf-8")
    return csv_path


def test_cp1252_stream_really_cannot_write_these_names():
    stream = io.TextIOWrapper(io.BytesIO(), encoding="cp1252")
    with pytest.raises(UnicodeEncodeError):
        stream.write("Yıldız → Wiśniewski")


def test_import_and_agenda_write_utf8_to_a_redirected_cp1252_stdout(
    vault_with_names, locations, clock, monkeypatch
):
    console = Cp1252Console(monkeypatch)
    data_dir = ["--data-dir", str(locations.data_dir)]
    assert main(["import", "tenants", str(vault_with_names), *data_dir], clock=clock) == 0
    assert main(["agenda", *data_dir], clock=clock) == 0
    out, err = console.text()
    assert "Yıldız" in out and "Şahin-Wiśniewski" in out and "←" in out, err
    assert "Traceback" not in err

    console = Cp1252Console(monkeypatch)
    assert main(["agenda", "--json", *data_dir], clock=clock) == 0
    out, _ = console.text()
    names = json.dumps(json.loads(out), ensure_ascii=False)
    assert "Yıldız" in names


def test_a_console_and_a_utf8_pipe_are_left_alone(monkeypatch):
    from lcv_tui.cli import write_utf8_when_redirected

    class Console(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    console = Console(io.BytesIO(), encoding="cp1252")
    pipe = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", errors="strict")
    monkeypatch.setattr(sys, "stdout", console)
    monkeypatch.setattr(sys, "stderr", pipe)
    write_utf8_when_redirected()
    assert console.encoding == "cp1252" and pipe.errors == "strict"
