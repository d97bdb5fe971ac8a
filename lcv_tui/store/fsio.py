"""Private files and folders, written atomically: a save either lands whole or not at all.

Every path the store writes goes through here: files are 0600 and folders 0700 whatever the
umask, because the mode is set explicitly after creating them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from lcv_tui.fsutil import IN_USE_HINT, O_BINARY, fsync_dir, full_fsync, replace_retrying
from lcv_tui.store.errors import VaultError, VaultWriteError

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"

_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_PERMISSION = {errno.EACCES, errno.EPERM, errno.EROFS}


def write_error(exc: OSError, folder: Path) -> VaultWriteError:
    """A Dutch ``VaultWriteError`` for an OS error, with advice that fits the cause."""
    if exc.errno in _NO_SPACE:
        return VaultWriteError("de schijf is vol (of het bestand mag niet groter worden)")
    if exc.errno in _NO_PERMISSION:
        return VaultWriteError(
            f"geen toestemming om te schrijven in {folder}",
            "controleer de rechten van die map (of dat de schijf niet alleen-lezen is) en probeer opnieuw.",
        )
    code = errno.errorcode.get(exc.errno or 0, str(exc.errno))
    return VaultWriteError(f"het systeem meldde een schrijffout ({code}) in {folder}")


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` if needed; every folder created here, missing parents too, gets mode 0700
    whatever the umask (``mkdir(parents=True)`` would give the parents the umask's mode)."""
    if path.is_dir():
        return
    missing: list[Path] = []
    current = path
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # made by someone else meanwhile: not ours to change
        os.chmod(folder, DIR_MODE)


def secure_data_dir(path: Path) -> None:
    """The data folder: created 0700, or, when it existed before, tightened to 0700. A folder that
    belongs to another user is refused with the reason (``VaultError``): that user could read or
    replace the vault. (Windows has no such modes; its user folders are private already.)"""
    ensure_private_dir(path)
    if not hasattr(os, "geteuid"):
        return
    info = path.stat()
    if info.st_uid != os.geteuid():
        raise VaultError(
            f"De gegevensmap {path} is van een andere gebruiker (uid {info.st_uid}). Die kan uw kluis "
            "lezen of vervangen. Kies een eigen map met --data-dir, of laat de map aan u toewijzen; "
            "er is niets gewijzigd."
        )
    if info.st_mode & 0o077:
        os.chmod(path, DIR_MODE)


def temp_path_for(target: Path) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")


def remove_stale_temps(target: Path) -> None:
    """Temp files left by a crash hold only ciphertext, but they should not pile up."""
    for stale in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()


def write_temp(target: Path, data: bytes | Iterable[bytes]) -> Path:
    """Write ``data`` (bytes, or pieces written as they come) to a new 0600 temp file beside
    ``target`` and fsync it; on failure nothing is left."""
    temp = temp_path_for(target)
    flags = (
        os.O_WRONLY
        | os.O_CREAT
        | os.O_EXCL
        | getattr(os, "O_CLOEXEC", 0)
        | getattr(os, "O_NOFOLLOW", 0)
        | O_BINARY
    )
    fd = os.open(temp, flags, FILE_MODE)
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, FILE_MODE)
        for piece in (data,) if isinstance(data, bytes) else data:
            view = memoryview(piece)
            while view:
                written = os.write(fd, view)
                view = view[written:]
        full_fsync(fd)
    except BaseException:
        os.close(fd)
        remove_quietly(temp)
        raise
    os.close(fd)
    return temp


def replace_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` atomically (temp, fsync, replace, fsync folder); raises ``VaultWriteError``."""
    try:
        temp = write_temp(target, data)
    except OSError as exc:
        raise write_error(exc, target.parent) from None
    commit_temp(temp, target)


def commit_temp(temp: Path, target: Path) -> None:
    """Move a written temp file over ``target``; on failure the temp file is removed and ``target`` untouched."""
    try:
        replace_retrying(temp, target)
    except PermissionError:
        remove_quietly(temp)
        raise VaultWriteError(
            IN_USE_HINT.format(folder=target.parent),
            "controleer dan de rechten van die map en probeer opnieuw.",
        ) from None
    except OSError as exc:
        remove_quietly(temp)
        raise write_error(exc, target.parent) from None
    except BaseException:
        remove_quietly(temp)
        raise
    fsync_dir(target.parent)


def copy_private(source: Path, target: Path, *, link: bool = True) -> None:
    """Hard-link ``source`` as ``target`` (no extra space), or copy it into a 0600 file where links are not possible.

    Link only a file that is about to be replaced: the link then stays the only name of the old bytes.
    """
    if link:
        try:
            os.link(source, target)
            return
        except OSError:
            pass
    data = source.read_bytes()
    temp = write_temp(target, data)
    try:
        replace_retrying(temp, target)
    except BaseException:
        remove_quietly(temp)
        raise


def remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(path)
