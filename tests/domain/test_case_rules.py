"""Each eligibility rule on its own: article, Dutch text, fix."""

from __future__ import annotations

from decimal import Decimal

import pytest
from domain_builders import D, add, agreement, case, ev, full_process, make_tenant, pay

from lcv_tui.domain import rules
from lcv_tui.domain.models import EventKind, FeedbackStatus, Meldpunt

READY_ON = D(2026, 4, 20)


def ready_tenant(**fields):
    return full_process(make_tenant(paid_before=D(2026, 3, 1), **fields))


def verdict(tenant, on=READY_ON, **kw):
    c = case(tenant, on, **kw)
    assert c is not None
    return rules.eligibility(c, on)


def test_ready_case_passes_every_rule_and_lists_them_all():
    v = verdict(ready_tenant())
    assert v.allowed and v.blocking == ()
    assert [r.code for r in v.reasons] == [
        rules.IN_ARREARS,
        rules.DAYS_OVERDUE,
        rules.MIN_AMOUNT,
        rules.REMINDER,
        rules.PERSONAL_CONTACT,
        rules.DEBT_HELP,
        rules.DATA_OFFER,
        rules.NO_OBJECTION,
        rules.OBJECTION_WINDOW,
        rules.AGREEMENT,
        rules.ONCE_A_MONTH,
        rules.REPEAT_GROWN,
        rules.NOT_DECEASED,
        rules.STILL_RESIDENT,
        rules.SUSPENDED,
    ]
    articles = {r.code: r.article for r in v.reasons}
    assert articles[rules.DAYS_OVERDUE] == "LCV 3.1 d"
    assert articles[rules.REMINDER] == "LCV 2.1 a, 3.1"
    assert articles[rules.PERSONAL_CONTACT] == "LCV 2.1 b"
    assert articles[rules.DEBT_HELP] == "LCV 2.1 c"
    assert articles[rules.DATA_OFFER] == "LCV 2.1 d"
    assert articles[rules.NO_OBJECTION] == "LCV 2.2"
    assert articles[rules.OBJECTION_WINDOW] == "werkinstructie stap 2 (tekst 2)"
    assert articles[rules.AGREEMENT] == "werkinstructie stap 1"
    assert all(r.fix == "" for r in v.reasons)
    assert "Melden mag" in v.message


def test_more_than_thirty_days_lcv_3_1_d_and_tekst_1():
    """LCV 3.1 d "vanaf 30 dagen" and tekst 1 "meer dan 30 dagen": day 31 satisfies both."""
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 3, 5)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 3, 6)),
        ev(EventKind.SOMMATIE, D(2026, 3, 10)),
    )
    early = verdict(tenant, D(2026, 3, 30)).reason(rules.DAYS_OVERDUE)
    assert not early.ok and "pas 29 dagen" in early.text and "meer dan 30 dagen" in early.text
    assert early.fix == "Wacht tot 01-04-2026."
    day_30 = verdict(tenant, D(2026, 3, 31))
    assert not day_30.reason(rules.DAYS_OVERDUE).ok and not day_30.allowed
    day_31 = verdict(tenant, D(2026, 4, 1))
    assert day_31.reason(rules.DAYS_OVERDUE).ok and day_31.allowed


def test_agreement_may_raise_the_threshold_and_set_a_minimum_amount():
    tenant = ready_tenant()
    strict = agreement(threshold_days=60, min_amount=Decimal("2000.00"))
    v = verdict(tenant, agr=strict)
    days = v.reason(rules.DAYS_OVERDUE)
    assert (
        not days.ok
        and "overeenkomst met gemeente Utrecht legt de grens op meer dan 60 dagen" in days.text
    )
    minimum = v.reason(rules.MIN_AMOUNT)
    assert not minimum.ok and "drempelbedrag" in minimum.text and "€ 2.000,00" in minimum.text
    assert minimum.article.startswith("LCV 3.1 d")


def test_reminder_lcv_2_1_a_any_letter_counts():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    v = verdict(tenant, D(2026, 4, 20))
    reminder = v.reason(rules.REMINDER)
    assert (
        not reminder.ok and reminder.text == "Er is nog geen schriftelijke herinnering verstuurd."
    )
    assert "herinneringsbrief" in reminder.fix
    add(tenant, ev(EventKind.AANMANING, D(2026, 3, 15)))
    assert verdict(tenant, D(2026, 4, 20)).reason(rules.REMINDER).ok


def test_personal_contact_lcv_2_1_b_needs_an_explicit_record():
    tenant = ready_tenant(surname="Öztürk")
    tenant.events = [e for e in tenant.events if e.kind != EventKind.PERSOONLIJK_CONTACT]
    v = verdict(tenant)
    contact = v.reason(rules.PERSONAL_CONTACT)
    assert not contact.ok and not v.allowed
    assert "hoe en wanneer" in contact.fix


@pytest.mark.parametrize("letter", [EventKind.AANMANING, EventKind.SOMMATIE])
def test_texts_1_and_2_satisfy_lcv_2_1_c_and_d(letter):
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    add(tenant, ev(letter, D(2026, 3, 15)))
    v = verdict(tenant, D(2026, 3, 20))
    assert v.reason(rules.DEBT_HELP).ok and v.reason(rules.DATA_OFFER).ok


def test_herinnering_alone_does_not_satisfy_c_and_d_but_explicit_events_do():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    add(tenant, ev(EventKind.HERINNERING, D(2026, 3, 5)))
    v = verdict(tenant, D(2026, 3, 20))
    assert not v.reason(rules.DEBT_HELP).ok and not v.reason(rules.DATA_OFFER).ok
    assert "tekst 1" in v.reason(rules.DEBT_HELP).fix
    add(
        tenant,
        ev(EventKind.SCHULDHULP_GEWEZEN, D(2026, 3, 6)),
        ev(EventKind.GEGEVENS_AANGEBODEN, D(2026, 3, 6)),
    )
    v = verdict(tenant, D(2026, 3, 20))
    assert v.reason(rules.DEBT_HELP).ok and v.reason(rules.DATA_OFFER).ok


def test_objection_lcv_2_2_blocks_until_withdrawn():
    tenant = ready_tenant(surname="Bakker-Smit")
    add(tenant, ev(EventKind.BEZWAAR, D(2026, 4, 8)))
    v = verdict(tenant)
    objection = v.reason(rules.NO_OBJECTION)
    assert not objection.ok and not v.allowed
    assert "08-04-2026" in objection.text and "niet op in een signaal" in objection.fix
    add(tenant, ev(EventKind.BEZWAAR_INGETROKKEN, D(2026, 4, 18)))
    assert verdict(tenant).allowed


def test_objection_window_of_text_2():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 3, 5)),
        ev(EventKind.AANMANING, D(2026, 3, 15)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 3, 16)),
    )
    missing = verdict(tenant).reason(rules.OBJECTION_WINDOW)
    assert not missing.ok and "sommatie met tekst 2 is nog niet verstuurd" in missing.text
    add(
        tenant, ev(EventKind.SOMMATIE, D(2026, 4, 14))
    )  # post: received 16 April, window until 23 April
    running = verdict(tenant, D(2026, 4, 23)).reason(rules.OBJECTION_WINDOW)
    assert (
        not running.ok
        and "tot en met 23-04-2026" in running.text
        and running.fix == "Wacht tot 24-04-2026."
    )
    assert verdict(tenant, D(2026, 4, 24)).allowed


def test_agreement_werkinstructie_stap_1():
    tenant = ready_tenant(gemeente="Zeist")
    v = verdict(tenant, no_agreement=True)
    reason = v.reason(rules.AGREEMENT)
    assert (
        not reason.ok
        and "gemeente Zeist" in reason.text
        and "Achterstanden aanleveren" in reason.fix
    )
    assert [r.code for r in v.blocking] == [rules.AGREEMENT]
    website = agreement("Zeist", Meldpunt.WEBSITE, signed_on=D(2026, 12, 1))
    assert verdict(tenant, agr=website).allowed  # signed on the spot at the website
    future = agreement("Zeist", Meldpunt.BKR_VPS, signed_on=D(2026, 5, 1))
    assert not verdict(tenant, agr=future).reason(rules.AGREEMENT).ok


def test_not_twice_in_the_same_month_lcv_3_2():
    tenant = ready_tenant()
    add(tenant, ev(EventKind.SIGNAAL, D(2026, 4, 20), amount=Decimal("1700.00"), months=2))
    v = verdict(tenant, D(2026, 4, 28))
    reason = v.reason(rules.ONCE_A_MONTH)
    assert not reason.ok and reason.fix.startswith("Meld opnieuw vanaf 01-05-2026")
    assert verdict(tenant, D(2026, 5, 20)).reason(rules.ONCE_A_MONTH).ok
    assert verdict(
        tenant, D(2026, 5, 20)
    ).allowed  # LCV 3.2: arrears persist → may be signalled again


def test_after_herhaald_signaal_only_when_the_arrears_grew():
    tenant = ready_tenant()
    add(
        tenant,
        ev(EventKind.SIGNAAL, D(2026, 4, 20), amount=Decimal("1700.00"), months=2),
        ev(EventKind.TERUGKOPPELING, D(2026, 4, 28), feedback=FeedbackStatus.HERHAALD_SIGNAAL),
    )
    pay(tenant, D(2026, 5, 2), "850.00")  # May rent paid: arrears stay 1700
    v = verdict(tenant, D(2026, 5, 20))
    grown = v.reason(rules.REPEAT_GROWN)
    assert not grown.ok and "niet opgelopen" in grown.text and grown.article == "LCV 3.2"
    assert verdict(tenant, D(2026, 6, 5)).reason(rules.REPEAT_GROWN).ok  # June unpaid: 2550 > 1700


def test_deceased_is_never_signalled():
    tenant = ready_tenant()
    add(
        tenant,
        ev(EventKind.SIGNAAL, D(2026, 4, 20), amount=Decimal("1700.00"), months=2),
        ev(EventKind.TERUGKOPPELING, D(2026, 5, 1), feedback=FeedbackStatus.OVERLEDEN),
    )
    v = verdict(tenant, D(2026, 6, 20))
    assert not v.allowed and not v.reason(rules.NOT_DECEASED).ok


def test_no_arrears_is_never_allowed():
    tenant = ready_tenant()
    pay(tenant, D(2026, 4, 19), "1700.00")
    assert case(tenant, READY_ON) is None
    from domain_builders import vault

    from lcv_tui.domain import actions

    data = vault(tenant)
    v = actions.signal_verdict(data, tenant.id, READY_ON)
    assert not v.allowed and v.blocking[0].code == rules.IN_ARREARS


def test_eligibility_on_another_date_recomputes():
    tenant = ready_tenant()
    c = case(tenant, D(2026, 4, 10))
    assert not rules.eligibility(c, D(2026, 4, 10)).allowed
    assert rules.eligibility(c, READY_ON).allowed


def test_refusal_carries_the_verdict():
    v = verdict(make_tenant(paid_before=D(2026, 3, 1)), D(2026, 3, 10))
    exc = rules.RuleViolation(v)
    assert isinstance(exc, ValueError) and exc.verdict is v
    assert exc.message.startswith("Melden mag nog niet:")
    assert "(LCV 3.1 d)" in exc.message and "(LCV 2.1 a, 3.1)" in exc.message


def test_every_rule_names_its_article_in_its_docstring():
    for rule in rules.RULES:
        assert rule.__doc__ and (
            "LCV" in rule.__doc__ or "werkinstructie" in rule.__doc__.lower()
        ), rule.__name__
