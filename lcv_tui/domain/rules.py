"""May this tenant be signalled today? Every rule is one small function naming its article.

``eligibility(case, on)`` runs all of them and returns a ``Verdict`` that lists every rule
checked, passed or not, each with a Dutch text saying what was found and, when it fails, what
to do. A signal is allowed only when every rule passes. Whatever else holds, a signal is never
allowed with an objection in force, fewer than 30 days past the due date, or no written reminder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from lcv_tui.domain import articles
from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.models import Agreement, Event, EventKind, FeedbackStatus, Meldpunt
from lcv_tui.domain.validation import format_money

if TYPE_CHECKING:
    from lcv_tui.domain.case import Case

IN_ARREARS = "in_arrears"
DAYS_OVERDUE = "days_overdue"
MIN_AMOUNT = "min_amount"
REMINDER = "reminder"
PERSONAL_CONTACT = "personal_contact"
DEBT_HELP = "debt_help"
DATA_OFFER = "data_offer"
NO_OBJECTION = "no_objection"
OBJECTION_WINDOW = "objection_window"
AGREEMENT = "agreement"
ONCE_A_MONTH = "once_a_month"
REPEAT_GROWN = "repeat_grown"
NOT_DECEASED = "not_deceased"
STILL_RESIDENT = "still_resident"
SUSPENDED = "suspended"


@lru_cache(maxsize=4096)
def fmt_money(amount: Decimal) -> str:
    """``validation.format_money`` (``€ 1.234,50``), remembered: a pure function of an immutable
    amount, and every case states its arrears, mostly a few rents times a few months."""
    return format_money(amount)


@lru_cache(maxsize=4096)
def fmt_date(day: dt.date) -> str:
    """``validation.format_date`` (dd-mm-jjjj) without strftime: it runs for every rule and step of
    every case, mostly for the same few hundred dates, so the answers are remembered."""
    return f"{day.day:02d}-{day.month:02d}-{day.year}"


class Reason(NamedTuple):
    """One rule checked: its code, the article it follows, whether it passed, and in Dutch what was
    found (``text``) and what to do about it (``fix``, empty when it passed).

    An immutable named tuple rather than a frozen dataclass: every case makes one per rule, and a
    tuple is built several times faster."""

    code: str
    article: str
    ok: bool
    text: str
    fix: str = ""
    short: str = ""  # a few words for the status column when it fails


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    reasons: tuple[Reason, ...]

    @property
    def blocking(self) -> tuple[Reason, ...]:
        return tuple(reason for reason in self.reasons if not reason.ok)

    def reason(self, code: str) -> Reason:
        for reason in self.reasons:
            if reason.code == code:
                return reason
        raise KeyError(code)

    @property
    def message(self) -> str:
        """All failed rules in one Dutch text (for a refusal)."""
        lines = [f"{r.text} {r.fix}".strip() + f" ({r.article})" for r in self.blocking]
        return (
            "Melden mag nog niet:\n" + "\n".join(f"- {line}" for line in lines)
            if lines
            else "Melden mag."
        )


class RuleViolation(ValueError):
    """Raised when an action is refused by the rules; carries the whole ``Verdict``."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(verdict.message)
        self.verdict = verdict
        self.message = verdict.message


# --- the rules --------------------------------------------------------------------------------


def rule_in_arrears(case: Case) -> Reason:
    """LCV 3.1: only a tenant with arrears is signalled."""
    if case.arrears.in_arrears:
        return Reason(
            IN_ARREARS,
            articles.LCV_3_1,
            True,
            f"Er is een huurachterstand van {fmt_money(case.arrears.amount)}.",
        )
    return Reason(
        IN_ARREARS,
        articles.LCV_3_1,
        False,
        "Er is geen huurachterstand.",
        "Niets melden.",
        "geen achterstand",
    )


def rule_days_overdue(case: Case) -> Reason:
    """LCV 3.1 d: a signal for rent arrears from 30 days on; the agreement with the municipality may
    set a longer term (``agreement.threshold_days``).

    Reading (issue 13.4). The days count from the first unpaid due date of the arrears episode
    (``Case.first_due``; ``ledger.episode_from``): the episode lasts while the balance of rent due
    stays above zero, so a payment that leaves arrears open does not restart the count, and a
    tenant always exactly one month behind is signalled. A signal needs *more than* the threshold:
    day 31 at the earliest. LCV 3.1 d says "vanaf 30 dagen"; tekst 1 of the werkinstructie tells
    the tenant the data is passed on when the arrears last "meer dan 30 dagen". Day 31 satisfies
    both, so the landlord never reports earlier than the tenant was told.
    """
    article = articles.LCV_3_1_D
    days = case.threshold_days
    source = (
        f"de overeenkomst met gemeente {case.agreement.gemeente} legt de grens op meer dan {days} dagen"
        if case.agreement and days != 30
        else "melden mag bij meer dan 30 dagen (LCV 3.1 d, tekst 1)"
    )
    if not case.arrears.in_arrears:
        return Reason(
            DAYS_OVERDUE,
            article,
            False,
            f"Er is geen onbetaalde huur over de vervaldatum; {source}.",
            "Niets melden.",
            "geen achterstand",
        )
    first = case.first_due
    overdue = (case.on - first).days
    if overdue > days:
        return Reason(
            DAYS_OVERDUE,
            article,
            True,
            f"De achterstand loopt sinds de vervaldatum {fmt_date(first)}: {overdue} dagen; {source}.",
        )
    return Reason(
        DAYS_OVERDUE,
        article,
        False,
        f"De achterstand loopt sinds de vervaldatum {fmt_date(first)}: pas {overdue} dagen; {source}.",
        f"Wacht tot {fmt_date(first + dt.timedelta(days=days + 1))}.",
        f"pas {overdue} dagen",
    )


def rule_min_amount(case: Case) -> Reason:
    """LCV 3.1 d with LCV 6: the agreement with the municipality may set a minimum amount."""
    article = articles.LCV_3_1_D_AGREEMENT
    minimum = case.agreement.min_amount if case.agreement else None
    if not minimum:
        return Reason(
            MIN_AMOUNT, article, True, "De overeenkomst met de gemeente noemt geen drempelbedrag."
        )
    amount = case.arrears.amount
    if amount >= minimum:
        return Reason(
            MIN_AMOUNT,
            article,
            True,
            f"De achterstand ({fmt_money(amount)}) haalt het drempelbedrag van de gemeente ({fmt_money(minimum)}).",
        )
    return Reason(
        MIN_AMOUNT,
        article,
        False,
        f"De achterstand ({fmt_money(amount)}) is lager dan het drempelbedrag van gemeente "
        f"{case.agreement.gemeente if case.agreement else ''} ({fmt_money(minimum)}).",
        "Niet melden zolang de achterstand onder het drempelbedrag in de overeenkomst blijft.",
        "onder drempelbedrag",
    )


def rule_reminder(case: Case) -> Reason:
    """LCV 2.1 a and 3.1 ("inclusief minimaal één herinnering"): at least one written payment reminder.
    Any of the three letters (herinnering, aanmaning, sommatie) is a written reminder."""
    if case.letters:  # the letters among the case's events, all on or before ``case.on``
        first = case.letters[0]
        return Reason(
            REMINDER,
            articles.LCV_2_1_A_3_1,
            True,
            f"Schriftelijke herinnering verstuurd op {fmt_date(first.on)} ({first.kind.label.lower()}).",
        )
    return Reason(
        REMINDER,
        articles.LCV_2_1_A_3_1,
        False,
        "Er is nog geen schriftelijke herinnering verstuurd.",
        "Stuur eerst een herinneringsbrief (per post, e-mail of afgegeven) en leg die vast.",
        "geen herinnering",
    )


def rule_personal_contact(case: Case) -> Reason:
    """LCV 2.1 b: an effort to make personal contact. Only an explicit record counts (how and when)."""
    event = case.done(EventKind.PERSOONLIJK_CONTACT)
    if event:
        how = f" {event.channel.label}" if event.channel else ""
        return Reason(
            PERSONAL_CONTACT,
            articles.LCV_2_1_B,
            True,
            f"Persoonlijk contact gezocht op {fmt_date(event.on)}{how}.",
        )
    return Reason(
        PERSONAL_CONTACT,
        articles.LCV_2_1_B,
        False,
        "Er is niet vastgelegd dat u persoonlijk contact zocht.",
        "Probeer de huurder te spreken (bellen, langsgaan) over de achterstand en leg vast hoe en wanneer.",
        "persoonlijk contact ontbreekt",
    )


def _evidence(case: Case, explicit: EventKind) -> Event | None:
    """LCV 2.1 c/d evidence: the explicit event, or the aanmaning (text 1) or sommatie (text 2),
    whose texts point to debt help and offer to pass the data to the municipality."""
    return case.first_of(explicit, EventKind.AANMANING, EventKind.SOMMATIE)


def rule_debt_help(case: Case) -> Reason:
    """LCV 2.1 c: pointed to the options for debt help (text 1 and text 2 do; or an explicit record)."""
    event = _evidence(case, EventKind.SCHULDHULP_GEWEZEN)
    if event:
        return Reason(
            DEBT_HELP,
            articles.LCV_2_1_C,
            True,
            f"Gewezen op schuldhulpverlening op {fmt_date(event.on)} ({event.kind.label.lower()}).",
        )
    return Reason(
        DEBT_HELP,
        articles.LCV_2_1_C,
        False,
        "De huurder is nog niet gewezen op schuldhulpverlening.",
        "Stuur de aanmaning met tekst 1, of leg vast wanneer u de huurder op schuldhulpverlening wees.",
        "niet gewezen op schuldhulp",
    )


def rule_data_offer(case: Case) -> Reason:
    """LCV 2.1 d: offered to pass the data to the municipality (text 1 and text 2 do; or an explicit record)."""
    event = _evidence(case, EventKind.GEGEVENS_AANGEBODEN)
    if event:
        return Reason(
            DATA_OFFER,
            articles.LCV_2_1_D,
            True,
            f"Aangeboden de gegevens door te geven aan de gemeente op {fmt_date(event.on)} "
            f"({event.kind.label.lower()}).",
        )
    return Reason(
        DATA_OFFER,
        articles.LCV_2_1_D,
        False,
        "De huurder is nog niet verteld dat de gegevens naar de gemeente gaan.",
        "Stuur de aanmaning met tekst 1, of leg vast wanneer u aanbood de gegevens door te geven.",
        "gegevens niet aangeboden",
    )


def rule_no_objection(case: Case) -> Reason:
    """LCV 2.2: a tenant who objects to the exchange of data must not be included in signals.
    The objection holds for the tenant, across episodes, until withdrawn."""
    if case.objection is None:
        return Reason(
            NO_OBJECTION,
            articles.LCV_2_2,
            True,
            "De huurder heeft geen bezwaar gemaakt tegen het delen van gegevens.",
        )
    return Reason(
        NO_OBJECTION,
        articles.LCV_2_2,
        False,
        f"De huurder heeft op {fmt_date(case.objection.on)} bezwaar gemaakt tegen het "
        f"delen van gegevens met de gemeente.",
        "Neem deze huurder niet op in een signaal. Het gewone incassotraject mag doorgaan. "
        "Meld pas als de huurder het bezwaar intrekt.",
        "bezwaar",
    )


def _window_source(case: Case) -> str:
    """Which date set the window's end, when the letter printed another one than the app computes."""
    from lcv_tui.domain.deadlines import objection_deadline

    sommatie = case.sommatie
    if sommatie is None or case.objection_deadline is None or sommatie.channel is None:
        return ""
    computed = objection_deadline(sommatie.on, sommatie.channel, case.settings)
    printed = max(
        (d for d in (sommatie.objection_deadline, sommatie.report_after) if d is not None),
        default=None,
    )
    if printed is None or printed == computed:
        return ""
    return (
        f" De brief noemde {fmt_date(printed)}; uit de verzending {sommatie.channel.label} op "
        f"{fmt_date(sommatie.on)} volgt {fmt_date(computed)}. De latere datum geldt."
    )


def rule_objection_window(case: Case) -> Reason:
    """Werkinstructie stap 2, text 2: signal only when nothing was heard within 7 days after the
    tenant received the sommatie; so the sommatie must have been sent and the window be over.

    The window ends on the later of the deadline computed from the recorded sending (date and
    channel) and the dates the letter printed (objection deadline, "melden na"): the tenant may rely
    on what the letter said (issue 13.1; LCV 2.2). ``Case.objection_deadline`` is that later date
    (``deadlines.effective_objection_deadline``)."""
    article = articles.WI_STEP_2_TEXT_2
    if case.sommatie is None or case.objection_deadline is None:
        return Reason(
            OBJECTION_WINDOW,
            article,
            False,
            "De sommatie met tekst 2 is nog niet verstuurd.",
            "Stuur de 5-dagen sommatie met tekst 2; daarna heeft de huurder 7 dagen na ontvangst om bezwaar te maken.",
            "sommatie ontbreekt",
        )
    deadline = case.objection_deadline
    source = _window_source(case)
    if case.on <= deadline:
        return Reason(
            OBJECTION_WINDOW,
            article,
            False,
            f"De bezwaartermijn van tekst 2 loopt tot en met {fmt_date(deadline)}.{source}",
            f"Wacht tot {fmt_date(deadline + dt.timedelta(days=1))}.",
            f"bezwaartermijn tot {fmt_date(deadline)}",
        )
    return Reason(
        OBJECTION_WINDOW,
        article,
        True,
        f"De bezwaartermijn van tekst 2 is verstreken op {fmt_date(deadline)}.{source}",
    )


def rule_agreement(case: Case) -> Reason:
    """Werkinstructie stap 1: signal only to a municipality the landlord has an agreement with
    (any meldpunt, including the small-landlord website where the agreement is signed on the spot)."""
    gemeente = case.tenant.gemeente
    agreement = case.agreement
    if agreement is None:
        return Reason(
            AGREEMENT,
            articles.WI_STEP_1,
            False,
            f"Er is geen overeenkomst met gemeente {gemeente} vastgelegd.",
            f"Leg de overeenkomst met gemeente {gemeente} vast onder Gemeenten, of sluit die op de website "
            "Achterstanden aanleveren en leg hem daarna vast.",
            "geen overeenkomst",
        )
    if agreement.ended_on is not None and agreement.ended_on < case.on:
        return Reason(
            AGREEMENT,
            articles.LCV_7_1,
            False,
            f"De overeenkomst met gemeente {agreement.gemeente} is geëindigd op {fmt_date(agreement.ended_on)}.",
            f"Sluit een nieuwe overeenkomst met gemeente {agreement.gemeente} voordat u weer meldt.",
            "overeenkomst geëindigd",
        )
    if agreement.meldpunt != Meldpunt.WEBSITE and agreement.signed_on > case.on:
        return Reason(
            AGREEMENT,
            articles.WI_STEP_1,
            False,
            f"De overeenkomst met gemeente {agreement.gemeente} gaat pas in op {fmt_date(agreement.signed_on)}.",
            f"Meld vanaf {fmt_date(agreement.signed_on)}.",
            "overeenkomst nog niet ingegaan",
        )
    return Reason(
        AGREEMENT,
        articles.WI_STEP_1,
        True,
        f"Overeenkomst met gemeente {agreement.gemeente}; meldpunt: {agreement.meldpunt.label}.",
    )


def agreement_term(agreement: Agreement, on: dt.date) -> tuple[dt.date, dt.date] | None:
    """LCV 7.1: the agreement runs one year from signing and renews tacitly by a year unless ended
    3 months before. The current term's end and the last day to give notice for it, as of ``on``;
    ``None`` once the agreement has ended (``Agreement.ended_on``)."""
    if agreement.ended_on is not None and agreement.ended_on < on:
        return None
    end = add_months(agreement.signed_on, 12)
    while end <= on:
        end = add_months(end, 12)
    return end - dt.timedelta(days=1), add_months(end, -3) - dt.timedelta(days=1)


def suspension_duties(case: Case) -> tuple[Reason, ...]:
    """LCV 4.2 b and c after "help accepted": no further collection costs, and the bailiff or
    collection agency put on hold, each a recorded step with its date (on or after the acceptance).
    Empty when no help was accepted."""
    accepted = case.accepted
    if accepted is None:
        return ()
    found = []
    for code, article, kind, what in (
        (
            "no_further_costs",
            articles.LCV_4_2_B,
            EventKind.INCASSOKOSTEN_GESTOPT,
            "geen verdere incassokosten",
        ),
        (
            "collection_on_hold",
            articles.LCV_4_2_C,
            EventKind.INCASSO_ON_HOLD,
            "incassobureau of deurwaarder on hold",
        ),
    ):
        done = [e for e in case.events if e.kind == kind and e.on >= accepted.on]
        if done:
            found.append(
                Reason(code, article, True, f"Vastgelegd op {fmt_date(done[0].on)}: {what}.")
            )
        else:
            found.append(
                Reason(
                    code,
                    article,
                    False,
                    f"Nog niet vastgelegd: {what}.",
                    f"Leg vast wanneer u dit deed (hulp geaccepteerd op {fmt_date(accepted.on)}).",
                    what,
                )
            )
    return tuple(found)


def rule_once_a_month(case: Case) -> Reason:
    """LCV 3.4 (monthly delivery) with 3.2 (a signal may be delivered again while arrears persist):
    our rule is not twice in the same calendar month."""
    this_month = [
        s for s in case.signals if (s.on.year, s.on.month) == (case.on.year, case.on.month)
    ]
    if not this_month:
        return Reason(ONCE_A_MONTH, articles.LCV_3_2_3_4, True, "Deze maand is nog niet gemeld.")
    next_month = add_months(case.on.replace(day=1), 1)
    return Reason(
        ONCE_A_MONTH,
        articles.LCV_3_2_3_4,
        False,
        f"Deze huurder is deze maand al gemeld (op {fmt_date(this_month[-1].on)}).",
        f"Meld opnieuw vanaf {fmt_date(next_month)} als de achterstand er dan nog is.",
        "deze maand al gemeld",
    )


def rule_repeat_grown(case: Case) -> Reason:
    """LCV 3.2: after feedback "herhaald signaal" a new signal only when the arrears have grown."""
    previous = case.signals[-1] if case.signals else None
    if previous is None:
        return Reason(REPEAT_GROWN, articles.LCV_3_2, True, "Er is nog niet eerder gemeld.")
    feedback = [
        e
        for e in case.tenant.events
        if e.kind == EventKind.TERUGKOPPELING and previous.on <= e.on <= case.on
    ]
    repeated = any(e.feedback == FeedbackStatus.HERHAALD_SIGNAAL for e in feedback)
    if not repeated or previous.amount is None:
        return Reason(
            REPEAT_GROWN,
            articles.LCV_3_2,
            True,
            "Opnieuw melden mag zolang de achterstand blijft bestaan.",
        )
    if case.arrears.amount > previous.amount:
        return Reason(
            REPEAT_GROWN,
            articles.LCV_3_2,
            True,
            f"De achterstand is opgelopen sinds de vorige melding "
            f"({fmt_money(previous.amount)} → {fmt_money(case.arrears.amount)}).",
        )
    return Reason(
        REPEAT_GROWN,
        articles.LCV_3_2,
        False,
        f"De gemeente gaf 'herhaald signaal' terug en de achterstand ({fmt_money(case.arrears.amount)}) is niet "
        f"opgelopen sinds de vorige melding ({fmt_money(previous.amount)}).",
        "Meld opnieuw alleen als de achterstand is opgelopen.",
        "herhaald signaal",
    )


def rule_not_deceased(case: Case) -> Reason:
    """LCV 3.13 feedback "overleden": a deceased tenant is never signalled again."""
    if not case.deceased:
        return Reason(NOT_DECEASED, articles.LCV_3_13, True, "Geen melding van overlijden.")
    return Reason(
        NOT_DECEASED,
        articles.LCV_3_13,
        False,
        "De gemeente meldde dat de huurder is overleden.",
        "Meld deze huurder niet meer en sluit het dossier af.",
        "overleden",
    )


def rule_still_resident(case: Case) -> Reason:
    """LCV definitions ("Inwoner": living in the municipality) and the upload file's address of
    residence (verblijfsadres, werkinstructie stap 3): once the tenancy has ended the tenant no
    longer lives at the address, so a signal could not reach them there."""
    end = case.tenant.tenancy_end
    if end is None or end >= case.on:
        return Reason(
            STILL_RESIDENT,
            articles.LCV_RESIDENT,
            True,
            "De huurder woont op het adres waarvoor gemeld wordt.",
        )
    return Reason(
        STILL_RESIDENT,
        articles.LCV_RESIDENT,
        False,
        f"De huur is geëindigd op {fmt_date(end)}: de huurder woont niet meer op dit adres.",
        "Niet melden bij de gemeente; vorder de achterstand via het gewone incassotraject.",
        "huur geëindigd",
    )


def rule_not_suspended(case: Case) -> Reason:
    """LCV 4.1, 4.2 a: once the tenant accepted help, the landlord suspends the collection process
    for at most 30 days; a signal is part of that process, so none is delivered while the suspension
    is in force. It ends after the 30 days, or earlier when new rent goes unpaid without contact
    from the municipality (LCV 4.1 d, 4.3)."""
    article = articles.LCV_4_1_4_2_A
    if not case.suspension_in_force or case.suspension_until is None:
        return Reason(SUSPENDED, article, True, "Het incassotraject is niet opgeschort.")
    until = case.suspension_until
    return Reason(
        SUSPENDED,
        article,
        False,
        f"De huurder heeft hulp geaccepteerd: het incassotraject is opgeschort tot en met {fmt_date(until)}.",
        f"Meld niet tijdens de opschorting; kijk na {fmt_date(until)} opnieuw.",
        f"opgeschort tot {fmt_date(until)}",
    )


RULES: tuple[Callable[[Case], Reason], ...] = (
    rule_in_arrears,
    rule_days_overdue,
    rule_min_amount,
    rule_reminder,
    rule_personal_contact,
    rule_debt_help,
    rule_data_offer,
    rule_no_objection,
    rule_objection_window,
    rule_agreement,
    rule_once_a_month,
    rule_repeat_grown,
    rule_not_deceased,
    rule_still_resident,
    rule_not_suspended,
)


def evaluate(case: Case) -> Verdict:
    """All rules for the case as it stands on ``case.on``."""
    reasons = tuple([rule(case) for rule in RULES])
    return Verdict(all(reason.ok for reason in reasons), reasons)


def first_failure(case: Case) -> Reason | None:
    """The first rule that fails for the case, ``None`` when every rule passes: the same as
    ``evaluate(case).blocking[0]``, but the rules after the first failure do not run."""
    for rule in RULES:
        reason = rule(case)
        if not reason.ok:
            return reason
    return None


def eligibility(case: Case, on: dt.date) -> Verdict:
    """May the case's tenant be signalled on ``on``? Lists every rule checked."""
    if on != case.on:
        from lcv_tui.domain.workflow import case_for

        moved = case_for(case.tenant, on, settings=case.settings, agreement=case.agreement)
        if moved is None:
            return Verdict(False, (rule_in_arrears_none(),))
        case = moved
    return case.verdict


def rule_in_arrears_none() -> Reason:
    """LCV 3.1: no case, so no arrears."""
    return Reason(
        IN_ARREARS,
        articles.LCV_3_1,
        False,
        "Er is geen huurachterstand.",
        "Niets melden.",
        "geen achterstand",
    )
