"""README "Betrouwbaarheid en veiligheid", promise 17. Issue 13.6: Melden, the agenda, the tenant
file, the wizard and the dossier read the same case facts.

Every demo tenant is walked day by day through 90 days from 2026-11-23, and the domain functions
behind each screen are compared: a tenant whose collection is suspended (help accepted, LCV 4.1,
4.2 a) is never "Klaar om te melden" anywhere, "Klaar om te melden" in the tenant file means listed in
Melden and allowed in the wizard, and the suspension's end date is the same in the tenant file, the
agenda and the dossier.
"""

from __future__ import annotations

import datetime as dt

from lcv_testing import demo_data

from lcv_tui.domain import rules
from lcv_tui.domain.agenda import ActionKind, agenda
from lcv_tui.domain.dossier import build_dossier
from lcv_tui.domain.sharing import select_signals
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.validation import format_date
from lcv_tui.domain.workflow import case_for
from lcv_tui.tui.wizard.steps import WizardStep, build_view

START = dt.date(2026, 11, 23)
DAYS = 90


def test_every_demo_tenant_for_90_days_in_every_view():
    data = demo_data()
    suspended_days = 0
    for offset in range(DAYS):
        day = START + dt.timedelta(days=offset)
        ready_in_melden = {r.tenant_id for r in select_signals(data, day).records}
        items = agenda(data, day)
        for tenant in data.tenants:
            case = case_for(
                tenant, day, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
            )
            where = f"{tenant.surname} op {day}"
            wizard = build_view(data, tenant.id, day)
            mine = [i for i in items if i.tenant_id == tenant.id]
            if case is None:
                assert tenant.id not in ready_in_melden, where
                assert not wizard.verdict.allowed, where
                continue
            ready_in_file = case.stage == Stage.KLAAR
            # One verdict: Melden lists the tenant exactly when the wizard and the tenant file's rules
            # allow a signal; "Klaar om te melden" in the file implies it. (After a signal the file
            # keeps showing the feedback stage while a repeat signal may be allowed, LCV 3.2.)
            assert (tenant.id in ready_in_melden) == wizard.verdict.allowed == case.allowed, where
            assert not ready_in_file or case.allowed, where
            if ready_in_file:
                assert wizard.view(WizardStep.MELDEN).status.startswith("Melden mag vandaag"), where
            if case.suspension_in_force:
                suspended_days += 1
                until = case.suspension_until
                assert until is not None
                # LCV 4.1, 4.2 a: never ready while suspended, in any view.
                assert not ready_in_file and tenant.id not in ready_in_melden, where
                assert not wizard.verdict.allowed, where
                assert not any(i.action == ActionKind.MELDEN and i.due <= day for i in mine), where
                assert not case.verdict.reason(rules.SUSPENDED).ok, where
                # The same end date in the tenant file, the agenda and the dossier.
                assert case.status_text.endswith(f"tot {format_date(until)}"), where
                ending = [i for i in mine if i.action == ActionKind.OPSCHORTING_EINDIGT]
                assert [i.due for i in ending] in ([], [until]), where
                dossier = build_dossier(data, tenant.id, day).text
                assert (
                    f"tot en met {format_date(until)} (loopt nog op {format_date(day)})" in dossier
                ), where
            elif case.accepted is not None and case.collection_may_resume:
                dossier = build_dossier(data, tenant.id, day).text
                assert "(loopt nog op" not in dossier, where
    assert suspended_days > 0  # the demo has a suspended tenant: the walk saw one


def test_a_suspended_tenant_is_not_ready_even_when_a_repeat_signal_would_be_allowed():
    """LCV 4.1, 4.2 a: during the suspension no signal, also not a repeat one (LCV 3.2) after the
    arrears grew by a one-off charge after the signal and the new rent was paid (so the suspension did
    not lapse, LCV 4.1 d)."""
    from decimal import Decimal

    from domain_builders import D, add, agreement, ev, make_tenant, pay

    from lcv_tui.domain.models import (
        Adjustment,
        AdjustmentKind,
        EventKind,
        FeedbackStatus,
        VaultData,
    )

    tenant = make_tenant(paid_before=D(2026, 10, 1))
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 10, 5)),
        ev(EventKind.AANMANING, D(2026, 10, 15)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 10, 16)),
        ev(EventKind.SOMMATIE, D(2026, 11, 5)),
        ev(EventKind.SIGNAAL, D(2026, 11, 25), amount=Decimal("1700.00"), months=2),
        ev(EventKind.TERUGKOPPELING, D(2026, 11, 28), feedback=FeedbackStatus.HULP_GEACCEPTEERD),
    )
    pay(tenant, D(2026, 12, 1), "850.00")  # the new rent is paid: the suspension holds (LCV 4.1 d)
    tenant.adjustments.append(
        Adjustment(kind=AdjustmentKind.CHARGE, on=D(2026, 11, 26), amount=Decimal("300.00"))
    )
    data = VaultData(agreements=[agreement()], tenants=[tenant])
    day = D(2026, 12, 2)
    case = case_for(tenant, day, settings=data.settings, agreement=data.agreements[0])
    assert case is not None and case.suspension_in_force
    assert case.verdict.reason(rules.REPEAT_GROWN).ok and case.verdict.reason(rules.ONCE_A_MONTH).ok
    reason = case.verdict.reason(rules.SUSPENDED)
    assert not reason.ok and reason.article == "LCV 4.1, 4.2 a"
    assert "opgeschort tot en met 28-12-2026" in reason.text
    assert case.stage == Stage.OPGESCHORT
    assert tenant.id not in {r.tenant_id for r in select_signals(data, day).records}
