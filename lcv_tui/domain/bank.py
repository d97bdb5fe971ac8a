"""Bank statements: which transaction is whose rent.

The parsers (``lcv_tui.exports.bank``) turn a statement file into :class:`BankTransaction` s; this
module decides, without reading files or the clock, what each one means for the vault:

- An incoming credit is *matched* to a tenant by the counter-party IBAN registered on that tenant
  (``Tenant.ibans``), or else by the tenant's klantnummer standing as a word in the description.
- A credit the app is less sure of (the payer's name looks like a tenant's surname, or the amount
  is a tenant's rent, or the IBAN or klantnummer points at two tenants) is only *suggested*: it is
  recorded only when the landlord confirms it. A transaction is never given to two tenants.
- A reversal (storno, returned direct debit) of an earlier incoming payment is matched the same way
  and recorded as a negative payment; every other debit is *ignored*.
- Every transaction has a stable identity (:func:`transaction_identities`) stored on the payment
  (``Payment.bank_ref``), so reading a statement twice, or two that overlap, counts it once.

Matching builds its indexes (by IBAN, by klantnummer, by surname word, by rent, by identity) once:
the work is linear in the size of the vault plus the size of the statement.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from lcv_tui.domain.models import Tenant, VaultData
from lcv_tui.domain.validation import format_date, format_money

ZERO = Decimal("0.00")
CENT = Decimal("0.01")

KLANTNUMMER_MIN_LENGTH = 3
"""A klantnummer shorter than this (``7``, ``12``) is not looked for in descriptions: it would be
found in every date and amount."""

AMOUNT_SUGGESTION_LIMIT = 3
"""An amount equal to the rent of more tenants than this says nothing: no suggestion by amount."""


@dataclass(frozen=True, slots=True)
class BankTransaction:
    """One line of a bank statement, as every format gives it."""

    booked: dt.date
    amount: Decimal  # signed: above zero money in (credit), below zero money out (debit)
    account: str  # our own account's IBAN, compact ("" when the file does not say)
    counter_iban: str  # the other party's IBAN, compact ("" for e.g. a cash deposit)
    counter_name: str
    description: str  # description / remittance information, white space folded
    bank_ref: str = ""  # the bank's own reference for the transaction, when the file has one
    reversal: bool = False  # a storno / returned payment, as the file marks it


@dataclass(frozen=True, slots=True)
class Statement:
    """What a statement file holds: its format's name (for messages) and its transactions."""

    format: str
    transactions: tuple[BankTransaction, ...]

    @property
    def accounts(self) -> list[str]:
        return sorted({t.account for t in self.transactions if t.account})

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        if not self.transactions:
            return None
        days = [t.booked for t in self.transactions]
        return min(days), max(days)


class LineKind(StrEnum):
    MATCHED = "matched"  # recorded on "Vastleggen"
    SUGGESTED = "suggested"  # recorded only when the landlord confirms a tenant
    UNMATCHED = "unmatched"  # listed; the landlord may assign a tenant
    ALREADY_READ = "already_read"  # recorded by an earlier import: never twice
    IGNORED = "ignored"  # a debit that is not a reversal, or a date in the future

    @property
    def label(self) -> str:
        return {
            "matched": "Gekoppeld",
            "suggested": "Voorstel",
            "unmatched": "Niet gekoppeld",
            "already_read": "Al ingelezen",
            "ignored": "Overgeslagen",
        }[self.value]


@dataclass(frozen=True, slots=True)
class BankLine:
    """One transaction and what the import will do with it."""

    transaction: BankTransaction
    identity: str
    kind: LineKind
    reason: str  # Dutch, for the preview: why this kind (no IBAN shown in full)
    tenant_id: str | None = None  # MATCHED: the tenant it is recorded for
    candidates: tuple[str, ...] = ()  # SUGGESTED: tenant ids to choose from, most likely first

    @property
    def incoming(self) -> bool:
        return self.transaction.amount > 0


@dataclass(frozen=True)
class BankPlan:
    """What reading a statement will do; nothing has changed yet."""

    format: str
    lines: tuple[BankLine, ...]

    def of_kind(self, kind: LineKind) -> list[BankLine]:
        return [line for line in self.lines if line.kind == kind]

    @property
    def matched(self) -> list[BankLine]:
        return self.of_kind(LineKind.MATCHED)

    @property
    def suggested(self) -> list[BankLine]:
        return self.of_kind(LineKind.SUGGESTED)

    @property
    def unmatched(self) -> list[BankLine]:
        return self.of_kind(LineKind.UNMATCHED)

    @property
    def already_read(self) -> list[BankLine]:
        return self.of_kind(LineKind.ALREADY_READ)

    @property
    def ignored(self) -> list[BankLine]:
        return self.of_kind(LineKind.IGNORED)

    @property
    def all_matched(self) -> bool:
        """Every incoming transaction (and every reversal) is matched or was read before."""
        return not self.suggested and not self.unmatched

    def counts(self) -> dict[str, int]:
        result = dict.fromkeys((kind.value for kind in LineKind), 0)
        for line in self.lines:
            result[line.kind.value] += 1
        return result


@dataclass(frozen=True)
class PayerGroup:
    """Waiting lines (suggested or unmatched) from one payer that point to the same tenants: one
    choice in the preview covers them all, so a year's statement asks once per payer instead of
    once per month. A line without a counter-party IBAN is a group of its own."""

    lines: tuple[BankLine, ...]

    @property
    def candidates(self) -> tuple[str, ...]:
        return self.lines[0].candidates

    @property
    def iban(self) -> str:
        return self.lines[0].transaction.counter_iban

    @property
    def total(self) -> Decimal:
        return sum((line.transaction.amount for line in self.lines), Decimal(0))


def payer_groups(lines: Iterable[BankLine]) -> list[PayerGroup]:
    """``lines`` grouped by payer (counter-party IBAN) and suggested tenants, in the order each
    group first appears. Lines from one IBAN that suggest different tenants (a parent paying the
    rent of two homes, each amount matching one) stay apart; lines without an IBAN stay single."""
    groups: dict[tuple[str, tuple[str, ...]], list[BankLine]] = {}
    for line in lines:
        iban = line.transaction.counter_iban
        key = (iban, line.candidates) if iban else ("", (line.identity,))
        groups.setdefault(key, []).append(line)
    return [PayerGroup(tuple(group)) for group in groups.values()]


@dataclass(frozen=True, slots=True)
class Assignment:
    """The landlord's choice for a suggested or unmatched line: its tenant, and whether the
    counter-party IBAN should be remembered on that tenant for next time."""

    identity: str
    tenant_id: str
    remember_iban: bool = False


@dataclass
class BankImportResult:
    payments: list[tuple[str, str]] = field(default_factory=list)  # (tenant id, payment id)
    reversals: int = 0
    ibans_remembered: list[str] = field(default_factory=list)  # tenant ids
    already_read: int = 0


# --- identity -----------------------------------------------------------------------------------


def _identity_key(transaction: BankTransaction) -> str:
    """What makes a transaction the same one in every format a bank exports it in: account, booking
    day, amount and the other party. Descriptions and references differ between CAMT, MT940 and
    CSV, so they are left out; equal transactions on one day are told apart by their order."""
    party = transaction.counter_iban or " ".join(transaction.counter_name.casefold().split())
    amount = str(
        transaction.amount.quantize(CENT)
    )  # MT940 may write "1040," where CSV has "1040,00"
    return "|".join((transaction.account, transaction.booked.isoformat(), amount, party))


def transaction_identities(transactions: Iterable[BankTransaction]) -> list[str]:
    """A stable identity per transaction: a digest of :func:`_identity_key` (no account number in
    the vault's payment records) and the transaction's rank among equal ones of that day.

    A statement covers whole booking days, so two statements that overlap hold the same equal
    transactions of a shared day in the same order: their identities agree.
    """
    seen: dict[str, int] = defaultdict(int)
    result = []
    for transaction in transactions:
        key = _identity_key(transaction)
        seen[key] += 1
        digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]
        result.append(f"bank:{digest}:{seen[key]}")
    return result


# --- indexes ------------------------------------------------------------------------------------

_WORD = re.compile(r"\w+(?:[-/.]\w+)*")
_MAX_PARTS = 8  # parts per stretch looked at: a klantnummer has a few, not dozens
_PARTICLES = frozenset(
    {"van", "de", "der", "den", "het", "'t", "t", "ten", "ter", "te", "in", "op", "la", "le", "du"}
)


def _words(text: str) -> set[str]:
    """Every word of ``text``, casefolded, so a klantnummer is found only as a whole word: in a run
    joined by ``-``, ``/`` or ``.`` (``huur/h-1001/nov``) every stretch of whole parts counts
    (``h-1001``, ``1001``, ``huur/h``…), never a part of a part (``h-10010`` holds no ``h-1001``)."""
    words: set[str] = set()
    for match in _WORD.finditer(text.casefold()):
        pieces = re.split(r"([-/.])", match.group())
        for start in range(0, len(pieces), 2):
            for end in range(start, min(len(pieces), start + 2 * _MAX_PARTS), 2):
                words.add("".join(pieces[start : end + 1]))
    return words


def _surname_words(tenant: Tenant) -> set[str]:
    return {
        word
        for word in re.findall(r"\w+", tenant.surname.casefold())
        if len(word) >= 3 and word not in _PARTICLES
    }


class _Index:
    """The vault's tenants by IBAN, klantnummer, surname word and rent; and every identity read before."""

    def __init__(self, data: VaultData) -> None:
        self.by_id: dict[str, Tenant] = {}
        self.by_iban: dict[str, list[str]] = defaultdict(list)
        self.by_klantnummer: dict[str, list[str]] = defaultdict(list)
        self.by_surname_word: dict[str, list[str]] = defaultdict(list)
        self.by_rent: dict[Decimal, list[str]] = defaultdict(list)
        self.read_before: set[str] = set()
        for tenant in data.tenants:
            self.by_id[tenant.id] = tenant
            for iban in tenant.ibans:
                self.by_iban[iban].append(tenant.id)
            number = tenant.klantnummer.casefold()
            if len(number) >= KLANTNUMMER_MIN_LENGTH:
                self.by_klantnummer[number].append(tenant.id)
            for word in _surname_words(tenant):
                self.by_surname_word[word].append(tenant.id)
            self.by_rent[tenant.rent].append(tenant.id)
            self.read_before.update(bank_refs_read(tenant))

    def by_description(self, text: str) -> list[str]:
        found: list[str] = []
        for word in _words(text):
            for tenant_id in self.by_klantnummer.get(word, ()):
                if tenant_id not in found:
                    found.append(tenant_id)
        return found

    def by_name(self, name: str) -> list[str]:
        found: list[str] = []
        for word in re.findall(r"\w+", name.casefold()):
            for tenant_id in self.by_surname_word.get(word, ()):
                if tenant_id not in found:
                    found.append(tenant_id)
        return found


# --- planning -----------------------------------------------------------------------------------


def _masked(iban: str) -> str:
    """``NL91ABNA0417164300`` → ``NL91…4300``: enough to recognise, not the whole number."""
    return f"{iban[:4]}…{iban[-4:]}" if len(iban) > 8 else iban


def _klantnummers(index: _Index, tenant_ids: Sequence[str]) -> str:
    return ", ".join(index.by_id[t].klantnummer or index.by_id[t].surname for t in tenant_ids)


def _sure_match(index: _Index, transaction: BankTransaction) -> tuple[str | None, list[str], str]:
    """``(tenant id, [], reason)`` for a certain match, ``(None, candidates, reason)`` otherwise:
    first the counter-party IBAN, then the klantnummer in the description."""
    if transaction.counter_iban:
        owners = index.by_iban.get(transaction.counter_iban, [])
        if len(owners) == 1:
            return owners[0], [], f"IBAN {_masked(transaction.counter_iban)} hoort bij deze huurder"
        if len(owners) > 1:
            return (
                None,
                list(owners),
                f"IBAN {_masked(transaction.counter_iban)} staat bij {len(owners)} huurders "
                f"({_klantnummers(index, owners)}): kies er één",
            )
    named = index.by_description(transaction.description)
    if len(named) == 1:
        return named[0], [], f"klantnummer {index.by_id[named[0]].klantnummer} in de omschrijving"
    if len(named) > 1:
        return (
            None,
            named,
            f"de omschrijving noemt {len(named)} klantnummers ({_klantnummers(index, named)}): kies er één",
        )
    return None, [], ""


def _guesses(index: _Index, transaction: BankTransaction) -> tuple[list[str], str]:
    """Tenants a credit might belong to by name or amount: only ever a suggestion."""
    by_name = index.by_name(transaction.counter_name)
    by_amount = index.by_rent.get(abs(transaction.amount), [])
    if len(by_amount) > AMOUNT_SUGGESTION_LIMIT:
        by_amount = []
    both = [t for t in by_name if t in by_amount]
    if both:
        return both + [t for t in by_name if t not in both], "naam en bedrag lijken te kloppen"
    if by_name:
        return by_name, "de naam van de betaler lijkt op die van de huurder"
    if by_amount:
        return list(by_amount), "het bedrag is gelijk aan de huur"
    return [], ""


def plan_bank_import(data: VaultData, statement: Statement, *, today: dt.date) -> BankPlan:
    """What reading ``statement`` into ``data`` would do, line by line (nothing changes here)."""
    index = _Index(data)
    transactions = statement.transactions
    identities = transaction_identities(transactions)
    # Credits matched in this statement, by tenant: a storno may reverse one of them. Planned in
    # booking order for that reason; the plan keeps the file's order.
    planned_credits: dict[str, list[tuple[dt.date, Decimal]]] = defaultdict(list)
    planned: dict[int, BankLine] = {}
    for i in sorted(range(len(transactions)), key=lambda i: transactions[i].booked):
        transaction, identity = transactions[i], identities[i]
        planned[i] = line = _plan_line(index, transaction, identity, today, planned_credits)
        if line.kind == LineKind.MATCHED and line.tenant_id and transaction.amount > 0:
            planned_credits[line.tenant_id].append((transaction.booked, transaction.amount))
    return BankPlan(
        format=statement.format, lines=tuple(planned[i] for i in range(len(transactions)))
    )


def _plan_line(
    index: _Index,
    transaction: BankTransaction,
    identity: str,
    today: dt.date,
    planned_credits: dict[str, list[tuple[dt.date, Decimal]]],
) -> BankLine:
    if identity in index.read_before:
        return BankLine(transaction, identity, LineKind.ALREADY_READ, "eerder ingelezen")
    if transaction.booked > today:
        return BankLine(
            transaction,
            identity,
            LineKind.IGNORED,
            f"boekdatum {format_date(transaction.booked)} ligt in de toekomst",
        )
    if transaction.amount < 0 and not transaction.reversal:
        return BankLine(transaction, identity, LineKind.IGNORED, "uitgaande betaling")
    tenant_id, candidates, reason = _sure_match(index, transaction)
    if transaction.amount < 0:
        return _plan_reversal(index, transaction, identity, tenant_id, reason, planned_credits)
    if tenant_id is not None:
        return BankLine(transaction, identity, LineKind.MATCHED, reason, tenant_id=tenant_id)
    if candidates:
        return BankLine(
            transaction, identity, LineKind.SUGGESTED, reason, candidates=tuple(candidates)
        )
    guessed, why = _guesses(index, transaction)
    if guessed:
        return BankLine(transaction, identity, LineKind.SUGGESTED, why, candidates=tuple(guessed))
    return BankLine(
        transaction, identity, LineKind.UNMATCHED, "geen huurder met dit IBAN of klantnummer"
    )


def _paid_before(
    tenant: Tenant, on: dt.date, planned: dict[str, list[tuple[dt.date, Decimal]]]
) -> Decimal:
    total = sum((p.amount for p in tenant.payments if p.on <= on), ZERO)
    return total + sum((amount for day, amount in planned.get(tenant.id, ()) if day <= on), ZERO)


def _plan_reversal(
    index: _Index,
    transaction: BankTransaction,
    identity: str,
    tenant_id: str | None,
    reason: str,
    planned: dict[str, list[tuple[dt.date, Decimal]]],
) -> BankLine:
    """A storno counts only against a payment that was there to reverse; otherwise the landlord looks."""
    if tenant_id is None:
        return BankLine(
            transaction,
            identity,
            LineKind.UNMATCHED,
            "storno (terugboeking) zonder herkende huurder: kies zo nodig zelf de huurder",
        )
    tenant = index.by_id[tenant_id]
    if _paid_before(tenant, transaction.booked, planned) < -transaction.amount:
        return BankLine(
            transaction,
            identity,
            LineKind.UNMATCHED,
            "storno (terugboeking), maar deze huurder heeft geen eerdere betaling om terug te boeken: "
            "controleer het en kies zo nodig zelf de huurder",
        )
    return BankLine(
        transaction, identity, LineKind.MATCHED, f"storno; {reason}", tenant_id=tenant_id
    )


# --- presenting -------------------------------------------------------------------------------


def describe(line: BankLine) -> str:
    """One line of Dutch for a preview: date, amount, payer and description."""
    t = line.transaction
    party = t.counter_name or (_masked(t.counter_iban) if t.counter_iban else "onbekende betaler")
    text = f"{format_date(t.booked)}  {format_money(t.amount):>12}  {party}"
    if t.description:
        text += f" · {t.description[:60]}"
    return text


def describe_group(group: PayerGroup) -> str:
    """Dutch summary of a payer's waiting lines for a preview: who, how many, how much, when."""
    if len(group.lines) == 1:
        return describe(group.lines[0])
    t = group.lines[0].transaction
    party = t.counter_name or (_masked(t.counter_iban) if t.counter_iban else "onbekende betaler")
    days = [line.transaction.booked for line in group.lines]
    return (
        f"{party}: {len(group.lines)} transacties, samen {format_money(group.total)}, "
        f"{format_date(min(days))} t/m {format_date(max(days))}"
    )


def bank_refs_read(tenant: Tenant) -> set[str]:
    """Identities of the bank transactions already read for ``tenant``, including payments that
    were voided or corrected since (kept in ``tenant.corrections``): a voided transaction read
    again must not come back."""
    refs = {payment.bank_ref for payment in tenant.payments if payment.bank_ref}
    refs.update(
        c.payment.bank_ref
        for c in tenant.corrections
        if c.payment is not None and c.payment.bank_ref
    )
    return refs
