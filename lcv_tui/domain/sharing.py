"""What a signal shares with the municipality, and nothing more (data minimisation).

Two limits apply together:

1. **What texts 1 and 2 announced.** The demand letter (tekst 1) and the summons (tekst 2) of the
   werkinstructie tell the tenant exactly which data goes to the municipality: "uw naam,
   huisnummer, postcode, aantal maanden achterstand en het bedrag achterstand, uw telefoonnummer
   en emailadres". What was not announced is never shared. So the optional columns *Straatnaam*
   and *Woonplaats* of the upload file stay empty, always (the columns stay, as the layout asks).
2. **What was agreed with the municipality.** An optional field is shared only when the agreement
   (overeenkomst) lists it in ``shared_fields`` (werkinstructie stap 3: "Het delen van optionele
   velden dient vooraf ... afgestemd te worden").

Mandatory fields (achternaam, huisnummer, postcode, months, amount) are always shared: without
them the signal is not valid. The letters use :data:`ANNOUNCED_DATA_PHRASE`, so the letters and
the upload file cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from lcv_tui.domain.models import Agreement, Meldpunt, Route, SharedField, Tenant, VaultData
from lcv_tui.domain.municipalities import canonical as canonical_gemeente
from lcv_tui.domain.validation import format_decimal_nl

if TYPE_CHECKING:
    from lcv_tui.domain.ledger import Arrears

# --- what the texts announce ---------------------------------------------------------------

ANNOUNCED_DATA_PHRASE = (
    "uw naam, huisnummer, postcode, aantal maanden achterstand en het bedrag achterstand, "
    "uw telefoonnummer en emailadres"
)
"""The data texts 1 and 2 announce, word for word (werkinstructie, Tekst 1 and Tekst 2).
Letters write: "In deze melding aan de gemeente verstrekken wij naast {ANNOUNCED_DATA_PHRASE}."."""

ANNOUNCED_SENTENCE = (
    f"In deze melding aan de gemeente verstrekken wij naast {ANNOUNCED_DATA_PHRASE}."
)

# Each announced term of the phrase and the record fields it covers. Initials are part of the
# name; the house-number addition is part of the house number.
ANNOUNCED_TERMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("naam", ("achternaam", "voorletters")),
    ("huisnummer", ("huisnummer", "toevoeging")),
    ("postcode", ("postcode",)),
    ("aantal maanden achterstand", ("maanden",)),
    ("bedrag achterstand", ("bedrag",)),
    ("telefoonnummer", ("telefoon",)),
    ("emailadres", ("email",)),
)

ANNOUNCED_FIELDS: frozenset[str] = frozenset(f for _, fields in ANNOUNCED_TERMS for f in fields)
"""Record fields that texts 1 and 2 announce; nothing outside this set is ever filled."""

# All fields of the upload file in the werkinstructie's order, with its column titles.
FIELD_LABELS: dict[str, str] = {
    "achternaam": "Achternaam",
    "voorletters": "Voorletters",
    "straatnaam": "Straatnaam",
    "huisnummer": "Huisnummer",
    "toevoeging": "Huisnummer toevoeging",
    "postcode": "Postcode",
    "woonplaats": "Woonplaats",
    "telefoon": "Telefoonnummer",
    "email": "E-Mailadres",
    "maanden": "Aantal maanden achterstand",
    "bedrag": "Bedrag achterstand",
}

MANDATORY_FIELDS: frozenset[str] = frozenset(
    {"achternaam", "huisnummer", "postcode", "maanden", "bedrag"}
)
"""The five fields a valid signal needs (werkinstructie: "de vijf verplichte velden")."""

OPTIONAL_FIELD: dict[str, SharedField] = {
    "voorletters": SharedField.VOORLETTERS,
    "straatnaam": SharedField.STRAATNAAM,
    "toevoeging": SharedField.TOEVOEGING,
    "woonplaats": SharedField.WOONPLAATS,
    "telefoon": SharedField.TELEFOON,
    "email": SharedField.EMAIL,
}

NEVER_SHARED: frozenset[str] = frozenset(OPTIONAL_FIELD) - ANNOUNCED_FIELDS
"""Optional fields the texts do not announce (street, town): never filled, whatever was agreed."""


def may_share(field_name: str, agreement: Agreement | None) -> tuple[bool, str]:
    """Whether ``field_name`` may be shared under ``agreement``, with the reason in Dutch."""
    if field_name in MANDATORY_FIELDS:
        return True, "Verplicht veld; aangekondigd in tekst 1 en 2."
    if field_name in NEVER_SHARED:
        return False, "Nooit gedeeld: tekst 1 en 2 noemen dit gegeven niet (dataminimalisatie)."
    shared = agreement.shared_fields if agreement is not None else set()
    if OPTIONAL_FIELD[field_name] not in shared:
        return False, "Niet gedeeld: niet afgesproken in de overeenkomst met de gemeente."
    return True, "Optioneel; afgesproken met de gemeente en aangekondigd in tekst 1 en 2."


# --- the record -----------------------------------------------------------------------------


def route_for(agreement: Agreement | None) -> Route:
    """Website route for website agreements (and for small landlords without an agreement, who
    sign on the spot at the website); otherwise an upload file (RIS Matching or BKR VPS)."""
    if agreement is None or agreement.meldpunt == Meldpunt.WEBSITE:
        return Route.WEBSITE
    return Route.UPLOAD


@dataclass(frozen=True)
class SignalRecord:
    """One signal as it leaves the app: only the fields that may be shared are filled."""

    tenant_id: str
    klantnummer: str
    gemeente: str
    achternaam: str
    voorletters: str
    straatnaam: str
    huisnummer: str
    toevoeging: str
    postcode: str
    woonplaats: str
    telefoon: tuple[str, ...]
    email: str
    maanden: int
    bedrag: Decimal
    route: Route = Route.UPLOAD
    meldpunt: Meldpunt | None = None
    # one phone number per column of the upload file (Telefoonnummer 1, 2, 3); derived from telefoon
    telefoon1: str = field(init=False, repr=False, compare=False, default="")
    telefoon2: str = field(init=False, repr=False, compare=False, default="")
    telefoon3: str = field(init=False, repr=False, compare=False, default="")

    def __post_init__(self) -> None:
        phones = tuple(self.telefoon)[:3] + ("", "", "")
        object.__setattr__(self, "telefoon", tuple(self.telefoon))
        object.__setattr__(self, "telefoon1", phones[0])
        object.__setattr__(self, "telefoon2", phones[1])
        object.__setattr__(self, "telefoon3", phones[2])


def signal_record(tenant: Tenant, agreement: Agreement | None, arrears: Arrears) -> SignalRecord:
    """Build the signal for ``tenant`` applying data minimisation (see the module text)."""

    def allowed(name: str) -> bool:
        return may_share(name, agreement)[0]

    return SignalRecord(
        tenant_id=tenant.id,
        klantnummer=tenant.klantnummer,
        gemeente=tenant.gemeente,
        achternaam=tenant.surname,
        voorletters=tenant.initials if allowed("voorletters") else "",
        straatnaam=tenant.street if allowed("straatnaam") else "",
        huisnummer=str(tenant.house_number),
        toevoeging=tenant.addition if allowed("toevoeging") else "",
        postcode=tenant.postcode,
        woonplaats=tenant.town if allowed("woonplaats") else "",
        telefoon=tuple(tenant.phones[:3]) if allowed("telefoon") else (),
        email=tenant.email if allowed("email") else "",
        maanden=arrears.months,
        bedrag=arrears.amount,
        route=route_for(agreement),
        meldpunt=agreement.meldpunt if agreement is not None else None,
    )


def shared_labels(record: SignalRecord) -> list[str]:
    """The column titles a signal filled: what was shared with the municipality (for the dossier)."""
    filled = {
        "achternaam": record.achternaam,
        "voorletters": record.voorletters,
        "straatnaam": record.straatnaam,
        "huisnummer": record.huisnummer,
        "toevoeging": record.toevoeging,
        "postcode": record.postcode,
        "woonplaats": record.woonplaats,
        "telefoon": ", ".join(record.telefoon),
        "email": record.email,
        "maanden": str(record.maanden),
        "bedrag": str(record.bedrag),
    }
    return [label for name, label in FIELD_LABELS.items() if filled[name]]


def _display(field_name: str, tenant: Tenant, arrears: Arrears) -> str:
    if field_name == "telefoon":
        return ", ".join(tenant.phones[:3])
    if field_name == "maanden":
        return str(arrears.months)
    if field_name == "bedrag":
        return format_decimal_nl(arrears.amount)
    source = {
        "achternaam": tenant.surname,
        "voorletters": tenant.initials,
        "straatnaam": tenant.street,
        "huisnummer": str(tenant.house_number),
        "toevoeging": tenant.addition,
        "postcode": tenant.postcode,
        "woonplaats": tenant.town,
        "email": tenant.email,
    }
    return source[field_name]


def shared_fields_preview(
    tenant: Tenant, agreement: Agreement | None, arrears: Arrears
) -> list[tuple[str, str, str]]:
    """Every column of the upload file as (column title, value that will be shared, reason).

    Fields that are not shared show an empty value and say why; an empty optional field that may
    be shared says it is not known. The wizard's data check and the website entry card use this,
    so what the landlord sees is exactly what the upload file holds.
    """
    rows: list[tuple[str, str, str]] = []
    for name, label in FIELD_LABELS.items():
        ok, reason = may_share(name, agreement)
        value = _display(name, tenant, arrears) if ok else ""
        if ok and not value:
            reason = "Niet bekend: dit veld blijft leeg."
        rows.append((label, value, reason))
    return rows


# --- selecting the signals of a month -------------------------------------------------------


@dataclass
class Selection:
    """Signals that may be delivered on a date, and the tenants in arrears that may not (yet)."""

    on: dt.date
    records: list[SignalRecord] = field(default_factory=list)
    excluded: list[tuple[Tenant, Any]] = field(default_factory=list)  # (tenant, rules.Verdict)

    @property
    def upload_records(self) -> list[SignalRecord]:
        """Records for the upload file (RIS Matching, BKR VPS)."""
        return [r for r in self.records if r.route == Route.UPLOAD]

    @property
    def upload_meldpunten(self) -> list[Meldpunt]:
        """The meldpunten that get an upload file, in a fixed order (RIS Matching, then BKR VPS)."""
        found = {r.meldpunt for r in self.upload_records}
        return [m for m in (Meldpunt.RIS_MATCHING, Meldpunt.BKR_VPS) if m in found]

    def upload_records_for(self, meldpunt: Meldpunt) -> list[SignalRecord]:
        """Records for the upload file of one meldpunt: one file per meldpunt, so no row reaches a
        meldpunt that does not serve the tenant's municipality (werkinstructie stap 1: the municipality
        chooses the meldpunt; issue 13.5)."""
        return [r for r in self.upload_records if r.meldpunt == meldpunt]

    @property
    def website_records(self) -> list[SignalRecord]:
        """Records to type in at the website Achterstanden aanleveren (entry card, no file)."""
        return [r for r in self.records if r.route == Route.WEBSITE]


def _same_gemeente(a: str, b: str) -> bool:
    return (canonical_gemeente(a) or a.casefold().strip()) == (
        canonical_gemeente(b) or b.casefold().strip()
    )


def select_signals(data: VaultData, on: dt.date, gemeente: str | None = None) -> Selection:
    """The signals that may be delivered on ``on`` (LCV 2.1, 2.2, 3.1 d via ``rules.eligibility``).

    A tenant without arrears on ``on`` is not a candidate and is not listed. A tenant in
    arrears whose verdict does not allow a signal is listed in ``excluded`` with the verdict, so
    the caller can say which article holds it back and what to do. Each record says its route.
    """
    # Imported here: workflow and rules import the domain models too, and sharing must stay
    # importable on its own (the letters use its phrase).
    from lcv_tui.domain.rules import eligibility
    from lcv_tui.domain.workflow import case_for

    selection = Selection(on=on)
    for tenant in data.tenants:
        if gemeente is not None and not _same_gemeente(tenant.gemeente, gemeente):
            continue
        agreement = data.agreement_for(tenant.gemeente)
        case = case_for(tenant, on, settings=data.settings, agreement=agreement)
        if case is None:
            continue
        if not case.arrears.in_arrears:
            continue  # paid, only a withdrawal or feedback pending: not a candidate for a signal
        verdict = eligibility(case, on)
        if not verdict.allowed:
            selection.excluded.append((tenant, verdict))
            continue
        selection.records.append(signal_record(tenant, agreement, case.arrears))
    return selection
