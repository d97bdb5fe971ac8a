"""CAMT.053 (ISO 20022 bank-to-customer statement), camt.053.001.02 and every later version.

Versions differ in namespace and in a few nestings (``Dbtr/Nm`` became ``Dbtr/Pty/Nm``,
``Sts`` became ``Sts/Cd``), so elements are found by local name along both paths. XML is parsed by
``defusedxml`` with DTDs refused: no entity expansion ("billion laughs"), no external entities.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from xml.etree.ElementTree import Element, ParseError

from lcv_tui.domain.bank import BankTransaction, Statement
from lcv_tui.exports.bank.common import (
    MAX_TRANSACTIONS,
    REVERSAL_WORDS,
    BankFileError,
    compact_iban,
    fold,
    parse_amount,
)

FORMAT = "CAMT.053"

# ISO 20022 bank transaction sub-family codes for a payment that came back or was reversed.
_REVERSAL_SUBFAMILIES = frozenset({"UPDD", "PRDD", "RRTN", "ARET", "RPCR", "PRCT", "CAJT"})


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _children(element: Element, name: str) -> Iterator[Element]:
    for child in element:
        if _local(child.tag) == name:
            yield child


def _find(element: Element | None, path: str) -> Element | None:
    for name in path.split("/"):
        if element is None:
            return None
        element = next(_children(element, name), None)
    return element


def _text(element: Element | None, *paths: str) -> str:
    """The text of the first of ``paths`` (relative to ``element``) that is present."""
    for path in paths:
        found = _find(element, path)
        if found is not None and found.text and found.text.strip():
            return fold(found.text)
    return ""


def _unreadable(what: str) -> BankFileError:
    return BankFileError(
        f"Het CAMT.053-bestand is niet volledig leesbaar ({what}): download het afschrift opnieuw bij uw bank."
    )


def parse(data: bytes) -> Statement:
    import defusedxml
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except defusedxml.DefusedXmlException:
        raise BankFileError(
            "Dit XML-bestand bevat een DTD of entiteiten, wat een bankafschrift nooit doet: het is "
            "geweigerd. Download het afschrift opnieuw bij uw bank."
        ) from None
    except (ParseError, ValueError):
        raise _unreadable("de XML klopt niet") from None
    if not _local(root.tag) == "Document" or "camt.053" not in root.tag:
        raise BankFileError(
            "Dit XML-bestand is geen CAMT.053-bankafschrift: download bij uw bank een afschrift als CAMT.053."
        )
    statement = _find(root, "BkToCstmrStmt")
    if statement is None:
        raise _unreadable("geen afschrift gevonden")
    transactions: list[BankTransaction] = []
    for stmt in _children(statement, "Stmt"):
        account = compact_iban(_text(stmt, "Acct/Id/IBAN"))
        for entry in _children(stmt, "Ntry"):
            transactions.extend(_entry(entry, account))
            if len(transactions) > MAX_TRANSACTIONS:
                raise BankFileError(
                    "Het afschrift heeft te veel transacties: kies een kortere periode."
                )
    return Statement(FORMAT, tuple(transactions))


def _date(entry: Element) -> dt.date:
    text = _text(entry, "BookgDt/Dt", "BookgDt/DtTm", "ValDt/Dt", "ValDt/DtTm")
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        raise _unreadable("een boekdatum ontbreekt of klopt niet") from None


def _amount(element: Element | None) -> Decimal | None:
    if element is None or not element.text:
        return None
    if element.get("Ccy", "EUR") != "EUR":
        return None
    try:
        return parse_amount(element.text, decimal_comma=False)
    except ValueError:
        raise _unreadable("een bedrag klopt niet") from None


def _entry(entry: Element, account: str) -> list[BankTransaction]:
    status = _text(entry, "Sts/Cd", "Sts")
    if status and status != "BOOK":
        return []  # pending or informational entries are not on the books yet
    amount = _amount(_find(entry, "Amt"))
    if amount is None:
        return []  # a foreign currency: rent is paid in euros
    booked = _date(entry)
    debit = _text(entry, "CdtDbtInd") == "DBIT"
    family = _text(entry, "BkTxCd/Domn/Fmly/SubFmlyCd")
    entry_reversal = _text(entry, "RvslInd").lower() in ("true", "1") or (
        family in _REVERSAL_SUBFAMILIES
    )
    entry_ref = _text(entry, "AcctSvcrRef", "NtryRef")
    entry_info = _text(entry, "AddtlNtryInf")
    details = [tx for d in _children(entry, "NtryDtls") for tx in _children(d, "TxDtls")]
    if not details:
        return [
            _transaction(
                None, booked, amount, debit, account, entry_ref, entry_info, entry_reversal
            )
        ]
    result = []
    for tx in details:
        tx_amount = amount if len(details) == 1 else _amount(_find(tx, "AmtDtls/TxAmt/Amt"))
        if tx_amount is None:
            tx_amount = _amount(_find(tx, "Amt"))
        if tx_amount is None:
            continue
        tx_debit = _text(tx, "CdtDbtInd") == "DBIT" if _text(tx, "CdtDbtInd") else debit
        result.append(
            _transaction(
                tx, booked, tx_amount, tx_debit, account, entry_ref, entry_info, entry_reversal
            )
        )
    return result


def _party(tx: Element, role: str) -> tuple[str, str]:
    name = _text(tx, f"RltdPties/{role}/Nm", f"RltdPties/{role}/Pty/Nm")
    iban = compact_iban(_text(tx, f"RltdPties/{role}Acct/Id/IBAN"))
    return iban, name


def _transaction(
    tx: Element | None,
    booked: dt.date,
    amount: Decimal,
    debit: bool,
    account: str,
    entry_ref: str,
    entry_info: str,
    entry_reversal: bool,
) -> BankTransaction:
    signed = -abs(amount) if debit else abs(amount)
    if tx is None:
        return BankTransaction(
            booked=booked,
            amount=signed,
            account=account,
            counter_iban="",
            counter_name="",
            description=entry_info,
            bank_ref=entry_ref,
            reversal=debit and (entry_reversal or bool(REVERSAL_WORDS.search(entry_info))),
        )
    debtor, creditor = _party(tx, "Dbtr"), _party(tx, "Cdtr")
    # The other party is the one whose account is not ours; else the payer of a credit, the payee of a debit.
    if account and debtor[0] == account:
        counter = creditor
    elif account and creditor[0] == account:
        counter = debtor
    else:
        counter = creditor if debit else debtor
    remittance = [
        fold(u.text or "") for r in _children(tx, "RmtInf") for u in _children(r, "Ustrd")
    ]
    structured = _text(tx, "RmtInf/Strd/CdtrRefInf/Ref")
    description = " ".join(part for part in (*remittance, structured) if part)
    description = description or _text(tx, "AddtlTxInf") or entry_info
    returned = _find(tx, "RtrInf") is not None
    reversal = debit and (entry_reversal or returned or bool(REVERSAL_WORDS.search(description)))
    return BankTransaction(
        booked=booked,
        amount=signed,
        account=account,
        counter_iban=counter[0],
        counter_name=counter[1],
        description=description,
        bank_ref=_text(tx, "Refs/AcctSvcrRef") or entry_ref or _end_to_end(tx),
        reversal=reversal,
    )


def _end_to_end(tx: Element) -> str:
    reference = _text(tx, "Refs/EndToEndId")
    return "" if reference.upper() == "NOTPROVIDED" else reference
