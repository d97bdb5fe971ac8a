"""File layouts as named, versioned profiles: a new template from a meldpunt is a new Profile.

``RIS_2021`` is the upload layout of the werkinstructie (v1.0, May 2021, "Indeling Excel- of
CSV-bestand"): first row the column titles, then one signal per row. ``WITHDRAWAL_2021`` is the
bulk withdrawal file ("meldingen intrekken": customer numbers or postcode/house-number pairs).

A column names the record field it takes (``field``); the writers and the checker work from the
profile alone, so no code changes when a column is added, renamed or reordered.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

TEXT = "text"
INTEGER = "integer"  # whole number (months of arrears)
MONEY = "money"  # amount with 2 decimals


@dataclass(frozen=True)
class Column:
    label: str  # the column title, exactly as the meldpunt expects it
    field: str  # record attribute; "telefoon1".."telefoon3" take one phone number each
    mandatory: bool
    kind: str = TEXT  # TEXT, INTEGER or MONEY

    @property
    def is_number(self) -> bool:
        return self.kind in (INTEGER, MONEY)


@dataclass(frozen=True)
class CsvDialect:
    delimiter: str = ";"
    encoding: str = "utf-8-sig"  # UTF-8 with BOM, so Excel shows ë and ĳ correctly
    line_terminator: str = "\r\n"
    decimal_separator: str = ","

    @property
    def bom(self) -> bool:
        return self.encoding.replace("_", "-").lower() == "utf-8-sig"


@dataclass(frozen=True)
class Profile:
    key: str
    name: str
    version: str
    columns: tuple[Column, ...]
    dialect: CsvDialect = field(default_factory=CsvDialect)
    # optional columns inserted right after the column with the given label
    extra_columns: tuple[tuple[str, Column], ...] = ()
    sheet_title: str = "Signalen"
    # at least one of these fields must be filled per row (on top of the mandatory ones)
    one_of: tuple[str, ...] = ()

    def columns_for(self, extras: bool = False) -> tuple[Column, ...]:
        """The columns in order; with ``extras`` the optional extra columns are placed in."""
        if not extras or not self.extra_columns:
            return self.columns
        result: list[Column] = []
        for column in self.columns:
            result.append(column)
            result.extend(extra for after, extra in self.extra_columns if after == column.label)
        return tuple(result)

    def labels(self, extras: bool = False) -> tuple[str, ...]:
        return tuple(c.label for c in self.columns_for(extras))

    @property
    def all_labels(self) -> frozenset[str]:
        return frozenset(self.labels(True))

    def with_dialect(self, **changes: str) -> Profile:
        """The same layout with another CSV dialect (e.g. ``delimiter=","``)."""
        return replace(self, dialect=replace(self.dialect, **changes))


RIS_2021 = Profile(
    key="ris-2021",
    name="RIS Matching — werkinstructie 2021",
    version="werkinstructie v1.0 (1 mei 2021)",
    columns=(
        Column("Achternaam", "achternaam", True),
        Column("Voorletters", "voorletters", False),
        Column("Straatnaam", "straatnaam", False),
        Column("Huisnummer", "huisnummer", True),
        Column("Huisnummer toevoeging", "toevoeging", False),
        Column("Postcode", "postcode", True),
        Column("Woonplaats", "woonplaats", False),
        Column("Telefoonnummer 1", "telefoon1", False),
        Column("E-Mailadres", "email", False),
        Column("Aantal maanden achterstand", "maanden", True, INTEGER),
        Column("Bedrag achterstand", "bedrag", True, MONEY),
    ),
    extra_columns=(
        ("Telefoonnummer 1", Column("Telefoonnummer 2", "telefoon2", False)),
        ("Telefoonnummer 1", Column("Telefoonnummer 3", "telefoon3", False)),
    ),
    sheet_title="Signalen",
)

BKR_VPS_2021 = replace(
    RIS_2021,
    key="bkr-vps-2021",
    name="BKR VPS — kolommen van de werkinstructie 2021",
    version="werkinstructie v1.0 (1 mei 2021); BKR heeft (nog) geen eigen sjabloon gepubliceerd",
)
"""The upload file for BKR VPS (Vindplaats van Schulden). The werkinstructie gives one layout for
upload files; until BKR's own template is known, VPS gets the same columns in a file of its own,
so that a row never goes to a meldpunt that does not serve the tenant's municipality (issue 13.5)."""

WITHDRAWAL_2021 = Profile(
    key="intrekken-2021",
    name="RIS Matching — meldingen intrekken",
    version="werkinstructie v1.0 (1 mei 2021)",
    columns=(
        Column("Klantnummer", "klantnummer", False),
        Column("Postcode", "postcode", True),
        Column("Huisnummer", "huisnummer", True),
        Column("Huisnummer toevoeging", "toevoeging", False),
    ),
    sheet_title="Intrekken",
)

PROFILES: dict[str, Profile] = {p.key: p for p in (RIS_2021, BKR_VPS_2021, WITHDRAWAL_2021)}

UPLOAD_PROFILES: dict[str, Profile] = {"ris_matching": RIS_2021, "bkr_vps": BKR_VPS_2021}
"""The upload profile per meldpunt (``models.Meldpunt`` value); the website takes no file."""

FILE_STEMS: dict[str, str] = {"ris_matching": "ris-matching", "bkr_vps": "bkr-vps"}
"""The meldpunt's name in an upload file's name: ``signalen-bkr-vps-2026-11-23.xlsx``."""


def upload_profile(meldpunt: str) -> Profile:
    """The upload profile for a meldpunt (``Meldpunt`` value); ``KeyError`` for the website."""
    return UPLOAD_PROFILES[str(meldpunt)]


# Column titles that must never appear in a file that leaves the app: personal data the LCV
# process does not need (werkinstructie: "verboden om meer informatie aan te leveren").
FORBIDDEN_HEADERS: tuple[str, ...] = (
    "bsn",
    "burgerservicenummer",
    "sofinummer",
    "sofi-nummer",
    "geboortedatum",
    "geboortedag",
    "date of birth",
    "birth date",
    "dob",
    "iban",
    "rekeningnummer",
    "bankrekening",
    "bankrekeningnummer",
    "inkomen",
    "salaris",
    "werkgever",
    "nationaliteit",
    "geslacht",
    "paspoort",
    "paspoortnummer",
    "id-nummer",
    "documentnummer",
    "ziekte",
    "gezondheid",
    "voornaam",
    "voornamen",
    "leeftijd",
    "burgerlijke staat",
)


def get_profile(key: str) -> Profile:
    try:
        return PROFILES[key]
    except KeyError:
        known = ", ".join(sorted(PROFILES))
        raise KeyError(f"Onbekend profiel '{key}'; bekend zijn: {known}.") from None
