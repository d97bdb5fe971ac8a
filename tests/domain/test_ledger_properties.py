"""Properties over random ledgers: the arrears figures, and the fast paths the workflow uses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from domain_builders import SETTINGS, D, agreement
from hypothesis import given, settings
from hypothesis import strategies as st

from lcv_tui.domain import ledger, rules, workflow
from lcv_tui.domain.models import (
    Adjustment,
    AdjustmentKind,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Payment,
    Route,
    Tenant,
)

FAST = settings(max_examples=60, deadline=None)

days = st.dates(min_value=D(2025, 1, 1), max_value=D(2027, 6, 30))
amounts = st.decimals(min_value=Decimal("1.00"), max_value=Decimal("2500.00"), places=2)


@st.composite
def tenants(draw, with_events: bool = False) -> Tenant:
    start = draw(st.dates(min_value=D(2025, 1, 1), max_value=D(2026, 6, 30)))
    end = draw(st.none() | st.dates(min_value=start, max_value=D(2027, 6, 30)))
    tenant = Tenant(
        surname="Test",
        house_number=1,
        postcode="3511 AB",
        gemeente="Utrecht",
        rent=draw(st.sampled_from([Decimal("500.00"), Decimal("850.00"), Decimal("1234.56")])),
        due_day=draw(st.integers(1, 28)),
        tenancy_start=start,
        tenancy_end=end,
    )
    for day, amount in draw(st.lists(st.tuples(days, amounts), max_size=14)):
        tenant.payments.append(Payment(on=day, amount=amount))
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


@FAST
@given(tenants(), days)
def test_arrears_match_the_definition(tenant, on):
    arrears = ledger.arrears(tenant, on)
    assert arrears.amount >= 0
    due = sum((c.amount for c in ledger.charges(tenant, on) if c.due < on), Decimal("0"))
    assert arrears.amount == max(Decimal("0"), due - ledger.credits_total(tenant, on))
    open_months = {(oc.charge.due.year, oc.charge.due.month) for oc in arrears.open_charges}
    assert arrears.months == len(open_months)
    assert (arrears.months > 0) == arrears.in_arrears
    assert all(oc.charge.due < on and oc.open_amount > 0 for oc in arrears.open_charges)
    assert sum((oc.open_amount for oc in arrears.open_charges), Decimal("0")) == arrears.amount
    if arrears.in_arrears:
        assert arrears.oldest_due == min(oc.charge.due for oc in arrears.open_charges)
        assert arrears.days_overdue >= 1


@FAST
@given(tenants(), days)
def test_fast_paths_agree_with_the_ledger(tenant, on):
    rows = workflow.charge_rows(tenant, on)
    assert [(r[0], r[2]) for r in rows] == [(c.due, c.amount) for c in ledger.charges(tenant, on)]
    assert workflow.fast_balance(tenant, on) == ledger.quick_balance(tenant, on)
    timeline = workflow.balance_timeline(tenant, on)
    final = timeline[-1][1] if timeline else Decimal("0.00")
    assert final == ledger.quick_balance(tenant, on)
    # The same arrears, down to how each amount is written (Decimal('850.00'), not Decimal('850')).
    assert repr(workflow.arrears_from(rows, final, on)) == repr(ledger.arrears(tenant, on))
    start = workflow.episode_start(timeline) if timeline and timeline[-1][1] > 0 else None
    assert start == ledger.arrears_start(tenant, on)
    for day, balance in timeline:
        assert max(Decimal("0"), balance) == ledger.arrears(tenant, day).amount


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
        assert case.arrears.days_overdue >= 30 and case.arrears.days_overdue >= threshold
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
    assert len(case.steps) == len(workflow.StepKey)
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
    assert (case.stage, case.stage_detail) == workflow.stage_of(case)
    assert (
        case.stage == workflow.Stage.OVERLEDEN
    ) == case.deceased  # the agenda skips a case on ``deceased``
    assert rules.rule_no_objection(case) == verdict.reason(rules.NO_OBJECTION)
    assert rules.rule_agreement(case) == verdict.reason(rules.AGREEMENT)
