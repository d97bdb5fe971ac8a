"""The rent ledger: charges, payments, and arrears for a given date. The one ledger: the workflow,
the agenda, the screens, the exports and the CLI all read it.

Rules:
- A monthly rent charge falls due on the tenant's due day (the vervaldatum; default the 1st),
  from the first due day on or after the tenancy start, up to the tenancy end. Its amount is the
  rent in force on that due date: the latest ``Tenant.rent_changes`` entry that took effect on or
  before it, ``Tenant.rent`` before the first (issue 12.2).
- Onboarding (issue 12.1): with ``Tenant.paid_through`` ("Betaald t/m") set, everything dated on or
  before it is settled and not counted: rent and extra charges due then, payments and corrections
  made then. An opening arrears amount (``opening_arrears``) is one open charge from its due date
  (``opening_arrears_due``); it counts as rent arrears of one due date.
- Extra charges (adjustments of kind CHARGE) fall due on their date. Credits (corrections)
  count like payments. A negative payment (a bank reversal, storno) raises the balance.
- Payments and credits settle the oldest open charge first (FIFO).
- A charge is *overdue* on a date after its due date; on the due date itself it is due, not late.
- "Aantal maanden achterstand" is the number of calendar months with a wholly or partly unpaid
  overdue charge (werkinstructie, upload file).
- An arrears *episode* lasts while the balance of rent due (charges due on or before a day, less
  what was paid by then) stays above zero (issue 13.4; see ``episode_from``).
Every figure is computed for a date that is passed in; the clock is never read here.

Speed: a ledger is a handful of linear passes over light tuples (``ChargeRow``); the balance on a
day is a running total, and FIFO means the open charges are the newest ones, found walking back.
What a case reads (``case_ledger``) comes from the recent charges and payments only: the charges
before them are summed per rent period (a period of m due dates at rent r owes m·r,
``quick_balance``), and the walks back stop where the unpaid amount is used up, so settled
history never becomes rows. ``case_ledger_by_rows`` is the same from every row, the reference.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import NamedTuple

from lcv_tui.domain.models import Adjustment, AdjustmentKind, Tenant
from lcv_tui.domain.validation import MONTHS_NL, format_date

ZERO = Decimal("0.00")
DAY = dt.timedelta(days=1)

RENT, EXTRA, OPENING = 0, 1, 2
"""The kind of a charge row; on one due date rent sorts before an extra charge."""

OPENING_LABEL = "Openstaand bij start"


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


class Episode(NamedTuple):
    """The current arrears episode (``episode_from``)."""

    first_due: dt.date  # the first unpaid due date of the episode: the 30 days count from it
    opened_on: dt.date  # the first day of the episode the letters and steps belong to


@dataclass(frozen=True)
class StatementLine:
    on: dt.date
    description: str
    debit: Decimal
    credit: Decimal
    balance: Decimal  # positive: the tenant owes; negative: the tenant has credit


ChargeRow = tuple[dt.date, int, Decimal, "Adjustment | None"]
"""A charge as a light tuple ``(due, RENT / EXTRA / OPENING, amount, adjustment)``."""

Timeline = list[tuple[dt.date, Decimal]]
"""The balance at the end of each day on which it changes, oldest first."""

_DAY_OF = itemgetter(0)
_CHANGE_DAY = attrgetter("on")


# --- charges -----------------------------------------------------------------------------------


def rent_due_dates(tenant: Tenant, until: dt.date, since: dt.date | None = None) -> list[dt.date]:
    """Due dates of the monthly rent charges the ledger counts, up to and including ``until``
    (none on or before ``paid_through``), and from ``since`` on when given."""
    start = tenant.tenancy_start
    if since is not None and since > start:
        start = since
    due_day = tenant.due_day  # at most 28: every month has that day
    year, month = start.year, start.month
    if start.day > due_day:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    end = tenant.tenancy_end
    limit = until if end is None or end > until else end
    after = tenant.paid_through
    dates: list[dt.date] = []
    while True:
        due = dt.date(year, month, due_day)
        if due > limit:
            break
        if after is None or due > after:
            dates.append(due)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


def rent_in_force(tenant: Tenant, on: dt.date) -> Decimal:
    """The rent in force on ``on``: the latest change that took effect on or before it."""
    rent: Decimal = tenant.rent
    for change in tenant.rent_changes:  # kept sorted by date (``Tenant`` validation)
        if change.on > on:
            break
        rent = change.amount
    return rent


def rent_label(due: dt.date) -> str:
    return f"Huur {MONTHS_NL[due.month - 1]} {due.year}"


def _counted(tenant: Tenant, day: dt.date) -> bool:
    """Is a record dated ``day`` counted? Not when it lies on or before 'Betaald t/m'."""
    return tenant.paid_through is None or day > tenant.paid_through


def charge_rows(tenant: Tenant, on: dt.date) -> list[ChargeRow]:
    """Every charge due on or before ``on`` as a light tuple, oldest first (rent before extras on
    the same day). ``charges`` gives them with their labels."""
    rows: list[ChargeRow] = []
    opening, since = tenant.opening_arrears, tenant.opening_arrears_due
    if opening is not None and since is not None and since <= on:
        rows.append((tenant.opening_arrears_due, OPENING, tenant.opening_arrears, None))
    changes = tenant.rent_changes
    rent = tenant.rent
    position = 0
    for due in rent_due_dates(tenant, on):
        while position < len(changes) and changes[position].on <= due:
            rent = changes[position].amount
            position += 1
        rows.append((due, RENT, rent, None))
    paid_through = tenant.paid_through
    extra = [
        (adj.on, EXTRA, adj.amount, adj)
        for adj in tenant.adjustments
        if adj.kind == AdjustmentKind.CHARGE
        and adj.on <= on
        and (paid_through is None or adj.on > paid_through)
    ]
    if extra:
        rows.extend(extra)
        rows.sort(key=lambda row: (row[0], row[1]))
    return rows


def _charge(row: ChargeRow) -> Charge:
    due, kind, amount, adj = row
    if kind == RENT:
        return Charge(due, amount, rent_label(due), True)
    if kind == OPENING:
        return Charge(due, amount, f"{OPENING_LABEL} (sinds {format_date(due)})", True)
    assert adj is not None
    return Charge(due, amount, adj.note or "Extra post", False, adj.id)


def charges(tenant: Tenant, until: dt.date) -> list[Charge]:
    """All charges due on or before ``until``, oldest first (rent before extras on the same day)."""
    return [_charge(row) for row in charge_rows(tenant, until)]


def credits_total(tenant: Tenant, on: dt.date) -> Decimal:
    """Payments (a reversal counts negative) and credits up to and including ``on``."""
    return sum((amount for _, amount in _credits(tenant, on)), ZERO)


def _credits(tenant: Tenant, on: dt.date) -> list[tuple[dt.date, Decimal]]:
    paid_through = tenant.paid_through
    result = [
        (p.on, p.amount)
        for p in tenant.payments
        if p.on <= on and (paid_through is None or p.on > paid_through)
    ]
    result += [
        (a.on, a.amount)
        for a in tenant.adjustments
        if a.kind == AdjustmentKind.CREDIT
        and a.on <= on
        and (paid_through is None or a.on > paid_through)
    ]
    return result


# --- balances ----------------------------------------------------------------------------------


def timeline_from(rows: list[ChargeRow], tenant: Tenant, on: dt.date) -> Timeline:
    """The *overdue* balance at the end of each day on which it changes, up to ``on``.

    A charge makes the balance go up the day after its due date (it is overdue from then);
    a payment or credit makes it go down on its date. Because payments settle the oldest charge
    first (FIFO), ``max(0, balance)`` on a day is exactly ``arrears(tenant, day).amount``.
    """
    changes = [(due + DAY, amount) for due, _, amount, _ in rows if due < on]
    return _running(changes, tenant, on)


def due_timeline_from(rows: list[ChargeRow], tenant: Tenant, on: dt.date) -> Timeline:
    """The balance of rent *due* at the end of each day on which it changes, up to ``on``: a charge
    counts from its due date itself (the balance an arrears episode is measured by)."""
    changes = [(due, amount) for due, _, amount, _ in rows if due <= on]
    return _running(changes, tenant, on)


def _running(changes: list[tuple[dt.date, Decimal]], tenant: Tenant, on: dt.date) -> Timeline:
    changes += [(day, -amount) for day, amount in _credits(tenant, on)]
    changes.sort(key=_DAY_OF)
    balance = ZERO
    timeline: Timeline = []
    last_day = None
    for day, change in changes:
        balance += change
        if day == last_day:  # several changes on one day: keep the balance at its end
            timeline[-1] = (day, balance)
        else:
            timeline.append((day, balance))
            last_day = day
    return timeline


def balance_timeline(tenant: Tenant, on: dt.date) -> Timeline:
    """See ``timeline_from``."""
    return timeline_from(charge_rows(tenant, on), tenant, on)


def balance_on(timeline: Timeline, day: dt.date) -> Decimal:
    """The balance at the end of ``day`` (zero before the first change)."""
    index = bisect_right(timeline, day, key=_DAY_OF)
    return timeline[index - 1][1] if index else ZERO


def _due_index(day: dt.date, due_day: int) -> int:
    """How many due dates (on ``due_day``, counted from a fixed origin) lie before ``day``: the
    number of due dates in ``[a, b)`` is ``_due_index(b) - _due_index(a)``."""
    return day.year * 12 + day.month - (day.day <= due_day)


def quick_balance(tenant: Tenant, on: dt.date) -> Decimal:
    """Charges due before ``on`` minus credits up to ``on``, without building the charges: the rent
    in force times the number of overdue due dates per rent period, plus extra charges, minus
    payments and credits. A cheap screen for 'anything open?' (positive: something is overdue)."""
    due_day = tenant.due_day
    paid_through = tenant.paid_through
    low = _due_index(tenant.tenancy_start, due_day)  # due dates on or after the start
    if paid_through is not None:  # ... and after 'Betaald t/m'
        low = max(low, _due_index(paid_through + DAY, due_day))
    end = tenant.tenancy_end
    high = _due_index(on, due_day)  # due before ``on`` (on ``on`` itself it is due, not overdue)
    if end is not None and end < on:  # rent falls due up to the end of the tenancy, inclusive
        high = _due_index(end + DAY, due_day)
    total = ZERO
    if high > low:
        rent, since = tenant.rent, low
        for change in tenant.rent_changes:  # sorted by date: each rent holds until the next change
            at = change.on
            index = at.year * 12 + at.month - (at.day <= due_day)  # ``_due_index``, inlined
            if index >= high:  # this change and the later ones take effect after ``on``
                break
            if index > since:
                total += rent * (index - since)
                since = index
            rent = change.amount
        total += rent * (high - since)
    opening: Decimal | None = tenant.opening_arrears
    opening_due = tenant.opening_arrears_due
    if opening is not None and opening_due is not None and opening_due < on:
        total += opening
    # A plain loop (faster than ``sum`` over a generator): this runs for every payment of every tenant.
    if paid_through is None:
        for payment in tenant.payments:
            if payment.on <= on:
                total -= payment.amount
    else:
        for payment in tenant.payments:
            if paid_through < payment.on <= on:
                total -= payment.amount
    for adj in tenant.adjustments:
        if paid_through is not None and adj.on <= paid_through:
            continue
        if adj.kind == AdjustmentKind.CHARGE:
            if adj.on < on:
                total += adj.amount
        elif adj.on <= on:
            total -= adj.amount
    return total


# --- arrears -----------------------------------------------------------------------------------


def arrears_from(rows: list[ChargeRow], balance: Decimal, on: dt.date) -> Arrears:
    """``arrears`` from precomputed rows and ``balance``: the charges due before ``on`` less every
    payment and credit up to ``on`` (the last balance of ``timeline_from``, which has added them up).

    Payments and credits settle the oldest charge first, so what is open is the newest overdue
    charges, ``balance`` in all: walking back from the newest charge finds them without visiting
    the paid ones.
    """
    open_items: list[OpenCharge] = []
    total = ZERO
    months: set[tuple[int, int]] = set()
    owed = balance
    for row in reversed(rows):
        if owed <= ZERO:
            break
        due, _, amount, _ = row
        if due >= on:  # due on ``on`` itself: not overdue, and not in ``balance``
            continue
        part = owed if owed < amount else amount  # all of it, or the unpaid part of the oldest
        owed -= part
        open_items.append(OpenCharge(_charge(row), part))
        total += part
        months.add((due.year, due.month))
    open_items.reverse()
    # Credit is left only when more was paid than is overdue; the charges due on ``on`` take it first.
    credit = ZERO - balance if balance < ZERO else ZERO
    if credit > ZERO:
        for due, _, amount, _ in rows:
            if due >= on:
                credit -= amount if amount <= credit else credit
    oldest = open_items[0].charge.due if open_items else None
    return Arrears(
        on=on,
        amount=total,
        oldest_due=oldest,
        months=len(months),
        open_charges=tuple(open_items),
        credit=credit,
    )


def arrears(tenant: Tenant, on: dt.date) -> Arrears:
    """The arrears position on ``on``: payments up to and including ``on`` against charges due before it."""
    rows = charge_rows(tenant, on)
    balance = sum((row[2] for row in rows if row[0] < on), ZERO) - credits_total(tenant, on)
    return arrears_from(rows, balance, on)


def arrears_due(tenant: Tenant, on: dt.date) -> Arrears:
    """What has fallen due on or before ``on`` and is still unpaid after the payments up to and
    including ``on``: like ``arrears``, but the rent due on ``on`` itself counts too (``arrears``
    counts only *overdue* rent, for the LCV rules). For lists and scripts (``lcv-tui tenants``)."""
    rows = charge_rows(tenant, on)
    balance = sum((row[2] for row in rows), ZERO) - credits_total(tenant, on)
    return arrears_from(rows, balance, on + DAY)._replace(on=on)


def statement(tenant: Tenant, on: dt.date) -> list[StatementLine]:
    """The running account up to ``on``: charges and payments by date, with the balance after each.
    A rent charge names the rent in force; a reversal (negative payment) is a debit."""
    rows: list[tuple[dt.date, int, str, Decimal, Decimal]] = []
    for charge in charges(tenant, on):
        rows.append((charge.due, 0, charge.label, charge.amount, ZERO))
    for payment in tenant.payments:
        if payment.on <= on and _counted(tenant, payment.on):
            note = f": {payment.note}" if payment.note else ""
            if payment.amount < ZERO:
                rows.append((payment.on, 1, f"Terugboeking{note}", -payment.amount, ZERO))
            else:
                rows.append((payment.on, 1, f"Betaling{note}", ZERO, payment.amount))
    for adj in tenant.adjustments:
        if adj.kind == AdjustmentKind.CREDIT and adj.on <= on and _counted(tenant, adj.on):
            note = f": {adj.note}" if adj.note else ""
            rows.append((adj.on, 1, f"Correctie{note}", ZERO, adj.amount))
    rows.sort(key=lambda r: (r[0], r[1]))
    balance = ZERO
    lines = []
    for day, _, text, debit, credit in rows:
        balance += debit - credit
        lines.append(StatementLine(day, text, debit, credit, balance))
    return lines


# --- the arrears episode ----------------------------------------------------------------------


def episode_from(rows: list[ChargeRow], due_timeline: Timeline) -> Episode | None:
    """The arrears episode running at the end of ``due_timeline`` (``due_timeline_from``), or
    ``None`` when the balance of rent due is not above zero there.

    Reading (issue 13.4; LCV 3.1 d "betalingsachterstand", werkinstructie "Voorgestelde
    werkwijze"): an episode lasts while the balance of rent due stays above zero, counted at the
    end of each day with the rent due that day included. A payment that leaves arrears open (say
    the old rent paid on the next rent's due date, leaving that new rent open) never restarts it:
    a tenant who is always exactly one month behind is in one continuous episode. The episode's
    ``first_due`` is the first unpaid due date at its start (the oldest charge open at the end of
    its first day, FIFO); the 30 days of LCV 3.1 d count from it. ``opened_on``, the first day the
    episode's letters and steps belong to, is the day after that due date, or the first day of the
    run when it started later (a reversed payment re-opened an older charge).
    """
    return _episode_walk(rows, due_timeline, whole=True)[0]


def _episode_walk(
    rows: list[ChargeRow], due_timeline: Timeline, *, whole: bool
) -> tuple[Episode | None, bool]:
    """``episode_from``, and whether it is complete: with only the recent part of the ledger
    (``whole`` false), a walk back that runs off the start of ``rows`` or ``due_timeline`` would
    have gone on into the older part."""
    start: dt.date | None = None
    start_balance = ZERO
    for day, balance in reversed(due_timeline):
        if balance <= ZERO:
            break
        start, start_balance = day, balance
    else:
        if start is not None and not whole:  # above zero as far back as the timeline goes
            return None, False
    if start is None:
        return None, True
    # The charges open at the end of ``start``: the newest ones due by then, ``start_balance`` in all.
    owed = start_balance
    first_due = start
    for due, _, amount, _ in reversed(rows):
        if due > start:
            continue
        first_due = due
        owed -= amount
        if owed <= ZERO:
            break
    else:
        if not whole:
            return None, False
    return Episode(first_due, max(start, first_due + DAY)), True


def episode(tenant: Tenant, on: dt.date) -> Episode | None:
    """The arrears episode running on ``on`` (see ``episode_from``), when something is overdue."""
    rows = charge_rows(tenant, on)
    balance = sum((row[2] for row in rows if row[0] < on), ZERO) - credits_total(tenant, on)
    if balance <= ZERO or not rows or rows[0][0] >= on:  # nothing overdue and open
        return None
    return episode_from(rows, due_timeline_from(rows, tenant, on))


def arrears_start(tenant: Tenant, on: dt.date) -> dt.date | None:
    """The first day of the current arrears episode (``Episode.opened_on``); ``None`` when nothing
    is overdue on ``on``. The episode is what the LCV workflow calls a case: it opens when a charge
    is unpaid after its due date and closes when the balance of rent due is paid off."""
    current = episode(tenant, on)
    return current.opened_on if current else None


def paid_off_on(due_timeline: Timeline, since: dt.date) -> dt.date | None:
    """The first day on or after ``since`` at whose end the balance of rent due was not above zero:
    the day the episode running on ``since`` was paid off (werkinstructie stap 3)."""
    if balance_on(due_timeline, since) <= ZERO:
        return since
    for day, balance in due_timeline:
        if day > since and balance <= ZERO:
            return day
    return None


# --- what a case reads ---------------------------------------------------------------------


class CaseLedger(NamedTuple):
    """What a case reads from the ledger on ``on`` (``case_ledger``)."""

    balance: Decimal  # charges due before ``on`` less payments and credits up to ``on``
    overdue: bool  # in arrears: the balance is above zero and a charge is overdue
    arrears: Arrears  # ``arrears(tenant, on)``
    episode: Episode | None  # when overdue: the episode running on ``on``; else, with a
    # ``signal_on``, the one running at the end of that day (``episode_from``)
    paid_on: dt.date | None  # with a ``signal_on``: ``paid_off_on(due timeline, signal_on)``
    rows: list[ChargeRow]  # the charge rows up to ``on``, at least every one due on or after
    # ``episode.first_due`` when overdue (``case.collection_status`` reads those)


def case_ledger_by_rows(tenant: Tenant, on: dt.date, signal_on: dt.date | None) -> CaseLedger:
    """``case_ledger`` the straightforward way, the reference it is tested against: every charge as a
    row (``charge_rows``), the running balances day by day (``timeline_from``,
    ``due_timeline_from``), then the arrears and the episode read from them."""
    rows = charge_rows(tenant, on)
    timeline = timeline_from(rows, tenant, on)
    due_timeline = due_timeline_from(rows, tenant, on)
    balance = timeline[-1][1] if timeline else ZERO
    overdue = balance > ZERO and bool(rows) and rows[0][0] < on
    current: Episode | None = None
    if overdue:
        current = episode_from(rows, due_timeline)
    elif signal_on is not None:
        current = episode_from(rows, [item for item in due_timeline if item[0] <= signal_on])
    return CaseLedger(
        balance=balance,
        overdue=overdue,
        arrears=arrears_from(rows, balance, on),
        episode=current,
        paid_on=paid_off_on(due_timeline, signal_on) if signal_on is not None else None,
        rows=rows,
    )


LOOKBACK_DAYS = (100, 400)
"""How far back ``case_ledger`` first reads the ledger, then further, before it reads all of it."""


def case_ledger(
    tenant: Tenant,
    on: dt.date,
    signal_on: dt.date | None,
    balance: Decimal | None = None,
    lookback: tuple[int, ...] = LOOKBACK_DAYS,
) -> CaseLedger:
    """What a case reads from the ledger on ``on``, and from the day of the open signal
    ``signal_on`` (its episode and the day it was paid off): ``case_ledger_by_rows``, reading only
    the recent part of the ledger. ``balance`` is ``quick_balance(tenant, on)`` when the caller has it;
    ``lookback`` the windows tried, in days back from ``on``.

    Payments settle the oldest charge first (FIFO), so what is open, and the episode it belongs to,
    are found walking back from the newest charge, only as far as the unpaid amount reaches: the
    settled history before a window of recent days enters only as one opening balance (charges
    summed per rent period, ``quick_balance``). When a walk back reaches the start of the window
    (arrears older than it), a longer window is read, then the whole ledger.
    """
    if balance is None:
        balance = quick_balance(tenant, on)
    for days in lookback:
        since = on - dt.timedelta(days=days)
        if signal_on is not None and signal_on < since:
            since = signal_on
        view = _recent_ledger(tenant, on, signal_on, balance, since)
        if view is not None:
            return view
    return case_ledger_by_rows(tenant, on, signal_on)


def _recent_ledger(
    tenant: Tenant, on: dt.date, signal_on: dt.date | None, balance: Decimal, since: dt.date
) -> CaseLedger | None:
    """``case_ledger`` from the charges due and the payments made from ``since`` to ``on``; ``None``
    when the arrears or the episode reach back before ``since``."""
    paid_through = tenant.paid_through
    low = since if paid_through is None or paid_through < since else paid_through + DAY
    rows: list[ChargeRow] = []
    opening, opening_due = tenant.opening_arrears, tenant.opening_arrears_due
    if opening is not None and opening_due is not None and since <= opening_due <= on:
        rows.append((opening_due, OPENING, opening, None))
    dues = rent_due_dates(tenant, on, since)
    if dues:
        changes = tenant.rent_changes  # sorted by date: the rent in force is the last one before
        position = bisect_right(changes, dues[0], key=_CHANGE_DAY)
        rent = changes[position - 1].amount if position else tenant.rent  # ``rent_in_force``
        count = len(changes)
        for due in dues:
            while position < count and changes[position].on <= due:
                rent = changes[position].amount
                position += 1
            rows.append((due, RENT, rent, None))
    paid = [(p.on, p.amount) for p in tenant.payments if low <= p.on <= on]
    extra: list[ChargeRow] = []
    for adj in tenant.adjustments:
        if low <= adj.on <= on:
            if adj.kind == AdjustmentKind.CHARGE:
                extra.append((adj.on, EXTRA, adj.amount, adj))
            else:
                paid.append((adj.on, adj.amount))
    if extra:
        rows.extend(extra)
        rows.sort(key=lambda row: (row[0], row[1]))
    overdue_recent = ZERO
    for due, _, amount, _ in rows:
        if due < on:
            overdue_recent += amount
    if balance > overdue_recent:  # what is open reaches back before ``since``
        return None
    # The balance of rent due at the end of the day before ``since``: what is overdue on ``on``
    # less what fell overdue since, plus what was paid since.
    start_balance = balance - overdue_recent
    for _, amount in paid:
        start_balance += amount
    changes_since = [(due, amount) for due, _, amount, _ in rows]
    changes_since += [(day, -amount) for day, amount in paid]
    changes_since.sort(key=_DAY_OF)
    due_timeline: Timeline = [(since - DAY, start_balance)]
    running = start_balance
    for day, change in changes_since:
        running += change
        if day == due_timeline[-1][0]:
            due_timeline[-1] = (day, running)
        else:
            due_timeline.append((day, running))
    overdue = (
        balance > ZERO
    )  # and so a charge in ``rows`` is overdue: ``overdue_recent >= balance``
    current: Episode | None = None
    if overdue or signal_on is not None:
        walked = due_timeline
        if not overdue:
            assert signal_on is not None
            walked = [item for item in due_timeline if item[0] <= signal_on]
        current, complete = _episode_walk(rows, walked, whole=False)
        if not complete:
            return None
    return CaseLedger(
        balance=balance,
        overdue=overdue,
        arrears=arrears_from(rows, balance, on),
        episode=current,
        paid_on=paid_off_on(due_timeline, signal_on) if signal_on is not None else None,
        rows=rows,
    )
