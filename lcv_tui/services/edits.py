"""Edits of tenants, agreements, landlord and settings, each with its audit entry (ids only, never names).

Tenant changes go through ``lcv_tui.domain.actions`` (which also writes the audit entry) at the
workspace clock's time; landlord, settings and agreements are plain replacements recorded with
``workspace.record_audit``. Each marks the workspace dirty; saving is the caller's job
(``app.commit()`` right after), so a failed save is reported once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lcv_tui.domain.models import Agreement, Landlord, Settings, Tenant
    from lcv_tui.store.workspace import Workspace


def add_tenant(workspace: Workspace, tenant: Tenant) -> Tenant:
    """Raises ``ValueError`` with a Dutch message (e.g. a klantnummer already in use); nothing changes then."""
    from lcv_tui.domain import actions

    added = actions.add_tenant(
        workspace.data, tenant, now=workspace.clock.now(), actor=workspace.actor
    )
    workspace.mark_dirty()
    return added


def update_tenant(workspace: Workspace, tenant: Tenant) -> Tenant:
    """Replace the contact, rent and tenancy fields; the file (payments, events) is left alone."""
    from lcv_tui.domain import actions

    changes = tenant.model_dump(exclude=set(actions.PROTECTED_TENANT_FIELDS))
    updated = actions.update_tenant(
        workspace.data, tenant.id, changes, now=workspace.clock.now(), actor=workspace.actor
    )
    workspace.mark_dirty()
    return updated


def delete_tenant(workspace: Workspace, tenant_id: str) -> None:
    """Raises ``ValueError`` with a Dutch message for a tenant with anything recorded (give an end date
    instead: the retention rule removes the file later); nothing changes then."""
    from lcv_tui.domain import actions

    actions.delete_tenant(
        workspace.data, tenant_id, now=workspace.clock.now(), actor=workspace.actor
    )
    workspace.mark_dirty()


def save_agreement(workspace: Workspace, agreement: Agreement) -> None:
    agreements = workspace.data.agreements
    for index, existing in enumerate(agreements):
        if existing.id == agreement.id:
            agreements[index] = agreement
            workspace.record_audit("agreement.update", ref=agreement.id)
            workspace.mark_dirty()
            return
    agreements.append(agreement)
    workspace.record_audit("agreement.add", ref=agreement.id)
    workspace.mark_dirty()


def delete_agreement(workspace: Workspace, agreement_id: str) -> None:
    workspace.data.agreements = [a for a in workspace.data.agreements if a.id != agreement_id]
    workspace.record_audit("agreement.delete", ref=agreement_id)
    workspace.mark_dirty()


def save_landlord_and_settings(
    workspace: Workspace, landlord: Landlord, settings: Settings
) -> None:
    workspace.data.landlord = landlord
    workspace.data.settings = settings
    workspace.record_audit("settings.update")
    workspace.mark_dirty()
