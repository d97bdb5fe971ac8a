"""The vault commands: init, passwd, backups, restore, purge (headless, through ``cli.main``)."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

import pytest
from lcv_testing import assert_mode

from lcv_tui.cli import main
from lcv_tui.domain.models import Payment
from lcv_tui.store import Vault, list_backups


@pytest.fixture
def run(locations, clock, memory_keyring):
    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        code = main(
            [*argv, "--data-dir", str(locations.data_dir)],
            clock=clock,
            out=out,
            err=err,
            keyring_backend=memory_keyring,
        )
        return code, out.getvalue(), err.getvalue()

    return run


def test_init_needs_a_passphrase(run, locations, monkeypatch):
    code, _, err = run("init")
    assert code == 2 and "LCV_TUI_PASSPHRASE" in err
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "kort")
    code, _, err = run("init")
    assert code == 2 and "minstens 8 tekens" in err
    assert not locations.data_dir.exists()


def test_init_creates_a_private_vault_once(run, locations, monkeypatch, passphrase, umask_022):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    code, out, _ = run("init")
    assert code == 0 and str(locations.vault_path) in out
    assert_mode(locations.data_dir, 0o700)
    assert_mode(locations.vault_path, 0o600)
    assert Vault.open(locations, passphrase)[1].tenants == []
    before = locations.vault_path.read_bytes()
    code, _, err = run("init")
    assert code == 2 and "Er staat al een kluis" in err
    assert locations.vault_path.read_bytes() == before


def test_passwd(run, vault, locations, data, monkeypatch, passphrase):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    code, _, err = run("passwd")
    assert code == 2 and "LCV_TUI_NEW_PASSPHRASE" in err
    monkeypatch.setenv("LCV_TUI_NEW_PASSPHRASE", "een andere wachtzin")
    code, out, _ = run("passwd")
    assert code == 0 and "gewijzigd" in out
    assert Vault.open(locations, "een andere wachtzin")[1] == data


def test_backups_lists_newest_first(run, vault, data):
    code, out, _ = run("backups")
    assert code == 0 and "nog geen reservekopieën" in out
    vault.save(data)
    vault.save(data)
    code, out, _ = run("backups")
    names = [b.path.name for b in list_backups(vault.locations)]
    assert code == 0 and out.index(names[0]) < out.index(names[1])


def test_restore_default_and_named(run, locations, monkeypatch, passphrase, sample):
    vault = Vault.create(locations, passphrase, sample.data(1))
    vault.save(sample.data(2))
    vault.save(sample.data(3))
    locations.vault_path.write_bytes(b"kapot")
    code, _, err = run("restore")
    assert code == 2 and "LCV_TUI_PASSPHRASE" in err
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    code, out, _ = run("restore")
    assert code == 0 and "apart bewaard" in out
    assert sample.version(Vault.open(locations, passphrase)[1]) == 2
    oldest = list_backups(locations)[-1].path.name
    code, out, _ = run("restore", oldest)
    assert code == 0 and sample.version(Vault.open(locations, passphrase)[1]) == 1
    code, _, err = run("restore", "kluis-bestaat-niet.lcv")
    assert code == 2 and "niet gevonden" in err
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "verkeerde wachtzin")
    before = locations.vault_path.read_bytes()
    code, _, err = run("restore", oldest)
    assert code == 2 and "wachtzin klopt niet" in err
    assert locations.vault_path.read_bytes() == before


def test_purge_previews_then_applies(run, locations, monkeypatch, passphrase, sample):
    data = sample.data(0, tenants=1)
    former = sample.tenant(
        "Oud-Huurder",
        number=99,
        tenancy_start=dt.date(2023, 11, 1),
        tenancy_end=dt.date(2023, 12, 31),
    )
    former.payments += [
        Payment(on=dt.date(2023, 11, 1), amount=Decimal("875.50")),
        Payment(on=dt.date(2023, 12, 1), amount=Decimal("875.50")),
    ]
    data.tenants.append(former)
    vault = Vault.create(locations, passphrase, data)
    vault.save(data)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    before = locations.vault_path.read_bytes()
    code, out, _ = run("purge")
    assert code == 0 and "Oud-Huurder" in out and "voorbeeld" in out
    assert locations.vault_path.read_bytes() == before
    code, out, _ = run("purge", "--apply")
    assert code == 0 and "1 huurder(s) verwijderd" in out
    assert [t.surname for t in Vault.open(locations, passphrase)[1].tenants] == [
        data.tenants[0].surname
    ]
    assert len(list_backups(locations)) == 1
    code, out, _ = run("purge")
    assert code == 0 and "geen oud-huurders" in out


def test_purge_with_wrong_passphrase_exits_2(run, vault, monkeypatch):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "verkeerde wachtzin")
    code, _, err = run("purge", "--apply")
    assert code == 2 and "wachtzin klopt niet" in err
