"""Past arrears episodes ("Eerdere zaken"): the closed cases of a tenant, for the tenant file.

``workflow.case_for`` describes the current episode only; once the arrears are cleared the case
closes and its letters and steps would no longer show. The evidence stays relevant (LCV 2.1: the
landlord must be able to show what was done), so the file lists the closed episodes with what was
recorded in them. An episode runs while the balance of rent due stays above zero, the same reading
as the workflow's (``ledger.episode_from``: a payment that leaves arrears open never ends it); an
event on the day the arrears were cleared belongs to the episode it closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from lcv_tui.domain import ledger
from lcv_tui.domain.models import Event, Tenant

_DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class PastEpisode:
    """One closed arrears episode."""

    opened_on: dt.date
    """First day something was overdue (the day after the due date the episode began on)."""
    closed_on: dt.date
    """Day the arrears were cleared."""
    highest: Decimal
    """The highest amount overdue during the episode."""
    events: tuple[Event, ...]
    """Letters and steps recorded during the episode, oldest first."""

    @property
    def days(self) -> int:
        return (self.closed_on - self.opened_on).days


def past_episodes(tenant: Tenant, on: dt.date) -> list[PastEpisode]:
    """The tenant's closed arrears episodes up to ``on``, newest first (the current one excluded)."""
    episodes: list[tuple[dt.date, dt.date, Decimal]] = []
    start: dt.date | None = None
    highest = Decimal(0)
    for day, balance in ledger.due_timeline_from(ledger.charge_rows(tenant, on), tenant, on):
        if balance > 0:
            if start is None:
                start, highest = day, balance
            else:
                highest = max(highest, balance)
        elif start is not None:
            episodes.append((start, day, highest))
            start = None
    events = sorted((e for e in tenant.events if e.on <= on), key=lambda e: e.on)
    result = [
        PastEpisode(
            opened_on=opened + _DAY,  # the rent fell due on ``opened``: overdue from the next day
            closed_on=closed,
            highest=amount,
            events=tuple(e for e in events if opened <= e.on <= closed),
        )
        for opened, closed, amount in episodes
    ]
    result.reverse()
    return result
