"""Support for the export tests: fixed signal records and the golden files' folder."""

from __future__ import annotations

import pathlib
from decimal import Decimal

from lcv_tui.domain.models import Meldpunt, Route
from lcv_tui.domain.sharing import SignalRecord

GOLDEN = pathlib.Path(__file__).parent / "golden"
PASSPHRASE = "geheime wachtzin voor de test"


def record(**fields) -> SignalRecord:
    base = {
        "tenant_id": "t1",
        "klantnummer": "H-1",
        "gemeente": "Utrecht",
        "achternaam": "de Vries",
        "voorletters": "A.M.",
        "straatnaam": "",
        "huisnummer": "12",
        "toevoeging": "A",
        "postcode": "3511 AB",
        "woonplaats": "",
        "telefoon": ("0612345678",),
        "email": "a.devries@voorbeeld.nl",
        "maanden": 2,
        "bedrag": Decimal("1700.00"),
        "route": Route.UPLOAD,
        "meldpunt": Meldpunt.RIS_MATCHING,
    }
    base.update(fields)
    return SignalRecord(**base)


FIXED_RECORDS = (
    record(),
    record(
        tenant_id="t2",
        klantnummer="H-2",
        achternaam="van der Berg-Öztürk",
        voorletters="J.",
        huisnummer="7",
        toevoeging="",
        postcode="1234 AB",
        telefoon=("0201234567", "+32470123456"),
        email="",
        maanden=1,
        bedrag=Decimal("850.50"),
    ),
    record(
        tenant_id="t3",
        klantnummer="H-3",
        achternaam='IJzerman; "de Jong"',
        voorletters="",
        huisnummer="389",
        toevoeging="2-hoog",
        postcode="3551 CX",
        telefoon=(),
        email="k.ij@voorbeeld.nl",
        maanden=3,
        bedrag=Decimal("2250"),
    ),
)
