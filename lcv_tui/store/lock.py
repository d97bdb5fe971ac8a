"""One app at a time per vault: a lock held while a vault is open for work.

Two instances on one vault (a second terminal, the TUI and a CLI command) would each save their own
copy, and the last save would silently undo the other's steps. So opening a workspace takes an
exclusive lock on ``kluis.lock`` beside the vault; a second process is refused with a Dutch message
and changes nothing. The operating system drops the lock when the process ends, also after a crash,
so a stale lock file never blocks anyone.

Within one process the lock is counted, not taken twice: the tests, and the app reopening its own
vault, hold it as often as they like. POSIX uses ``flock``; Windows ``msvcrt.locking``.
"""

from __future__ import annotations

import errno
import os
import threading
from pathlib import Path

from lcv_tui.paths import Locations
from lcv_tui.store import fsio
from lcv_tui.store.errors import VaultError, VaultLocked

LOCK_NAME = "kluis.lock"

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


class _Hold:
    """This process's hold on one lock file: the open descriptor and how many ``VaultLock``s share it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self.count = 1


_held: dict[Path, _Hold] = {}
_guard = threading.Lock()
_HELD_ELSEWHERE = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}


def _take(fd: int) -> bool:
    """Lock ``fd``; False when another process holds it. A file system that cannot lock at all (some
    network shares) is let through without a lock rather than locking the user out of the vault."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as exc:
        return exc.errno not in _HELD_ELSEWHERE
    return True


class VaultLock:
    """A hold on the lock of one data folder; ``release()`` once (further calls do nothing)."""

    def __init__(self, path: Path, hold: _Hold) -> None:
        self.path = path
        self._hold: _Hold | None = hold

    def release(self) -> None:
        with _guard:
            hold, self._hold = self._hold, None
            if hold is None or _held.get(self.path) is not hold:
                return  # released before, or by ``release_all``
            hold.count -= 1
            if hold.count == 0:
                del _held[self.path]
                os.close(hold.fd)  # closing the descriptor drops the lock


def acquire(locations: Locations) -> VaultLock:
    """Lock the vault in ``locations`` for this process; raises ``VaultLocked`` when another process holds it."""
    path = (locations.data_dir / LOCK_NAME).resolve()
    with _guard:
        hold = _held.get(path)
        if hold is not None:
            hold.count += 1
            return VaultLock(path, hold)
        try:
            fsio.ensure_private_dir(path.parent)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, fsio.FILE_MODE)
        except OSError as exc:
            raise VaultError(
                f"De vergrendeling {path} kan niet worden gemaakt ({exc.strerror or exc.errno}). "
                "Controleer of u in deze map mag schrijven."
            ) from None
        if not _take(fd):
            os.close(fd)
            raise VaultLocked(path)
        hold = _held[path] = _Hold(fd)
        return VaultLock(path, hold)


def held_here(locations: Locations) -> bool:
    """True while this process holds the lock of ``locations`` (for tests and diagnostics)."""
    with _guard:
        return (locations.data_dir / LOCK_NAME).resolve() in _held


def release_all() -> None:
    """Drop every lock this process holds (the end of a CLI command: its workspace is done with)."""
    with _guard:
        for hold in _held.values():
            os.close(hold.fd)
        _held.clear()
