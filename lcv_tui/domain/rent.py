"""Rent history: the yearly rent increase for all or selected tenants (issue 12.2).

``Tenant.rent`` is the rent at the start of the tenancy; each ``Tenant.rent_changes`` entry is a
new rent from its date on, and the ledger charges the rent in force on each due date
(``ledger.rent_in_force``). ``rent_increase_preview`` shows, per tenant, the rent in force on the
date and the new rent, or why that tenant cannot get this change; ``actions.apply_rent_increase``
records the changes as one recorded change. Nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from typing import NamedTuple

from lcv_tui.domain import ledger
from lcv_tui.domain.models import Tenant, VaultData
from lcv_tui.domain.validation import CENT, format_date

MAX_PERCENT = Decimal("100")


class RentIncreaseLine(NamedTuple):
    """One tenant in a rent increase: the rent in force on the date, the new rent, and a Dutch
    problem ("" when the change can be recorded)."""

    tenant_id: str
    name: str
    old: Decimal
    new: Decimal
    problem: str = ""


def check_increase(percent: Decimal | None, amount: Decimal | None) -> None:
    """Exactly one of a percentage (above 0, at most 100) or an amount in euro (above 0)."""
    if (percent is None) == (amount is None):
        raise ValueError("Kies een percentage of een bedrag (één van beide).")
    if percent is not None and not Decimal("0") < percent <= MAX_PERCENT:
        raise ValueError("Het percentage moet groter zijn dan 0 en hoogstens 100.")
    if amount is not None and amount <= 0:
        raise ValueError("Het bedrag van de verhoging moet groter zijn dan € 0,00.")


def new_rent(old: Decimal, percent: Decimal | None, amount: Decimal | None) -> Decimal:
    """The rent after the increase, rounded to the cent (half up, as a landlord rounds)."""
    if percent is not None:
        return (old * (Decimal("100") + percent) / Decimal("100")).quantize(
            CENT, rounding=ROUND_HALF_UP
        )
    assert amount is not None
    return (old + amount).quantize(CENT)


def _problem(tenant: Tenant, on: dt.date) -> str:
    if on < tenant.tenancy_start:
        return f"De huur begint pas op {format_date(tenant.tenancy_start)}."
    if tenant.tenancy_end is not None and on > tenant.tenancy_end:
        return f"De huur is beëindigd op {format_date(tenant.tenancy_end)}."
    if any(change.on == on for change in tenant.rent_changes):
        return f"Er staat al een huurwijziging op {format_date(on)}."
    return ""


def rent_increase_preview(
    data: VaultData,
    tenant_ids: Iterable[str],
    on: dt.date,
    percent: Decimal | None = None,
    amount: Decimal | None = None,
) -> list[RentIncreaseLine]:
    """Per selected tenant (in the order given): the rent in force on ``on``, the new rent, and a
    problem when this tenant cannot get the change. Raises ``ValueError`` (Dutch) for a bad
    percentage or amount."""
    check_increase(percent, amount)
    by_id = {tenant.id: tenant for tenant in data.tenants}
    lines = []
    for tenant_id in tenant_ids:
        tenant = by_id.get(tenant_id)
        if tenant is None:
            raise ValueError("Een gekozen huurder bestaat niet (meer). Kies de huurders opnieuw.")
        old = ledger.rent_in_force(tenant, on)
        lines.append(
            RentIncreaseLine(
                tenant.id,
                tenant.display_name,
                old,
                new_rent(old, percent, amount),
                _problem(tenant, on),
            )
        )
    return lines
