"""The wizard's eight steps as plain data, read from the domain.

This module holds no LCV rule. Every verdict, date and status comes from the domain: the case
and its steps (``workflow.case_for``), the rules' reasons (``rules.eligibility``) and what a
signal shares (``sharing``). Here they are only grouped per wizard step and given a state the
landlord can read: ``✓ gedaan``, ``! nog nodig``, ``· nog niet aan de beurt`` (or ``✗ stopt hier``
after an objection). No Textual here, so the grouping is tested without a screen.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from typing import TYPE_CHECKING

from lcv_tui.domain import articles, ledger, rules, sharing
from lcv_tui.domain.case_terms import SUSPENSION_DUTIES, StepKey, StepStatus
from lcv_tui.domain.models import Meldpunt, Route
from lcv_tui.domain.validation import format_date, format_money
from lcv_tui.domain.workflow import case_for

if TYPE_CHECKING:
    from lcv_tui.domain.case import Case
    from lcv_tui.domain.case_terms import Step
    from lcv_tui.domain.models import Agreement, Tenant, VaultData
    from lcv_tui.domain.rules import Reason, Verdict


class WizardStep(IntEnum):
    ACHTERSTAND = 0
    INCASSO = 1
    BRIEVEN = 2
    BEZWAAR = 3
    GEMEENTE = 4
    CONTROLE = 5
    MELDEN = 6
    DAARNA = 7

    @property
    def number(self) -> int:
        return self.value + 1

    @property
    def title(self) -> str:
        return _TEXT[self][0]

    @property
    def article(self) -> str:
        return _TEXT[self][1]

    @property
    def short_title(self) -> str:
        """For the step list, where the full title does not fit."""
        return "Incasso (LCV 2.1)" if self == WizardStep.INCASSO else self.title

    @property
    def intro(self) -> str:
        """Two or three plain Dutch sentences: what the law asks here, and why."""
        return _TEXT[self][2]


_TEXT: dict[WizardStep, tuple[str, str, str]] = {
    WizardStep.ACHTERSTAND: (
        "Achterstand",
        articles.LCV_3_1_D,
        "Een huurachterstand telt voor vroegsignalering vanaf 30 dagen na de vervaldatum (LCV 3.1 d). "
        "Controleer eerst of het bedrag klopt: is er inmiddels betaald, leg die betaling dan hier vast. "
        "De app rekent het bedrag, het aantal maanden en de dagen uit uw betalingen uit.",
    ),
    WizardStep.INCASSO: (
        "Maatschappelijk verantwoorde incasso",
        articles.LCV_2_1_A_TO_D,
        "Voordat u meldt, probeert u het eerst zelf netjes op te lossen (LCV 2.1): a) een schriftelijke "
        "herinnering, b) een poging tot persoonlijk contact, c) wijzen op schuldhulpverlening en d) aanbieden "
        "de gegevens aan de gemeente door te geven. U moet dat kunnen bewijzen: leg daarom vast wat u deed en wanneer.",
    ),
    WizardStep.BRIEVEN: (
        "Brieven",
        articles.WI_STEP_2,
        "De werkinstructie noemt drie brieven: rond de 5e een herinnering (zonder tekst over schuldhulp), rond de "
        "15e een aanmaning met tekst 1, en rond de 5e van de volgende maand een sommatie met tekst 2. "
        "Tekst 2 geeft de huurder 7 dagen na ontvangst om bezwaar te maken. Maak de brief hier en leg vast "
        "wanneer en hoe u hem verstuurde.",
    ),
    WizardStep.BEZWAAR: (
        "Bezwaar",
        articles.LCV_2_2,
        "Maakt de huurder bezwaar tegen het delen van zijn gegevens met de gemeente, dan meldt u hem niet "
        "(LCV 2.2). Kreeg u een bezwaar, per e-mail of op een andere manier, leg het dan hier vast. "
        "Kwam er binnen de termijn niets, dan gaat u verder.",
    ),
    WizardStep.GEMEENTE: (
        "Gemeente en route",
        articles.WI_STEP_1_ROUTE,
        "U meldt aan de gemeente waar de woning ligt, via het meldpunt dat die gemeente koos: RIS Matching, "
        "VPS van BKR, of de website Achterstanden aanleveren voor kleine verhuurders. Daarvoor is een "
        "overeenkomst met de gemeente nodig (werkinstructie stap 1).",
    ),
    WizardStep.CONTROLE: (
        "Gegevenscontrole",
        articles.WI_STEP_3_TEXTS,
        "U mag niet meer delen dan contactgegevens en het signaal zelf, en alleen wat tekst 1 en 2 de huurder "
        "hebben aangekondigd. Extra velden gaan alleen mee als u ze met de gemeente hebt afgesproken; "
        "straat en woonplaats gaan nooit mee. Controleer hieronder wat er precies gedeeld wordt.",
    ),
    WizardStep.MELDEN: (
        "Melden",
        articles.LCV_3_1_D_3_4,
        "Nu geeft u het signaal af bij het meldpunt. Via de website typt u de gegevens over van de invoerkaart; "
        "bij RIS Matching of VPS uploadt u een bestand. Leg pas vast dat u gemeld hebt als het echt gebeurd is.",
    ),
    WizardStep.DAARNA: (
        "Daarna",
        articles.LCV_3_13_4,
        "De gemeente laat binnen 4 weken alleen iets weten als de huurder hulp heeft geaccepteerd (LCV 3.13). "
        "Dan schort u de incasso hoogstens 30 dagen op (LCV 4.1, 4.2 a–c). Ontstaat in die tijd een nieuwe "
        "achterstand zonder contact met de gemeente, dan mag de incasso weer verder (LCV 4.3).",
    ),
}


class State(StrEnum):
    DONE = "done"
    NEEDED = "needed"
    LATER = "later"
    STOP = "stop"

    @property
    def symbol(self) -> str:
        return {"done": "✓", "needed": "!", "later": "·", "stop": "✗"}[self.value]

    @property
    def label(self) -> str:
        return {
            "done": "gedaan",
            "needed": "nog nodig",
            "later": "nog niet aan de beurt",
            "stop": "stopt hier",
        }[self.value]

    @property
    def text(self) -> str:
        return f"{self.symbol} {self.label}"


# Which rules of ``rules.eligibility`` belong to which wizard step.
STEP_REASONS: dict[WizardStep, tuple[str, ...]] = {
    WizardStep.ACHTERSTAND: (rules.IN_ARREARS, rules.DAYS_OVERDUE, rules.MIN_AMOUNT),
    WizardStep.INCASSO: (rules.REMINDER, rules.PERSONAL_CONTACT, rules.DEBT_HELP, rules.DATA_OFFER),
    WizardStep.BRIEVEN: (rules.REMINDER,),
    WizardStep.BEZWAAR: (rules.NO_OBJECTION, rules.OBJECTION_WINDOW),
    WizardStep.GEMEENTE: (rules.AGREEMENT,),
    WizardStep.CONTROLE: (),
    WizardStep.MELDEN: (rules.ONCE_A_MONTH, rules.REPEAT_GROWN, rules.NOT_DECEASED),
    WizardStep.DAARNA: (),
}

# Which steps of the domain's case belong to which wizard step.
STEP_KEYS: dict[WizardStep, tuple[StepKey, ...]] = {
    WizardStep.INCASSO: (
        StepKey.PERSOONLIJK_CONTACT,
        StepKey.SCHULDHULP_GEWEZEN,
        StepKey.GEGEVENS_AANGEBODEN,
    ),
    WizardStep.BRIEVEN: (StepKey.HERINNERING, StepKey.AANMANING, StepKey.SOMMATIE),
    WizardStep.BEZWAAR: (StepKey.BEZWAARTERMIJN,),
    WizardStep.MELDEN: (StepKey.SIGNAAL,),
    WizardStep.DAARNA: (StepKey.TERUGKOPPELING, StepKey.OPSCHORTING, StepKey.INTREKKEN),
}

_FROM_STATUS = {
    StepStatus.DONE: State.DONE,
    StepStatus.NOT_NEEDED: State.DONE,
    StepStatus.DUE_TODAY: State.NEEDED,
    StepStatus.OVERDUE: State.NEEDED,
    StepStatus.BLOCKED: State.NEEDED,
    StepStatus.UPCOMING: State.LATER,
}

_STATUS_SYMBOL = {
    StepStatus.DONE: "✓",
    StepStatus.NOT_NEEDED: "–",
    StepStatus.DUE_TODAY: "!",
    StepStatus.OVERDUE: "!",
    StepStatus.BLOCKED: "✗",
    StepStatus.UPCOMING: "·",
}


def combine(states: list[State]) -> State:
    """The state of a wizard step made of several domain steps: the most urgent one wins."""
    for state in (State.STOP, State.NEEDED, State.LATER):
        if state in states:
            return state
    return State.DONE


_SAY_STATUS = (StepStatus.DUE_TODAY, StepStatus.OVERDUE, StepStatus.BLOCKED)


def article_text(article: str) -> str:
    """An article to put in parentheses: ``werkinstructie stap 2 (tekst 2)`` → ``werkinstructie stap 2, tekst 2``."""
    return article.replace(" (", ", ").replace("(", "").replace(")", "")


def step_line(step: Step) -> str:
    """``✓ Herinnering: Verstuurd op 05-10-2026 per post. (LCV 2.1 a)``; the status in words when it asks for action."""
    said = f"{step.status.label}: " if step.status in _SAY_STATUS else ""
    return f"{_STATUS_SYMBOL[step.status]} {step.label}: {said}{step.explanation} ({article_text(step.article)})"


def reason_line(reason: Reason) -> str:
    """``✗ Er is geen overeenkomst … Leg de overeenkomst … vast. (werkinstructie stap 1)``"""
    symbol = "✓" if reason.ok else "✗"
    return f"{symbol} {f'{reason.text} {reason.fix}'.strip()} ({article_text(reason.article)})"


@dataclass(frozen=True)
class StepView:
    """One wizard step for one tenant: its state, where the tenant stands, the rules that apply here."""

    step: WizardStep
    state: State
    status: str
    facts: tuple[str, ...] = ()
    reasons: tuple[Reason, ...] = ()
    gate: str = ""
    """Not empty when the wizard cannot go past this step: why, and what to do."""

    @property
    def list_label(self) -> str:
        """``✓ 1 Achterstand`` for the step list."""
        return f"{self.state.symbol} {self.step.number} {self.step.short_title}"


@dataclass(frozen=True)
class WizardView:
    """The whole wizard for one tenant on one day."""

    tenant: Tenant
    agreement: Agreement | None
    case: Case | None
    verdict: Verdict
    today: dt.date
    steps: tuple[StepView, ...]

    def view(self, step: WizardStep) -> StepView:
        return self.steps[step.value]

    @property
    def route(self) -> Route:
        """How a signal goes for this tenant's gemeente (the domain's answer)."""
        return sharing.route_for(self.agreement)

    @property
    def gate(self) -> StepView | None:
        """The first step the wizard cannot go past, if any."""
        return next((view for view in self.steps if view.gate), None)

    def reachable(self, step: WizardStep) -> bool:
        gate = self.gate
        return gate is None or step <= gate.step

    def first_attention(self) -> WizardStep:
        """Where to start: a stop or a gate, else the first step that needs something, else the first
        that waits, else the last step."""
        gate = self.gate
        if gate is not None:
            first_needed = next(
                (v.step for v in self.steps if v.state == State.NEEDED and v.step < gate.step), None
            )
            return first_needed if first_needed is not None else gate.step
        if self.case is not None and self.case.last_signal is not None:
            needed_after = next(
                (
                    v.step
                    for v in self.steps
                    if v.state == State.NEEDED and v.step >= WizardStep.MELDEN
                ),
                None,
            )
            return needed_after if needed_after is not None else WizardStep.DAARNA
        for wanted in (State.NEEDED, State.LATER):
            found = next((v.step for v in self.steps if v.state == wanted), None)
            if found is not None:
                return found
        return WizardStep.DAARNA


# --- building the views ----------------------------------------------------------------------


def build_view(data: VaultData, tenant_id: str, today: dt.date) -> WizardView:
    """Everything the wizard shows for ``tenant_id`` on ``today``, from the domain."""
    tenant = data.tenant(tenant_id)
    agreement = data.agreement_for(tenant.gemeente)
    case = case_for(tenant, today, settings=data.settings, agreement=agreement)
    verdict = (
        rules.Verdict(False, (rules.rule_in_arrears_none(),))
        if case is None
        else rules.eligibility(case, today)
    )
    steps = [
        builder(tenant, agreement, case, verdict, today)
        for builder in (
            _achterstand,
            _incasso,
            _brieven,
            _bezwaar,
            _gemeente,
            _controle,
            _melden,
            _daarna,
        )
    ]
    gate = next((view for view in steps if view.gate), None)
    if gate is not None:
        # Past a gate nothing is asked of the landlord: say where the wizard stops instead.
        for index in range(gate.step + 1, len(steps)):
            view = steps[index]
            if view.state != State.DONE:
                steps[index] = replace(
                    view,
                    state=State.LATER,
                    status=(
                        f"Niet aan de beurt: de wizard stopt bij stap {gate.step.number} "
                        f"({gate.step.title.lower()})."
                    ),
                )
    return WizardView(tenant, agreement, case, verdict, today, tuple(steps))


def _reasons(verdict: Verdict, step: WizardStep) -> tuple[Reason, ...]:
    codes = STEP_REASONS[step]
    return tuple(reason for reason in verdict.reasons if reason.code in codes)


def _domain_steps(case: Case | None, step: WizardStep) -> list[Step]:
    if case is None:
        return []
    return [case.step(key) for key in STEP_KEYS.get(step, ())]


def _signalled(case: Case | None) -> bool:
    return case is not None and case.last_signal is not None


def _achterstand(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.ACHTERSTAND
    arrears = ledger.arrears(tenant, today)
    reasons = _reasons(verdict, step)
    facts = [
        f"Openstaand op {format_date(today)}: {format_money(arrears.amount)}",
        f"Maanden achterstand: {arrears.months}",
    ]
    if arrears.oldest_due is not None:
        facts.append(
            f"Oudste onbetaalde vervaldatum: {format_date(arrears.oldest_due)} ({arrears.days_overdue} dagen geleden)"
        )
    for item in arrears.open_charges:
        facts.append(
            f"  · {item.charge.label} (vervaldatum {format_date(item.charge.due)}): "
            f"{format_money(item.open_amount)} open"
        )
    if arrears.credit > 0:
        facts.append(f"Vooruitbetaald: {format_money(arrears.credit)}")
    if not arrears.in_arrears:
        if case is not None and (case.open_signal is not None or case.last_signal is not None):
            return StepView(
                step,
                State.DONE,
                "Er staat niets meer open. Kijk bij stap 8 wat er na de melding nog moet.",
                tuple(facts),
                reasons,
            )
        return StepView(
            step,
            State.DONE,
            "Er staat niets open: er is niets te melden.",
            tuple(facts),
            reasons,
            gate="Deze huurder heeft geen achterstand, dus er is niets te melden. U kunt de wizard sluiten; "
            "komt er later een achterstand, open hem dan opnieuw.",
        )
    if _signalled(case):
        return StepView(
            step, State.DONE, "De achterstand is al gemeld; zie stap 7 en 8.", tuple(facts), reasons
        )
    waiting = [reason for reason in reasons if not reason.ok]
    if waiting:
        first = waiting[0]
        return StepView(
            step,
            State.LATER,
            f"Nog te vroeg om te melden: {first.text} {first.fix}".strip(),
            tuple(facts),
            reasons,
        )
    return StepView(
        step,
        State.DONE,
        "De achterstand is oud genoeg om te melden, als de andere stappen ook gezet zijn.",
        tuple(facts),
        reasons,
    )


def _incasso(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.INCASSO
    reasons = _reasons(verdict, step)
    domain = _domain_steps(case, step)
    if case is None:
        return StepView(step, State.LATER, "Er is geen achterstand.", (), reasons)
    reminder = (
        verdict.reason(rules.REMINDER)
        if any(r.code == rules.REMINDER for r in verdict.reasons)
        else None
    )
    facts = []
    if reminder is not None:
        facts.append(f"a) {reason_line(reminder)}")
    for letter, item in zip("bcd", domain, strict=False):
        facts.append(f"{letter}) {step_line(item)}")
    state = combine([_FROM_STATUS[item.status] for item in domain])
    missing = [item for item in domain if _FROM_STATUS[item.status] == State.NEEDED]
    if state == State.DONE:
        status = (
            "Alles van LCV 2.1 is vastgelegd."
            if not _signalled(case)
            else "Vastgelegd vóór de melding."
        )
    elif missing:
        status = f"Nog vast te leggen: {', '.join(item.label.lower() for item in missing)}."
    else:
        status = "Nog niet aan de beurt; u mag het wel nu al doen en vastleggen."
    return StepView(step, state, status, tuple(facts), reasons)


def _brieven(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.BRIEVEN
    reasons = _reasons(verdict, step)
    domain = _domain_steps(case, step)
    if case is None:
        return StepView(
            step, State.LATER, "Er is geen achterstand: er is geen brief nodig.", (), reasons
        )
    facts = [step_line(item) for item in domain]
    if case.objection_deadline is not None:
        facts.append(
            f"Bezwaartermijn van tekst 2: tot en met {format_date(case.objection_deadline)}."
        )
    state = combine([_FROM_STATUS[item.status] for item in domain])
    actionable = next((item for item in domain if _FROM_STATUS[item.status] == State.NEEDED), None)
    if actionable is not None:
        status = f"Nu aan de beurt: {actionable.label.lower()}. {actionable.explanation}"
    elif state == State.LATER:
        upcoming = next(item for item in domain if item.status == StepStatus.UPCOMING)
        status = f"Volgende brief: {upcoming.label.lower()}. {upcoming.explanation}"
    else:
        status = "De brieven zijn verstuurd."
    return StepView(step, state, status, tuple(facts), reasons)


def _bezwaar(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.BEZWAAR
    reasons = _reasons(verdict, step)
    if case is None:
        return StepView(step, State.LATER, "Er is geen achterstand.", (), reasons)
    (window,) = _domain_steps(case, step)
    facts = [step_line(window)]
    if case.objection is not None:
        objection = case.objection
        how = f" {objection.channel.label}" if objection.channel else ""
        facts.append(
            f"Bezwaar ontvangen op {format_date(objection.on)}{how}."
            + (f" Notitie: {objection.note}" if objection.note else "")
        )
        gate = (
            "De huurder heeft bezwaar gemaakt tegen het delen van zijn gegevens met de gemeente (LCV 2.2). "
            "U meldt deze huurder daarom niet: de wizard stopt hier, en dat is in orde. "
            "Voor de huurder betekent dit dat de gemeente geen hulp komt aanbieden op grond van uw melding; "
            "hij kan zelf altijd hulp vragen bij de gemeente. Het gewone incassotraject mag doorgaan. "
            "Trekt de huurder het bezwaar later in, dan kunt u alsnog melden."
        )
        return StepView(
            step, State.STOP, "Bezwaar ontvangen: niet melden.", tuple(facts), reasons, gate=gate
        )
    state = _FROM_STATUS[window.status]
    if window.status == StepStatus.UPCOMING:
        status = window.explanation
    elif _signalled(case):
        status = "Geen bezwaar ontvangen vóór de melding."
    else:
        status = "Geen bezwaar ontvangen. " + window.explanation
    return StepView(step, state, status, tuple(facts), reasons)


def _gemeente(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.GEMEENTE
    reasons = _reasons(verdict, step)
    facts = [f"Gemeente van de woning: {tenant.gemeente}"]
    if agreement is not None:
        facts += [
            f"Overeenkomst: ja, sinds {format_date(agreement.signed_on)}",
            f"Meldpunt: {agreement.meldpunt.label}",
            f"Melden via: {sharing.route_for(agreement).label}",
            f"Drempel: {agreement.threshold_days} dagen"
            + (f", vanaf {format_money(agreement.min_amount)}" if agreement.min_amount else ""),
            "Afgesproken extra gegevens: "
            + (", ".join(sorted(f.label for f in agreement.shared_fields)) or "geen"),
        ]
    else:
        facts.append("Overeenkomst: nog niet vastgelegd")
    agreement_reason = next((r for r in reasons if r.code == rules.AGREEMENT), None)
    if agreement_reason is None or agreement_reason.ok:
        if agreement is None:
            return StepView(
                step,
                State.LATER,
                "Nog geen overeenkomst; die is pas nodig als er iets te melden is.",
                tuple(facts),
                reasons,
            )
        return StepView(
            step,
            State.DONE,
            f"Er is een overeenkomst met gemeente {agreement.gemeente}.",
            tuple(facts),
            reasons,
        )
    gate = "Zonder overeenkomst die al geldt kunt u niet melden: " + agreement_reason.fix
    if agreement is None:
        gate = (
            "Zonder overeenkomst met de gemeente kunt u niet melden. Zo komt u aan een overeenkomst: "
            "grote en middelgrote verhuurders melden zich aan via het "
            "NVVK-aanmeldportaal (nvvk.nl/vroegsignalering); de gemeente zet daarna een overeenkomst klaar voor "
            "RIS Matching of VPS van BKR. Als kleine verhuurder gaat het sneller: op de website Achterstanden "
            "aanleveren sluit u de overeenkomst ter plekke af en meldt u meteen. Leg de overeenkomst daarna hier "
            "vast met o. U kunt de wizard nu sluiten en later hier verdergaan."
        )
    return StepView(step, State.NEEDED, agreement_reason.text, tuple(facts), reasons, gate=gate)


def _controle(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.CONTROLE
    arrears = ledger.arrears(tenant, today)
    preview = sharing.shared_fields_preview(tenant, agreement, arrears)
    names = {label: name for name, label in sharing.FIELD_LABELS.items()}
    facts = [
        f'Tekst 1 en 2 kondigden de huurder aan: "{sharing.ANNOUNCED_SENTENCE}"',
        "",
        f"{'Veld':<27}{'Wordt gedeeld':<35}Aangekondigd",
    ]
    left_out = []
    for label, value, reason in preview:
        announced = "✓ ja" if names.get(label) in sharing.ANNOUNCED_FIELDS else "✗ nee"
        facts.append(f"{label:<27}{(value or '—'):<35}{announced}")
        if not value:
            left_out.append(f"  · {label}: {reason}")
    if left_out:
        facts += ["", "Niet gedeeld, en waarom:", *left_out]
    if _signalled(case):
        return StepView(step, State.DONE, "Gecontroleerd en gemeld.", tuple(facts))
    if verdict.allowed:
        return StepView(
            step, State.NEEDED, "Controleer vóór het melden wat er gedeeld wordt.", tuple(facts)
        )
    return StepView(
        step, State.LATER, "Dit is wat er bij een melding gedeeld zou worden.", tuple(facts)
    )


def _melden(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.MELDEN
    reasons = _reasons(verdict, step)
    if case is None:
        return StepView(step, State.LATER, "Er is geen achterstand: niets te melden.", (), reasons)
    (signal,) = _domain_steps(case, step)
    facts = [step_line(signal)]
    blocking = verdict.blocking
    if verdict.allowed:
        facts.append(
            "✓ Alle voorwaarden voor melden zijn vervuld (LCV 2.1, 2.2, 3.1 d en de overeenkomst)."
        )
        state = State.NEEDED
        from lcv_tui.tui.keys import section_hint
        from lcv_tui.tui.screens.wizard import step_action_key

        where = (
            "typ de gegevens over op de website Achterstanden aanleveren "
            f"(invoerkaart, {step_action_key('entry_card')})"
            if sharing.route_for(agreement) == Route.WEBSITE
            else f"maak een uploadbestand met dit signaal ({step_action_key('upload')}) of neem het "
            f"mee in het bestand van deze maand ({section_hint('melden')})"
        )
        status = f"Melden mag vandaag: {where}."
    elif signal.status == StepStatus.DONE:
        state = State.DONE
        status = signal.explanation
    else:
        state = _FROM_STATUS[signal.status]
        if signal.status == StepStatus.NOT_NEEDED:
            state = State.DONE
        status = signal.explanation
        facts.append("Wat nog nodig is voordat u mag melden:")
        facts += [f"  {reason_line(reason)}" for reason in blocking]
    return StepView(step, state, status, tuple(facts), reasons)


def _daarna(tenant, agreement, case, verdict, today) -> StepView:
    step = WizardStep.DAARNA
    if case is None or (case.last_signal is None and case.open_signal is None):
        later = (
            "Na de melding: de gemeente koppelt binnen 4 weken alleen terug als de huurder hulp accepteert (LCV 3.13).",
            "Hulp geaccepteerd: schort de incasso hoogstens 30 dagen op (LCV 4.1, 4.2 a–c).",
        )
        return StepView(step, State.LATER, "Komt na de melding.", later)
    domain = _domain_steps(case, step)
    facts = [step_line(item) for item in domain]
    signal = case.last_signal or case.open_signal
    if signal is not None:
        facts.insert(
            0,
            f"Gemeld op {format_date(signal.on)}"
            + (f" via {signal.route.label}" if signal.route else "")
            + ".",
        )
    if case.feedback_due_by is not None and case.feedback is None:
        facts.append(f"Terugkoppeling uiterlijk: {format_date(case.feedback_due_by)} (LCV 3.13).")
    if case.accepted is not None and case.suspension_until is not None:
        facts.append(f"Opschorten tot en met {format_date(case.suspension_until)}:")
        facts += [f"  · {text} ({article})" for article, text in SUSPENSION_DUTIES]
    if case.collection_note:
        facts.append(case.collection_note)
    facts.append("Deze datums staan vanzelf in de agenda.")
    state = combine([_FROM_STATUS[item.status] for item in domain])
    if case.suspended:
        state = (
            State.NEEDED
        )  # the suspension is running: keeping collection paused is the landlord's duty now
    status = case.next_step or "Er is nu niets te doen."
    return StepView(step, state, status, tuple(facts))


def meldpunt_choices() -> list[tuple[str, Meldpunt]]:
    """The meldpunten, the website first: that is where a small landlord signs on the spot."""
    return [
        (Meldpunt.WEBSITE.label, Meldpunt.WEBSITE),
        (Meldpunt.RIS_MATCHING.label, Meldpunt.RIS_MATCHING),
        (Meldpunt.BKR_VPS.label, Meldpunt.BKR_VPS),
    ]
