"""README "Betrouwbaarheid en veiligheid", promises 13 and 15. Issue 13.1 and 12.5: the letter sent
is the letter recorded, and implausible records are caught.

- The event keeps what the letter printed (date, channel, pay-by, objection deadline, report-after),
  the document's SHA-256 and a proof of dispatch.
- A signal waits for the later of the printed and the computed deadline (werkinstructie stap 2,
  tekst 2; LCV 2.2): a sommatie written for post but recorded as sent by e-mail keeps the longer
  window printed in the letter.
- A letter recorded as sent before the date it bears is refused; three letters on one day, a
  sommatie before the aanmaning's term ran out, another channel or a later date ask "Weet u het zeker?".
"""

from __future__ import annotations

import datetime as dt

import pytest
from domain_builders import D, agreement, make_tenant

from lcv_tui.domain import actions, deadlines, ledger, rules
from lcv_tui.domain.letters import build_letter
from lcv_tui.domain.models import (
    Channel,
    Event,
    EventKind,
    Landlord,
    Tenant,
    VaultData,
)
from lcv_tui.domain.workflow import case_for
from lcv_tui.store.trusted import trusted_validator

LANDLORD = Landlord(name="Verhuur Utrecht", town="Utrecht", objection_email="bezwaar@example.nl")
SHA = "b" * 64


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)


def setup() -> tuple[VaultData, Tenant]:
    tenant = make_tenant(paid_before=D(2026, 10, 1))
    data = VaultData(landlord=LANDLORD, agreements=[agreement()], tenants=[tenant])
    return data, tenant


def write(data: VaultData, tenant: Tenant, kind: EventKind, on: dt.date, channel=Channel.POST):
    return build_letter(
        kind,
        landlord=LANDLORD,
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=data.settings,
        channel=channel,
    )


def send_earlier_letters(data: VaultData, tenant: Tenant) -> None:
    for kind, on in (
        (EventKind.HERINNERING, D(2026, 10, 5)),
        (EventKind.AANMANING, D(2026, 10, 15)),
    ):
        letter = write(data, tenant, kind, on)
        actions.record_letter(
            data, tenant.id, kind, on, Channel.POST, now=at(on), letter=letter, actor="app"
        )


def test_the_event_keeps_the_printed_dates_the_document_hash_and_the_proof():
    data, tenant = setup()
    letter = write(data, tenant, EventKind.HERINNERING, D(2026, 10, 5))
    event = actions.record_letter(
        data,
        tenant.id,
        EventKind.HERINNERING,
        D(2026, 10, 5),
        Channel.POST,
        now=at(D(2026, 10, 5)),
        letter=letter,
        document_sha256=SHA,
        proof=" RR123456785NL ",
        actor="app",
    )
    assert (event.letter_date, event.letter_channel, event.pay_by) == (
        letter.date,
        Channel.POST,
        letter.pay_by,
    )
    assert event.letter_text == letter.text
    assert event.document_sha256 == SHA and event.proof == "RR123456785NL"
    digest_line = data.audit[-1]
    assert digest_line.ref == event.id and "RR1234" not in digest_line.model_dump_json()


def test_a_sommatie_written_for_post_but_sent_by_email_keeps_the_printed_window():
    """Issue 13.1 (the first finding): by e-mail the computed window is two days shorter than the one
    the letter printed; the signal waits for the printed one, and the rule says why."""
    data, tenant = setup()
    send_earlier_letters(data, tenant)
    sent = D(2026, 11, 5)  # a Thursday
    letter = write(data, tenant, EventKind.SOMMATIE, sent, Channel.POST)
    computed_by_email = deadlines.objection_deadline(sent, Channel.EMAIL, data.settings)
    assert letter.objection_deadline is not None and letter.objection_deadline > computed_by_email
    actions.record_letter(
        data,
        tenant.id,
        EventKind.SOMMATIE,
        sent,
        Channel.EMAIL,
        now=at(sent),
        letter=letter,
        actor="app",
    )
    case = case_for(
        tenant,
        computed_by_email + dt.timedelta(days=1),
        settings=data.settings,
        agreement=data.agreements[0],
    )
    assert case is not None
    assert case.objection_deadline == letter.objection_deadline
    reason = case.verdict.reason(rules.OBJECTION_WINDOW)
    assert not reason.ok
    assert "De latere datum geldt" in reason.text
    with pytest.raises(rules.RuleViolation):
        actions.record_signal(
            data,
            tenant.id,
            computed_by_email + dt.timedelta(days=1),
            now=at(computed_by_email + dt.timedelta(days=1)),
            actor="app",
        )
    after = letter.objection_deadline + dt.timedelta(days=1)
    case = case_for(tenant, after, settings=data.settings, agreement=data.agreements[0])
    assert case is not None and case.verdict.reason(rules.OBJECTION_WINDOW).ok


def test_a_later_sending_than_the_letter_date_gives_the_later_computed_window():
    """Issue 13.1: the letter dated Monday but posted on Thursday: the window counts from Thursday."""
    data, tenant = setup()
    send_earlier_letters(data, tenant)
    letter = write(data, tenant, EventKind.SOMMATIE, D(2026, 11, 2))
    sent = D(2026, 11, 5)
    actions.record_letter(
        data,
        tenant.id,
        EventKind.SOMMATIE,
        sent,
        Channel.POST,
        now=at(sent),
        letter=letter,
        actor="app",
    )
    case = case_for(tenant, D(2026, 11, 10), settings=data.settings, agreement=data.agreements[0])
    assert case is not None
    assert case.objection_deadline == deadlines.objection_deadline(
        sent, Channel.POST, data.settings
    )
    assert case.objection_deadline > letter.objection_deadline


def test_a_letter_sent_before_the_date_it_bears_is_refused():
    """Issue 12.5: refused, with a message that says what to do."""
    data, tenant = setup()
    letter = write(
        data, tenant, EventKind.HERINNERING, D(2026, 10, 10)
    )  # a Saturday: dated Monday 12th
    assert letter.date == D(2026, 10, 12)
    with pytest.raises(ValueError, match="vóór de datum in de brief"):
        actions.record_letter(
            data,
            tenant.id,
            EventKind.HERINNERING,
            D(2026, 10, 10),
            Channel.POST,
            now=at(D(2026, 10, 12)),
            letter=letter,
            actor="app",
        )
    assert tenant.events == []


def test_a_letter_for_another_tenant_or_of_another_kind_is_refused():
    data, tenant = setup()
    letter = write(data, tenant, EventKind.HERINNERING, D(2026, 10, 5))
    with pytest.raises(ValueError, match="leg hem vast als herinnering"):
        actions.record_letter(
            data,
            tenant.id,
            EventKind.AANMANING,
            D(2026, 10, 5),
            Channel.POST,
            now=at(D(2026, 10, 5)),
            letter=letter,
            actor="app",
        )


def test_three_letters_on_one_day_ask_for_confirmation():
    """Issue 12.5: "drie brieven op één dag" asks "Weet u het zeker?"."""
    data, tenant = setup()
    day = D(2026, 10, 20)
    for kind in (EventKind.HERINNERING, EventKind.AANMANING):
        assert actions.letter_warnings(data, tenant.id, kind, day, Channel.POST) == []
        actions.record_letter(data, tenant.id, kind, day, Channel.POST, now=at(day), actor="app")
    warnings = actions.letter_warnings(data, tenant.id, EventKind.SOMMATIE, day, Channel.POST)
    assert any("Drie brieven op één dag" in w for w in warnings)


def test_a_sommatie_before_the_aanmanings_term_ran_out_asks_for_confirmation():
    """Issue 12.5; werkinstructie "Voorgestelde werkwijze": the sommatie follows an unpaid aanmaning."""
    data, tenant = setup()
    send_earlier_letters(data, tenant)
    demand = tenant.events[-1]
    term = deadlines.event_pay_by(demand, data.settings)
    early = actions.letter_warnings(data, tenant.id, EventKind.SOMMATIE, term, Channel.POST)
    assert any("vóór het einde van die termijn" in w for w in early)
    later = actions.letter_warnings(
        data, tenant.id, EventKind.SOMMATIE, term + dt.timedelta(days=1), Channel.POST
    )
    assert not any("termijn" in w for w in later)


def test_another_channel_or_a_later_date_than_the_letters_warns():
    """Issue 13.1: a recorded channel or date that differs from the letter's gets a warning."""
    data, tenant = setup()
    letter = write(data, tenant, EventKind.HERINNERING, D(2026, 10, 5))
    warnings = actions.letter_warnings(
        data, tenant.id, EventKind.HERINNERING, D(2026, 10, 7), Channel.EMAIL, letter
    )
    assert any("per e-mail is verstuurd" in w for w in warnings)
    assert any("gedateerd 05-10-2026 en verstuurd op 07-10-2026" in w for w in warnings)
    assert (
        actions.letter_warnings(
            data, tenant.id, EventKind.HERINNERING, D(2026, 10, 5), Channel.POST, letter
        )
        == []
    )


def test_an_event_stored_before_these_fields_existed_still_loads():
    """New Event fields have defaults, so a vault written before them loads, also on a trusted load."""
    old = (
        b'{"surname":"Jansen","house_number":3,"postcode":"3512 PA","gemeente":"Utrecht","rent":"850.00",'
        b'"tenancy_start":"2026-01-01","events":[{"id":"e1","kind":"sommatie","on":"2026-11-05",'
        b'"channel":"post","note":"","recorded_at":null,"letter_text":null,"route":null,"amount":null,'
        b'"months":null,"feedback":null}]}'
    )
    tenant = trusted_validator(Tenant).validate_json(old)
    event = tenant.events[0]
    assert isinstance(event, Event) and event.objection_deadline is None and event.proof == ""
