"""Nothing precious is one key away: a tenant with a recorded fact is never deleted (issue 12.6)."""

from __future__ import annotations

import pytest
from domain_builders import NOW, D, make_tenant, vault

from lcv_tui.domain import actions, audit
from lcv_tui.domain.models import Channel, EventKind


def test_a_tenant_without_evidence_is_deleted_with_an_audit_entry():
    data = vault()
    tenant = actions.add_tenant(
        data,
        {
            "surname": "Bos",
            "house_number": 1,
            "postcode": "3511 AB",
            "gemeente": "Utrecht",
            "rent": "700",
            "tenancy_start": D(2025, 1, 1),
        },
        now=NOW,
        actor="app",
    )
    assert actions.recorded_evidence(tenant) == []
    assert actions.deletion_refusal(tenant) is None
    actions.delete_tenant(data, tenant.id, now=NOW, actor="app")
    assert data.tenants == []
    assert [e.action for e in data.audit] == ["tenant.add", "tenant.delete"]
    assert audit.verify(data.audit) == []


@pytest.mark.parametrize(
    ("record", "named"),
    [
        (
            lambda data, t: actions.record_payment(
                data, t.id, D(2026, 3, 3), "700", "bank", now=NOW, actor="app"
            ),
            "1 betaling",
        ),
        (
            lambda data, t: actions.record_letter(
                data,
                t.id,
                EventKind.HERINNERING,
                D(2026, 3, 10),
                Channel.POST,
                now=NOW,
                actor="app",
            ),
            "1 vastgelegde stap of brief",
        ),
    ],
)
def test_a_tenant_with_a_recorded_fact_is_refused_naming_it(record, named):
    data = vault()
    tenant = make_tenant()
    data.tenants.append(tenant)
    record(data, tenant)
    before = len(data.audit)
    with pytest.raises(ValueError, match=named) as refused:
        actions.delete_tenant(data, tenant.id, now=NOW, actor="app")
    assert "einddatum" in str(refused.value)
    assert data.tenants == [tenant]
    assert len(data.audit) == before
