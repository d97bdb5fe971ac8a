"""Retention (AVG: storage limitation): which former tenants' data may be removed.

A tenant's data may go when the tenancy has ended, no case is open (no arrears, no signal to
withdraw), and the later of the tenancy end and the last recorded step or payment lies more than
``settings.retention_months`` months before ``on``.
"""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.models import Tenant, VaultData
from lcv_tui.domain.workflow import case_for


def last_activity(tenant: Tenant) -> dt.date | None:
    """The later of the tenancy end and the last event, payment or correction in the file."""
    days = [tenant.tenancy_end] if tenant.tenancy_end else []
    days += [e.on for e in tenant.events]
    days += [p.on for p in tenant.payments]
    days += [a.on for a in tenant.adjustments]
    days += [c.recorded_at.date() for c in tenant.corrections]
    return max(days) if days else None


def purge_date(tenant: Tenant, retention_months: int) -> dt.date | None:
    """First day the tenant's data may be removed, or ``None`` while the tenancy runs."""
    if tenant.tenancy_end is None:
        return None
    last = last_activity(tenant)
    assert last is not None
    return add_months(last, retention_months) + dt.timedelta(days=1)


def purgeable(data: VaultData, on: dt.date) -> list[Tenant]:
    """Former tenants whose data may be removed on ``on``, in name order."""
    result = []
    for tenant in data.tenants:
        first_day = purge_date(tenant, data.settings.retention_months)
        if first_day is None or on < first_day:
            continue
        if (
            case_for(
                tenant, on, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
            )
            is not None
        ):
            continue
        result.append(tenant)
    result.sort(key=lambda t: t.sort_key)
    return result
