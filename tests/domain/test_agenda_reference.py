"""The agenda and every tenant's case against a reference that reads the ledger the slow, obvious way.

The reference (``reference_ledger``) lists every charge month by month, adds up what was paid by a
day from scratch for every day it looks at, and settles the charges oldest first. A case built on
it (``workflow.build_case(..., ledger_view=reference_ledger)``) and the agenda made of those cases
for every tenant (no screen) must equal what the app computes: the case's stage, arrears (amount,
oldest unpaid due date, open charges), episode, next step, steps with their dates, and verdict.
Data: the demo, the benchmark's five years of history on many dates (the 1st, 2nd, 15th, 23rd and
last day of months, around the July rent increases), and generated tenants.
"""

from __future__ import annotations

import datetime as dt
import pathlib
import sys
from decimal import Decimal
from operator import itemgetter
from typing import NamedTuple

import pytest
from domain_builders import SETTINGS, D, agreement
from hypothesis import given, settings
from hypothesis import strategies as st

from lcv_tui.domain import ledger, rules
from lcv_tui.domain.agenda import AgendaItem, _address, _urgency, agenda, items_for_case
from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.case import Case
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import (
    Adjustment,
    AdjustmentKind,
    Agreement,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Payment,
    RentChange,
    Route,
    Settings,
    Tenant,
    VaultData,
)
from lcv_tui.domain.validation import format_date
from lcv_tui.domain.workflow import build_case, case_for

ROOT = pathlib.Path(__file__).resolve().parents[2]
ZERO = Decimal("0.00")
DAY = dt.timedelta(days=1)


# --- the reference ledger ---------------------------------------------------------------------


def _counted(tenant: Tenant, day: dt.date) -> bool:
    return tenant.paid_through is None or day > tenant.paid_through


def ref_rows(tenant: Tenant, until: dt.date) -> list[ledger.ChargeRow]:
    """Every charge due on or before ``until``: each month's rent at the rent in force that day, the
    opening arrears, the extra charges; by due date, rent before extras, opening last."""
    rows: list[ledger.ChargeRow] = []
    year, month = tenant.tenancy_start.year, tenant.tenancy_start.month
    while dt.date(year, month, 1) <= until:
        due = dt.date(year, month, tenant.due_day)
        if (
            tenant.tenancy_start <= due <= until
            and (tenant.tenancy_end is None or due <= tenant.tenancy_end)
            and _counted(tenant, due)
        ):
            rent = tenant.rent
            for change in sorted(tenant.rent_changes, key=lambda c: c.on):
                if change.on <= due:
                    rent = change.amount
            rows.append((due, ledger.RENT, rent, None))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    opening, since = tenant.opening_arrears, tenant.opening_arrears_due
    if opening is not None and since is not None and since <= until:
        rows.append((since, ledger.OPENING, opening, None))
    for adj in tenant.adjustments:
        if adj.kind == AdjustmentKind.CHARGE and adj.on <= until and _counted(tenant, adj.on):
            rows.append((adj.on, ledger.EXTRA, adj.amount, adj))
    return sorted(rows, key=lambda row: (row[0], row[1]))


def ref_paid(tenant: Tenant, day: dt.date) -> Decimal:
    """Payments (reversals negative) and credits dated on or before ``day``."""
    records = [
        *tenant.payments,
        *(a for a in tenant.adjustments if a.kind == AdjustmentKind.CREDIT),
    ]
    return sum((r.amount for r in records if r.on <= day and _counted(tenant, r.on)), ZERO)


def ref_due_balance(tenant: Tenant, day: dt.date) -> Decimal:
    """Rent due on or before ``day`` less what was paid by its end."""
    return sum((row[2] for row in ref_rows(tenant, day)), ZERO) - ref_paid(tenant, day)


def ref_label(row: ledger.ChargeRow) -> ledger.Charge:
    due, kind, amount, adj = row
    if kind == ledger.RENT:
        return ledger.Charge(due, amount, ledger.rent_label(due), True)
    if kind == ledger.OPENING:
        return ledger.Charge(
            due, amount, f"{ledger.OPENING_LABEL} (sinds {format_date(due)})", True
        )
    assert adj is not None
    return ledger.Charge(due, amount, adj.note or "Extra post", False, adj.id)


def ref_arrears(tenant: Tenant, on: dt.date) -> ledger.Arrears:
    """FIFO: what was paid by ``on`` settles the charges due by ``on`` oldest first."""
    pool = ref_paid(tenant, on)
    open_parts = []
    for row in ref_rows(tenant, on):
        covered = min(max(pool, ZERO), row[2])
        pool -= covered
        if covered < row[2] and row[0] < on:
            open_parts.append(ledger.OpenCharge(ref_label(row), row[2] - covered))
    return ledger.Arrears(
        on=on,
        amount=sum((part.open_amount for part in open_parts), ZERO),
        oldest_due=open_parts[0].charge.due if open_parts else None,
        months=len({(p.charge.due.year, p.charge.due.month) for p in open_parts}),
        open_charges=tuple(open_parts),
        credit=max(pool, ZERO),
    )


def ref_change_days(tenant: Tenant, until: dt.date) -> list[dt.date]:
    """The days on which the balance of rent due can change, up to ``until``, oldest first."""
    days = {row[0] for row in ref_rows(tenant, until)}
    days |= {p.on for p in tenant.payments if p.on <= until and _counted(tenant, p.on)}
    days |= {
        a.on
        for a in tenant.adjustments
        if a.kind == AdjustmentKind.CREDIT and a.on <= until and _counted(tenant, a.on)
    }
    return sorted(days)


def ref_episode(tenant: Tenant, until: dt.date) -> ledger.Episode | None:
    """The episode running at the end of ``until``: walk back over the days the balance of rent due
    changed while it stays above zero; its first due date is the oldest charge open (FIFO) at the
    end of the first day."""
    start = None
    for day in reversed(ref_change_days(tenant, until)):
        if ref_due_balance(tenant, day) <= ZERO:
            break
        start = day
    if start is None:
        return None
    pool = ref_paid(tenant, start)
    first_due = start
    for due, _, amount, _ in ref_rows(tenant, start):
        covered = min(max(pool, ZERO), amount)
        pool -= covered
        if covered < amount:
            first_due = due
            break
    return ledger.Episode(first_due, max(start, first_due + DAY))


def ref_paid_off(tenant: Tenant, since: dt.date, on: dt.date) -> dt.date | None:
    if ref_due_balance(tenant, since) <= ZERO:
        return since
    for day in ref_change_days(tenant, on):
        if day > since and ref_due_balance(tenant, day) <= ZERO:
            return day
    return None


def reference_ledger(tenant: Tenant, on: dt.date, signal_on: dt.date | None) -> ledger.CaseLedger:
    rows = ref_rows(tenant, on)
    balance = sum((row[2] for row in rows if row[0] < on), ZERO) - ref_paid(tenant, on)
    overdue = balance > ZERO and any(row[0] < on for row in rows)
    if overdue:
        episode = ref_episode(tenant, on)
    elif signal_on is not None:
        episode = ref_episode(tenant, min(signal_on, on))
    else:
        episode = None
    return ledger.CaseLedger(
        balance=balance,
        overdue=overdue,
        arrears=ref_arrears(tenant, on),
        episode=episode,
        paid_on=ref_paid_off(tenant, signal_on, on) if signal_on is not None else None,
        rows=rows,
    )


# --- comparing --------------------------------------------------------------------------------


def summary(case: Case | None) -> tuple[object, ...] | None:
    """What the app shows of a case: stage, arrears, episode, steps and their dates, verdict."""
    if case is None:
        return None
    return (
        case.stage,
        case.stage_detail,
        case.arrears,
        case.arrears.amount,
        case.arrears.oldest_due,
        case.first_due,
        case.opened_on,
        case.paid_on,
        case.withdrawal_due,
        case.collection_may_resume,
        case.collection_note,
        case.collection_resume_from,
        case.next_step,
        tuple((s.key, s.suggested, s.done_on, s.status, s.explanation) for s in case.steps),
        rules.evaluate(case),
    )


def reference_agenda(data: VaultData, on: dt.date, horizon_days: int = 14) -> list[AgendaItem]:
    """``agenda.agenda`` over the reference cases of every tenant, without the screen."""
    horizon = on + dt.timedelta(days=horizon_days)
    agreements = {a.gemeente.casefold(): a for a in data.agreements}
    keyed = []
    for tenant in data.tenants:
        case = build_case(
            tenant,
            on,
            data.settings,
            agreements.get(tenant.gemeente.casefold()),
            ledger_view=reference_ledger,
        )
        if case is None:
            continue
        for order, (action, due, text, article) in enumerate(items_for_case(case, horizon_days)):
            urgency = _urgency(due, on, horizon)
            assert urgency is not None
            item = AgendaItem(
                tenant.id,
                tenant.display_name,
                _address(tenant),
                action,
                due,
                urgency,
                text,
                article,
            )
            keyed.append(((urgency.rank, due, tenant.sort_key, tenant.id, order), item))
    keyed.sort(key=itemgetter(0))
    return [item for _, item in keyed]


def check_tenant(
    tenant: Tenant, on: dt.date, settings_: Settings, agr: Agreement | None
) -> Case | None:
    app_case = case_for(tenant, on, settings=settings_, agreement=agr)
    ref_case = build_case(tenant, on, settings_, agr, ledger_view=reference_ledger)
    assert summary(app_case) == summary(ref_case), (tenant.id, on)
    return app_case


def check_vault(data: VaultData, on: dt.date) -> int:
    agreements = {a.gemeente.casefold(): a for a in data.agreements}
    cases = 0
    for tenant in data.tenants:
        agr = agreements.get(tenant.gemeente.casefold())
        cases += check_tenant(tenant, on, data.settings, agr) is not None
    assert agenda(data, on) == reference_agenda(data, on), on
    return cases


def month_days(first: dt.date, last: dt.date) -> list[dt.date]:
    """The 1st, 2nd, 15th, 23rd and last day of every month from ``first`` to ``last``."""
    days = []
    month = first.replace(day=1)
    while month <= last:
        end = add_months(month, 1) - DAY
        days += [month, month + DAY, month.replace(day=15), month.replace(day=23), end]
        month = add_months(month, 1)
    return [day for day in days if first <= day <= last]


# --- the demo -----------------------------------------------------------------------------------


@pytest.mark.parametrize("today", [D(2026, 11, 23), D(2026, 11, 2), D(2026, 7, 1), D(2027, 1, 31)])
def test_demo_matches_the_reference(today):
    data = build_demo(today)
    found = 0
    for on in [today - dt.timedelta(days=n) for n in (0, 1, 8, 22, 40)] + [today + DAY]:
        found += check_vault(data, on)
    assert found  # the demo has tenants in every stage


# --- the benchmark's five years of history --------------------------------------------------------


@pytest.fixture(scope="module")
def bench_data():
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from benchmarks import data

    return data


@pytest.mark.parametrize("today", [D(2026, 11, 2), D(2026, 11, 23)])
def test_benchmark_history_matches_the_reference(bench_data, today):
    data = bench_data.vault_data(160, today=today, with_audit=False)
    days = month_days(D(2026, 5, 1), today) + [D(2022, 7, 1), D(2022, 7, 2), D(2024, 2, 29)]
    cases = sum(check_vault(data, on) for on in days)
    assert cases > 100  # many tenants in arrears at some point


class Reversal(NamedTuple):
    """A negative payment (a bank reversal) as the bank import records it; the ledger reads ``on``,
    ``amount`` and ``note``."""

    on: dt.date
    amount: Decimal
    note: str = ""


# --- generated tenants ----------------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("1500.00"), places=2)
RENTS = [Decimal("500.00"), Decimal("850.00"), Decimal("1234.56")]


@st.composite
def histories(draw) -> tuple[Tenant, dt.date]:
    """A tenant paying month by month over years: on time, late, partly, not at all, twice; with
    rent increases, corrections, reversals, onboarding ('Betaald t/m', opening arrears) and the
    letters, signals and feedback of episodes. Returns the tenant and the day to look at."""
    start = draw(st.dates(min_value=D(2021, 1, 1), max_value=D(2026, 6, 30)))
    on = draw(st.dates(min_value=start, max_value=D(2027, 3, 31)))
    due_day = draw(st.sampled_from([1, 1, 1, 2, 15, 28]))
    end = draw(st.none() | st.none() | st.dates(min_value=start, max_value=on))
    paid_through = draw(st.none() | st.none() | st.dates(min_value=start, max_value=on))
    opening: dict = {}
    if paid_through is not None and draw(st.booleans()):
        opening = {
            "opening_arrears": draw(amounts),
            "opening_arrears_due": draw(
                st.dates(min_value=paid_through - dt.timedelta(days=120), max_value=paid_through)
            ),
        }
    rent = draw(st.sampled_from(RENTS))
    changes = []
    for year in range(start.year, on.year + 1):
        if draw(st.booleans()):
            changes.append(RentChange(on=D(year, 7, 1), amount=draw(amounts)))
    tenant = Tenant(
        surname="Test",
        house_number=1,
        postcode="3511 AB",
        gemeente="Utrecht",
        rent=rent,
        due_day=due_day,
        tenancy_start=start,
        tenancy_end=end,
        paid_through=paid_through,
        rent_changes=changes,
        **opening,
    )
    # One behaviour per month, drawn from a small menu, so long histories stay cheap to generate.
    behaviours = draw(st.lists(st.integers(0, 9), min_size=1, max_size=80))
    month = D(start.year, start.month, due_day)
    for behaviour in behaviours:
        if month > on:
            break
        owed = ledger.rent_in_force(tenant, month)
        if behaviour <= 4:  # on time or a few days early/late
            tenant.payments.append(
                Payment(on=month + dt.timedelta(days=behaviour - 2), amount=owed)
            )
        elif behaviour == 5:  # late
            tenant.payments.append(Payment(on=month + dt.timedelta(days=35), amount=owed))
        elif behaviour == 6:  # partly
            tenant.payments.append(Payment(on=month, amount=(owed / 2).quantize(Decimal("0.01"))))
        elif behaviour == 7:  # two months at once
            tenant.payments.append(Payment(on=month + dt.timedelta(days=20), amount=owed * 2))
        # 8, 9: not paid this month
        month = add_months(month, 1)
    for day, amount in draw(st.lists(st.tuples(st.dates(start, on), amounts), max_size=2)):
        tenant.payments.append(Reversal(on=day, amount=-amount))  # type: ignore[arg-type]
    for kind, day, amount in draw(
        st.lists(
            st.tuples(st.sampled_from(list(AdjustmentKind)), st.dates(start, on), amounts),
            max_size=3,
        )
    ):
        tenant.adjustments.append(Adjustment(kind=kind, on=day, amount=amount, note="x"))
    kinds = [
        EventKind.HERINNERING,
        EventKind.AANMANING,
        EventKind.SOMMATIE,
        EventKind.PERSOONLIJK_CONTACT,
        EventKind.BEZWAAR,
        EventKind.BEZWAAR_INGETROKKEN,
        EventKind.SIGNAAL,
        EventKind.SIGNAAL,
        EventKind.SIGNAAL_INGETROKKEN,
        EventKind.TERUGKOPPELING,
    ]
    for kind, back in draw(
        st.lists(st.tuples(st.sampled_from(kinds), st.integers(0, 400)), max_size=8)
    ):
        extra: dict = {}
        if kind in (EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE):
            extra["channel"] = Channel.POST
        if kind == EventKind.PERSOONLIJK_CONTACT:
            extra["channel"] = Channel.TELEFOON
        if kind == EventKind.SIGNAAL:
            extra.update(route=Route.UPLOAD, amount=Decimal("100.00"), months=1)
        if kind == EventKind.TERUGKOPPELING:
            extra["feedback"] = draw(st.sampled_from(list(FeedbackStatus)))
        tenant.events.append(Event(kind=kind, on=max(start, on - dt.timedelta(days=back)), **extra))
    return tenant, on


@settings(max_examples=300, deadline=None)
@given(histories(), st.integers(-3, 40))
def test_generated_tenants_match_the_reference(history, shift):
    tenant, on = history
    day = on - dt.timedelta(days=shift)
    check_tenant(tenant, day, SETTINGS, agreement())


def same_view(tenant: Tenant, on: dt.date, signal_on: dt.date | None, lookback=None) -> None:
    """``ledger.case_ledger`` equals the reference in everything but its rows (it keeps only the
    recent ones: every charge due from the episode's first due date on, when in arrears)."""
    kwargs = {} if lookback is None else {"lookback": lookback}
    fast = ledger.case_ledger(tenant, on, signal_on, **kwargs)
    ref = reference_ledger(tenant, on, signal_on)
    assert fast._replace(rows=[]) == ref._replace(rows=[]), (on, signal_on, lookback)
    if fast.rows:  # the newest rows, as the reference has them
        assert fast.rows == ref.rows[len(ref.rows) - len(fast.rows) :]
    if fast.overdue:  # with every charge from the episode's first due date on
        assert fast.episode is not None
        since = fast.episode.first_due
        assert [r for r in fast.rows if r[0] >= since] == [r for r in ref.rows if r[0] >= since]


@settings(max_examples=300, deadline=None)
@given(
    histories(),
    st.integers(-3, 40),
    st.none() | st.integers(0, 500),
    st.sampled_from([None, (1,), (3, 31), (29, 60, 120)]),
)
def test_recent_ledger_matches_the_reference(history, shift, signal_back, lookback):
    """Short windows (a day, a month) make every walk back run into the window's start."""
    tenant, on = history
    day = on - dt.timedelta(days=shift)
    signal_on = None if signal_back is None else day - dt.timedelta(days=signal_back)
    same_view(tenant, day, signal_on, lookback)
