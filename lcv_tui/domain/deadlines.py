"""Deadlines of the letters, shared by the workflow, the letter texts and the rules.

Each rule names its source:

- **Receipt by post.** A posted letter counts as received on the second PostNL delivery day after
  posting (``calendar.add_delivery_days``: Tuesday to Saturday, public holidays excluded; PostNL
  delivers letters on those days). Most letters arrive on the first delivery day; counting the
  second leaves a margin, the reading that protects the tenant. The number of delivery days is a
  setting (``Settings.post_receipt_working_days``, default 2) for a landlord who uses another carrier.
- **Receipt by e-mail.** An e-mail counts as received on the day it was sent if that is a working
  day, otherwise on the next working day (BW 3:37 lid 3: a statement takes effect when it reaches
  the addressee; a tenant cannot be expected to read mail on a Sunday or holiday). A setting
  (``Settings.email_receipt_days``) may add days.
- **Handed over.** Received on the day it was handed over.
- **Objection window of text 2.** Werkinstructie stap 2, text 2: "Als wij binnen 7 dagen na
  ontvangst van dit schrijven niets van u hebben vernomen, zullen wij u bij de gemeente aanmelden":
  the window runs from the assumed receipt (``Settings.objection_window_days``, at least 7).
- **Deadlines on a closed day.** A term that ends on a Saturday, Sunday or recognised holiday runs on
  to the next working day (Algemene termijnenwet, art. 1 lid 1).
- **Pay-by dates.** A letter's pay-by date lies the letter's number of days after its assumed
  receipt (the sommatie's "binnen 5 dagen", werkinstructie "Voorgestelde werkwijze"), moved to a
  working day (Algemene termijnenwet, art. 1 lid 1): a letter of Friday never leaves the tenant fewer
  days than it promises.
- **Letter dates.** A letter is dated on a working day (``letter_date``): a letter dated on a
  Saturday or holiday cannot be posted that day at a post office counter that is closed, and its
  terms would start on a day the landlord cannot be reached.

Signalling is allowed from the day after the objection window (``first_signal_day``).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lcv_tui.domain.calendar import add_delivery_days, next_working_day
from lcv_tui.domain.models import Channel, Event, EventKind, Settings

SUMMONS_PAYMENT_DAYS = 5  # "5-dagen sommatie" (werkinstructie, voorgestelde werkwijze)
REMINDER_PAYMENT_DAYS = 7
DEMAND_PAYMENT_DAYS = 10

PAYMENT_DAYS: dict[EventKind, int] = {
    EventKind.HERINNERING: REMINDER_PAYMENT_DAYS,
    EventKind.AANMANING: DEMAND_PAYMENT_DAYS,
    EventKind.SOMMATIE: SUMMONS_PAYMENT_DAYS,
}
"""Days after assumed receipt that each letter gives the tenant to pay."""


def letter_date(day: dt.date) -> dt.date:
    """The date a letter written on ``day`` bears: ``day`` itself on a working day, else the next
    working day (letters are dated on working days only; Algemene termijnenwet art. 3 names the days)."""
    return next_working_day(day)


def assumed_receipt(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    """The day a letter sent on ``sent_on`` by ``channel`` counts as received (see the module text)."""
    if channel == Channel.POST:
        return add_delivery_days(sent_on, settings.post_receipt_working_days)
    if channel == Channel.EMAIL:
        return next_working_day(sent_on + dt.timedelta(days=settings.email_receipt_days))
    return sent_on


def objection_deadline(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    """Last day on which an objection to text 2 is in time: receipt + the window, on a working day
    (werkinstructie stap 2, tekst 2; Algemene termijnenwet art. 1 lid 1)."""
    end = assumed_receipt(sent_on, channel, settings) + dt.timedelta(
        days=settings.objection_window_days
    )
    return next_working_day(end)


def first_signal_day(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    """First day on which the signal may be delivered, as far as the objection window goes."""
    return objection_deadline(sent_on, channel, settings) + dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def pay_by(receipt: dt.date, days: int) -> dt.date:
    """``days`` after ``receipt``, on a working day (Algemene termijnenwet art. 1 lid 1). Remembered:
    a pure function of two immutable values, asked for by every case."""
    return next_working_day(receipt + dt.timedelta(days=days))


def letter_pay_by(
    kind: EventKind, sent_on: dt.date, channel: Channel, settings: Settings
) -> dt.date:
    """The pay-by date a letter of ``kind`` prints: its days counted from assumed receipt, so the
    sommatie's "binnen 5 dagen" leaves 5 days after the tenant has the letter (issue 13.3)."""
    return pay_by(assumed_receipt(sent_on, channel, settings), PAYMENT_DAYS[kind])


def event_pay_by(event: Event, settings: Settings) -> dt.date:
    """The pay-by date a recorded letter gave the tenant: the later of the date it printed and the
    one computed from its recorded sending (issue 13.1: the tenant may rely on the later one)."""
    computed = letter_pay_by(event.kind, event.on, event.channel or Channel.HAND, settings)
    return max(computed, event.pay_by) if event.pay_by is not None else computed


def effective_objection_deadline(sommatie: Event, settings: Settings) -> dt.date:
    """Last day of the objection window of a recorded sommatie (tekst 2): the latest of the deadline
    computed from its recorded sending and channel, the objection deadline it printed, and the day
    after which it said the tenant would be reported. A signal before the later date would break the
    promise made to the tenant (LCV 2.2; werkinstructie stap 2, tekst 2; issue 13.1)."""
    candidates = [objection_deadline(sommatie.on, sommatie.channel or Channel.HAND, settings)]
    if sommatie.objection_deadline is not None:
        candidates.append(sommatie.objection_deadline)
    if sommatie.report_after is not None:
        candidates.append(sommatie.report_after)
    return max(candidates)
