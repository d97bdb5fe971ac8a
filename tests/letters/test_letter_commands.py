"""The ``letters``, ``dossier`` and ``tenant-info`` commands against a real (cheap-KDF) vault."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from lcv_testing import assert_mode
from letter_fixtures import make_landlord, make_tenant

from lcv_tui.cli import main
from lcv_tui.clock import FixedClock
from lcv_tui.domain.models import Channel, Event, EventKind, Settings, VaultData
from lcv_tui.store.vault import Vault

PASSPHRASE = "correct paard batterij nietje"


@pytest.fixture
def vault_dir(tmp_path, monkeypatch, locations):
    def make(data: VaultData):
        Vault.create(locations, PASSPHRASE, data)
        monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
        return locations

    return make


def run(argv, locations, on=dt.date(2026, 11, 5)):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [*argv, "--data-dir", str(locations.data_dir)], clock=FixedClock.on(on), out=out, err=err
    )
    return code, out.getvalue(), err.getvalue()


def two_tenants() -> VaultData:
    return VaultData(
        landlord=make_landlord(),
        settings=Settings(),
        tenants=[
            make_tenant(),
            make_tenant(
                id="t-0002", klantnummer="2001", surname="Jansen", house_number=3, addition=""
            ),
        ],
    )


def test_letters_writes_due_letters_and_changes_nothing(vault_dir, tmp_path):
    locations = vault_dir(two_tenants())
    before = locations.vault_path.read_bytes()
    code, out, err = run(["letters", "--out", str(tmp_path / "brieven")], locations)
    assert code == 0, err
    names = sorted(p.name for p in (tmp_path / "brieven").iterdir())
    assert (
        "2026-11-05_herinnering_van-dijk-ozturk.pdf" in names
        and "2026-11-05_herinnering_jansen.txt" in names
    )
    for name in names:
        assert_mode(tmp_path / "brieven" / name, 0o600)
    assert "De kluis is niet gewijzigd" in out
    assert locations.vault_path.read_bytes() == before


def test_letters_refuses_sommatie_without_objection_address(vault_dir, tmp_path):
    data = two_tenants()
    data.landlord = make_landlord(objection_email="")
    for tenant in data.tenants:  # herinnering and aanmaning recorded as sent
        for kind, day in (
            (EventKind.HERINNERING, dt.date(2026, 11, 5)),
            (EventKind.AANMANING, dt.date(2026, 11, 16)),
        ):
            tenant.events.append(Event(kind=kind, on=day, channel=Channel.POST))
    locations = vault_dir(data)
    code, out, err = run(
        ["letters", "--out", str(tmp_path / "b"), "--on", "2026-12-07"],
        locations,
        on=dt.date(2026, 12, 7),
    )
    assert code == 1
    assert "Niet gemaakt: sommatie" in out and "E-mailadres voor bezwaar" in out
    assert "niet worden gemaakt" in err


def test_dossier_by_surname_ambiguous_and_by_number(vault_dir, tmp_path):
    data = two_tenants()
    data.tenants.append(
        make_tenant(id="t-0003", klantnummer="3001", surname="Jansen", house_number=5, addition="")
    )
    locations = vault_dir(data)
    code, out, err = run(["dossier", "jansen", "--out", str(tmp_path)], locations)
    assert code == 1 and "2001" in out and "3001" in out and "klantnummer" in err
    code, out, err = run(
        ["dossier", "1042", "--out", str(tmp_path), "--on", "2026-11-05"], locations
    )
    assert code == 0, err
    assert (tmp_path / "2026-11-05_bewijsdossier_van-dijk-ozturk.pdf").exists()
    assert "De kluis is niet gewijzigd." in out
    code, out, err = run(["dossier", "Pietersen", "--out", str(tmp_path)], locations)
    assert code == 1 and "Geen huurder gevonden" in err


def test_tenant_info_prints_and_writes(vault_dir, tmp_path):
    locations = vault_dir(two_tenants())
    code, out, err = run(["tenant-info"], locations)
    assert code == 0 and out.startswith("Voorkomen en vroegsignalering van huurschulden")
    assert "Brouwer Vastgoedbeheer wil voorkomen" in out
    code, out, err = run(["tenant-info", "--out", str(tmp_path / "info.txt")], locations)
    assert code == 0 and (tmp_path / "info.txt").read_text(encoding="utf-8").startswith("Voorkomen")
    # Issue 14.7: an existing file is replaced only with --force.
    (tmp_path / "info.txt").write_text("eigen tekst", encoding="utf-8")
    code, out, err = run(["tenant-info", "--out", str(tmp_path / "info.txt")], locations)
    assert code == 3 and "--force" in err
    assert (tmp_path / "info.txt").read_text(encoding="utf-8") == "eigen tekst"
    code, out, err = run(["tenant-info", "--out", str(tmp_path / "info.txt"), "--force"], locations)
    assert code == 0 and (tmp_path / "info.txt").read_text(encoding="utf-8").startswith("Voorkomen")


def test_commands_without_vault_say_what_to_do(locations):
    code, out, err = run(["letters"], locations)
    assert code == 2 and "lcv-tui init" in err


def test_letters_go_out_in_order(vault_dir, tmp_path):
    """All three letters overdue and none recorded: only the herinnering is written now."""
    locations = vault_dir(VaultData(landlord=make_landlord(), tenants=[make_tenant()]))
    code, out, err = run(
        ["letters", "--out", str(tmp_path), "--on", "2026-12-07"],
        locations,
        on=dt.date(2026, 12, 7),
    )
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".pdf") == [
        "2026-12-07_herinnering_van-dijk-ozturk.pdf"
    ]


def test_dossier_finds_a_surname_without_its_accents(vault_dir, tmp_path):
    locations = vault_dir(two_tenants())  # one of them is "van Dijk-Öztürk"
    code, out, err = run(
        ["dossier", "OZTURK", "--out", str(tmp_path), "--on", "2026-11-05"], locations
    )
    assert code == 0, err
    assert (tmp_path / "2026-11-05_bewijsdossier_van-dijk-ozturk.pdf").exists()
