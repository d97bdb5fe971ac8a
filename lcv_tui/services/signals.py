"""Recording signals after an upload (Melden, "Geüpload bevestigen") or a manual entry on the website
(the invoerkaart): one ``actions.record_signal`` per tenant, refusals collected in Dutch.

The app confirms uploads and website entries; the command line writes upload files but records
nothing (``lcv-tui export signals`` says so), so this service has one caller layer today.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from lcv_tui.domain.models import Route
    from lcv_tui.store.workspace import Workspace

GONE = "Een huurder uit het bestand staat niet meer in de kluis."


def record_signals(
    workspace: Workspace,
    tenant_ids: Iterable[str],
    route: Route,
    *,
    on: dt.date,
    now: dt.datetime,
    upload_sha256: str | None = None,
) -> tuple[int, list[str]]:
    """Record a signal given on ``on`` for each tenant; returns how many were recorded and the refusals.

    A refusal names the tenant and carries the domain's message (the rule's article and what to do:
    ``actions.record_signal`` refuses what the rules forbid). A tenant that is no longer in the
    vault is refused with ``GONE``. The others are recorded regardless; the workspace is marked dirty
    when at least one was, and the caller saves.
    """
    from lcv_tui.domain import actions
    from lcv_tui.domain.rules import RuleViolation

    recorded = 0
    refused: list[str] = []
    for tenant_id in tenant_ids:
        try:
            name = workspace.data.tenant(tenant_id).display_name
        except KeyError:
            refused.append(GONE)
            continue
        try:
            actions.record_signal(
                workspace.data,
                tenant_id,
                on,
                route=route,
                now=now,
                actor=workspace.actor,
                upload_sha256=upload_sha256,
            )
        except RuleViolation as exc:
            refused.append(f"{name}: {exc.message}")
            continue
        except ValueError as exc:
            refused.append(f"{name}: {exc}")
            continue
        recorded += 1
    if recorded:
        workspace.mark_dirty()
    return recorded, refused
