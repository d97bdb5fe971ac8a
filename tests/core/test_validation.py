"""Field validation: Dutch messages, normalisation, and never anything but ValueError."""

from __future__ import annotations

import contextlib
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from lcv_tui.domain import validation as v
from lcv_tui.domain.errors import field_errors
from lcv_tui.domain.models import Tenant


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1234ab", "1234 AB"),
        ("1234 AB", "1234 AB"),
        (" 9999zz ", "9999 ZZ"),
        ("3511 ax", "3511 AX"),
    ],
)
def test_postcode_normalised(raw, expected):
    assert v.normalise_postcode(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["0123 AB", "123 AB", "12345 AB", "1234 A", "1234 SA", "1234 sd", "1234SS", "AB 1234", ""],
)
def test_postcode_refused_with_dutch_message(raw):
    with pytest.raises(ValueError) as info:
        v.normalise_postcode(raw)
    assert "postcode" in str(info.value).lower() or "Postcodes" in str(info.value)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("06-12345678", "0612345678"),
        ("+31 6 1234 5678", "0612345678"),
        ("0031 20 123 4567", "0201234567"),
        ("(020) 123 45 67", "0201234567"),
        ("+32 470 12 34 56", "+32470123456"),
        ("", ""),
    ],
)
def test_phone_normalised(raw, expected):
    assert v.normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["0612", "06123456789", "abc", "+1", "1234567890"])
def test_phone_refused(raw):
    with pytest.raises(ValueError, match="telefoonnummer"):
        v.normalise_phone(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("850", "850.00"),
        ("850,5", "850.50"),
        ("1.234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("€ 1234.56", "1234.56"),
        ("1.250", "1250.00"),
        ("12.50", "12.50"),
        (Decimal("3"), "3.00"),
    ],
)
def test_amount_parsed(raw, expected):
    assert v.parse_amount(raw) == Decimal(expected)


@pytest.mark.parametrize(
    "raw",
    ["-5", "12,345", "abc", "", "1,2,3", "1e5", "NaN", "100000000000000000000000000", "1000000"],
)
def test_amount_refused(raw):
    with pytest.raises(ValueError):
        v.parse_amount(raw)


def test_money_formatting_is_dutch():
    assert v.format_money(Decimal("1234.5")) == "€ 1.234,50"
    assert v.format_money(Decimal("0")) == "€ 0,00"
    assert v.format_money(Decimal("1234567.891")) == "€ 1.234.567,89"
    assert v.format_decimal_nl(Decimal("850")) == "850,00"


@pytest.mark.parametrize(
    "name",
    [
        "van der Berg",
        "'t Hart",
        "IJzerman",
        "ĳzerman",
        "Öztürk",
        "El Amrani",
        "Bakker-Smit",
        "d'Ancona",
        "Müller-Lüdenscheidt",
        "Ruiz Pérez",
    ],
)
def test_names_keep_diacritics_particles_and_apostrophes(name):
    assert v.normalise_name(name) == name


@pytest.mark.parametrize("name", ['=HYPERLINK("x")', "Jan\tJansen", "123", "", "@SUM", "a" * 101])
def test_hostile_or_empty_names_refused(name):
    with pytest.raises(ValueError):
        v.normalise_name(name)


def test_dates_in_dutch_and_iso_forms():
    assert v.parse_date("23-11-2026") == dt.date(2026, 11, 23)
    assert v.parse_date("23/11/2026") == dt.date(2026, 11, 23)
    assert v.parse_date("2026-11-23") == dt.date(2026, 11, 23)
    assert v.format_date_long(dt.date(2026, 3, 5)) == "5 maart 2026"
    with pytest.raises(ValueError, match="dag-maand-jaar"):
        v.parse_date("31-02-2026")


def test_tenant_errors_map_to_fields_in_dutch():
    with pytest.raises(ValidationError) as info:
        Tenant(
            surname="",
            house_number="0",
            postcode="0000 AA",
            gemeente="",
            rent="0",
            tenancy_start=dt.date(2026, 1, 1),
            email="x@",
        )
    errors = field_errors(info.value)
    assert set(errors) >= {"surname", "house_number", "postcode", "gemeente", "email"}
    assert errors["postcode"].startswith("Ongeldige postcode")
    assert all("Value error" not in message for message in errors.values())


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_every_normaliser_raises_only_value_error(text):
    for fn in (
        v.normalise_postcode,
        v.normalise_phone,
        v.normalise_email,
        v.normalise_name,
        v.normalise_initials,
        v.normalise_addition,
        v.parse_amount,
        v.parse_date,
        v.parse_house_number,
    ):
        with contextlib.suppress(ValueError):
            fn(text)
    for what in ("Straatnaam", "Woonplaats"):
        with contextlib.suppress(ValueError):
            v.normalise_place(text, what=what)


def test_gemeente_is_checked_against_the_shipped_list():
    from lcv_tui.domain.municipalities import checked

    assert checked("utrecht") == "Utrecht"
    assert checked("s-hertogenbosch") in ("'s-Hertogenbosch",)
    with pytest.raises(ValueError, match="Voorne aan Zee"):
        checked("Brielle")
    with pytest.raises(ValueError, match="lijst van gemeenten"):
        checked("Utreht")
