"""The CSV exports of ING ("Af Bij", semicolon or comma separated) and Rabobank ("Bedrag" signed,
"Tegenrekening IBAN/BBAN"), recognised by their column titles."""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Callable

from lcv_tui.domain.bank import BankTransaction, Statement
from lcv_tui.exports.bank.common import (
    MAX_TRANSACTIONS,
    REVERSAL_WORDS,
    BankFileError,
    compact_iban,
    fold,
    parse_amount,
)

ING = "ING CSV"
RABOBANK = "Rabobank CSV"

_ING_COLUMNS = (
    "datum",
    "naam / omschrijving",
    "rekening",
    "tegenrekening",
    "af bij",
    "bedrag (eur)",
)
_RABO_COLUMNS = ("iban/bban", "datum", "bedrag", "tegenrekening iban/bban", "naam tegenpartij")


# ING's English export names the same columns in English.
_ENGLISH = {
    "date": "datum",
    "name / description": "naam / omschrijving",
    "account": "rekening",
    "counterparty": "tegenrekening",
    "debit/credit": "af bij",
    "amount (eur)": "bedrag (eur)",
    "transaction type": "mutatiesoort",
    "notifications": "mededelingen",
}


def _title(text: str) -> str:
    title = " ".join(text.strip().strip('"').casefold().split())
    return _ENGLISH.get(title, title)


def _delimiter(first_line: str) -> str:
    return max((";", ",", "\t"), key=first_line.count)


def _header(text: str) -> list[str]:
    first = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        row = next(csv.reader([first], delimiter=_delimiter(first)), [])
    except csv.Error:
        return []
    return [_title(cell) for cell in row]


def recognise(text: str) -> str | None:
    titles = set(_header(text))
    if all(column in titles for column in _ING_COLUMNS):
        return ING
    if all(column in titles for column in _RABO_COLUMNS):
        return RABOBANK
    return None


def parse(text: str, kind: str) -> Statement:
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(first)))
    except csv.Error:
        raise BankFileError(
            f"De {kind} is beschadigd (bijvoorbeeld een aanhalingsteken dat niet gesloten wordt): "
            "download het afschrift opnieuw bij uw bank."
        ) from None
    if len(rows) > MAX_TRANSACTIONS:
        raise BankFileError("Het afschrift heeft te veel transacties: kies een kortere periode.")
    columns = {_title(title): position for position, title in enumerate(rows[0])}
    read_row = _ing_row if kind == ING else _rabo_row
    transactions = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        try:
            transactions.append(read_row(functools.partial(_cell, row, columns)))
        except (ValueError, IndexError):
            raise BankFileError(
                f"Regel {number} van de {kind} is niet leesbaar (datum of bedrag klopt niet): "
                "download het afschrift opnieuw bij uw bank."
            ) from None
    return Statement(kind, tuple(transactions))


def _cell(row: list[str], columns: dict[str, int], name: str) -> str:
    position = columns.get(name)
    if position is None or position >= len(row):
        return ""
    return row[position].strip()


Cell = Callable[[str], str]


def _ing_row(cell: Cell) -> BankTransaction:
    booked = dt.datetime.strptime(cell("datum"), "%Y%m%d").date()
    amount = parse_amount(cell("bedrag (eur)"), decimal_comma="," in cell("bedrag (eur)"))
    direction = cell("af bij").casefold()
    if direction not in ("af", "bij", "debit", "credit"):
        raise ValueError(direction)
    signed = -abs(amount) if direction in ("af", "debit") else abs(amount)
    notes = fold(cell("mededelingen"))
    description = _ing_description(notes)
    kind = cell("mutatiesoort") or cell("mutatie soort")
    reversal = signed < 0 and bool(REVERSAL_WORDS.search(notes) or REVERSAL_WORDS.search(kind))
    reference = re.search(r"(?:Kenmerk|Reference):\s*(\S+)", notes)
    return BankTransaction(
        booked=booked,
        amount=signed,
        account=compact_iban(cell("rekening")),
        counter_iban=compact_iban(cell("tegenrekening")),
        counter_name=fold(cell("naam / omschrijving")),
        description=description,
        bank_ref=reference.group(1) if reference else "",
        reversal=reversal,
    )


_ING_LABELS = re.compile(
    r"\b(Naam|Omschrijving|IBAN|Kenmerk|Machtiging ID|Incassant ID|Valutadatum|Datum/Tijd|Referentie|"
    r"Name|Description|Reference|Mandate ID|Creditor ID|Value date|Date/time):\s*"
)


def _ing_description(notes: str) -> str:
    """ING's "Mededelingen" labels its parts (``Naam: … Omschrijving: … IBAN: …``): the description
    is the ``Omschrijving`` part when there is one, else the whole text."""
    parts = _ING_LABELS.split(notes)
    labelled = dict(zip(parts[1::2], (p.strip() for p in parts[2::2]), strict=True))
    return labelled.get("Omschrijving") or labelled.get("Description") or notes


def _rabo_row(cell: Cell) -> BankTransaction:
    booked = dt.date.fromisoformat(cell("datum"))
    signed = parse_amount(cell("bedrag"), decimal_comma=True)
    description = fold(
        " ".join(cell(f"omschrijving-{n}") for n in (1, 2, 3)) + " " + cell("betalingskenmerk")
    )
    reversal = signed < 0 and bool(cell("reden retour") or REVERSAL_WORDS.search(description))
    return BankTransaction(
        booked=booked,
        amount=signed,
        account=compact_iban(cell("iban/bban")),
        counter_iban=compact_iban(cell("tegenrekening iban/bban")),
        counter_name=fold(cell("naam tegenpartij")),
        description=description,
        bank_ref=cell("transactiereferentie") or cell("volgnr"),
        reversal=reversal,
    )
