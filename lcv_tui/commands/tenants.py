"""``lcv-tui tenants [--on DATUM] [--json]``: every tenant with their arrears on a date.

"Arrears" here is what fell due on or before the date and is still unpaid after the payments up to
and including that date (``ledger.arrears_due``). Unlike the LCV rules' "overdue" amount, the rent
due *on* the date itself is included: on the 1st, a tenant who has not yet paid the rent due that
day shows it. ``months`` counts the calendar months with a wholly or partly unpaid due date, as the
upload file counts them; ``oldest_due`` is the oldest of those due dates. The JSON names are stable:
scripts and support staff rely on them (issue 12.4). Names and addresses go to standard output only
(the user asked for them), never to stderr or a log.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import TYPE_CHECKING, Any

from lcv_tui.commands.context import EXIT_OK

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext
    from lcv_tui.domain.models import VaultData


def rows(data: VaultData, on: dt.date) -> list[dict[str, Any]]:
    """One dict per tenant, sorted by name, with the JSON names."""
    from lcv_tui.domain import ledger

    result = []
    for tenant in sorted(data.tenants, key=lambda t: t.sort_key):
        position = ledger.arrears_due(tenant, on)
        result.append(
            {
                "id": tenant.id,
                "klantnummer": tenant.klantnummer,
                "name": tenant.display_name,
                "postcode": tenant.postcode,
                "house_number": tenant.house_number,
                "addition": tenant.addition,
                "arrears": f"{position.amount:.2f}",
                "months": position.months,
                "oldest_due": position.oldest_due.isoformat() if position.oldest_due else None,
                "rent": f"{ledger.rent_in_force(tenant, on):.2f}",
            }
        )
    return result


def format_json(data: VaultData, on: dt.date) -> str:
    return json.dumps(
        {"on": on.isoformat(), "tenants": rows(data, on)}, ensure_ascii=False, indent=2
    )


def format_text(data: VaultData, on: dt.date) -> str:
    """A plain table in Dutch: one line per tenant."""
    from decimal import Decimal

    from lcv_tui.domain.validation import format_date, format_date_long, format_money

    items = rows(data, on)
    lines = [f"Huurders op {format_date_long(on)} (achterstand: verschenen en nog niet betaald)"]
    if not items:
        lines.append("Nog geen huurders in de kluis.")
        return "\n".join(lines)
    header = f"{'Klantnr':<10} {'Naam':<24} {'Adres':<14} {'Achterstand':>13} {'Mnd':>3}  Oudste"
    lines.append(header)
    lines.append("-" * len(header))
    for item in items:
        address = f"{item['postcode']} {item['house_number']} {item['addition']}".strip()
        oldest = (
            format_date(dt.date.fromisoformat(item["oldest_due"])) if item["oldest_due"] else "–"
        )
        lines.append(
            f"{item['klantnummer'][:10]:<10} {item['name'][:24]:<24} {address[:14]:<14} "
            f"{format_money(Decimal(item['arrears'])):>13} {item['months']:>3}  {oldest}"
        )
    in_arrears = sum(1 for item in items if item["arrears"] != "0.00")
    lines.append("")
    lines.append(f"{len(items)} huurders, {in_arrears} met achterstand.")
    return "\n".join(lines)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import open_workspace

    try:
        workspace = open_workspace(ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    on = getattr(args, "on", None) or ctx.clock.today()
    data = workspace.data
    ctx.say(format_json(data, on) if getattr(args, "json", False) else format_text(data, on))
    return EXIT_OK
