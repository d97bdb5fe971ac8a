"""Every path the app uses, in one place.

The data folder comes from, in order: an explicit argument (``--data-dir`` or a factory
argument), the environment variable ``LCV_TUI_DATA_DIR``, and platformdirs' user data dir.
Tests always pass their own folder, so they never touch a user's real data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

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


@dataclass(frozen=True)
class Locations:
    """The folders and files of one data folder."""

    data_dir: Path

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Locations:
        if data_dir is None:
            data_dir = os.environ.get(ENV_DATA_DIR) or None
        path = Path(data_dir).expanduser() if data_dir is not None else default_data_dir()
        return cls(path.absolute())

    @property
    def vault_path(self) -> Path:
        return self.data_dir / VAULT_FILENAME

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIRNAME

    @property
    def export_dir(self) -> Path:
        """Default folder for upload files, withdrawal files and dossiers."""
        return self.data_dir / EXPORT_DIRNAME

    @property
    def letter_dir(self) -> Path:
        """Default folder for letters, unless the landlord chose another in the settings."""
        return self.data_dir / LETTER_DIRNAME
