"""Every path the app uses, in one place.

The data folder comes from, in order: an explicit argument (``--data-dir`` or a factory
argument), the environment variable ``LCV_TUI_DATA_DIR``, and platformdirs' user data dir.
Tests always pass their own folder, so they never touch a user's real data.

Letters and exports are for the landlord to find, print and upload: with the system's own data
folder they go to the Documents folder (``Documenten/lcv-tui``), not to a hidden folder such as
AppData or ~/Library. With a data folder given explicitly (a test, the demo, a script) they stay
inside it, so that nothing made there lands among the landlord's real documents.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PureWindowsPath

ENV_DATA_DIR = "LCV_TUI_DATA_DIR"
ENV_PASSPHRASE = "LCV_TUI_PASSPHRASE"
APP_NAME = "lcv-tui"

VAULT_FILENAME = "kluis.lcv"
BACKUP_DIRNAME = "backups"
EXPORT_DIRNAME = "exports"
LETTER_DIRNAME = "brieven"


def default_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def default_documents_dir() -> Path:
    """``lcv-tui`` in the user's Documents folder (Documenten), where letters and exports go."""
    from platformdirs import user_documents_path

    return user_documents_path() / APP_NAME


_QUOTES = ('"', "'")


def clean_path(text: str) -> str:
    """A typed or pasted path without the surrounding whitespace and quotes.

    Windows Explorer's "Copy as path" (Ctrl+Shift+C) puts the path in double quotes, a drag into a
    terminal may add single quotes or (macOS, Linux) escape spaces with a backslash, and a paste
    often brings a trailing space or line break. A trailing space would hide the extension, and with
    it the file's format.
    """
    cleaned = text.strip()
    quoted = False
    while len(cleaned) >= 2 and cleaned[0] == cleaned[-1] and cleaned[0] in _QUOTES:
        cleaned, quoted = cleaned[1:-1].strip(), True
    if not quoted and os.sep == "/":  # a backslash is a folder separator on Windows
        cleaned = cleaned.replace("\\ ", " ")
    return cleaned


@dataclass(frozen=True)
class Locations:
    """The folders and files of one data folder."""

    data_dir: Path
    documents_dir: Path | None = None
    """Where letters and exports go by default; None: inside the data folder."""

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Locations:
        if data_dir is None:
            data_dir = os.environ.get(ENV_DATA_DIR) or None
        if data_dir is not None and clean_path(os.fspath(data_dir)):
            return cls(Path(clean_path(os.fspath(data_dir))).expanduser().absolute())
        return cls(default_data_dir().absolute(), default_documents_dir().absolute())

    @property
    def files_dir(self) -> Path:
        """The folder that holds ``brieven/`` and ``exports/``."""
        return self.documents_dir if self.documents_dir is not None else self.data_dir

    @property
    def vault_path(self) -> Path:
        return self.data_dir / VAULT_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIRNAME

    @property
    def export_dir(self) -> Path:
        """Default folder for upload files, withdrawal files and dossiers."""
        return self.files_dir / EXPORT_DIRNAME

    @property
    def letter_dir(self) -> Path:
        """Default folder for letters, unless the landlord chose another in the settings."""
        return self.files_dir / LETTER_DIRNAME


# --- the Microsoft Store Python --------------------------------------------------------------

_STORE_PYTHON = re.compile(
    r"PythonSoftwareFoundation\.Python\.(?P<version>\d+\.\d+)_(?:[^\\/]*__)?(?P<publisher>[a-z0-9]{13})",
    re.IGNORECASE,
)


def store_python_package(python_paths: Sequence[str]) -> str | None:
    """The package family name of a Microsoft Store Python (``PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0``)
    when one of ``python_paths`` (``sys.executable``, ``sys.prefix``, ``sys.base_prefix``) lies in it, else None.

    The Store installs under ``C:\\Program Files\\WindowsApps\\<name>_<version>_<arch>__<publisher>`` and starts
    from ``...\\AppData\\Local\\Microsoft\\WindowsApps\\<name>_<publisher>``; a venv made from it keeps the
    first as its base prefix.
    """
    for path in python_paths:
        found = _STORE_PYTHON.search(path)
        if found is not None:
            return f"PythonSoftwareFoundation.Python.{found['version']}_{found['publisher']}"
    return None


def current_python_paths() -> tuple[str, ...]:
    return (sys.executable, sys.prefix, sys.base_prefix)


def store_python_data_dir(
    data_dir: Path, package: str, env: Mapping[str, str]
) -> PureWindowsPath | None:
    """Where a Store Python really writes ``data_dir``: Windows keeps a private copy of
    ``%LOCALAPPDATA%`` (and ``%APPDATA%``) per app under ``%LOCALAPPDATA%\\Packages\\<package>\\LocalCache``.
    None when ``data_dir`` lies outside those folders (then nothing is redirected)."""
    local = env.get("LOCALAPPDATA")
    if not local:
        return None
    target = PureWindowsPath(str(data_dir))
    cache = PureWindowsPath(local) / "Packages" / package / "LocalCache"
    for variable, folder in (("LOCALAPPDATA", "Local"), ("APPDATA", "Roaming")):
        base = env.get(variable)
        if base and target.is_relative_to(PureWindowsPath(base)):
            return cache / folder / target.relative_to(PureWindowsPath(base))
    return None


def store_python_notice(
    data_dir: Path,
    *,
    platform: str | None = None,
    env: Mapping[str, str] | None = None,
    python_paths: Sequence[str] | None = None,
) -> str | None:
    """A Dutch notice when the app runs on the Microsoft Store Python, whose data folder Windows
    keeps in the Python package (and removes with it); None everywhere else."""
    if (platform if platform is not None else sys.platform) != "win32":
        return None
    package = store_python_package(
        python_paths if python_paths is not None else current_python_paths()
    )
    if package is None:
        return None
    real = store_python_data_dir(data_dir, package, env if env is not None else os.environ)
    where = (
        f"Windows bewaart de gegevensmap {data_dir} dan echt in:\n{real}\n"
        if real is not None
        else f"Uw gegevensmap is {data_dir}.\n"
    )
    return (
        "U gebruikt Python uit de Microsoft Store. "
        + where
        + "Verwijdert of herstelt u die Python, dan kan Windows die map met uw kluis meeverwijderen. "
        "Maak een reservekopie van de map, en installeer Python liever van python.org "
        "(zie Installeren in de README), of kies een eigen map met --data-dir."
    )
