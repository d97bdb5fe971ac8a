"""MT940 (SWIFT customer statement), as ING, Rabobank, ABN AMRO and most other banks export it.

The tags (``:25:`` account, ``:61:`` statement line, ``:86:`` information) are read by the
well-kept ``mt-940`` package. Dutch banks fill ``:86:`` with slash-coded fields (``/CNTP/``,
``/NAME/``, ``/REMI/``, ``/IBAN/``, ``/RTRN/``); German-style ``?20`` fields are read by
``mt-940`` itself. A bank that writes free text gets that text as the description.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from lcv_tui.domain.bank import BankTransaction, Statement
from lcv_tui.exports.bank.common import (
    MAX_TRANSACTIONS,
    REVERSAL_WORDS,
    BankFileError,
    compact_iban,
    fold,
)

FORMAT = "MT940"

_TAG = re.compile(r"^:(20|25|28C?|60[FM]|61|62[FM]|86):", re.MULTILINE)
_CODES = (
    "EREF|MARF|CSID|CNTP|REMI|ORDP|BENM|NAME|ADDR|IBAN|BIC|TRTP|RTRN|PURP|ISDT|ULTC|ULTD|ULTB|"
    "PREF|BUSP|SVCL|CDTRREFTP|CDTRREF"
)
_FIELD = re.compile(rf"/({_CODES})/")
_IBAN_TOKEN = re.compile(r"\b[A-Z]{2}[0-9]{2}[A-Z0-9]{10,30}\b")


def looks_like(text: str) -> bool:
    tags = {match.group(1) for match in _TAG.finditer(text)}
    return "20" in tags and "25" in tags and ("61" in tags or "60F" in tags or "60M" in tags)


def _unreadable() -> BankFileError:
    return BankFileError(
        "Het MT940-bestand is niet volledig leesbaar: download het afschrift opnieuw bij uw bank, "
        "of kies CAMT.053 als formaat."
    )


def parse(text: str) -> Statement:
    import mt940
    from mt940 import processors

    transactions = mt940.models.Transactions(
        processors={
            "post_statement": [
                processors.date_cleanup_post_processor,
                processors.transactions_to_transaction(
                    "transaction_reference", "account_identification"
                ),
            ]
        }
    )
    try:
        transactions.parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    except Exception:  # a damaged file: mt-940 raises many kinds (regex, date, decimal)
        raise _unreadable() from None
    result: list[BankTransaction] = []
    for transaction in transactions.transactions:
        if "amount" not in transaction.data:
            continue
        result.append(_transaction(transaction.data))
        if len(result) > MAX_TRANSACTIONS:
            raise BankFileError(
                "Het afschrift heeft te veel transacties: kies een kortere periode."
            )
    if not result and ":61:" in text:
        raise _unreadable()
    return Statement(FORMAT, tuple(result))


def _own_account(data: dict[str, Any]) -> str:
    """``:25:`` holds ``NL91ABNA0417164300EUR``, ``INGBNL2A/NL…`` or ``NL…`` depending on the bank."""
    raw = str(data.get("account_identification") or "").upper()
    for token in re.split(r"[/\s]", raw):
        iban = compact_iban(token) or compact_iban(token.removesuffix("EUR"))
        if iban:
            return iban
    return ""


def _fields(details: str) -> dict[str, str]:
    parts = _FIELD.split(details)
    fields: dict[str, str] = {}
    for key, value in zip(parts[1::2], parts[2::2], strict=True):
        fields.setdefault(key, value)
    return fields


def _transaction(data: dict[str, Any]) -> BankTransaction:
    account = _own_account(data)
    status = str(data.get("status") or "")
    amount = data["amount"].amount
    if not isinstance(amount, Decimal):
        raise _unreadable()
    # C credit, D debit, RC reversal of a credit (money goes out), RD reversal of a debit.
    debit = status in ("D", "RC")
    amount = abs(amount).quantize(Decimal("0.01"))
    signed = -amount if debit else amount
    booked = data.get("entry_date") or data.get("date")
    if not isinstance(booked, dt.date):
        raise _unreadable()
    raw = str(data.get("transaction_details") or "").replace("\n", "")
    fields = _fields(raw) if raw.startswith("/") else {}
    counter_iban, counter_name = "", ""
    if "CNTP" in fields:  # ING: /CNTP/iban/bic/name/city/
        cntp = fields["CNTP"].split("/")
        counter_iban = compact_iban(cntp[0])
        counter_name = fold(cntp[2]) if len(cntp) > 2 else ""
    counter_iban = counter_iban or compact_iban(fields.get("IBAN", "").strip("/"))
    counter_name = counter_name or fold(fields.get("NAME", "").strip("/"))
    if not fields:
        counter_iban = compact_iban(str(data.get("applicant_iban") or ""))
        counter_name = fold(str(data.get("applicant_name") or ""))
    if not counter_iban:
        for token in _IBAN_TOKEN.findall(f"{raw} {data.get('extra_details') or ''}".upper()):
            candidate = compact_iban(token)
            if candidate and candidate != account:
                counter_iban = candidate
                break
    if fields:
        remi = fields.get("REMI", "")
        remi = re.sub(r"^(USTD|STRD)?/(CUR/)?/?", "", remi)
        description = fold(remi.replace("/", " "))
    else:
        description = fold(str(data.get("purpose") or raw))
    trtp = fields.get("TRTP", "")
    reversal = debit and (
        status == "RC"
        or "RTRN" in fields
        or bool(REVERSAL_WORDS.search(trtp))
        or bool(REVERSAL_WORDS.search(description))
    )
    reference = str(data.get("bank_reference") or "").strip()
    if not reference or reference.upper() == "NONREF":
        reference = str(data.get("customer_reference") or "").strip()
    if reference.upper() == "NONREF":
        reference = ""
    return BankTransaction(
        booked=dt.date(booked.year, booked.month, booked.day),
        amount=signed,
        account=account,
        counter_iban=counter_iban,
        counter_name=counter_name,
        description=description,
        bank_ref=reference,
        reversal=reversal,
    )
