"""The only way to change a tenant's file. Used by the TUI and the CLI.

Each function checks its input, appends one record (an ``Event``, a ``Payment``, an
``Adjustment``, or a tenant change) and one audit entry naming the action, the tenant and the
record by id with a digest of its content: no names, addresses or amounts in the audit log.
``now`` (a datetime) comes from the caller's clock; nothing here reads the time.

Refusals are ``ValueError`` (or pydantic ``ValidationError``) with a Dutch message that says what
to do; a signal the rules forbid raises ``rules.RuleViolation``, which carries the ``Verdict``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from operator import attrgetter
from typing import Any

from lcv_tui.domain import audit, deadlines, ledger
from lcv_tui.domain.bank import Assignment, BankImportResult, BankPlan, LineKind, bank_refs_read
from lcv_tui.domain.case import active_objection
from lcv_tui.domain.letters import Letter
from lcv_tui.domain.models import (
    LETTER_CHANNELS,
    LETTER_KINDS,
    Adjustment,
    AdjustmentKind,
    Agreement,
    Channel,
    Correction,
    Event,
    EventKind,
    FeedbackStatus,
    Meldpunt,
    Payment,
    RentChange,
    Route,
    Settings,
    Tenant,
    VaultData,
    new_id,
)
from lcv_tui.domain.rent import rent_increase_preview
from lcv_tui.domain.rules import RuleViolation, Verdict, eligibility, rule_in_arrears_none
from lcv_tui.domain.sharing import shared_labels, signal_record
from lcv_tui.domain.validation import format_date, format_date_long, parse_amount
from lcv_tui.domain.workflow import case_for

STEP_KINDS = (
    EventKind.PERSOONLIJK_CONTACT,
    EventKind.SCHULDHULP_GEWEZEN,
    EventKind.GEGEVENS_AANGEBODEN,
)
PROTECTED_TENANT_FIELDS = frozenset({"id", "payments", "adjustments", "events", "corrections"})


# --- helpers ------------------------------------------------------------------------------------


def _tenant(data: VaultData, tenant_id: str) -> Tenant:
    try:
        return data.tenant(tenant_id)
    except KeyError:
        raise ValueError(
            "Deze huurder bestaat niet (meer). Kies de huurder opnieuw in de lijst."
        ) from None


def _not_in_future(on: dt.date, now: dt.datetime, what: str) -> None:
    if on > now.date():
        raise ValueError(
            f"{what} ligt in de toekomst ({format_date(on)}): leg alleen vast wat al gebeurd is."
        )


def _not_before_tenancy(tenant: Tenant, on: dt.date, what: str) -> None:
    if on < tenant.tenancy_start:
        raise ValueError(
            f"{what} ({format_date(on)}) ligt vóór het begin van de huur ({format_date(tenant.tenancy_start)})."
        )


def _append_event(
    data: VaultData, tenant: Tenant, event: Event, now: dt.datetime, actor: str
) -> Event:
    tenant.events.append(event)
    audit.append(
        data.audit,
        at=now,
        action=f"event.{event.kind.value}",
        actor=actor,
        tenant_id=tenant.id,
        ref=event.id,
        content=audit.digest(event.model_dump_json()),
    )
    return event


def _agreement(data: VaultData, tenant: Tenant) -> Agreement | None:
    return data.agreement_for(tenant.gemeente)


# --- the process ---------------------------------------------------------------------------------


def _letters_of_case(tenant: Tenant, on: dt.date, settings: Settings) -> list[Event]:
    """The letters recorded in the tenant's current arrears episode up to ``on`` (oldest first)."""
    case = case_for(tenant, on, settings=settings, agreement=None)
    return list(case.letters) if case is not None else []


def letter_refusal(
    tenant: Tenant, kind: EventKind, on: dt.date, letter: Letter | None
) -> str | None:
    """Issue 12.5: a letter recorded as sent before the date it bears is refused (a letter cannot be
    posted before it was written; the terms it printed would not hold). Also the letter must be for
    this tenant and of this kind."""
    if letter is None:
        return None
    if letter.tenant_id != tenant.id:
        return "Deze brief is voor een andere huurder geschreven: kies de juiste huurder of brief."
    if letter.kind != kind:
        return f"Deze brief is een {letter.title.lower()}: leg hem vast als {letter.title.lower()}."
    if on < letter.date:
        return (
            f"De verzenddatum ({format_date(on)}) ligt vóór de datum in de brief ({format_date(letter.date)}): "
            "een brief kan niet verstuurd zijn voordat hij gedateerd is. Vul de juiste verzenddatum in, of leg "
            "de verzending vast op de dag dat u de brief verstuurt."
        )
    return None


def sent_not_yet_possible(letter_date: dt.date, today: dt.date) -> str | None:
    """Why a letter cannot be recorded as sent today, or None when it can.

    A letter bears a working day (``deadlines.letter_date``, Algemene termijnenwet art. 3), and it is
    recorded as sent on or after that date and never in the future (issue 12.5: ``letter_refusal``
    and ``_not_in_future``). A letter made on a weekend or holiday therefore bears the next working
    day: it can only be recorded from that day on, which the landlord is told before being asked."""
    if letter_date <= today:
        return None
    return (
        f"Een brief van vandaag is gedateerd {format_date_long(letter_date)}, de eerstvolgende "
        "werkdag. U kunt hem pas vanaf die dag als verstuurd vastleggen: verstuur hem dan en leg het "
        "vast via Brieven van vandaag of het dossier. Tot dan blijft de brief op de agenda staan."
    )


def letter_warnings(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    channel: Channel,
    letter: Letter | None = None,
) -> list[str]:
    """What is odd about recording this letter as sent, in Dutch: the caller asks "Weet u het
    zeker?" before ``record_letter``. Empty when nothing is odd.

    - Three or more letters sent to one tenant on one day (issue 12.5).
    - A sommatie sent before the pay-by date of the aanmaning ran out (issue 12.5; werkinstructie
      "Voorgestelde werkwijze": the sommatie follows when the aanmaning was not paid).
    - A channel or date that differs from the one the letter was written for: the terms then follow
      the later date (issue 13.1; werkinstructie stap 2, tekst 2).
    """
    tenant = _tenant(data, tenant_id)
    if letter_refusal(tenant, EventKind(kind), on, letter) is not None:
        return []  # refused outright by ``record_letter``: nothing to ask first
    settings = data.settings
    warnings: list[str] = []
    same_day = [e for e in tenant.events if e.kind in LETTER_KINDS and e.on == on]
    if len(same_day) + 1 >= 3:
        warnings.append(
            f"Dit is de {len(same_day) + 1}e brief aan deze huurder op {format_date(on)}. "
            "Drie brieven op één dag is ongebruikelijk: controleer de datum."
        )
    if kind == EventKind.SOMMATIE:
        demands = [
            e for e in _letters_of_case(tenant, on, settings) if e.kind == EventKind.AANMANING
        ]
        if demands:
            term = deadlines.event_pay_by(demands[-1], settings)
            if on <= term:
                warnings.append(
                    f"De aanmaning gaf de huurder tot en met {format_date(term)} om te betalen; "
                    f"een sommatie op {format_date(on)} komt vóór het einde van die termijn."
                )
    if letter is not None:
        if Channel(channel) != letter.channel:
            warnings.append(
                f"De brief is geschreven om {letter.channel.label} te versturen, maar u legt vast dat hij "
                f"{Channel(channel).label} is verstuurd. De termijnen volgen de latere datum: die uit de "
                "brief of die van de werkelijke verzending."
            )
        if on > letter.date:
            warnings.append(
                f"De brief is gedateerd {format_date(letter.date)} en verstuurd op {format_date(on)}. "
                "De termijnen tellen vanaf de verzending als die later uitkomen dan in de brief."
            )
    return warnings


def record_letter(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    channel: Channel,
    letter_text: str | None = None,
    *,
    now: dt.datetime,
    actor: str,
    note: str = "",
    letter: Letter | None = None,
    document_sha256: str | None = None,
    proof: str = "",
) -> Event:
    """A letter was sent: herinnering (LCV 2.1 a), aanmaning with text 1 or sommatie with text 2
    (werkinstructie stap 2). A letter is written: by post, by e-mail or handed over.

    With ``letter`` (the letter as written), the event keeps what it printed: its date, the channel
    it was written for, the pay-by date, the objection deadline and the day after which the tenant
    is reported (issue 13.1), and by default its text. ``document_sha256`` names the document sent,
    stored encrypted by the store; ``proof`` is an optional proof of dispatch (registered-post
    number, e-mail message id). Refused when sent before the date the letter bears (issue 12.5).
    Ask ``letter_warnings`` first: this function records without asking.
    """
    tenant = _tenant(data, tenant_id)
    kind = EventKind(kind)
    if kind not in LETTER_KINDS:
        raise ValueError("Kies een brief: herinnering, aanmaning (tekst 1) of sommatie (tekst 2).")
    channel = Channel(channel)
    if channel not in LETTER_CHANNELS:
        raise ValueError(
            "Een brief is schriftelijk: kies per post, per e-mail of afgegeven (LCV 2.1 a)."
        )
    _not_in_future(on, now, "De verzenddatum")
    _not_before_tenancy(tenant, on, "De verzenddatum")
    refusal = letter_refusal(tenant, kind, on, letter)
    if refusal is not None:
        raise ValueError(refusal)
    if (
        kind == EventKind.SOMMATIE
        and data.landlord is not None
        and not data.landlord.objection_email
    ):
        raise ValueError(
            "Vul eerst bij de verhuurdergegevens het e-mailadres voor bezwaar in: tekst 2 noemt dat adres."
        )
    printed: dict[str, Any] = {}
    if letter is not None:
        printed = {
            "letter_date": letter.date,
            "letter_channel": letter.channel,
            "pay_by": letter.pay_by,
            "objection_deadline": letter.objection_deadline,
            "report_after": letter.report_after,
        }
        if letter_text is None:
            letter_text = letter.text
    event = Event(
        kind=kind,
        on=on,
        channel=channel,
        note=note,
        recorded_at=now,
        letter_text=letter_text,
        document_sha256=document_sha256,
        proof=proof.strip(),
        **printed,
    )
    return _append_event(data, tenant, event, now, actor)


def record_step(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    channel: Channel | None = None,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Event:
    """Evidence of LCV 2.1 b (effort to make personal contact: how and when), 2.1 c (pointed to debt
    help) or 2.1 d (offered to pass the data to the municipality)."""
    tenant = _tenant(data, tenant_id)
    kind = EventKind(kind)
    if kind not in STEP_KINDS:
        raise ValueError(
            "Kies een stap: persoonlijk contact, gewezen op schuldhulp of gegevens aangeboden."
        )
    if kind == EventKind.PERSOONLIJK_CONTACT and channel is None:
        raise ValueError(
            "Leg vast hoe u contact zocht: telefonisch, bij een bezoek, per e-mail of per post (LCV 2.1 b)."
        )
    _not_in_future(on, now, "De datum")
    _not_before_tenancy(tenant, on, "De datum")
    event = Event(
        kind=kind, on=on, channel=Channel(channel) if channel else None, note=note, recorded_at=now
    )
    return _append_event(data, tenant, event, now, actor)


LCV_FACT_KINDS = (
    EventKind.DREIGENDE_HUISUITZETTING,
    EventKind.INCASSOKOSTEN_GESTOPT,
    EventKind.INCASSO_ON_HOLD,
    EventKind.SIGNAAL_GENEGEERD,
)


def record_fact(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Event:
    """A fact of the LCV process with its date: a threatening situation (dreigende huisuitzetting;
    the municipality acts within 3 working days, werkinstructie stap 3), no further collection costs
    (LCV 4.2 b), or the bailiff or collection agency put on hold (LCV 4.2 c), which follow help
    accepted and are refused before a "help accepted" feedback; or that the meldpunt ignored the
    latest signal's row (werkinstructie stap 3), which voids that signal (``workflow.without_ignored``)."""
    tenant = _tenant(data, tenant_id)
    kind = EventKind(kind)
    if kind not in LCV_FACT_KINDS:
        raise ValueError(
            "Kies: dreigende huisuitzetting, geen verdere incassokosten of incasso on hold."
        )
    _not_in_future(on, now, "De datum")
    _not_before_tenancy(tenant, on, "De datum")
    if kind == EventKind.SIGNAAL_GENEGEERD:
        signals = [e for e in tenant.events if e.kind == EventKind.SIGNAAL and e.on <= on]
        if not signals:
            raise ValueError(
                "Er is geen signaal vastgelegd dat het meldpunt kan hebben genegeerd (werkinstructie stap 3)."
            )
    elif kind != EventKind.DREIGENDE_HUISUITZETTING:
        accepted = [
            e
            for e in tenant.events
            if e.kind == EventKind.TERUGKOPPELING
            and e.feedback == FeedbackStatus.HULP_GEACCEPTEERD
            and e.on <= on
        ]
        if not accepted:
            raise ValueError(
                "Dit hoort bij de opschorting na 'hulp geaccepteerd' (LCV 4.2 b–c): leg eerst die terugkoppeling vast."
            )
    event = Event(kind=kind, on=on, note=note, recorded_at=now)
    return _append_event(data, tenant, event, now, actor)


def record_objection(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    channel: Channel | None = None,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Event:
    """LCV 2.2: the tenant objects to the exchange of data. Holds until withdrawn."""
    tenant = _tenant(data, tenant_id)
    _not_in_future(on, now, "De datum van het bezwaar")
    if active_objection(sorted(tenant.events, key=lambda e: e.on)) is not None:
        raise ValueError("Er staat al een bezwaar van deze huurder vast; een tweede is niet nodig.")
    event = Event(
        kind=EventKind.BEZWAAR,
        on=on,
        channel=Channel(channel) if channel else None,
        note=note,
        recorded_at=now,
    )
    return _append_event(data, tenant, event, now, actor)


def withdraw_objection(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    channel: Channel | None = None,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Event:
    """LCV 2.2: the tenant withdraws the objection; signalling may then go ahead again."""
    tenant = _tenant(data, tenant_id)
    _not_in_future(on, now, "De datum")
    objection = active_objection(sorted(tenant.events, key=lambda e: e.on))
    if objection is None:
        raise ValueError("Er is geen bezwaar om in te trekken.")
    if on < objection.on:
        raise ValueError(
            f"Het intrekken ({format_date(on)}) kan niet vóór het bezwaar ({format_date(objection.on)}) liggen."
        )
    event = Event(
        kind=EventKind.BEZWAAR_INGETROKKEN,
        on=on,
        channel=Channel(channel) if channel else None,
        note=note,
        recorded_at=now,
    )
    return _append_event(data, tenant, event, now, actor)


def expected_route(meldpunt: Meldpunt) -> Route:
    return Route.WEBSITE if meldpunt == Meldpunt.WEBSITE else Route.UPLOAD


def signal_verdict(data: VaultData, tenant_id: str, on: dt.date) -> Verdict:
    """The rules for signalling this tenant on ``on`` (also when there is no case)."""
    tenant = _tenant(data, tenant_id)
    case = case_for(tenant, on, settings=data.settings, agreement=_agreement(data, tenant))
    if case is None:
        return Verdict(False, (rule_in_arrears_none(),))
    return eligibility(case, on)


def record_signal(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    route: Route | None = None,
    *,
    now: dt.datetime,
    actor: str,
    note: str = "",
    upload_sha256: str | None = None,
    meldpunt_reference: str = "",
) -> Event:
    """LCV 3.1, 3.4: the signal was delivered to the meldpunt. Amount and months come from the
    ledger on ``on``. Refused (``RuleViolation``) unless every rule in ``rules`` passes.

    The event keeps which columns the signal filled (``sharing.signal_record``, the function that
    builds the upload file and the entry card), the SHA-256 of the uploaded file and the meldpunt's
    reference when given: the dossier shows what was shared (issue 13.7)."""
    tenant = _tenant(data, tenant_id)
    _not_in_future(on, now, "De meldingsdatum")
    verdict = signal_verdict(data, tenant_id, on)
    if not verdict.allowed:
        raise RuleViolation(verdict)
    agreement = _agreement(data, tenant)
    assert agreement is not None  # the agreement rule passed
    expected = expected_route(agreement.meldpunt)
    route = Route(route) if route is not None else expected
    if route != expected:
        raise ValueError(
            f"Gemeente {agreement.gemeente} gebruikt {agreement.meldpunt.label}: meld via {expected.label}."
        )
    arrears = ledger.arrears(tenant, on)
    event = Event(
        kind=EventKind.SIGNAAL,
        on=on,
        route=route,
        amount=arrears.amount,
        months=arrears.months,
        note=note,
        recorded_at=now,
        shared_fields=shared_labels(signal_record(tenant, agreement, arrears)),
        upload_sha256=upload_sha256,
        meldpunt_reference=meldpunt_reference.strip(),
    )
    return _append_event(data, tenant, event, now, actor)


def record_withdrawal(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    *,
    now: dt.datetime,
    actor: str,
    note: str = "",
) -> Event:
    """Werkinstructie stap 3 (intrekken): the signal was withdrawn at the meldpunt."""
    tenant = _tenant(data, tenant_id)
    _not_in_future(on, now, "De datum van intrekken")
    state: Event | None = None
    for event in sorted(tenant.events, key=lambda e: e.on):
        if event.on > on:
            break
        if event.kind == EventKind.SIGNAAL:
            state = event
        elif event.kind == EventKind.SIGNAAL_INGETROKKEN:
            state = None
    if state is None:
        raise ValueError("Er is geen openstaand signaal om in te trekken.")
    event = Event(
        kind=EventKind.SIGNAAL_INGETROKKEN, on=on, route=state.route, note=note, recorded_at=now
    )
    return _append_event(data, tenant, event, now, actor)


def record_feedback(
    data: VaultData,
    tenant_id: str,
    status: FeedbackStatus,
    on: dt.date,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Event:
    """LCV 3.13: what the municipality fed back. For "help accepted", ``on`` is the date the help was
    accepted: collection is then suspended for at most 30 days from that date (LCV 4.2)."""
    tenant = _tenant(data, tenant_id)
    status = FeedbackStatus(status)
    _not_in_future(on, now, "De datum van de terugkoppeling")
    if not any(e.kind == EventKind.SIGNAAL and e.on <= on for e in tenant.events):
        raise ValueError(
            "Terugkoppeling hoort bij een melding: er is vóór deze datum geen signaal vastgelegd."
        )
    event = Event(kind=EventKind.TERUGKOPPELING, on=on, feedback=status, note=note, recorded_at=now)
    return _append_event(data, tenant, event, now, actor)


# --- the ledger ------------------------------------------------------------------------------------


def record_payment(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    amount: Decimal | str,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Payment:
    return _add_payment(data, _tenant(data, tenant_id), on, amount, note, now, actor)


def _add_payment(
    data: VaultData,
    tenant: Tenant,
    on: dt.date,
    amount: Decimal | str,
    note: str,
    now: dt.datetime,
    actor: str,
) -> Payment:
    _not_in_future(on, now, "De betaaldatum")
    payment = Payment(on=on, amount=parse_amount(amount), note=note)
    tenant.payments.append(payment)
    audit.append(
        data.audit,
        at=now,
        action="payment.add",
        actor=actor,
        tenant_id=tenant.id,
        ref=payment.id,
        content=audit.digest(payment.to_json()),
    )
    return payment


def add_adjustment(
    data: VaultData,
    tenant_id: str,
    kind: AdjustmentKind,
    on: dt.date,
    amount: Decimal | str,
    note: str = "",
    *,
    now: dt.datetime,
    actor: str,
) -> Adjustment:
    """An extra charge (falls due on ``on``) or a correction that lowers what is owed."""
    tenant = _tenant(data, tenant_id)
    adjustment = Adjustment(
        kind=AdjustmentKind(kind), on=on, amount=parse_amount(amount), note=note
    )
    tenant.adjustments.append(adjustment)
    audit.append(
        data.audit,
        at=now,
        action="adjustment.add",
        actor=actor,
        tenant_id=tenant.id,
        ref=adjustment.id,
        content=audit.digest(adjustment.model_dump_json()),
    )
    return adjustment


def apply_rent_increase(
    data: VaultData,
    tenant_ids: Iterable[str],
    on: dt.date,
    *,
    percent: Decimal | None = None,
    amount: Decimal | None = None,
    note: str = "",
    now: dt.datetime,
    actor: str,
) -> list[RentChange]:
    """Record a rent increase from ``on`` for every selected tenant as one recorded change: a
    ``RentChange`` per tenant and one audit entry naming the tenants' ids (issue 12.2). All or
    nothing: refused (``ValueError``, Dutch) when any selected tenant cannot get it."""
    ids = list(dict.fromkeys(tenant_ids))
    if not ids:
        raise ValueError("Kies minstens één huurder.")
    lines = rent_increase_preview(data, ids, on, percent=percent, amount=amount)
    problems = [f"{line.name}: {line.problem}" for line in lines if line.problem]
    if problems:
        raise ValueError("Niets vastgelegd. " + " ".join(problems))
    by_id = {tenant.id: tenant for tenant in data.tenants}
    changes = []
    for line in lines:
        change = RentChange(on=on, amount=line.new, note=note)
        tenant = by_id[line.tenant_id]
        tenant.rent_changes.append(change)
        tenant.rent_changes.sort(key=attrgetter("on"))
        changes.append(change)
    content = "\n".join(
        f"{line.tenant_id}:{change.model_dump_json()}"
        for line, change in zip(lines, changes, strict=True)
    )
    audit.append(
        data.audit,
        at=now,
        action="rent.increase",
        actor=actor,
        ref=",".join(ids),
        content=audit.digest(content),
    )
    return changes


# --- putting mistakes right ------------------------------------------------------------------------

Record = Payment | Adjustment | Event

CORRECTABLE_FIELDS: dict[str, frozenset[str]] = {
    "payment": frozenset({"on", "amount", "note"}),
    "adjustment": frozenset({"kind", "on", "amount", "note"}),
    "event": frozenset({"on", "channel", "note"}),
}
"""What a correction may change, per kind of record; the kind of a step or letter never changes
(record the right one and let the wrong one lapse). A signal may also correct what it delivered
(amount, months, route), feedback what was fed back."""

_EVENT_EXTRA_FIELDS: dict[EventKind, frozenset[str]] = {
    EventKind.SIGNAAL: frozenset({"amount", "months", "route"}),
    EventKind.SIGNAAL_INGETROKKEN: frozenset({"route"}),
    EventKind.TERUGKOPPELING: frozenset({"feedback"}),
}


def record_kind(record: Record) -> str:
    """``payment``, ``adjustment`` or ``event``: the list of the tenant's file the record lives in."""
    if isinstance(record, Payment):
        return "payment"
    if isinstance(record, Adjustment):
        return "adjustment"
    return "event"


def record_label(record: Record) -> str:
    """What the record is, in Dutch: ``Betaling``, ``Extra post``, ``Herinnering verstuurd``."""
    if isinstance(record, Payment):
        return "Betaling"
    if isinstance(record, Adjustment):
        return record.kind.label
    return record.kind.label


def _records_of(tenant: Tenant, kind: str) -> list[Any]:
    if kind == "payment":
        return tenant.payments
    if kind == "adjustment":
        return tenant.adjustments
    return tenant.events


def find_record(tenant: Tenant, record_id: str) -> Record:
    """The payment, adjustment or event of ``tenant`` with this id (``ValueError`` in Dutch if none)."""
    for records in (tenant.payments, tenant.adjustments, tenant.events):
        for record in records:
            if record.id == record_id:
                return record
    if any(c.original_id == record_id for c in tenant.corrections):
        raise ValueError("Dit gegeven is al gecorrigeerd of vervallen: kies het nieuwe gegeven.")
    raise ValueError("Dit gegeven staat niet (meer) in het dossier van deze huurder.")


def _file_problem(events: list[Event]) -> str | None:
    """Whether the events still make sense in order (a withdrawal needs what it withdraws, feedback
    a signal before it), as a Dutch message naming the record that would be left hanging."""
    objection: Event | None = None
    signal_open = False
    signalled = False
    for event in sorted(events, key=lambda e: e.on):
        if event.kind == EventKind.BEZWAAR:
            objection = event
        elif event.kind == EventKind.BEZWAAR_INGETROKKEN:
            if objection is None:
                return (
                    f"Het intrekken van het bezwaar op {format_date(event.on)} hoort bij een bezwaar "
                    "dat er dan niet meer is: laat eerst dat intrekken vervallen, of corrigeer het."
                )
            objection = None
        elif event.kind == EventKind.SIGNAAL:
            signal_open = signalled = True
        elif event.kind == EventKind.SIGNAAL_INGETROKKEN:
            if not signal_open:
                return (
                    f"Het intrekken van het signaal op {format_date(event.on)} hoort bij een signaal "
                    "dat er dan niet meer is: laat eerst dat intrekken vervallen, of corrigeer het."
                )
            signal_open = False
        elif event.kind == EventKind.TERUGKOPPELING and not signalled:
            return (
                f"De terugkoppeling van {format_date(event.on)} hoort bij een signaal dat er dan niet "
                "meer is: laat eerst die terugkoppeling vervallen, of corrigeer haar."
            )
    return None


def _replacement(
    tenant: Tenant,
    original: Record,
    changes: Mapping[str, Any],
    now: dt.datetime,
    *,
    moved: bool = False,
) -> Record:
    """A new record: the original with ``changes``, a new id, checked as when it was first recorded
    (on ``tenant``, the one it will belong to; ``moved``: it may stay otherwise unchanged)."""
    kind = record_kind(original)
    allowed = CORRECTABLE_FIELDS[kind]
    if isinstance(original, Event):
        allowed = allowed | _EVENT_EXTRA_FIELDS.get(original.kind, frozenset())
    refused = sorted(set(changes) - allowed)
    if refused:
        raise ValueError(
            f"Bij een {record_label(original).lower()} kunt u dit niet corrigeren ({', '.join(refused)}): "
            "laat het gegeven vervallen en leg het juiste opnieuw vast."
        )
    values = dict(changes)
    if "amount" in values and values["amount"] is not None:
        values["amount"] = parse_amount(values["amount"])
    current = (
        dataclasses.asdict(original) if isinstance(original, Payment) else original.model_dump()
    )
    if not moved and all(current.get(name) == value for name, value in values.items()):
        raise ValueError(
            "Er verandert niets: pas de datum, het bedrag of het kanaal aan, of laat het gegeven vervallen."
        )
    merged = {**current, **values, "id": new_id()}
    record: Record
    if isinstance(original, Payment):
        record = Payment(**merged)
        _not_in_future(record.on, now, "De betaaldatum")
    elif isinstance(original, Adjustment):
        record = Adjustment.model_validate(merged)
    else:
        merged["recorded_at"] = now
        record = Event.model_validate(merged)
        _not_in_future(record.on, now, "De datum")
        if record.kind in LETTER_KINDS:
            if record.channel not in LETTER_CHANNELS:
                raise ValueError(
                    "Een brief is schriftelijk: kies per post, per e-mail of afgegeven (LCV 2.1 a)."
                )
            _not_before_tenancy(tenant, record.on, "De verzenddatum")
        elif record.kind in STEP_KINDS:
            if record.kind == EventKind.PERSOONLIJK_CONTACT and record.channel is None:
                raise ValueError(
                    "Leg vast hoe u contact zocht: telefonisch, bij een bezoek, per e-mail of per post (LCV 2.1 b)."
                )
            _not_before_tenancy(tenant, record.on, "De datum")
    return record


def _put_right(
    data: VaultData,
    tenant_id: str,
    record_id: str,
    changes: Mapping[str, Any] | None,
    reason: str,
    now: dt.datetime,
    actor: str,
    to_tenant_id: str | None = None,
) -> Correction:
    tenant = _tenant(data, tenant_id)
    original = find_record(tenant, record_id)
    kind = record_kind(original)
    target = tenant
    if to_tenant_id is not None:
        target = _tenant(data, to_tenant_id)
        if target is tenant:
            raise ValueError("Kies een andere huurder: het gegeven staat al bij deze huurder.")
    replacement = (
        None
        if changes is None
        else _replacement(target, original, changes, now, moved=target is not tenant)
    )
    correction = Correction.model_validate(
        {
            "original_id": original.id,
            kind: original,
            "reason": reason,
            "recorded_at": now,
            "actor": actor,
            "replacement_id": replacement.id if replacement is not None else None,
            "replacement_tenant_id": target.id if target is not tenant else None,
        }
    )
    records = _records_of(tenant, kind)
    index = next(i for i, record in enumerate(records) if record is original)
    if isinstance(original, Event):
        events = [e for e in tenant.events if e is not original]
        if isinstance(replacement, Event) and target is tenant:
            events.insert(index, replacement)
        problem = _file_problem(events)
        if problem is None and isinstance(replacement, Event) and target is not tenant:
            problem = _file_problem([*target.events, replacement])
        if problem is not None:
            raise ValueError(problem)
    # Checked in full above: from here on nothing can fail halfway.
    if replacement is None or target is not tenant:
        del records[index]
    else:
        records[index] = replacement
    if replacement is not None and target is not tenant:
        _records_of(target, kind).append(replacement)
    tenant.corrections.append(correction)
    action = "correction.void"
    if replacement is not None:
        action = "correction.replace" if target is tenant else "correction.move"
    audit.append(
        data.audit,
        at=now,
        action=action,
        actor=actor,
        tenant_id=tenant.id,
        ref=original.id,
        content=audit.digest(correction.model_dump_json()),
    )
    if replacement is not None:
        content = (
            replacement.to_json()
            if isinstance(replacement, Payment)
            else replacement.model_dump_json()
        )
        audit.append(
            data.audit,
            at=now,
            action=(
                f"event.{replacement.kind.value}"
                if isinstance(replacement, Event)
                else f"{record_kind(replacement)}.add"
            ),
            actor=actor,
            tenant_id=target.id,
            ref=replacement.id,
            content=audit.digest(content),
        )
    return correction


def void_record(
    data: VaultData,
    tenant_id: str,
    record_id: str,
    *,
    reason: str,
    now: dt.datetime,
    actor: str,
) -> Correction:
    """Declare a recorded payment, adjustment, letter, step, objection, signal, feedback or
    withdrawal void ("vervallen"), with a reason. The original moves into the correction record, so
    the ledger, the workflow, the rules and the exports no longer count it; the dossier and the
    audit log keep it (LCV 2.1: what the landlord proves must be what happened)."""
    return _put_right(data, tenant_id, record_id, None, reason, now, actor)


def correct_record(
    data: VaultData,
    tenant_id: str,
    record_id: str,
    *,
    replacement: Mapping[str, Any],
    reason: str,
    now: dt.datetime,
    actor: str,
) -> Correction:
    """Replace a recorded fact by a corrected one ("gecorrigeerd"): ``replacement`` names the fields
    that change (``on``, ``amount``, ``channel``, ``note``, … see ``CORRECTABLE_FIELDS``). The new
    record gets a new id and is checked as a new one would be; the original is kept as in
    ``void_record``. Two audit entries: the correction (ref: the original's id; its digest covers
    the replacement's id) and the new record (ref: its own id)."""
    return _put_right(data, tenant_id, record_id, replacement, reason, now, actor)


def move_record(
    data: VaultData,
    tenant_id: str,
    record_id: str,
    *,
    to_tenant_id: str,
    reason: str,
    now: dt.datetime,
    actor: str,
) -> Correction:
    """A payment, letter or step recorded on the wrong tenant moves to the right one: a new record
    (new id, same facts) in ``to_tenant_id``'s file, checked as a new one would be there; the
    original stays in this tenant's corrections ("verplaatst"), without naming the other tenant in
    this tenant's dossier."""
    return _put_right(data, tenant_id, record_id, {}, reason, now, actor, to_tenant_id)


# --- tenants -------------------------------------------------------------------------------------


def _check_unique(data: VaultData, tenant: Tenant) -> None:
    for other in data.tenants:
        if other.id == tenant.id:
            continue
        if tenant.klantnummer and other.klantnummer == tenant.klantnummer:
            raise ValueError(
                f"Klantnummer {tenant.klantnummer} is al in gebruik: kies een ander klantnummer."
            )


def add_tenant(
    data: VaultData,
    tenant: Tenant | dict[str, Any],
    *,
    now: dt.datetime,
    actor: str,
) -> Tenant:
    model = tenant if isinstance(tenant, Tenant) else Tenant.model_validate(tenant)
    if any(other.id == model.id for other in data.tenants):
        raise ValueError("Deze huurder staat er al in.")
    _check_unique(data, model)
    data.tenants.append(model)
    audit.append(
        data.audit,
        at=now,
        action="tenant.add",
        actor=actor,
        tenant_id=model.id,
        ref=model.id,
        content=audit.digest(model.model_dump_json()),
    )
    return model


def add_tenants(
    data: VaultData,
    tenants: Iterable[Tenant | dict[str, Any]],
    *,
    now: dt.datetime,
    actor: str,
) -> list[Tenant]:
    """``add_tenant`` for many tenants at once (an import): the ids and klantnummers in the vault are
    indexed once, so adding n tenants takes time linear in n and the vault's size. Stops at the first
    refused tenant (those before it are added: the caller takes them back, as ``apply_import`` does)."""
    ids = {other.id for other in data.tenants}
    refs = {other.klantnummer for other in data.tenants if other.klantnummer}
    added: list[Tenant] = []
    for tenant in tenants:
        model = tenant if isinstance(tenant, Tenant) else Tenant.model_validate(tenant)
        if model.id in ids:
            raise ValueError("Deze huurder staat er al in.")
        if model.klantnummer and model.klantnummer in refs:
            raise ValueError(
                f"Klantnummer {model.klantnummer} is al in gebruik: kies een ander klantnummer."
            )
        data.tenants.append(model)
        ids.add(model.id)
        if model.klantnummer:
            refs.add(model.klantnummer)
        audit.append(
            data.audit,
            at=now,
            action="tenant.add",
            actor=actor,
            tenant_id=model.id,
            ref=model.id,
            content=audit.digest(model.model_dump_json()),
        )
        added.append(model)
    return added


def record_payments(
    data: VaultData,
    payments: Iterable[tuple[str, dt.date, Decimal | str, str]],
    *,
    now: dt.datetime,
    actor: str,
) -> list[Payment]:
    """``record_payment`` for many ``(tenant_id, on, amount, note)`` at once (an import): the tenants
    are indexed by id once, so n payments take time linear in n and the vault's size."""
    by_id = {tenant.id: tenant for tenant in data.tenants}
    recorded: list[Payment] = []
    for tenant_id, on, amount, note in payments:
        tenant = by_id.get(tenant_id)
        if tenant is None:
            raise ValueError(
                "Deze huurder bestaat niet (meer). Kies de huurder opnieuw in de lijst."
            )
        recorded.append(_add_payment(data, tenant, on, amount, note, now, actor))
    return recorded


def update_tenant(
    data: VaultData,
    tenant_id: str,
    changes: dict[str, Any],
    *,
    now: dt.datetime,
    actor: str,
) -> Tenant:
    """Change contact, rent or tenancy fields. The file itself (payments, events) changes only
    through the functions above. Nothing changes when a value is invalid."""
    tenant = _tenant(data, tenant_id)
    protected = PROTECTED_TENANT_FIELDS.intersection(changes)
    if protected:
        raise ValueError(
            "Betalingen, correcties en stappen wijzigt u niet hier: leg ze apart vast."
        )
    updated = Tenant.model_validate({**tenant.model_dump(), **changes})
    _check_unique(data, updated)
    index = next(i for i, other in enumerate(data.tenants) if other is tenant)
    data.tenants[index] = updated
    audit.append(
        data.audit,
        at=now,
        action="tenant.update",
        actor=actor,
        tenant_id=updated.id,
        ref=updated.id,
        content=audit.digest(updated.model_dump_json()),
    )
    return updated


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def recorded_evidence(tenant: Tenant) -> list[str]:
    """What the tenant's file holds, in Dutch ("2 betalingen", "1 vastgelegde stap of brief").

    Empty for a tenant entered by mistake. Anything recorded is evidence the landlord may need (a
    signal under the LCV must be explainable afterwards), so such a tenant is not deleted but given
    an end date; the retention rule (:mod:`lcv_tui.domain.retention`, AVG) removes the file later.
    """
    found = []
    if tenant.events:
        found.append(
            _count(
                len(tenant.events), "vastgelegde stap of brief", "vastgelegde stappen en brieven"
            )
        )
    if tenant.payments:
        found.append(_count(len(tenant.payments), "betaling", "betalingen"))
    if tenant.adjustments:
        found.append(_count(len(tenant.adjustments), "correctie", "correcties"))
    return found


def deletion_refusal(tenant: Tenant) -> str | None:
    """Why this tenant cannot be deleted (Dutch, naming what is recorded), or None when it can."""
    found = recorded_evidence(tenant)
    if not found:
        return None
    listed = found[0] if len(found) == 1 else ", ".join(found[:-1]) + " en " + found[-1]
    return (
        f"{tenant.display_name} kan niet worden verwijderd: het dossier bevat {listed}. "
        "Vul in plaats daarvan een einddatum van de huur in (Wijzigen, veld Einddatum huur); "
        "na de bewaartermijn ruimt de app het dossier op."
    )


def delete_tenant(data: VaultData, tenant_id: str, *, now: dt.datetime, actor: str) -> None:
    """Remove a tenant entered by mistake. A tenant with anything recorded (a step, letter, event,
    payment or correction) is refused with a Dutch ``ValueError``: give an end date instead, and
    the retention rule removes the file once its term has passed (the store's ``purge``)."""
    tenant = _tenant(data, tenant_id)
    refusal = deletion_refusal(tenant)
    if refusal is not None:
        raise ValueError(refusal)
    data.tenants[:] = [other for other in data.tenants if other is not tenant]
    data.wizard_progress.pop(tenant.id, None)
    audit.append(
        data.audit, at=now, action="tenant.delete", actor=actor, tenant_id=tenant.id, ref=tenant.id
    )


# --- bank statements ----------------------------------------------------------------------------


def record_bank_import(
    data: VaultData,
    plan: BankPlan,
    assignments: Sequence[Assignment] = (),
    *,
    now: dt.datetime,
    actor: str,
) -> BankImportResult:
    """Record a read bank statement: every matched line, and every suggested or unmatched line the
    landlord assigned to a tenant, as a payment on its booking day (a storno as a negative payment),
    carrying the transaction's identity so it is never recorded twice. An assignment may remember
    the payer's IBAN on the tenant. One audit entry for the whole import, with ids and counts only.

    Refuses (``ValueError``, nothing changed) an assignment to an unknown tenant or of a line that
    is not waiting for one; lines recorded meanwhile (same identity) are skipped, not doubled.
    """
    by_id = {tenant.id: tenant for tenant in data.tenants}
    read_before = {ref for t in data.tenants for ref in bank_refs_read(t)}
    registered = {iban for t in data.tenants for iban in t.ibans}
    lines = {line.identity: line for line in plan.lines}
    chosen: dict[str, Assignment] = {}
    for assignment in assignments:
        line = lines.get(assignment.identity)
        if line is None or line.kind not in (LineKind.SUGGESTED, LineKind.UNMATCHED):
            raise ValueError(
                "Deze transactie wacht niet op een keuze (meer): lees het afschrift opnieuw in."
            )
        if assignment.tenant_id not in by_id:
            raise ValueError(
                "Deze huurder bestaat niet (meer). Kies de huurder opnieuw in de lijst."
            )
        chosen[assignment.identity] = assignment
    result = BankImportResult()
    new: list[tuple[Tenant, Payment]] = []
    remember: dict[str, list[str]] = {}
    for line in plan.lines:
        choice = chosen.get(line.identity)
        tenant_id = line.tenant_id if line.kind == LineKind.MATCHED else None
        if choice is not None:
            tenant_id = choice.tenant_id
        if tenant_id is None:
            continue
        if line.identity in read_before:
            result.already_read += 1
            continue
        transaction = line.transaction
        tenant = by_id[tenant_id]
        note = f"Bank: {transaction.description}" if transaction.description else "Bank"
        payment = Payment(
            on=transaction.booked,
            amount=transaction.amount,
            note=note[:200],
            bank_ref=line.identity,
            reversal=transaction.amount < 0,
        )
        new.append((tenant, payment))
        read_before.add(line.identity)
        iban = transaction.counter_iban
        # An IBAN already on a tenant is not added to another: it would make both ambiguous.
        if choice is not None and choice.remember_iban and iban and iban not in registered:
            registered.add(iban)
            remember.setdefault(tenant_id, []).append(iban)
    for tenant_id, ibans in remember.items():
        tenant = by_id[tenant_id]
        tenant.ibans = [*tenant.ibans, *ibans]
        result.ibans_remembered.append(tenant_id)
    for tenant, payment in new:
        tenant.payments.append(payment)
        result.payments.append((tenant.id, payment.id))
        result.reversals += payment.reversal
    if result.payments or result.ibans_remembered:
        summary = {
            "payments": result.payments,
            "reversals": result.reversals,
            "ibans_remembered": result.ibans_remembered,
            "counts": plan.counts(),
        }
        audit.append(
            data.audit,
            at=now,
            action="bank.import",
            actor=actor,
            ref=new_id(),
            content=audit.digest(json.dumps(summary, sort_keys=True)),
        )
    return result
