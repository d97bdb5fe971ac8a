"""Deadlines of the letters, shared by the workflow and the letter texts.

Text 2 (werkinstructie, stap 2) says: "Als wij binnen 7 dagen na ontvangst van dit schrijven
niets van u hebben vernomen, zullen wij u bij de gemeente aanmelden". So the objection window
runs from the *assumed receipt* of the summons: post arrives after a configurable number of
working days (default 2), e-mail the same day (configurable), a letter handed over at once.
A window that ends on a Saturday, Sunday or recognised holiday runs on to the next working day
(Algemene termijnenwet, art. 1). Signalling is allowed from the day after the window.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from lcv_tui.domain.calendar import add_working_days, next_working_day
from lcv_tui.domain.models import Channel, Settings

SUMMONS_PAYMENT_DAYS = 5  # "5-dagen sommatie" (werkinstructie, voorgestelde werkwijze)
REMINDER_PAYMENT_DAYS = 7
DEMAND_PAYMENT_DAYS = 10


def assumed_receipt(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    if channel == Channel.POST:
        return add_working_days(sent_on, settings.post_receipt_working_days)
    if channel == Channel.EMAIL:
        return sent_on + dt.timedelta(days=settings.email_receipt_days)
    return sent_on


def objection_deadline(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    """Last day on which an objection to text 2 is in time."""
    end = assumed_receipt(sent_on, channel, settings) + dt.timedelta(
        days=settings.objection_window_days
    )
    return next_working_day(end)


def first_signal_day(sent_on: dt.date, channel: Channel, settings: Settings) -> dt.date:
    """First day on which the signal may be delivered, as far as the objection window goes."""
    return objection_deadline(sent_on, channel, settings) + dt.timedelta(days=1)


@lru_cache(maxsize=4096)
def pay_by(sent_on: dt.date, days: int) -> dt.date:
    """Pay-by date printed in a letter: ``days`` after sending, on a working day (remembered: a pure
    function of two immutable values, asked for by every case)."""
    return next_working_day(sent_on + dt.timedelta(days=days))
