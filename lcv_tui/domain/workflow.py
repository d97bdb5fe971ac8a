"""The case: one arrears episode of one tenant, its steps, its stage and the facts derived from it.

A case opens when a charge is unpaid after its due date and lasts while the balance of rent due
stays above zero (``ledger.episode_from``: a payment that leaves arrears open never restarts it).
After a delivered signal that was not withdrawn, the case stays open with "withdrawal due" until
the withdrawal is recorded (werkinstructie stap 3, intrekken).

Events belong to the current case when dated on or after the first day of the episode. The
episode starts the day *after* a due date (on the due date itself rent is due, not late), and
the previous episode ended on the day the balance of rent due was paid off, so a letter recorded
on the first day of the episode belongs to it, and an event recorded on the day the previous
episode was paid off belongs to that previous one. Two facts are the tenant's, not the
episode's: an objection (LCV 2.2) stays in force across episodes until it is withdrawn, and a
"deceased" feedback ends signalling for good.

The schedule follows the werkinstructie "Voorgestelde werkwijze" from the due date ``D`` of the
charge that opened the episode: herinnering ~ D + 4 (the 5th), aanmaning with text 1 ~ D + 14
(the 15th), sommatie with text 2 ~ the 5th of the next month, signal ~ the 20th of the next month
but never before the objection window of text 2 is over nor before the agreement's threshold is
passed (LCV 3.1 d and tekst 1: more than 30 days, from ``D``; see ``rules.rule_days_overdue``).
A letter is never suggested before the pay-by date of the previous one.

The case itself is ``case.Case``, its vocabulary ``case_terms``, its steps ``steps.build_steps``,
its stage ``stage.stage_of``.

Nothing here reads the clock: ``on`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from operator import attrgetter

from lcv_tui.domain import ledger
from lcv_tui.domain.case import (
    SIGNAL_KINDS,
    Case,
    active_objection,
    collection_status,
    is_deceased,
    last_of,
    screen,
)
from lcv_tui.domain.case_terms import DAY, DEFAULT_THRESHOLD_DAYS, SUSPENSION
from lcv_tui.domain.deadlines import effective_objection_deadline
from lcv_tui.domain.models import (
    LETTER_KINDS,
    Agreement,
    Event,
    EventKind,
    FeedbackStatus,
    Settings,
    Tenant,
)
from lcv_tui.domain.steps import build_steps


def _ordered(tenant: Tenant, on: dt.date) -> list[Event]:
    """The tenant's events up to ``on``, by date and, on one date, in the order recorded (the sort is
    stable), without the signals a meldpunt ignored (``without_ignored``)."""
    events = [event for event in tenant.events if event.on <= on]
    events.sort(key=attrgetter("on"))
    return without_ignored(events)


def without_ignored(events: list[Event]) -> list[Event]:
    """Werkinstructie stap 3: a meldpunt ignores a row it cannot place (a municipality that does not
    use it, a wrong postcode) and says so after the upload. A recorded SIGNAAL_GENEGEERD voids the
    latest signal before it: that tenant was not signalled, and nothing follows from it (no feedback
    to wait for, no withdrawal, no monthly limit)."""
    if not any(event.kind == EventKind.SIGNAAL_GENEGEERD for event in events):
        return events
    voided: set[str] = set()
    latest: Event | None = None
    for event in events:
        if event.kind == EventKind.SIGNAAL:
            latest = event
        elif event.kind == EventKind.SIGNAAL_GENEGEERD and latest is not None:
            voided.add(latest.id)
            latest = None
    return [e for e in events if e.id not in voided and e.kind != EventKind.SIGNAAL_GENEGEERD]


def _open_signal(events: list[Event]) -> Event | None:
    current: Event | None = None
    for event in events:
        if event.kind in SIGNAL_KINDS:
            current = event if event.kind == EventKind.SIGNAAL else None
    return current


def _after(events: list[Event], anchor: Event) -> list[Event]:
    """Events recorded after ``anchor`` (same date counts when recorded later)."""
    seen = False
    result = []
    for event in events:
        if seen:
            result.append(event)
        elif event is anchor:
            seen = True
    return result


def case_for(
    tenant: Tenant, on: dt.date, *, settings: Settings, agreement: Agreement | None
) -> Case | None:
    """The tenant's current case on ``on``, or ``None`` when there are no arrears and nothing pending."""
    balance = screen(tenant, on)  # ``case.needs_case``, with the balance for the case
    if balance is None:
        return None
    return build_case(tenant, on, settings, agreement, balance=balance)


def build_case(
    tenant: Tenant,
    on: dt.date,
    settings: Settings,
    agreement: Agreement | None,
    *,
    balance: Decimal | None = None,
    ledger_view: Callable[[Tenant, dt.date, dt.date | None], ledger.CaseLedger] | None = None,
) -> Case | None:
    """``case_for`` for a tenant that already passed the ``needs_case`` screen; ``balance`` is
    ``ledger.quick_balance(tenant, on)`` when the screen computed it. ``ledger_view`` reads the
    ledger instead of ``ledger.case_ledger`` (the tests pass a reference)."""
    all_events = _ordered(tenant, on)
    open_signal = _open_signal(all_events)
    signal_on = open_signal.on if open_signal else None
    if ledger_view is None:
        view = ledger.case_ledger(tenant, on, signal_on, balance)
    else:
        view = ledger_view(tenant, on, signal_on)
    if view.overdue:  # in arrears: a charge is overdue and open
        episode = view.episode
        assert episode is not None  # overdue on ``on``, so the balance of rent due is above zero
    elif open_signal is not None:
        episode = view.episode or ledger.Episode(open_signal.on - DAY, open_signal.on)
    else:
        return None
    opened_on, first_due = episode.opened_on, episode.first_due
    arrears = view.arrears
    events = [e for e in all_events if e.on >= opened_on]
    letters = tuple([e for e in events if e.kind in LETTER_KINDS])
    sommatie = last_of(letters, EventKind.SOMMATIE)
    objection = active_objection(all_events)
    deadline = (
        effective_objection_deadline(sommatie, settings) if sommatie and sommatie.channel else None
    )
    last_signal = last_of(events, EventKind.SIGNAAL)
    feedback = accepted = None
    later: list[Event] = []
    if last_signal is not None:
        later = _after(events, last_signal)
        for event in later:
            if event.kind == EventKind.TERUGKOPPELING:
                feedback = event
                if event.feedback == FeedbackStatus.HULP_GEACCEPTEERD and accepted is None:
                    accepted = event
    suspension_until = accepted.on + SUSPENSION if accepted else None
    paid_on = view.paid_on
    # LCV 2.2: an objection after the signal means the data may no longer be in a signal, so it is withdrawn too.
    objected_after_signal = (
        open_signal is not None and objection is not None and objection.on >= open_signal.on
    )
    withdrawal_due = open_signal is not None and (paid_on is not None or objected_after_signal)
    may_resume, note, resume_from = collection_status(
        tenant,
        on,
        accepted,
        _after(events, accepted) if accepted else [],
        arrears.in_arrears,
        view.rows,
    )
    case = Case(
        tenant=tenant,
        agreement=agreement,
        settings=settings,
        on=on,
        opened_on=opened_on,
        first_due=first_due,
        arrears=arrears,
        events=tuple(events),
        threshold_days=agreement.threshold_days if agreement else DEFAULT_THRESHOLD_DAYS,
        letters=letters,
        sommatie=sommatie,
        objection=objection,
        objection_deadline=deadline,
        last_signal=last_signal,
        open_signal=open_signal,
        signals=tuple([e for e in all_events if e.kind == EventKind.SIGNAAL]),
        feedback=feedback,
        accepted=accepted,
        suspension_until=suspension_until,
        paid_on=paid_on,
        withdrawal_due=withdrawal_due,
        collection_may_resume=may_resume,
        collection_note=note,
        collection_resume_from=resume_from,
        deceased=is_deceased(all_events),
    )
    # The steps are completed here, once, before the case is handed out (it is frozen after). The
    # stage, the whole verdict and the next step are made on first use (cached properties above).
    _complete(case, "steps", build_steps(case))
    return case


def _complete(case: Case, name: str, value: object) -> None:
    object.__setattr__(case, name, value)
