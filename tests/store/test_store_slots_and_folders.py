"""Key slots and folders under misuse (issue 14, points 3 and 8).

The docstrings name the README promise ("Betrouwbaarheid en veiligheid") each test guards. Tests
that need an unprivileged user run one as ``nobody`` where the machine allows it (root), and say
so when skipped.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest
from lcv_testing import MemoryKeyring

from lcv_tui.store import Vault, VaultDamaged, WrongPassphrase, fileformat, kdf, keyring_slot
from lcv_tui.store.errors import VaultError
from lcv_tui.store.vault import _slot_check

REAL_MINIMUM = {
    kdf.ARGON2ID: kdf.KdfParams(kdf.ARGON2ID, memory_kib=19 * 1024, iterations=2, lanes=1),
    kdf.SCRYPT: kdf.KdfParams(kdf.SCRYPT, memory_kib=2**17, iterations=1, lanes=1),
}


def _nobody() -> int | None:
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    try:
        return pwd.getpwnam("nobody").pw_uid
    except KeyError:
        return None


# --- key slots -----------------------------------------------------------------------------------


def test_a_slot_below_the_minimum_is_made_again_at_the_next_save(
    locations, data, passphrase, monkeypatch
):
    from lcv_tui.paths import Locations

    """Promise: key slots meet the minimum (OWASP: Argon2id 19 MiB, 2 passes). A vault with a weaker
    slot opens, is not written on opening, and gets a slot with today's parameters at the next save."""
    weak = kdf.KdfParams(kdf.ARGON2ID, memory_kib=8, iterations=1, lanes=1)
    Vault.create(locations, passphrase, data, kdf=weak)
    monkeypatch.setattr(kdf, "MINIMUM", REAL_MINIMUM)
    monkeypatch.setattr(kdf, "DEFAULT_KDF", REAL_MINIMUM[kdf.ARGON2ID])
    with pytest.raises(ValueError):  # never made below the minimum
        Vault.create(Locations(locations.data_dir.parent / "nieuw"), passphrase, data, kdf=weak)
    before = locations.vault_path.read_bytes()
    vault, opened = Vault.open(locations, passphrase)
    assert locations.vault_path.read_bytes() == before
    vault.save(opened)
    slot = fileformat.parse(locations.vault_path.read_bytes()).slot(fileformat.PASSPHRASE)
    assert slot is not None and slot.kdf == REAL_MINIMUM[kdf.ARGON2ID]
    assert not kdf.below_minimum(slot.kdf)
    assert Vault.open(locations, passphrase)[1] == data


def test_a_weak_slot_is_made_again_before_the_data_is_decoded(
    locations, data, passphrase, monkeypatch
):
    """The new slot's KDF (64 MiB with today's parameters) runs before the tenants are decoded, so
    its memory is given back before theirs is taken instead of adding to the peak (issue 16.4)."""
    from lcv_tui.store import vault as vault_module

    weak = kdf.KdfParams(kdf.ARGON2ID, memory_kib=8, iterations=1, lanes=1)
    Vault.create(locations, passphrase, data, kdf=weak)
    monkeypatch.setattr(kdf, "MINIMUM", REAL_MINIMUM)
    monkeypatch.setattr(kdf, "DEFAULT_KDF", REAL_MINIMUM[kdf.ARGON2ID])
    calls: list[str] = []
    for name in ("_passphrase_slot", "_decode"):
        original = getattr(vault_module, name)

        def noting(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(vault_module, name, noting)
    vault, opened = Vault.open(locations, passphrase)
    assert calls == ["_passphrase_slot", "_decode"]
    assert opened == data and vault._pending_slots is not None


def test_a_tampered_slot_reads_as_damaged_not_as_a_wrong_passphrase(locations, data, passphrase):
    """Promise: a damaged or tampered key slot says "beschadigd", even with a recomputed header
    checksum; a wrong passphrase still says the passphrase is wrong."""
    Vault.create(locations, passphrase, data)
    file = fileformat.parse(locations.vault_path.read_bytes())
    slot = file.slot(fileformat.PASSPHRASE)
    assert slot is not None and slot.check is not None
    slot.wrapped = bytes([slot.wrapped[0] ^ 1]) + slot.wrapped[1:]
    locations.vault_path.write_bytes(
        fileformat.assemble(file.core_bytes, file.slots, file.body, file.version)
    )
    with pytest.raises(WrongPassphrase):
        Vault.open(locations, "een andere wachtzin dan deze")
    with pytest.raises(VaultDamaged) as info:
        Vault.open(locations, passphrase)
    assert "sleutelvak is beschadigd" in info.value.message


def test_the_slot_check_depends_on_the_key():
    """Promise: a damaged key slot reads as damaged (the check tells a right key from a wrong one)."""
    assert _slot_check("passphrase", b"a" * 32, "v1") != _slot_check("passphrase", b"b" * 32, "v1")


class _JsonFileKeyring(MemoryKeyring):
    """A third-party backend that would write the key to a 0644 JSON file."""


class _Imposter(MemoryKeyring):
    """Calls itself SecretService but is another class."""

    name = "SecretService Keyring"


def test_only_known_secure_keyrings_are_used(locations, data, passphrase, monkeypatch):
    """Promise: the key is only remembered in a known secure OS keyring (Keychain, Credential
    Locker, Secret Service, KWallet); any other backend means "no keyring"."""
    monkeypatch.setattr(
        keyring_slot,
        "TRUSTED_BACKENDS",
        keyring_slot.TRUSTED_BACKENDS - {"lcv_testing.MemoryKeyring"},
    )
    for backend in (MemoryKeyring(), _JsonFileKeyring(), _Imposter()):
        assert keyring_slot.usable_backend(backend) is None
    vault = Vault.create(
        locations, passphrase, data, remember=True, keyring_backend=_JsonFileKeyring()
    )
    assert not vault.remembered
    assert "keyring.backends.SecretService.Keyring" in keyring_slot.TRUSTED_BACKENDS
    assert "keyring.backends.Windows.WinVaultKeyring" in keyring_slot.TRUSTED_BACKENDS


# --- folders -------------------------------------------------------------------------------------


def test_a_pre_existing_data_folder_is_tightened(umask_022, locations, data, passphrase):
    """Promise: private folders. A data folder that existed before with 0755/0777 is 0700 once the
    vault is made in it (and again when a command takes the lock)."""
    locations.data_dir.mkdir(mode=0o777)
    os.chmod(locations.data_dir, 0o777)
    Vault.create(locations, passphrase, data)
    assert stat.S_IMODE(locations.data_dir.stat().st_mode) == 0o700
    os.chmod(locations.data_dir, 0o755)
    from lcv_tui.store import lock

    lock.acquire(locations).release()
    assert stat.S_IMODE(locations.data_dir.stat().st_mode) == 0o700


def test_missing_parents_are_0700_whatever_the_umask(tmp_path, data, passphrase):
    """Promise: private folders. Every folder the app creates, missing parents too, is 0700 under umask 000."""
    from lcv_tui.paths import Locations

    old = os.umask(0)
    try:
        locations = Locations(tmp_path / "a" / "b" / "data")
        Vault.create(locations, passphrase, data)
        Vault.open(locations, passphrase)[0].save(data)
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", locations.data_dir, locations.backup_dir):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_data_folder_of_another_user_is_refused(locations, data, passphrase):
    """Promise: private folders. A data folder that belongs to someone else is refused with the
    reason, and nothing is written in it."""
    uid = _nobody()
    if uid is None:
        pytest.skip("needs root to give a folder to another user (nobody); not run here")
    locations.data_dir.mkdir()
    os.chown(locations.data_dir, uid, -1)
    with pytest.raises(VaultError) as info:
        Vault.create(locations, passphrase, data)
    assert "van een andere gebruiker" in info.value.message
    assert list(locations.data_dir.iterdir()) == []


def test_another_user_cannot_read_the_data_folder(data, passphrase):
    """Promise: private files and folders, checked as an unprivileged user (``nobody``) in a
    subprocess: the vault and its folder cannot be read, even under an open parent folder."""
    uid = _nobody()
    if uid is None:
        pytest.skip("needs root to run a subprocess as the unprivileged user nobody; not run here")
    from lcv_tui.paths import Locations

    parent = Path(tempfile.mkdtemp(prefix="lcv-nobody-"))
    try:
        os.chmod(parent, 0o755)  # the parent is open to all: only the app's own modes protect
        locations = Locations(parent / "data")
        vault = Vault.create(locations, passphrase, data)
        vault.save(data)
        probe = (
            "import os, sys\n"
            "for p in sys.argv[1:]:\n"
            "    try:\n"
            "        open(p, 'rb').read(1) if os.path.isfile(p) or p.endswith('.lcv') else os.listdir(p)\n"
            "        print('OPEN', p)\n"
            "    except PermissionError:\n"
            "        print('REFUSED')\n"
        )
        python = shutil.which("python3", path="/usr/local/bin:/usr/bin:/bin")
        if python is None:
            pytest.skip("no system python3 that the user nobody may run")
        done = subprocess.run(
            [python, "-c", probe, str(locations.data_dir), str(locations.vault_path)],
            capture_output=True,
            text=True,
            timeout=60,
            preexec_fn=lambda: os.setuid(uid),  # a fresh child process
        )
        assert done.stdout.split() == ["REFUSED", "REFUSED"], done.stdout + done.stderr
    finally:
        shutil.rmtree(parent, ignore_errors=True)
