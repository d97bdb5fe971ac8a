"""The letters of the dunning process, as text: herinnering, aanmaning (tekst 1), sommatie (tekst 2).

Werkinstructie, "Voorgestelde werkwijze":
- ~5th of month 1: first reminder (herinnering) with *no* text about debt help;
- ~15th of month 1: demand letter (aanmaning) with **tekst 1**;
- ~5th of month 2: 5-day summons (sommatie) with **tekst 2**, naming the address for objections.

Texts 1 and 2 are reproduced verbatim; the only adaptations are the ones a printed letter needs:
the link "Home - Vroegsignalering (vroegsignaleringshv.nl)" is written out as a URL, the example
objection address is replaced by the landlord's (and text 2 is followed by the postal address for
objections when there is one: "schriftelijk" includes a letter), the privacy statement gets the landlord's URL when
one is set, and the "7 dagen" of text 2 follows the objection window in the settings (at least 7).
The list of shared data comes from ``sharing.ANNOUNCED_DATA_PHRASE`` so the letters announce exactly
what a signal shares.

The letter is pure content (a frozen dataclass); ``exports.letters_pdf`` lays it out.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from lcv_tui.domain import articles, deadlines
from lcv_tui.domain.ledger import Arrears
from lcv_tui.domain.models import Channel, Event, EventKind, Landlord, Settings, Tenant
from lcv_tui.domain.sharing import (
    ANNOUNCED_DATA_PHRASE,
)  # what texts 1 and 2 announce = what a signal shares
from lcv_tui.domain.validation import format_date_long, format_iban, format_money, format_phone

VROEGSIGNALERING_URL = "https://vroegsignaleringshv.nl/"

# Words that belong to debt help and the municipality: the herinnering must not contain them
# (werkinstructie: "geen tekst met betrekking tot schuldhulp").
DEBT_HELP_WORDS = ("schuldhulp", "gemeente", "vroegsignalering", "hulpverlen")


class LetterRefused(ValueError):
    """A letter that cannot be made as asked; ``message`` says in Dutch what to do."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Letter:
    """One letter's content. ``text`` is the plain-text version (file, e-mail body, evidence copy)."""

    kind: EventKind
    title: str
    date: dt.date
    channel: Channel
    tenant_id: str
    surname: str
    sender: tuple[str, ...]  # letterhead
    recipient: tuple[str, ...]  # window-envelope address block
    place_date: str  # "Leiden, 5 november 2026"
    subject: str
    reference: str  # "Klantnummer: 1042" or ""
    salutation: str
    paragraphs: tuple[str, ...]
    closing: tuple[str, ...]  # "Met vriendelijke groet," and the signature lines
    amount: Decimal  # the open amount the letter names
    pay_by: dt.date
    objection_deadline: dt.date | None = None  # sommatie: last day an objection is in time
    report_after: dt.date | None = None  # sommatie: after this day the tenant is reported

    @property
    def filename_stem(self) -> str:
        """``2026-11-05_herinnering_van-dijk``."""
        return f"{self.date.isoformat()}_{self.kind.value}_{slug(self.surname)}"

    @property
    def body_text(self) -> str:
        """From the salutation to the signature."""
        parts = [self.salutation, *self.paragraphs, "\n".join(self.closing)]
        return "\n\n".join(parts)

    @property
    def text(self) -> str:
        """The whole letter as plain text: letterhead, address, date, subject, body."""
        head = ["\n".join(self.sender), "\n".join(self.recipient), self.place_date]
        subject = f"Betreft: {self.subject}"
        if self.reference:
            subject += f"\n{self.reference}"
        return "\n\n".join([*head, subject, self.body_text]) + "\n"


def slug(text: str) -> str:
    """ASCII file-name slug: ``van Dĳk-Öztürk`` → ``van-dijk-ozturk``."""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "huurder"


# --- the fixed texts of the werkinstructie ---------------------------------------------------

_PRIVACY_SENTENCE = (
    "Daarnaast verwijzen wij u naar ons Privacy statement en de website van uw gemeente."
)


def _privacy_sentence(landlord: Landlord) -> str:
    if landlord.privacy_url:
        return (
            f"Daarnaast verwijzen wij u naar ons Privacy statement ({landlord.privacy_url}) en "
            f"de website van uw gemeente."
        )
    return _PRIVACY_SENTENCE


def _objection_by_post(landlord: Landlord) -> tuple[str, ...]:
    """Beside the e-mail address of text 2, the postal address for a written objection: after the
    verbatim text, so that text stays as the werkinstructie has it."""
    address = landlord.objection_postal_address
    if not address:
        return ()
    return (f"U kunt uw bezwaar ook per post sturen aan {landlord.name}, {address}.",)


def _announced_data_sentence() -> str:
    return f"In deze melding aan de gemeente verstrekken wij naast {ANNOUNCED_DATA_PHRASE}."


def tekst_1(landlord: Landlord) -> tuple[str, ...]:
    """Tekst 1 of the werkinstructie (aanmaning), verbatim but for the written-out URL and privacy link."""
    return (
        "Wij willen voorkomen dat u door een betalingsachterstand in de problemen komt. Daarom werken we samen met "
        "de gemeente en maatschappelijke hulpverlening zodra uw betalingsachterstand is "
        "opgelopen tot meer dan 30 dagen. "
        "Als u de betalingsachterstand niet voldoet moeten wij u aanmelden bij de gemeente "
        "voor gemeentelijke schuldhulpverlening.",
        _announced_data_sentence(),
        f"Voor meer informatie: {VROEGSIGNALERING_URL}",
        _privacy_sentence(landlord),
    )


def tekst_2(landlord: Landlord, settings: Settings) -> tuple[str, ...]:
    """Tekst 2 of the werkinstructie (sommatie), verbatim with the landlord's objection address."""
    return (
        "Wij willen voorkomen dat u door een betalingsachterstand in de problemen komt. Daarom werken we samen met "
        "de gemeente en maatschappelijke hulpverlening. Een hulpverlener of de gemeente kan contact met u zoeken. "
        "Heeft u er bezwaar tegen dat wij uw gegevens delen? Laat het ons schriftelijk weten via een emailbericht aan "
        f'"{landlord.objection_email}"',
        f"Als wij binnen {settings.objection_window_days} dagen na ontvangst van dit "
        f"schrijven niets van u hebben vernomen, "
        "zullen wij u bij de gemeente aanmelden voor gemeentelijke schuldhulpverlening.",
        _announced_data_sentence(),
        f"Voor meer informatie: {VROEGSIGNALERING_URL}",
        _privacy_sentence(landlord),
        "Indien u aangeeft bezwaar te hebben dat wij uw gegevens delen dan ziet u af van schuldhulpverlening. "
        "Als u geen bezwaar heeft gemaakt, melden wij u aan bij de gemeente voor schuldhulpverlening.",
        *_objection_by_post(landlord),
    )


# --- building blocks -------------------------------------------------------------------------


def sender_lines(landlord: Landlord) -> tuple[str, ...]:
    lines = [landlord.name]
    if landlord.contact_person and landlord.contact_person != landlord.name:
        lines.append(landlord.contact_person)
    lines.extend(landlord.address_lines)
    if landlord.phone:
        lines.append(f"Telefoon {format_phone(landlord.phone)}")
    if landlord.email:
        lines.append(f"E-mail {landlord.email}")
    if landlord.iban:
        lines.append(f"IBAN {format_iban(landlord.iban)}")
    if landlord.kvk:
        lines.append(f"KvK {landlord.kvk}")
    if landlord.statutory_seat:
        lines.append(f"Statutair gevestigd te {landlord.statutory_seat}")
    return tuple(lines)


ADDRESS_LINE_WIDTH = 45
"""Characters that fit on one line of a window envelope's address block."""


def recipient_lines(tenant: Tenant) -> tuple[str, ...]:
    """The address block for a window envelope: name (and co-tenants: "J. Jansen en P. de Vries",
    each on a line of their own when that does not fit); street, number, addition; postcode, two
    spaces, town."""
    names = [tenant.display_name, *(co.display_name for co in tenant.co_tenants)]
    together = " en ".join(names)
    fits = len(together) <= ADDRESS_LINE_WIDTH
    lines = [together] if fits else [names[0], *(f"en {name}" for name in names[1:])]
    if tenant.address_line:
        lines.append(tenant.address_line)
    lines.append(f"{tenant.postcode}  {tenant.town}".rstrip())
    return tuple(lines)


def salutation(tenant: Tenant) -> str:
    """``Geachte heer/mevrouw Van Dĳk,``: a particle is capitalised when no initials precede it.
    Co-tenants are addressed too: ``Geachte heer/mevrouw Jansen en heer/mevrouw De Vries,``."""
    surnames = [tenant.surname, *(co.surname for co in tenant.co_tenants)]
    return "Geachte " + " en ".join(f"heer/mevrouw {n[:1].upper()}{n[1:]}" for n in surnames) + ","


def _place_date(landlord: Landlord, on: dt.date) -> str:
    return f"{landlord.town}, {format_date_long(on)}" if landlord.town else format_date_long(on)


def _house(tenant: Tenant) -> str:
    where = tenant.address_line or f"huisnummer {tenant.house_label}"
    return f"{where} te {tenant.town}" if tenant.town else where


def _open_items(arrears: Arrears) -> str:
    lines = []
    for item in arrears.open_charges:
        charge = item.charge
        line = f"- {charge.label}, vervallen op {format_date_long(charge.due)}: {format_money(item.open_amount)}"
        if item.open_amount != charge.amount:
            line += f" (restant van {format_money(charge.amount)})"
        lines.append(line)
    lines.append(f"Totaal openstaand: {format_money(arrears.amount)}")
    return "\n".join(lines)


def _how_to_pay(landlord: Landlord, tenant: Tenant) -> str:
    reference = (
        f"klantnummer {tenant.klantnummer}"
        if tenant.klantnummer
        else f"uw adres ({tenant.address_line or tenant.house_label})"
    )
    if landlord.iban:
        return (
            f"op rekeningnummer {format_iban(landlord.iban)} ten name van {landlord.name}, "
            f"onder vermelding van {reference}"
        )
    return f"op de rekening waarop u gewoonlijk de huur betaalt, onder vermelding van {reference}"


def _contact_sentence(landlord: Landlord) -> str:
    ways = []
    if landlord.phone:
        ways.append(f"telefonisch op {format_phone(landlord.phone)}")
    if landlord.email:
        ways.append(f"per e-mail via {landlord.email}")
    if not ways:
        return "Neem dan contact met ons op."
    return "Neem dan contact met ons op, " + " of ".join(ways) + "."


def _closing(landlord: Landlord) -> tuple[str, ...]:
    lines = ["Met vriendelijke groet,", "", landlord.name]
    if landlord.contact_person and landlord.contact_person != landlord.name:
        lines.append(landlord.contact_person)
    return tuple(lines)


def _reference(tenant: Tenant) -> str:
    return f"Klantnummer: {tenant.klantnummer}" if tenant.klantnummer else ""


# --- warnings before a letter is written ----------------------------------------------------

PRIVACY_KINDS = (EventKind.AANMANING, EventKind.SOMMATIE)
"""Letters whose text (tekst 1, tekst 2) refers the tenant to the landlord's privacy statement."""


def letter_warnings(landlord: Landlord, kinds: Iterable[EventKind]) -> tuple[str, ...]:
    """What the landlord should know before letters of ``kinds`` are written, in Dutch (empty: none).

    Every letter asks for payment: without an IBAN it can only say "op de rekening waarop u
    gewoonlijk de huur betaalt". Texts 1 and 2 refer to "ons Privacy statement": without a link the
    tenant cannot find it. Neither stops the letter; the landlord decides whether to go on.
    """
    kinds = set(kinds)
    warnings = []
    if kinds and not landlord.iban:
        warnings.append(
            "Er is geen IBAN ingevuld: de brief vraagt om betaling 'op de rekening waarop u gewoonlijk "
            "de huur betaalt'. Vul uw IBAN in bij Instellingen › Uw gegevens als verhuurder."
        )
    if kinds.intersection(PRIVACY_KINDS) and not landlord.privacy_url:
        warnings.append(
            "Er is geen link naar uw privacyverklaring ingevuld: tekst 1 en 2 verwijzen de huurder naar "
            "'ons Privacy statement' zonder te zeggen waar dat staat. Vul de link in bij Instellingen."
        )
    return tuple(warnings)


# --- the letters -----------------------------------------------------------------------------

TITLES = {
    EventKind.HERINNERING: articles.HERINNERING,
    EventKind.AANMANING: "Aanmaning",
    EventKind.SOMMATIE: "Sommatie",
}

SUBJECTS = {
    EventKind.HERINNERING: "Herinnering betaling huur",
    EventKind.AANMANING: "Aanmaning betaling huurachterstand",
    EventKind.SOMMATIE: "Sommatie: betaling huurachterstand binnen 5 dagen",
}


_SEQUENCE = (EventKind.HERINNERING, EventKind.AANMANING, EventKind.SOMMATIE)
_ARTICLE_NAME = {
    EventKind.HERINNERING: "onze herinnering",
    EventKind.AANMANING: "onze aanmaning",
    EventKind.SOMMATIE: "onze sommatie",
}


def earlier_letters(
    kind: EventKind, tenant: Tenant, on: dt.date, settings: Settings
) -> tuple[Event, ...]:
    """The letters of this arrears episode that come before ``kind`` in the werkinstructie's order
    and were recorded as sent on or before ``on``: the latest of each kind, in order. Read from the
    case the workflow builds, so a letter names the same letters every view shows."""
    from lcv_tui.domain.workflow import case_for

    case = case_for(tenant, on, settings=settings, agreement=None)
    if case is None:
        return ()
    before = _SEQUENCE[: _SEQUENCE.index(kind)] if kind in _SEQUENCE else ()
    latest: dict[EventKind, Event] = {}
    for event in case.letters:
        if event.kind in before:
            latest[event.kind] = event
    return tuple(latest[k] for k in before if k in latest)


def _dated(event: Event) -> dt.date:
    """The date a recorded letter bore (its own date when recorded, else the day it was sent)."""
    return event.letter_date or event.on


def _earlier_phrase(earlier: Sequence[Event]) -> str:
    """``onze herinnering van 5 november 2026 en onze aanmaning van 16 november 2026``."""
    parts = [f"{_ARTICLE_NAME[e.kind]} van {format_date_long(_dated(e))}" for e in earlier]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " en " + parts[-1]


def build_letter(
    kind: EventKind,
    *,
    landlord: Landlord,
    tenant: Tenant,
    arrears: Arrears,
    on: dt.date,
    settings: Settings,
    channel: Channel = Channel.POST,
    earlier: Sequence[Event] | None = None,
) -> Letter:
    """The letter of ``kind`` for ``tenant`` written on ``on``, naming the arrears as given.

    The letter is dated on a working day (``deadlines.letter_date``: ``on`` or the next working
    day); its pay-by date counts from the assumed receipt (``deadlines.letter_pay_by``), and the
    aanmaning and the sommatie name the earlier letters of the episode with their dates
    (``earlier``; by default ``earlier_letters``).

    Refuses (``LetterRefused``) when nothing is open, for a kind that is not a letter, and — for the
    sommatie — when the landlord has no objection e-mail address (tekst 2 must name one).
    """
    if kind not in TITLES:
        raise LetterRefused(
            f"'{kind.label}' is geen brief: kies herinnering, aanmaning of sommatie."
        )
    if not arrears.in_arrears:
        raise LetterRefused(
            f"Er staat op {format_date_long(on)} niets open voor deze huurder: er is geen brief nodig."
        )
    if kind == EventKind.SOMMATIE and not landlord.objection_email:
        raise LetterRefused(
            "De sommatie (tekst 2) moet het e-mailadres noemen waar de huurder bezwaar kan maken. "
            "Vul bij Instellingen › Verhuurder het 'E-mailadres voor bezwaar' in en maak de brief opnieuw."
        )
    on = deadlines.letter_date(on)
    if earlier is None:
        earlier = earlier_letters(kind, tenant, on, settings)
    previous = _earlier_phrase(earlier)
    pay_by = deadlines.letter_pay_by(kind, on, channel, settings)
    house = _house(tenant)
    how = _how_to_pay(landlord, tenant)
    total = format_money(arrears.amount)
    objection_deadline: dt.date | None = None
    report_after: dt.date | None = None
    paragraphs: tuple[str, ...]

    if kind == EventKind.HERINNERING:
        paragraphs = (
            f"Volgens onze administratie hebben wij de huur voor de woning aan {house} nog niet (volledig) ontvangen. "
            "Het gaat om:",
            _open_items(arrears),
            f"Misschien is de betaling aan uw aandacht ontsnapt. Wij verzoeken u het bedrag van {total} uiterlijk op "
            f"{format_date_long(pay_by)} te betalen {how}.",
            "Heeft u het bedrag inmiddels betaald? Dan kunt u deze herinnering als niet verzonden beschouwen.",
            "Lukt het niet om het bedrag op tijd te betalen, of klopt het bedrag volgens u niet? "
            + _contact_sentence(landlord)
            + " Dan zoeken wij samen met u naar een oplossing.",
        )
    elif kind == EventKind.AANMANING:
        opening = (
            f"Volgens onze administratie staat er voor de woning aan {house} nog een bedrag open:"
        )
        if previous:
            opening = f"Op {format_date_long(_dated(earlier[-1]))} stuurden wij u een herinnering. {opening}"
        paragraphs = (
            opening,
            _open_items(arrears),
            f"Wij verzoeken u dringend het bedrag van {total} uiterlijk op "
            f"{format_date_long(pay_by)} te betalen {how}.",
            "Lukt het niet om het bedrag op tijd te betalen? "
            + _contact_sentence(landlord)
            + " Dan bespreken wij met u hoe de achterstand kan worden opgelost.",
            *tekst_1(landlord),
            "Heeft u het bedrag inmiddels betaald? Dan kunt u deze brief als niet verzonden beschouwen.",
        )
    else:
        receipt = deadlines.assumed_receipt(on, channel, settings)
        objection_deadline = deadlines.objection_deadline(on, channel, settings)
        report_after = max(objection_deadline, pay_by)
        if report_after == objection_deadline:
            when = (
                f"Als wij uiterlijk op {format_date_long(objection_deadline)} niets van u "
                f"hebben vernomen, melden wij u "
                "na die datum aan bij de gemeente, tenzij u de achterstand dan volledig heeft betaald."
            )
        else:
            when = (
                f"Als wij uiterlijk op {format_date_long(objection_deadline)} niets van u "
                f"hebben vernomen, melden wij u "
                f"na {format_date_long(report_after)} aan bij de gemeente, tenzij u de "
                f"achterstand dan volledig heeft betaald."
            )
        receipt_text = (
            f"Wij gaan ervan uit dat u deze brief uiterlijk op {format_date_long(receipt)} ontvangt. "
            if receipt != on
            else ""
        )
        paragraphs = (
            f"Ondanks {previous or 'onze eerdere brieven'} staat er voor de woning aan {house} nog steeds "
            "een bedrag open:",
            _open_items(arrears),
            receipt_text
            + f"Wij sommeren u het bedrag van {total} binnen {deadlines.SUMMONS_PAYMENT_DAYS} dagen na ontvangst "
            f"van deze brief, uiterlijk op {format_date_long(pay_by)}, te betalen {how}. Betaalt u niet op tijd, "
            "dan zijn wij genoodzaakt verdere stappen te nemen om het bedrag te innen.",
            *tekst_2(landlord, settings),
            when,
            "Lukt het niet om het bedrag op tijd te betalen? " + _contact_sentence(landlord),
        )

    return Letter(
        kind=kind,
        title=TITLES[kind],
        date=on,
        channel=channel,
        tenant_id=tenant.id,
        surname=tenant.surname,
        sender=sender_lines(landlord),
        recipient=recipient_lines(tenant),
        place_date=_place_date(landlord, on),
        subject=SUBJECTS[kind],
        reference=_reference(tenant),
        salutation=salutation(tenant),
        paragraphs=tuple(paragraphs),
        closing=_closing(landlord),
        amount=arrears.amount,
        pay_by=pay_by,
        objection_deadline=objection_deadline,
        report_after=report_after,
    )


# --- information for tenants -------------------------------------------------------------------

TENANT_INFORMATION_TITLE = "Voorkomen en vroegsignalering van huurschulden"


def _contact_lines(landlord: Landlord) -> str:
    """Name, postal address, e-mail and phone of the landlord, one per line."""
    lines = [landlord.name, *landlord.address_lines]
    if landlord.email:
        lines.append(f"E-mail: {landlord.email}")
    if landlord.phone:
        lines.append(f"Telefoon: {format_phone(landlord.phone)}")
    return "\n".join(lines)


def _objection_ways(landlord: Landlord) -> str:
    """How to object: by e-mail to the objection address, and by post to the landlord's address."""
    email = landlord.objection_email or landlord.email
    post = " ".join(", ".join([landlord.name, *landlord.address_lines]).split())
    ways = []
    if email:
        ways.append(f"per e-mail aan {email}")
    if landlord.address_lines:
        ways.append(f"per post aan {post}")
    if not ways:
        return "Laat het ons schriftelijk weten."
    return "Laat het ons schriftelijk weten: " + " of ".join(ways) + "."


def tenant_information_text(landlord: Landlord, *, retention_months: int = 12) -> str:
    """Information for tenants about early signalling, for the landlord's website or a leaflet.

    It starts from the werkinstructie's "Informatie aan de huurder" (the landlord's name replaces
    "VGM NL vastgoedmanagers {dan wel …}", and the landlord speaks as "wij"), without its dated
    sentences ("Op 1 januari 2021 …"), and adds what AVG art. 13 asks a controller to tell: who is
    responsible and how to reach them (lid 1 a), why and on which legal basis (lid 1 c: Wgs art. 3a and
    the Besluit gemeentelijke schuldhulpverlening), the recipients (lid 1 e: the municipality and the
    meldpunt), how long the data is kept (lid 2 a: ``retention_months``, the vault's retention
    setting), the tenant's rights (lid 2 b) and the right to complain to the Autoriteit
    Persoonsgegevens (lid 2 d), and how to object (LCV 2.2; e-mail and post). Plain Dutch (B1):
    short sentences, one subject per paragraph.
    """
    months = f"{retention_months} {'maand' if retention_months == 1 else 'maanden'}"
    paragraphs = (
        TENANT_INFORMATION_TITLE,
        "Gemeenten willen mensen met schulden zo vroeg mogelijk helpen. Daarom werken zij samen met verhuurders, "
        "zorgverzekeraars en energie- en drinkwaterbedrijven. Heeft u een betalingsachterstand, dan kan de gemeente "
        "u hulp aanbieden. Dat heet vroegsignalering.",
        f"{landlord.name} wil voorkomen dat u door een betalingsachterstand in de problemen komt. Daarom werken wij "
        "samen met de gemeente en maatschappelijke hulpverlening zodra uw betalingsachterstand is opgelopen tot meer "
        "dan 30 dagen. Als u de betalingsachterstand niet voldoet moeten wij u aanmelden bij de gemeente voor "
        "gemeentelijke schuldhulpverlening, tenzij u hier bezwaar tegen maakt.",
        "Welke gegevens delen wij?\n"
        + _announced_data_sentence()
        + " Andere gegevens delen wij niet.",
        "Wie is verantwoordelijk?\nWij zijn verantwoordelijk voor het delen van uw gegevens. U bereikt ons zo:\n"
        + _contact_lines(landlord),
        "Waarom mag dit?\nDe wet staat het toe: artikel 3a van de Wet gemeentelijke schuldhulpverlening (Wgs) en het "
        "Besluit gemeentelijke schuldhulpverlening. Het doel is dat de gemeente u hulp kan aanbieden voordat uw "
        "schulden groter worden.",
        "Wie krijgt uw gegevens?\nDe gemeente waar u woont, of de organisatie die de gemeente daarvoor inschakelt. "
        "Wij sturen de gegevens via het beveiligde digitale meldpunt dat uw gemeente gebruikt (RIS Matching van "
        "Inforing, VPS van BKR of de website Achterstanden aanleveren). Het meldpunt geeft de gegevens alleen door "
        "aan de gemeente.",
        f"Hoe lang bewaren wij uw gegevens?\nWij bewaren de gegevens over de melding tot {months} nadat uw huur is "
        "geëindigd en de achterstand is afgehandeld. Daarna verwijderen wij ze. De gemeente bewaart haar eigen "
        "gegevens volgens haar eigen regels.",
        "Wat zijn uw rechten?\nU mag ons vragen welke gegevens wij over u hebben en aan wie wij ze gaven. U mag ons "
        "vragen gegevens te verbeteren of te verwijderen, of het gebruik te beperken. Bent u het niet eens met hoe "
        "wij met uw gegevens omgaan? Dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens "
        "(https://autoriteitpersoonsgegevens.nl).",
        "Wilt u niet dat wij uw gegevens aan de gemeente geven?\nDan kunt u bezwaar maken. "
        + _objection_ways(landlord)
        + " Maakt u bezwaar, dan melden wij u niet aan bij de gemeente. Dan ziet u ook af van de hulp die de "
        "gemeente via deze weg aanbiedt.",
        f"Meer informatie kunt u vinden op: {VROEGSIGNALERING_URL}\n{_privacy_sentence(landlord)}",
    )
    return "\n\n".join(paragraphs) + "\n"
