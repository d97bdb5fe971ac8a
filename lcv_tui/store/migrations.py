"""Schema migrations: the decoded vault JSON is brought up to ``SCHEMA_VERSION`` before validation.

``MIGRATIONS[n]`` turns a version-``n`` document into a version-``n + 1`` document. A vault from a
newer app is refused (never "repaired"), so an old app cannot silently drop fields it does not know.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lcv_tui.domain.models import SCHEMA_VERSION
from lcv_tui.store.errors import VaultTooNew

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """Schema 2: the audit log is no longer part of the document; the store keeps it in sections of
    its own (``vault._decode_older`` lifts a schema-1 log out of the document before migrating)."""
    doc.pop("audit", None)
    return doc


MIGRATIONS: dict[int, Migration] = {1: _v1_to_v2}
"""from_version → function."""


class MigrationError(ValueError):
    """The document's version cannot be brought up to date; the message is a Dutch reason."""


def migrate(doc: dict[str, Any], target: int | None = None) -> dict[str, Any]:
    """Apply the registered migrations in order; raises ``VaultTooNew`` or ``MigrationError``."""
    target = SCHEMA_VERSION if target is None else target
    version = doc.get("schema_version", 1)
    if type(version) is not int or version < 0:
        raise MigrationError("de gegevensversie in de kluis is onleesbaar.")
    if version > target:
        raise VaultTooNew(version, target)
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(
                f"gegevensversie {version} kan niet worden bijgewerkt naar versie {target}."
            )
        doc = step(dict(doc))
        doc["schema_version"] = version + 1
        version += 1
    return doc
