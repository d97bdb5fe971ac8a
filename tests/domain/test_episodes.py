"""Closed arrears episodes stay visible with their evidence ("Eerdere zaken", issue 15.9)."""

from __future__ import annotations

from decimal import Decimal

from domain_builders import D, add, ev, make_tenant, pay

from lcv_tui.domain.episodes import past_episodes
from lcv_tui.domain.models import EventKind


def _tenant():
    tenant = make_tenant(rent="850.00", start=D(2026, 1, 1))
    for month in range(1, 11):
        if month != 4:
            pay(tenant, D(2026, month, 1), "850.00")
    pay(tenant, D(2026, 4, 20), "850.00")  # April paid late, after a reminder
    pay(tenant, D(2026, 6, 3), "0.01")  # a stray cent: no episode of its own
    add(tenant, ev(EventKind.HERINNERING, D(2026, 4, 6)))
    return tenant


def test_a_closed_episode_keeps_its_letters_and_the_current_one_is_not_past():
    tenant = _tenant()
    episodes = past_episodes(tenant, D(2026, 11, 23))  # November is unpaid: the current case
    assert len(episodes) == 1
    (april,) = episodes
    assert (april.opened_on, april.closed_on) == (D(2026, 4, 2), D(2026, 4, 20))
    assert april.highest == Decimal("850.00") and april.days == 18
    assert [e.kind for e in april.events] == [EventKind.HERINNERING]


def test_no_history_no_episodes():
    tenant = make_tenant(start=D(2026, 1, 1), paid_before=D(2026, 11, 2))
    assert past_episodes(tenant, D(2026, 11, 23)) == []
