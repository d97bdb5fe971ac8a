"""The rent ledger: charges, payments, and arrears for a given date.

Rules:
- A monthly rent charge falls due on the tenant's due day (the vervaldatum; default the 1st),
  from the first due day on or after the tenancy start, up to the tenancy end.
- Extra charges (adjustments of kind CHARGE) fall due on their date. Credits (corrections)
  count like payments.
- Payments and credits settle the oldest open charge first (FIFO).
- A charge is *overdue* on a date after its due date; on the due date itself it is due, not late.
- "Aantal maanden achterstand" is the number of calendar months with a wholly or partly unpaid
  overdue charge (werkinstructie, upload file).
Every figure is computed for a date that is passed in; the clock is never read here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.models import AdjustmentKind, Tenant
from lcv_tui.domain.validation import MONTHS_NL

ZERO = Decimal("0.00")


# Charge, OpenCharge and Arrears are immutable named tuples rather than frozen dataclasses: the
# agenda makes them for every tenant in arrears, and a tuple is built several times faster.


class Charge(NamedTuple):
    due: dt.date
    amount: Decimal
    label: str
    is_rent: bool
    ref: str = ""  # adjustment id for extra charges


class OpenCharge(NamedTuple):
    charge: Charge
    open_amount: Decimal


class Arrears(NamedTuple):
    """The arrears position of one tenant on one date."""

    on: dt.date
    amount: Decimal  # sum of the unpaid parts of overdue charges; never negative
    oldest_due: dt.date | None  # due date of the oldest unpaid overdue charge
    months: int  # calendar months with an unpaid overdue charge
    open_charges: tuple[OpenCharge, ...] = ()
    credit: Decimal = ZERO  # paid in advance / overpaid, not yet used by a charge

    @property
    def days_overdue(self) -> int:
        return (self.on - self.oldest_due).days if self.oldest_due else 0

    @property
    def in_arrears(self) -> bool:
        return (
            self.amount > ZERO
        )  # not ``> 0``: a Decimal compared with an int converts the int on every call


@dataclass(frozen=True)
class StatementLine:
    on: dt.date
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal  # positive: the tenant owes; negative: the tenant has credit


def rent_due_dates(tenant: Tenant, until: dt.date) -> list[dt.date]:
    """Due dates of monthly rent charges up to and including ``until``."""
    start = tenant.tenancy_start
    first = dt.date(start.year, start.month, tenant.due_day)
    if first < start:
        first = add_months(first, 1, day_of_month=tenant.due_day)
    last_allowed = min(until, tenant.tenancy_end) if tenant.tenancy_end else until
    dates: list[dt.date] = []
    current = first
    months = 0
    while current <= last_allowed:
        dates.append(current)
        months += 1
        current = add_months(first, months, day_of_month=tenant.due_day)
    return dates


def rent_label(due: dt.date) -> str:
    return f"Huur {MONTHS_NL[due.month - 1]} {due.year}"


def charges(tenant: Tenant, until: dt.date) -> list[Charge]:
    """All charges due on or before ``until``, oldest first (rent before extras on the same day)."""
    result = [
        Charge(due, tenant.rent, rent_label(due), True) for due in rent_due_dates(tenant, until)
    ]
    for adj in tenant.adjustments:
        if adj.kind == AdjustmentKind.CHARGE and adj.on <= until:
            result.append(Charge(adj.on, adj.amount, adj.note or "Extra post", False, adj.id))
    result.sort(key=lambda c: (c.due, not c.is_rent))
    return result


def credits_total(tenant: Tenant, on: dt.date) -> Decimal:
    total = sum((p.amount for p in tenant.payments if p.on <= on), ZERO)
    total += sum(
        (a.amount for a in tenant.adjustments if a.kind == AdjustmentKind.CREDIT and a.on <= on),
        ZERO,
    )
    return total


def arrears(tenant: Tenant, on: dt.date) -> Arrears:
    """The arrears position on ``on``: payments up to and including ``on`` against charges due before it."""
    all_charges = charges(tenant, on)
    remaining = credits_total(tenant, on)
    open_items: list[OpenCharge] = []
    for charge in all_charges:
        covered = min(remaining, charge.amount)
        remaining -= covered
        if covered < charge.amount and charge.due < on:
            open_items.append(OpenCharge(charge, charge.amount - covered))
    amount = sum((item.open_amount for item in open_items), ZERO)
    months = len({(item.charge.due.year, item.charge.due.month) for item in open_items})
    oldest = open_items[0].charge.due if open_items else None
    return Arrears(
        on=on,
        amount=amount,
        oldest_due=oldest,
        months=months,
        open_charges=tuple(open_items),
        credit=remaining,
    )


def quick_balance(tenant: Tenant, on: dt.date) -> Decimal:
    """Charges due before ``on`` minus credits up to ``on``: a cheap screen for 'anything open?'."""
    due = sum((c.amount for c in charges(tenant, on) if c.due < on), ZERO)
    return due - credits_total(tenant, on)


def statement(tenant: Tenant, on: dt.date) -> list[StatementLine]:
    """The running account up to ``on``: charges and payments by date, with the balance after each."""
    rows: list[tuple[dt.date, int, str, Decimal, Decimal]] = []
    for charge in charges(tenant, on):
        rows.append((charge.due, 0, charge.label, charge.amount, ZERO))
    for payment in tenant.payments:
        if payment.on <= on:
            rows.append(
                (
                    payment.on,
                    1,
                    f"Betaling{': ' + payment.note if payment.note else ''}",
                    ZERO,
                    payment.amount,
                )
            )
    for adj in tenant.adjustments:
        if adj.kind == AdjustmentKind.CREDIT and adj.on <= on:
            rows.append(
                (adj.on, 1, f"Correctie{': ' + adj.note if adj.note else ''}", ZERO, adj.amount)
            )
    rows.sort(key=lambda r: (r[0], r[1]))
    balance = ZERO
    lines = []
    for day, _, text, debit, credit in rows:
        balance += debit - credit
        lines.append(StatementLine(day, text, debit, credit, balance))
    return lines


def arrears_start(tenant: Tenant, on: dt.date) -> dt.date | None:
    """The first day of the current arrears episode: the day after the due date of the charge
    that made the balance go overdue without being cleared since. ``None`` when nothing is open.

    The episode is what the LCV workflow calls a case: it opens when a charge is unpaid after its
    due date and closes when the arrears are paid in full.
    """
    if not arrears(tenant, on).in_arrears:
        return None
    # Walk back over the days on which arrears can change: the day after a due date and payment days.
    checkpoints = sorted(
        {c.due + dt.timedelta(days=1) for c in charges(tenant, on) if c.due < on}
        | {p.on for p in tenant.payments if p.on <= on}
        | {a.on for a in tenant.adjustments if a.on <= on},
        reverse=True,
    )
    start: dt.date | None = None
    for day in checkpoints:
        if arrears(tenant, day).in_arrears:
            start = day
        else:
            break
    return start
