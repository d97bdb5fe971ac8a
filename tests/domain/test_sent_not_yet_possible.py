"""actions.sent_not_yet_possible: a letter dated on a later working day cannot be recorded as sent
today (issue 12.5, Algemene termijnenwet art. 3)."""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain.actions import sent_not_yet_possible
from lcv_tui.domain.deadlines import letter_date


def test_a_letter_written_on_sunday_waits_for_monday():
    sunday = dt.date(2026, 12, 6)
    message = sent_not_yet_possible(letter_date(sunday), sunday)
    assert message is not None and "7 december 2026" in message


def test_a_letter_of_today_or_earlier_can_be_recorded():
    monday = dt.date(2026, 12, 7)
    assert sent_not_yet_possible(letter_date(monday), monday) is None
    assert sent_not_yet_possible(dt.date(2026, 12, 1), monday) is None
