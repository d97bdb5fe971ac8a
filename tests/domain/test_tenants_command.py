"""``lcv-tui tenants [--json] [--on DATE]``: every tenant with their arrears (issue 12.4). The JSON
names are a promise to scripts and support staff."""

from __future__ import annotations

import io
import json
from decimal import Decimal

from domain_builders import D, make_tenant, vault

from lcv_tui.cli import main
from lcv_tui.commands.tenants import format_json, format_text
from lcv_tui.domain import ledger
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Payment

PASSPHRASE = "geheime wachtzin voor de test"


def test_json_names_and_the_rent_due_on_the_date_itself():
    paid = make_tenant(surname="Aalders", klantnummer="A-1", start=D(2026, 1, 1))
    paid.payments += [
        Payment(on=due, amount=paid.rent) for due in ledger.rent_due_dates(paid, D(2026, 11, 1))
    ]
    behind = make_tenant(
        surname="Berg", house_number=3, start=D(2026, 9, 1), paid_before=D(2026, 10, 1)
    )
    data = vault(paid, behind)
    # On the due date itself the rent due that day counts (it has fallen due and is unpaid).
    payload = json.loads(format_json(data, D(2026, 12, 1)))
    assert payload["on"] == "2026-12-01"
    first, second = payload["tenants"]
    assert set(first) >= {
        "id",
        "klantnummer",
        "name",
        "postcode",
        "house_number",
        "arrears",
        "months",
        "oldest_due",
    }
    assert (first["id"], first["klantnummer"], first["name"]) == (paid.id, "A-1", "A. Aalders")
    assert (first["postcode"], first["house_number"]) == ("3511 AB", 12)
    assert (first["arrears"], first["months"], first["oldest_due"]) == ("850.00", 1, "2026-12-01")
    assert (second["arrears"], second["months"], second["oldest_due"]) == (
        "2550.00",
        3,
        "2026-10-01",
    )
    # Before the due date: nothing for the paid-up tenant, "0.00" and null.
    first = json.loads(format_json(data, D(2026, 11, 30)))["tenants"][0]
    assert (first["arrears"], first["months"], first["oldest_due"]) == ("0.00", 0, None)
    assert ledger.arrears_due(behind, D(2026, 12, 1)).amount == Decimal("2550.00")
    assert ledger.arrears(behind, D(2026, 12, 1)).amount == Decimal("1700.00")  # overdue only


def test_text_table():
    text = format_text(build_demo(D(2026, 11, 23)), D(2026, 11, 23))
    assert text.startswith("Huurders op 23 november 2026")
    assert "Achterstand" in text and "met achterstand." in text
    assert format_text(vault(), D(2026, 11, 23)).endswith("Nog geen huurders in de kluis.")


def test_the_command_reads_the_vault(locations, clock, monkeypatch):
    from lcv_tui.store.vault import Vault

    data = build_demo(clock.today())
    Vault.create(locations, PASSPHRASE, data)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    out, err = io.StringIO(), io.StringIO()
    args = ["tenants", "--data-dir", str(locations.data_dir), "--json", "--on", "2026-11-30"]
    assert main(args, clock=clock, out=out, err=err) == 0, err.getvalue()
    payload = json.loads(out.getvalue())
    assert payload["on"] == "2026-11-30" and len(payload["tenants"]) == len(data.tenants)
    assert all(isinstance(t["arrears"], str) and "." in t["arrears"] for t in payload["tenants"])
    out = io.StringIO()
    assert (
        main(["tenants", "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err) == 0
    )
    assert out.getvalue().startswith("Huurders op 23 november 2026")


def test_the_command_reports_vault_errors(locations, clock):
    out, err = io.StringIO(), io.StringIO()
    assert (
        main(["tenants", "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err) == 2
    )
    assert "kluis" in err.getvalue().lower() and out.getvalue() == ""
