"""The yearly rent increase (issue 12.2): a preview, then one recorded change for all selected tenants."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from domain_builders import D, make_tenant, vault

from lcv_tui.domain import actions, audit, ledger
from lcv_tui.domain.models import RentChange
from lcv_tui.domain.rent import rent_increase_preview

NOW = dt.datetime(2026, 6, 15, 10, 0)


def _data():
    a = make_tenant(surname="Aalders", rent="850.00", start=D(2025, 1, 1))
    b = make_tenant(
        surname="Berg",
        house_number=3,
        rent="700.00",
        start=D(2025, 1, 1),
        rent_changes=[RentChange(on=D(2025, 7, 1), amount=Decimal("723.33"))],
    )
    c = make_tenant(surname="Claes", house_number=5, start=D(2026, 9, 1))
    return vault(a, b, c), a, b, c


def test_preview_uses_the_rent_in_force_and_rounds_to_the_cent():
    data, a, b, c = _data()
    lines = rent_increase_preview(data, [a.id, b.id, c.id], D(2026, 7, 1), percent=Decimal("4.5"))
    assert [(line.old, line.new) for line in lines[:2]] == [
        (Decimal("850.00"), Decimal("888.25")),
        (Decimal("723.33"), Decimal("755.88")),  # 755.8799 rounds half up to the cent
    ]
    assert lines[0].problem == "" and "begint pas op 01-09-2026" in lines[2].problem
    by_amount = rent_increase_preview(data, [a.id], D(2026, 7, 1), amount=Decimal("25"))
    assert by_amount[0].new == Decimal("875.00")


@pytest.mark.parametrize(
    ("percent", "amount", "message"),
    [
        (None, None, "Kies een percentage of een bedrag"),
        (Decimal("3"), Decimal("10"), "Kies een percentage of een bedrag"),
        (Decimal("0"), None, "groter zijn dan 0"),
        (Decimal("150"), None, "hoogstens 100"),
        (None, Decimal("-5"), "groter zijn dan € 0,00"),
    ],
)
def test_a_bad_increase_is_refused_in_dutch(percent, amount, message):
    data, a, *_ = _data()
    with pytest.raises(ValueError, match=message):
        rent_increase_preview(data, [a.id], D(2026, 7, 1), percent=percent, amount=amount)


def test_apply_records_one_change_for_all_selected_tenants():
    data, a, b, c = _data()
    changes = actions.apply_rent_increase(
        data,
        [a.id, b.id],
        D(2026, 7, 1),
        percent=Decimal("3"),
        note="Indexatie 2026",
        now=NOW,
        actor="app",
    )
    assert [ch.amount for ch in changes] == [Decimal("875.50"), Decimal("745.03")]
    assert a.rent == Decimal("850.00") and a.rent_changes[-1].on == D(2026, 7, 1)
    assert [ch.on for ch in b.rent_changes] == [D(2025, 7, 1), D(2026, 7, 1)]
    assert c.rent_changes == []
    # One audit entry naming the tenants' ids; no names or amounts in the log.
    assert len(data.audit) == 1
    entry = data.audit[-1]
    assert entry.action == "rent.increase" and entry.ref == f"{a.id},{b.id}"
    assert "875.50" not in entry.model_dump_json() and audit.verify(data.audit) == []
    # The ledger charges the new rent from its date on.
    assert ledger.rent_in_force(a, D(2026, 7, 1)) == Decimal("875.50")
    charges = {c.due: c.amount for c in ledger.charges(a, D(2026, 8, 1))}
    assert charges[D(2026, 6, 1)] == Decimal("850.00") and charges[D(2026, 7, 1)] == Decimal(
        "875.50"
    )


def test_apply_is_all_or_nothing():
    data, a, b, c = _data()
    with pytest.raises(ValueError, match="Niets vastgelegd. A. Claes: De huur begint pas"):
        actions.apply_rent_increase(
            data, [a.id, c.id], D(2026, 7, 1), amount=Decimal("20"), now=NOW, actor="app"
        )
    assert a.rent_changes == [] and len(data.audit) == 0
    actions.apply_rent_increase(
        data, [a.id], D(2026, 7, 1), amount=Decimal("20"), now=NOW, actor="app"
    )
    with pytest.raises(ValueError, match="al een huurwijziging op 01-07-2026"):
        actions.apply_rent_increase(
            data, [a.id], D(2026, 7, 1), amount=Decimal("20"), now=NOW, actor="app"
        )
    with pytest.raises(ValueError, match="minstens één huurder"):
        actions.apply_rent_increase(
            data, [], D(2026, 7, 1), amount=Decimal("20"), now=NOW, actor="app"
        )
