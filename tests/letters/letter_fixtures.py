"""A fixed landlord and tenant for the letter and dossier tests (fictional people and addresses)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcv_tui.domain.models import Landlord, Tenant


def make_landlord(**changes) -> Landlord:
    values = {
        "name": "Brouwer Vastgoedbeheer",
        "contact_person": "Hélène Brouwer",
        "street": "Ruïnelaan",
        "house_number": "4",
        "postcode": "2311EZ",
        "town": "Leiden",
        "phone": "071 234 5678",
        "email": "info@brouwer-vastgoed.nl",
        "objection_email": "bezwaar@brouwer-vastgoed.nl",
        "iban": "NL91 ABNA 0417 1643 00",
        "privacy_url": "https://brouwer-vastgoed.nl/privacy",
    }
    values.update(changes)
    return Landlord(**values)


def make_tenant(**changes) -> Tenant:
    values = {
        "id": "t-0001",
        "klantnummer": "1042",
        "surname": "van Dĳk-Öztürk",
        "initials": "M.",
        "street": "Groenstraat",
        "house_number": 12,
        "addition": "A",
        "postcode": "7523 AB",
        "town": "Enschede",
        "gemeente": "Enschede",
        "phones": ["06 12345678"],
        "email": "m.vandijk@example.nl",
        "rent": Decimal("850.00"),
        "tenancy_start": dt.date(2026, 10, 1),
    }
    values.update(changes)
    return Tenant(**values)
