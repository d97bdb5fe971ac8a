"""The keyring slot ("onthouden op deze computer").

Promise: losing or lacking a safe keyring never loses data and never shows a traceback; the key is
never stored in plaintext.
"""

from __future__ import annotations

import base64
import os

import pytest
from keyring.backends import fail, null

from lcv_tui.store import (
    KeyringUnavailable,
    PassphraseRequired,
    Vault,
    WrongPassphrase,
    keyring_slot,
)
from lcv_tui.store.keyring_slot import SERVICE


def test_remembered_key_opens_without_passphrase(locations, data, passphrase, memory_keyring):
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=memory_keyring)
    assert vault.remembered
    assert list(memory_keyring.store) == [(SERVICE, vault.vault_id)]
    opened, opened_data = Vault.open(locations, keyring_backend=memory_keyring)
    assert opened_data == data and opened.remembered


def test_no_passphrase_and_nothing_remembered_asks_for_the_passphrase(
    vault, locations, memory_keyring
):
    with pytest.raises(PassphraseRequired) as info:
        Vault.open(locations, keyring_backend=memory_keyring)
    assert "Voer uw wachtzin in" in info.value.message


def test_wrong_remembered_key_is_wrong_passphrase_and_writes_nothing(
    locations, data, passphrase, memory_keyring
):
    """Promise: a wrong keyring key reads as a wrong passphrase; the vault is not touched."""
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=memory_keyring)
    memory_keyring.store[(SERVICE, vault.vault_id)] = base64.b64encode(os.urandom(32)).decode()
    before = locations.vault_path.stat().st_mtime_ns, locations.vault_path.read_bytes()
    with pytest.raises(WrongPassphrase) as info:
        Vault.open(locations, keyring_backend=memory_keyring)
    assert "past niet meer" in info.value.message
    assert (locations.vault_path.stat().st_mtime_ns, locations.vault_path.read_bytes()) == before
    assert Vault.open(locations, passphrase)[1] == data


def test_losing_the_keyring_never_loses_data(locations, data, passphrase, memory_keyring, backends):
    Vault.create(locations, passphrase, data, remember=True, keyring_backend=memory_keyring)
    with pytest.raises(PassphraseRequired):
        Vault.open(locations, keyring_backend=backends.Memory())
    assert Vault.open(locations, passphrase, keyring_backend=backends.Memory())[1] == data


def test_garbage_in_the_keyring_falls_back_to_the_passphrase(
    locations, data, passphrase, memory_keyring
):
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=memory_keyring)
    memory_keyring.store[(SERVICE, vault.vault_id)] = "geen base64!"
    with pytest.raises(PassphraseRequired):
        Vault.open(locations, keyring_backend=memory_keyring)


def _refused(backends):
    plaintext = backends.Plaintext()
    return {
        "fail": fail.Keyring(),
        "null": null.Keyring(),
        "plaintext": plaintext,
        "plaintext-high-priority": backends.HighPriorityPlaintext(),
        "chainer-without-real-backend": backends.Chainer(
            [fail.Keyring(), null.Keyring(), plaintext]
        ),
        "failing": backends.Failing(),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "fail",
        "null",
        "plaintext",
        "plaintext-high-priority",
        "chainer-without-real-backend",
        "failing",
    ],
)
def test_unsafe_or_broken_keyrings_fall_back_to_the_passphrase(
    kind, locations, data, passphrase, backends, capsys
):
    """Promise: without a safe keyring the app silently uses the passphrase; no traceback, no plaintext key."""
    backend = _refused(backends)[kind]
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=backend)
    assert not vault.remembered
    with pytest.raises(PassphraseRequired):
        Vault.open(locations, keyring_backend=backend)
    before = locations.vault_path.read_bytes()
    with pytest.raises(KeyringUnavailable) as info:
        vault.set_remember(True)
    assert "sleutelbos" in info.value.message
    assert locations.vault_path.read_bytes() == before
    vault.set_remember(False)
    assert Vault.open(locations, passphrase, keyring_backend=backend)[1] == data
    for candidate in [backend, *getattr(backend, "backends", [])]:
        assert getattr(candidate, "store", {}) == {}
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_the_default_keyring_in_tests_is_refused(vault, locations):
    assert os.environ["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
    assert keyring_slot.usable_backend() is None
    assert not keyring_slot.store_key(vault.vault_id, os.urandom(32))


def test_a_chainer_with_a_real_backend_uses_that_backend(locations, data, passphrase, backends):
    real = backends.Memory()
    plaintext = backends.Plaintext()
    chainer = backends.Chainer([plaintext, real])
    vault = Vault.create(locations, passphrase, data, remember=True, keyring_backend=chainer)
    assert (
        vault.remembered
        and list(real.store) == [(SERVICE, vault.vault_id)]
        and plaintext.store == {}
    )


def test_set_remember_on_and_off(vault, locations, data, passphrase, memory_keyring):
    reopened, _ = Vault.open(locations, passphrase, keyring_backend=memory_keyring)
    reopened.set_remember(True)
    assert reopened.remembered and memory_keyring.store
    assert Vault.open(locations, keyring_backend=memory_keyring)[1] == data
    reopened.set_remember(False)
    assert not reopened.remembered and memory_keyring.store == {}
    with pytest.raises(PassphraseRequired):
        Vault.open(locations, keyring_backend=memory_keyring)
    assert Vault.open(locations, passphrase)[1] == data
