"""Issue 13.8: the rest of the LCV as recorded facts, each rule naming its article."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import D, add, agreement, ev, make_tenant, pay

from lcv_tui.domain import actions, rules
from lcv_tui.domain.case_terms import FEEDBACK_NEXT_STEP, StepKey
from lcv_tui.domain.models import EventKind, FeedbackStatus, VaultData
from lcv_tui.domain.workflow import case_for


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def signalled_data():
    tenant = make_tenant(paid_before=D(2026, 10, 1))
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 10, 5)),
        ev(EventKind.AANMANING, D(2026, 10, 15)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 10, 16)),
        ev(EventKind.SOMMATIE, D(2026, 11, 5)),
        ev(EventKind.SIGNAAL, D(2026, 11, 20), amount=Decimal("1700.00"), months=2),
    )
    return VaultData(agreements=[agreement()], tenants=[tenant]), tenant


def case(data, tenant, on):
    return case_for(tenant, on, settings=data.settings, agreement=data.agreements[0])


def test_a_threatening_situation_shortens_the_feedback_term_to_three_working_days():
    """Werkinstructie stap 3 (Wgs art. 4): "binnen 3 werkdagen bij een bedreigende situatie"."""
    data, tenant = signalled_data()
    assert case(data, tenant, D(2026, 11, 21)).feedback_due_by == D(
        2026, 12, 18
    )  # 4 weeks (LCV 3.13)
    actions.record_fact(
        data,
        tenant.id,
        EventKind.DREIGENDE_HUISUITZETTING,
        D(2026, 11, 27),
        now=at(D(2026, 11, 27)),
        actor="app",
    )
    c = case(data, tenant, D(2026, 11, 28))
    assert c.feedback_due_by == D(2026, 12, 2)  # Friday 27th + 3 working days
    assert c.step(StepKey.TERUGKOPPELING).suggested == D(2026, 12, 2)
    assert data.audit[-1].action == "event.dreigende_huisuitzetting"


@pytest.mark.parametrize(
    "status", [FeedbackStatus.BETALING_NIET_HERVAT, FeedbackStatus.INLOPEN_VOLGENDE_MAAND]
)
def test_feedback_of_lcv_3_14_stops_collection_resuming_under_4_3(status):
    """LCV 3.14: the municipality reports that payments cannot resume at once or are caught up next
    month; collection does not resume on the landlord's own motion (LCV 4.1 d, 4.3)."""
    data, tenant = signalled_data()
    actions.record_feedback(
        data,
        tenant.id,
        FeedbackStatus.HULP_GEACCEPTEERD,
        D(2026, 11, 25),
        now=at(D(2026, 11, 25)),
        actor="app",
    )
    on = D(2026, 12, 3)  # December rent unpaid during the suspension
    assert case(data, tenant, on).collection_may_resume  # LCV 4.1 d without contact
    actions.record_feedback(
        data, tenant.id, status, D(2026, 12, 2), now=at(D(2026, 12, 2)), actor="app"
    )
    c = case(data, tenant, on)
    assert not c.collection_may_resume
    assert "LCV 3.14" in status.label and "LCV 4.3" in FEEDBACK_NEXT_STEP[status]


def test_lcv_4_2_b_and_c_are_steps_with_dates_after_help_accepted():
    data, tenant = signalled_data()
    with pytest.raises(ValueError, match="LCV 4.2 b–c"):
        actions.record_fact(
            data,
            tenant.id,
            EventKind.INCASSO_ON_HOLD,
            D(2026, 11, 24),
            now=at(D(2026, 11, 24)),
            actor="app",
        )
    actions.record_feedback(
        data,
        tenant.id,
        FeedbackStatus.HULP_GEACCEPTEERD,
        D(2026, 11, 25),
        now=at(D(2026, 11, 25)),
        actor="app",
    )
    pay(tenant, D(2026, 12, 1), "850.00")
    duties = {r.article: r for r in rules.suspension_duties(case(data, tenant, D(2026, 11, 26)))}
    assert not duties["LCV 4.2 b"].ok and not duties["LCV 4.2 c"].ok
    actions.record_fact(
        data,
        tenant.id,
        EventKind.INCASSOKOSTEN_GESTOPT,
        D(2026, 11, 26),
        now=at(D(2026, 11, 26)),
        actor="app",
    )
    actions.record_fact(
        data,
        tenant.id,
        EventKind.INCASSO_ON_HOLD,
        D(2026, 11, 27),
        now=at(D(2026, 11, 27)),
        actor="app",
    )
    duties = {r.article: r for r in rules.suspension_duties(case(data, tenant, D(2026, 11, 28)))}
    assert duties["LCV 4.2 b"].ok and "26-11-2026" in duties["LCV 4.2 b"].text
    assert duties["LCV 4.2 c"].ok and "27-11-2026" in duties["LCV 4.2 c"].text


def test_an_ended_agreement_blocks_signals_and_the_term_renews_tacitly():
    """LCV 7.1: one year from signing, renewed tacitly by a year unless ended 3 months before."""
    deal = agreement(signed_on=D(2024, 3, 15))
    assert rules.agreement_term(deal, D(2026, 11, 23)) == (D(2027, 3, 14), D(2026, 12, 14))
    data, tenant = signalled_data()
    data.agreements[0].ended_on = D(2026, 11, 30)
    reason = case(data, tenant, D(2026, 12, 1)).verdict.reason(rules.AGREEMENT)
    assert (
        not reason.ok and reason.article == "LCV 7.1" and "geëindigd op 30-11-2026" in reason.text
    )
    assert rules.agreement_term(data.agreements[0], D(2026, 12, 1)) is None
    assert case(data, tenant, D(2026, 11, 30)).verdict.reason(rules.AGREEMENT).ok


def test_a_row_the_meldpunt_ignored_does_not_count_as_signalled():
    """Werkinstructie stap 3 (issue 13.5): a meldpunt ignores rows it cannot place and says so after
    the upload. Recorded, the signal is void: the tenant was not signalled, no feedback is awaited,
    and a new signal may go in the same month to the right meldpunt."""
    from lcv_tui.domain.dossier import build_dossier

    data, tenant = signalled_data()
    with_signal = case(data, tenant, D(2026, 11, 21))
    assert with_signal.last_signal is not None
    assert not with_signal.verdict.reason(rules.ONCE_A_MONTH).ok
    actions.record_fact(
        data,
        tenant.id,
        EventKind.SIGNAAL_GENEGEERD,
        D(2026, 11, 21),
        "Postcode buiten RIS",
        now=at(D(2026, 11, 21)),
        actor="app",
    )
    c = case(data, tenant, D(2026, 11, 22))
    assert c.last_signal is None and c.open_signal is None and c.signals == ()
    assert c.verdict.reason(rules.ONCE_A_MONTH).ok and c.allowed
    assert (
        "het telt niet als gemeld (werkinstructie stap 3)"
        in build_dossier(data, tenant.id, D(2026, 11, 22)).text
    )


def test_an_ignored_row_needs_a_signal_first():
    tenant = make_tenant(paid_before=D(2026, 10, 1))
    data = VaultData(agreements=[agreement()], tenants=[tenant])
    with pytest.raises(ValueError, match="geen signaal"):
        actions.record_fact(
            data,
            tenant.id,
            EventKind.SIGNAAL_GENEGEERD,
            D(2026, 11, 2),
            now=at(D(2026, 11, 2)),
            actor="app",
        )
