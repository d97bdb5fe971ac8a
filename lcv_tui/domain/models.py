"""The data model: what the vault holds. Pydantic v2, validated, with Dutch error messages.

Deliberately absent: BSN, birth date, or any other personal data the LCV process does not need.
What is not in the model cannot leak into an export. The IBANs a tenant pays from
(``Tenant.ibans``) are kept only to match bank statements to tenants; no export shares them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from enum import StrEnum
from itertools import chain, islice
from operator import attrgetter
from typing import Annotated, Any, TypeVar, overload

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    field_validator,
    model_validator,
)
from pydantic.dataclasses import dataclass

from lcv_tui.domain import articles
from lcv_tui.domain import validation as v
from lcv_tui.domain.names import surname_sort_key

SCHEMA_VERSION = 2
"""2: the audit log left the document (the store keeps it in sections of its own; see ``AuditLog``)."""

NORMALISER = "lcv_normaliser"
"""The mark of a normaliser or cross-field check (``normaliser``)."""
POSITIVE_AMOUNT = "lcv_positive_amount"
"""The mark of the validator of a ``positive_money`` amount."""

_F = TypeVar("_F", bound=Callable[..., Any])


def normaliser(fn: _F) -> _F:
    """Mark a normaliser or cross-field check: it cleans or checks what a user or an import typed,
    so a record this schema version wrote already satisfies it. A loader that can prove where its
    input came from (the store, for an authenticated vault of this schema version) may leave the
    marked validators out; pydantic's own type, range, length and unknown-field checks stay."""
    setattr(fn, NORMALISER, True)
    return fn


_MONEY_LIMIT = Decimal("10000000")


@normaliser
def _money(value: Decimal) -> Decimal:
    """At least 0, below 10 million, at most 2 decimals; quantized to cents.

    Checked here rather than with ``Field(ge=, max_digits=, decimal_places=)``: pydantic-core checks
    those through Python's ``Decimal`` on every value, also on a trusted load, where they cost a
    third of the time spent on 120,000 payments. The messages are the ones ``errors`` gives for them.
    """
    if value < 0:
        raise ValueError("Waarde is te klein.")
    if value >= _MONEY_LIMIT:
        raise ValueError("Bedrag is te groot.")
    exponent = value.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -2:
        raise ValueError("Gebruik hoogstens 2 cijfers achter de komma.")
    return value.quantize(v.CENT)


Money = Annotated[Decimal, AfterValidator(_money)]
"""A non-negative amount in euro with at most 2 decimals (parse user text with ``validation.parse_amount``)."""


def positive_money(message: str, *, allow_negative: bool = False) -> Any:
    """``Money`` that must be above € 0,00, refused with ``message``: one validator call per value.
    With ``allow_negative`` only € 0,00 is refused (the model then says when a negative amount may
    stand, as ``Payment`` does for a reversal).

    Marked ``POSITIVE_AMOUNT``: the store's trusted load gives equal stored amounts one shared
    ``Decimal`` (``store.trusted``).
    """

    def check(value: Any, handler: ValidatorFunctionWrapHandler) -> Decimal:
        amount = handler(value)
        if amount < 0 and allow_negative:
            return -_money(-amount)
        if amount <= 0:
            raise ValueError(message)
        return _money(amount)

    setattr(check, POSITIVE_AMOUNT, True)
    return Annotated[Decimal, WrapValidator(check)]


def new_id() -> str:
    return uuid.uuid4().hex


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, use_enum_values=False)


# --- enumerations (values are stored; Dutch where the law names the thing) ---------------------


class Meldpunt(StrEnum):
    """The digital meldpunt a municipality chose (werkinstructie stap 1 and 3)."""

    RIS_MATCHING = "ris_matching"
    BKR_VPS = "bkr_vps"
    WEBSITE = "website"

    @property
    def label(self) -> str:
        return {
            "ris_matching": "RIS Matching (Inforing)",
            "bkr_vps": "VPS (BKR)",
            "website": "Website Achterstanden aanleveren",
        }[self.value]


class SharedField(StrEnum):
    """Optional columns of the upload file; shared only when agreed beforehand (werkinstructie stap 3)."""

    VOORLETTERS = "voorletters"
    STRAATNAAM = "straatnaam"
    TOEVOEGING = "toevoeging"
    WOONPLAATS = "woonplaats"
    TELEFOON = "telefoon"
    EMAIL = "email"

    @property
    def label(self) -> str:
        return {
            "voorletters": "Voorletters",
            "straatnaam": "Straatnaam",
            "toevoeging": "Huisnummer toevoeging",
            "woonplaats": "Woonplaats",
            "telefoon": "Telefoonnummer",
            "email": "E-mailadres",
        }[self.value]


class Channel(StrEnum):
    POST = "post"
    EMAIL = "e-mail"
    HAND = "hand"
    TELEFOON = "telefoon"
    BEZOEK = "bezoek"

    @property
    def label(self) -> str:
        return {
            "post": "per post",
            "e-mail": "per e-mail",
            "hand": "afgegeven",
            "telefoon": "telefonisch",
            "bezoek": "bij een bezoek",
        }[self.value]


LETTER_CHANNELS = (Channel.POST, Channel.EMAIL, Channel.HAND)


class EventKind(StrEnum):
    """Steps of the process a landlord records; each is evidence (LCV 2.1: the burden of proof is the landlord's)."""

    HERINNERING = "herinnering"  # first written payment reminder, no debt-help text (LCV 2.1 a)
    AANMANING = "aanmaning"  # demand letter with text 1 (werkinstructie)
    SOMMATIE = "sommatie"  # 5-day summons with text 2 and the objection address (werkinstructie)
    PERSOONLIJK_CONTACT = "persoonlijk_contact"  # effort to make personal contact (LCV 2.1 b)
    SCHULDHULP_GEWEZEN = "schuldhulp_gewezen"  # pointed to debt-help options (LCV 2.1 c)
    GEGEVENS_AANGEBODEN = (
        "gegevens_aangeboden"  # offered to pass data to the municipality (LCV 2.1 d)
    )
    BEZWAAR = "bezwaar"  # objection to the data exchange (LCV 2.2)
    BEZWAAR_INGETROKKEN = "bezwaar_ingetrokken"
    SIGNAAL = "signaal"  # signal delivered to the meldpunt (LCV 3.1, 3.4)
    SIGNAAL_INGETROKKEN = "signaal_ingetrokken"  # signal withdrawn after payment (werkinstructie)
    TERUGKOPPELING = "terugkoppeling"  # feedback from the municipality (LCV 3.13)
    # threatening situation: the municipality acts within 3 working days
    DREIGENDE_HUISUITZETTING = "dreigende_huisuitzetting"
    INCASSOKOSTEN_GESTOPT = "incassokosten_gestopt"  # no further collection costs (LCV 4.2 b)
    INCASSO_ON_HOLD = "incasso_on_hold"  # bailiff or collection agency put on hold (LCV 4.2 c)
    SIGNAAL_GENEGEERD = "signaal_genegeerd"  # the meldpunt ignored the row (werkinstructie stap 3)

    @property
    def label(self) -> str:
        return EVENT_LABELS[self]


EVENT_LABELS: dict[EventKind, str] = {
    EventKind.HERINNERING: f"{articles.HERINNERING} verstuurd",
    EventKind.AANMANING: f"{articles.AANMANING_SHORT} verstuurd",
    EventKind.SOMMATIE: f"{articles.SOMMATIE_SHORT} verstuurd",
    EventKind.PERSOONLIJK_CONTACT: "Persoonlijk contact gezocht",
    EventKind.SCHULDHULP_GEWEZEN: "Gewezen op schuldhulpverlening",
    EventKind.GEGEVENS_AANGEBODEN: "Aangeboden gegevens door te geven aan de gemeente",
    EventKind.BEZWAAR: "Bezwaar ontvangen",
    EventKind.BEZWAAR_INGETROKKEN: "Bezwaar ingetrokken",
    EventKind.SIGNAAL: "Signaal afgegeven",
    EventKind.SIGNAAL_INGETROKKEN: "Signaal ingetrokken",
    EventKind.TERUGKOPPELING: "Terugkoppeling van de gemeente",
    EventKind.DREIGENDE_HUISUITZETTING: "Dreigende huisuitzetting gemeld",
    EventKind.INCASSOKOSTEN_GESTOPT: "Geen verdere incassokosten (LCV 4.2 b)",
    EventKind.INCASSO_ON_HOLD: "Incassobureau of deurwaarder on hold (LCV 4.2 c)",
    EventKind.SIGNAAL_GENEGEERD: "Meldpunt heeft het signaal genegeerd",
}

LETTER_KINDS = (EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE)


class Route(StrEnum):
    """How a signal was delivered."""

    UPLOAD = "upload"  # upload file at RIS Matching or BKR VPS
    WEBSITE = "website"  # manual entry on the small-landlord website

    @property
    def label(self) -> str:
        return {"upload": "uploadbestand", "website": "website Achterstanden aanleveren"}[
            self.value
        ]


class FeedbackStatus(StrEnum):
    """What the municipality fed back. Only 'help accepted' is feedback in the strict sense (LCV 3.13);
    the others are statuses meldpunten report when a signal is not picked up."""

    HULP_GEACCEPTEERD = "hulp_geaccepteerd"
    HERHAALD_SIGNAAL = "herhaald_signaal"
    ONTERECHT = "onterecht"
    GEEN_INWONER = "geen_inwoner"
    OVERLEDEN = "overleden"
    OVERIG = "overig"
    BETALING_NIET_HERVAT = "betaling_niet_hervat"  # LCV 3.14: payments cannot resume at once
    INLOPEN_VOLGENDE_MAAND = "inlopen_volgende_maand"  # LCV 3.14: catches up next month

    @property
    def label(self) -> str:
        return {
            "hulp_geaccepteerd": "Hulp geaccepteerd",
            "herhaald_signaal": "Herhaald signaal (achterstand ongewijzigd)",
            "onterecht": "Onterecht (onder de drempel van de gemeente)",
            "geen_inwoner": "Geen inwoner van deze gemeente",
            "overleden": "Overleden",
            "overig": "Andere reden",
            "betaling_niet_hervat": "Huurder kan de betalingen niet direct hervatten (LCV 3.14)",
            "inlopen_volgende_maand": "Huurder loopt de achterstand volgende maand in (LCV 3.14)",
        }[self.value]


# --- the landlord and the agreements -------------------------------------------------------


class Landlord(Model):
    """The verhuurder: letterhead, and the contact for objections named in text 2."""

    name: str = Field(description="Naam van de verhuurder zoals die op brieven staat.")
    contact_person: str = Field(
        "", description="Contactpersoon voor huurders en gemeente (LCV 4.5)."
    )
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    town: str = ""
    phone: str = ""
    email: str = ""
    objection_email: str = Field(
        "", description="E-mailadres voor bezwaar tegen het delen van gegevens (tekst 2)."
    )
    iban: str = Field(
        "", description="Rekeningnummer waarop de huur betaald wordt (voor de brieven)."
    )
    privacy_url: str = Field(
        "", description="Waar de huurder uw privacyverklaring vindt (tekst 1 en 2)."
    )
    kvk: str = Field("", description="KvK-nummer (8 cijfers), als u een onderneming bent.")
    statutory_seat: str = Field(
        "", description="Statutaire zetel van uw bv of stichting (voor het briefhoofd)."
    )
    objection_address: str = Field(
        "",
        description="Postadres voor bezwaar (tekst 2), naast het e-mailadres; leeg = uw adres hierboven.",
    )

    @field_validator("name")
    @classmethod
    @normaliser
    def _name(cls, value: str) -> str:
        text = v.clean_text(value)
        if not text:
            raise ValueError("Naam van de verhuurder is verplicht.")
        if len(text) > 100:
            raise ValueError("Naam is te lang (hoogstens 100 tekens).")
        return text

    @field_validator(
        "contact_person", "street", "house_number", "town", "statutory_seat", "objection_address"
    )
    @classmethod
    @normaliser
    def _text(cls, value: str) -> str:
        text = v.clean_text(value)
        if len(text) > 120:
            raise ValueError("Te lang (hoogstens 120 tekens).")
        return text

    @field_validator("iban")
    @classmethod
    @normaliser
    def _iban(cls, value: str) -> str:
        return v.normalise_iban(value)

    @field_validator("kvk")
    @classmethod
    @normaliser
    def _kvk(cls, value: str) -> str:
        return v.normalise_kvk(value)

    @field_validator("privacy_url")
    @classmethod
    @normaliser
    def _privacy_url(cls, value: str) -> str:
        return v.normalise_url(value)

    @field_validator("postcode")
    @classmethod
    @normaliser
    def _postcode(cls, value: str) -> str:
        return v.normalise_postcode(value) if v.clean_text(value) else ""

    @field_validator("phone")
    @classmethod
    @normaliser
    def _phone(cls, value: str) -> str:
        return v.normalise_phone(value)

    @field_validator("email", "objection_email")
    @classmethod
    @normaliser
    def _email(cls, value: str) -> str:
        return v.normalise_email(value)

    @property
    def address_lines(self) -> list[str]:
        lines = []
        if self.street or self.house_number:
            lines.append(f"{self.street} {self.house_number}".strip())
        if self.postcode or self.town:
            lines.append(f"{self.postcode}  {self.town}".strip())
        return lines

    @property
    def objection_postal_address(self) -> str:
        """Where a tenant can send a written objection by post (tekst 2): the address given for it,
        else the landlord's own postal address when complete; ``""`` when there is neither."""
        if self.objection_address:
            return self.objection_address
        if (self.street or self.house_number) and self.postcode and self.town:
            return ", ".join(" ".join(line.split()) for line in self.address_lines)
        return ""


DEFAULT_SHARED_FIELDS = frozenset(
    {SharedField.VOORLETTERS, SharedField.TOEVOEGING, SharedField.TELEFOON, SharedField.EMAIL}
)


class Agreement(Model):
    """An agreement (overeenkomst) with one municipality: one year, renewed tacitly (LCV 7.1)."""

    id: str = Field(default_factory=new_id)
    gemeente: str
    meldpunt: Meldpunt
    signed_on: dt.date
    shared_fields: set[SharedField] = Field(default_factory=lambda: set(DEFAULT_SHARED_FIELDS))
    threshold_days: int = Field(
        30,
        ge=30,
        le=365,
        description="Dagen na de vervaldatum voordat gemeld mag worden (LCV 3.1 d: 30; sommige gemeenten 60).",
    )
    min_amount: Money = Field(
        Decimal("0.00"), description="Drempelbedrag van de gemeente; lager wordt niet gemeld."
    )
    note: str = ""
    ended_on: dt.date | None = Field(
        None,
        description="Laatste dag van de overeenkomst na opzegging of beëindiging (LCV 7.1); leeg: loopt door.",
    )

    @field_validator("gemeente")
    @classmethod
    @normaliser
    def _gemeente(cls, value: str) -> str:
        text = v.clean_text(value)
        if not text:
            raise ValueError("Kies een gemeente.")
        return text


# --- tenants, their ledger and their file ----------------------------------------------------


PAYMENT_NOT_POSITIVE = "Een betaling moet groter zijn dan € 0,00."


@dataclass(slots=True, frozen=True, kw_only=True, config=ConfigDict(extra="forbid"))
class Payment:
    """A payment received. A slotted, frozen dataclass rather than a ``Model``: a vault holds one per
    tenant per month (120,000 at 10,000 tenants), and this form takes about a third of the memory of
    a model instance (no ``__dict__``, no fields-set record). Validated like a model when constructed;
    a recorded payment is never edited (a correction is an ``Adjustment``)."""

    id: str = Field(default_factory=new_id)
    on: dt.date
    amount: positive_money(PAYMENT_NOT_POSITIVE, allow_negative=True)  # type: ignore[valid-type]
    note: str = Field("", max_length=200)
    bank_ref: str = Field(
        default="",
        max_length=80,
        description="Identiteit van de banktransactie (bankafschrift inlezen): zo telt geen transactie twee keer.",
    )
    reversal: bool = Field(
        default=False,
        description="Storno: een eerdere betaling kwam terug (een teruggeboekte incasso); het bedrag is negatief.",
    )

    @model_validator(mode="after")
    @normaliser
    def _sign(self) -> Payment:
        """Only a reversal (storno) of an earlier payment has a negative amount."""
        if self.reversal and self.amount >= 0:
            raise ValueError("Een storno (terugboeking) heeft een negatief bedrag.")
        if not self.reversal and self.amount <= 0:
            raise ValueError(PAYMENT_NOT_POSITIVE)
        return self

    def to_json(self) -> str:
        """The payment as JSON, as the vault stores it (what the audit digest is taken of)."""
        return _PAYMENT_JSON.dump_json(self).decode("utf-8")


_PAYMENT_JSON: TypeAdapter[Payment] = TypeAdapter(Payment)


class AdjustmentKind(StrEnum):
    CHARGE = "charge"  # one-off charge (e.g. service costs settlement)
    CREDIT = "credit"  # correction that lowers what is owed

    @property
    def label(self) -> str:
        return {"charge": "Extra post", "credit": "Correctie (vermindering)"}[self.value]


class Adjustment(Model):
    id: str = Field(default_factory=new_id)
    kind: AdjustmentKind
    on: dt.date = Field(description="Vervaldatum van de extra post, of datum van de correctie.")
    amount: positive_money("Het bedrag moet groter zijn dan € 0,00.")  # type: ignore[valid-type]
    note: str = Field("", max_length=200)


class RentChange(Model):
    """A new rent from a date on: the ledger charges, on each due date, the rent of the latest change
    that took effect on or before it (``Tenant.rent`` until the first change)."""

    id: str = Field(default_factory=new_id)
    on: dt.date = Field(description="Ingangsdatum van de nieuwe huur.")
    amount: positive_money("De nieuwe huur moet groter zijn dan € 0,00.")  # type: ignore[valid-type]
    note: str = Field("", max_length=200)


class Event(Model):
    """One recorded step in a tenant's file. Only what the landlord confirmed is recorded."""

    id: str = Field(default_factory=new_id)
    kind: EventKind
    on: dt.date
    channel: Channel | None = None
    note: str = Field("", max_length=500)
    recorded_at: dt.datetime | None = None
    # letters: the exact text that was sent, kept as evidence
    letter_text: str | None = None
    # letters: the document sent and what it printed (issue 13.1; LCV 2.1: the burden of proof)
    document_sha256: str | None = Field(
        None,
        pattern="^[0-9a-f]{64}$",
        description="SHA-256 van het verstuurde document (PDF), versleuteld bewaard in de gegevensmap.",
    )
    letter_date: dt.date | None = Field(None, description="De datum die in de brief staat.")
    letter_channel: Channel | None = Field(
        None, description="Het kanaal waarvoor de brief geschreven is (post, e-mail, afgegeven)."
    )
    pay_by: dt.date | None = Field(None, description="Betaal-uiterlijk-datum in de brief.")
    objection_deadline: dt.date | None = Field(
        None, description="Laatste dag voor bezwaar zoals in de brief (tekst 2)."
    )
    report_after: dt.date | None = Field(
        None, description="Na deze dag meldt de verhuurder, zoals in de brief (tekst 2)."
    )
    proof: str = Field(
        "",
        max_length=200,
        description="Bewijs van verzending: nummer van de aangetekende zending of message-id van de e-mail.",
    )
    # signals: what was delivered, how
    route: Route | None = None
    amount: Money | None = None
    months: int | None = Field(None, ge=1)
    shared_fields: list[str] = Field(
        default_factory=list,
        description="Kolommen die in het signaal gevuld waren (wat met de gemeente is gedeeld).",
    )
    upload_sha256: str | None = Field(
        None, pattern="^[0-9a-f]{64}$", description="SHA-256 van het geüploade bestand."
    )
    meldpunt_reference: str = Field(
        "", max_length=200, description="Kenmerk dat het meldpunt aan de melding gaf."
    )
    # feedback from the municipality
    feedback: FeedbackStatus | None = None

    @model_validator(mode="after")
    @normaliser
    def _consistent(self) -> Event:
        if self.kind == EventKind.SIGNAAL and (
            self.route is None or self.amount is None or self.months is None
        ):
            raise ValueError("Een signaal legt route, bedrag en aantal maanden vast.")
        if self.kind == EventKind.TERUGKOPPELING and self.feedback is None:
            raise ValueError("Kies wat de gemeente heeft teruggekoppeld.")
        return self


class Correction(Model):
    """A recorded fact put right: voided ("vervallen"), or replaced by a corrected record
    ("gecorrigeerd", ``replacement_id`` names the new one). The original leaves the tenant's
    payments, adjustments or events and is kept here verbatim, so every computation uses the
    corrected facts while the file, the dossier and the audit log still show what was recorded
    first, and why it changed (LCV 2.1: the burden of proof is the landlord's)."""

    id: str = Field(default_factory=new_id)
    original_id: str
    payment: Payment | None = None
    adjustment: Adjustment | None = None
    event: Event | None = None
    reason: str = Field(max_length=500)
    recorded_at: dt.datetime
    actor: str = Field("app", max_length=40)
    replacement_id: str | None = None
    replacement_tenant_id: str | None = Field(
        None, description="Set when the replacement went to another tenant's file (a move)."
    )

    @field_validator("reason")
    @classmethod
    @normaliser
    def _reason(cls, value: str) -> str:
        text = v.clean_text(value)
        if not text:
            raise ValueError(
                "Geef een reden voor de correctie, bijvoorbeeld 'verkeerde datum ingevoerd'."
            )
        return text

    @model_validator(mode="after")
    @normaliser
    def _one_original(self) -> Correction:
        originals = [r for r in (self.payment, self.adjustment, self.event) if r is not None]
        if len(originals) != 1 or originals[0].id != self.original_id:
            raise ValueError("Een correctie bewaart precies één oorspronkelijk gegeven.")
        return self

    @property
    def original(self) -> Payment | Adjustment | Event:
        record = self.payment or self.adjustment or self.event
        assert record is not None
        return record

    @property
    def voided(self) -> bool:
        """True for a plain void; False when a corrected record replaced the original."""
        return self.replacement_id is None

    @property
    def status_label(self) -> str:
        if self.replacement_tenant_id is not None:
            return "verplaatst"
        return "vervallen" if self.voided else "gecorrigeerd"


class CoTenant(Model):
    """A co-tenant (medehuurder): named beside the tenant in the letters' address and salutation.
    Not part of a signal: the upload file names one tenant (werkinstructie, kolom Achternaam)."""

    surname: str
    initials: str = ""

    @field_validator("surname")
    @classmethod
    @normaliser
    def _surname(cls, value: str) -> str:
        return v.normalise_name(value, what="Achternaam van de medehuurder")

    @field_validator("initials")
    @classmethod
    @normaliser
    def _initials(cls, value: str) -> str:
        return v.normalise_initials(value)

    @property
    def display_name(self) -> str:
        return f"{self.initials} {self.surname}".strip()


_NAME_PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "ten",
        "ter",
        "te",
        "in",
        "op",
        "la",
        "le",
        "du",
        "da",
        "di",
        "von",
        "zu",
    }
)
"""Surname particles that ``Tenant.sort_key`` skips (one set for every call: the agenda sorts thousands of names)."""


def onboarding_field(message: str) -> str:
    """The onboarding field (``Tenant._check_opening``) a tenant's cross-field message is about,
    for forms and imports that show a message under its field; "" for any other message."""
    if message.startswith("'Openstaand sinds'") or "ook 'Openstaand sinds'" in message:
        return "opening_arrears_due"
    if "ook het openstaande bedrag" in message:
        return "opening_arrears"
    if "ook 'Betaald t/m'" in message:
        return "paid_through"
    return ""


_CHANGE_ON = attrgetter("on")
_OpeningArrears = positive_money("Het openstaande bedrag moet groter zijn dan € 0,00.")


class Tenant(Model):
    id: str = Field(default_factory=new_id)
    klantnummer: str = Field("", description="Uw eigen referentie voor deze huurder.")
    surname: str
    initials: str = ""
    street: str = ""
    house_number: int
    addition: str = ""
    postcode: str
    town: str = ""
    gemeente: str
    phones: list[str] = Field(default_factory=list)
    email: str = ""
    ibans: list[str] = Field(
        default_factory=list,
        description="IBAN(s) waarvan deze huurder betaalt: bankafschriften koppelen betalingen hieraan.",
    )
    rent: positive_money("Huur moet groter zijn dan € 0,00.")  # type: ignore[valid-type]
    due_day: int = Field(1, ge=1, le=28)
    tenancy_start: dt.date
    tenancy_end: dt.date | None = None
    payments: list[Payment] = Field(default_factory=list)
    adjustments: list[Adjustment] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    # Onboarding an existing tenant (the ledger counts nothing on or before ``paid_through``).
    paid_through: dt.date | None = Field(
        None,
        description="Betaald t/m: alle huur die op of vóór deze datum verviel is betaald; "
        "wat daarvoor ligt telt niet mee.",
    )
    opening_arrears: _OpeningArrears | None = Field(  # type: ignore[valid-type]
        None, description="Wat bij de start nog openstond van de huur tot en met 'Betaald t/m'."
    )
    opening_arrears_due: dt.date | None = Field(
        None, description="De vervaldatum waarvan het openstaande bedrag dateert."
    )
    rent_changes: list[RentChange] = Field(
        default_factory=list, description="Huurwijzigingen; ``rent`` is de huur bij de start."
    )
    co_tenants: list[CoTenant] = Field(default_factory=list, max_length=2)
    corrections: list[Correction] = Field(default_factory=list)

    @field_validator("klantnummer")
    @classmethod
    @normaliser
    def _ref(cls, value: str) -> str:
        text = v.clean_text(value)
        if len(text) > 40:
            raise ValueError("Klantnummer is te lang (hoogstens 40 tekens).")
        return text

    @field_validator("surname")
    @classmethod
    @normaliser
    def _surname(cls, value: str) -> str:
        return v.normalise_name(value, what="Achternaam")

    @field_validator("initials")
    @classmethod
    @normaliser
    def _initials(cls, value: str) -> str:
        return v.normalise_initials(value)

    @field_validator("street")
    @classmethod
    @normaliser
    def _street(cls, value: str) -> str:
        return v.normalise_place(value, what="Straatnaam")

    @field_validator("town")
    @classmethod
    @normaliser
    def _town(cls, value: str) -> str:
        return v.normalise_place(value, what="Woonplaats")

    @field_validator("house_number", mode="before")
    @classmethod
    @normaliser
    def _house_number(cls, value: Any) -> int:
        return v.parse_house_number(value)

    @field_validator("addition")
    @classmethod
    @normaliser
    def _addition(cls, value: str) -> str:
        return v.normalise_addition(value)

    @field_validator("postcode")
    @classmethod
    @normaliser
    def _postcode(cls, value: str) -> str:
        return v.normalise_postcode(value)

    @field_validator("gemeente")
    @classmethod
    @normaliser
    def _gemeente(cls, value: str) -> str:
        text = v.clean_text(value)
        if not text:
            raise ValueError("Kies de gemeente waar de woning ligt.")
        return text

    @field_validator("phones")
    @classmethod
    @normaliser
    def _phones(cls, value: list[str]) -> list[str]:
        phones = [v.normalise_phone(p) for p in value]
        phones = [p for p in phones if p]
        if len(phones) > 3:
            raise ValueError("Hoogstens 3 telefoonnummers.")
        return phones

    @field_validator("email")
    @classmethod
    @normaliser
    def _email(cls, value: str) -> str:
        return v.normalise_email(value)

    @field_validator("ibans")
    @classmethod
    @normaliser
    def _ibans(cls, value: list[str]) -> list[str]:
        ibans = v.parse_ibans(",".join(value))
        if len(ibans) > 10:
            raise ValueError("Hoogstens 10 IBANs per huurder.")
        return ibans

    @model_validator(mode="after")
    @normaliser
    def _tenancy(self) -> Tenant:
        if self.tenancy_end is not None and self.tenancy_end < self.tenancy_start:
            raise ValueError("De einddatum van de huur ligt vóór de begindatum.")
        self._check_opening()
        if self.rent_changes:
            self.rent_changes.sort(key=_CHANGE_ON)
            days = [change.on for change in self.rent_changes]
            if len(set(days)) != len(days):
                raise ValueError(
                    "Er staan twee huurwijzigingen op dezelfde datum: houd er één per datum."
                )
        return self

    def _check_opening(self) -> None:
        """Onboarding (issue 12.1): an opening arrears amount dates from a due date on or before
        'Betaald t/m', and needs both its amount and its date."""
        if self.opening_arrears is None and self.opening_arrears_due is None:
            return
        if self.opening_arrears is None:
            raise ValueError(
                "Vul bij 'Openstaand sinds' ook het openstaande bedrag in, of maak de datum leeg."
            )
        if self.opening_arrears_due is None:
            raise ValueError(
                "Vul bij het openstaande bedrag ook 'Openstaand sinds' in: de vervaldatum "
                "waarvan het bedrag dateert."
            )
        if self.paid_through is None:
            raise ValueError(
                "Vul bij een openstaand bedrag ook 'Betaald t/m' in: het bedrag is wat van de huur "
                "tot en met die datum nog openstaat."
            )
        if self.opening_arrears_due > self.paid_through:
            raise ValueError(
                "'Openstaand sinds' ligt na 'Betaald t/m': kies een vervaldatum op of vóór "
                "'Betaald t/m'."
            )

    @property
    def display_name(self) -> str:
        return f"{self.initials} {self.surname}".strip()

    @property
    def house_label(self) -> str:
        """``12``, ``12 A``, ``12 2-hoog``."""
        return f"{self.house_number} {self.addition}".strip()

    @property
    def address_line(self) -> str:
        return f"{self.street} {self.house_label}".strip()

    @property
    def sort_key(self) -> tuple[str, str, str]:
        """Sort by surname without particles, accents folded: 'van der Berg' under B, 'Çelik' under C."""
        return surname_sort_key(self.surname, self.initials)


# --- settings and the whole data set ---------------------------------------------------------


class Settings(Model):
    """The landlord's settings. Each field says what it does; defaults follow the werkinstructie."""

    post_receipt_working_days: int = Field(
        2,
        ge=0,
        le=10,
        description=(
            "Bezorgdagen van PostNL (dinsdag t/m zaterdag, geen feestdagen) na verzending waarop een brief "
            "per post als ontvangen geldt (bezwaartermijn tekst 2); standaard de tweede bezorgdag."
        ),
    )
    email_receipt_days: int = Field(
        0,
        ge=0,
        le=10,
        description=(
            "Dagen na verzending waarop een e-mail als ontvangen geldt; valt die dag niet op een "
            "werkdag, dan de eerstvolgende werkdag."
        ),
    )
    objection_window_days: int = Field(
        7,
        ge=7,
        le=30,
        description="Dagen na ontvangst van tekst 2 waarin de huurder bezwaar kan maken (werkinstructie: 7).",
    )
    backups_keep: int = Field(
        5, ge=1, le=50, description="Aantal reservekopieën van de kluis dat bewaard blijft."
    )
    backups_daily: int = Field(
        14,
        ge=0,
        le=366,
        description="Daarnaast één reservekopie per dag, voor dit aantal dagen terug.",
    )
    backups_weekly: int = Field(
        8,
        ge=0,
        le=260,
        description="En één reservekopie per week, voor dit aantal weken terug.",
    )
    retention_months: int = Field(
        12,
        ge=1,
        le=120,
        description="Maanden na einde huur en afsluiten van de zaak waarna gegevens verwijderd kunnen worden.",
    )
    extra_phone_columns: bool = Field(
        False, description="Telefoonnummer 2 en 3 als extra kolommen in het uploadbestand."
    )
    letters_dir: str = Field(
        "",
        description="Map voor brieven; leeg = de map brieven in Documenten › lcv-tui "
        "(met --data-dir: in die map).",
    )
    export_format: str = Field(
        "xlsx", pattern="^(xlsx|csv)$", description="Standaardformaat van het uploadbestand."
    )
    wizard_seen: bool = Field(False, description="De rondleiding is getoond.")
    theme: str = Field(
        "lcv-donker",
        pattern="^(lcv-donker|lcv-licht|ansi-dark|ansi-light)$",
        description="Kleuren van de app: donker, licht, of de kleuren van uw terminal (ansi).",
    )


class AuditEntry(Model):
    """One line of the append-only, hash-chained audit log. No names, addresses or amounts:
    the tenant is named by id and the event by id and a digest of its content. Frozen: a line
    once written is never edited."""

    model_config = ConfigDict(frozen=True)

    seq: int = Field(ge=1)
    at: dt.datetime
    actor: str = Field("app", description="Who recorded it: app (the TUI), cli, import or demo.")
    action: str
    tenant_id: str | None = None
    ref: str | None = None
    digest: str = ""
    prev: str
    hash: str


GENESIS = "0" * 64
"""The ``prev`` of the first audit entry."""

AuditLoader = Callable[[], Iterator[AuditEntry]]
"""Decodes the stored part of an :class:`AuditLog` from its first entry, anew at every call."""


def _stored(loader: AuditLoader, count: int) -> Iterator[AuditEntry]:
    """The stored part of an :class:`AuditLog`, streamed: checks that it holds ``count`` entries."""
    seen = 0
    for entry in loader():
        seen += 1
        if seen > count:
            break
        yield entry
    if seen != count:
        raise ValueError("audit log: stored part has the wrong length")


class AuditLog(Sequence[AuditEntry]):
    """The vault's audit log: a read-only sequence of :class:`AuditEntry` that only grows by
    :func:`lcv_tui.domain.audit.append`.

    It grows with every recorded step (at 10,000 tenants with five years of history: some two
    million lines, 750 MB as objects) and is read only to verify it or to write a dossier, so the
    part already stored stays encoded: reading it streams the entries out of the store, one piece
    at a time, and keeps none of them (a reader that needs some keeps those itself).

    ``AuditLog.stored(count, last_seq, last_hash, loader)`` makes a log whose first ``count``
    entries are still encoded; every read of them calls ``loader()`` again. ``saved`` is the
    store's bookkeeping: how many leading entries are on disk unchanged (``None``: unknown, write
    all).
    """

    __slots__ = ("_entries", "_loader", "_lazy_count", "_last", "saved")

    def __init__(self, entries: Iterable[AuditEntry] = ()) -> None:
        self._entries: list[AuditEntry] = list(entries)
        self._loader: AuditLoader | None = None
        self._lazy_count = 0
        self._last: tuple[int, str] = (0, GENESIS)
        self.saved: int | None = None

    @classmethod
    def stored(cls, count: int, last_seq: int, last_hash: str, loader: AuditLoader) -> AuditLog:
        log = cls()
        if count:
            log._loader, log._lazy_count, log._last = loader, count, (last_seq, last_hash)
        log.saved = count
        return log

    # --- reading ------------------------------------------------------------------------------

    @property
    def decoded(self) -> bool:
        """False while the stored part is held encoded (reading it does not change that)."""
        return self._loader is None

    def _decode(self) -> list[AuditEntry]:
        """Every entry in memory from now on (only to take back lines inside the stored part)."""
        if self._loader is not None:
            self._entries = [*_stored(self._loader, self._lazy_count), *self._entries]
            self._loader = None
            self._lazy_count = 0
        return self._entries

    def __len__(self) -> int:
        return self._lazy_count + len(self._entries)

    @overload
    def __getitem__(self, index: int) -> AuditEntry: ...
    @overload
    def __getitem__(self, index: slice) -> list[AuditEntry]: ...
    def __getitem__(self, index):  # type: ignore[no-untyped-def]
        if self._loader is None:
            return self._entries[index]
        lazy = self._lazy_count
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step > 0 and start >= lazy:
                return self._entries[start - lazy : max(stop - lazy, 0) : step]
            if step > 0:
                return list(islice(self, start, stop, step))
            return list(self)[index]
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("audit log index out of range")
        if position >= lazy:
            return self._entries[
                position - lazy
            ]  # the newest lines, without reading the stored part
        return next(islice(self, position, None))

    def __iter__(self) -> Iterator[AuditEntry]:
        if self._loader is None:
            return iter(self._entries)
        return chain(_stored(self._loader, self._lazy_count), self._entries)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (AuditLog, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"AuditLog({len(self)} entries{'' if self.decoded else ', not decoded'})"

    @property
    def last(self) -> tuple[int, str]:
        """``(seq, hash)`` of the newest entry; ``(0, GENESIS)`` for an empty log."""
        if self._entries:
            return self._entries[-1].seq, self._entries[-1].hash
        return self._last

    def since(self, count: int) -> list[AuditEntry]:
        """The entries after the first ``count``, reading the stored part only when they reach into it."""
        return self[count:]

    def as_of_now(self) -> Iterable[AuditEntry]:
        """The entries as they are now, to be read later, in another thread, as often as needed
        (a save): the stored part never changes and is streamed at each pass, the newer lines are
        copied now. Lines appended afterwards are not in it."""
        if self._loader is None:
            return list(self._entries)
        return _AuditLogAsOf(self._loader, self._lazy_count, list(self._entries))

    # --- changing -----------------------------------------------------------------------------

    def _append(self, entry: AuditEntry) -> None:
        self._entries.append(entry)

    def truncate(self, count: int) -> None:
        """Drop the entries after the first ``count`` (undoing a step that was never saved, e.g. an import)."""
        if count >= len(self):
            return
        if self._loader is not None and count >= self._lazy_count:
            del self._entries[count - self._lazy_count :]
        else:
            del self._decode()[count:]
        if self.saved is not None and count < self.saved:
            self.saved = None


class _AuditLogAsOf(Iterable[AuditEntry]):
    """What :meth:`AuditLog.as_of_now` returns for a log whose stored part is still encoded."""

    __slots__ = ("_loader", "_count", "_newer")

    def __init__(self, loader: AuditLoader, count: int, newer: list[AuditEntry]) -> None:
        self._loader, self._count, self._newer = loader, count, newer

    def __iter__(self) -> Iterator[AuditEntry]:
        return chain(_stored(self._loader, self._count), self._newer)


class VaultData(Model):
    """Everything in the vault. ``schema_version`` drives migrations in the store.

    The audit log is not a field: it is not part of the JSON document (the store keeps it in
    sections of its own, decoded only when read), and it can only be appended to.
    """

    schema_version: int = SCHEMA_VERSION
    landlord: Landlord | None = None
    settings: Settings = Field(default_factory=Settings)
    agreements: list[Agreement] = Field(default_factory=list)
    tenants: list[Tenant] = Field(default_factory=list)
    import_mappings: dict[str, dict[str, str]] = Field(default_factory=dict)
    wizard_progress: dict[str, int] = Field(
        default_factory=dict, description="Per huurder de stap waar de wizard gebleven is."
    )
    _audit: AuditLog = PrivateAttr(default_factory=AuditLog)

    @property
    def audit(self) -> AuditLog:
        return self._audit

    def attach_audit(self, log: AuditLog) -> None:
        """Give the data its audit log (the store does this when it loads a vault)."""
        self._audit = log

    def tenant(self, tenant_id: str) -> Tenant:
        for tenant in self.tenants:
            if tenant.id == tenant_id:
                return tenant
        raise KeyError(tenant_id)

    def agreement_for(self, gemeente: str) -> Agreement | None:
        key = gemeente.casefold()
        for agreement in self.agreements:
            if agreement.gemeente.casefold() == key:
                return agreement
        return None
