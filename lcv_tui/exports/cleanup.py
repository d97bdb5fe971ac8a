"""Files of former tenants in the data folder, found and removed after a retention purge.

A purge removes tenants from the vault and its backups (``store.retention``); their letters,
dossiers and upload files written to the data folder would otherwise keep the data. Found here:

- letters and dossiers, named ``YYYY-MM-DD_<soort>_<achternaam>[-N].pdf|.txt`` (``domain.letters.slug``),
  in the letters folder, the exports folder and a chosen letters folder inside the data folder. A
  file whose surname also belongs to a tenant who stays is not removed but listed, so the
  landlord decides (the name alone cannot tell the two apart);
- upload and withdrawal files (``.csv``/``.xlsx``) in the exports folder with a row holding a
  purged tenant's surname and postcode: such a file is an old upload, and goes as a whole.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lcv_tui.domain.letters import slug
from lcv_tui.domain.models import Tenant
from lcv_tui.exports import sheets
from lcv_tui.exports.files import ExportError
from lcv_tui.paths import Locations

_DOCUMENT = re.compile(r"^\d{4}-\d{2}-\d{2}_[a-z_]+?_(?P<slug>[a-z0-9-]+?)(?:-\d+)?\.(?:pdf|txt)$")


@dataclass
class TenantFiles:
    """What ``remove_tenant_files`` did: removed files, files left for the landlord to judge, and
    files that could not be removed (with the reason in Dutch)."""

    removed: list[Path] = field(default_factory=list)
    ambiguous: list[Path] = field(default_factory=list)
    failed: list[tuple[Path, str]] = field(default_factory=list)


def _folders(locations: Locations, letters_dir: str) -> list[Path]:
    folders = [locations.letter_dir, locations.export_dir]
    if letters_dir:
        chosen = Path(letters_dir).expanduser().absolute()
        if chosen.is_relative_to(locations.data_dir.absolute()):
            folders.append(chosen)
    return list(dict.fromkeys(folders))


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def _mentions(path: Path, keys: set[tuple[str, str]]) -> bool:
    """Whether an upload file has a row with one of the (surname, postcode) pairs (folded)."""
    try:
        data = sheets.read_limited(path)
        if sheets.is_xlsx(data, path):
            rows = [[v for v, _kind in row] for row in sheets.xlsx_cells(data, data_only=True)[0]]
        else:
            text = data.decode("utf-8-sig", errors="replace")
            first = text.splitlines()[0] if text.strip() else ""
            rows = sheets.csv_rows(text, max((";", ",", "\t"), key=first.count))
    except ExportError:
        return False
    for row in rows:
        cells = {str(v).strip().casefold() for v in row if v is not None}
        cells |= {c.replace(" ", "") for c in cells}
        if any(surname in cells and postcode in cells for surname, postcode in keys):
            return True
    return False


def find_tenant_files(
    locations: Locations,
    purged: Sequence[Tenant],
    remaining: Iterable[Tenant],
    *,
    letters_dir: str = "",
) -> tuple[list[Path], list[Path]]:
    """The files of ``purged`` tenants in the data folder: (to remove, to leave to the landlord)."""
    purged_slugs = {slug(t.surname) for t in purged}
    kept_slugs = {slug(t.surname) for t in remaining}
    keys = {(t.surname.strip().casefold(), t.postcode.replace(" ", "").casefold()) for t in purged}
    remove: list[Path] = []
    leave: list[Path] = []
    for folder in _folders(locations, letters_dir):
        for path in _files(folder):
            match = _DOCUMENT.match(path.name)
            name_slug = match.group("slug") if match else None
            if name_slug in purged_slugs:
                (leave if name_slug in kept_slugs else remove).append(path)
            elif (
                folder == locations.export_dir
                and path.suffix.lower() in (".csv", ".xlsx")
                and _mentions(path, keys)
            ):
                remove.append(path)
    return remove, leave


def remove_tenant_files(
    locations: Locations,
    purged: Sequence[Tenant],
    remaining: Iterable[Tenant],
    *,
    letters_dir: str = "",
) -> TenantFiles:
    """Remove the files ``find_tenant_files`` finds; nothing outside the data folder is touched."""
    remove, leave = find_tenant_files(locations, purged, remaining, letters_dir=letters_dir)
    result = TenantFiles(ambiguous=leave)
    for path in remove:
        try:
            os.unlink(path)
        except FileNotFoundError:
            continue
        except OSError as exc:
            result.failed.append((path, exc.strerror or "onbekende fout"))
            continue
        result.removed.append(path)
    return result
