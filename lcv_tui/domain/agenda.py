"""The agenda: every action due, overdue, or coming up in the next days, for all tenants.

Sorted by urgency (te laat, vandaag, binnenkort), then date, then tenant name. A cheap first
screen (``case.needs_case``: arithmetic balance and a scan for an open signal) skips the
tenants that are paid up, so a file of thousands of tenants stays fast; the balance it computed
goes on to the case, which reads only the recent part of the ledger (``ledger.case_ledger``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from operator import itemgetter
from typing import NamedTuple

from lcv_tui.domain import articles
from lcv_tui.domain.case import Case, screen
from lcv_tui.domain.case_terms import StepKey, StepStatus
from lcv_tui.domain.models import EventKind, FeedbackStatus, Tenant, VaultData
from lcv_tui.domain.rules import rule_agreement, rule_no_objection
from lcv_tui.domain.validation import format_date
from lcv_tui.domain.workflow import build_case

DEFAULT_HORIZON_DAYS = 14


class ActionKind(StrEnum):
    HERINNERING = "herinnering"
    AANMANING = "aanmaning"
    SOMMATIE = "sommatie"
    PERSOONLIJK_CONTACT = "persoonlijk_contact"
    MELDEN = "melden"
    BEZWAAR = "bezwaar"
    OVEREENKOMST = "overeenkomst"
    TERUGKOPPELING_VERWACHT = "terugkoppeling_verwacht"
    TERUGKOPPELING_VERWERKEN = "terugkoppeling_verwerken"
    OPSCHORTING_EINDIGT = "opschorting_eindigt"
    INCASSO_HERVATTEN = "incasso_hervatten"
    INTREKKEN = "intrekken"

    @property
    def label(self) -> str:
        return {
            "herinnering": f"{articles.HERINNERING} sturen",
            "aanmaning": f"{articles.AANMANING_SHORT} sturen",
            "sommatie": f"{articles.SOMMATIE_SHORT} sturen",
            "persoonlijk_contact": "Persoonlijk contact zoeken",
            "melden": "Signaal afgeven",
            "bezwaar": "Niet melden: bezwaar",
            "overeenkomst": "Overeenkomst met gemeente regelen",
            "terugkoppeling_verwacht": "Terugkoppeling verwacht",
            "terugkoppeling_verwerken": "Terugkoppeling verwerken",
            "opschorting_eindigt": "Opschorting eindigt",
            "incasso_hervatten": "Incasso mag hervatten",
            "intrekken": "Signaal intrekken",
        }[self.value]


class Urgency(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    SOON = "soon"

    @property
    def label(self) -> str:
        return {"overdue": "Te laat", "today": "Vandaag", "soon": "Binnenkort"}[self.value]

    @property
    def rank(self) -> int:
        return _URGENCY_RANK[self]


_URGENCY_RANK = {Urgency.OVERDUE: 0, Urgency.TODAY: 1, Urgency.SOON: 2}


class AgendaItem(NamedTuple):
    """One line of the agenda (an immutable named tuple: the agenda makes one per action of every
    tenant in arrears, and a tuple is built several times faster than a frozen dataclass)."""

    tenant_id: str
    tenant_name: str
    address: str
    action: ActionKind
    due: dt.date
    urgency: Urgency
    text: str
    article: str

    def as_dict(self) -> dict[str, str]:
        return {
            "tenant_id": self.tenant_id,
            "tenant_name": self.tenant_name,
            "address": self.address,
            "action": self.action.value,
            "action_label": self.action.label,
            "due": self.due.isoformat(),
            "urgency": self.urgency.value,
            "urgency_label": self.urgency.label,
            "text": self.text,
            "article": self.article,
        }


@dataclass(frozen=True)
class AgendaCounts:
    """Counts for a header: ``3 te laat · 2 vandaag · 5 binnenkort``."""

    overdue: int
    today: int
    soon: int
    tenants: int

    @property
    def total(self) -> int:
        return self.overdue + self.today + self.soon

    @property
    def text(self) -> str:
        return f"{self.overdue} te laat · {self.today} vandaag · {self.soon} binnenkort"


def counts(items: list[AgendaItem]) -> AgendaCounts:
    return AgendaCounts(
        overdue=sum(1 for i in items if i.urgency == Urgency.OVERDUE),
        today=sum(1 for i in items if i.urgency == Urgency.TODAY),
        soon=sum(1 for i in items if i.urgency == Urgency.SOON),
        tenants=len({i.tenant_id for i in items}),
    )


def _urgency(due: dt.date, on: dt.date, horizon: dt.date) -> Urgency | None:
    if due < on:
        return Urgency.OVERDUE
    if due == on:
        return Urgency.TODAY
    if due <= horizon:
        return Urgency.SOON
    return None


_STEP_ACTIONS = {
    StepKey.HERINNERING: ActionKind.HERINNERING,
    StepKey.AANMANING: ActionKind.AANMANING,
    StepKey.SOMMATIE: ActionKind.SOMMATIE,
    StepKey.PERSOONLIJK_CONTACT: ActionKind.PERSOONLIJK_CONTACT,
    StepKey.INTREKKEN: ActionKind.INTREKKEN,
}


_LETTER_STEPS = (StepKey.HERINNERING, StepKey.AANMANING, StepKey.SOMMATIE)
_SETTLED = (StepStatus.DONE, StepStatus.NOT_NEEDED)  # nothing (more) to do for the step
_TO_DO = (StepStatus.DUE_TODAY, StepStatus.OVERDUE, StepStatus.UPCOMING)
_FEEDBACK_TO_PROCESS = (
    FeedbackStatus.GEEN_INWONER,
    FeedbackStatus.ONTERECHT,
    FeedbackStatus.OVERIG,
)


def items_for_case(
    case: Case, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[tuple[ActionKind, dt.date, str, str]]:
    """The agenda entries of one case: ``(action, due date, Dutch text, article)``."""
    on = case.on
    horizon = on + dt.timedelta(days=horizon_days)
    if case.deceased:  # Stage.OVERLEDEN: LCV 3.13, nothing more to do
        return []
    found: list[tuple[ActionKind, dt.date, str, str]] = []
    last_day = max(
        on, horizon
    )  # overdue, due today or due by the horizon: ``_urgency`` is not None

    def add(action: ActionKind, due: dt.date | None, text: str, article: str) -> None:
        if due is not None and due <= last_day:
            found.append((action, due, text, article))

    letter_waiting = (
        False  # only the first unsent letter is on the agenda; the next follows once it is sent
    )
    for step in case.steps:
        action = _STEP_ACTIONS.get(step.key)
        if action is None or step.suggested is None:
            continue
        if step.key in _LETTER_STEPS:
            if letter_waiting:
                continue
            if step.status not in _SETTLED:
                letter_waiting = True
        if step.status in _TO_DO:
            add(action, step.suggested, step.explanation, step.article)

    signal = case.step(StepKey.SIGNAAL)
    if signal.suggested and signal.status not in _SETTLED:
        # Two rules of the verdict decide; only those two run (the agenda needs no whole verdict).
        objection = rule_no_objection(case)
        if not objection.ok:
            # LCV 2.2: remind not to report, up to the day the signal would have been due.
            if signal.suggested >= on:
                add(
                    ActionKind.BEZWAAR,
                    signal.suggested,
                    f"{objection.text} {objection.fix}",
                    objection.article,
                )
        elif signal.status != StepStatus.BLOCKED:
            add(ActionKind.MELDEN, signal.suggested, signal.explanation, signal.article)
        else:
            agreement = rule_agreement(case)  # werkinstructie stap 1
            if not agreement.ok:
                add(
                    ActionKind.OVEREENKOMST,
                    signal.suggested,
                    f"{agreement.text} {agreement.fix}",
                    agreement.article,
                )

    feedback = case.step(StepKey.TERUGKOPPELING)
    if (
        case.last_signal is not None
        and feedback.status == StepStatus.UPCOMING
        and feedback.suggested
        and on < feedback.suggested
    ):
        add(
            ActionKind.TERUGKOPPELING_VERWACHT,
            feedback.suggested,
            feedback.explanation,
            feedback.article,
        )
    if (
        case.feedback is not None
        and case.feedback.feedback in _FEEDBACK_TO_PROCESS
        and not case.withdrawal_due
        and on - case.feedback.on <= dt.timedelta(days=horizon_days)
    ):
        add(
            ActionKind.TERUGKOPPELING_VERWERKEN,
            case.feedback.on,
            feedback.explanation,
            feedback.article,
        )

    suspension = case.step(StepKey.OPSCHORTING)
    if (
        case.suspended
        and not case.collection_may_resume
        and case.arrears.in_arrears
        and suspension.suggested
    ):
        add(
            ActionKind.OPSCHORTING_EINDIGT,
            suspension.suggested,
            f"De opschorting eindigt op {format_date(suspension.suggested)}. Betaalt de huurder de nieuwe huur niet, "
            "dan mag het incassotraject daarna verder.",
            suspension.article,
        )
    if case.collection_may_resume and case.suspended and case.collection_resume_from is not None:
        add(
            ActionKind.INCASSO_HERVATTEN,
            case.collection_resume_from,
            case.collection_note,
            articles.LCV_4_1_D_4_3,
        )
    return found


def _address(tenant: Tenant) -> str:
    place = f"{tenant.postcode} {tenant.town}".strip()
    line = tenant.address_line
    return f"{line}, {place}" if line else place


def agenda(
    data: VaultData, on: dt.date, horizon_days: int = DEFAULT_HORIZON_DAYS
) -> list[AgendaItem]:
    """Every action due, overdue or coming up within ``horizon_days`` of ``on``, most urgent first."""
    horizon = on + dt.timedelta(days=horizon_days)
    settings = data.settings
    agreements = {agreement.gemeente.casefold(): agreement for agreement in data.agreements}
    keyed: list[tuple[tuple[object, ...], AgendaItem]] = []
    # The cheap screen over every tenant first, then the cases of the few it lets through (two
    # tight loops run faster than one that alternates between them). The screen
    # (``case.needs_case``) hands its balance to the case, which then reads only the recent part
    # of the ledger (``ledger.case_ledger``).
    candidates = [
        (tenant, balance) for tenant in data.tenants if (balance := screen(tenant, on)) is not None
    ]
    for tenant, balance in candidates:
        case = build_case(
            tenant, on, settings, agreements.get(tenant.gemeente.casefold()), balance=balance
        )
        if case is None:
            continue
        entries = items_for_case(case, horizon_days)
        if not entries:
            continue
        name = tenant.display_name
        address = _address(tenant)
        sort_name = tenant.sort_key
        for order, (action, due, text, article) in enumerate(entries):
            urgency = _urgency(due, on, horizon)
            assert urgency is not None
            item = AgendaItem(tenant.id, name, address, action, due, urgency, text, article)
            keyed.append(((_URGENCY_RANK[urgency], due, sort_name, tenant.id, order), item))
    keyed.sort(key=itemgetter(0))
    return [item for _, item in keyed]


LETTER_ACTIONS: tuple[tuple[ActionKind, EventKind], ...] = (
    (ActionKind.HERINNERING, EventKind.HERINNERING),
    (ActionKind.AANMANING, EventKind.AANMANING),
    (ActionKind.SOMMATIE, EventKind.SOMMATIE),
)
"""The agenda's letter actions and the letter each one asks for, in the order they go out."""


def due_letters(
    data: VaultData, on: dt.date, items: list[AgendaItem] | None = None
) -> list[tuple[Tenant, EventKind]]:
    """Per tenant the first letter of the sequence (herinnering, aanmaning, sommatie) that the agenda
    lists as due on or before ``on``: ``(tenant, EventKind)``, most urgent tenant first.

    ``items`` is the agenda of ``data`` on ``on`` when the caller has it already (any horizon: only
    the items due on or before ``on`` count, and their order does not depend on the horizon).

    Letters go out in order (werkinstructie, voorgestelde werkwijze): when several are overdue,
    only the first is written now; the next follows once this one is recorded as sent.
    """
    letter_of = dict(LETTER_ACTIONS)
    due: dict[str, set[ActionKind]] = {}
    order: list[str] = []
    for item in agenda(data, on, horizon_days=0) if items is None else items:
        if item.action in letter_of and item.due <= on:
            if item.tenant_id not in due:
                order.append(item.tenant_id)
            due.setdefault(item.tenant_id, set()).add(item.action)
    found = []
    for tenant_id in order:
        first = next(action for action, _ in LETTER_ACTIONS if action in due[tenant_id])
        found.append((data.tenant(tenant_id), letter_of[first]))
    return found


def next_letter(case: Case | None) -> EventKind | None:
    """The letter the werkinstructie asks for next in this case (herinnering, aanmaning with text 1,
    sommatie with text 2): the first letter step not yet sent and still needed; ``None`` when all
    are sent or no longer needed, or when there is no case."""
    if case is None:
        return None
    letter_of = {
        StepKey.HERINNERING: EventKind.HERINNERING,
        StepKey.AANMANING: EventKind.AANMANING,
        StepKey.SOMMATIE: EventKind.SOMMATIE,
    }
    for step in case.steps:
        if step.key in letter_of and step.status in (
            StepStatus.DUE_TODAY,
            StepStatus.OVERDUE,
            StepStatus.UPCOMING,
        ):
            return letter_of[step.key]
    return None
