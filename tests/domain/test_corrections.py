"""Putting mistakes right (issue 12.5): a void or a correction is a new record naming the original
and a reason; the original leaves the computations but stays in the dossier and the audit log."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import NOW, D, add, ev, full_process, make_tenant, vault
from pydantic import ValidationError

from lcv_tui.domain import actions, audit, ledger, rules
from lcv_tui.domain.dossier import build_dossier
from lcv_tui.domain.models import AdjustmentKind, Channel, EventKind

READY_ON = D(2026, 4, 20)


def ready():
    tenant = full_process(make_tenant(paid_before=D(2026, 3, 1)))
    return tenant, vault(tenant)


def _kind(tenant, kind):
    return next(e for e in tenant.events if e.kind == kind)


def test_voiding_the_only_letter_makes_lcv_2_1_a_fail():
    tenant = add(make_tenant(paid_before=D(2026, 3, 1)), ev(EventKind.HERINNERING, D(2026, 3, 5)))
    data = vault(tenant)
    before = actions.signal_verdict(data, tenant.id, READY_ON)
    assert before.reason(rules.REMINDER).ok
    herinnering = tenant.events[0]
    correction = actions.void_record(
        data, tenant.id, herinnering.id, reason="Brief is nooit verstuurd", now=NOW, actor="app"
    )
    after = actions.signal_verdict(data, tenant.id, READY_ON)
    assert not after.reason(rules.REMINDER).ok and not after.allowed
    assert tenant.events == [] and correction.original == herinnering
    assert correction.voided and correction.status_label == "vervallen"


def test_a_voided_sommatie_no_longer_counts():
    tenant, data = ready()
    assert actions.signal_verdict(data, tenant.id, READY_ON).allowed
    sommatie = _kind(tenant, EventKind.SOMMATIE)
    actions.void_record(
        data, tenant.id, sommatie.id, reason="Op de verkeerde huurder", now=NOW, actor="app"
    )
    verdict = actions.signal_verdict(data, tenant.id, READY_ON)
    assert not verdict.allowed
    assert not verdict.reason(rules.OBJECTION_WINDOW).ok


def test_correcting_a_letter_date_changes_the_verdict():
    """The sommatie was really sent two weeks later: the objection term of text 2 has not run out."""
    tenant, data = ready()
    sommatie = _kind(tenant, EventKind.SOMMATIE)
    correction = actions.correct_record(
        data,
        tenant.id,
        sommatie.id,
        replacement={"on": D(2026, 4, 17)},
        reason="Verkeerde verzenddatum ingevoerd",
        now=NOW,
        actor="app",
    )
    replacement = _kind(tenant, EventKind.SOMMATIE)
    assert replacement.id == correction.replacement_id != sommatie.id
    assert replacement.on == D(2026, 4, 17) and replacement.letter_text == sommatie.letter_text
    assert correction.status_label == "gecorrigeerd"
    assert not actions.signal_verdict(data, tenant.id, READY_ON).reason(rules.OBJECTION_WINDOW).ok


def test_a_voided_payment_raises_the_arrears():
    tenant = make_tenant(paid_before=D(2026, 4, 2))
    data = vault(tenant)
    assert not ledger.arrears(tenant, READY_ON).in_arrears
    last = tenant.payments[-1]
    actions.void_record(
        data, tenant.id, last.id, reason="Storno: betaling teruggeboekt", now=NOW, actor="app"
    )
    position = ledger.arrears(tenant, READY_ON)
    assert position.amount == Decimal("850.00") and position.oldest_due == D(2026, 4, 1)


def test_a_corrected_payment_amount_counts_instead_of_the_original():
    tenant = make_tenant(paid_before=D(2026, 4, 2))
    data = vault(tenant)
    last, count = tenant.payments[-1], len(tenant.payments)
    actions.correct_record(
        data,
        tenant.id,
        last.id,
        replacement={"amount": "800,00"},
        reason="Bedrag verkeerd overgenomen",
        now=NOW,
        actor="app",
    )
    assert ledger.arrears(tenant, READY_ON).amount == Decimal("50.00")
    assert len(tenant.payments) == count and tenant.payments[-1].amount == Decimal("800.00")


def test_an_adjustment_can_be_voided():
    tenant = make_tenant(paid_before=D(2026, 4, 2))
    data = vault(tenant)
    charge = actions.add_adjustment(
        data, tenant.id, AdjustmentKind.CHARGE, D(2026, 3, 15), "120.00", now=NOW, actor="app"
    )
    assert ledger.arrears(tenant, READY_ON).amount == Decimal("120.00")
    actions.void_record(data, tenant.id, charge.id, reason="Dubbel ingevoerd", now=NOW, actor="app")
    assert not ledger.arrears(tenant, READY_ON).in_arrears


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_reason_is_required(reason):
    tenant, data = ready()
    herinnering = _kind(tenant, EventKind.HERINNERING)
    entries = len(data.audit)
    with pytest.raises(ValidationError, match="Geef een reden"):
        actions.void_record(data, tenant.id, herinnering.id, reason=reason, now=NOW, actor="app")
    assert herinnering in tenant.events and tenant.corrections == [] and len(data.audit) == entries


def test_the_audit_log_keeps_both_ids_and_no_personal_data():
    tenant, data = ready()
    original = _kind(tenant, EventKind.AANMANING)
    correction = actions.correct_record(
        data,
        tenant.id,
        original.id,
        replacement={"channel": Channel.EMAIL},
        reason="Per e-mail verstuurd, niet per post",
        now=NOW,
        actor="cli",
    )
    fix, added = data.audit[-2], data.audit[-1]
    assert (fix.action, fix.ref, fix.actor, fix.tenant_id) == (
        "correction.replace",
        original.id,
        "cli",
        tenant.id,
    )
    assert fix.digest == audit.digest(correction.model_dump_json())
    assert correction.replacement_id in correction.model_dump_json()
    assert (added.action, added.ref) == ("event.aanmaning", correction.replacement_id)
    assert audit.verify(data.audit) == []
    for entry in (fix, added):
        assert (
            "e-mail" not in entry.model_dump_json()
            and tenant.surname not in entry.model_dump_json()
        )


def test_the_dossier_keeps_the_original_marked_with_the_reason():
    tenant, data = ready()
    for event in list(tenant.events):  # as if recorded through the actions: in the log
        audit.append(
            data.audit,
            at=NOW,
            action=f"event.{event.kind.value}",
            tenant_id=tenant.id,
            ref=event.id,
            content=audit.digest(event.model_dump_json()),
        )
    herinnering = _kind(tenant, EventKind.HERINNERING)
    aanmaning = _kind(tenant, EventKind.AANMANING)
    actions.void_record(
        data, tenant.id, herinnering.id, reason="Nooit verstuurd", now=NOW, actor="app"
    )
    actions.correct_record(
        data,
        tenant.id,
        aanmaning.id,
        replacement={"on": D(2026, 3, 16)},
        reason="Een dag later gepost",
        now=NOW,
        actor="app",
    )
    dossier = build_dossier(data, tenant.id, READY_ON.replace(month=11, day=23), whole_file=True)
    text = dossier.text
    assert "Correcties" in text
    assert "Herinnering verstuurd op 05-03-2026 (per post) — VERVALLEN" in text
    assert "Reden: Nooit verstuurd" in text
    assert "Aanmaning (tekst 1) verstuurd op 15-03-2026 (per post) — GECORRIGEERD" in text
    assert "Vervangen door: Aanmaning (tekst 1) verstuurd op 16-03-2026 (per post)." in text
    assert "Dit is een correctie van een eerder vastgelegd gegeven" in text
    assert "oorspronkelijk vastgelegd in regel" in text and "correctie in regel" in text
    assert dossier.verified


def test_a_withdrawal_cannot_be_left_without_what_it_withdraws():
    tenant = make_tenant(paid_before=D(2026, 3, 1))
    add(
        tenant,
        ev(EventKind.BEZWAAR, D(2026, 4, 10)),
        ev(EventKind.BEZWAAR_INGETROKKEN, D(2026, 4, 15)),
    )
    data = vault(tenant)
    objection = tenant.events[0]
    with pytest.raises(ValueError, match="intrekken van het bezwaar"):
        actions.void_record(
            data, tenant.id, objection.id, reason="Vergissing", now=NOW, actor="app"
        )
    with pytest.raises(ValueError, match="intrekken van het bezwaar"):
        actions.correct_record(
            data,
            tenant.id,
            objection.id,
            replacement={"on": D(2026, 4, 20)},
            reason="Later ontvangen",
            now=NOW,
            actor="app",
        )
    assert tenant.events[0] is objection and tenant.corrections == []
    actions.void_record(
        data, tenant.id, tenant.events[1].id, reason="Vergissing", now=NOW, actor="app"
    )
    actions.void_record(data, tenant.id, objection.id, reason="Vergissing", now=NOW, actor="app")
    assert tenant.events == [] and len(tenant.corrections) == 2


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"on": D(2026, 12, 1)}, "toekomst"),
        ({"channel": Channel.TELEFOON}, "schriftelijk"),
        ({"on": D(2024, 12, 1)}, "vóór het begin van de huur"),
        ({"kind": EventKind.SOMMATIE}, "niet corrigeren"),
        ({"channel": Channel.POST}, "Er verandert niets"),
    ],
)
def test_a_correction_is_checked_like_a_new_record(changes, message):
    tenant, data = ready()
    herinnering = _kind(tenant, EventKind.HERINNERING)
    with pytest.raises(ValueError, match=message):
        actions.correct_record(
            data, tenant.id, herinnering.id, replacement=changes, reason="x", now=NOW, actor="app"
        )
    assert herinnering in tenant.events and tenant.corrections == []


def test_a_corrected_record_cannot_be_corrected_again_but_its_replacement_can():
    tenant, data = ready()
    herinnering = _kind(tenant, EventKind.HERINNERING)
    first = actions.correct_record(
        data,
        tenant.id,
        herinnering.id,
        replacement={"on": D(2026, 3, 6)},
        reason="Datum",
        now=NOW,
        actor="app",
    )
    with pytest.raises(ValueError, match="al gecorrigeerd"):
        actions.void_record(
            data, tenant.id, herinnering.id, reason="nogmaals", now=NOW, actor="app"
        )
    actions.void_record(
        data, tenant.id, first.replacement_id, reason="Toch niet verstuurd", now=NOW, actor="app"
    )
    assert [c.status_label for c in tenant.corrections] == ["gecorrigeerd", "vervallen"]


def test_update_tenant_cannot_touch_the_corrections():
    tenant, data = ready()
    with pytest.raises(ValueError, match="apart vast"):
        actions.update_tenant(data, tenant.id, {"corrections": []}, now=NOW, actor="app")


def test_corrections_count_as_activity_for_retention():
    from lcv_tui.domain.retention import last_activity

    tenant = make_tenant(paid_before=D(2026, 3, 1), tenancy_end=D(2026, 2, 28))
    data = vault(tenant)
    later = dt.datetime(2026, 10, 1, 9)
    actions.void_record(
        data, tenant.id, tenant.payments[0].id, reason="Dubbel", now=later, actor="app"
    )
    assert last_activity(tenant) == later.date()


def test_a_letter_on_the_wrong_tenant_moves_to_the_right_one():
    wrong = add(make_tenant(paid_before=D(2026, 3, 1)), ev(EventKind.HERINNERING, D(2026, 3, 5)))
    right = make_tenant(surname="Jansen", house_number=14, paid_before=D(2026, 3, 1))
    data = vault(wrong, right)
    letter = wrong.events[0]
    correction = actions.move_record(
        data,
        wrong.id,
        letter.id,
        to_tenant_id=right.id,
        reason="Bij de buren geboekt",
        now=NOW,
        actor="app",
    )
    assert wrong.events == [] and correction.status_label == "verplaatst"
    (moved,) = right.events
    assert moved.id == correction.replacement_id != letter.id
    assert (moved.kind, moved.on, moved.channel) == (letter.kind, letter.on, letter.channel)
    assert actions.signal_verdict(data, right.id, READY_ON).reason(rules.REMINDER).ok
    assert not actions.signal_verdict(data, wrong.id, READY_ON).reason(rules.REMINDER).ok
    fix, added = data.audit[-2], data.audit[-1]
    assert (fix.action, fix.tenant_id, fix.ref) == ("correction.move", wrong.id, letter.id)
    assert (added.action, added.tenant_id, added.ref) == ("event.herinnering", right.id, moved.id)
    text = build_dossier(data, wrong.id, NOW.date(), whole_file=True).text
    assert "VERPLAATST" in text and "Jansen" not in text


def test_a_move_is_checked_in_the_other_file():
    wrong = make_tenant(paid_before=D(2026, 3, 1))
    right = make_tenant(
        surname="Jansen", house_number=14, start=D(2026, 4, 1), paid_before=D(2026, 4, 2)
    )
    data = vault(wrong, right)
    payment = wrong.payments[0]
    with pytest.raises(ValueError, match="andere huurder"):
        actions.move_record(
            data, wrong.id, payment.id, to_tenant_id=wrong.id, reason="x", now=NOW, actor="app"
        )
    step = actions.record_step(
        data, wrong.id, EventKind.SCHULDHULP_GEWEZEN, D(2026, 3, 10), now=NOW, actor="app"
    )
    with pytest.raises(ValueError, match="vóór het begin van de huur"):
        actions.move_record(
            data, wrong.id, step.id, to_tenant_id=right.id, reason="x", now=NOW, actor="app"
        )
    assert step in wrong.events and right.events == [] and wrong.corrections == []
    actions.move_record(
        data, wrong.id, payment.id, to_tenant_id=right.id, reason="x", now=NOW, actor="app"
    )
    assert right.payments[-1].amount == payment.amount and payment not in wrong.payments
