"""The only way to change a tenant's file. Used by the TUI and the CLI.

Each function checks its input, appends one record (an ``Event``, a ``Payment``, an
``Adjustment``, or a tenant change) and one audit entry naming the action, the tenant and the
record by id with a digest of its content: no names, addresses or amounts in the audit log.
``now`` (a datetime) comes from the caller's clock; nothing here reads the time.

Refusals are ``ValueError`` (or pydantic ``ValidationError``) with a Dutch message that says what
to do; a signal the rules forbid raises ``rules.RuleViolation``, which carries the ``Verdict``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from lcv_tui.domain import audit, ledger
from lcv_tui.domain.models import (
    LETTER_CHANNELS,
    LETTER_KINDS,
    Adjustment,
    AdjustmentKind,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Meldpunt,
    Payment,
    Route,
    Tenant,
    VaultData,
)
from lcv_tui.domain.rules import RuleViolation, Verdict, eligibility, rule_in_arrears_none
from lcv_tui.domain.validation import format_date, parse_amount
from lcv_tui.domain.workflow import active_objection, case_for

STEP_KINDS = (
    EventKind.PERSOONLIJK_CONTACT,
    EventKind.SCHULDHULP_GEWEZEN,
    EventKind.GEGEVENS_AANGEBODEN,
)
PROTECTED_TENANT_FIELDS = frozenset({"id", "payments", "adjustments", "events"})


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


def delete_tenant(
    data: VaultData, tenant_id: str, now: dt.datetime | None = None, actor: str = "app"
) -> None:
    """Remove a tenant entered by mistake. A tenant with anything recorded (a step, letter, event,
    payment or correction) is refused with a Dutch ``ValueError``: give an end date instead, and
    the retention rule removes the file once its term has passed (the store's ``purge``)."""
    now = _now(now)
    tenant = _tenant(data, tenant_id)
    refusal = deletion_refusal(tenant)
    if refusal is not None:
        raise ValueError(refusal)
    data.tenants[:] = [other for other in data.tenants if other is not tenant]
    data.wizard_progress.pop(tenant.id, None)
    audit.append(
        data.audit, at=now, action="tenant.delete", actor=actor, tenant_id=tenant.id, ref=tenant.id
    )
