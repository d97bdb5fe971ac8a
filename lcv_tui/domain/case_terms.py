"""The case's vocabulary: the step keys and statuses, the ``Step`` tuple, the werkinstructie's
timing ("Voorgestelde werkwijze", counted from the due date ``D`` that opened the case), the letters'
dates, the feedback window and what each feedback asks of the landlord.

Nothing here knows a ``Case``: ``steps`` builds the steps of one, ``stage`` reads its stage.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from lcv_tui.domain import articles
from lcv_tui.domain.calendar import add_months, add_working_days
from lcv_tui.domain.deadlines import event_pay_by, letter_date
from lcv_tui.domain.models import Event, FeedbackStatus, Settings

DAY = dt.timedelta(days=1)

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
    StepKey.HERINNERING: (articles.HERINNERING, articles.LCV_2_1_A),
    StepKey.AANMANING: (articles.AANMANING, articles.WI_STEP_2_TEXT_1),
    StepKey.SOMMATIE: (articles.SOMMATIE, articles.WI_STEP_2_TEXT_2),
    StepKey.PERSOONLIJK_CONTACT: ("Persoonlijk contact gezocht", articles.LCV_2_1_B),
    StepKey.SCHULDHULP_GEWEZEN: ("Gewezen op schuldhulpverlening", articles.LCV_2_1_C),
    StepKey.GEGEVENS_AANGEBODEN: ("Aangeboden gegevens door te geven", articles.LCV_2_1_D),
    StepKey.BEZWAARTERMIJN: ("Bezwaartermijn", articles.LCV_2_2_TEXT_2),
    StepKey.SIGNAAL: ("Signaal afgeven", articles.LCV_3_1_D_3_4),
    StepKey.TERUGKOPPELING: ("Terugkoppeling gemeente", articles.LCV_3_13),
    StepKey.OPSCHORTING: ("Incasso opschorten", articles.LCV_4_1_4_2_A_TO_C),
    StepKey.INTREKKEN: ("Signaal intrekken", articles.WI_STEP_3_WITHDRAW),
}


STEP_POSITION: dict[StepKey, int] = {key: position for position, key in enumerate(StepKey)}
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
    (articles.LCV_4_2_A, "Schort het incassoproces op, hoogstens 30 dagen."),
    (
        articles.LCV_4_2_B,
        "Breng in die tijd geen verdere buitengerechtelijke incassokosten in rekening.",
    ),
    (
        articles.LCV_4_2_C,
        "Zet het traject bij een incassobureau of deurwaarder hoogstens 30 dagen on hold.",
    ),
)
"""LCV 4.2 a–c: what the landlord does after the feedback "help accepted", for the claims in the signal."""


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


def feedback_due(signal: Event | None, threatening: Event | None) -> dt.date | None:
    """LCV 3.13: the municipality acts at the latest 4 weeks after the signal; in a threatening
    situation (eviction; werkinstructie stap 3 after Wgs art. 4) within 3 working days of the later of
    the signal and the report of the threat."""
    if signal is None:
        return None
    if threatening is not None:
        return add_working_days(max(signal.on, threatening.on), THREAT_WORKING_DAYS)
    return signal.on + FEEDBACK_WINDOW


def make_step(
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
