"""The export, check and import commands against a demo vault on disk."""

from __future__ import annotations

import io

from lcv_testing import assert_mode

from lcv_tui.cli import main
from lcv_tui.exports.check import check_file


def run(argv, locations, clock):
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_export_signals_csv_and_xlsx(demo_vault, clock, tmp_path):
    for fmt in ("csv", "xlsx"):
        target = tmp_path / "uit" / f"signalen.{fmt}"
        code, out, err = run(
            ["export", "signals", "--format", fmt, "--out", str(target)], demo_vault, clock
        )
        assert code == 0, err
        assert err == ""
        assert_mode(target, 0o600)
        assert check_file(target).ok
        assert "Niet meegenomen" in out and "[LCV 2.2]" in out and "Wat te doen:" in out
        assert "legt nog niets vast" in out and "Controle: in orde." in out
        assert "Nooit gedeeld (niet aangekondigd in tekst 1 en 2): Straatnaam, Woonplaats" in out


def test_export_does_not_record_anything(demo_vault, clock, tmp_path):
    from lcv_tui.store.vault import Vault

    before = Vault.open(demo_vault, "geheime wachtzin voor de test")[1]
    run(["export", "signals", "--out", str(tmp_path / "s.xlsx")], demo_vault, clock)
    after = Vault.open(demo_vault, "geheime wachtzin voor de test")[1]
    assert after.model_dump() == before.model_dump()


def test_nothing_eligible_and_unwritable(demo_vault, clock, tmp_path):
    code, out, err = run(
        ["export", "signals", "--out", str(tmp_path / "s.csv"), "--on", "2024-01-01"],
        demo_vault,
        clock,
    )
    assert code == 1 and "Geen uploadbestand gemaakt" in err and not (tmp_path / "s.csv").exists()
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    code, out, err = run(["export", "signals", "--out", str(blocker / "s.csv")], demo_vault, clock)
    assert code == 3 and "niet schrijven" in err
    code, out, err = run(
        ["export", "signals", "--out", str(tmp_path / "s.csv"), "--gemeente", "Brielle"],
        demo_vault,
        clock,
    )
    assert code == 1 and "Voorne aan Zee" in err


def test_export_withdrawals(demo_vault, clock, tmp_path):
    target = tmp_path / "intrekken.csv"
    code, out, err = run(
        ["export", "withdrawals", "--format", "csv", "--out", str(target)], demo_vault, clock
    )
    assert code == 0, err
    assert (
        target.read_bytes()
        .decode("utf-8-sig")
        .startswith("Klantnummer;Postcode;Huisnummer;Huisnummer toevoeging\r\n")
    )
    assert "Intrekkingsbestand gemaakt" in out
    code, out, err = run(["check", str(target)], demo_vault, clock)
    assert code == 0 and "meldingen intrekken" in out


def test_check_command(demo_vault, clock, tmp_path):
    bad = tmp_path / "fout.csv"
    bad.write_text("Achternaam,BSN\n=1+1,123\n", encoding="utf-8")
    code, out, err = run(["check", str(bad)], demo_vault, clock)
    assert code == 1 and "FOUT" in out and "verboden" in out
    code, out, err = run(["check", str(tmp_path / "weg.csv")], demo_vault, clock)
    assert code == 3 and "bestaat niet" in err


def test_import_commands(demo_vault, clock, tmp_path):
    tenants = tmp_path / "huurders.csv"
    tenants.write_text(
        "Klantnummer;Achternaam;Huisnummer;Postcode;Gemeente;Huur;Ingangsdatum\n"
        "N-1;Nieuw;1;9999 ZZ;Utrecht;800;01-01-2026\n"
        "N-2;Fout;x;9999 ZZ;Utrecht;800;01-01-2026\n",
        encoding="utf-8",
    )
    code, out, err = run(["import", "tenants", str(tenants), "--dry-run"], demo_vault, clock)
    assert code == 1 and "Proefrun" in out and "Regel 3" in out
    code, out, err = run(["import", "tenants", str(tenants)], demo_vault, clock)
    assert code == 1 and "--skip-bad" in err
    code, out, err = run(["import", "tenants", str(tenants), "--skip-bad"], demo_vault, clock)
    assert code == 0 and "Ingelezen: 1 huurder(s)" in out, err
    code, out, err = run(["import", "tenants", str(tenants), "--skip-bad"], demo_vault, clock)
    assert code == 0 and "Niets nieuws" in out and "DUBBEL" in out
    payments = tmp_path / "betalingen.csv"
    payments.write_text("Datum;Bedrag;Klantnummer\n01-11-2026;800,00;N-1\n", encoding="utf-8")
    code, out, err = run(["import", "payments", str(payments)], demo_vault, clock)
    assert code == 0 and "Ingelezen: 1 betaling(en)" in out, err
    from lcv_tui.store.vault import Vault

    data = Vault.open(demo_vault, "geheime wachtzin voor de test")[1]
    assert data.import_mappings["tenants"]["surname"] == "Achternaam"
    assert next(t for t in data.tenants if t.klantnummer == "N-1").payments[0].amount == 800


def test_export_signals_writes_one_file_per_meldpunt_in_its_layout(demo_vault, clock, tmp_path):
    """Issue 13.5 / werkinstructie stap 1: the gemeente chooses the meldpunt, so a row never goes to
    a meldpunt that does not serve the tenant; the CLI writes one file per meldpunt, like the app."""
    from lcv_tui.exports.profiles import BKR_VPS_2021, RIS_2021

    code, out, err = run(
        ["export", "signals", "--out", str(tmp_path / "signalen.csv"), "--on", "2026-12-06"],
        demo_vault,
        clock,
    )
    assert code == 0, err
    ris, vps = tmp_path / "signalen-ris-matching.csv", tmp_path / "signalen-bkr-vps.csv"
    assert not (tmp_path / "signalen.csv").exists()
    assert check_file(ris, RIS_2021).ok and check_file(vps, BKR_VPS_2021).ok
    assert f"indeling {RIS_2021.name}" in out and f"indeling {BKR_VPS_2021.name}" in out
    assert "eigen meldpunt" in out
    rows = [len(p.read_text(encoding="utf-8-sig").strip().splitlines()) - 1 for p in (ris, vps)]
    assert all(n >= 1 for n in rows)
