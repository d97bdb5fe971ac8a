"""Safe under misuse (issue 14): every writer locks, and a new passphrase means a new data key.

Each test's docstring names the README promise ("Betrouwbaarheid en veiligheid") it guards.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import socket
import subprocess
import sys
import types

import pytest
from test_store_lock import _held_elsewhere

from lcv_tui.cli import main
from lcv_tui.store import VaultLocked, check_backup, list_backups, open_workspace, restore_backup
from lcv_tui.store import lock as vault_lock
from lcv_tui.store import vault as vault_module
from lcv_tui.store.errors import WrongPassphrase
from lcv_tui.store.vault import REMOVE, EncryptedFiles, Vault, set_aside_files

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="the other process is started with POSIX tools here"
)
NEW = "een nieuwe wachtzin voor later"


def _cli(locations, clock, *argv, keyring=None):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [*argv, "--data-dir", str(locations.data_dir)],
        clock=clock,
        out=out,
        err=err,
        keyring_backend=keyring,
    )
    return code, out.getvalue(), err.getvalue()


# --- 1. every writer locks ---------------------------------------------------------------------


def test_passwd_and_restore_are_refused_while_the_vault_is_open_elsewhere(
    vault, data, locations, clock, passphrase, monkeypatch
):
    """Promise: every writer locks. With the app open in another process, ``passwd`` and
    ``restore`` are refused (exit 2) and the vault file is unchanged."""
    vault.save(data)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    monkeypatch.setenv("LCV_TUI_NEW_PASSPHRASE", NEW)
    before = locations.vault_path.read_bytes()
    with _held_elsewhere(locations):
        for argv in (("passwd",), ("restore",)):
            code, _out, err = _cli(locations, clock, *argv)
            assert code == 2 and "al geopend in een ander venster" in err, argv
        with pytest.raises(VaultLocked):
            vault.save(data)  # even a vault opened earlier cannot write around the lock
        with pytest.raises(VaultLocked):
            restore_backup(locations, list_backups(locations)[0].path)
    assert locations.vault_path.read_bytes() == before
    code, _out, err = _cli(locations, clock, "passwd")
    assert code == 0, err
    assert Vault.open(locations, NEW)[1] == data


def test_init_is_refused_while_another_process_holds_the_folder(locations, clock, monkeypatch):
    """Promise: every writer locks (a new vault too)."""
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", NEW)
    with _held_elsewhere(locations):
        code, _out, err = _cli(locations, clock, "init")
    assert code == 2 and "al geopend" in err and not locations.vault_path.exists()


def _no_flock(monkeypatch):
    def unsupported(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(vault_lock.fcntl, "flock", unsupported)


@pytest.mark.posix_only  # emulates the lock module's fcntl
def test_a_file_system_that_cannot_lock_gets_an_exclusive_lock_file(
    vault, locations, clock, passphrase, monkeypatch
):
    """Promise: never silently unlocked. Where the file system cannot lock, an exclusive lock file
    (O_EXCL) names the process and computer, keeps a second process out, is removed on release,
    and the user is told in Dutch."""
    _no_flock(monkeypatch)
    workspace = open_workspace(locations, clock, passphrase=passphrase)
    lock_file = locations.data_dir / vault_lock.LOCK_FILE_NAME
    assert lock_file.read_text().split() == [str(os.getpid()), socket.gethostname()]
    assert workspace.lock is not None and "kan niet door het systeem worden vergrendeld" in (
        workspace.lock.notice or ""
    )
    assert any("vergrendelbestand" in n for n in vault_lock.take_notices())
    # another process, alive on this computer, holds the lock file: refused, naming it
    workspace.close()
    assert not lock_file.exists()
    lock_file.write_text(f"{os.getppid()}\n{socket.gethostname()}\n")
    with pytest.raises(VaultLocked) as info:
        vault_lock.acquire(locations)
    assert f"proces {os.getppid()}" in info.value.message and "verwijder dan" in info.value.message
    # on another computer it cannot be told whether that process still runs: refused as well
    lock_file.write_text("1\neen-andere-computer\n")
    with pytest.raises(VaultLocked):
        vault_lock.acquire(locations)


@pytest.mark.posix_only  # emulates the lock module's fcntl
def test_a_stale_lock_file_of_a_dead_process_is_removed(vault, locations, monkeypatch):
    """Promise: a crash never locks the user out, also with a lock file."""
    _no_flock(monkeypatch)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], **_text()).stdout
    lock_file = locations.data_dir / vault_lock.LOCK_FILE_NAME
    lock_file.write_text(f"{dead.strip()}\n{socket.gethostname()}\n")
    held = vault_lock.acquire(locations)
    assert lock_file.read_text().split()[0] == str(os.getpid())
    held.release()
    assert not lock_file.exists()


def _text():
    return {"capture_output": True, "text": True, "check": True}


@pytest.mark.posix_only  # emulates the lock module's fcntl
def test_the_windows_lock_is_taken_and_explicitly_unlocked(vault, locations, monkeypatch):
    """Promise: one app at a time on Windows too: ``msvcrt.locking`` takes the first byte and an
    explicit unlock lets go before the file is closed (emulated here)."""
    calls: list[tuple[str, int]] = []
    fake = types.SimpleNamespace(
        LK_NBLCK=2,
        LK_UNLCK=0,
        locking=lambda fd, mode, size: calls.append(("lock" if mode == 2 else "unlock", size)),
    )
    monkeypatch.setattr(vault_lock, "fcntl", None)
    monkeypatch.setattr(vault_lock, "msvcrt", fake)
    held = vault_lock.acquire(locations)
    again = vault_lock.acquire(locations)
    again.release()
    assert calls == [("lock", 1)]
    held.release()
    assert calls == [("lock", 1), ("unlock", 1)]


# --- 2. a new passphrase means a new data key ----------------------------------------------------


def test_a_copy_made_before_the_change_reveals_only_the_data_as_it_was(
    vault, data, locations, passphrase, tmp_path
):
    """Promise: a new passphrase means a new key. Someone with the old passphrase and a copy made
    before the change reads only the data as it was then; nothing saved later opens with it."""
    copy = tmp_path / "kopie.lcv"
    shutil.copy(locations.vault_path, copy)
    vault.change_passphrase(passphrase, NEW)
    data.landlord.contact_person = "Later opgeslagen"
    vault.save(data)
    old_copy = check_backup(locations, copy, passphrase)
    assert old_copy.landlord.contact_person != "Later opgeslagen"
    for backup in list_backups(locations):
        with pytest.raises(WrongPassphrase):
            check_backup(locations, backup.path, passphrase)
    with pytest.raises(WrongPassphrase):
        Vault.open(locations, passphrase)
    # the old key does not open the new file even when spliced with the old slots
    new_file = vault_module.parse(locations.vault_path.read_bytes())
    old_file = vault_module.parse(copy.read_bytes())
    spliced = vault_module.assemble(new_file.core_bytes, old_file.slots, new_file.body)
    locations.vault_path.write_bytes(spliced)
    with pytest.raises(vault_module.VaultDamaged):
        Vault.open(locations, passphrase)


def test_set_aside_files_go_only_when_the_user_agrees(vault, data, locations, passphrase):
    """Promise: a new passphrase means a new key. Set-aside vault files (which open with the old
    passphrase) are listed, and removed only when the user agrees."""
    vault.save(data)
    restore_backup(locations, list_backups(locations)[0].path)
    vault, _ = Vault.open(locations, passphrase)
    kept = vault.change_passphrase(passphrase, NEW)
    assert kept.set_aside_left == set_aside_files(locations) and len(kept.set_aside_left) == 1
    removed = vault.change_passphrase(NEW, passphrase, remove_set_aside=True)
    assert removed.set_aside_removed == kept.set_aside_left and set_aside_files(locations) == []


def test_backups_can_be_removed_instead_of_re_encrypted(vault, data, locations, passphrase):
    """Promise: a new passphrase means a new key (backups removed, one fresh copy kept)."""
    for _ in range(3):
        vault.save(data)
    before = {b.path for b in list_backups(locations)}
    result = vault.change_passphrase(passphrase, NEW, backups=REMOVE)
    after = list_backups(locations)
    assert set(result.removed) == before and len(after) == 1 and after[0].path not in before
    assert check_backup(locations, after[0].path, NEW) == data


def test_a_further_kind_of_encrypted_file_is_re_keyed_from_one_place(
    vault, locations, passphrase, monkeypatch
):
    """Promise: a new passphrase means a new key, for every encrypted file kind in ``REKEYED_FILES``."""
    seen: list[tuple[str, bool]] = []
    letter = locations.data_dir / "brief.enc"
    letter.write_bytes(b"x")

    def rekey(path, vault_id, old_key, new_key, slots):
        seen.append((path.name, old_key != new_key and vault_id == vault.vault_id))

    kind = EncryptedFiles("brieven", lambda loc: [letter], rekey)
    monkeypatch.setattr(vault_module, "REKEYED_FILES", (*vault_module.REKEYED_FILES, kind))
    result = vault.change_passphrase(passphrase, NEW)
    assert seen == [("brief.enc", True)] and letter in result.rekeyed


def test_passwd_asks_about_set_aside_files_or_takes_the_flag(
    vault, data, locations, clock, passphrase, monkeypatch
):
    """Promise: a new passphrase means a new key (CLI: ``--remove-set-aside``; without a terminal
    nothing is removed and the file is named)."""
    vault.save(data)
    restore_backup(locations, list_backups(locations)[0].path)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    monkeypatch.setenv("LCV_TUI_NEW_PASSPHRASE", NEW)
    monkeypatch.setattr(sys, "stdin", io.StringIO("j\n"))  # not a terminal: never asked
    code, out, _err = _cli(locations, clock, "passwd")
    assert code == 0 and "opent nog met de oude wachtzin" in out and set_aside_files(locations)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", NEW)
    monkeypatch.setenv("LCV_TUI_NEW_PASSPHRASE", passphrase)
    code, out, _err = _cli(locations, clock, "passwd", "--remove-set-aside")
    assert code == 0 and "Verwijderd:" in out and set_aside_files(locations) == []


def test_a_load_freezes_nothing_and_leaves_the_collector_as_it_was(vault, locations, passphrase):
    """Promise: no process-wide tricks in the store: opening a vault leaves the garbage collector
    enabled and freezes no object (``gc.freeze`` is not used)."""
    import gc

    frozen = gc.get_freeze_count()
    assert gc.isenabled()
    Vault.open(locations, passphrase)
    assert gc.isenabled() and gc.get_freeze_count() == frozen
