"""services.edits: tenant, agreement and settings edits, each audited with ids only, none saved by itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lcv_tui.domain.models import Agreement, Meldpunt, Tenant
from lcv_tui.services import edits


def new_tenant(**changes) -> Tenant:
    fields = {
        "klantnummer": "H-9001",
        "surname": "Zwart",
        "initials": "Q.",
        "house_number": 4,
        "postcode": "3511 AB",
        "gemeente": "Utrecht",
        "rent": Decimal("800.00"),
        "tenancy_start": dt.date(2026, 1, 1),
    }
    return Tenant(**(fields | changes))


def test_add_tenant_is_audited_by_id_and_left_unsaved(workspace, saved):
    added = edits.add_tenant(workspace, new_tenant())
    assert workspace.data.tenant(added.id).surname == "Zwart"
    entry = workspace.data.audit[-1]
    assert (entry.action, entry.tenant_id, entry.actor) == ("tenant.add", added.id, "app")
    assert entry.at == workspace.clock.now()
    assert "Zwart" not in entry.model_dump_json()
    assert workspace.dirty
    assert all(t.id != added.id for t in saved().tenants)


def test_add_tenant_refuses_a_klantnummer_in_use(workspace):
    taken = next(t.klantnummer for t in workspace.data.tenants if t.klantnummer)
    before = (len(workspace.data.tenants), len(workspace.data.audit))
    with pytest.raises(ValueError, match="klantnummer"):
        edits.add_tenant(workspace, new_tenant(klantnummer=taken))
    assert (len(workspace.data.tenants), len(workspace.data.audit)) == before
    assert not workspace.dirty


def test_update_tenant_changes_contact_and_keeps_the_file(workspace):
    tenant = next(t for t in workspace.data.tenants if t.payments and t.events)
    payments, events = list(tenant.payments), list(tenant.events)
    changed = tenant.model_copy(
        update={"email": "nieuw@voorbeeld.nl", "payments": [], "events": []}
    )
    updated = edits.update_tenant(workspace, changed)
    assert updated.email == "nieuw@voorbeeld.nl"
    assert (updated.payments, updated.events) == (payments, events)
    assert workspace.data.audit[-1].action == "tenant.update" and workspace.dirty


def test_delete_tenant_refuses_a_tenant_with_a_file(workspace):
    tenant = next(t for t in workspace.data.tenants if t.events)
    with pytest.raises(ValueError, match="kan niet worden verwijderd.*einddatum"):
        edits.delete_tenant(workspace, tenant.id)
    assert workspace.data.tenant(tenant.id) is tenant and not workspace.dirty


def test_delete_tenant_removes_a_fresh_tenant(workspace):
    added = edits.add_tenant(workspace, new_tenant())
    edits.delete_tenant(workspace, added.id)
    assert all(t.id != added.id for t in workspace.data.tenants)
    assert workspace.data.audit[-1].action == "tenant.delete"


def test_agreements_are_added_replaced_and_deleted_with_audit(workspace, saved):
    agreement = Agreement(
        gemeente="Zeist", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2026, 1, 5)
    )
    edits.save_agreement(workspace, agreement)
    assert workspace.data.agreement_for("Zeist") is agreement and workspace.dirty
    replaced = agreement.model_copy(update={"threshold_days": 60})
    edits.save_agreement(workspace, replaced)
    assert [a for a in workspace.data.agreements if a.id == agreement.id] == [replaced]
    edits.delete_agreement(workspace, agreement.id)
    assert workspace.data.agreement_for("Zeist") is None
    assert [(e.action, e.ref) for e in workspace.data.audit[-3:]] == [
        ("agreement.add", agreement.id),
        ("agreement.update", agreement.id),
        ("agreement.delete", agreement.id),
    ]
    assert saved().agreement_for("Zeist") is None


def test_landlord_and_settings_are_replaced_together(workspace):
    landlord = workspace.data.landlord.model_copy(update={"name": "Verhuur Anders BV"})
    settings = workspace.data.settings.model_copy(update={"retention_months": 18})
    edits.save_landlord_and_settings(workspace, landlord, settings)
    assert workspace.data.landlord.name == "Verhuur Anders BV"
    assert workspace.data.settings.retention_months == 18
    entry = workspace.data.audit[-1]
    assert entry.action == "settings.update" and "Anders" not in entry.model_dump_json()
    assert workspace.dirty
