"""The steps of a case (``build_steps``): the letters, the evidence of LCV 2.1 b-d, the objection
window, the signal, the feedback, the suspension and the withdrawal, each with its suggested date,
status and article. The schedule follows the werkinstructie "Voorgestelde werkwijze"
(``case_terms``); a letter is never suggested before the pay-by date of the previous one.

Nothing here reads the clock: the case carries ``on``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.case_terms import (
    DAY,
    DEMAND_AFTER,
    FEEDBACK_NEXT_STEP,
    FEEDBACK_WINDOW,
    SIGNAL_AFTER,
    Step,
    StepKey,
    StepStatus,
    demand_date,
    feedback_due,
    make_step,
    reminder_date,
    summons_date,
)
from lcv_tui.domain.models import Channel, Event, EventKind, FeedbackStatus, Settings
from lcv_tui.domain.rules import fmt_date, fmt_money

if TYPE_CHECKING:
    from lcv_tui.domain.case import Case

_LETTERS_WITH_TEXT = (
    EventKind.AANMANING,
    EventKind.SOMMATIE,
)  # text 1 and text 2: debt help, data offer (LCV 2.1 c, d)


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
                make_step(key, suggested, StepStatus.DONE, f"Verstuurd {_sent(event)}.", event)
            )
            previous_ready = True
            continue
        if later_sent:
            steps.append(
                make_step(
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
                make_step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
            )
            continue
        if not previous_ready:
            steps.append(
                make_step(
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
            make_step(
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
            return make_step(key, suggested, StepStatus.DONE, f"Vastgelegd: {_sent(event)}.", event)
        return make_step(
            key,
            suggested,
            StepStatus.DONE,
            f"Gedaan: {event.kind.label.lower()} {_sent(event)}.",
            event,
        )
    if case.last_signal is not None:
        return make_step(
            key,
            suggested,
            StepStatus.NOT_NEEDED,
            "Niet vastgelegd vóór de melding: leg alsnog vast wat u deed en wanneer (de "
            "bewijslast ligt bij u, LCV 2.1).",
        )
    if not case.arrears.in_arrears:
        return make_step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
    status = _timed(suggested, case.on)
    return make_step(key, suggested, status, instruction)


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
        return make_step(
            key,
            deadline,
            StepStatus.BLOCKED,
            f"Bezwaar ontvangen op {fmt_date(case.objection.on)}: niet melden (LCV 2.2). "
            f"Het gewone incassotraject mag doorgaan.",
            case.objection,
        )
    if deadline is None:
        if case.last_signal is not None or not case.arrears.in_arrears:
            return make_step(
                key,
                None,
                StepStatus.NOT_NEEDED,
                "Geen sommatie met tekst 2 verstuurd in deze zaak.",
            )
        return make_step(
            key,
            None,
            StepStatus.UPCOMING,
            "Begint met de sommatie met tekst 2: 7 dagen na ontvangst.",
        )
    if case.on <= deadline:
        return make_step(
            key,
            deadline,
            StepStatus.UPCOMING,
            f"De huurder kan tot en met {fmt_date(deadline)} bezwaar maken.",
        )
    return make_step(
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
        return make_step(
            key,
            suggested,
            StepStatus.DONE,
            f"Gemeld op {fmt_date(signal.on)}{route}{amount}.",
            signal,
        )
    if case.deceased:
        return make_step(
            key, suggested, StepStatus.NOT_NEEDED, FEEDBACK_NEXT_STEP[FeedbackStatus.OVERLEDEN]
        )
    if not case.arrears.in_arrears:
        return make_step(key, suggested, StepStatus.NOT_NEEDED, "Er is geen achterstand meer.")
    first = case.first_blocking
    if first is None:  # every rule passes
        if case.on < suggested:
            return make_step(
                key,
                suggested,
                StepStatus.UPCOMING,
                f"Alle voorwaarden zijn vervuld: meld bij het meldpunt, uiterlijk rond {fmt_date(suggested)}.",
            )
        return make_step(
            key,
            suggested,
            _timed(suggested, case.on),
            "Alle voorwaarden zijn vervuld: meld bij het digitaal meldpunt en leg de melding vast.",
        )
    if case.on < suggested:
        return make_step(
            key,
            suggested,
            StepStatus.UPCOMING,
            f"Gepland rond {fmt_date(suggested)}. Nog nodig: {first.fix or first.text}",
        )
    return make_step(key, suggested, StepStatus.BLOCKED, f"{first.text} {first.fix}".strip())


def _feedback_step(case: Case) -> Step:
    """LCV 3.13: the municipality feeds back within 4 weeks (3 working days in a threatening
    situation), and only when help was accepted."""
    key = StepKey.TERUGKOPPELING
    signal = case.last_signal
    if signal is None:
        return make_step(
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
        return make_step(
            key,
            window_end,
            StepStatus.DONE,
            f"{status.label} ({fmt_date(case.feedback.on)}). {FEEDBACK_NEXT_STEP[status]}",
            case.feedback,
        )
    if case.on <= window_end:
        return make_step(
            key,
            window_end,
            StepStatus.UPCOMING,
            f"Kijk in het meldpunt: terugkoppeling komt uiterlijk {fmt_date(window_end)}, "
            f"alleen als de huurder hulp accepteert.",
        )
    return make_step(
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
            return make_step(
                key, None, StepStatus.NOT_NEEDED, "Geen hulp geaccepteerd: niet opschorten."
            )
        return make_step(
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
        return make_step(
            key,
            until,
            StepStatus.UPCOMING,
            what.format(d=fmt_date(until)),
            case.accepted,
            done_on=None,
        )
    if case.on == until:
        return make_step(
            key,
            until,
            StepStatus.DUE_TODAY,
            "De opschorting eindigt vandaag. Betaalt de huurder niet, dan mag het incassotraject daarna verder.",
            case.accepted,
            done_on=None,
        )
    return make_step(
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
        return make_step(
            key,
            case.paid_on,
            _timed(case.paid_on, case.on),
            f"De huurder heeft na de melding alles betaald ({fmt_date(case.paid_on)}): trek het signaal in bij "
            "het meldpunt en leg dat vast.",
        )
    if case.withdrawal_due and case.objection is not None:
        return make_step(
            key,
            case.objection.on,
            _timed(case.objection.on, case.on),
            f"De huurder maakte na de melding bezwaar ({fmt_date(case.objection.on)}) tegen het delen van gegevens "
            "(LCV 2.2): trek het signaal in bij het meldpunt en leg dat vast.",
        )
    withdrawn = case.done(EventKind.SIGNAAL_INGETROKKEN)
    if withdrawn is not None:
        return make_step(
            key, None, StepStatus.DONE, f"Ingetrokken op {fmt_date(withdrawn.on)}.", withdrawn
        )
    if case.last_signal is None:
        return make_step(
            key,
            None,
            StepStatus.NOT_NEEDED,
            "Alleen nodig als de huurder na een melding alles betaalt.",
        )
    return make_step(
        key, None, StepStatus.UPCOMING, "Betaalt de huurder alles, trek dan het signaal in."
    )
