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
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from lcv_tui.domain import audit, ledger
from lcv_tui.domain.models import (
    LETTER_CHANNELS,
    LETTER_KINDS,
    Adjustment,
    AdjustmentKind,
    Channel,
    Correction,
    Event,
    EventKind,
    FeedbackStatus,
    Meldpunt,
    Payment,
    Route,
    Tenant,
    VaultData,
    new_id,
)
from lcv_tui.domain.rules import RuleViolation, Verdict, eligibility, rule_in_arrears_none
from lcv_tui.domain.validation import format_date, parse_amount
from lcv_tui.domain.workflow import active_objection, case_for

STEP_KINDS = (
    EventKind.PERSOONLIJK_CONTACT,
    EventKind.SCHULDHULP_GEWEZEN,
    EventKind.GEGEVENS_AANGEBODEN,
)
PROTECTED_TENANT_FIELDS = frozenset({"id", "payments", "adjustments", "events", "corrections"})


# --- helpers ------------------------------------------------------------------------------------


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is None:
        raise TypeError("now is required: pass the caller's clock.now()")
    return now


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


def _agreement(data: VaultData, tenant: Tenant):
    return data.agreement_for(tenant.gemeente)


# --- the process ---------------------------------------------------------------------------------


def record_letter(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    channel: Channel,
    letter_text: str | None = None,
    now: dt.datetime | None = None,
    actor: str = "app",
    *,
    note: str = "",
) -> Event:
    """A letter was sent: herinnering (LCV 2.1 a), aanmaning with text 1 or sommatie with text 2
    (werkinstructie stap 2). A letter is written: by post, by e-mail or handed over."""
    now = _now(now)
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
    if (
        kind == EventKind.SOMMATIE
        and data.landlord is not None
        and not data.landlord.objection_email
    ):
        raise ValueError(
            "Vul eerst bij de verhuurdergegevens het e-mailadres voor bezwaar in: tekst 2 noemt dat adres."
        )
    event = Event(
        kind=kind, on=on, channel=channel, note=note, recorded_at=now, letter_text=letter_text
    )
    return _append_event(data, tenant, event, now, actor)


def record_step(
    data: VaultData,
    tenant_id: str,
    kind: EventKind,
    on: dt.date,
    channel: Channel | None = None,
    note: str = "",
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Event:
    """Evidence of LCV 2.1 b (effort to make personal contact: how and when), 2.1 c (pointed to debt
    help) or 2.1 d (offered to pass the data to the municipality)."""
    now = _now(now)
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


def record_objection(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    channel: Channel | None = None,
    note: str = "",
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Event:
    """LCV 2.2: the tenant objects to the exchange of data. Holds until withdrawn."""
    now = _now(now)
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
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Event:
    """LCV 2.2: the tenant withdraws the objection; signalling may then go ahead again."""
    now = _now(now)
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
    now: dt.datetime | None = None,
    actor: str = "app",
    *,
    note: str = "",
) -> Event:
    """LCV 3.1, 3.4: the signal was delivered to the meldpunt. Amount and months come from the
    ledger on ``on``. Refused (``RuleViolation``) unless every rule in ``rules`` passes."""
    now = _now(now)
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
    )
    return _append_event(data, tenant, event, now, actor)


def record_withdrawal(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    now: dt.datetime | None = None,
    actor: str = "app",
    *,
    note: str = "",
) -> Event:
    """Werkinstructie stap 3 (intrekken): the signal was withdrawn at the meldpunt."""
    now = _now(now)
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
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Event:
    """LCV 3.13: what the municipality fed back. For "help accepted", ``on`` is the date the help was
    accepted: collection is then suspended for at most 30 days from that date (LCV 4.2)."""
    now = _now(now)
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
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Payment:
    now = _now(now)
    tenant = _tenant(data, tenant_id)
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
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Adjustment:
    """An extra charge (falls due on ``on``) or a correction that lowers what is owed."""
    now = _now(now)
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
    now: dt.datetime | None,
    actor: str,
    to_tenant_id: str | None = None,
) -> Correction:
    now = _now(now)
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
    now: dt.datetime | None,
    actor: str = "app",
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
    now: dt.datetime | None,
    actor: str = "app",
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
    now: dt.datetime | None,
    actor: str = "app",
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
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Tenant:
    now = _now(now)
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


def update_tenant(
    data: VaultData,
    tenant_id: str,
    changes: dict[str, Any],
    now: dt.datetime | None = None,
    actor: str = "app",
) -> Tenant:
    """Change contact, rent or tenancy fields. The file itself (payments, events) changes only
    through the functions above. Nothing changes when a value is invalid."""
    now = _now(now)
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


def delete_tenant(
    data: VaultData, tenant_id: str, now: dt.datetime | None = None, actor: str = "app"
) -> None:
    """Remove the tenant and their file (for instance after the retention period)."""
    now = _now(now)
    tenant = _tenant(data, tenant_id)
    data.tenants[:] = [other for other in data.tenants if other is not tenant]
    data.wizard_progress.pop(tenant.id, None)
    audit.append(
        data.audit, at=now, action="tenant.delete", actor=actor, tenant_id=tenant.id, ref=tenant.id
    )
