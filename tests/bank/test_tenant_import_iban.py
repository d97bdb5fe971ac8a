"""The tenant import takes an IBAN column (one or more per cell), checked like the form."""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain.models import VaultData
from lcv_tui.exports.imports import apply_import, plan_tenants_table

HEADER = ["Achternaam", "Huisnummer", "Postcode", "Gemeente", "Huur", "Ingangsdatum", "IBAN"]


def test_iban_column_is_recognised_checked_and_stored():
    table = [
        HEADER,
        [
            "Jansen",
            "1",
            "3511 AX",
            "Utrecht",
            "800",
            "1-1-2025",
            "nl91abna0417164300, NL62 DEMO 0100 0010 01",
        ],
        ["Pietersen", "2", "3511 AX", "Utrecht", "800", "1-1-2025", "NL91ABNA0417164301"],
        ["Klaas", "3", "3511 AX", "Utrecht", "800", "1-1-2025", ""],
    ]
    data = VaultData()
    plan = plan_tenants_table(table, data)
    assert plan.mapping.columns["ibans"] == "IBAN"
    assert [(e.row, e.column) for e in plan.errors] == [(3, "IBAN")]
    assert "Dit IBAN klopt niet" in plan.errors[0].message
    apply_import(data, plan, now=dt.datetime(2026, 11, 23, 10), skip_bad=True)
    assert [t.ibans for t in data.tenants] == [["NL91ABNA0417164300", "NL62DEMO0100001001"], []]
