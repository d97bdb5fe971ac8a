"""A landlord's year in the ledger: onboarding with 'Betaald t/m', rent changes, reversals, and
continuous arrears episodes (issues 12.1, 12.2, 13.4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import NamedTuple

import pytest
from domain_builders import SETTINGS, D, add, agreement, ev, make_tenant
from pydantic import ValidationError

from lcv_tui.domain import case_terms, ledger, rules, workflow
from lcv_tui.domain.errors import first_message
from lcv_tui.domain.models import EventKind, Payment, RentChange, Tenant


class Reversal(NamedTuple):
    on: dt.date
    amount: Decimal
    note: str = ""


def test_onboarding_with_paid_through_gives_zero_arrears():
    """Issue 12.1: a tenancy from 2024 entered with 'Betaald t/m' = last month owes nothing."""
    tenant = make_tenant(start=D(2024, 1, 1), paid_through=D(2026, 10, 31))
    on = D(2026, 11, 23)
    # Without a payment, November's rent is open: only what fell due after 'Betaald t/m' counts.
    assert ledger.arrears(tenant, on).amount == Decimal("850.00")
    tenant.payments.append(Payment(on=D(2026, 11, 1), amount=Decimal("850.00")))
    position = ledger.arrears(tenant, on)
    assert position.amount == Decimal("0.00") and not position.in_arrears
    assert workflow.case_for(tenant, on, settings=SETTINGS, agreement=agreement()) is None
    # Nothing before 'Betaald t/m' is counted: not the old rents, not an old payment.
    tenant.payments.append(Payment(on=D(2025, 3, 1), amount=Decimal("850.00")))
    assert ledger.arrears(tenant, on).credit == Decimal("0.00")
    assert [c.due for c in ledger.charges(tenant, on)] == [D(2026, 11, 1)]


def test_opening_arrears_count_from_their_due_date():
    tenant = make_tenant(
        start=D(2024, 1, 1),
        paid_through=D(2026, 10, 31),
        opening_arrears=Decimal("400.00"),
        opening_arrears_due=D(2026, 10, 1),
    )
    position = ledger.arrears(tenant, D(2026, 11, 5))
    assert position.amount == Decimal("1250.00")
    assert position.oldest_due == D(2026, 10, 1) and position.months == 2
    assert position.open_charges[0].charge.label == "Openstaand bij start (sinds 01-10-2026)"
    # November's payment settles the oldest first (FIFO): the opening arrears.
    tenant.payments.append(Payment(on=D(2026, 11, 1), amount=Decimal("850.00")))
    position = ledger.arrears(tenant, D(2026, 11, 5))
    assert position.amount == Decimal("400.00") and position.oldest_due == D(2026, 11, 1)
    assert ledger.episode(tenant, D(2026, 11, 5)) == ledger.Episode(D(2026, 10, 1), D(2026, 10, 2))
    # Its age counts for the 30 days (LCV 3.1 d).
    case = workflow.case_for(tenant, D(2026, 11, 5), settings=SETTINGS, agreement=agreement())
    assert case is not None and case.first_due == D(2026, 10, 1)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        (
            {"opening_arrears": Decimal("10.00"), "opening_arrears_due": D(2026, 10, 1)},
            "Betaald t/m",
        ),
        (
            {
                "paid_through": D(2026, 9, 30),
                "opening_arrears": Decimal("10.00"),
                "opening_arrears_due": D(2026, 10, 1),
            },
            "'Openstaand sinds' ligt na 'Betaald t/m'",
        ),
        (
            {"paid_through": D(2026, 10, 31), "opening_arrears": Decimal("10.00")},
            "ook 'Openstaand sinds'",
        ),
        (
            {"paid_through": D(2026, 10, 31), "opening_arrears_due": D(2026, 10, 1)},
            "ook het openstaande bedrag",
        ),
        (
            {
                "paid_through": D(2026, 10, 31),
                "opening_arrears": Decimal("0.00"),
                "opening_arrears_due": D(2026, 10, 1),
            },
            "groter zijn dan € 0,00",
        ),
    ],
)
def test_onboarding_fields_are_checked_in_dutch(fields, message):
    with pytest.raises(ValidationError) as caught:
        make_tenant(**fields)
    assert message in first_message(caught.value)


def test_rent_changes_charge_the_rent_in_force_on_each_due_date():
    """Issue 12.2: arrears across a rent change use the rent in force on each due date."""
    tenant = make_tenant(
        start=D(2026, 1, 1),
        rent="800.00",
        rent_changes=[RentChange(on=D(2026, 7, 1), amount=Decimal("840.00"))],
    )
    position = ledger.arrears(tenant, D(2026, 8, 2))
    amounts = [(oc.charge.due.month, oc.open_amount) for oc in position.open_charges]
    assert amounts[5:] == [(6, Decimal("800.00")), (7, Decimal("840.00")), (8, Decimal("840.00"))]
    assert position.amount == 6 * Decimal("800.00") + 2 * Decimal("840.00")
    assert ledger.quick_balance(tenant, D(2026, 8, 2)) == position.amount
    assert ledger.rent_in_force(tenant, D(2026, 6, 30)) == Decimal("800.00")
    assert ledger.rent_in_force(tenant, D(2026, 7, 1)) == Decimal("840.00")
    assert [line.debit for line in ledger.statement(tenant, D(2026, 8, 2))][-2:] == [
        Decimal("840.00"),
        Decimal("840.00"),
    ]


def test_rent_changes_are_kept_in_date_order_and_one_per_date():
    tenant = make_tenant(
        rent_changes=[
            RentChange(on=D(2027, 7, 1), amount=Decimal("900.00")),
            RentChange(on=D(2026, 7, 1), amount=Decimal("870.00")),
        ]
    )
    assert [c.on for c in tenant.rent_changes] == [D(2026, 7, 1), D(2027, 7, 1)]
    with pytest.raises(ValidationError) as caught:
        make_tenant(
            rent_changes=[
                RentChange(on=D(2026, 7, 1), amount=Decimal("900.00")),
                RentChange(on=D(2026, 7, 1), amount=Decimal("870.00")),
            ]
        )
    assert "dezelfde datum" in first_message(caught.value)


def test_a_reversal_reopens_the_rent_it_reversed():
    tenant = make_tenant(start=D(2026, 9, 1), paid_before=D(2026, 11, 1))
    assert not ledger.arrears(tenant, D(2026, 10, 20)).in_arrears
    tenant.payments.append(Reversal(on=D(2026, 10, 10), amount=Decimal("-850.00")))  # type: ignore[arg-type]
    position = ledger.arrears(tenant, D(2026, 10, 20))
    assert position.amount == Decimal("850.00") and position.oldest_due == D(2026, 10, 1)
    # The episode starts on the reversal; its 30 days count from the rent it re-opened.
    assert ledger.episode(tenant, D(2026, 10, 20)) == ledger.Episode(
        D(2026, 10, 1), D(2026, 10, 10)
    )
    lines = ledger.statement(tenant, D(2026, 10, 20))
    assert lines[-1].description == "Terugboeking" and lines[-1].debit == Decimal("850.00")


def one_month_behind(until: dt.date) -> Tenant:
    """Pays each month's rent on the next month's due date: always exactly one month behind."""
    tenant = make_tenant(start=D(2026, 1, 1))
    for due in ledger.rent_due_dates(tenant, until):
        pay_on = due.replace(month=due.month + 1) if due.month < 12 else None
        if pay_on is not None and pay_on <= until:
            tenant.payments.append(Payment(on=pay_on, amount=tenant.rent))
    return tenant


def test_always_one_month_behind_is_one_continuous_episode():
    """Issue 13.4: a payment that leaves arrears open never restarts the episode."""
    on = D(2026, 6, 10)
    tenant = one_month_behind(on)
    assert ledger.arrears(tenant, on).oldest_due == D(2026, 6, 1)  # only June's rent is open
    assert ledger.episode(tenant, on) == ledger.Episode(D(2026, 1, 1), D(2026, 1, 2))
    case = workflow.case_for(tenant, on, settings=SETTINGS, agreement=agreement())
    assert case is not None and case.first_due == D(2026, 1, 1)
    assert case.opened_on == D(2026, 1, 2)
    # The letters' suggested dates are anchored on the episode's first unpaid due date.
    assert case.step(case_terms.StepKey.HERINNERING).suggested == D(2026, 1, 5)
    assert case.step(case_terms.StepKey.AANMANING).suggested == D(2026, 1, 15)


def test_always_one_month_behind_is_signalled_on_day_31():
    tenant = one_month_behind(D(2026, 3, 1))
    add(
        tenant,
        ev(EventKind.HERINNERING, D(2026, 1, 5)),
        ev(EventKind.AANMANING, D(2026, 1, 15)),
        ev(EventKind.PERSOONLIJK_CONTACT, D(2026, 1, 16)),
        ev(EventKind.SOMMATIE, D(2026, 1, 20)),
    )
    # February 1: January paid on the day February fell due. The letters still count on February 2.
    case = workflow.case_for(tenant, D(2026, 2, 2), settings=SETTINGS, agreement=agreement())
    assert case is not None and case.sommatie is not None
    assert case.done(EventKind.HERINNERING) is not None
    verdict = rules.eligibility(case, D(2026, 2, 2))
    assert verdict.reason(rules.DAYS_OVERDUE).ok  # 32 days since the first unpaid due date
    assert verdict.allowed


def test_the_same_payment_a_day_earlier_or_later_keeps_the_episode():
    """Paid on the next due date or the day after: the same episode, the same verdict (issue 13.4)."""
    for pay_on in (D(2026, 2, 1), D(2026, 2, 2)):
        tenant = make_tenant(start=D(2026, 1, 1))
        tenant.payments.append(Payment(on=pay_on, amount=Decimal("850.00")))
        episode = ledger.episode(tenant, D(2026, 2, 10))
        assert episode == ledger.Episode(D(2026, 1, 1), D(2026, 1, 2))
    # Paid off the day before the next due date: a new episode from February.
    tenant = make_tenant(start=D(2026, 1, 1))
    tenant.payments.append(Payment(on=D(2026, 1, 31), amount=Decimal("850.00")))
    assert ledger.episode(tenant, D(2026, 2, 10)) == ledger.Episode(D(2026, 2, 1), D(2026, 2, 2))
