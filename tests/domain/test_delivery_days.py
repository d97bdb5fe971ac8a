"""README "Betrouwbaarheid en veiligheid", promise 14. Issue 13.2 and 13.3: delivery days as PostNL
delivers, terms on working days, dates a tenant can act on.

Each test names the rule it follows (see the module texts of ``domain/calendar.py`` and
``domain/deadlines.py`` for the sources).
"""

from __future__ import annotations

import datetime as dt

import pytest

from lcv_tui.domain import deadlines, ledger
from lcv_tui.domain.calendar import add_delivery_days, is_delivery_day
from lcv_tui.domain.letters import build_letter
from lcv_tui.domain.models import Channel, Event, EventKind, Landlord, Payment, Settings, Tenant

D = dt.date
SETTINGS = Settings()


def test_postnl_delivers_tuesday_to_saturday_not_on_holidays():
    """PostNL delivers letters Tuesday to Saturday; not on a public holiday (Algemene termijnenwet art. 3)."""
    week = [D(2026, 11, 23) + dt.timedelta(days=i) for i in range(7)]  # Monday .. Sunday
    assert [is_delivery_day(day) for day in week] == [False, True, True, True, True, True, False]
    assert not is_delivery_day(D(2026, 12, 26))  # Tweede Kerstdag, a Saturday
    assert not is_delivery_day(D(2027, 4, 27))  # Koningsdag, a Tuesday


def test_a_letter_posted_on_saturday_is_received_on_wednesday():
    """Issue 13.2: received on the second delivery day after posting. Posted Saturday 28-11-2026:
    Tuesday is the first delivery day, Wednesday 02-12-2026 the second (not Tuesday, as counting
    Monday as a working day gave), so the objection window of tekst 2 ends a day later."""
    saturday = D(2026, 11, 28)
    assert deadlines.assumed_receipt(saturday, Channel.POST, SETTINGS) == D(2026, 12, 2)
    assert deadlines.objection_deadline(saturday, Channel.POST, SETTINGS) == D(2026, 12, 9)
    assert deadlines.first_signal_day(saturday, Channel.POST, SETTINGS) == D(2026, 12, 10)


def test_posted_on_friday_counts_saturday_as_a_delivery_day():
    """Posted Friday 27-11-2026: Saturday is the first delivery day, Tuesday 01-12 the second."""
    assert add_delivery_days(D(2026, 11, 27), 2) == D(2026, 12, 1)


def test_the_setting_overrides_the_number_of_delivery_days():
    """Settings.post_receipt_working_days is kept as an override (another carrier, a slower service)."""
    slow = Settings(post_receipt_working_days=3)
    assert deadlines.assumed_receipt(D(2026, 11, 28), Channel.POST, slow) == D(2026, 12, 3)


@pytest.mark.parametrize(
    ("sent", "received"),
    [
        (D(2026, 11, 24), D(2026, 11, 24)),  # a Tuesday: the same day
        (D(2026, 11, 28), D(2026, 11, 30)),  # a Saturday: Monday
        (D(2026, 12, 25), D(2026, 12, 28)),  # Eerste Kerstdag: the next working day
    ],
)
def test_an_email_counts_as_received_on_the_day_sent_if_that_is_a_working_day(sent, received):
    """Issue 13.2; BW 3:37 lid 3: an e-mail reaches the tenant on the day sent, if a working day."""
    assert deadlines.assumed_receipt(sent, Channel.EMAIL, SETTINGS) == received


def test_a_deadline_on_a_holiday_moves_to_the_next_working_day():
    """Algemene termijnenwet art. 1 lid 1. Handed over on Friday 18-12-2026: 7 days end on
    Friday 25-12 (Eerste Kerstdag); the 26th is Tweede Kerstdag and a Saturday, so Monday 28-12."""
    assert deadlines.objection_deadline(D(2026, 12, 18), Channel.HAND, SETTINGS) == D(2026, 12, 28)


def test_letters_are_dated_on_working_days_only():
    """Issue 13.2: a letter written on a Saturday bears the date of the next working day, and its
    terms count from that date."""
    assert deadlines.letter_date(D(2026, 11, 28)) == D(2026, 11, 30)
    assert deadlines.letter_date(D(2026, 11, 27)) == D(2026, 11, 27)
    letter = _letter(EventKind.HERINNERING, D(2026, 11, 28))
    assert letter.date == D(2026, 11, 30)
    assert "30 november 2026" in letter.place_date


def test_the_sommatie_of_friday_26_march_2027_leaves_five_days_after_receipt():
    """Issue 13.3; werkinstructie "5-dagen sommatie": the pay-by date lies at least 5 days after
    assumed receipt. Posted Friday 26-03-2027, received Tuesday 30-03 (Saturday is the first delivery
    day, Easter Monday 29-03 none); pay by Monday 05-04-2027 (the 4th is a Sunday)."""
    letter = _letter(EventKind.SOMMATIE, D(2027, 3, 26))
    receipt = deadlines.assumed_receipt(D(2027, 3, 26), Channel.POST, SETTINGS)
    assert receipt == D(2027, 3, 30)
    assert letter.pay_by == D(2027, 4, 5)
    assert (letter.pay_by - receipt).days >= deadlines.SUMMONS_PAYMENT_DAYS
    assert letter.objection_deadline == D(2027, 4, 6)
    assert "uiterlijk op 5 april 2027" in letter.text
    assert "30 maart 2027 ontvangt" in letter.text


@pytest.mark.parametrize("channel", [Channel.POST, Channel.EMAIL, Channel.HAND])
@pytest.mark.parametrize("kind", [EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE])
def test_every_pay_by_date_counts_from_receipt_for_a_whole_year(kind, channel):
    """Issue 13.3: for every day of a year, every letter leaves its full number of days after receipt
    and ends on a working day."""
    day = D(2027, 1, 1)
    for _ in range(365):
        written = deadlines.letter_date(day)
        receipt = deadlines.assumed_receipt(written, channel, SETTINGS)
        due = deadlines.letter_pay_by(kind, written, channel, SETTINGS)
        assert (due - receipt).days >= deadlines.PAYMENT_DAYS[kind]
        assert deadlines.letter_date(due) == due
        day += dt.timedelta(days=1)


def test_the_aanmaning_and_the_sommatie_name_the_earlier_letters_with_their_dates():
    """Issue 13.3: the aanmaning names the herinnering, the sommatie both, each with its date
    (the date the letter bore, werkinstructie "Voorgestelde werkwijze")."""
    tenant = _tenant()
    tenant.events.append(Event(kind=EventKind.HERINNERING, on=D(2026, 11, 5), channel=Channel.POST))
    aanmaning = _letter(EventKind.AANMANING, D(2026, 11, 16), tenant)
    assert aanmaning.paragraphs[0].startswith("Op 5 november 2026 stuurden wij u een herinnering.")
    tenant.events.append(
        Event(
            kind=EventKind.AANMANING,
            on=D(2026, 11, 17),
            letter_date=D(2026, 11, 16),
            channel=Channel.POST,
        )
    )
    sommatie = _letter(EventKind.SOMMATIE, D(2026, 12, 7), tenant)
    assert sommatie.paragraphs[0].startswith(
        "Ondanks onze herinnering van 5 november 2026 en onze aanmaning van 16 november 2026 staat er"
    )


def _tenant() -> Tenant:
    tenant = Tenant(
        surname="Jansen",
        initials="P.",
        street="Lange Nieuwstraat",
        house_number=3,
        postcode="3512 PA",
        town="Utrecht",
        gemeente="Utrecht",
        rent="850.00",
        tenancy_start=D(2026, 1, 1),
    )
    for due in ledger.rent_due_dates(tenant, D(2026, 9, 30)):
        tenant.payments.append(Payment(on=due, amount=tenant.rent))
    return tenant


def _letter(kind: EventKind, on: dt.date, tenant: Tenant | None = None):
    tenant = tenant or _tenant()
    landlord = Landlord(
        name="Verhuur Utrecht", town="Utrecht", objection_email="bezwaar@example.nl"
    )
    return build_letter(
        kind,
        landlord=landlord,
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=SETTINGS,
    )
