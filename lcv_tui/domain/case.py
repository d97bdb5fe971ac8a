"""The case: one arrears episode of one tenant as on a date (``Case``), and the facts read from a
tenant's events that the case and the agenda share (an open signal, an objection in force, a
death, whether collection may resume).

Two facts are the tenant's, not the episode's: an objection (LCV 2.2) stays in force across
episodes until it is withdrawn, and a "deceased" feedback ends signalling for good.
``workflow.case_for`` builds a case.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from lcv_tui.domain import ledger, rules
from lcv_tui.domain.case_terms import DAY, STEP_POSITION, SUSPENSION, Step, StepKey, feedback_due
from lcv_tui.domain.ledger import ZERO, Arrears
from lcv_tui.domain.models import (
    AdjustmentKind,
    Agreement,
    Event,
    EventKind,
    FeedbackStatus,
    Settings,
    Tenant,
)
from lcv_tui.domain.rules import fmt_date
from lcv_tui.domain.stage import Stage, next_step_of, stage_of

# Python 3.11 reads an enum member (``EventKind.SIGNAAL``) through ``EnumType.__getattr__``, five times
# slower than a plain attribute: the loops over every event of every case test against these tuples.
SIGNAL_KINDS = (EventKind.SIGNAAL, EventKind.SIGNAAL_INGETROKKEN)
_OBJECTION_KINDS = (EventKind.BEZWAAR, EventKind.BEZWAAR_INGETROKKEN)


@dataclass(frozen=True)
class Case:
    """One arrears episode of one tenant, as on ``on``.

    The steps are made when the case is built; the stage, the whole verdict and the next step on
    first use (cached properties: the case is frozen). Build a new case after a change to the file:
    what is made on first use reads the tenant, agreement and settings as they are then.
    """

    tenant: Tenant
    agreement: Agreement | None
    settings: Settings
    on: dt.date
    opened_on: dt.date  # first day of the episode (the day after the due date that opened it)
    first_due: dt.date  # due date of the charge that opened the episode
    arrears: Arrears
    events: tuple[Event, ...]  # events of this case, oldest first, up to ``on``
    threshold_days: int
    letters: tuple[Event, ...]
    sommatie: Event | None
    objection: Event | None  # the objection in force (LCV 2.2), from any episode
    objection_deadline: dt.date | None
    last_signal: Event | None  # the latest signal of this case
    open_signal: Event | None  # the latest signal in the file that was not withdrawn (any episode)
    signals: tuple[Event, ...]  # every signal in the tenant's file up to ``on``
    feedback: Event | None  # the latest feedback on ``last_signal``
    accepted: Event | None  # feedback "help accepted" on ``last_signal``
    suspension_until: dt.date | None
    paid_on: dt.date | None  # day the arrears of ``open_signal`` were paid in full
    withdrawal_due: bool
    collection_may_resume: bool
    collection_note: str
    collection_resume_from: dt.date | None  # first day collection may resume
    deceased: bool
    steps: tuple[Step, ...] = ()

    @property
    def objection_active(self) -> bool:
        return self.objection is not None

    @property
    def suspended(self) -> bool:
        return (
            self.suspension_until is not None
            and self.accepted is not None
            and self.accepted.on <= self.on <= self.suspension_until
        )

    @property
    def suspension_in_force(self) -> bool:
        """Collection is suspended today (LCV 4.1, 4.2 a): help accepted, within the 30 days, and the
        suspension has not lapsed because new rent went unpaid (LCV 4.1 d, 4.3). Every view reads this."""
        return self.suspended and not self.collection_may_resume

    @property
    def feedback_status(self) -> FeedbackStatus | None:
        return self.feedback.feedback if self.feedback else None

    @property
    def threatening(self) -> Event | None:
        """The latest threatening situation (dreigende huisuitzetting) recorded in this case."""
        return last_of(self.events, EventKind.DREIGENDE_HUISUITZETTING)

    @property
    def feedback_due_by(self) -> dt.date | None:
        return feedback_due(self.last_signal, self.threatening)

    @property
    def stage(self) -> Stage:
        """Where the tenant is in the process, for the status column (``stage_of``)."""
        return self._stage[0]

    @property
    def stage_detail(self) -> str:
        return self._stage[1]

    @cached_property
    def _stage(self) -> tuple[Stage, str]:
        """Made on first use: the agenda does not need it."""
        return stage_of(self)

    @property
    def status_text(self) -> str:
        return self.stage.text(self.stage_detail)

    @property
    def allowed(self) -> bool:
        return self.first_blocking is None

    @cached_property
    def verdict(self) -> rules.Verdict:
        """Every rule of ``rules.py`` for this case, passed or failed (``rules.evaluate``). Made on first
        use: the steps, the stage and the agenda need only ``first_blocking``."""
        return rules.evaluate(self)

    @cached_property
    def first_blocking(self) -> rules.Reason | None:
        """The first rule that fails, ``None`` when a signal is allowed: ``verdict.blocking[0]``
        without running the rules after it (``rules.first_failure``)."""
        return rules.first_failure(self)

    def step(self, key: StepKey) -> Step:
        position = STEP_POSITION[key]  # found by position rather than by a scan of the steps
        if position < len(self.steps) and self.steps[position].key == key:
            return self.steps[position]
        raise KeyError(key)

    @cached_property
    def next_step(self) -> str:
        """One Dutch line: what to do now (``next_step_of``). Made on first use: the agenda does not need it."""
        return next_step_of(self, self.stage)

    def done(self, kind: EventKind) -> Event | None:
        """The first event of ``kind`` in this case, if any."""
        for event in self.events:
            if event.kind == kind:
                return event
        return None

    def first_of(self, *kinds: EventKind) -> Event | None:
        """The first event in this case of any of ``kinds``."""
        for event in self.events:
            if event.kind in kinds:
                return event
        return None


def has_open_signal(tenant: Tenant, on: dt.date) -> bool:
    """A delivered signal not followed by a withdrawal (cheap scan for the agenda's first screen)."""
    if not tenant.events:
        return False
    last_signal: tuple[dt.date, int] | None = None
    last_withdrawal: tuple[dt.date, int] | None = None
    for index, event in enumerate(tenant.events):
        if event.kind not in SIGNAL_KINDS or event.on > on:
            continue
        if event.kind == EventKind.SIGNAAL:
            if last_signal is None or (event.on, index) > last_signal:
                last_signal = (event.on, index)
        elif last_withdrawal is None or (event.on, index) > last_withdrawal:
            last_withdrawal = (event.on, index)
    return last_signal is not None and (last_withdrawal is None or last_withdrawal < last_signal)


def needs_case(tenant: Tenant, on: dt.date) -> bool:
    """Cheap first screen: could ``case_for`` return a case? (Arrears, or a signal to withdraw.)"""
    return screen(tenant, on) is not None


def screen(tenant: Tenant, on: dt.date) -> Decimal | None:
    """``needs_case``, giving the balance it computed (``ledger.quick_balance``) when a case is
    possible, for the case to start from (``workflow.build_case``); ``None`` when not."""
    balance = ledger.quick_balance(tenant, on)
    # Compared with ZERO, not 0: a Decimal compared with an int converts the int on every call.
    if balance > ZERO or has_open_signal(tenant, on):
        return balance
    return None


def active_objection(events: list[Event]) -> Event | None:
    """LCV 2.2: an objection is in force from the BEZWAAR event until a later BEZWAAR_INGETROKKEN.
    It belongs to the tenant, not to one episode, so it is read from the whole file."""
    current: Event | None = None
    for event in events:
        if event.kind in _OBJECTION_KINDS:
            current = event if event.kind == EventKind.BEZWAAR else None
    return current


def is_deceased(events: list[Event]) -> bool:
    """LCV 3.13: the municipality fed back that the tenant died; signalling stops for good."""
    for event in events:
        if event.kind == EventKind.TERUGKOPPELING and event.feedback == FeedbackStatus.OVERLEDEN:
            return True
    return False


def last_of(events: list[Event] | tuple[Event, ...], kind: EventKind) -> Event | None:
    """The latest event of ``kind`` in ``events`` (oldest first), if any."""
    for event in reversed(events):
        if event.kind == kind:
            return event
    return None


def collection_status(
    tenant: Tenant,
    on: dt.date,
    accepted: Event | None,
    later_events: list[Event],
    in_arrears: bool,
    rows: list[ledger.ChargeRow] | None = None,
) -> tuple[bool, str, dt.date | None]:
    """May collection resume? (LCV 4.1 d, 4.2 a, 4.3)

    - During the suspension: when a new rent charge fell due after the help was accepted, is unpaid
      after its due date (payments since the acceptance do not cover the new charges), and the
      municipality has not been in touch since (no later feedback recorded): collection may resume,
      for the old claims too (LCV 4.1 d, 4.3).
    - After the suspension (at most 30 days, LCV 4.2 a) with arrears left: collection may resume.
    """
    if accepted is None or not in_arrears:
        return False, "", None
    until = accepted.on + SUSPENSION
    if on > until:
        return (
            True,
            (
                f"De opschorting van hoogstens 30 dagen is op {fmt_date(until)} geëindigd (LCV 4.2 a). "
                "U mag het incassotraject hervatten."
            ),
            until + DAY,
        )
    new_due = ZERO
    first_unpaid: dt.date | None = None
    for due, _, amount, _ in rows if rows is not None else ledger.charge_rows(tenant, on):
        if accepted.on < due <= until and due < on:
            new_due += amount
            if first_unpaid is None:
                first_unpaid = due
    if first_unpaid is None:
        return False, "", None
    paid = sum((p.amount for p in tenant.payments if accepted.on <= p.on <= on), ZERO)
    paid += sum(
        (
            a.amount
            for a in tenant.adjustments
            if a.kind == AdjustmentKind.CREDIT and accepted.on <= a.on <= on
        ),
        ZERO,
    )
    if paid >= new_due:
        return False, "", None
    contact = [e for e in later_events if e.kind == EventKind.TERUGKOPPELING]
    if contact:
        return (
            False,
            (
                "De nieuwe huur is niet betaald, maar de gemeente heeft sinds de acceptatie contact gehad "
                "(terugkoppeling vastgelegd): overleg met de gemeente voordat u het incassotraject hervat."
            ),
            None,
        )
    return (
        True,
        (
            f"Nieuwe huur (vervaldatum {fmt_date(first_unpaid)}) is tijdens de opschorting niet betaald en de gemeente "
            "heeft geen contact opgenomen: de opschorting vervalt (LCV 4.1 d). U mag het incassotraject hervatten, "
            "ook voor de oude vorderingen (LCV 4.3)."
        ),
        first_unpaid + DAY,
    )
