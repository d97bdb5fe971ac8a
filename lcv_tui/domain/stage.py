"""The stage of a case (the status column) and the one line that says what to do now."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import TYPE_CHECKING

from lcv_tui.domain import articles, rules
from lcv_tui.domain.case_terms import FEEDBACK_NEXT_STEP, FEEDBACK_WINDOW, StepKey, StepStatus
from lcv_tui.domain.models import EventKind, FeedbackStatus
from lcv_tui.domain.rules import fmt_date
from lcv_tui.domain.steps import signal_date

if TYPE_CHECKING:
    from lcv_tui.domain.case import Case


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
    Stage.HERINNERING: ("✉", f"{articles.HERINNERING} verstuurd"),
    Stage.AANMANING: ("✉", f"{articles.AANMANING_SHORT} verstuurd"),
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
