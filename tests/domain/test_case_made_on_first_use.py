"""The parts of a case made on first use (verdict, first blocking rule, stage, next step) and the
remembered pure functions (dates, money): they answer as the plain computation does, and a change
made through ``actions`` shows in the next case and agenda."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import D, full_process, make_tenant, vault

from lcv_tui.domain import actions, rules, stage
from lcv_tui.domain.agenda import ActionKind, agenda
from lcv_tui.domain.calendar import add_months, add_working_days, next_working_day
from lcv_tui.domain.case_terms import StepKey
from lcv_tui.domain.deadlines import pay_by
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Channel, EventKind
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.validation import format_date, format_money
from lcv_tui.domain.workflow import case_for


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9))


def _case(data, tenant, on):
    return case_for(
        tenant, on, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )


@pytest.mark.parametrize("offset", range(-60, 120, 7))
def test_parts_made_on_first_use_agree_with_the_whole_computation(offset):
    today = D(2026, 11, 23) + dt.timedelta(days=offset)
    data = build_demo(D(2026, 11, 23))
    for tenant in data.tenants:
        case = _case(data, tenant, today)
        if case is None:
            continue
        verdict = rules.evaluate(case)
        assert case.first_blocking == (verdict.blocking[0] if verdict.blocking else None)
        assert case.verdict == verdict and case.allowed == verdict.allowed
        assert rules.eligibility(case, today) is case.verdict  # made once, then kept
        assert (case.stage, case.stage_detail) == stage.stage_of(case)
        assert case.next_step == stage.next_step_of(case, case.stage)
        # The agenda asks these directly instead of making the whole verdict.
        assert (case.stage == Stage.OVERLEDEN) == case.deceased
        assert rules.rule_no_objection(case) == verdict.reason(rules.NO_OBJECTION)
        assert rules.rule_agreement(case) == verdict.reason(rules.AGREEMENT)
        assert [step.key for step in case.steps] == list(StepKey)


def test_a_change_through_actions_shows_in_the_next_case_and_agenda():
    tenant = make_tenant(paid_before=D(2026, 3, 1))  # March unpaid
    data = vault(tenant)

    def actions_on(day: dt.date) -> list[ActionKind]:
        return [item.action for item in agenda(data, day)]

    day = D(2026, 3, 10)
    assert ActionKind.HERINNERING in actions_on(day) and ActionKind.AANMANING not in actions_on(day)
    assert _case(data, tenant, day).stage == Stage.TE_LAAT

    actions.record_letter(
        data, tenant.id, EventKind.HERINNERING, day, Channel.POST, None, now=at(day), actor="app"
    )
    case = _case(data, tenant, day)
    assert (
        case.stage == Stage.HERINNERING and case.first_blocking.code == rules.DAYS_OVERDUE
    )  # 9 days, 30 needed
    assert ActionKind.AANMANING in actions_on(day) and ActionKind.HERINNERING not in actions_on(day)

    later = D(2026, 4, 20)
    for kind, on in ((EventKind.AANMANING, D(2026, 3, 18)), (EventKind.SOMMATIE, D(2026, 4, 6))):
        actions.record_letter(
            data, tenant.id, kind, on, Channel.POST, None, now=at(on), actor="app"
        )
    case = _case(data, tenant, later)
    assert case.first_blocking.code == rules.PERSONAL_CONTACT and not case.allowed
    assert ActionKind.MELDEN not in actions_on(later)
    actions.record_step(
        data,
        tenant.id,
        EventKind.PERSOONLIJK_CONTACT,
        D(2026, 4, 8),
        Channel.TELEFOON,
        now=at(later),
        actor="app",
    )
    case = _case(data, tenant, later)
    assert case.allowed and case.first_blocking is None and case.stage == Stage.KLAAR
    assert ActionKind.MELDEN in actions_on(later)

    actions.record_objection(data, tenant.id, later, now=at(later), actor="app")
    case = _case(data, tenant, later)
    assert case.first_blocking.code == rules.NO_OBJECTION and case.stage == Stage.BEZWAAR
    assert ActionKind.BEZWAAR in actions_on(later) and ActionKind.MELDEN not in actions_on(later)

    actions.record_payment(
        data, tenant.id, later, "1700.00", now=at(later), actor="app"
    )  # March and April
    assert _case(data, tenant, later) is None
    assert actions_on(later) == []


def test_a_new_agreement_shows_in_the_next_agenda():
    tenant = full_process(make_tenant(gemeente="Zeist", paid_before=D(2026, 3, 1)))
    data = vault(tenant)
    day = D(2026, 4, 20)
    assert [i.action for i in agenda(data, day)] == [ActionKind.OVEREENKOMST]
    data.agreements.append(data.agreements[0].model_copy(update={"gemeente": "Zeist"}))
    assert [i.action for i in agenda(data, day)] == [ActionKind.MELDEN]


def test_remembered_date_functions_answer_as_computed():
    for n in range(800):
        day = D(2025, 12, 1) + dt.timedelta(days=n)
        assert rules.fmt_date(day) == format_date(day) == rules.fmt_date.__wrapped__(day)
        for months in (-13, -1, 0, 1, 2, 25):
            assert add_months(day, months) == add_months.__wrapped__(day, months)
        assert add_months(day, 1, day_of_month=31) == add_months.__wrapped__(
            day, 1, day_of_month=31
        )
        for count in (0, 1, 2, 5):
            assert add_working_days(day, count) == add_working_days.__wrapped__(day, count)
        assert next_working_day(day) == next_working_day.__wrapped__(day)
        for days in (5, 7, 10):
            assert pay_by(day, days) == pay_by.__wrapped__(day, days)


@pytest.mark.parametrize(
    "text", ["0.00", "5", "5.0", "5.00", "999.99", "1000", "1234.5", "1234567.89"]
)
def test_remembered_money_text_answers_as_computed(text):
    # Equal amounts written differently share one remembered answer; the text is the same for them.
    amount = Decimal(text)
    assert rules.fmt_money(amount) == format_money(amount)
    assert rules.fmt_money(amount.quantize(Decimal("0.01"))) == format_money(amount)
