"""Importing tenants and payments: headers in Dutch and English, errors per row, duplicates, all or nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from lcv_tui.domain import audit
from lcv_tui.domain.models import Tenant, VaultData
from lcv_tui.exports.imports import (
    ColumnMapping,
    ImportRefused,
    apply_import,
    detect_mapping,
    plan_payments,
    plan_tenants,
)

NOW = dt.datetime(2026, 11, 23, 9, 0)
TODAY = NOW.date()


def write(tmp_path, text: str, name="huurders.csv", encoding="utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def existing() -> VaultData:
    data = VaultData()
    data.tenants.append(
        Tenant(
            klantnummer="H-1",
            surname="de Vries",
            house_number=12,
            postcode="3511 AB",
            gemeente="Utrecht",
            rent=Decimal("850"),
            tenancy_start=dt.date(2025, 1, 1),
        )
    )
    return data


DUTCH = (
    "Klantnummer;Achternaam;Voorletters;Straat;Huisnummer;Toevoeging;Postcode;Woonplaats;Gemeente;Telefoon;E-mail;Kale "
    "huur;Vervaldag;Ingangsdatum\n"
    "H-2;Öztürk;E.;Laan;23;;3811 ar;Amersfoort;Amersfoort;06 12345678;e@voorbeeld.nl;925,00;1;01-03-2025\n"
    "H-3;'t Hart;M.;Gracht;7;bis;3511ZH;Utrecht;utrecht;;;1.050,50;5e;2025-06-01\n"
)


def test_dutch_headers(tmp_path):
    data = existing()
    plan = plan_tenants(write(tmp_path, DUTCH), data)
    assert plan.ok and len(plan.rows) == 2 and not plan.duplicates, [str(e) for e in plan.errors]
    assert (
        plan.mapping.columns["surname"] == "Achternaam"
        and plan.mapping.columns["rent"] == "Kale huur"
    )
    result = apply_import(data, plan, now=NOW)
    assert result.added == 2 and len(data.tenants) == 3
    hart = next(t for t in data.tenants if t.klantnummer == "H-3")
    assert (hart.postcode, hart.gemeente, hart.rent, hart.due_day, hart.addition) == (
        "3511 ZH",
        "Utrecht",
        Decimal("1050.50"),
        5,
        "bis",
    )
    assert hart.tenancy_start == dt.date(2025, 6, 1)
    assert [e.action for e in data.audit[-2:]] == ["tenant.add", "tenant.add"] and data.audit[
        -1
    ].actor == "import"
    assert audit.verify(data.audit) == []


def test_english_headers_and_excel_cells(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(
        [
            "Reference",
            "Surname",
            "Initials",
            "House number",
            "Addition",
            "Zip",
            "City",
            "Municipality",
            "Phone",
            "Email",
            "Rent",
            "Due day",
            "Start date",
        ]
    )
    ws.append(
        [
            "C-9",
            "Smith",
            "J.",
            4,
            None,
            "1011AB",
            "Amsterdam",
            "Amsterdam",
            "0201234567",
            None,
            1200.5,
            1,
            dt.datetime(2024, 2, 1),
        ]
    )
    path = tmp_path / "tenants.xlsx"
    wb.save(path)
    plan = plan_tenants(path, VaultData())
    assert plan.ok, [str(e) for e in plan.errors]
    values = plan.rows[0].values
    assert (
        values["house_number"] == 4
        and values["rent"] == Decimal("1200.50")
        and values["tenancy_start"] == dt.date(2024, 2, 1)
    )
    assert values["postcode"] == "1011 AB" and values["phones"] == ["0201234567"]


def test_broken_rows_and_duplicates(tmp_path):
    text = (
        "Klantnummer;Achternaam;Huisnummer;Postcode;Gemeente;Huur;Ingangsdatum\n"
        "H-1;Dubbel;99;1234 AB;Utrecht;800;01-01-2025\n"  # 2: klantnummer exists
        "H-5;Adres;12;3511 AB;Utrecht;800;01-01-2025\n"  # 3: address exists
        "H-6;Goed;1;1234 AB;Utrecht;800;01-01-2025\n"  # 4: good
        "H-6;Nogmaals;2;1234 AB;Utrecht;800;01-01-2025\n"  # 5: same klantnummer as row 4
        "H-7;Zelfde adres;1;1234AB;Utrecht;800;01-01-2025\n"  # 6: same address as row 4
        "H-8;Fout;0;1234 SA;Brielle;-5;31-02-2025\n"  # 7: many errors
        "H-9;Goed twee;3;1234 AB;Utrecht;800;01-01-2025\n"  # 8: good
    )
    data = existing()
    plan = plan_tenants(write(tmp_path, text), data)
    assert [d.row for d in plan.duplicates] == [2, 3, 5, 6]
    assert "bestaat al" in str(plan.duplicates[0]) and "Zelfde adres als regel 4" in str(
        plan.duplicates[3]
    )
    assert {e.row for e in plan.errors} == {7}
    columns = {e.column for e in plan.errors}
    assert {"Gemeente", "Huur", "Ingangsdatum"} <= columns
    assert any("Voorne aan Zee" in e.message for e in plan.errors)
    assert str(plan.errors[0]).startswith("Regel 7, kolom")
    # all or nothing: refused, and nothing changed
    before = (len(data.tenants), len(data.audit))
    with pytest.raises(ImportRefused, match="alleen de goede regels"):
        apply_import(data, plan, now=NOW)
    assert (len(data.tenants), len(data.audit)) == before
    result = apply_import(data, plan, now=NOW, skip_bad=True)
    assert (result.added, result.skipped_bad, result.duplicates) == (2, 1, 4)
    assert sorted(t.klantnummer for t in data.tenants) == ["H-1", "H-6", "H-9"]


def test_rolls_back_when_an_action_fails(tmp_path, monkeypatch):
    from lcv_tui.domain import actions

    data = existing()
    plan = plan_tenants(write(tmp_path, DUTCH), data)
    real = actions.add_tenants

    def fail_second(data, tenants, **kwargs):
        real(data, list(tenants)[:1], **kwargs)  # the first is added, then the second fails
        raise ValueError("Schijf weg.")

    monkeypatch.setattr(actions, "add_tenants", fail_second)
    with pytest.raises(ImportRefused, match="Niets ingelezen"):
        apply_import(data, plan, now=NOW)
    assert len(data.tenants) == 1 and len(data.audit) == 0


def test_explicit_mapping_and_missing_columns(tmp_path):
    text = "Wie;Nr;PC;Plaats gemeente;Bedrag p/m;Sinds\nJansen;4;1234 AB;Utrecht;700;01-01-2025\n"
    path = write(tmp_path, text)
    plan = plan_tenants(path, VaultData())
    assert not plan.ok and {e.column for e in plan.errors if e.row == 1} >= {
        "Achternaam",
        "Gemeente",
        "Huur",
        "Ingangsdatum",
    }
    mapping = ColumnMapping(
        "tenants",
        {
            "surname": "Wie",
            "house_number": "Nr",
            "postcode": "PC",
            "gemeente": "Plaats gemeente",
            "rent": "Bedrag p/m",
            "tenancy_start": "Sinds",
        },
    )
    plan = plan_tenants(path, VaultData(), mapping=mapping)
    assert plan.ok and plan.rows[0].values["surname"] == "Jansen"
    assert ColumnMapping.from_dict("tenants", plan.mapping.to_dict()).columns == mapping.columns
    wrong, problems = detect_mapping("tenants", ["A"], {"surname": "Niet er"})
    assert problems and "staat niet in het bestand" in problems[0]
    with pytest.raises(ImportRefused, match="niet herkend"):
        apply_import(VaultData(), plan_tenants(path, VaultData()), now=NOW, skip_bad=True)


def test_payments(tmp_path):
    data = existing()
    data.tenants.append(
        Tenant(
            klantnummer="",
            surname="Bakker",
            house_number=7,
            addition="A",
            postcode="1234 AB",
            gemeente="Utrecht",
            rent=Decimal("700"),
            tenancy_start=dt.date(2025, 1, 1),
        )
    )
    text = (
        "Date,Amount,Reference,Zip,House number,Addition,Description\n"
        '01-11-2026,"850,00",H-1,,,,huur november\n'  # 2: by klantnummer
        "2026-11-02,700.00,,1234 AB,7,A,\n"  # 3: by address
        '02-11-2026,"850,00",H-404,,,,\n'  # 4: unknown klantnummer
        "30-11-2026,10,H-1,,,,\n"  # 5: future
        '01-11-2026,"850,00",H-1,,,,dubbel\n'  # 6: same as row 2
        "03-11-2026,abc,H-1,,,,\n"  # 7: bad amount
    )
    path = write(tmp_path, text, name="betalingen.csv")
    plan = plan_payments(path, data, today=TODAY)
    assert [r.row for r in plan.rows] == [2, 3]
    assert {e.row for e in plan.errors} == {4, 5, 7} and [d.row for d in plan.duplicates] == [6]
    with pytest.raises(ImportRefused):
        apply_import(data, plan, now=NOW)
    result = apply_import(data, plan, now=NOW, skip_bad=True)
    assert result.added == 2
    assert (
        data.tenants[0].payments[0].amount == Decimal("850.00")
        and data.tenants[0].payments[0].note == "huur november"
    )
    assert data.tenants[1].payments[0].on == dt.date(2026, 11, 2)
    # importing the same file again doubles nothing
    again = plan_payments(path, data, today=TODAY)
    assert not again.rows and {d.row for d in again.duplicates} >= {2, 3}


def test_onboarding_columns(tmp_path):
    """Issue 12.1: 'Betaald t/m', 'Openstaand bedrag' and 'Openstaand sinds' are recognised."""
    text = (
        "Klantnummer;Achternaam;Huisnummer;Postcode;Gemeente;Huur;Ingangsdatum;"
        "Betaald t/m;Openstaand bedrag;Openstaand sinds\n"
        "H-7;Smit;3;3511 AB;Utrecht;800,00;01-01-2024;31-10-2026;;\n"
        "H-8;Visser;4;3511 AB;Utrecht;800,00;01-01-2024;31-10-2026;400,00;01-10-2026\n"
        "H-9;Mulder;5;3511 AB;Utrecht;800,00;01-01-2024;30-09-2026;400,00;01-10-2026\n"
        "H-10;Bos;6;3511 AB;Utrecht;800,00;01-01-2024;;400,00;01-10-2026\n"
    )
    data = existing()
    plan = plan_tenants(write(tmp_path, text), data)
    assert plan.mapping.columns["paid_through"] == "Betaald t/m"
    assert plan.mapping.columns["opening_arrears"] == "Openstaand bedrag"
    assert plan.mapping.columns["opening_arrears_due"] == "Openstaand sinds"
    errors = {e.row: e for e in plan.errors}
    assert set(errors) == {4, 5}
    assert errors[4].column == "Openstaand sinds" and "na 'Betaald t/m'" in errors[4].message
    assert errors[5].column == "Betaald t/m"
    apply_import(data, plan, now=NOW, skip_bad=True)
    from lcv_tui.domain import ledger

    smit = next(t for t in data.tenants if t.klantnummer == "H-7")
    assert ledger.arrears(smit, dt.date(2026, 11, 1)).amount == Decimal("0.00")
    visser = next(t for t in data.tenants if t.klantnummer == "H-8")
    assert (visser.opening_arrears, visser.opening_arrears_due) == (
        Decimal("400.00"),
        dt.date(2026, 10, 1),
    )
    assert ledger.arrears(visser, dt.date(2026, 11, 1)).amount == Decimal("400.00")
