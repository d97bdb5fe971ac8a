"""Removing former tenants after the retention period, from the vault *and* from its backups.

Which tenants may go is a domain rule (``lcv_tui.domain.retention.purgeable``); this module only
removes them. Backups are copies of earlier versions, so after a purge they would still hold the
removed data until rotation pushed them out. The simple, honest approach: after the purge is
saved, every older backup is deleted and one fresh backup of the purged state is written.
Then the stored letters (``store.documents``) that no remaining file names are deleted: the purged
tenants' letters, and letters written but never recorded as sent.
The audit chain keeps its entries (ids and digests only, no personal data) plus one purge entry
per tenant, so the log still verifies and shows that the data was removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from lcv_tui.store.documents import for_vault, referenced_documents, remove_unreferenced
from lcv_tui.store.vault import set_aside_files
from lcv_tui.store.workspace import Workspace

PURGE_ACTION = "bewaartermijn.verwijderd"


@dataclass
class PurgeResult:
    removed: list[str] = field(default_factory=list)
    backups_deleted: int = 0
    set_aside: list[Path] = field(default_factory=list)
    """Files kept aside by an earlier restore; they may hold purged data, so the user decides about them."""
    documents_removed: int = 0
    """Stored letters (``store.documents``) no tenant's file names any more: the purged tenants'
    letters, and letters written but never recorded as sent."""


def purge(workspace: Workspace, ids: Iterable[str]) -> PurgeResult:
    """Remove the tenants with ``ids``, save, then replace all backups by one of the purged state.

    If the save fails, nothing is deleted from disk and ``VaultWriteError`` is raised (the change
    stays in memory, like any commit).
    """
    wanted = set(ids)
    data = workspace.data
    removed = [t.id for t in data.tenants if t.id in wanted]
    if not removed:
        return PurgeResult(set_aside=set_aside_files(workspace.locations))
    data.tenants = [t for t in data.tenants if t.id not in wanted]
    data.wizard_progress = {k: v for k, v in data.wizard_progress.items() if k not in wanted}
    for tenant_id in removed:
        workspace.record_audit(PURGE_ACTION, tenant_id=tenant_id)
    workspace.commit()
    deleted = workspace.vault.replace_backups_with_current()
    # Only now: every backup that still named the purged tenants' letters is gone.
    documents = remove_unreferenced(for_vault(workspace.vault), referenced_documents(data.tenants))
    return PurgeResult(
        removed=removed,
        backups_deleted=deleted,
        set_aside=set_aside_files(workspace.locations),
        documents_removed=len(documents),
    )
