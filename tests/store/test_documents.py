"""README "Betrouwbaarheid en veiligheid", promise 13 (the store). Issue 13.1: the letter sent is
kept as sent: a content-addressed, encrypted file per document."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import stat

import pytest

from lcv_tui.domain.models import Channel, Event, EventKind
from lcv_tui.store import documents
from lcv_tui.store.documents import DocumentError, DocumentStore, reencrypt_all
from lcv_tui.store.vault import Vault

KEY = bytes(range(32))
OTHER_KEY = bytes(range(1, 33))
PDF = b"%PDF-1.4\n% a letter as sent\n" + bytes(range(256)) * 4


@pytest.fixture
def store(tmp_path) -> DocumentStore:
    return DocumentStore.in_data_dir(tmp_path, KEY, "vault-1")


def test_put_returns_the_sha256_and_get_gives_the_same_bytes(store):
    digest = store.put(PDF)
    assert digest == hashlib.sha256(PDF).hexdigest()
    assert store.get(digest) == PDF
    assert list(store.digests()) == [digest]


def test_the_file_is_encrypted_private_and_named_by_its_hash(store):
    digest = store.put(PDF)
    path = store.path_for(digest)
    raw = path.read_bytes()
    assert raw.startswith(documents.MAGIC) and b"a letter as sent" not in raw
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(store.folder).st_mode) == 0o700
    assert not [p for p in store.folder.iterdir() if p.name.startswith(".")]  # no temp left


def test_the_same_document_is_stored_once(store):
    first = store.put(PDF)
    before = store.path_for(first).read_bytes()
    assert store.put(PDF) == first
    assert store.path_for(first).read_bytes() == before


def test_a_document_under_another_name_or_key_or_vault_does_not_open(store, tmp_path):
    """The hash and the vault id are in the AES-GCM associated data."""
    digest = store.put(PDF)
    other = hashlib.sha256(b"something else").hexdigest()
    store.path_for(digest).rename(store.path_for(other))
    with pytest.raises(DocumentError, match="beschadigd"):
        store.get(other)
    store.path_for(other).rename(store.path_for(digest))
    with pytest.raises(DocumentError):
        DocumentStore(store.folder, OTHER_KEY, "vault-1").get(digest)
    with pytest.raises(DocumentError):
        DocumentStore(store.folder, KEY, "vault-2").get(digest)


def test_a_missing_document_says_where_to_look(store):
    with pytest.raises(DocumentError, match="reservekopie"):
        store.get("0" * 64)
    with pytest.raises(DocumentError, match="SHA-256"):
        store.get("../kluis.lcv")


def test_reencrypt_all_moves_every_document_to_the_new_key_and_may_run_again(store):
    """For the passphrase change that replaces the data key: all documents under the new key; a second
    run (after an interruption) changes nothing and still succeeds."""
    digests = [store.put(PDF), store.put(b"%PDF second letter")]
    renewed = reencrypt_all(store, OTHER_KEY)
    assert [renewed.get(d) for d in digests] == [PDF, b"%PDF second letter"]
    with pytest.raises(DocumentError):
        store.get(digests[0])
    again = reencrypt_all(store, OTHER_KEY)
    assert again.get(digests[1]) == b"%PDF second letter"


def test_reencrypt_all_changes_nothing_when_one_file_opens_with_neither_key(store):
    good = store.put(PDF)
    bad = DocumentStore(store.folder, bytes(32), "vault-1").put(b"%PDF under a third key")
    before = store.path_for(good).read_bytes()
    with pytest.raises(DocumentError, match="niets gewijzigd"):
        reencrypt_all(store, OTHER_KEY)
    assert store.path_for(good).read_bytes() == before
    assert bad


def test_for_vault_uses_the_vault_key_and_data_folder(locations, vault, passphrase):
    store = documents.for_vault(vault)
    assert store.folder == locations.data_dir / documents.DOCUMENT_DIRNAME
    digest = store.put(PDF)
    reopened, _ = Vault.open(locations, passphrase)
    assert documents.for_vault(reopened).get(digest) == PDF


def test_an_event_with_the_document_and_printed_dates_survives_save_and_open(
    locations, sample, passphrase
):
    """The new Event fields have defaults (older vaults load) and pass the trusted load."""
    data = sample.data()
    tenant = sample.tenant(number=40)
    tenant.events.append(
        Event(
            kind=EventKind.SOMMATIE,
            on=dt.date(2026, 11, 23),
            channel=Channel.EMAIL,
            letter_channel=Channel.POST,
            letter_date=dt.date(2026, 11, 23),
            pay_by=dt.date(2026, 11, 30),
            objection_deadline=dt.date(2026, 12, 2),
            report_after=dt.date(2026, 12, 2),
            document_sha256="a" * 64,
            proof="RR123456785NL",
        )
    )
    tenant.events.append(Event(kind=EventKind.HERINNERING, on=dt.date(2026, 11, 5)))
    data.tenants.append(tenant)
    Vault.create(locations, passphrase, data)
    _, opened = Vault.open(locations, passphrase)
    sommatie, herinnering = opened.tenants[-1].events
    assert sommatie == tenant.events[0]
    assert herinnering.document_sha256 is None and herinnering.proof == ""
