"""What the statement parsers share: the error, the size limit, text, amounts and IBANs."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lcv_tui.exports.files import ExportError

MAX_BYTES = 50 * 1024 * 1024
"""A year of statements of a landlord with thousands of tenants is a few MB; past this it is no statement."""

MAX_TRANSACTIONS = 500_000


class BankFileError(ExportError):
    """A bank statement file cannot be read; ``message`` says in Dutch what to do."""


def decode_text(data: bytes, *, strict: bool = True) -> str:
    """UTF-8 (with or without BOM), else Windows-1252, as Dutch banks write their exports."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        if not strict:
            return data.decode("utf-8", errors="replace")
        raise BankFileError(
            "Het bestand is geen leesbare tekst: download het afschrift opnieuw bij uw bank."
        ) from None


def fold(text: str) -> str:
    """White space folded, control characters dropped."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


_IBAN_SHAPE = re.compile(r"^[A-Z]{2}[0-9]{2}[A-Z0-9]{8,30}$")


def compact_iban(text: str) -> str:
    """The IBAN in ``text`` compacted (``NL91ABNA0417164300``), or ``""`` when it is none (a BBAN,
    an old giro number, or nothing)."""
    from stdnum import iban
    from stdnum.exceptions import ValidationError

    compact = re.sub(r"\s", "", text).upper()
    if not _IBAN_SHAPE.match(compact):
        return ""
    try:
        return iban.validate(compact)
    except ValidationError:
        return ""


def parse_amount(text: str, *, decimal_comma: bool) -> Decimal:
    """``1.234,56`` (decimal comma) or ``1234.56``; a sign is kept. ``ValueError`` when not an amount."""
    cleaned = text.strip().replace(" ", "")
    separator, thousands = (",", ".") if decimal_comma else (".", ",")
    cleaned = cleaned.replace(thousands, "").replace(separator, ".")
    if not re.fullmatch(r"[+-]?\d{1,12}(\.\d{1,2})?", cleaned):
        raise ValueError(text)
    try:
        return Decimal(cleaned).quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValueError(text) from None


REVERSAL_WORDS = re.compile(
    r"\b(storno|stornering|terugboeking|teruggeboekt|retour|gestorneerd|reversal|return)\b",
    re.IGNORECASE,
)
"""Words with which Dutch banks describe a payment that came back."""
