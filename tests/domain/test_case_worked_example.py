"""The werkinstructie's "Voorgestelde werkwijze" as one story (rent due 1 March 2026, unpaid).

Reminder ~5 March, text 1 ~15 March, text 2 ~5 April, signal ~20 April after the objection
window, help accepted 6 May → collection suspended until 5 June; a partial payment on the way,
and payment in full after the signal → withdrawal due.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from domain_builders import D, make_tenant, vault

from lcv_tui.domain import actions
from lcv_tui.domain.agenda import ActionKind, Urgency, agenda
from lcv_tui.domain.case_terms import StepKey, StepStatus
from lcv_tui.domain.models import Channel, EventKind, FeedbackStatus, Route
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.workflow import case_for


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(10))


def current(data, tenant_id, on):
    tenant = data.tenant(tenant_id)
    return case_for(
        tenant, on, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )


def test_worked_example_from_the_werkinstructie():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    tid = tenant.id

    # On the due date itself nothing is late yet; the day after, the case opens.
    assert current(data, tid, D(2026, 3, 1)) is None
    case = current(data, tid, D(2026, 3, 2))
    assert case.opened_on == D(2026, 3, 2) and case.first_due == D(2026, 3, 1)
    assert case.stage == Stage.TE_LAAT
    assert case.step(StepKey.HERINNERING).suggested == D(2026, 3, 5)
    # Letters are dated on working days (issue 13.2): the 15th is a Sunday, the 5th of April is
    # Easter Sunday and the 6th Easter Monday.
    assert case.step(StepKey.AANMANING).suggested == D(2026, 3, 16)
    assert case.step(StepKey.SOMMATIE).suggested == D(2026, 4, 7)

    # Stap 1: reminder on the 5th.
    assert (
        current(data, tid, D(2026, 3, 5)).step(StepKey.HERINNERING).status == StepStatus.DUE_TODAY
    )
    actions.record_letter(
        data,
        tid,
        EventKind.HERINNERING,
        D(2026, 3, 5),
        Channel.POST,
        "Herinnering …",
        now=at(D(2026, 3, 5)),
        actor="app",
    )
    case = current(data, tid, D(2026, 3, 6))
    assert case.stage == Stage.HERINNERING
    assert case.verdict.reason("reminder").ok  # LCV 2.1 a

    # Stap 2: text 1 on the 15th; it also points to debt help and offers to pass the data (2.1 c, d).
    actions.record_letter(
        data,
        tid,
        EventKind.AANMANING,
        D(2026, 3, 15),
        Channel.EMAIL,
        "Aanmaning met tekst 1",
        now=at(D(2026, 3, 15)),
        actor="app",
    )
    actions.record_step(
        data,
        tid,
        EventKind.PERSOONLIJK_CONTACT,
        D(2026, 3, 16),
        Channel.TELEFOON,
        "Gebeld, niet opgenomen",
        now=at(D(2026, 3, 16)),
        actor="app",
    )
    actions.record_payment(
        data, tid, D(2026, 3, 20), "300,00", "Deelbetaling", now=at(D(2026, 3, 20)), actor="app"
    )
    case = current(data, tid, D(2026, 3, 21))
    assert case.stage == Stage.AANMANING
    assert case.arrears.amount == Decimal("550.00")
    for key in (
        StepKey.SCHULDHULP_GEWEZEN,
        StepKey.GEGEVENS_AANGEBODEN,
        StepKey.PERSOONLIJK_CONTACT,
    ):
        assert case.step(key).status == StepStatus.DONE

    # Stap 3: text 2 on 5 April (Easter Sunday; Easter Monday does not count as a working day).
    actions.record_letter(
        data,
        tid,
        EventKind.SOMMATIE,
        D(2026, 4, 5),
        Channel.POST,
        "Sommatie met tekst 2",
        now=at(D(2026, 4, 5)),
        actor="app",
    )
    case = current(data, tid, D(2026, 4, 10))
    assert case.objection_deadline == D(2026, 4, 15)
    assert (
        case.stage == Stage.BEZWAARTERMIJN
        and case.status_text == "… Bezwaartermijn loopt tot 15-04-2026"
    )
    assert not case.allowed
    assert case.step(StepKey.SIGNAAL).suggested == D(2026, 4, 20)

    # The window is over on the 16th: allowed (ready), suggested around the 20th.
    case = current(data, tid, D(2026, 4, 16))
    assert case.stage == Stage.KLAAR and case.allowed
    assert case.step(StepKey.SIGNAAL).status == StepStatus.UPCOMING
    case = current(data, tid, D(2026, 4, 20))
    assert case.step(StepKey.SIGNAAL).status == StepStatus.DUE_TODAY
    items = [i for i in agenda(data, D(2026, 4, 20)) if i.tenant_id == tid]
    assert [(i.action, i.urgency) for i in items] == [(ActionKind.MELDEN, Urgency.TODAY)]

    # Stap 4: the signal, amount and months from the ledger (550 of March + 850 of April).
    signal = actions.record_signal(
        data, tid, D(2026, 4, 20), Route.UPLOAD, now=at(D(2026, 4, 20)), actor="app"
    )
    assert signal.amount == Decimal("1400.00") and signal.months == 2
    case = current(data, tid, D(2026, 4, 21))
    assert case.stage == Stage.GEMELD
    assert case.feedback_due_by == D(2026, 5, 18)  # LCV 3.13: 4 weeks

    # Stap 5 and 6: help accepted 6 May → suspended until 5 June.
    actions.record_feedback(
        data,
        tid,
        FeedbackStatus.HULP_GEACCEPTEERD,
        D(2026, 5, 6),
        "",
        now=at(D(2026, 5, 7)),
        actor="app",
    )
    case = current(data, tid, D(2026, 5, 7))
    assert case.suspension_until == D(2026, 6, 5)
    assert (
        case.stage == Stage.OPGESCHORT and case.status_text == "‖ Incasso opgeschort tot 05-06-2026"
    )
    assert not case.collection_may_resume
    assert any(
        i.action == ActionKind.OPSCHORTING_EINDIGT and i.due == D(2026, 6, 5)
        for i in agenda(data, D(2026, 5, 25))
    )

    # Paid in full after the signal → withdrawal due, until recorded.
    owed = case.arrears.amount
    actions.record_payment(
        data, tid, D(2026, 5, 25), owed, "Alles betaald", now=at(D(2026, 5, 25)), actor="app"
    )
    case = current(data, tid, D(2026, 5, 26))
    assert case is not None and case.withdrawal_due
    assert case.stage == Stage.INTREKKEN
    assert case.step(StepKey.INTREKKEN).suggested == D(2026, 5, 25)
    assert case.step(StepKey.INTREKKEN).status == StepStatus.OVERDUE
    assert [i.action for i in agenda(data, D(2026, 5, 26)) if i.tenant_id == tid] == [
        ActionKind.INTREKKEN
    ]
    actions.record_withdrawal(data, tid, D(2026, 5, 27), now=at(D(2026, 5, 27)), actor="app")
    assert current(data, tid, D(2026, 5, 28)) is None

    # Every change left an audit entry, and the chain holds.
    from lcv_tui.domain import audit

    assert audit.verify(data.audit) == []
    assert [e.action for e in data.audit] == [
        "event.herinnering",
        "event.aanmaning",
        "event.persoonlijk_contact",
        "payment.add",
        "event.sommatie",
        "event.signaal",
        "event.terugkoppeling",
        "payment.add",
        "event.signaal_ingetrokken",
    ]


def test_new_rent_unpaid_during_suspension_lets_collection_resume():
    """LCV 4.1 d and 4.3: the June rent falls due during the suspension and stays unpaid."""
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    tid = tenant.id
    for kind, day in (
        (EventKind.HERINNERING, D(2026, 3, 5)),
        (EventKind.AANMANING, D(2026, 3, 15)),
        (EventKind.SOMMATIE, D(2026, 4, 5)),
    ):
        actions.record_letter(data, tid, kind, day, Channel.POST, None, now=at(day), actor="app")
    actions.record_step(
        data,
        tid,
        EventKind.PERSOONLIJK_CONTACT,
        D(2026, 3, 16),
        Channel.BEZOEK,
        "",
        now=at(D(2026, 3, 16)),
        actor="app",
    )
    actions.record_signal(
        data, tid, D(2026, 4, 20), Route.UPLOAD, now=at(D(2026, 4, 20)), actor="app"
    )
    actions.record_feedback(
        data,
        tid,
        FeedbackStatus.HULP_GEACCEPTEERD,
        D(2026, 5, 6),
        "",
        now=at(D(2026, 5, 6)),
        actor="app",
    )

    # On the June due date itself nothing is late yet.
    assert not current(data, tid, D(2026, 6, 1)).collection_may_resume
    case = current(data, tid, D(2026, 6, 2))
    assert case.collection_may_resume
    assert "LCV 4.1 d" in case.collection_note and "LCV 4.3" in case.collection_note
    assert case.stage == Stage.INCASSO_HERVATTEN
    items = [i for i in agenda(data, D(2026, 6, 3)) if i.action == ActionKind.INCASSO_HERVATTEN]
    assert items and items[0].urgency == Urgency.OVERDUE and items[0].due == D(2026, 6, 2)

    # Paying the new rent keeps the suspension in force (4.1 d is met again).
    actions.record_payment(
        data, tid, D(2026, 6, 3), "850,00", "Huur juni", now=at(D(2026, 6, 3)), actor="app"
    )
    case = current(data, tid, D(2026, 6, 4))
    assert not case.collection_may_resume and case.stage == Stage.OPGESCHORT

    # After the 30 days, collection may resume anyway (4.2 a: at most 30 days).
    case = current(data, tid, D(2026, 6, 6))
    assert case.collection_may_resume and case.stage == Stage.INCASSO_HERVATTEN
    assert "LCV 4.2 a" in case.collection_note


def test_contact_from_the_municipality_keeps_the_suspension():
    """LCV 4.3 applies only "zonder dat hierover contact is geweest"."""
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    tid = tenant.id
    for kind, day in (
        (EventKind.HERINNERING, D(2026, 3, 5)),
        (EventKind.AANMANING, D(2026, 3, 15)),
        (EventKind.SOMMATIE, D(2026, 4, 5)),
    ):
        actions.record_letter(data, tid, kind, day, Channel.POST, None, now=at(day), actor="app")
    actions.record_step(
        data,
        tid,
        EventKind.PERSOONLIJK_CONTACT,
        D(2026, 3, 16),
        Channel.BEZOEK,
        "",
        now=at(D(2026, 3, 16)),
        actor="app",
    )
    actions.record_signal(
        data, tid, D(2026, 4, 20), Route.UPLOAD, now=at(D(2026, 4, 20)), actor="app"
    )
    actions.record_feedback(
        data,
        tid,
        FeedbackStatus.HULP_GEACCEPTEERD,
        D(2026, 5, 6),
        "",
        now=at(D(2026, 5, 6)),
        actor="app",
    )
    actions.record_feedback(
        data,
        tid,
        FeedbackStatus.OVERIG,
        D(2026, 6, 2),
        "Gemeente belde: betaling juni volgt via bewindvoerder",
        now=at(D(2026, 6, 2)),
        actor="app",
    )
    case = current(data, tid, D(2026, 6, 3))
    assert not case.collection_may_resume
    assert "overleg met de gemeente" in case.collection_note
