"""Retention: former tenants without an open case, after the retention period."""

from __future__ import annotations

from decimal import Decimal

from domain_builders import D, add, ev, make_tenant, pay, vault

from lcv_tui.domain.models import EventKind
from lcv_tui.domain.retention import purge_date, purgeable


def former(surname: str, end, **kw):
    return make_tenant(surname=surname, start=D(2024, 1, 1), tenancy_end=end, paid_before=end, **kw)


def test_only_ended_tenancies_after_the_retention_period_without_open_case():
    gone = former("Oud", D(2025, 6, 30))
    recent = former("Recent", D(2026, 6, 30))
    current = make_tenant(surname="Huidig", paid_before=D(2026, 12, 1))
    owing = make_tenant(
        surname="Schuld", start=D(2024, 1, 1), tenancy_end=D(2025, 3, 31), paid_before=D(2025, 3, 1)
    )
    data = vault(gone, recent, current, owing)
    assert data.settings.retention_months == 12
    assert purgeable(data, D(2026, 11, 23)) == [gone]
    assert purge_date(gone, 12) == D(2026, 7, 1)
    assert purgeable(data, D(2026, 6, 30)) == []
    assert purgeable(data, D(2026, 7, 1)) == [gone]


def test_late_case_event_or_open_signal_postpones_retention():
    tenant = former("Laat", D(2025, 6, 30))
    add(tenant, ev(EventKind.SIGNAAL, D(2025, 10, 20), amount=Decimal("100.00"), months=1))
    data = vault(tenant)
    # the signal is open (never withdrawn) → the case stays open
    assert purgeable(data, D(2027, 1, 1)) == []
    add(tenant, ev(EventKind.SIGNAAL_INGETROKKEN, D(2025, 11, 1)))
    assert purge_date(tenant, 12) == D(2026, 11, 2)
    assert purgeable(data, D(2026, 11, 1)) == []
    assert purgeable(data, D(2026, 11, 2)) == [tenant]
    assert pay  # builder kept for symmetry with other tests
