"""The Workspace: the open vault, its data, and the one way to save it (used by the TUI and the CLI)."""

from __future__ import annotations

import os
from collections.abc import Generator
from dataclasses import dataclass
from typing import Any

from lcv_tui.clock import Clock
from lcv_tui.domain import audit
from lcv_tui.domain.models import AuditEntry, VaultData
from lcv_tui.paths import ENV_PASSPHRASE, Locations
from lcv_tui.store import lock as vault_lock
from lcv_tui.store.errors import VaultWriteError
from lcv_tui.store.vault import SaveJob, Vault


@dataclass(frozen=True)
class PendingSave:
    """A save on its way (``Workspace.start_save``): the vault's snapshot and what had changed then."""

    job: SaveJob
    changes: int
    audit_length: int


class Workspace:
    """``data`` is edited in memory; ``commit()`` saves it atomically.

    ``dirty`` is True while there are changes that are not on disk: after ``record_audit`` or
    ``mark_dirty()``, and after a failed save (the change is kept, so the user can retry).
    ``lock`` keeps other processes out of the vault until ``close()`` (see ``store.lock``).
    """

    def __init__(
        self,
        vault: Vault,
        data: VaultData,
        clock: Clock,
        actor: str = "app",
        lock: vault_lock.VaultLock | None = None,
    ) -> None:
        self.vault = vault
        self.data = data
        self.clock = clock
        self.actor = actor
        self.dirty = False
        self.lock = lock
        self.changes = 0
        """Counts ``mark_dirty`` and ``record_audit`` calls: a save in a worker clears ``dirty`` only
        when nothing changed since its snapshot."""

    def close(self) -> None:
        """Let other processes open the vault again (the data stays readable here)."""
        if self.lock is not None:
            self.lock.release()

    @property
    def locations(self) -> Locations:
        return self.vault.locations

    def mark_dirty(self) -> None:
        self.dirty = True
        self.changes += 1

    def commit(self) -> None:
        """Save; on ``VaultWriteError`` the data stays as it is in memory, ``dirty`` stays True, and
        the error is raised."""
        try:
            self.vault.save(self.data)
        except VaultWriteError:
            self.dirty = True
            raise
        self.dirty = False

    def start_save(self) -> PendingSave:
        """A consistent snapshot to save (on the thread that changes the data); write it with
        :meth:`write` (in a worker), then call :meth:`saved` or :meth:`save_failed` (back on that thread)."""
        return PendingSave(self.vault.snapshot(self.data), self.changes, len(self.data.audit))

    def save_steps(self) -> Generator[None, None, PendingSave]:
        """:meth:`start_save` in slices (``Vault.snapshot_steps``): yields between slices, returns
        the ``PendingSave``. If the data changed while it was suspended (a ``mark_dirty`` or
        ``record_audit`` call, or a new audit line, the same signs :meth:`saved` trusts), the
        snapshot starts over, so the file always holds the data of one moment."""
        while True:
            mark = (self.changes, len(self.data.audit))
            steps = self.vault.snapshot_steps(self.data)
            try:
                while True:
                    next(steps)
                    yield
                    if (self.changes, len(self.data.audit)) != mark:
                        break  # changed between two slices: take it again
            except StopIteration as done:
                return PendingSave(done.value, *mark)

    def write(self, pending: PendingSave) -> None:
        """Write a snapshot (safe in a worker thread); raises ``VaultWriteError``."""
        self.vault.write(pending.job)

    def saved(self, pending: PendingSave) -> None:
        """The snapshot is on disk: clean unless the data changed after it was taken."""
        if self.changes == pending.changes and len(self.data.audit) == pending.audit_length:
            self.dirty = False

    def save_failed(self) -> None:
        self.dirty = True

    def record_audit(
        self, action: str, tenant_id: str | None = None, ref: str | None = None, content: str = ""
    ) -> AuditEntry:
        """Append to the audit chain at the clock's time; ``content`` is a digest, never personal data."""
        entry = audit.append(
            self.data.audit,
            at=self.clock.now(),
            action=action,
            actor=self.actor,
            tenant_id=tenant_id,
            ref=ref,
            content=content,
        )
        self.dirty = True
        self.changes += 1
        return entry


def open_workspace(
    locations: Locations,
    clock: Clock,
    *,
    passphrase: str | None = None,
    keyring_backend: Any = None,
    actor: str = "cli",
) -> Workspace:
    """Open the vault with ``passphrase``, else ``LCV_TUI_PASSPHRASE``, else the key this computer remembers.

    Takes the vault's lock first (``VaultLocked`` when another process has it open), before any key
    derivation; it is let go again when the vault does not open.
    """
    if passphrase is None:
        passphrase = os.environ.get(ENV_PASSPHRASE) or None
    lock = (
        vault_lock.acquire(locations) if Vault.exists(locations) else None
    )  # no lock file in a folder without a vault
    try:
        vault, data = Vault.open(locations, passphrase, keyring_backend=keyring_backend)
    except BaseException:
        if lock is not None:
            lock.release()
        raise
    return Workspace(vault, data, clock, actor=actor, lock=lock)


def create_workspace(
    locations: Locations,
    passphrase: str,
    data: VaultData,
    clock: Clock,
    *,
    remember: bool = False,
    keyring_backend: Any = None,
    actor: str = "app",
) -> Workspace:
    """Make a new vault with ``data`` (see ``Vault.create``) and hold its lock, as ``open_workspace`` does."""
    lock = vault_lock.acquire(locations)
    try:
        vault = Vault.create(
            locations, passphrase, data, remember=remember, keyring_backend=keyring_backend
        )
    except BaseException:
        lock.release()
        raise
    return Workspace(vault, data, clock, actor=actor, lock=lock)
