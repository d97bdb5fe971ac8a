"""Windows and macOS in the store, emulated on Linux (issue 17, points 1 and 2).

Promises ("Betrouwbaarheid en veiligheid"): every write is binary (``O_BINARY``) so a vault made on
Windows reopens; macOS gets a full flush (``F_FULLFSYNC``); a vault file held open by another
program is retried, then reported in Dutch with the data kept.
"""

from __future__ import annotations

import os
import sys

import pytest

from lcv_tui import fsutil
from lcv_tui.store import Vault, VaultDamaged, fsio, list_backups, restore_backup
from lcv_tui.store import lock as vault_lock
from lcv_tui.store.errors import VaultWriteError

WINDOWS_O_BINARY = 0x8000


def _emulate_text_mode(monkeypatch, *, binary_flag: int) -> list[int]:
    """Make ``os.open`` behave like Windows: a file opened without ``O_BINARY`` turns each ``\\n``
    written into ``\\r\\n``. Returns the flags of every open for writing."""
    real_open, real_write = os.open, os.write
    text_fds: set[int] = set()
    seen: list[int] = []

    def fake_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags & ~WINDOWS_O_BINARY, *args, **kwargs)
        if flags & (os.O_WRONLY | os.O_RDWR):
            seen.append(flags)
            if not flags & WINDOWS_O_BINARY:
                text_fds.add(fd)
            else:
                text_fds.discard(fd)
        return fd

    def fake_write(fd, data):
        if fd in text_fds:
            real_write(fd, bytes(data).replace(b"\n", b"\r\n"))
            return len(data)
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "write", fake_write)
    monkeypatch.setattr(fsio, "O_BINARY", binary_flag)
    monkeypatch.setattr(vault_lock, "O_BINARY", binary_flag)
    return seen


def test_a_vault_round_trips_under_windows_text_mode(locations, data, passphrase, monkeypatch):
    """Promise: binary writes everywhere. With text-mode translation emulated, create, save,
    backup, passphrase change and restore all pass ``O_BINARY`` and the vault reopens."""
    seen = _emulate_text_mode(monkeypatch, binary_flag=WINDOWS_O_BINARY)
    vault = Vault.create(locations, passphrase, data)
    for _ in range(3):
        vault.save(data)
    vault.change_passphrase(passphrase, "een nieuwe wachtzin hier")
    restore_backup(locations, list_backups(locations)[0].path)
    assert seen and all(flags & WINDOWS_O_BINARY for flags in seen)
    assert Vault.open(locations, "een nieuwe wachtzin hier")[1] == data


def test_the_emulation_would_catch_a_text_mode_write(locations, data, passphrase, monkeypatch):
    """Promise: binary writes everywhere (the emulation is real: without the flag the vault breaks)."""
    with pytest.MonkeyPatch.context() as emulated:
        _emulate_text_mode(emulated, binary_flag=0)
        Vault.create(locations, passphrase, data)
    raw = locations.vault_path.read_bytes()
    if b"\r\n" not in raw:
        pytest.skip("this vault happened to contain no newline byte")
    with pytest.raises(VaultDamaged):
        Vault.open(locations, passphrase)


@pytest.mark.posix_only  # fcntl exists on POSIX systems only
def test_macos_gets_a_full_flush(locations, data, passphrase, monkeypatch):
    """Promise: on macOS every save is flushed to the disk itself (``F_FULLFSYNC``)."""
    import fcntl

    calls: list[int] = []
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setattr(fcntl, "F_FULLFSYNC", 51, raising=False)
    monkeypatch.setattr(fcntl, "fcntl", lambda fd, op, *a: calls.append(op) or 0)
    Vault.create(locations, passphrase, data)
    assert 51 in calls


def test_a_vault_held_open_elsewhere_is_retried_then_reported(
    locations, data, passphrase, monkeypatch
):
    """Promise: a vault file held by another program (virus scanner, OneDrive) is retried for a
    moment; then a Dutch message names the likely cause, and the data stays in the app and on disk."""
    vault = Vault.create(locations, passphrase, data)
    monkeypatch.setattr(fsutil, "REPLACE_PAUSES", (0.0, 0.0, 0.0))
    real_replace = os.replace
    failures = [2]

    def flaky(src, dst):
        if failures[0] > 0:
            failures[0] -= 1
            raise PermissionError(13, "in use")
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", flaky)
    data.landlord.contact_person = "Na twee pogingen"
    vault.save(data)
    assert Vault.open(locations, passphrase)[1].landlord.contact_person == "Na twee pogingen"
    before = locations.vault_path.read_bytes()
    failures[0] = 99
    data.landlord.contact_person = "Nooit"
    with pytest.raises(VaultWriteError) as info:
        vault.save(data)
    assert "geopend in een ander programma" in info.value.message and info.value.exit_code == 3
    assert locations.vault_path.read_bytes() == before
    assert not [p for p in locations.data_dir.iterdir() if p.name.endswith(".tmp")]
