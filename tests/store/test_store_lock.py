"""One app at a time per vault: a second process is refused while the vault is open, and nothing is lost.

Promise: two instances never both save the same vault (the last save would undo the other's steps).
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from lcv_tui.cli import main
from lcv_tui.store import VaultLocked, VaultMissing, create_workspace, open_workspace
from lcv_tui.store import lock as vault_lock

ROOT = Path(__file__).resolve().parents[2]

pytestmark = (
    pytest.mark.posix_only
)  # fcntl today; the cross-platform lock decides what runs on Windows

_TRY_LOCK = """
import sys
from pathlib import Path
from lcv_tui.paths import Locations
from lcv_tui.store import lock, VaultLocked
try:
    lock.acquire(Locations(Path(sys.argv[1])))
except VaultLocked as exc:
    print("LOCKED", exc.message)
else:
    print("FREE")
"""


@contextmanager
def _held_elsewhere(locations):
    """A second process that holds the vault's lock until the block ends (then it is killed)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _TRY_LOCK + "\nsys.stdout.flush()\nimport time\ntime.sleep(60)\n",
            str(locations.data_dir),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    try:
        assert (
            holder.stdout is not None and holder.stdout.readline().strip() == "FREE"
        )  # it holds the lock now
        yield holder
    finally:
        holder.kill()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()


def _other_process(locations) -> str:
    """What a second process finds when it tries to take the vault's lock."""
    done = subprocess.run(
        [sys.executable, "-c", _TRY_LOCK, str(locations.data_dir)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_second_process_is_refused_while_the_vault_is_open(vault, locations, clock, passphrase):
    workspace = open_workspace(locations, clock, passphrase=passphrase)
    try:
        answer = _other_process(locations)
        assert answer.startswith("LOCKED") and "al geopend in een ander venster" in answer
    finally:
        workspace.close()
    assert _other_process(locations) == "FREE"


def test_the_lock_is_counted_within_one_process(vault, locations, clock, passphrase):
    first = open_workspace(locations, clock, passphrase=passphrase)
    second = open_workspace(
        locations, clock, passphrase=passphrase
    )  # the same process may open it again
    first.close()
    first.close()  # twice is harmless, and does not release the second holder's share
    assert vault_lock.held_here(locations)
    second.close()
    assert not vault_lock.held_here(locations)


def test_a_vault_that_does_not_open_leaves_no_lock(vault, locations, clock):
    from lcv_tui.store import WrongPassphrase

    with pytest.raises(WrongPassphrase):
        open_workspace(locations, clock, passphrase="een verkeerde wachtzin")
    assert not vault_lock.held_here(locations)


def test_no_lock_file_without_a_vault(locations, clock, passphrase):
    with pytest.raises(VaultMissing):
        open_workspace(locations, clock, passphrase=passphrase)
    assert not locations.data_dir.exists()


def test_a_new_vault_is_locked_from_the_start(locations, clock, passphrase, data):
    workspace = create_workspace(locations, passphrase, data, clock)
    assert vault_lock.held_here(locations)
    workspace.close()
    assert not vault_lock.held_here(locations)


def test_a_crashed_instance_leaves_no_stale_lock(vault, locations):
    """The operating system drops the lock with the process: a SIGKILL never locks the user out."""
    with _held_elsewhere(locations), pytest.raises(VaultLocked):
        vault_lock.acquire(locations)
    deadline = time.monotonic() + 10
    while True:
        try:
            vault_lock.acquire(locations).release()
            break
        except VaultLocked:
            assert time.monotonic() < deadline, "the lock outlived the killed process"
            time.sleep(0.05)


def test_the_cli_refuses_with_exit_code_2_and_changes_nothing(
    vault, locations, clock, passphrase, memory_keyring, monkeypatch
):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    before = locations.vault_path.read_bytes()
    out, err = io.StringIO(), io.StringIO()
    with _held_elsewhere(locations):
        code = main(
            ["agenda", "--data-dir", str(locations.data_dir)],
            clock=clock,
            out=out,
            err=err,
            keyring_backend=memory_keyring,
        )
    assert code == 2 and "al geopend in een ander venster" in err.getvalue()
    assert locations.vault_path.read_bytes() == before


def test_a_cli_command_lets_go_of_the_lock_when_it_ends(
    vault, locations, clock, passphrase, memory_keyring, monkeypatch
):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    code = main(
        ["agenda", "--data-dir", str(locations.data_dir)],
        clock=clock,
        out=io.StringIO(),
        err=io.StringIO(),
        keyring_backend=memory_keyring,
    )
    assert code == 0
    assert not vault_lock.held_here(locations)


def test_a_file_system_that_cannot_lock_does_not_lock_the_user_out(
    vault, locations, clock, passphrase, monkeypatch
):
    import errno

    def unsupported(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(vault_lock.fcntl, "flock", unsupported)
    workspace = open_workspace(locations, clock, passphrase=passphrase)
    assert workspace.data.tenants
    workspace.close()


def test_a_lock_held_elsewhere_is_told_apart_from_one_that_cannot_be_taken(
    vault, locations, monkeypatch
):
    import errno

    def busy(fd, operation):
        raise BlockingIOError(errno.EWOULDBLOCK, "Resource temporarily unavailable")

    monkeypatch.setattr(vault_lock.fcntl, "flock", busy)
    with pytest.raises(VaultLocked):
        vault_lock.acquire(locations)
    assert not vault_lock.held_here(locations)
