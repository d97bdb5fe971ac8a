"""The vault's behaviour: round trip, passphrases, backups, migrations, the Workspace and the purge."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import uuid
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from lcv_tui.domain import audit
from lcv_tui.domain.models import SCHEMA_VERSION, Landlord, Settings, Tenant, VaultData
from lcv_tui.paths import Locations
from lcv_tui.store import (
    PassphraseTooShort,
    Vault,
    VaultDamaged,
    VaultExists,
    VaultMissing,
    VaultTooNew,
    VaultWriteError,
    Workspace,
    WrongPassphrase,
    check_backup,
    check_passphrase,
    fileformat,
    kdf,
    list_backups,
    migrations,
    open_workspace,
    passphrase_strength,
    restore_backup,
)
from lcv_tui.store.retention import purge
from lcv_tui.store.vault import seal_json

LETTERS = "abcdefghijklmnopqrstuvwxyzéëèïöüçñåøĳ' -ABCDEFGHIJKLMNOPQRSTUVWXYZÉËÏÖÜ"


@st.composite
def tenants(draw):
    try:
        return Tenant(
            surname=draw(st.text(alphabet=LETTERS, min_size=1, max_size=40)),
            initials=draw(st.sampled_from(["", "J.", "A.B.", "Ĳ."])),
            street=draw(st.text(alphabet=LETTERS + "0123456789.", max_size=40)),
            house_number=draw(st.integers(1, 99999)),
            addition=draw(st.sampled_from(["", "A", "2-hoog", "bis"])),
            postcode=f"{draw(st.integers(1000, 9999))} {draw(st.sampled_from(['AB', 'ZZ', 'KL', 'EX']))}",
            town=draw(st.text(alphabet=LETTERS, max_size=30)),
            gemeente=draw(st.sampled_from(["Utrecht", "Súdwest-Fryslân", "'s-Hertogenbosch"])),
            rent=draw(
                st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999.99"), places=2)
            ),
            tenancy_start=draw(st.dates(dt.date(1990, 1, 1), dt.date(2030, 1, 1))),
        )
    except ValueError:
        assume(False)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    landlord=st.text(
        alphabet=st.characters(categories=("L", "N", "Zs", "P", "Sc")), min_size=1, max_size=100
    ),
    people=st.lists(tenants(), max_size=4),
)
def test_round_trip_keeps_every_character(tmp_path, landlord, people):
    try:
        data = VaultData(landlord=Landlord(name=landlord), tenants=people)
    except ValueError:
        assume(False)
    locations = Locations(tmp_path / uuid.uuid4().hex)
    Vault.create(locations, "een lange wachtzin", data)
    vault, opened = Vault.open(locations, "een lange wachtzin")
    assert opened == data
    opened.tenants.reverse()
    vault.save(opened)
    assert Vault.open(locations, "een lange wachtzin")[1] == opened


def test_the_file_holds_no_plaintext(vault, locations):
    raw = locations.vault_path.read_bytes()
    for needle in ("Vries", "Kerkstraat", "1234 AB", "Utrecht", "huurder@example.nl", "875.50"):
        assert needle.encode() not in raw
    assert raw.startswith(fileformat.MAGIC)


def test_wrong_passphrase(vault, locations):
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(locations, "verkeerde wachtzin")
    assert "wachtzin klopt niet" in info.value.message
    assert info.value.exit_code == 2


def test_passphrase_is_unicode_normalised(locations, data):
    Vault.create(locations, "crème brûlée!", data)
    assert Vault.open(locations, "cre\u0300me bru\u0302le\u0301e!")[1] == data


def test_missing_and_existing_vault(locations, data, passphrase):
    with pytest.raises(VaultMissing) as info:
        Vault.open(locations, passphrase)
    assert "lcv-tui init" in info.value.message
    assert not Vault.exists(locations)
    Vault.create(locations, passphrase, data)
    assert Vault.exists(locations)
    with pytest.raises(VaultExists):
        Vault.create(locations, passphrase, data)


def test_short_passphrase_refused(locations, data):
    with pytest.raises(PassphraseTooShort) as info:
        Vault.create(locations, "kort", data)
    assert "minstens 8 tekens" in info.value.message
    assert not locations.data_dir.exists()
    check_passphrase("acht tkn")


def test_passphrase_strength_hints():
    assert passphrase_strength("kort")[0] == 0
    assert passphrase_strength("wachtwoord")[0] == 0
    assert passphrase_strength("aaaaaaaaaaaa")[0] == 0
    weak = passphrase_strength("huurhuis7")
    strong = passphrase_strength("Paard batterij nietje correct 7")
    assert 1 <= weak[0] < strong[0] == 4
    assert all(isinstance(hint, str) and hint for _, hint in (weak, strong))


def test_change_passphrase_makes_a_new_data_key_for_the_vault_and_its_backups(
    locations, data, passphrase, memory_keyring
):
    """Promise: a new passphrase means a new key. The vault and every backup are re-encrypted under a
    new random data key; the keyring slot follows; the old passphrase opens nothing that is left."""
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=memory_keyring)
    vault.save(data)
    vault.save(data)
    before = fileformat.parse(locations.vault_path.read_bytes())
    old_key = vault._data_key
    result = vault.change_passphrase(passphrase, "een nieuwe wachtzin")
    after = fileformat.parse(locations.vault_path.read_bytes())
    assert after.body != before.body and vault._data_key != old_key
    assert after.core.vault_id == before.core.vault_id
    assert Vault.open(locations, "een nieuwe wachtzin")[1] == data
    assert Vault.open(locations, passphrase=None, keyring_backend=memory_keyring)[1] == data
    with pytest.raises(WrongPassphrase):
        Vault.open(locations, passphrase)
    backups = list_backups(locations)
    assert len(backups) == 2 and sorted(result.rekeyed) == sorted(b.path for b in backups)
    for backup in backups:
        assert check_backup(locations, backup.path, "een nieuwe wachtzin") == data
        with pytest.raises(WrongPassphrase):
            check_backup(locations, backup.path, passphrase)
    vault.save(data)  # the open vault goes on with the new key


def test_change_passphrase_refuses_wrong_old(vault, locations):
    before = locations.vault_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase("niet de oude wachtzin", "een nieuwe wachtzin")
    with pytest.raises(PassphraseTooShort):
        vault.change_passphrase("correct paard batterij nietje", "kort")
    assert locations.vault_path.read_bytes() == before


def test_backups_rotate_to_the_configured_number(locations, passphrase, sample):
    data = sample.data(0)
    data.settings = Settings(backups_keep=3)
    vault = Vault.create(locations, passphrase, data)
    assert list_backups(locations) == []
    for version in range(1, 7):
        data.landlord.contact_person = f"Versie {version}"
        vault.save(data)
    backups = list_backups(locations)
    assert len(backups) == 3
    assert [sample.version(check_backup(locations, b.path, passphrase)) for b in backups] == [
        5,
        4,
        3,
    ]
    assert backups[0].taken_at >= backups[1].taken_at >= backups[2].taken_at


def test_default_keeps_five_backups(vault, locations, data):
    for _ in range(8):
        vault.save(data)
    assert len(list_backups(locations)) == 5


def test_restore_backup_keeps_the_current_file_aside(locations, passphrase, sample):
    data = sample.data(1)
    vault = Vault.create(locations, passphrase, data)
    data.landlord.contact_person = "Versie 2"
    vault.save(data)
    current = locations.vault_path.read_bytes()
    aside = restore_backup(locations, list_backups(locations)[0].path)
    assert aside is not None and aside.name.startswith("kluis.lcv.beschadigd-")
    assert aside.read_bytes() == current
    assert sample.version(Vault.open(locations, passphrase)[1]) == 1


def test_migration_runs_before_validation(vault, locations, passphrase, monkeypatch):
    """A v0 document (landlord under its old name ``verhuurder``) is migrated to v1 when opened."""
    doc = json.loads(Vault.open(locations, passphrase)[1].model_dump_json())
    doc["schema_version"] = 0
    doc["verhuurder"] = doc.pop("landlord")
    _write_document(vault, locations, doc)

    def v0_to_v1(old: dict) -> dict:
        old["landlord"] = old.pop("verhuurder")
        return old

    monkeypatch.setitem(migrations.MIGRATIONS, 0, v0_to_v1)
    opened = Vault.open(locations, passphrase)[1]
    assert opened.schema_version == SCHEMA_VERSION
    assert opened.landlord is not None and opened.landlord.name == "Verhuur Ĳsselmonde B.V."


def test_missing_migration_reads_as_damaged(vault, locations, passphrase):
    doc = json.loads(Vault.open(locations, passphrase)[1].model_dump_json())
    doc["schema_version"] = 0
    _write_document(vault, locations, doc)
    with pytest.raises(VaultDamaged) as info:
        Vault.open(locations, passphrase)
    assert "gegevensversie 0" in info.value.message


def test_newer_schema_is_refused_and_left_alone(vault, locations, passphrase):
    doc = json.loads(Vault.open(locations, passphrase)[1].model_dump_json())
    doc["schema_version"] = SCHEMA_VERSION + 1
    doc["something_new"] = True
    _write_document(vault, locations, doc)
    before = locations.vault_path.read_bytes()
    with pytest.raises(VaultTooNew) as info:
        Vault.open(locations, passphrase)
    assert "Werk lcv-tui bij" in info.value.message
    assert locations.vault_path.read_bytes() == before


def test_newer_file_format_is_refused(vault, locations, passphrase):
    raw = locations.vault_path.read_bytes()
    file = fileformat.parse(raw)
    crafted = bytearray(fileformat.assemble(file.core_bytes, file.slots, file.body))
    newer = fileformat.FORMAT_VERSION + 1
    crafted[8:10] = newer.to_bytes(2, "big")
    header_end = len(crafted) - len(file.body) - 32
    crafted[header_end : header_end + 32] = hashlib.sha256(bytes(crafted[:header_end])).digest()
    locations.vault_path.write_bytes(bytes(crafted))
    with pytest.raises(VaultTooNew) as info:
        Vault.open(locations, passphrase)
    assert f"bestandsversie {newer}" in info.value.message


def _write_document(vault: Vault, locations: Locations, doc: dict) -> None:
    """Encrypt an arbitrary JSON document with this vault's key, as an older or newer app would."""
    core_bytes, body = seal_json(vault._data_key, vault.vault_id, json.dumps(doc).encode())
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body))


def test_default_kdf_parameters_are_argon2id_and_capped():
    params = kdf.ARGON2ID_DEFAULT
    assert params.algorithm == kdf.ARGON2ID and params.memory_kib >= 64 * 1024
    params.check()
    assert params.memory_kib * params.iterations * 4 < kdf.MAX_WORK_KIB


def test_scrypt_slots_open_too(locations, data, passphrase):
    Vault.create(
        locations,
        passphrase,
        data,
        kdf=kdf.KdfParams(kdf.SCRYPT, memory_kib=16, iterations=1, lanes=1),
    )
    assert Vault.open(locations, passphrase)[1] == data


# --- the Workspace ------------------------------------------------------------------------


def test_workspace_commit_and_audit(vault, locations, data, clock, passphrase):
    workspace = Workspace(vault, data, clock)
    assert not workspace.dirty
    entry = workspace.record_audit(
        "huurder.toegevoegd", tenant_id=data.tenants[0].id, content=audit.digest("x")
    )
    assert entry.at == clock.now() and entry.actor == "app" and workspace.dirty
    workspace.commit()
    assert not workspace.dirty
    reopened = Vault.open(locations, passphrase)[1]
    assert len(reopened.audit) == 1 and audit.verify(reopened.audit) == []


def test_workspace_keeps_changes_when_saving_fails(
    vault, locations, data, clock, passphrase, monkeypatch
):
    workspace = Workspace(vault, data, clock)
    data.tenants.pop()
    workspace.mark_dirty()
    before = locations.vault_path.read_bytes()
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", _fail_with(28))
        with pytest.raises(VaultWriteError):
            workspace.commit()
    assert workspace.dirty and len(workspace.data.tenants) == 1
    assert locations.vault_path.read_bytes() == before
    workspace.commit()
    assert not workspace.dirty
    assert len(Vault.open(locations, passphrase)[1].tenants) == 1


def test_open_workspace_reads_the_passphrase_from_the_environment(
    vault, locations, clock, passphrase, monkeypatch
):
    with pytest.raises(WrongPassphrase):
        open_workspace(locations, clock)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    workspace = open_workspace(locations, clock)
    assert workspace.actor == "cli" and len(workspace.data.tenants) == 2


def _fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


# --- retention purge ----------------------------------------------------------------------


def test_purge_removes_tenants_from_vault_and_backups(locations, passphrase, clock, sample):
    """Promise: purged data disappears from the vault and from every backup."""
    data = sample.data(0, tenants=3)
    gone = data.tenants[1].id
    data.wizard_progress[gone] = 2
    vault = Vault.create(locations, passphrase, data)
    for _ in range(4):
        vault.save(data)
    workspace = Workspace(vault, data, clock)
    result = purge(workspace, [gone, "onbekend"])
    assert result.removed == [gone] and result.backups_deleted == 5
    assert not workspace.dirty
    reopened = Vault.open(locations, passphrase)[1]
    assert gone not in {t.id for t in reopened.tenants} and gone not in reopened.wizard_progress
    assert audit.verify(reopened.audit) == []
    assert reopened.audit[-1].tenant_id == gone
    backups = list_backups(locations)
    assert len(backups) == 1
    assert backups[0].path.stat().st_ino != locations.vault_path.stat().st_ino
    assert gone not in {t.id for t in check_backup(locations, backups[0].path, passphrase).tenants}


def test_purge_of_nobody_changes_nothing(vault, locations, data, clock):
    before = locations.vault_path.read_bytes()
    assert purge(Workspace(vault, data, clock), []).removed == []
    assert locations.vault_path.read_bytes() == before


def _compact(doc: dict) -> bytes:
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def test_current_version_loads_trusted_but_types_are_still_checked(vault, locations, passphrase):
    """A document of this schema version skips the normalisers on load, never the type checks."""
    data = Vault.open(locations, passphrase)[1]
    doc = json.loads(data.model_dump_json())
    assert data.model_dump_json().encode().startswith(b'{"schema_version":%d,' % SCHEMA_VERSION)
    doc["tenants"][0]["house_number"] = "twaalf"
    core_bytes, body = seal_json(vault._data_key, vault.vault_id, _compact(doc))
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body))
    with pytest.raises(VaultDamaged):
        Vault.open(locations, passphrase)


def test_a_migrated_document_is_validated_in_full(vault, locations, passphrase, monkeypatch):
    """After a migration every normaliser runs again (postcode, amounts)."""
    doc = json.loads(Vault.open(locations, passphrase)[1].model_dump_json())
    doc["schema_version"] = 0
    doc["tenants"][0]["postcode"] = "3511ab"
    core_bytes, body = seal_json(vault._data_key, vault.vault_id, _compact(doc))
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body))
    monkeypatch.setitem(migrations.MIGRATIONS, 0, lambda old: old)
    opened = Vault.open(locations, passphrase)[1]
    assert opened.tenants[0].postcode == "3511 AB"


def test_purge_removes_the_purged_tenants_letters_and_unrecorded_ones(
    locations, passphrase, clock, sample
):
    """Retention (AVG art. 5 lid 1 e): a purged tenant's stored letters go with the file, and so do
    letters written but never recorded as sent; letters in a remaining file stay."""
    from lcv_tui.domain.models import Event, EventKind
    from lcv_tui.store.documents import for_vault

    data = sample.data(0, tenants=2)
    vault = Vault.create(locations, passphrase, data)
    store = for_vault(vault)
    stays, goes, unrecorded = (store.put(b"%PDF " + bytes([n]) * 64) for n in (1, 2, 3))
    staying, leaving = data.tenants
    staying.events.append(
        Event(kind=EventKind.HERINNERING, on=clock.today(), document_sha256=stays)
    )
    leaving.events.append(Event(kind=EventKind.HERINNERING, on=clock.today(), document_sha256=goes))
    vault.save(data)
    result = purge(Workspace(vault, data, clock), [leaving.id])
    assert result.documents_removed == 2
    assert set(store.digests()) == {stays}
    assert not store.has(goes) and not store.has(unrecorded)
