"""The evidence dossier on disk: the one place that joins the store (the letters as sent, kept by
their SHA-256) with exports (the exhibit and its attachments), which do not know each other.

``lcv-tui dossier`` and the tenant file's "Bewijsdossier" both call it; it reads the vault and
writes files, and changes nothing in the vault.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from lcv_tui.domain.dossier import Dossier
    from lcv_tui.store.workspace import Workspace


def write_dossier(
    workspace: Workspace, dossier: Dossier, folder: str | Path
) -> tuple[list[Path], list[str]]:
    """Write ``dossier`` into ``folder`` with the stored documents it names as attachments.

    Returns the paths written and, in Dutch, each attachment that could not be added (missing or
    damaged in the vault; the dossier says so too). Raises ``ExportError`` (Dutch) when a file
    cannot be written. Safe in a thread worker: it only reads the vault's document store.
    """
    from lcv_tui.exports.dossier_pdf import write_dossier_bundle
    from lcv_tui.store.documents import stored_documents

    stored = stored_documents(workspace.vault, [a.sha256 for a in dossier.attachments])
    return write_dossier_bundle(dossier, folder, stored)
