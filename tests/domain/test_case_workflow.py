"""The case: episodes, which events belong to it, steps, stages, feedback, objection, withdrawal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import D, add, case, ev, full_process, make_tenant, pay

from lcv_tui.domain.case_terms import FEEDBACK_NEXT_STEP, StepKey, StepStatus
from lcv_tui.domain.models import Channel, EventKind, FeedbackStatus
from lcv_tui.domain.stage import Stage


def signalled(**fields):
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1), **fields))
    return add(tenant, ev(EventKind.SIGNAAL, D(2026, 4, 20), amount=Decimal("1700.00"), months=2))


def test_paid_up_tenant_has_no_case():
    tenant = make_tenant(paid_before=D(2026, 12, 1))
    assert case(tenant, D(2026, 11, 23)) is None
    assert Stage.BETAALD.text() == "✓ Betaald"


def test_events_belong_to_the_case_from_the_first_day_of_the_episode():
    tenant = make_tenant(paid_before=D(2026, 1, 1))
    # Episode 1: January unpaid, reminder, paid off on 20 January; a note on that same day.
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 1, 5)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 1, 20)),
    )
    pay(tenant, D(2026, 1, 20), "850.00")
    for due in (D(2026, 2, 1),):
        pay(tenant, due, "850.00")
    # Episode 2 opens on 2 March; a letter recorded that same day belongs to it.
    add(tenant, ev(EventKind.HERINNERING, D(2026, 3, 2)))
    c = case(tenant, D(2026, 3, 10))
    assert c.opened_on == D(2026, 3, 2)
    assert [(e.kind, e.on) for e in c.events] == [(EventKind.HERINNERING, D(2026, 3, 2))]
    # The contact effort of episode 1 does not count for episode 2 (LCV 2.1 b per episode).
    assert c.step(StepKey.PERSOONLIJK_CONTACT).status != StepStatus.DONE


def test_partial_payment_keeps_the_episode_open_and_oldest_due_moves():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    pay(tenant, D(2026, 4, 10), "850.00")  # pays March late, April stays open
    c = case(tenant, D(2026, 4, 12))
    assert c.opened_on == D(2026, 3, 2) and c.first_due == D(2026, 3, 1)
    assert c.arrears.oldest_due == D(2026, 4, 1) and c.arrears.days_overdue == 11


def test_letters_come_in_order_and_a_later_letter_makes_an_earlier_one_unneeded():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    c = case(tenant, D(2026, 3, 20))
    assert c.step(StepKey.HERINNERING).status == StepStatus.OVERDUE
    assert c.step(StepKey.AANMANING).status == StepStatus.UPCOMING  # waits for the reminder
    add(tenant, ev(EventKind.HERINNERING, D(2026, 3, 20)))
    c = case(tenant, D(2026, 3, 21))
    # not before the pay-by date of the reminder: posted Friday 20 March, received on the second
    # PostNL delivery day (Tuesday 24 March), 7 days after receipt → Tuesday 31 March (issue 13.2/13.3)
    assert c.step(StepKey.AANMANING).suggested == D(2026, 3, 31)
    tenant2 = make_tenant(paid_before=D(2026, 3, 1))
    add(tenant2, ev(EventKind.AANMANING, D(2026, 3, 15)))
    c = case(tenant2, D(2026, 3, 16))
    assert c.step(StepKey.HERINNERING).status == StepStatus.NOT_NEEDED
    assert c.stage == Stage.AANMANING


@pytest.mark.parametrize(
    "on, stage, detail",
    [
        (D(2026, 3, 3), Stage.TE_LAAT, ""),
        (D(2026, 4, 10), Stage.BEZWAARTERMIJN, "tot 15-04-2026"),
        (D(2026, 4, 16), Stage.KLAAR, ""),
    ],
)
def test_stages_along_the_way(on, stage, detail):
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    if on > D(2026, 4, 1):
        full_process(tenant)
    c = case(tenant, on)
    assert (c.stage, c.stage_detail) == (stage, detail)
    assert c.next_step


def test_blocked_stage_names_the_reason():
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1)), contact=False)
    c = case(tenant, D(2026, 4, 20))
    assert c.stage == Stage.NIET_KLAAR and c.stage_detail == "persoonlijk contact ontbreekt"
    assert c.step(StepKey.SIGNAAL).status == StepStatus.BLOCKED
    assert c.step(StepKey.PERSOONLIJK_CONTACT).status == StepStatus.OVERDUE
    no_agreement = case(
        full_process(make_tenant(paid_before=D(2026, 3, 1), gemeente="Zeist")),
        D(2026, 4, 20),
        no_agreement=True,
    )
    assert no_agreement.stage == Stage.GEEN_OVEREENKOMST
    assert "Zeist" in no_agreement.next_step


def test_objection_holds_across_episodes_until_withdrawn():
    tenant = make_tenant(paid_before=D(2026, 1, 1))
    add(tenant, ev(EventKind.BEZWAAR, D(2026, 1, 10), channel=Channel.EMAIL))
    pay(tenant, D(2026, 1, 20), "850.00")
    pay(tenant, D(2026, 2, 1), "850.00")
    full_process(tenant)  # episode 2 from March
    c = case(tenant, D(2026, 4, 20))
    assert c.objection_active and c.stage == Stage.BEZWAAR
    assert c.step(StepKey.BEZWAARTERMIJN).status == StepStatus.BLOCKED
    assert not c.allowed
    add(tenant, ev(EventKind.BEZWAAR_INGETROKKEN, D(2026, 4, 15)))
    c = case(tenant, D(2026, 4, 20))
    assert not c.objection_active and c.stage == Stage.KLAAR


def test_same_day_objection_and_withdrawal_follow_the_recorded_order():
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1)))
    add(
        tenant, ev(EventKind.BEZWAAR_INGETROKKEN, D(2026, 4, 10))
    )  # recorded first: nothing to withdraw yet
    add(tenant, ev(EventKind.BEZWAAR, D(2026, 4, 10)))
    assert case(tenant, D(2026, 4, 20)).objection_active


def test_signalled_waits_for_feedback_then_collection_continues():
    tenant = signalled()
    c = case(tenant, D(2026, 5, 1))
    assert c.stage == Stage.GEMELD
    assert c.step(StepKey.TERUGKOPPELING).status == StepStatus.UPCOMING
    assert c.step(StepKey.TERUGKOPPELING).suggested == D(2026, 5, 18)
    c = case(tenant, D(2026, 5, 19))
    assert c.stage == Stage.GEEN_HULP
    assert c.step(StepKey.TERUGKOPPELING).status == StepStatus.NOT_NEEDED
    assert c.step(StepKey.OPSCHORTING).status == StepStatus.NOT_NEEDED
    assert "LCV 3.2" in c.next_step


@pytest.mark.parametrize(
    "status, words",
    [
        (FeedbackStatus.HERHAALD_SIGNAAL, "alleen als de achterstand is opgelopen"),
        (FeedbackStatus.ONTERECHT, "controleer drempelbedrag en termijn"),
        (FeedbackStatus.GEEN_INWONER, "controleer de gemeente van deze huurder"),
        (FeedbackStatus.OVERIG, "toelichting van de gemeente"),
    ],
)
def test_feedback_statuses_lead_to_a_next_step(status, words):
    tenant = add(signalled(), ev(EventKind.TERUGKOPPELING, D(2026, 5, 4), feedback=status))
    c = case(tenant, D(2026, 5, 6))
    assert c.feedback_status == status
    assert c.stage == Stage.TERUGKOPPELING and c.stage_detail == status.label.lower()
    assert words in c.next_step and c.next_step == FEEDBACK_NEXT_STEP[status]
    assert c.suspension_until is None


def test_deceased_stops_signalling_and_closes():
    tenant = add(
        signalled(), ev(EventKind.TERUGKOPPELING, D(2026, 5, 4), feedback=FeedbackStatus.OVERLEDEN)
    )
    c = case(tenant, D(2026, 6, 20))
    assert c.deceased and c.stage == Stage.OVERLEDEN
    assert "niet meer" in c.next_step
    assert c.step(StepKey.SIGNAAL).status == StepStatus.DONE


def test_suspension_is_thirty_days_from_acceptance():
    tenant = add(
        signalled(),
        ev(EventKind.TERUGKOPPELING, D(2026, 5, 6), feedback=FeedbackStatus.HULP_GEACCEPTEERD),
    )
    pay(tenant, D(2026, 6, 1), "850.00")
    c = case(tenant, D(2026, 6, 5))
    assert c.suspension_until == D(2026, 6, 5) and c.suspended
    assert c.step(StepKey.OPSCHORTING).status == StepStatus.DUE_TODAY
    c = case(tenant, D(2026, 6, 6))
    assert not c.suspended and c.step(StepKey.OPSCHORTING).status == StepStatus.DONE
    assert c.collection_may_resume


def test_paid_after_signal_then_new_arrears_still_asks_for_the_withdrawal():
    tenant = signalled()
    pay(tenant, D(2026, 5, 10), "2550.00")  # March, April, May
    c = case(tenant, D(2026, 5, 12))
    assert c.withdrawal_due and c.paid_on == D(2026, 5, 10) and not c.arrears.in_arrears
    c = case(tenant, D(2026, 6, 3))  # June unpaid: a new episode, the old signal still open
    assert c.opened_on == D(2026, 6, 2)
    assert c.withdrawal_due and c.stage == Stage.INTREKKEN and c.last_signal is None
    add(tenant, ev(EventKind.SIGNAAL_INGETROKKEN, D(2026, 6, 3)))
    c = case(tenant, D(2026, 6, 4))
    assert not c.withdrawal_due and c.stage == Stage.TE_LAAT


def test_signal_step_not_needed_when_paid_before_signalling():
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1)))
    pay(tenant, D(2026, 4, 15), "1700.00")
    assert case(tenant, D(2026, 4, 20)) is None


def test_every_step_has_article_label_and_dutch_explanation():
    c = case(signalled(), D(2026, 5, 1))
    assert [s.key for s in c.steps] == list(StepKey)
    for step in c.steps:
        assert step.article and step.label and step.explanation
    assert c.step(StepKey.SCHULDHULP_GEWEZEN).evidence.kind == EventKind.AANMANING
    assert c.step(StepKey.HERINNERING).done_on == D(2026, 3, 5)
    assert dt.date(2026, 5, 1) == c.on


def test_old_objection_shows_letter_progress_until_the_summons():
    tenant = make_tenant(paid_before=D(2026, 1, 1))
    add(tenant, ev(EventKind.BEZWAAR, D(2025, 12, 10), channel=Channel.EMAIL))
    add(tenant, ev(EventKind.HERINNERING, D(2026, 1, 5)))
    c = case(tenant, D(2026, 1, 8))
    assert c.objection_active and c.stage == Stage.HERINNERING and not c.allowed
    add(tenant, ev(EventKind.SOMMATIE, D(2026, 2, 5)))
    assert case(tenant, D(2026, 2, 6)).stage == Stage.BEZWAAR


def test_a_payment_on_the_next_due_date_does_not_restart_the_case():
    """Issue 13.4: paid on the next rent's due date or the day after, leaving that rent open: the
    same case, the same letters, the same verdict (LCV 3.1 d counted from the first unpaid due date)."""
    verdicts = []
    for paid_on in (D(2026, 3, 1), D(2026, 3, 2)):
        tenant = full_process(make_tenant(paid_before=D(2026, 2, 1)), due=D(2026, 2, 1))
        pay(tenant, paid_on, "850.00")  # February paid; March stays open
        c = case(tenant, D(2026, 3, 20))
        assert c.opened_on == D(2026, 2, 2) and c.first_due == D(2026, 2, 1)
        assert c.arrears.oldest_due == D(2026, 3, 1)
        assert c.done(EventKind.HERINNERING) is not None and c.sommatie is not None
        verdicts.append((c.allowed, [r.ok for r in c.verdict.reasons]))
    assert verdicts[0] == verdicts[1] and verdicts[0][0]
