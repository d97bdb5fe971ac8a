"""Small file-system helpers shared by the store and the exports (neither may import the other)."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); some systems cannot fsync a folder, and the rename has happened anyway."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


O_BINARY: int = getattr(os, "O_BINARY", 0)
"""Windows opens files in text mode unless told otherwise (each ``\\n`` byte would become ``\\r\\n``);
every ``os.open`` for writing adds this flag (0 elsewhere)."""

REPLACE_PAUSES: tuple[float, ...] = (0.05, 0.1, 0.2, 0.4, 0.8)
"""Pauses between tries of ``os.replace`` when the target is in use (a virus scanner, an indexer,
OneDrive or Excel holding it open on Windows): about 1.5 s in all, then the caller reports."""


def full_fsync(fd: int) -> None:
    """Flush ``fd`` to the disk itself: ``F_FULLFSYNC`` on macOS (its ``fsync`` stops at the drive's
    cache), ``fsync`` elsewhere or where the file system refuses it."""
    import sys

    if sys.platform == "darwin":
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:
                pass
    os.fsync(fd)


def replace_retrying(source: Path | str, target: Path | str) -> None:
    """``os.replace`` that waits a little and tries again while the target is in use (PermissionError);
    after the last try the PermissionError is raised for the caller's Dutch message."""
    import time

    for pause in (*REPLACE_PAUSES, None):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if pause is None:
                raise
            time.sleep(pause)


IN_USE_HINT = (
    "het bestand is waarschijnlijk geopend in een ander programma (bijvoorbeeld Excel, een "
    "PDF-lezer, een virusscanner of OneDrive); sluit dat programma en probeer opnieuw. "
    "Anders mag u niet schrijven in {folder}"
)
