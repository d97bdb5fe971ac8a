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

Nothing here reads the clock: ``on`` is passed in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache
from operator import attrgetter
from typing import NamedTuple

from lcv_tui.domain import ledger, rules
from lcv_tui.domain.calendar import add_months, add_working_days
from lcv_tui.domain.deadlines import (
    effective_objection_deadline,
    event_pay_by,
    letter_date,
)
from lcv_tui.domain.ledger import ZERO, Arrears
from lcv_tui.domain.models import (
    LETTER_KINDS,
    AdjustmentKind,
    Agreement,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Settings,
    Tenant,
)
from lcv_tui.domain.rules import fmt_date, fmt_money

DAY = dt.timedelta(days=1)

# Python 3.11 reads an enum member (``EventKind.SIGNAAL``) through ``EnumType.__getattr__``, five times
# slower than a plain attribute: the loops over every event of every case test against these tuples.
_SIGNAL_KINDS = (EventKind.SIGNAAL, EventKind.SIGNAAL_INGETROKKEN)
_OBJECTION_KINDS = (EventKind.BEZWAAR, EventKind.BEZWAAR_INGETROKKEN)
_LETTERS_WITH_TEXT = (
    EventKind.AANMANING,
    EventKind.SOMMATIE,
)  # text 1 and text 2: debt help, data offer (LCV 2.1 c, d)

DEFAULT_THRESHOLD_DAYS = 30  # LCV 3.1 d
# The werkinstructie's schedule ("Voorgestelde werkwijze"), counted from the due date D that opened the case.
REMINDER_AFTER = dt.timedelta(days=4)  # herinnering ~ the 5th
DEMAND_AFTER = dt.timedelta(
    days=14
)  # aanmaning with text 1 ~ the 15th; personal contact from then too
SUMMONS_AFTER = dt.timedelta(days=4)  # sommatie with text 2 ~ the 5th of the next month
SIGNAL_AFTER = dt.timedelta(days=19)  # signal ~ the 20th of the next month
FEEDBACK_WINDOW = dt.timedelta(weeks=4)  # LCV 3.13: uiterlijk 4 weken
THREAT_WORKING_DAYS = 3  # werkinstructie stap 3: "binnen 3 werkdagen bij een bedreigende situatie"
SUSPENSION = dt.timedelta(days=30)  # LCV 4.2 a-c: maximaal 30 dagen


# --- enumerations -----------------------------------------------------------------------------


class StepKey(StrEnum):
    HERINNERING = "herinnering"
    AANMANING = "aanmaning"
    SOMMATIE = "sommatie"
    PERSOONLIJK_CONTACT = "persoonlijk_contact"
    SCHULDHULP_GEWEZEN = "schuldhulp_gewezen"
    GEGEVENS_AANGEBODEN = "gegevens_aangeboden"
    BEZWAARTERMIJN = "bezwaartermijn"
    SIGNAAL = "signaal"
    TERUGKOPPELING = "terugkoppeling"
    OPSCHORTING = "opschorting"
    INTREKKEN = "intrekken"

    @property
    def label(self) -> str:
        return _STEP_LABELS[self][0]

    @property
    def article(self) -> str:
        return _STEP_LABELS[self][1]


_STEP_LABELS: dict[StepKey, tuple[str, str]] = {
    StepKey.HERINNERING: ("Herinnering", "LCV 2.1 a"),
    StepKey.AANMANING: ("Aanmaning met tekst 1", "werkinstructie stap 2 (tekst 1)"),
    StepKey.SOMMATIE: ("Sommatie met tekst 2", "werkinstructie stap 2 (tekst 2)"),
    StepKey.PERSOONLIJK_CONTACT: ("Persoonlijk contact gezocht", "LCV 2.1 b"),
    StepKey.SCHULDHULP_GEWEZEN: ("Gewezen op schuldhulpverlening", "LCV 2.1 c"),
    StepKey.GEGEVENS_AANGEBODEN: ("Aangeboden gegevens door te geven", "LCV 2.1 d"),
    StepKey.BEZWAARTERMIJN: ("Bezwaartermijn", "LCV 2.2; werkinstructie stap 2 (tekst 2)"),
    StepKey.SIGNAAL: ("Signaal afgeven", "LCV 3.1 d, 3.4"),
    StepKey.TERUGKOPPELING: ("Terugkoppeling gemeente", "LCV 3.13"),
    StepKey.OPSCHORTING: ("Incasso opschorten", "LCV 4.1, 4.2 a–c"),
    StepKey.INTREKKEN: ("Signaal intrekken", "werkinstructie stap 3 (intrekken)"),
}


_STEP_POSITION: dict[StepKey, int] = {key: position for position, key in enumerate(StepKey)}
"""Where each step stands in ``Case.steps``: ``build_steps`` makes them in ``StepKey`` order."""


class StepStatus(StrEnum):
    DONE = "done"
    DUE_TODAY = "due_today"
    OVERDUE = "overdue"
    UPCOMING = "upcoming"
    NOT_NEEDED = "not_needed"
    BLOCKED = "blocked"

    @property
    def label(self) -> str:
        return {
            "done": "Gedaan",
            "due_today": "Vandaag",
            "overdue": "Te laat",
            "upcoming": "Gepland",
            "not_needed": "Niet nodig",
            "blocked": "Geblokkeerd",
        }[self.value]


class Stage(StrEnum):
    """Where a tenant is in the process, for the status column. ``Case.status_text`` adds the date."""

    BETAALD = "betaald"
    TE_LAAT = "te_laat"
    HERINNERING = "herinnering"
    AANMANING = "aanmaning"
    BEZWAARTERMIJN = "bezwaartermijn"
    BEZWAAR = "bezwaar"
    NIET_KLAAR = "niet_klaar"
    GEEN_OVEREENKOMST = "geen_overeenkomst"
    KLAAR = "klaar"
    GEMELD = "gemeld"
    GEEN_HULP = "geen_hulp"
    TERUGKOPPELING = "terugkoppeling"
    OPGESCHORT = "opgeschort"
    INCASSO_HERVATTEN = "incasso_hervatten"
    INTREKKEN = "intrekken"
    OVERLEDEN = "overleden"

    @property
    def label(self) -> str:
        return _STAGE_TEXT[self][1]

    @property
    def symbol(self) -> str:
        return _STAGE_TEXT[self][0]

    def text(self, detail: str = "") -> str:
        """``✓ Betaald``, ``… Bezwaartermijn loopt tot 15-04-2026``."""
        return f"{self.symbol} {self.label}{' ' + detail if detail else ''}"


_STAGE_TEXT: dict[Stage, tuple[str, str]] = {
    Stage.BETAALD: ("✓", "Betaald"),
    Stage.TE_LAAT: ("!", "Te laat"),
    Stage.HERINNERING: ("✉", "Herinnering verstuurd"),
    Stage.AANMANING: ("✉", "Aanmaning (tekst 1) verstuurd"),
    Stage.BEZWAARTERMIJN: ("…", "Bezwaartermijn loopt"),
    Stage.BEZWAAR: ("✗", "Bezwaar — niet melden"),
    Stage.NIET_KLAAR: ("!", "Melden kan nog niet"),
    Stage.GEEN_OVEREENKOMST: ("!", "Geen overeenkomst met de gemeente"),
    Stage.KLAAR: ("→", "Klaar om te melden"),
    Stage.GEMELD: ("…", "Gemeld — wacht op terugkoppeling"),
    Stage.GEEN_HULP: ("·", "Gemeld — geen terugkoppeling, incasso loopt door"),
    Stage.TERUGKOPPELING: ("i", "Terugkoppeling:"),
    Stage.OPGESCHORT: ("‖", "Incasso opgeschort"),
    Stage.INCASSO_HERVATTEN: ("▶", "Incasso mag hervatten"),
    Stage.INTREKKEN: ("↩", "Signaal intrekken:"),
    Stage.OVERLEDEN: ("†", "Overleden — niet meer melden"),
}


FEEDBACK_NEXT_STEP: dict[FeedbackStatus, str] = {
    FeedbackStatus.HULP_GEACCEPTEERD: (
        "De huurder heeft hulp geaccepteerd: schort het incassotraject hoogstens 30 dagen op "
        "(LCV 4.2 a–c) en bewaak de einddatum."
    ),
    FeedbackStatus.HERHAALD_SIGNAAL: (
        "Herhaald signaal: meld opnieuw alleen als de achterstand is opgelopen sinds de vorige "
        "melding (LCV 3.2)."
    ),
    FeedbackStatus.ONTERECHT: (
        "Onder de drempel van de gemeente: controleer drempelbedrag en termijn in de "
        "overeenkomst met de gemeente en pas ze zo nodig aan."
    ),
    FeedbackStatus.GEEN_INWONER: (
        "Geen inwoner van deze gemeente: controleer de gemeente van deze huurder (postcode en "
        "adres) en meld zo nodig bij de juiste gemeente."
    ),
    FeedbackStatus.OVERLEDEN: "De huurder is overleden: meld deze huurder niet meer en sluit het dossier af.",
    FeedbackStatus.OVERIG: (
        "Lees de toelichting van de gemeente in het meldpunt en handel daarnaar; het "
        "incassotraject loopt door."
    ),
    FeedbackStatus.BETALING_NIET_HERVAT: (
        "De huurder kan de betalingen niet direct hervatten (LCV 3.14): overleg met de gemeente over een "
        "oplossing; hervat het incassotraject niet op eigen gezag (LCV 4.3)."
    ),
    FeedbackStatus.INLOPEN_VOLGENDE_MAAND: (
        "De huurder loopt de achterstand volgende maand in (LCV 3.14): bewaak die betaling; hervat het "
        "incassotraject niet zolang die afspraak loopt (LCV 4.3)."
    ),
}


SUSPENSION_DUTIES: tuple[tuple[str, str], ...] = (
    ("LCV 4.2 a", "Schort het incassoproces op, hoogstens 30 dagen."),
    ("LCV 4.2 b", "Breng in die tijd geen verdere buitengerechtelijke incassokosten in rekening."),
    (
        "LCV 4.2 c",
        "Zet het traject bij een incassobureau of deurwaarder hoogstens 30 dagen on hold.",
    ),
)
"""LCV 4.2 a–c: what the landlord does after the feedback "help accepted", for the claims in the signal."""


# --- the case -----------------------------------------------------------------------------------


class Step(NamedTuple):
    """One step of the case. An immutable named tuple rather than a frozen dataclass: every case
    makes eleven, and a tuple is built several times faster."""

    key: StepKey
    label: str
    suggested: dt.date | None
    done_on: dt.date | None
    status: StepStatus
    article: str
    explanation: str
    evidence: Event | None = None

    @property
    def actionable(self) -> bool:
        return self.status in (StepStatus.DUE_TODAY, StepStatus.OVERDUE)


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
        return _last_of(self.events, EventKind.DREIGENDE_HUISUITZETTING)

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
        position = _STEP_POSITION[key]  # found by position rather than by a scan of the steps
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
        if event.kind not in _SIGNAL_KINDS or event.on > on:
            continue
        if event.kind == EventKind.SIGNAAL:
            if last_signal is None or (event.on, index) > last_signal:
                last_signal = (event.on, index)
        elif last_withdrawal is None or (event.on, index) > last_withdrawal:
            last_withdrawal = (event.on, index)
    return last_signal is not None and (last_withdrawal is None or last_withdrawal < last_signal)


def needs_case(tenant: Tenant, on: dt.date) -> bool:
    """Cheap first screen: could ``case_for`` return a case? (Arrears, or a signal to withdraw.)"""
    # Compared with ZERO, not 0: a Decimal compared with an int converts the int on every call.
    return ledger.quick_balance(tenant, on) > ZERO or has_open_signal(tenant, on)


# --- building a case --------------------------------------------------------------------------


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


def _last_of(events: list[Event] | tuple[Event, ...], kind: EventKind) -> Event | None:
    """The latest event of ``kind`` in ``events`` (oldest first), if any."""
    for event in reversed(events):
        if event.kind == kind:
            return event
    return None


def _open_signal(events: list[Event]) -> Event | None:
    current: Event | None = None
    for event in events:
        if event.kind in _SIGNAL_KINDS:
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


def case_for(
    tenant: Tenant, on: dt.date, *, settings: Settings, agreement: Agreement | None
) -> Case | None:
    """The tenant's current case on ``on``, or ``None`` when there are no arrears and nothing pending."""
    if not needs_case(tenant, on):
        return None
    return build_case(tenant, on, settings, agreement)


def build_case(
    tenant: Tenant, on: dt.date, settings: Settings, agreement: Agreement | None
) -> Case | None:
    """``case_for`` for a tenant that already passed the ``needs_case`` screen."""
    rows = ledger.charge_rows(tenant, on)
    timeline = ledger.timeline_from(rows, tenant, on)
    due_timeline = ledger.due_timeline_from(rows, tenant, on)
    balance = timeline[-1][1] if timeline else ZERO
    all_events = _ordered(tenant, on)
    open_signal = _open_signal(all_events)
    if balance > ZERO and rows and rows[0][0] < on:  # in arrears: a charge is overdue and open
        episode = ledger.episode_from(rows, due_timeline)
        assert episode is not None  # overdue on ``on``, so the balance of rent due is above zero
    elif open_signal is not None:
        episode = ledger.episode_from(
            rows, [item for item in due_timeline if item[0] <= open_signal.on]
        ) or ledger.Episode(open_signal.on - DAY, open_signal.on)
    else:
        return None
    opened_on, first_due = episode.opened_on, episode.first_due
    arrears = ledger.arrears_from(rows, balance, on)
    events = [e for e in all_events if e.on >= opened_on]
    letters = tuple([e for e in events if e.kind in LETTER_KINDS])
    sommatie = _last_of(letters, EventKind.SOMMATIE)
    objection = active_objection(all_events)
    deadline = (
        effective_objection_deadline(sommatie, settings) if sommatie and sommatie.channel else None
    )
    last_signal = _last_of(events, EventKind.SIGNAAL)
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
    paid_on = ledger.paid_off_on(due_timeline, open_signal.on) if open_signal else None
    # LCV 2.2: an objection after the signal means the data may no longer be in a signal, so it is withdrawn too.
    objected_after_signal = (
        open_signal is not None and objection is not None and objection.on >= open_signal.on
    )
    withdrawal_due = open_signal is not None and (paid_on is not None or objected_after_signal)
    may_resume, note, resume_from = collection_status(
        tenant, on, accepted, _after(events, accepted) if accepted else [], arrears.in_arrears, rows
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


# --- steps ------------------------------------------------------------------------------------


def _timed(suggested: dt.date, on: dt.date) -> StepStatus:
    if on < suggested:
        return StepStatus.UPCOMING
    return StepStatus.DUE_TODAY if on == suggested else StepStatus.OVERDUE


def _sent(event: Event) -> str:
    return _sent_on(event.on, event.channel)


@lru_cache(maxsize=4096)
def _sent_on(day: dt.date, channel: Channel | None) -> str:
    """``op 05-10-2026 per post`` (remembered: a pure function of a date and a channel, asked for
    by several steps of every case)."""
    how = f" {channel.label}" if channel else ""
    return f"op {fmt_date(day)}{how}"


# The letters' dates, from the due date that opened the case and the letter before (if it was sent).


def reminder_date(
    first_due: dt.date, previous: Event | None = None, settings: Settings | None = None
) -> dt.date:
    """Werkinstructie: herinnering around the 5th, i.e. due date + 4 days (the first letter: ``previous``
    is None), on a working day (letters are dated on working days, ``deadlines.letter_date``)."""
    return letter_date(first_due + REMINDER_AFTER)


def demand_date(first_due: dt.date, reminder: Event | None, settings: Settings) -> dt.date:
    """Werkinstructie: aanmaning with text 1 around the 15th (due + 14), after the pay-by date the
    reminder gave (``deadlines.event_pay_by``), on a working day."""
    base = first_due + DEMAND_AFTER
    return letter_date(max(base, event_pay_by(reminder, settings)) if reminder else base)


def summons_date(first_due: dt.date, demand: Event | None, settings: Settings) -> dt.date:
    """Werkinstructie: sommatie with text 2 around the 5th of the second month, after the pay-by date
    the demand gave (``deadlines.event_pay_by``), on a working day."""
    base = add_months(first_due, 1) + SUMMONS_AFTER
    return letter_date(max(base, event_pay_by(demand, settings)) if demand else base)


def signal_date(case: Case) -> dt.date:
    """Werkinstructie: signal around the 20th of the second month; never before the objection window
    of text 2 is over, nor before the threshold of LCV 3.1 d is passed (more than 30 days, or more
    by agreement, since the episode's first unpaid due date)."""
    candidates = [add_months(case.first_due, 1) + SIGNAL_AFTER]
    # More than the threshold, counted from the episode's first unpaid due date (``rules.rule_days_overdue``).
    candidates.append(case.first_due + dt.timedelta(days=case.threshold_days + 1))
    if (
        case.objection_deadline is not None
    ):  # the sommatie's ``first_signal_day``, from the deadline the case already has
        candidates.append(case.objection_deadline + DAY)
    return max(candidates)


def _step(
    key: StepKey,
    suggested: dt.date | None,
    status: StepStatus,
    explanation: str,
    evidence: Event | None = None,
    done_on: dt.date | None = None,
) -> Step:
    if evidence is not None and done_on is None:
        done_on = evidence.on
    label, article = _STEP_LABELS[key]
    return Step(key, label, suggested, done_on, status, article, explanation, evidence)


_LETTER_PLAN: tuple[
    tuple[StepKey, EventKind, Callable[[dt.date, Event | None, Settings], dt.date], str], ...
] = (
    (
        StepKey.HERINNERING,
        EventKind.HERINNERING,
        reminder_date,
        "Stuur een schriftelijke herinnering (zonder tekst over schuldhulp).",
    ),
    (
        StepKey.AANMANING,
        EventKind.AANMANING,
        demand_date,
        "Stuur de aanmaning met tekst 1: die wijst op schuldhulp en zegt welke gegevens u aan de gemeente geeft.",
    ),
    (
        StepKey.SOMMATIE,
        EventKind.SOMMATIE,
        summons_date,
        "Stuur de 5-dagen sommatie met tekst 2 en het e-mailadres voor bezwaar.",
    ),
)
"""The letters in order: step, the event that records it, when it is due (from the first due date and
the previous letter sent), what to do."""


def _letter_steps(case: Case) -> list[Step]:
    """Herinnering, aanmaning (text 1), sommatie (text 2), in order. A letter is actionable once the
    previous one is sent (or no longer needed); a later letter makes an unsent earlier one unneeded."""
    on = case.on
    signalled = case.last_signal is not None
    in_arrears = case.arrears.in_arrears
    sent = [case.done(kind) for _, kind, _, _ in _LETTER_PLAN]
    steps = []
    previous_ready = True
    for index, (key, _, date_of, instruction) in enumerate(_LETTER_PLAN):
        suggested = date_of(case.first_due, sent[index - 1] if index else None, case.settings)
        event = sent[index]
        later_sent = any(sent[index + 1 :]) or signalled
        if event is not None:
            steps.append(
                _step(key, suggested, StepStatus.DONE, f"Verstuurd {_sent(event)}.", event)
            )
            previous_ready = True
            continue
        if later_sent:
            steps.append(
                _step(
                    key,
                    suggested,
                    StepStatus.NOT_NEEDED,
                    "Niet verstuurd; een latere stap is al gezet.",
                )
            )
            previous_ready = True
            continue
        if not in_arrears:
            steps.append(
                _step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
            )
            continue
        if not previous_ready:
            steps.append(
                _step(
                    key,
                    suggested,
                    StepStatus.UPCOMING,
                    f"Na de {_LETTER_PLAN[index - 1][0].label.lower()}. {instruction}",
                )
            )
            continue
        status = _timed(suggested, on)
        when = "vandaag" if status == StepStatus.DUE_TODAY else f"rond {fmt_date(suggested)}"
        steps.append(
            _step(
                key,
                suggested,
                status,
                f"{instruction} Gepland {when}."
                if status != StepStatus.OVERDUE
                else f"{instruction} Dit stond gepland op {fmt_date(suggested)}.",
            )
        )
        previous_ready = False
    return steps


def _evidence_step(
    case: Case,
    key: StepKey,
    explicit: EventKind,
    via_letters: bool,
    suggested: dt.date,
    instruction: str,
) -> Step:
    """LCV 2.1 b/c/d. For c and d the aanmaning (text 1) and the sommatie (text 2) count as evidence,
    because those texts point to debt help and announce which data goes to the municipality."""
    event = case.first_of(explicit, *_LETTERS_WITH_TEXT) if via_letters else case.done(explicit)
    if event is not None:
        if event.kind == explicit:
            return _step(key, suggested, StepStatus.DONE, f"Vastgelegd: {_sent(event)}.", event)
        return _step(
            key,
            suggested,
            StepStatus.DONE,
            f"Gedaan: {event.kind.label.lower()} {_sent(event)}.",
            event,
        )
    if case.last_signal is not None:
        return _step(
            key,
            suggested,
            StepStatus.NOT_NEEDED,
            "Niet vastgelegd vóór de melding: leg alsnog vast wat u deed en wanneer (de "
            "bewijslast ligt bij u, LCV 2.1).",
        )
    if not case.arrears.in_arrears:
        return _step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
    status = _timed(suggested, case.on)
    return _step(key, suggested, status, instruction)


_EVIDENCE_PLAN = (
    (
        StepKey.PERSOONLIJK_CONTACT,
        EventKind.PERSOONLIJK_CONTACT,
        False,
        "Probeer de huurder persoonlijk te spreken (bellen, langsgaan) over de achterstand en leg vast hoe en wanneer.",
    ),
    (
        StepKey.SCHULDHULP_GEWEZEN,
        EventKind.SCHULDHULP_GEWEZEN,
        True,
        "Wijs de huurder op schuldhulpverlening; de aanmaning (tekst 1) en de sommatie (tekst 2) doen dat.",
    ),
    (
        StepKey.GEGEVENS_AANGEBODEN,
        EventKind.GEGEVENS_AANGEBODEN,
        True,
        "Bied aan de gegevens door te geven aan de gemeente; tekst 1 en tekst 2 doen dat.",
    ),
)
"""LCV 2.1 b, c, d in order: step, the event that records it, whether texts 1 and 2 count as evidence,
what to do. All three are suggested from D + 14, with the aanmaning."""


def build_steps(case: Case) -> tuple[Step, ...]:
    steps = _letter_steps(case)
    contact_date = case.first_due + DEMAND_AFTER
    for key, explicit, via_letters, instruction in _EVIDENCE_PLAN:
        steps.append(_evidence_step(case, key, explicit, via_letters, contact_date, instruction))
    steps.append(_objection_step(case))
    steps.append(_signal_step(case))
    steps.append(_feedback_step(case))
    steps.append(_suspension_step(case))
    steps.append(_withdrawal_step(case))
    return tuple(steps)


def _objection_step(case: Case) -> Step:
    """LCV 2.2 and text 2: the tenant may object until 7 days after receiving the sommatie."""
    key = StepKey.BEZWAARTERMIJN
    deadline = case.objection_deadline
    if case.objection is not None:
        return _step(
            key,
            deadline,
            StepStatus.BLOCKED,
            f"Bezwaar ontvangen op {fmt_date(case.objection.on)}: niet melden (LCV 2.2). "
            f"Het gewone incassotraject mag doorgaan.",
            case.objection,
        )
    if deadline is None:
        if case.last_signal is not None or not case.arrears.in_arrears:
            return _step(
                key,
                None,
                StepStatus.NOT_NEEDED,
                "Geen sommatie met tekst 2 verstuurd in deze zaak.",
            )
        return _step(
            key,
            None,
            StepStatus.UPCOMING,
            "Begint met de sommatie met tekst 2: 7 dagen na ontvangst.",
        )
    if case.on <= deadline:
        return _step(
            key,
            deadline,
            StepStatus.UPCOMING,
            f"De huurder kan tot en met {fmt_date(deadline)} bezwaar maken.",
        )
    return _step(
        key,
        deadline,
        StepStatus.DONE,
        f"Verstreken op {fmt_date(deadline)} zonder bezwaar.",
        done_on=deadline,
    )


def _signal_step(case: Case) -> Step:
    """LCV 3.1 d, 3.4; werkinstructie: signal around the 20th of the second month."""
    key = StepKey.SIGNAAL
    suggested = signal_date(case)
    signal = case.last_signal
    if signal is not None:
        route = f" via {signal.route.label}" if signal.route else ""
        amount = (
            f", {fmt_money(signal.amount)}, {signal.months} mnd"
            if signal.amount is not None and signal.months
            else ""
        )
        return _step(
            key,
            suggested,
            StepStatus.DONE,
            f"Gemeld op {fmt_date(signal.on)}{route}{amount}.",
            signal,
        )
    if case.deceased:
        return _step(
            key, suggested, StepStatus.NOT_NEEDED, FEEDBACK_NEXT_STEP[FeedbackStatus.OVERLEDEN]
        )
    if not case.arrears.in_arrears:
        return _step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
    first = case.first_blocking
    if first is None:  # every rule passes
        if case.on < suggested:
            return _step(
                key,
                suggested,
                StepStatus.UPCOMING,
                f"Alle voorwaarden zijn vervuld: meld bij het meldpunt, uiterlijk rond {fmt_date(suggested)}.",
            )
        return _step(
            key,
            suggested,
            _timed(suggested, case.on),
            "Alle voorwaarden zijn vervuld: meld bij het digitaal meldpunt en leg de melding vast.",
        )
    if case.on < suggested:
        return _step(
            key,
            suggested,
            StepStatus.UPCOMING,
            f"Gepland rond {fmt_date(suggested)}. Nog nodig: {first.fix or first.text}",
        )
    return _step(key, suggested, StepStatus.BLOCKED, f"{first.text} {first.fix}".strip())


def feedback_due(signal: Event | None, threatening: Event | None) -> dt.date | None:
    """LCV 3.13: the municipality acts at the latest 4 weeks after the signal; in a threatening
    situation (eviction; werkinstructie stap 3 after Wgs art. 4) within 3 working days of the later of
    the signal and the report of the threat."""
    if signal is None:
        return None
    if threatening is not None:
        return add_working_days(max(signal.on, threatening.on), THREAT_WORKING_DAYS)
    return signal.on + FEEDBACK_WINDOW


def _feedback_step(case: Case) -> Step:
    """LCV 3.13: the municipality feeds back within 4 weeks (3 working days in a threatening
    situation), and only when help was accepted."""
    key = StepKey.TERUGKOPPELING
    signal = case.last_signal
    if signal is None:
        return _step(
            key,
            None,
            StepStatus.UPCOMING,
            "Volgt na de melding: binnen 4 weken, alleen als de huurder hulp accepteert.",
        )
    window_end = feedback_due(signal, case.threatening)
    assert window_end is not None
    if case.feedback is not None:
        status = case.feedback.feedback
        assert status is not None
        return _step(
            key,
            window_end,
            StepStatus.DONE,
            f"{status.label} ({fmt_date(case.feedback.on)}). {FEEDBACK_NEXT_STEP[status]}",
            case.feedback,
        )
    if case.on <= window_end:
        return _step(
            key,
            window_end,
            StepStatus.UPCOMING,
            f"Kijk in het meldpunt: terugkoppeling komt uiterlijk {fmt_date(window_end)}, "
            f"alleen als de huurder hulp accepteert.",
        )
    return _step(
        key,
        window_end,
        StepStatus.NOT_NEEDED,
        "Geen terugkoppeling binnen 4 weken: de huurder heeft geen hulp geaccepteerd of is niet bereikt. "
        "Het incassotraject loopt door.",
    )


def _suspension_step(case: Case) -> Step:
    """LCV 4.1, 4.2 a–c: help accepted → suspend collection for at most 30 days; watch the end date."""
    key = StepKey.OPSCHORTING
    if case.accepted is None:
        if case.last_signal is not None and (
            case.feedback is not None or case.on > case.last_signal.on + FEEDBACK_WINDOW
        ):
            return _step(
                key, None, StepStatus.NOT_NEEDED, "Geen hulp geaccepteerd: niet opschorten."
            )
        return _step(
            key,
            None,
            StepStatus.UPCOMING,
            "Alleen als de gemeente terugkoppelt dat de huurder hulp heeft geaccepteerd.",
        )
    until = case.suspension_until
    assert until is not None
    what = (
        "Schort het incassotraject op tot en met {d}: geen nieuwe incassostappen, geen extra incassokosten, "
        "incassobureau of deurwaarder on hold (LCV 4.2 a–c)."
    )
    if case.on < until:
        return _step(
            key,
            until,
            StepStatus.UPCOMING,
            what.format(d=fmt_date(until)),
            case.accepted,
            done_on=None,
        )
    if case.on == until:
        return _step(
            key,
            until,
            StepStatus.DUE_TODAY,
            "De opschorting eindigt vandaag. Betaalt de huurder niet, dan mag het incassotraject daarna verder.",
            case.accepted,
            done_on=None,
        )
    return _step(
        key,
        until,
        StepStatus.DONE,
        f"Opgeschort tot en met {fmt_date(until)}.",
        case.accepted,
        done_on=until,
    )


def _withdrawal_step(case: Case) -> Step:
    """Werkinstructie stap 3: a tenant who pays after being reported → withdraw the signal."""
    key = StepKey.INTREKKEN
    if case.withdrawal_due and case.paid_on is not None:
        return _step(
            key,
            case.paid_on,
            _timed(case.paid_on, case.on),
            f"De huurder heeft na de melding alles betaald ({fmt_date(case.paid_on)}): trek het signaal in bij "
            "het meldpunt en leg dat vast.",
        )
    if case.withdrawal_due and case.objection is not None:
        return _step(
            key,
            case.objection.on,
            _timed(case.objection.on, case.on),
            f"De huurder maakte na de melding bezwaar ({fmt_date(case.objection.on)}) tegen het delen van gegevens "
            "(LCV 2.2): trek het signaal in bij het meldpunt en leg dat vast.",
        )
    withdrawn = case.done(EventKind.SIGNAAL_INGETROKKEN)
    if withdrawn is not None:
        return _step(
            key, None, StepStatus.DONE, f"Ingetrokken op {fmt_date(withdrawn.on)}.", withdrawn
        )
    if case.last_signal is None:
        return _step(
            key,
            None,
            StepStatus.NOT_NEEDED,
            "Alleen nodig als de huurder na een melding alles betaalt.",
        )
    return _step(
        key, None, StepStatus.UPCOMING, "Betaalt de huurder alles, trek dan het signaal in."
    )


# --- stage --------------------------------------------------------------------------------


def stage_of(case: Case) -> tuple[Stage, str]:
    """The one stage shown in the status column, with its detail (a date or a reason)."""
    if case.deceased:
        return Stage.OVERLEDEN, ""
    if case.withdrawal_due:
        return (
            Stage.INTREKKEN,
            "betaald na melding" if case.paid_on is not None else "bezwaar na melding",
        )
    if case.collection_may_resume:
        return Stage.INCASSO_HERVATTEN, ""
    if case.suspended:
        return (
            Stage.OPGESCHORT,
            f"tot {fmt_date(case.suspension_until)}" if case.suspension_until else "",
        )
    if case.last_signal is not None:
        if case.feedback is not None and case.feedback.feedback is not None:
            return Stage.TERUGKOPPELING, case.feedback.feedback.label.lower()
        if case.on <= case.last_signal.on + FEEDBACK_WINDOW:
            return Stage.GEMELD, ""
        return Stage.GEEN_HULP, ""
    if case.objection is not None and (case.sommatie is not None or case.on >= signal_date(case)):
        return Stage.BEZWAAR, ""  # before that, the letters' progress is the more useful status
    first = case.first_blocking
    if first is None:
        return Stage.KLAAR, ""
    if case.sommatie is not None and case.objection_deadline is not None:
        if case.on <= case.objection_deadline:
            return Stage.BEZWAARTERMIJN, f"tot {fmt_date(case.objection_deadline)}"
        codes = {reason.code for reason in case.verdict.blocking}
        if codes == {rules.AGREEMENT}:
            return Stage.GEEN_OVEREENKOMST, ""
        return Stage.NIET_KLAAR, first.short
    if case.done(EventKind.AANMANING):
        return Stage.AANMANING, ""
    if case.done(EventKind.HERINNERING):
        return Stage.HERINNERING, ""
    return Stage.TE_LAAT, ""


def next_step_of(case: Case, stage: Stage) -> str:
    """One Dutch line: what to do now."""
    if stage == Stage.OVERLEDEN:
        return FEEDBACK_NEXT_STEP[FeedbackStatus.OVERLEDEN]
    if stage == Stage.INCASSO_HERVATTEN:
        return case.collection_note
    if (
        stage == Stage.TERUGKOPPELING
        and case.feedback is not None
        and case.feedback.feedback is not None
    ):
        return FEEDBACK_NEXT_STEP[case.feedback.feedback]
    if stage == Stage.GEEN_HULP:
        return (
            "Geen terugkoppeling: het incassotraject loopt door. Duurt de achterstand voort, dan mag u opnieuw melden "
            "(LCV 3.2), niet vaker dan eens per maand."
        )
    if stage == Stage.BEZWAAR and case.objection is not None:
        return "Bezwaar (LCV 2.2): neem deze huurder niet op in een signaal. Het gewone incassotraject mag doorgaan."
    actionable = [s for s in case.steps if s.actionable]
    if actionable:
        return actionable[0].explanation
    blocked = [s for s in case.steps if s.status == StepStatus.BLOCKED and s.key == StepKey.SIGNAAL]
    if blocked:
        return blocked[0].explanation
    upcoming = sorted(
        (s for s in case.steps if s.status == StepStatus.UPCOMING and s.suggested),
        key=lambda s: s.suggested or dt.date.min,  # never None: filtered just above
    )
    if upcoming:
        return upcoming[0].explanation
    return ""
