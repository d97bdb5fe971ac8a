"""actions: the only way to change a file — events, audit entries, refusals in Dutch."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import (
    NOW,
    D,
    agreement,
    full_process,
    make_tenant,
    vault,
)
from pydantic import ValidationError

from lcv_tui.domain import actions, audit
from lcv_tui.domain.models import (
    AdjustmentKind,
    Channel,
    EventKind,
    FeedbackStatus,
    Meldpunt,
    Route,
)
from lcv_tui.domain.rules import RuleViolation


def at(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(9))


def test_record_letter_appends_event_and_audit_entry():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    event = actions.record_letter(
        data,
        tenant.id,
        EventKind.HERINNERING,
        D(2026, 3, 5),
        Channel.POST,
        "tekst",
        now=at(D(2026, 3, 5)),
        actor="cli",
    )
    assert (
        tenant.events == [event]
        and event.recorded_at == at(D(2026, 3, 5))
        and event.letter_text == "tekst"
    )
    entry = data.audit[-1]
    assert (entry.action, entry.actor, entry.tenant_id, entry.ref) == (
        "event.herinnering",
        "cli",
        tenant.id,
        event.id,
    )
    assert entry.digest == audit.digest(event.model_dump_json())
    assert audit.verify(data.audit) == []


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda d, t: actions.record_letter(
                d,
                t,
                EventKind.HERINNERING,
                D(2026, 3, 5),
                Channel.TELEFOON,
                None,
                now=NOW,
                actor="app",
            ),
            "schriftelijk",
        ),
        (
            lambda d, t: actions.record_letter(
                d, t, EventKind.SIGNAAL, D(2026, 3, 5), Channel.POST, None, now=NOW, actor="app"
            ),
            "Kies een brief",
        ),
        (
            lambda d, t: actions.record_letter(
                d, t, EventKind.HERINNERING, D(2027, 3, 5), Channel.POST, None, now=NOW, actor="app"
            ),
            "toekomst",
        ),
        (
            lambda d, t: actions.record_step(
                d, t, EventKind.PERSOONLIJK_CONTACT, D(2026, 3, 5), None, "", now=NOW, actor="app"
            ),
            "hoe u contact zocht",
        ),
        (
            lambda d, t: actions.record_step(
                d, t, EventKind.BEZWAAR, D(2026, 3, 5), None, "", now=NOW, actor="app"
            ),
            "Kies een stap",
        ),
        (
            lambda d, t: actions.withdraw_objection(
                d, t, D(2026, 3, 5), None, "", now=NOW, actor="app"
            ),
            "geen bezwaar",
        ),
        (
            lambda d, t: actions.record_withdrawal(d, t, D(2026, 3, 5), now=NOW, actor="app"),
            "geen openstaand signaal",
        ),
        (
            lambda d, t: actions.record_feedback(
                d, t, FeedbackStatus.HULP_GEACCEPTEERD, D(2026, 3, 5), "", now=NOW, actor="app"
            ),
            "geen signaal",
        ),
        (
            lambda d, t: actions.record_payment(
                d, t, D(2026, 3, 5), "-5", "", now=NOW, actor="app"
            ),
            "negatief",
        ),
        (
            lambda d, t: actions.record_letter(
                d,
                "onbekend",
                EventKind.HERINNERING,
                D(2026, 3, 5),
                Channel.POST,
                None,
                now=NOW,
                actor="app",
            ),
            "bestaat niet",
        ),
    ],
)
def test_refusals_are_dutch_and_change_nothing(call, message):
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    with pytest.raises(ValueError, match=message):
        call(data, tenant.id)
    assert tenant.events == [] and data.audit == []


def test_sommatie_needs_the_objection_address():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    data.landlord.objection_email = ""
    with pytest.raises(ValueError, match="e-mailadres voor bezwaar"):
        actions.record_letter(
            data,
            tenant.id,
            EventKind.SOMMATIE,
            D(2026, 4, 5),
            Channel.POST,
            None,
            now=NOW,
            actor="app",
        )


def test_record_signal_refuses_when_rules_forbid_and_computes_amount_when_allowed():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    with pytest.raises(RuleViolation) as refused:
        actions.record_signal(data, tenant.id, D(2026, 3, 20), Route.UPLOAD, now=NOW, actor="app")
    assert not refused.value.verdict.allowed and "Melden mag nog niet" in str(refused.value)
    assert tenant.events == [] and data.audit == []
    full_process(tenant)
    signal = actions.record_signal(data, tenant.id, D(2026, 4, 20), None, now=NOW, actor="app")
    assert (signal.amount, signal.months, signal.route) == (Decimal("1700.00"), 2, Route.UPLOAD)
    assert data.audit[-1].action == "event.signaal"
    with pytest.raises(RuleViolation):  # not twice in one month
        actions.record_signal(data, tenant.id, D(2026, 4, 25), Route.UPLOAD, now=NOW, actor="app")


def test_record_signal_checks_the_route_of_the_meldpunt():
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1), gemeente="Nieuwegein"))
    data = vault(tenant, agreements=[agreement("Nieuwegein", Meldpunt.WEBSITE)])
    with pytest.raises(ValueError, match="website"):
        actions.record_signal(data, tenant.id, D(2026, 4, 20), Route.UPLOAD, now=NOW, actor="app")
    assert (
        actions.record_signal(data, tenant.id, D(2026, 4, 20), None, now=NOW, actor="app").route
        == Route.WEBSITE
    )


def test_objection_lifecycle():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    data = vault(tenant)
    actions.record_objection(
        data, tenant.id, D(2026, 3, 10), Channel.EMAIL, "Per e-mail", now=NOW, actor="app"
    )
    with pytest.raises(ValueError, match="al een bezwaar"):
        actions.record_objection(
            data, tenant.id, D(2026, 3, 11), Channel.EMAIL, "", now=NOW, actor="app"
        )
    with pytest.raises(ValueError, match="vóór het bezwaar"):
        actions.withdraw_objection(data, tenant.id, D(2026, 3, 9), None, "", now=NOW, actor="app")
    actions.withdraw_objection(
        data, tenant.id, D(2026, 3, 12), Channel.TELEFOON, "", now=NOW, actor="app"
    )
    assert [e.action for e in data.audit] == ["event.bezwaar", "event.bezwaar_ingetrokken"]


def test_payments_adjustments_and_tenants():
    data = vault()
    tenant = actions.add_tenant(
        data,
        {
            "surname": "IJzerman",
            "house_number": "7",
            "postcode": "3511ab",
            "gemeente": "Utrecht",
            "rent": "850",
            "tenancy_start": D(2025, 1, 1),
            "klantnummer": "K1",
        },
        now=NOW,
        actor="app",
    )
    assert tenant.postcode == "3511 AB"
    with pytest.raises(ValueError, match="Klantnummer K1"):
        actions.add_tenant(
            data,
            {
                "surname": "Bos",
                "house_number": 1,
                "postcode": "3511 AB",
                "gemeente": "Utrecht",
                "rent": "700",
                "tenancy_start": D(2025, 1, 1),
                "klantnummer": "K1",
            },
            now=NOW,
            actor="app",
        )
    with pytest.raises(ValidationError):
        actions.add_tenant(
            data,
            {
                "surname": "Bos",
                "house_number": 1,
                "postcode": "0123 AB",
                "gemeente": "Utrecht",
                "rent": "700",
                "tenancy_start": D(2025, 1, 1),
            },
            now=NOW,
            actor="app",
        )
    payment = actions.record_payment(
        data, tenant.id, D(2026, 3, 3), "1.234,56", "bank", now=NOW, actor="app"
    )
    assert payment.amount == Decimal("1234.56")
    adjustment = actions.add_adjustment(
        data,
        tenant.id,
        AdjustmentKind.CHARGE,
        D(2026, 3, 1),
        "120",
        "servicekosten",
        now=NOW,
        actor="app",
    )
    assert tenant.adjustments == [adjustment]
    updated = actions.update_tenant(
        data, tenant.id, {"phones": ["06 12345678"]}, now=NOW, actor="app"
    )
    assert (
        updated.phones == ["0612345678"]
        and updated.payments == [payment]
        and data.tenants == [updated]
    )
    with pytest.raises(ValueError, match="apart vast"):
        actions.update_tenant(data, tenant.id, {"payments": []}, now=NOW, actor="app")
    with pytest.raises(ValidationError):
        actions.update_tenant(data, tenant.id, {"postcode": "12"}, now=NOW, actor="app")
    assert data.tenants[0].postcode == "3511 AB"
    # A tenant with a recorded payment and correction is evidence: refused, nothing changes.
    with pytest.raises(ValueError, match="1 betaling en 1 correctie"):
        actions.delete_tenant(data, tenant.id, now=NOW, actor="app")
    assert data.tenants == [updated]
    assert [e.action for e in data.audit] == [
        "tenant.add",
        "payment.add",
        "adjustment.add",
        "tenant.update",
    ]
    assert audit.verify(data.audit) == []


def test_now_is_required():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    with pytest.raises(TypeError):
        actions.record_payment(vault(tenant), tenant.id, D(2026, 3, 3), "10", actor="app")


def test_every_action_takes_now_and_actor_as_required_keywords():
    """Issue 16.3: an action never guesses the clock or who acted; both are keyword-only and have no
    default, so a call without them fails at the call, not halfway through the action."""
    import inspect

    with_now = {
        name: inspect.signature(function)
        for name, function in vars(actions).items()
        if inspect.isfunction(function)
        and function.__module__ == actions.__name__
        and not name.startswith("_")
        and "now" in inspect.signature(function).parameters
    }
    assert {"record_letter", "record_payment", "delete_tenant", "record_bank_import"} <= set(
        with_now
    )
    for name, signature in with_now.items():
        for argument in ("now", "actor"):
            parameter = signature.parameters[argument]
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, (name, argument)
            assert parameter.default is inspect.Parameter.empty, (name, argument)
