"""A former tenant is not signalled at an address they no longer live at."""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain import rules
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.workflow import case_for


def _ready_tenant(today):
    data = build_demo(today)
    for tenant in data.tenants:
        case = case_for(
            tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
        )
        if case is not None and rules.eligibility(case, today).allowed:
            return data, tenant
    raise AssertionError("the demo has a tenant ready to signal")


def test_ended_tenancy_blocks_the_signal():
    today = dt.date(2026, 11, 23)
    data, tenant = _ready_tenant(today)
    tenant.tenancy_end = today - dt.timedelta(days=3)
    case = case_for(
        tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    verdict = rules.eligibility(case, today)
    assert not verdict.allowed
    reason = verdict.reason(rules.STILL_RESIDENT)
    assert not reason.ok and "geëindigd" in reason.text and "inwoner" in reason.article


def test_running_tenancy_passes_the_resident_rule():
    today = dt.date(2026, 11, 23)
    data, tenant = _ready_tenant(today)
    case = case_for(
        tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    assert rules.eligibility(case, today).reason(rules.STILL_RESIDENT).ok


def test_objection_after_a_signal_makes_the_withdrawal_due():
    """LCV 2.2: once the tenant objects, their data may not be in a signal; a delivered one is withdrawn."""
    from lcv_tui.domain import actions
    from lcv_tui.domain.case_terms import StepKey
    from lcv_tui.domain.stage import Stage

    today = dt.date(2026, 11, 23)
    data, tenant = _ready_tenant(today)
    now = dt.datetime(2026, 11, 23, 10)
    actions.record_signal(data, tenant.id, today, now=now, actor="app")
    later = today + dt.timedelta(days=2)
    actions.record_objection(
        data,
        tenant.id,
        later,
        note="bezwaar per e-mail",
        now=now + dt.timedelta(days=2),
        actor="app",
    )
    case = case_for(
        tenant, later, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    assert case.withdrawal_due and case.stage == Stage.INTREKKEN
    assert "bezwaar na melding" in case.status_text
    assert "LCV 2.2" in case.step(StepKey.INTREKKEN).explanation
