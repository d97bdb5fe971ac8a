"""Tenant rows for the tenant list: computed once per tenant, so filtering and sorting stay fast."""

from __future__ import annotations

import datetime as dt
import sys
from typing import TYPE_CHECKING

from lcv_tui.domain.validation import format_money
from lcv_tui.tui.widgets.record_table import Column, Record, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant, VaultData

COLUMNS = (
    Column("naam", "Naam", min_width=10, max_width=28),
    Column("adres", "Adres", min_width=10, max_width=32),
    Column("postcode", "Postcode", min_width=8, max_width=8),
    Column("gemeente", "Gemeente", min_width=8, max_width=22),
    Column("huur", "Huur", min_width=9, max_width=12, align="right"),
    Column("status", "Status", min_width=10, max_width=34),
)


def status_text(tenant: Tenant, data: VaultData, today: dt.date) -> str:
    """The stage of the tenant's case in words with a symbol (``✉ Herinnering verstuurd``)."""
    from lcv_tui.domain.workflow import Stage, case_for

    case = case_for(
        tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    # case_for returns None exactly when there are no arrears and nothing is pending. Interned:
    # most tenants share a handful of texts, and the list keeps one per row.
    return sys.intern(case.status_text if case is not None else Stage.BETAALD.text())


def tenant_record(tenant: Tenant, status: str, today: dt.date | None = None) -> Record:
    """One row; the rent shown is the rent in force on ``today`` (after a rent increase)."""
    from lcv_tui.domain.ledger import rent_in_force

    address = tenant.address_line
    rent = rent_in_force(tenant, today) if today is not None else tenant.rent
    return Record(
        key=tenant.id,
        cells=(
            f"{tenant.surname}, {tenant.initials}" if tenant.initials else tenant.surname,
            address,
            tenant.postcode,
            tenant.gemeente,
            format_money(rent),
            status,
        ),
        sort_keys=(
            tenant.sort_key,
            (tenant.street.casefold(), tenant.house_number, tenant.addition.casefold()),
            tenant.postcode,
            tenant.gemeente.casefold(),
            rent,
            status,
        ),
        search=search_key(
            tenant.surname,
            tenant.initials,
            address,
            tenant.postcode,
            tenant.postcode.replace(" ", ""),
            tenant.town,
            tenant.gemeente,
            tenant.klantnummer,
        ),
    )


def tenant_records(data: VaultData, today: dt.date) -> list[Record]:
    return [tenant_record(t, status_text(t, data, today), today) for t in data.tenants]
