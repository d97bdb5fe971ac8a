"""The audit log: append-only and hash-chained, so that removing or editing a line shows.

Each entry names who/what/when and refers to the tenant and the event by id, with a SHA-256
digest of the event's content: the log proves *that* something was recorded and unchanged
without holding names, addresses or amounts itself.

The log itself is :class:`lcv_tui.domain.models.AuditLog`, which may keep its stored part
undecoded until it is read: appending needs only the last line's number and hash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable

from lcv_tui.domain.models import GENESIS, AuditEntry, AuditLog

__all__ = ["GENESIS", "AuditLog", "append", "digest", "entry_hash", "verify"]


def digest(payload: str | bytes) -> str:
    data = payload.encode("utf-8") if isinstance(payload, str) else payload
    return hashlib.sha256(data).hexdigest()


def entry_hash(
    seq: int,
    at: dt.datetime,
    actor: str,
    action: str,
    tenant_id: str | None,
    ref: str | None,
    content: str,
    prev: str,
) -> str:
    canonical = json.dumps(
        [seq, at.isoformat(), actor, action, tenant_id, ref, content, prev], separators=(",", ":")
    )
    return digest(canonical)


def append(
    log: AuditLog,
    *,
    at: dt.datetime,
    action: str,
    actor: str = "app",
    tenant_id: str | None = None,
    ref: str | None = None,
    content: str = "",
) -> AuditEntry:
    """Append an entry to ``log`` (in place) and return it. ``content`` is a digest, never raw data."""
    last_seq, prev = log.last
    seq = last_seq + 1
    entry = AuditEntry(
        seq=seq,
        at=at,
        actor=actor,
        action=action,
        tenant_id=tenant_id,
        ref=ref,
        digest=content,
        prev=prev,
        hash=entry_hash(seq, at, actor, action, tenant_id, ref, content, prev),
    )
    log._append(entry)
    return entry


def verify(log: Iterable[AuditEntry]) -> list[str]:
    """Problems found in the chain, in Dutch; an empty list means the log is intact."""
    problems: list[str] = []
    prev = GENESIS
    for index, entry in enumerate(log, start=1):
        if entry.seq != index:
            problems.append(
                f"Regel {index}: volgnummer {entry.seq} klopt niet (regel verwijderd of ingevoegd)."
            )
        if entry.prev != prev:
            problems.append(
                f"Regel {index}: sluit niet aan op de vorige regel (logboek gewijzigd)."
            )
        expected = entry_hash(
            entry.seq,
            entry.at,
            entry.actor,
            entry.action,
            entry.tenant_id,
            entry.ref,
            entry.digest,
            entry.prev,
        )
        if entry.hash != expected:
            problems.append(f"Regel {index}: inhoud gewijzigd na vastleggen.")
        prev = entry.hash
    return problems
