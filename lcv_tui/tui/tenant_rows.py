"""Tenant rows for the tenant list: computed once per tenant, so filtering and sorting stay fast."""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from typing import TYPE_CHECKING

from lcv_tui.domain.validation import format_money
from lcv_tui.tui.widgets.record_table import Column, Record, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant, VaultData

COLUMNS = (
    Column("naam", "Naam", min_width=16, max_width=28),
    Column("adres", "Adres", min_width=8, max_width=32),
    Column("postcode", "Postcode", min_width=8, max_width=8),
    Column("gemeente", "Gemeente", min_width=8, max_width=22),
    Column("huur", "Huur", min_width=10, max_width=12, align="right"),  # "€ 1.025,00" whole
    Column("achterstand", "Achterstand", min_width=11, max_width=13, align="right"),
    Column("status", "Status", min_width=8, max_width=34),
)

# The status filter: (key, Dutch label). A tenant's group is one of these keys (besides "alle").
STATUS_FILTERS: tuple[tuple[str, str], ...] = (
    ("alle", "Alle huurders"),
    ("achterstand", "Met achterstand"),
    ("lopend", "Lopende zaak (brieven, bezwaar, melden)"),
    ("gemeld", "Gemeld of na de melding"),
    ("betaald", "Zonder achterstand"),
    ("beeindigd", "Huur beëindigd"),
)
_SIGNALLED_STAGES = frozenset(
    {"gemeld", "geen_hulp", "terugkoppeling", "opgeschort", "incasso_hervatten", "intrekken"}
)


def status_facts(
    tenant: Tenant, data: VaultData, today: dt.date
) -> tuple[str, Decimal, frozenset[str]]:
    """The tenant's status text (``✉ Herinnering verstuurd``), arrears amount and filter groups
    (keys of :data:`STATUS_FILTERS`), from one ``case_for``."""
    from lcv_tui.domain.stage import Stage
    from lcv_tui.domain.workflow import case_for

    case = case_for(
        tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )
    groups = []
    if tenant.tenancy_end is not None and tenant.tenancy_end < today:
        groups.append("beeindigd")
    if case is None:
        # case_for returns None exactly when there are no arrears and nothing is pending. Interned:
        # most tenants share a handful of texts, and the list keeps one per row.
        groups.append("betaald")
        return sys.intern(Stage.BETAALD.text()), Decimal(0), _groups(groups)
    amount = case.arrears.amount
    groups.append("achterstand" if amount > 0 else "betaald")
    groups.append("gemeld" if case.stage.value in _SIGNALLED_STAGES else "lopend")
    return sys.intern(case.status_text), amount, _groups(groups)


_GROUP_SETS: dict[tuple[str, ...], frozenset[str]] = {}


def _groups(keys: list[str]) -> frozenset[str]:
    """One shared set per combination (a list of 10,000 tenants has a handful)."""
    key = tuple(keys)
    found = _GROUP_SETS.get(key)
    if found is None:
        found = _GROUP_SETS[key] = frozenset(keys)
    return found


def status_text(tenant: Tenant, data: VaultData, today: dt.date) -> str:
    """The stage of the tenant's case in words with a symbol (``✉ Herinnering verstuurd``)."""
    return status_facts(tenant, data, today)[0]


def tenant_record(
    tenant: Tenant,
    status: str,
    arrears: Decimal = Decimal(0),
    groups: frozenset[str] = frozenset(),
    today: dt.date | None = None,
) -> Record:
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
            format_money(arrears) if arrears else "–",
            status,
        ),
        sort_keys=(
            tenant.sort_key,
            (tenant.street.casefold(), tenant.house_number, tenant.addition.casefold()),
            tenant.postcode,
            tenant.gemeente.casefold(),
            rent,
            arrears,
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
        groups=groups,
    )


def tenant_records(data: VaultData, today: dt.date) -> list[Record]:
    return [tenant_record(t, *status_facts(t, data, today), today) for t in data.tenants]
