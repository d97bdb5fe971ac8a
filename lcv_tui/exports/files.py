"""Writing files that hold personal data: private (0600) and atomic.

Every writer in ``exports`` ends here. The file appears complete or not at all: the bytes go to a
temporary file in the same folder, are flushed to disk, and the temporary file is renamed over the
target. The mode is 0600 whatever the umask, and new parent folders are 0700.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from lcv_tui.fsutil import IN_USE_HINT, fsync_dir, full_fsync, replace_retrying


class ExportError(Exception):
    """A file could not be written or read; ``message`` says in Dutch what to do."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "u hebt geen schrijfrechten in die map; kies een andere map"
    if exc.errno == errno.ENOSPC:
        return "de schijf is vol; maak ruimte vrij of kies een andere schijf"
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return "een deel van het pad is een bestand in plaats van een map; kies een ander pad"
    if exc.errno == errno.EISDIR:
        return "het pad is een map; geef een bestandsnaam op, bijvoorbeeld signalen.xlsx"
    if exc.errno == errno.ENAMETOOLONG:
        return "de bestandsnaam is te lang; kies een kortere naam"
    return "controleer het pad en probeer het opnieuw"


def _make_parents(folder: Path) -> None:
    missing: list[Path] = []
    current = folder
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for path in reversed(missing):
        try:
            path.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made meanwhile by someone else: not ours to change
        os.chmod(path, 0o700)


def unused_path(path: str | os.PathLike[str]) -> Path:
    """``path`` if nothing is there yet, else ``name-2.ext``, ``name-3.ext``…: a suggested file
    name never silently replaces an earlier export of the same day."""
    target = Path(path).expanduser()
    if not target.exists():
        return target
    for number in range(2, 1000):
        candidate = target.with_name(f"{target.stem}-{number}{target.suffix}")
        if not candidate.exists():
            return candidate
    return target


FORMAT_BY_SUFFIX = {".csv": "csv", ".xlsx": "xlsx"}


def out_target(path: str | os.PathLike[str], *, fmt: str | None, force: bool) -> tuple[Path, str]:
    """The file a ``--out PAD`` names, and its format. The format follows the extension (``.csv``
    or ``.xlsx``); a ``--format`` that contradicts it, or a name without either, is refused. An
    existing file is replaced only with ``force``; something that is not a regular file (a folder,
    a device, a pipe) never. Raises :class:`ExportError` with a Dutch message."""
    target = Path(path).expanduser().absolute()
    suffix = target.suffix.lower()
    by_name = FORMAT_BY_SUFFIX.get(suffix)
    if by_name is None:
        wanted = f".{fmt}" if fmt else ".xlsx of .csv"
        raise ExportError(
            f"Kan {target.name} niet schrijven: geef de bestandsnaam de extensie {wanted}, "
            "zodat het formaat klopt met de naam."
        )
    if fmt is not None and fmt != by_name:
        raise ExportError(
            f"De naam {target.name} hoort bij {by_name.upper()}, maar het gevraagde formaat is "
            f"{fmt.upper()}. Kies de naam met .{fmt}, of laat --format weg."
        )
    return new_target(target, force=force), by_name


def new_target(path: str | os.PathLike[str], *, force: bool) -> Path:
    """The file a ``--out PAD`` names: an existing file is replaced only with ``force``; something
    that is not a regular file (a folder, a device, a pipe) never. Raises :class:`ExportError`."""
    target = Path(path).expanduser().absolute()
    _refuse_special(target)
    if target.exists() and not force:
        raise ExportError(
            f"{target} bestaat al. Kies een andere naam, of vervang het bestand met --force."
        )
    return target


def _refuse_special(target: Path) -> None:
    """Refuse a target that exists and is not a regular file (nor a link to one)."""
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"Kan {target} niet schrijven: {_reason(exc)}.") from None
    if stat.S_ISDIR(mode):
        raise ExportError(
            f"Kan {target} niet schrijven: het pad is een map; geef een bestandsnaam op, bijvoorbeeld signalen.xlsx."
        )
    if not stat.S_ISREG(mode):
        raise ExportError(
            f"Kan {target} niet schrijven: daar staat geen gewoon bestand (maar bijvoorbeeld een "
            "apparaat of een pijp). Kies een andere naam."
        )


def write_private(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically with mode 0600; returns the absolute path.

    Never replaces something that is not a regular file (a folder, a device node, a pipe). Raises
    :class:`ExportError` with a Dutch message when it fails; no temporary file stays behind.
    """
    target = Path(path).expanduser().absolute()
    _refuse_special(target)
    tmp_name: str | None = None
    try:
        _make_parents(target.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):  # mkstemp already creates 0600; this makes it explicit
                os.fchmod(handle.fileno(), 0o600)
            handle.write(data)
            handle.flush()
            full_fsync(handle.fileno())
        try:
            replace_retrying(tmp_name, target)
        except PermissionError:
            raise ExportError(
                f"Kan {target} niet schrijven: {IN_USE_HINT.format(folder=target.parent)}."
            ) from None
        tmp_name = None
        os.chmod(target, 0o600)
        fsync_dir(target.parent)
    except OSError as exc:
        raise ExportError(f"Kan {target} niet schrijven: {_reason(exc)}.") from None
    finally:
        if tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """Read a file the landlord chose, with a Dutch message when that fails."""
    target = Path(path).expanduser()
    try:
        return target.read_bytes()
    except FileNotFoundError:
        raise ExportError(f"Bestand {target} bestaat niet: controleer de naam en de map.") from None
    except IsADirectoryError:
        raise ExportError(
            f"{target} is een map: geef het pad van een CSV- of XLSX-bestand op."
        ) from None
    except OSError as exc:
        raise ExportError(f"Kan {target} niet lezen: {_reason(exc)}.") from None


def newest_file(folder: str | os.PathLike[str], suffixes: tuple[str, ...]) -> Path | None:
    """The most recently changed file in ``folder`` with one of ``suffixes`` (the file just made),
    or None when there is none or the folder cannot be read."""
    newest: tuple[float, Path] | None = None
    try:
        entries = list(os.scandir(Path(folder).expanduser()))
    except OSError:
        return None
    for entry in entries:
        if not entry.name.lower().endswith(suffixes):
            continue
        try:
            if not entry.is_file():
                continue
            changed = entry.stat().st_mtime
        except OSError:
            continue
        if newest is None or changed > newest[0]:
            newest = (changed, Path(entry.path))
    return newest[1] if newest else None
