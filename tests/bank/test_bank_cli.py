"""``lcv-tui import bank PAD [--dry-run]`` and its exit codes."""

from __future__ import annotations

import io
from decimal import Decimal

from bank_support import GOLDEN, PASSPHRASE

from lcv_tui.cli import main
from lcv_tui.exports.bank import demo_statements
from lcv_tui.store.vault import Vault


def run(argv, locations, clock):
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def payments(locations):
    data = Vault.open(locations, PASSPHRASE)[1]
    return {p.bank_ref for t in data.tenants for p in t.payments if p.bank_ref}, data


def test_dry_run_lists_and_writes_nothing(demo_vault, clock):
    before = Vault.open(demo_vault, PASSPHRASE)[1]
    code, out, err = run(
        ["import", "bank", str(demo_statements()[0]), "--dry-run"], demo_vault, clock
    )
    assert code == 1, err
    assert "CAMT.053: 7 transactie(s)." in out
    assert "GEKOPPELD" in out and "H-1003" in out and "VOORSTEL" in out and "H-1007" in out
    assert "NIET" in out and "Stichting Voorbeeldfonds" in out
    assert (
        "4 gekoppeld, 1 voorstel(len), 1 niet gekoppeld, 0 al eerder ingelezen, 1 overgeslagen"
        in out
    )
    assert "niets vastgelegd" in out
    after = Vault.open(demo_vault, PASSPHRASE)[1]
    assert after.model_dump() == before.model_dump() and len(after.audit) == len(before.audit)


def test_records_matched_exit_1_then_everything_read_before(demo_vault, clock):
    code, out, err = run(["import", "bank", str(demo_statements()[0])], demo_vault, clock)
    assert code == 1 and "Vastgelegd: 4 betaling(en), waarvan 1 storno('s)." in out
    refs, data = payments(demo_vault)
    assert len(refs) == 4 and data.audit[-1].action == "bank.import"
    # the vault's trusted load keeps the storno negative and the tenants' IBANs
    assert [p.amount for t in data.tenants for p in t.payments if p.reversal] == [
        Decimal("-865.50")
    ]
    assert next(t for t in data.tenants if t.klantnummer == "H-1003").ibans == [
        "NL08DEMO0100001003"
    ]
    # the same transactions as MT940: nothing new; still 1 because two are not matched
    code, out, err = run(["import", "bank", str(demo_statements()[2])], demo_vault, clock)
    assert code == 1 and "4 al eerder ingelezen" in out and "Niets nieuws" in out
    assert payments(demo_vault)[0] == refs


def test_exit_0_when_every_incoming_transaction_is_matched(demo_vault, clock):
    code, out, err = run(["import", "bank", str(GOLDEN / "ing-comma.csv")], demo_vault, clock)
    assert code == 0, out + err
    assert "1 gekoppeld" in out and "Vastgelegd: 1 betaling(en)" in out
    code, out, err = run(["import", "bank", str(GOLDEN / "ing-comma.csv")], demo_vault, clock)
    assert code == 0 and "1 al eerder ingelezen" in out


def test_exit_3_unreadable_file(demo_vault, clock, tmp_path):
    code, out, err = run(["import", "bank", str(tmp_path / "weg.xml")], demo_vault, clock)
    assert code == 3 and "bestaat niet" in err
    junk = tmp_path / "afschrift.xml"
    junk.write_bytes(b"\x00\x01 geen afschrift")
    code, out, err = run(["import", "bank", str(junk)], demo_vault, clock)
    assert code == 3 and "geen bankafschrift" in err and "Traceback" not in err


def test_exit_2_without_access_to_the_vault(locations, clock, monkeypatch):
    monkeypatch.delenv("LCV_TUI_PASSPHRASE", raising=False)
    code, out, err = run(["import", "bank", str(demo_statements()[0])], locations, clock)
    assert code == 2 and err
