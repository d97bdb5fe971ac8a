"""Importing is linear in the number of rows and the size of the vault (issue 12, "Done when"):
each row is matched through indexes made once, never by a scan of the tenant list."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

from lcv_tui.domain import ledger
from lcv_tui.domain.models import VaultData
from lcv_tui.exports.imports import apply_import, plan_payments_table, plan_tenants_table

NOW = dt.datetime(2026, 11, 23, 9, 0)


def _tenants(n: int) -> list[list[str]]:
    rows = [
        ["Klantnummer", "Achternaam", "Huisnummer", "Postcode", "Gemeente", "Huur"]
        + ["Ingangsdatum", "Betaald t/m"]
    ]
    for i in range(n):
        rows.append(
            [f"K{i}", "Jansen", str(i + 1), "3511 AB", "Utrecht", "850,00"]
            + ["01-01-2024", "31-10-2026"]
        )
    return rows


def _payments(n: int) -> list[list[str]]:
    rows = [["Klantnummer", "Datum", "Bedrag"]]
    rows += [[f"K{i}", "01-11-2026", "850,00"] for i in range(n)]
    return rows


def _import(n: int) -> tuple[float, VaultData]:
    data = VaultData()
    tenants, payments = _tenants(n), _payments(n)
    started = time.perf_counter()
    apply_import(data, plan_tenants_table(tenants, data), now=NOW)
    apply_import(data, plan_payments_table(payments, data, today=NOW.date()), now=NOW)
    return time.perf_counter() - started, data


def test_ten_thousand_rows_take_about_ten_times_a_thousand():
    small = min(_import(1_000)[0] for _ in range(2))
    large, data = _import(10_000)
    assert len(data.tenants) == 10_000 and len(data.audit) == 20_000
    assert all(not ledger.arrears(t, NOW.date()).in_arrears for t in data.tenants[:100])
    # Linear: ~10x (quadratic, a scan per row, would be ~100x). Room for a noisy machine.
    assert large <= 30 * small, (small, large)
    assert data.tenants[-1].paid_through == dt.date(2026, 10, 31)
    assert data.tenants[-1].payments[0].amount == Decimal("850.00")
