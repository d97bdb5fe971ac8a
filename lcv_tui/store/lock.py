"""One app at a time per vault: a lock held while a vault is open for work, and by every writer.

Two instances on one vault (a second terminal, the TUI and a CLI command) would each save their own
copy, and the last save would silently undo the other's steps. So opening a workspace takes an
exclusive lock on ``kluis.lock`` beside the vault; a second process is refused with a Dutch message
and changes nothing. Every write of the vault file (a save, a passphrase change, a restore, a new
vault) takes the lock too (``locked``), so no command can write around it. The operating system
drops the lock when the process ends, also after a crash, so a stale lock file never blocks anyone.

POSIX uses ``flock``; Windows ``msvcrt.locking`` on the first byte, unlocked explicitly before the
file is closed. Where the file system cannot lock at all (some network shares), the lock becomes an
exclusive lock *file*, ``kluis.lock.pid``, created with ``O_EXCL`` and naming the process id and the
computer; one left behind by a process that no longer runs on this computer is removed. The user is
told (``VaultLock.notice``); the vault is never opened unlocked.

Within one process the lock is counted, not taken twice: the tests, and the app reopening its own
vault, hold it as often as they like.
"""

from __future__ import annotations

import errno
import os
import socket
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from lcv_tui.fsutil import O_BINARY
from lcv_tui.paths import Locations
from lcv_tui.store import fsio
from lcv_tui.store.errors import VaultError, VaultLocked

LOCK_NAME = "kluis.lock"
LOCK_FILE_NAME = "kluis.lock.pid"
"""The exclusive lock file used where the file system cannot lock (see the module docstring)."""

fcntl: ModuleType | None
msvcrt: ModuleType | None
try:
    import fcntl
except ImportError:  # Windows
    fcntl = None
try:
    import msvcrt
except ImportError:  # POSIX
    msvcrt = None

_TAKEN, _HELD, _UNSUPPORTED = "taken", "held", "unsupported"
_HELD_ELSEWHERE = {errno.EAGAIN, errno.EWOULDBLOCK, errno.EACCES, errno.EDEADLK}

FALLBACK_NOTICE = (
    "Let op: deze map kan niet door het systeem worden vergrendeld (bijvoorbeeld een netwerkmap). "
    "lcv-tui gebruikt daarom het vergrendelbestand {path}; het verdwijnt weer als de app sluit. "
    "Open de kluis niet tegelijk vanaf een andere computer."
)


class _Hold:
    """This process's hold on one vault: the locked descriptor (or the lock file we made) and how
    many ``VaultLock``s share it."""

    def __init__(self, fd: int | None, lock_file: Path | None = None) -> None:
        self.fd = fd
        self.lock_file = lock_file
        self.count = 1

    def drop(self) -> None:
        if self.fd is not None:
            _unlock(self.fd)
            os.close(self.fd)
        if self.lock_file is not None:
            fsio.remove_quietly(self.lock_file)


_held: dict[Path, _Hold] = {}
_guard = threading.RLock()
_notices: list[str] = []


def _take(fd: int) -> str:
    """Lock ``fd`` without waiting: taken, held (by another process) or unsupported (by this file system)."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        elif msvcrt is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            return _UNSUPPORTED
    except OSError as exc:
        return _HELD if exc.errno in _HELD_ELSEWHERE else _UNSUPPORTED
    return _TAKEN


def _unlock(fd: int) -> None:
    """Let go explicitly (closing would also do it on POSIX; on Windows only an unlock is sure)."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_UN)
        elif msvcrt is not None:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    except OSError:
        pass  # closing the descriptor next drops it as well


def _this_host() -> str:
    return socket.gethostname() or "onbekend"


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer; True when that cannot be told safely."""
    if sys.platform == "win32" or pid <= 0:
        return True  # os.kill(pid, 0) would terminate a process on Windows
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists but belongs to someone else
    return True


def _owner(path: Path) -> tuple[int, str] | None:
    """The (pid, host) a lock file names, or None when it cannot be read."""
    try:
        pid_text, host = path.read_text(encoding="utf-8").splitlines()[:2]
        return int(pid_text), host
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _take_file(path: Path) -> None:
    """Create the exclusive lock file, removing one left by a dead process on this computer."""
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | O_BINARY
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NOFOLLOW", 0)
    )
    for _ in range(3):
        try:
            fd = os.open(path, flags, fsio.FILE_MODE)
        except FileExistsError:
            owner = _owner(path)
            if owner is not None and owner[1] == _this_host() and not _alive(owner[0]):
                fsio.remove_quietly(path)  # stale: its process ended without cleaning up
                continue
            raise VaultLocked(path, owner=owner) from None
        try:
            os.write(fd, f"{os.getpid()}\n{_this_host()}\n".encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        return
    raise VaultLocked(path)


class VaultLock:
    """A hold on the lock of one data folder; ``release()`` once (further calls do nothing).

    ``notice`` is a Dutch note for the user when the lock is a lock file (see the module docstring).
    """

    def __init__(self, path: Path, hold: _Hold) -> None:
        self.path = path
        self._hold: _Hold | None = hold
        self.notice = (
            FALLBACK_NOTICE.format(path=hold.lock_file) if hold.lock_file is not None else None
        )

    def release(self) -> None:
        with _guard:
            hold, self._hold = self._hold, None
            if hold is None or _held.get(self.path) is not hold:
                return  # released before, or by ``release_all``
            hold.count -= 1
            if hold.count == 0:
                del _held[self.path]
                hold.drop()


def _lock_path(locations: Locations) -> Path:
    return (locations.data_dir / LOCK_NAME).resolve()


def acquire(locations: Locations) -> VaultLock:
    """Lock the vault in ``locations`` for this process; raises ``VaultLocked`` when another process holds it."""
    path = _lock_path(locations)
    with _guard:
        hold = _held.get(path)
        if hold is not None:
            hold.count += 1
            return VaultLock(path, hold)
        try:
            fsio.secure_data_dir(path.parent)
            fd = os.open(
                path, os.O_RDWR | os.O_CREAT | O_BINARY | getattr(os, "O_CLOEXEC", 0), 0o600
            )
        except OSError as exc:
            raise VaultError(
                f"De vergrendeling {path} kan niet worden gemaakt ({exc.strerror or exc.errno}). "
                "Controleer of u in deze map mag schrijven."
            ) from None
        outcome = _take(fd)
        if outcome == _HELD:
            os.close(fd)
            raise VaultLocked(path)
        if outcome == _UNSUPPORTED:
            os.close(fd)
            lock_file = path.with_name(LOCK_FILE_NAME)
            try:
                _take_file(lock_file)
            except OSError as exc:
                raise VaultError(
                    f"De kluis kan niet worden vergrendeld: het vergrendelbestand {lock_file} kan niet "
                    f"worden gemaakt ({exc.strerror or exc.errno}). Kies een map op een lokale schijf "
                    "met --data-dir; er is niets gewijzigd."
                ) from None
            hold = _held[path] = _Hold(None, lock_file)
            lock = VaultLock(path, hold)
            if lock.notice is not None:
                _notices.append(lock.notice)
            return lock
        hold = _held[path] = _Hold(fd)
        return VaultLock(path, hold)


@contextmanager
def locked(locations: Locations) -> Iterator[VaultLock]:
    """Hold the lock of ``locations`` for the block (counted: free when this process holds it already)."""
    lock = acquire(locations)
    try:
        yield lock
    finally:
        lock.release()


def held_here(locations: Locations) -> bool:
    """True while this process holds the lock of ``locations`` (for tests and diagnostics)."""
    with _guard:
        return _lock_path(locations) in _held


def take_notices() -> list[str]:
    """The Dutch notes about lock files taken since the last call (the CLI prints them once)."""
    with _guard:
        notes = list(dict.fromkeys(_notices))
        _notices.clear()
        return notes


def release_all() -> None:
    """Drop every lock this process holds (the end of a CLI command: its workspace is done with)."""
    with _guard:
        for hold in _held.values():
            hold.drop()
        _held.clear()
