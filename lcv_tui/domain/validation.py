"""Field validation and normalisation, with messages in Dutch that say what to do.

Every function takes raw user text and returns the normalised value or raises
``ValueError`` with a Dutch message. Pydantic wraps these as field errors, and forms show
the message next to the field.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("1000000")

_POSTCODE = re.compile(r"^([1-9][0-9]{3})\s?([A-Za-z]{2})$")
_UNISSUED_POSTCODE_LETTERS = frozenset({"SA", "SD", "SS"})
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)
_IBAN = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$")
_APOSTROPHES = "'\u2019\u2018`´"
MONTHS_NL = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def clean_text(value: str) -> str:
    """NFC-normalise, strip, fold runs of white space; refuse control characters."""
    value = unicodedata.normalize("NFC", str(value))
    # isprintable() is False for every control/format character (and for some spaces), so the
    # per-character check runs only for the rare text that needs it.
    if not value.isprintable() and any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in value
    ):
        raise ValueError(
            "Bevat een onzichtbaar of ongeldig teken (zoals een tab of regeleinde): typ de tekst opnieuw."
        )
    return " ".join(value.split())


def normalise_postcode(value: str) -> str:
    """``1234ab`` → ``1234 AB``: four digits (first not 0), two letters, not SA/SD/SS."""
    text = clean_text(value)
    match = _POSTCODE.match(text)
    if not match:
        raise ValueError(
            "Ongeldige postcode: gebruik 4 cijfers en 2 letters, bijvoorbeeld 1234 AB (het eerste cijfer is geen 0)."
        )
    digits, letters = match.group(1), match.group(2).upper()
    if letters in _UNISSUED_POSTCODE_LETTERS:
        raise ValueError(
            f"Postcodes met de letters {letters} worden in Nederland niet uitgegeven: controleer de postcode."
        )
    return f"{digits} {letters}"


def parse_house_number(value: str | int) -> int:
    text = clean_text(str(value))
    if not text.isdigit() or int(text) <= 0:
        raise ValueError(
            "Huisnummer moet een heel getal groter dan 0 zijn; zet letters of '2-hoog' bij de toevoeging."
        )
    number = int(text)
    if number > 99999:
        raise ValueError("Huisnummer is te groot: controleer het nummer.")
    return number


def normalise_addition(value: str) -> str:
    text = clean_text(value)
    if len(text) > 16:
        raise ValueError(
            "Toevoeging is te lang (hoogstens 16 tekens), bijvoorbeeld A, bis of 2-hoog."
        )
    if text and not re.fullmatch(r"[\w\- /.]+", text):
        raise ValueError(
            "Toevoeging mag alleen letters, cijfers, spaties, punten, streepjes of / bevatten."
        )
    return text


def normalise_name(value: str, *, what: str = "Naam", max_length: int = 100) -> str:
    """Keep diacritics (ë, é, ĳ), apostrophes and particles (van, de, 't); refuse anything else."""
    text = clean_text(value)
    if not text:
        raise ValueError(f"{what} is verplicht.")
    if len(text) > max_length:
        raise ValueError(f"{what} is te lang (hoogstens {max_length} tekens).")
    if not any(ch.isalpha() for ch in text):
        raise ValueError(f"{what} moet letters bevatten.")
    for ch in text:
        if not (
            ch.isalpha() or ch in " -." or ch in _APOSTROPHES or unicodedata.category(ch) == "Mn"
        ):
            raise ValueError(
                f"{what} mag alleen letters, spaties, streepjes, punten en apostroffen bevatten (niet '{ch}')."
            )
    return text.replace("\u2018", "'").replace("`", "'").replace("´", "'")


def _initial(letters: str) -> str:
    """One initial as written in a letter: "k" → "K", "th" → "Th", "ij" → "IJ" (a Dutch digraph)."""
    if letters.casefold().startswith("ij"):
        return "IJ" + letters[2:].lower()
    return letters[:1].upper() + letters[1:].lower()


def normalise_initials(value: str) -> str:
    """Initials as they go on a letter: "k" → "K.", "jp" → "J.P.", "th j" → "Th.J.", "ij" → "IJ.".

    Typed without dots or spaces, every letter is an initial (but "ij" stays one, as in IJsbrand);
    with dots or spaces, each part is one initial ("Th." stays "Th.").
    """
    text = clean_text(value)
    if not text:
        return ""
    if len(text) > 20 or not all(ch.isalpha() or ch in ". -" for ch in text):
        raise ValueError("Voorletters: alleen letters met punten, bijvoorbeeld J.P.")
    separated = any(ch in ". " for ch in text)
    parts: list[str] = []
    for chunk in text.replace(".", " ").split():
        for index, piece in enumerate(chunk.split("-")):
            if index:
                parts.append("-")
            if not piece:
                continue
            if separated:
                parts.append(_initial(piece) + ".")
                continue
            rest = piece
            while rest:
                size = 2 if rest[:2].casefold() == "ij" else 1
                parts.append(_initial(rest[:size]) + ".")
                rest = rest[size:]
    return "".join(parts)


def normalise_place(value: str, *, what: str) -> str:
    """Street or town: letters, digits, spaces, apostrophes, hyphens, periods, parentheses."""
    text = clean_text(value)
    if len(text) > 80:
        raise ValueError(f"{what} is te lang (hoogstens 80 tekens).")
    if text and not any(ch.isalpha() for ch in text):
        raise ValueError(f"{what} moet letters bevatten.")
    for ch in text:
        if not (
            ch.isalnum() or ch in " -.()/" or ch in _APOSTROPHES or unicodedata.category(ch) == "Mn"
        ):
            raise ValueError(f"{what} bevat een ongeldig teken: '{ch}'.")
    return text.replace("\u2018", "'").replace("`", "'").replace("´", "'")


def normalise_email(value: str) -> str:
    text = clean_text(value)
    if not text:
        return ""
    if len(text) > 254 or not _EMAIL.match(text):
        raise ValueError("Ongeldig e-mailadres: gebruik de vorm naam@voorbeeld.nl.")
    local, _, domain = text.rpartition("@")
    return f"{local}@{domain.lower()}"


def normalise_phone(value: str) -> str:
    """Dutch numbers become ten digits (``0612345678``); foreign ones keep ``+`` and country code."""
    text = clean_text(value)
    if not text:
        return ""
    compact = re.sub(r"[\s\-.()/]", "", text)
    if compact.startswith("+31"):
        compact = "0" + compact[3:]
    elif compact.startswith("0031"):
        compact = "0" + compact[4:]
    if compact.startswith("0") and not compact.startswith("00"):
        if compact.isdigit() and len(compact) == 10:
            return compact
        raise ValueError(
            "Ongeldig telefoonnummer: een Nederlands nummer heeft 10 cijfers, bijvoorbeeld 06 12345678 of 020 1234567."
        )
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("+") and compact[1:].isdigit() and 8 <= len(compact) - 1 <= 15:
        return compact
    raise ValueError(
        "Ongeldig telefoonnummer: gebruik 10 cijfers (06 12345678) of een buitenlands nummer met + en landcode."
    )


def normalise_iban(value: str) -> str:
    """``nl91 abna 0417 1643 00`` → ``NL91ABNA0417164300`` (compact, as stored and matched); ``""`` stays empty.

    Checked by python-stdnum: the country's length and layout and the ISO 7064 check digits.
    """
    from stdnum import iban
    from stdnum.exceptions import ValidationError as StdnumError

    text = clean_text(value)
    if not text:
        return ""
    try:
        compact = iban.validate(text)
    except StdnumError:
        compact = ""
    # stdnum also takes digits of other scripts ("٩١"); an IBAN is plain ASCII.
    if not _IBAN.match(compact):
        shown = text if len(text) <= 40 else text[:40] + "…"
        raise ValueError(
            f"Dit IBAN klopt niet: controleer {shown} op een tikfout "
            "(landcode, 2 controlecijfers en het rekeningnummer, bijvoorbeeld NL91 ABNA 0417 1643 00)."
        )
    return compact


def parse_ibans(value: str) -> list[str]:
    """Comma- or semicolon-separated IBANs as typed in a form or an import column, each normalised; doubles once."""
    result: list[str] = []
    for part in re.split(r"[,;]", value):
        compact = normalise_iban(part)
        if compact and compact not in result:
            result.append(compact)
    return result


def format_iban(value: str) -> str:
    """``NL91ABNA0417164300`` → ``NL91 ABNA 0417 1643 00``: groups of four, as on a bank card."""
    return " ".join(value[i : i + 4] for i in range(0, len(value), 4))


def normalise_kvk(value: str) -> str:
    """A KvK number (Handelsregister): exactly 8 digits; spaces and dots are dropped."""
    text = re.sub(r"[\s.]", "", clean_text(value))
    if not text:
        return ""
    if not (text.isdigit() and len(text) == 8):
        raise ValueError("Ongeldig KvK-nummer: een KvK-nummer heeft precies 8 cijfers.")
    return text


def normalise_url(value: str) -> str:
    """A web address for letters (the privacy statement): ``https://``, added when left out."""
    text = clean_text(value)
    if not text:
        return ""
    if " " in text or len(text) > 200:
        raise ValueError(
            "Ongeldig webadres: gebruik één adres zonder spaties, bijvoorbeeld https://www.voorbeeld.nl/privacy."
        )
    if not re.match(r"^[a-z][a-z0-9+.-]*://", text, re.I):
        text = "https://" + text
    scheme, _, rest = text.partition("://")
    host = rest.split("/", 1)[0]
    if scheme.lower() not in ("http", "https") or "." not in host or host.startswith("."):
        raise ValueError("Ongeldig webadres: gebruik de vorm https://www.voorbeeld.nl/privacy.")
    return f"{scheme.lower()}://{rest}"


def format_phone(value: str) -> str:
    """Readable grouping for screens and letters; storage keeps the compact form."""
    if len(value) == 10 and value.startswith("06"):
        return f"06 {value[2:]}"
    if len(value) == 10 and value.startswith("0"):
        area = (
            3
            if value[1] in "1234579"
            and value[:3]
            in {
                "010",
                "013",
                "015",
                "020",
                "023",
                "024",
                "026",
                "030",
                "033",
                "035",
                "036",
                "038",
                "040",
                "043",
                "045",
                "046",
                "050",
                "053",
                "055",
                "058",
                "070",
                "071",
                "072",
                "073",
                "074",
                "075",
                "076",
                "077",
                "078",
                "079",
            }
            else 4
        )
        return f"{value[:area]} {value[area:]}"
    return value


def parse_amount(value: str | int | float | Decimal) -> Decimal:
    """Parse an amount as a Dutch user writes it: ``850``, ``850,00``, ``1.234,56``, ``€ 1234.56``."""
    if isinstance(value, Decimal):
        amount = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        amount = Decimal(str(value))
    else:
        text = clean_text(str(value)).replace("€", "").replace("EUR", "").replace(" ", "")
        if not text:
            raise ValueError("Vul een bedrag in, bijvoorbeeld 850,00.")
        if text.startswith("-"):
            raise ValueError(
                "Een bedrag kan niet negatief zijn; gebruik een correctie om iets te verminderen."
            )
        if "," in text and "." in text:
            decimal_sep = "," if text.rfind(",") > text.rfind(".") else "."
            thousands = "." if decimal_sep == "," else ","
            text = text.replace(thousands, "").replace(decimal_sep, ".")
        elif "," in text:
            if text.count(",") > 1:
                raise ValueError(
                    "Ongeldig bedrag: gebruik één komma voor de centen, bijvoorbeeld 1234,56."
                )
            text = text.replace(",", ".")
        elif text.count(".") > 1 or re.fullmatch(r"\d{1,3}\.\d{3}", text):
            text = text.replace(".", "")
        if not re.fullmatch(r"\d+(\.\d+)?", text):
            raise ValueError("Ongeldig bedrag: gebruik cijfers, bijvoorbeeld 850,00.")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise ValueError("Ongeldig bedrag: gebruik cijfers, bijvoorbeeld 850,00.") from None
    if not amount.is_finite():
        raise ValueError("Ongeldig bedrag.")
    if amount < 0:
        raise ValueError(
            "Een bedrag kan niet negatief zijn; gebruik een correctie om iets te verminderen."
        )
    if amount >= MAX_AMOUNT:
        raise ValueError("Bedrag is onwaarschijnlijk groot: controleer het bedrag.")
    if amount != amount.quantize(CENT, rounding=ROUND_HALF_UP):
        raise ValueError("Gebruik hoogstens 2 cijfers achter de komma.")
    return amount.quantize(CENT)


def format_money(amount: Decimal) -> str:
    """``Decimal('1234.5')`` → ``€ 1.234,50``."""
    quantized = Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP)
    sign = "-" if quantized < 0 else ""
    whole, _, cents = f"{abs(quantized):.2f}".partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return f"{sign}€ {'.'.join(groups)},{cents}"


def format_decimal_nl(amount: Decimal) -> str:
    """``Decimal('1234.5')`` → ``1234,50`` (a number for files that use a decimal comma)."""
    return f"{Decimal(amount).quantize(CENT, rounding=ROUND_HALF_UP):.2f}".replace(".", ",")


def parse_date(value: str | dt.date) -> dt.date:
    """Accept ``23-11-2026``, ``23/11/2026``, ``23-11-26`` and ISO ``2026-11-23``."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = clean_text(value)
    for pattern in ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d/%m/%y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError("Ongeldige datum: gebruik dag-maand-jaar, bijvoorbeeld 23-11-2026.")


def format_date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def format_date_long(day: dt.date) -> str:
    """``23 november 2026``, without depending on the machine's locale."""
    return f"{day.day} {MONTHS_NL[day.month - 1]} {day.year}"
