"""``lcv-tui agenda [--on DATUM] [--json]``: what is due, overdue or coming up, per tenant.

Plain text grouped by urgency (te laat, vandaag, binnenkort), or JSON for scripts. Names and
addresses go to standard output only (the user asked for them), never to stderr or a log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING

from lcv_tui.commands.context import EXIT_OK

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext
    from lcv_tui.domain.agenda import AgendaItem


def format_text(items: list[AgendaItem], on: dt.date) -> str:
    """The agenda as Dutch plain text, grouped by urgency."""
    from lcv_tui.domain.agenda import Urgency, counts
    from lcv_tui.domain.validation import format_date, format_date_long

    lines = [f"Agenda voor {format_date_long(on)}"]
    if not items:
        lines.append("Niets te doen: geen achterstanden of openstaande stappen.")
        return "\n".join(lines)
    lines.append(counts(items).text)
    for urgency in Urgency:
        group = [item for item in items if item.urgency == urgency]
        if not group:
            continue
        lines.append("")
        lines.append(f"{urgency.label} ({len(group)})")
        for item in group:
            lines.append(f"  {format_date(item.due)}  {item.tenant_name} — {item.address}")
            lines.append(f"    {item.action.label}: {item.text} [{item.article}]")
    return "\n".join(lines)


def format_json(items: list[AgendaItem], on: dt.date) -> str:
    from lcv_tui.domain.agenda import counts

    summary = counts(items)
    payload = {
        "on": on.isoformat(),
        "counts": {
            "overdue": summary.overdue,
            "today": summary.today,
            "soon": summary.soon,
            "tenants": summary.tenants,
        },
        "items": [item.as_dict() for item in items],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.domain.agenda import agenda
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import open_workspace

    try:
        workspace = open_workspace(ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    on = getattr(args, "on", None) or ctx.clock.today()
    items = agenda(workspace.data, on)
    ctx.say(format_json(items, on) if getattr(args, "json", False) else format_text(items, on))
    return EXIT_OK
