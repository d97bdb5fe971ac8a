"""Builders for the domain tests: tenants with a payment history, agreements, events, a vault."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcv_tui.domain import ledger
from lcv_tui.domain.case import Case
from lcv_tui.domain.models import (
    LETTER_KINDS,
    Agreement,
    Channel,
    Event,
    EventKind,
    Landlord,
    Meldpunt,
    Payment,
    Route,
    Settings,
    Tenant,
    VaultData,
)
from lcv_tui.domain.workflow import case_for

D = dt.date
SETTINGS = Settings()
DEFAULT_START = D(2025, 1, 1)
DEFAULT_DUE = D(2026, 3, 1)


def make_tenant(
    *,
    surname: str = "de Vries",
    rent: str = "850.00",
    start: dt.date = DEFAULT_START,
    due_day: int = 1,
    paid_before: dt.date | None = None,
    gemeente: str = "Utrecht",
    **fields,
) -> Tenant:
    """A tenant who paid every rent charge due before ``paid_before`` on its due date."""
    tenant = Tenant(
        surname=surname,
        initials=fields.pop("initials", "A."),
        street=fields.pop("street", "Oudegracht"),
        house_number=fields.pop("house_number", 12),
        postcode=fields.pop("postcode", "3511 AB"),
        town=fields.pop("town", "Utrecht"),
        gemeente=gemeente,
        rent=Decimal(rent),
        due_day=due_day,
        tenancy_start=start,
        **fields,
    )
    if paid_before is not None:
        for due in ledger.rent_due_dates(tenant, paid_before - dt.timedelta(days=1)):
            tenant.payments.append(Payment(on=due, amount=tenant.rent))
    return tenant


def agreement(
    gemeente: str = "Utrecht", meldpunt: Meldpunt = Meldpunt.RIS_MATCHING, **fields
) -> Agreement:
    return Agreement(
        gemeente=gemeente,
        meldpunt=meldpunt,
        signed_on=fields.pop("signed_on", D(2024, 1, 1)),
        **fields,
    )


def ev(kind: EventKind, on: dt.date, **fields) -> Event:
    if kind in LETTER_KINDS or kind == EventKind.PERSOONLIJK_CONTACT:
        fields.setdefault(
            "channel", Channel.TELEFOON if kind == EventKind.PERSOONLIJK_CONTACT else Channel.POST
        )
    if kind == EventKind.SIGNAAL:
        fields.setdefault("route", Route.UPLOAD)
        fields.setdefault("amount", Decimal("850.00"))
        fields.setdefault("months", 1)
    return Event(kind=kind, on=on, **fields)


def add(tenant: Tenant, *events: Event) -> Tenant:
    tenant.events.extend(events)
    return tenant


def pay(tenant: Tenant, on: dt.date, amount: str) -> Tenant:
    tenant.payments.append(Payment(on=on, amount=Decimal(amount)))
    return tenant


def case(
    tenant: Tenant,
    on: dt.date,
    agr: Agreement | None = None,
    settings: Settings = SETTINGS,
    *,
    no_agreement: bool = False,
) -> Case | None:
    return case_for(
        tenant,
        on,
        settings=settings,
        agreement=None if no_agreement else (agr or agreement(tenant.gemeente)),
    )


def full_process(tenant: Tenant, due: dt.date = DEFAULT_DUE, *, contact: bool = True) -> Tenant:
    """Herinnering, aanmaning, (contact), sommatie on the werkinstructie's dates for ``due``."""
    add(
        tenant,
        ev(EventKind.HERINNERING, due + dt.timedelta(days=4)),
        ev(EventKind.AANMANING, due + dt.timedelta(days=14)),
    )
    if contact:
        add(tenant, ev(EventKind.PERSOONLIJK_CONTACT, due + dt.timedelta(days=15)))
    from lcv_tui.domain.calendar import add_months

    add(tenant, ev(EventKind.SOMMATIE, add_months(due, 1) + dt.timedelta(days=4)))
    return tenant


def vault(*tenants: Tenant, agreements: list[Agreement] | None = None) -> VaultData:
    return VaultData(
        landlord=Landlord(name="Verhuur Test B.V.", objection_email="bezwaar@verhuurtest.example"),
        agreements=agreements if agreements is not None else [agreement()],
        tenants=list(tenants),
    )


NOW = dt.datetime(2026, 11, 23, 9, 0)
