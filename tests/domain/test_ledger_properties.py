"""Properties over random ledgers: the ledger against a slow, obviously correct oracle, and the case."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

from domain_builders import SETTINGS, D, agreement
from hypothesis import given, settings
from hypothesis import strategies as st

from lcv_tui.domain import case_terms, ledger, rules, stage, workflow
from lcv_tui.domain.models import (
    Adjustment,
    AdjustmentKind,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Payment,
    RentChange,
    Route,
    Tenant,
)

FAST = settings(max_examples=60, deadline=None)

days = st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 6, 30))
amounts = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("2500.00"), places=2)


class Reversal(NamedTuple):
    """A negative payment (a bank reversal, storno) as the bank import records it: the ledger only
    reads ``on``, ``amount`` and ``note``."""

    on: dt.date
    amount: Decimal
    note: str = ""


@st.composite
def tenants(draw, with_events: bool = False) -> Tenant:
    start = draw(st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 6, 30)))
    end = draw(st.none() | st.dates(min_value=start, max_value=D(2027, 6, 30)))
    paid_through = draw(st.none() | st.dates(min_value=D(2024, 12, 1), max_value=D(2026, 12, 31)))
    opening: dict = {}
    if paid_through is not None and draw(st.booleans()):
        opening = {
            "opening_arrears": draw(amounts),
            "opening_arrears_due": draw(
                st.dates(min_value=paid_through - dt.timedelta(days=200), max_value=paid_through)
            ),
        }
    changes = [
        RentChange(on=day, amount=amount)
        for day, amount in draw(
            st.lists(st.tuples(days, amounts), max_size=3, unique_by=lambda pair: pair[0])
        )
    ]
    tenant = Tenant(
        surname="Test",
        house_number=1,
        postcode="3511 AB",
        gemeente="Utrecht",
        rent=draw(st.sampled_from([Decimal("500.00"), Decimal("850.00"), Decimal("1234.56")])),
        due_day=draw(st.integers(1, 28)),
        tenancy_start=start,
        tenancy_end=end,
        paid_through=paid_through,
        rent_changes=changes,
        **opening,
    )
    for day, amount in draw(st.lists(st.tuples(days, amounts), max_size=14)):
        tenant.payments.append(Payment(on=day, amount=amount))
    for day, amount in draw(st.lists(st.tuples(days, amounts), max_size=2)):
        tenant.payments.append(Reversal(on=day, amount=-amount))  # type: ignore[arg-type]
    for kind, day, amount in draw(
        st.lists(st.tuples(st.sampled_from(list(AdjustmentKind)), days, amounts), max_size=3)
    ):
        tenant.adjustments.append(Adjustment(kind=kind, on=day, amount=amount))
    if with_events:
        kinds = [
            EventKind.HERINNERING,
            EventKind.AANMANING,
            EventKind.SOMMATIE,
            EventKind.PERSOONLIJK_CONTACT,
            EventKind.SCHULDHULP_GEWEZEN,
            EventKind.GEGEVENS_AANGEBODEN,
            EventKind.BEZWAAR,
            EventKind.BEZWAAR_INGETROKKEN,
            EventKind.SIGNAAL,
            EventKind.SIGNAAL_INGETROKKEN,
            EventKind.TERUGKOPPELING,
        ]
        for kind, day in draw(st.lists(st.tuples(st.sampled_from(kinds), days), max_size=10)):
            extra: dict = {}
            if kind in (EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE):
                extra["channel"] = draw(
                    st.sampled_from([Channel.POST, Channel.EMAIL, Channel.HAND])
                )
            if kind == EventKind.SIGNAAL:
                extra.update(route=Route.UPLOAD, amount=Decimal("100.00"), months=1)
            if kind == EventKind.TERUGKOPPELING:
                extra["feedback"] = draw(st.sampled_from(list(FeedbackStatus)))
            tenant.events.append(Event(kind=kind, on=day, **extra))
    return tenant


# --- the oracle: the ledger's rules written out the slow, obvious way -------------------------


def oracle_charges(tenant: Tenant, until: dt.date) -> list[tuple[dt.date, int, Decimal]]:
    """(due, order, amount): every month's rent at the rent in force, the opening arrears, extras."""
    result = []
    year, month = tenant.tenancy_start.year, tenant.tenancy_start.month
    while dt.date(year, month, 1) <= until:
        due = dt.date(year, month, tenant.due_day)
        if (
            tenant.tenancy_start <= due <= until
            and (tenant.tenancy_end is None or due <= tenant.tenancy_end)
            and (tenant.paid_through is None or due > tenant.paid_through)
        ):
            rent = tenant.rent
            for change in sorted(tenant.rent_changes, key=lambda c: c.on):
                if change.on <= due:
                    rent = change.amount
            result.append((due, 0, rent))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    if tenant.opening_arrears is not None and tenant.opening_arrears_due <= until:
        result.append((tenant.opening_arrears_due, 2, tenant.opening_arrears))
    for adj in tenant.adjustments:
        counted = tenant.paid_through is None or adj.on > tenant.paid_through
        if adj.kind == AdjustmentKind.CHARGE and adj.on <= until and counted:
            result.append((adj.on, 1, adj.amount))
    return sorted(result, key=lambda c: (c[0], c[1]))


def oracle_paid(tenant: Tenant, on: dt.date) -> Decimal:
    records = list(tenant.payments) + [
        a for a in tenant.adjustments if a.kind == AdjustmentKind.CREDIT
    ]
    return sum(
        (
            r.amount
            for r in records
            if r.on <= on and (tenant.paid_through is None or r.on > tenant.paid_through)
        ),
        Decimal("0.00"),
    )


def oracle_fifo(tenant: Tenant, day: dt.date) -> tuple[list[tuple[dt.date, Decimal]], Decimal]:
    """Charges due on or before ``day`` settled oldest first by everything paid up to ``day``:
    the open (due, part) list and what is left over."""
    pool = oracle_paid(tenant, day)
    open_parts = []
    for due, _, amount in oracle_charges(tenant, day):
        covered = min(max(pool, Decimal("0.00")), amount)
        pool -= covered
        if covered < amount:
            open_parts.append((due, amount - covered))
    return open_parts, max(pool, Decimal("0.00"))


def oracle_due_balance(tenant: Tenant, day: dt.date) -> Decimal:
    return sum((c[2] for c in oracle_charges(tenant, day)), Decimal("0.00")) - oracle_paid(
        tenant, day
    )


def oracle_episode(tenant: Tenant, on: dt.date) -> ledger.Episode | None:
    """Walk back day by day while the balance of rent due stays above zero."""
    overdue_total = sum(
        (c[2] for c in oracle_charges(tenant, on) if c[0] < on), Decimal("0.00")
    ) - oracle_paid(tenant, on)
    if overdue_total <= 0 or not any(c[0] < on for c in oracle_charges(tenant, on)):
        return None
    start = on
    while oracle_due_balance(tenant, start - dt.timedelta(days=1)) > 0:
        start -= dt.timedelta(days=1)
    open_parts = oracle_fifo(tenant, start)[0]
    first_due = open_parts[0][0] if open_parts else start
    return ledger.Episode(first_due, max(start, first_due + dt.timedelta(days=1)))


@FAST
@given(tenants(), days)
def test_arrears_match_the_oracle(tenant, on):
    arrears = ledger.arrears(tenant, on)
    open_parts, left = oracle_fifo(tenant, on)
    overdue = [(due, part) for due, part in open_parts if due < on]
    assert [(oc.charge.due, oc.open_amount) for oc in arrears.open_charges] == overdue
    assert arrears.amount == sum((part for _, part in overdue), Decimal("0"))
    assert arrears.oldest_due == (overdue[0][0] if overdue else None)
    assert arrears.months == len({(due.year, due.month) for due, _ in overdue})
    assert arrears.credit == left
    assert (arrears.months > 0) == arrears.in_arrears
    assert all(oc.open_amount > 0 for oc in arrears.open_charges)
    if arrears.in_arrears:
        assert arrears.days_overdue >= 1
    assert [(c.due, c.amount) for c in ledger.charges(tenant, on)] == [
        (due, amount) for due, _, amount in oracle_charges(tenant, on)
    ]


@FAST
@given(tenants(), days)
def test_balances_and_episode_match_the_oracle(tenant, on):
    overdue_total = sum(
        (c[2] for c in oracle_charges(tenant, on) if c[0] < on), Decimal("0.00")
    ) - oracle_paid(tenant, on)
    assert ledger.quick_balance(tenant, on) == overdue_total
    timeline = ledger.balance_timeline(tenant, on)
    assert (timeline[-1][1] if timeline else Decimal("0.00")) == overdue_total
    for day, balance in timeline:
        # Reversals beyond everything paid leave no charge more open than all of them.
        charged = sum((c[2] for c in oracle_charges(tenant, day) if c[0] < day), Decimal("0.00"))
        assert min(max(Decimal("0"), balance), charged) == ledger.arrears(tenant, day).amount
    assert ledger.episode(tenant, on) == oracle_episode(tenant, on)
    expected = oracle_episode(tenant, on)
    assert ledger.arrears_start(tenant, on) == (expected.opened_on if expected else None)


@FAST
@given(tenants(with_events=True), days, st.integers(30, 90))
def test_signal_never_allowed_with_objection_too_early_or_without_reminder(tenant, on, threshold):
    case = workflow.case_for(
        tenant, on, settings=SETTINGS, agreement=agreement(threshold_days=threshold)
    )
    if case is None:
        return
    verdict = rules.eligibility(case, on)
    assert verdict.allowed == (not verdict.blocking)
    assert {r.code for r in verdict.reasons} == {rule(case).code for rule in rules.RULES}
    if verdict.allowed:
        assert case.objection is None
        assert (on - case.first_due).days > max(30, threshold)  # LCV 3.1 d, tekst 1: day 31 on
        assert any(
            e.kind in (EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE)
            and e.on <= on
            for e in case.events
        )
        assert (
            case.sommatie is not None
            and case.objection_deadline is not None
            and on > case.objection_deadline
        )
        assert not case.deceased
    # An objection with no later withdrawal always blocks.
    ordered = sorted(enumerate(tenant.events), key=lambda pair: (pair[1].on, pair[0]))
    state = None
    for _, event in ordered:
        if event.on > on:
            continue
        if event.kind == EventKind.BEZWAAR:
            state = event
        elif event.kind == EventKind.BEZWAAR_INGETROKKEN:
            state = None
    if state is not None:
        assert not verdict.allowed
        assert not verdict.reason(rules.NO_OBJECTION).ok


@FAST
@given(tenants(with_events=True), days)
def test_case_invariants(tenant, on):
    case = workflow.case_for(tenant, on, settings=SETTINGS, agreement=agreement())
    arrears = ledger.arrears(tenant, on)
    if case is None:
        assert not arrears.in_arrears
        return
    assert case.arrears == arrears
    assert case.opened_on <= on
    assert all(case.opened_on <= e.on <= on for e in case.events)
    assert len(case.steps) == len(case_terms.StepKey)
    assert case.status_text.startswith(case.stage.symbol)
    if arrears.in_arrears:
        assert case.opened_on == ledger.arrears_start(tenant, on)
    else:
        assert case.withdrawal_due
    if case.suspension_until is not None:
        assert case.suspension_until == case.accepted.on + dt.timedelta(days=30)
    # The parts made on first use agree with the whole computation.
    verdict = rules.evaluate(case)
    assert case.first_blocking == (verdict.blocking[0] if verdict.blocking else None)
    assert case.verdict == verdict and case.allowed == verdict.allowed
    assert (case.stage, case.stage_detail) == stage.stage_of(case)
    assert (
        case.stage == stage.Stage.OVERLEDEN
    ) == case.deceased  # the agenda skips a case on ``deceased``
    assert rules.rule_no_objection(case) == verdict.reason(rules.NO_OBJECTION)
    assert rules.rule_agreement(case) == verdict.reason(rules.AGREEMENT)
