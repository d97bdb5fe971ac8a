"""Import tenants and payments from the landlord's own CSV or XLSX file.

Two steps, so nothing changes before the landlord has seen what will happen:

1. ``plan_tenants(path, data)`` / ``plan_payments(path, data, today=...)`` read the file, recognise
   the columns (Dutch or English titles, or an explicit :class:`ColumnMapping`), parse every row
   and return an :class:`ImportPlan`: the rows that will be added, row-level errors in Dutch with
   the spreadsheet row number, and duplicates (same klantnummer, or same postcode + house number
   + addition; for payments the same tenant, date and amount) within the file and against the
   data already in the vault. Duplicates are reported and never added twice.
2. ``apply_import(data, plan, now=...)`` adds them through ``domain.actions`` (each with its audit
   entry), all or nothing: it refuses when the plan has errors unless ``skip_bad``, and undoes
   everything it did when anything fails half-way.

The mapping that was used is in ``plan.mapping``; the caller may remember it in
``VaultData.import_mappings[plan.kind]`` and pass it again next time.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from lcv_tui.domain import validation
from lcv_tui.domain.errors import field_errors
from lcv_tui.domain.models import Tenant, VaultData, onboarding_field
from lcv_tui.domain.municipalities import canonical as canonical_gemeente
from lcv_tui.domain.municipalities import unknown_message
from lcv_tui.exports import sheets
from lcv_tui.exports.files import ExportError

TENANTS = "tenants"
PAYMENTS = "payments"

# field → (Dutch label for messages, recognised titles). Titles are compared after folding case,
# accents and punctuation, so "E-mail", "e_mail" and "EMAIL" are the same.
TENANT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "klantnummer": (
        "Klantnummer",
        (
            "klantnummer",
            "klantnr",
            "klant nummer",
            "huurdernummer",
            "huurder nummer",
            "referentie",
            "ref",
            "reference",
            "customer number",
            "customer id",
            "customer",
            "tenant id",
            "tenant number",
            "id",
        ),
    ),
    "surname": (
        "Achternaam",
        (
            "achternaam",
            "naam",
            "familienaam",
            "surname",
            "last name",
            "lastname",
            "family name",
            "name",
        ),
    ),
    "initials": ("Voorletters", ("voorletters", "initialen", "initials", "voorl")),
    "street": ("Straat", ("straat", "straatnaam", "street", "street name")),
    "house_number": (
        "Huisnummer",
        (
            "huisnummer",
            "huisnr",
            "nr",
            "nummer",
            "house number",
            "housenumber",
            "house no",
            "number",
            "no",
        ),
    ),
    "addition": (
        "Toevoeging",
        (
            "toevoeging",
            "huisnummer toevoeging",
            "huisnummertoevoeging",
            "huisletter",
            "addition",
            "house number addition",
            "suffix",
            "apartment",
            "apt",
        ),
    ),
    "postcode": (
        "Postcode",
        ("postcode", "post code", "zip", "zipcode", "zip code", "postal code", "postalcode"),
    ),
    "town": ("Woonplaats", ("woonplaats", "plaats", "stad", "town", "city", "place")),
    "gemeente": ("Gemeente", ("gemeente", "municipality", "municipal", "council")),
    "phone1": (
        "Telefoon",
        (
            "telefoon",
            "telefoonnummer",
            "telefoon 1",
            "telefoonnummer 1",
            "tel",
            "mobiel",
            "mobiel nummer",
            "gsm",
            "phone",
            "phone 1",
            "telephone",
            "mobile",
            "phone number",
            "mobile number",
            "cell",
        ),
    ),
    "phone2": (
        "Telefoon 2",
        ("telefoon 2", "telefoonnummer 2", "tel 2", "phone 2", "telephone 2", "mobile 2"),
    ),
    "phone3": (
        "Telefoon 3",
        ("telefoon 3", "telefoonnummer 3", "tel 3", "phone 3", "telephone 3", "mobile 3"),
    ),
    "email": (
        "E-mail",
        (
            "e mail",
            "email",
            "e mailadres",
            "emailadres",
            "mail",
            "mailadres",
            "email address",
            "e mail address",
        ),
    ),
    "ibans": (
        "IBAN",
        (
            "iban",
            "ibans",
            "iban betaler",
            "iban huurder",
            "rekeningnummer",
            "bankrekening",
            "bankrekeningnummer",
            "tegenrekening",
            "bank account",
            "account number",
        ),
    ),
    "rent": (
        "Huur",
        (
            "huur",
            "kale huur",
            "huurprijs",
            "maandhuur",
            "huur per maand",
            "huurbedrag",
            "rent",
            "monthly rent",
            "rent amount",
            "base rent",
        ),
    ),
    "due_day": (
        "Vervaldag",
        (
            "vervaldag",
            "betaaldag",
            "vervaldatum dag",
            "dag",
            "due day",
            "due",
            "payment day",
            "day of month",
        ),
    ),
    "tenancy_start": (
        "Ingangsdatum",
        (
            "ingangsdatum",
            "startdatum",
            "begindatum",
            "ingang",
            "ingang huur",
            "huur vanaf",
            "start",
            "start date",
            "tenancy start",
            "lease start",
            "move in",
            "move in date",
        ),
    ),
    "tenancy_end": (
        "Einddatum",
        (
            "einddatum",
            "huur tot",
            "eind",
            "end date",
            "tenancy end",
            "lease end",
            "move out",
            "move out date",
        ),
    ),
    "paid_through": (
        "Betaald t/m",
        (
            "betaald t m",
            "betaald tm",
            "betaald tot en met",
            "betaald tot",
            "betaald",
            "paid through",
            "paid until",
            "paid up to",
        ),
    ),
    "opening_arrears": (
        "Openstaand bedrag",
        (
            "openstaand bedrag",
            "openstaand",
            "achterstand",
            "huurachterstand",
            "opening arrears",
            "arrears",
            "balance due",
        ),
    ),
    "opening_arrears_due": (
        "Openstaand sinds",
        (
            "openstaand sinds",
            "achterstand sinds",
            "openstaand vanaf",
            "arrears since",
            "opening arrears due",
        ),
    ),
}
TENANT_REQUIRED = ("surname", "house_number", "postcode", "gemeente", "rent", "tenancy_start")

PAYMENT_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "on": (
        "Datum",
        (
            "datum",
            "betaaldatum",
            "boekdatum",
            "valutadatum",
            "date",
            "payment date",
            "paid on",
            "booking date",
        ),
    ),
    "amount": (
        "Bedrag",
        ("bedrag", "betaald", "betaling", "ontvangen", "amount", "paid", "payment", "sum"),
    ),
    "klantnummer": TENANT_FIELDS["klantnummer"],
    "postcode": TENANT_FIELDS["postcode"],
    "house_number": TENANT_FIELDS["house_number"],
    "addition": TENANT_FIELDS["addition"],
    "note": (
        "Omschrijving",
        (
            "omschrijving",
            "opmerking",
            "notitie",
            "kenmerk",
            "mededeling",
            "note",
            "notes",
            "description",
            "memo",
            "reference text",
        ),
    ),
}
PAYMENT_REQUIRED = ("on", "amount")


def _fold(title: Any) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", str(title if title is not None else ""))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text)
    return " ".join(text.split())


@dataclass
class ColumnMapping:
    """Which column title of the file holds which field (``{"surname": "Achternaam", …}``)."""

    kind: str
    columns: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, str]:
        return dict(self.columns)

    @classmethod
    def from_dict(cls, kind: str, columns: dict[str, str] | None) -> ColumnMapping:
        return cls(kind, dict(columns or {}))


@dataclass(frozen=True)
class RowIssue:
    row: int  # spreadsheet row (header = 1)
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"Regel {self.row}" + (f", kolom '{self.column}'" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class PlannedRow:
    row: int
    values: dict[str, Any]  # tenants: Tenant fields; payments: tenant_id, on, amount, note


@dataclass
class ImportPlan:
    kind: str
    mapping: ColumnMapping
    rows: list[PlannedRow] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    duplicates: list[RowIssue] = field(default_factory=list)
    unused_columns: list[str] = field(default_factory=list)
    total_rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> set[int]:
        return {e.row for e in self.errors}


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped_bad: int
    duplicates: int


class ImportRefused(ExportError):
    """``apply_import`` will not run: the plan has errors (and ``skip_bad`` was not given)."""


# --- reading the file ------------------------------------------------------------------------


def read_table(path: str | os.PathLike[str]) -> list[list[Any]]:
    """The first sheet (XLSX) or the rows (CSV) as lists of raw values; header first."""
    data = sheets.read_limited(path)
    if sheets.is_xlsx(data, path):
        return _read_xlsx(data)
    return _read_csv(data)


def _read_csv(data: bytes) -> list[list[Any]]:
    from lcv_tui.exports.encodings import unsure_encoding_message

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Windows-1252 or Mac Roman: the bytes do not say which, and a wrong guess changes names.
        raise ExportError(unsure_encoding_message(data)) from None
    first = text.splitlines()[0] if text.strip() else ""
    delimiter = max((";", ",", "\t"), key=first.count)
    return list(sheets.csv_rows(text, delimiter))


def _read_xlsx(data: bytes) -> list[list[Any]]:
    """Every row of the first sheet, whatever its ``<dimension>`` declares (see ``sheets``)."""
    cells, _titles = sheets.xlsx_cells(data, data_only=True)
    return [[value for value, _kind in row] for row in cells]


def detect_mapping(
    kind: str, header: list[Any], given: ColumnMapping | dict[str, str] | None = None
) -> tuple[ColumnMapping, list[str]]:
    """Recognise the columns; an explicit mapping wins. Returns the mapping and problems (Dutch)."""
    fields = TENANT_FIELDS if kind == TENANTS else PAYMENT_FIELDS
    titles = [str(h).strip() if h is not None else "" for h in header]
    problems: list[str] = []
    columns: dict[str, str] = {}
    if given:
        wanted = given.columns if isinstance(given, ColumnMapping) else dict(given)
        for name, title in wanted.items():
            if name not in fields:
                problems.append(f"Onbekend veld '{name}' in de kolomindeling.")
            elif title not in titles:
                problems.append(
                    f"Kolom '{title}' (voor {fields[name][0]}) staat niet in het bestand: kies de kolom opnieuw."
                )
            else:
                columns[name] = title
    taken = set(columns.values())
    folded = {_fold(t): t for t in titles if t}
    # exact synonym matches first (most specific synonym lists win), then nothing else: a wrong
    # guess is worse than asking
    for name, (_, synonyms) in sorted(fields.items(), key=lambda item: item[0] in ("phone1",)):
        if name in columns:
            continue
        for synonym in synonyms:
            found = folded.get(_fold(synonym))
            if found is not None and found not in taken:
                columns[name] = found
                taken.add(found)
                break
    return ColumnMapping(kind, columns), problems


# --- parsing values --------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    return str(value).strip()


def _date(value: Any) -> dt.date:
    if isinstance(value, (dt.date, dt.datetime)):
        return validation.parse_date(value)
    if isinstance(value, (int, float)) and 20000 < value < 80000:  # an Excel date serial number
        from openpyxl.utils.datetime import from_excel

        return validation.parse_date(from_excel(value))
    return validation.parse_date(_text(value))


def _amount(value: Any) -> Decimal:
    if isinstance(value, float):
        value = Decimal(repr(value))
    return validation.parse_amount(value if not isinstance(value, str) else value.strip())


# --- planning --------------------------------------------------------------------------------


def _rows_with_numbers(table: list[list[Any]]) -> list[tuple[int, list[Any]]]:
    result = []
    for index, row in enumerate(table[1:], start=2):
        if any(_text(v) for v in row):
            result.append((index, row))
    return result


def _start_plan(
    kind: str,
    table: list[list[Any]],
    mapping: ColumnMapping | dict[str, str] | None,
    required: tuple[str, ...],
) -> tuple[ImportPlan, dict[str, int]]:
    if not table or not any(_text(v) for v in table[0]):
        raise ExportError(
            "Het bestand is leeg of de eerste regel heeft geen kolomtitels: zet de titels "
            "(zoals Achternaam, Postcode) op de eerste regel."
        )
    header = table[0]
    found, problems = detect_mapping(kind, header, mapping)
    plan = ImportPlan(kind=kind, mapping=found)
    fields = TENANT_FIELDS if kind == TENANTS else PAYMENT_FIELDS
    for problem in problems:
        plan.errors.append(RowIssue(1, None, problem))
    missing = [fields[name][0] for name in required if name not in found.columns]
    if (
        kind == PAYMENTS
        and "klantnummer" not in found.columns
        and not {"postcode", "house_number"} <= set(found.columns)
    ):
        missing.append("Klantnummer (of Postcode en Huisnummer)")
    for label in missing:
        plan.errors.append(
            RowIssue(
                1,
                label,
                "Kolom niet gevonden: geef de kolom deze titel, of kies bij het inlezen welke kolom het is.",
            )
        )
    titles = [str(h).strip() if h is not None else "" for h in header]
    positions = {name: titles.index(title) for name, title in found.columns.items()}
    plan.unused_columns = [t for t in titles if t and t not in found.columns.values()]
    return plan, positions


def _cell(row: list[Any], positions: dict[str, int], name: str) -> Any:
    index = positions.get(name)
    if index is None or index >= len(row):
        return None
    return row[index]


def _address_key(postcode: str, house_number: Any, addition: str) -> tuple[str, str, str]:
    return (postcode, str(house_number), (addition or "").casefold())


def plan_tenants(
    path: str | os.PathLike[str],
    data: VaultData,
    *,
    mapping: ColumnMapping | dict[str, str] | None = None,
) -> ImportPlan:
    return plan_tenants_table(read_table(path), data, mapping=mapping)


def plan_tenants_table(
    table: list[list[Any]],
    data: VaultData,
    *,
    mapping: ColumnMapping | dict[str, str] | None = None,
) -> ImportPlan:
    plan, positions = _start_plan(TENANTS, table, mapping, TENANT_REQUIRED)
    if plan.errors and any(e.row == 1 for e in plan.errors):
        plan.total_rows = len(_rows_with_numbers(table))
        return plan
    labels = {name: TENANT_FIELDS[name][0] for name in TENANT_FIELDS}
    existing_ref = {t.klantnummer.casefold(): t for t in data.tenants if t.klantnummer}
    existing_addr = {_address_key(t.postcode, t.house_number, t.addition): t for t in data.tenants}
    seen_ref: dict[str, int] = {}
    seen_addr: dict[tuple[str, str, str], int] = {}
    for row_no, row in _rows_with_numbers(table):
        plan.total_rows += 1
        errors: list[RowIssue] = []
        values: dict[str, Any] = {}
        for name in (
            "klantnummer",
            "surname",
            "initials",
            "street",
            "addition",
            "postcode",
            "town",
            "email",
        ):
            if name in positions:
                values[name] = _text(_cell(row, positions, name))
        if "house_number" in positions:
            values["house_number"] = _text(_cell(row, positions, "house_number"))
        phones = [
            _text(_cell(row, positions, p))
            for p in ("phone1", "phone2", "phone3")
            if p in positions
        ]
        values["phones"] = [p for p in phones if p]
        if "ibans" in positions:
            # one cell, several IBANs separated by commas; Tenant checks and normalises them
            values["ibans"] = [_text(_cell(row, positions, "ibans"))]
        gemeente = _text(_cell(row, positions, "gemeente"))
        if gemeente:
            official = canonical_gemeente(gemeente)
            if official is None:
                errors.append(RowIssue(row_no, labels["gemeente"], unknown_message(gemeente)))
            values["gemeente"] = official or gemeente
        else:
            values["gemeente"] = ""
        for name, parse in (
            ("rent", _amount),
            ("tenancy_start", _date),
            ("tenancy_end", _date),
            ("paid_through", _date),
            ("opening_arrears", _amount),
            ("opening_arrears_due", _date),
        ):
            raw = _cell(row, positions, name)
            if _text(raw) == "":
                continue
            try:
                values[name] = parse(raw)
            except ValueError as exc:
                errors.append(RowIssue(row_no, labels[name], str(exc)))
        raw_day = _text(_cell(row, positions, "due_day"))
        if raw_day:
            day = re.sub(r"^(\d+)\s*(e|ste|de|st|nd|rd|th)?$", r"\1", raw_day.casefold())
            if not (day.isascii() and day.isdigit() and len(day) <= 2 and 1 <= int(day) <= 28):
                errors.append(
                    RowIssue(
                        row_no,
                        labels["due_day"],
                        f"'{raw_day[:20]}' is geen geldige vervaldag: gebruik een dag van 1 tot en met 28.",
                    )
                )
            else:
                values["due_day"] = int(day)
        if not errors:
            try:
                tenant = Tenant.model_validate(values)
            except ValidationError as exc:
                for name, message in field_errors(exc).items():
                    if not name:  # a check across fields: the onboarding ones name their column
                        name = onboarding_field(message)
                    column = labels.get("phone1" if name == "phones" else name) if name else None
                    errors.append(RowIssue(row_no, column, message))
            else:
                ref = tenant.klantnummer.casefold()
                addr = _address_key(tenant.postcode, tenant.house_number, tenant.addition)
                if ref and ref in existing_ref:
                    plan.duplicates.append(
                        RowIssue(
                            row_no,
                            labels["klantnummer"],
                            f"Klantnummer {tenant.klantnummer} bestaat al (huurder "
                            f"{existing_ref[ref].display_name}): niet opnieuw toegevoegd.",
                        )
                    )
                    continue
                if addr in existing_addr:
                    plan.duplicates.append(
                        RowIssue(
                            row_no,
                            labels["postcode"],
                            f"Op dit adres staat al een huurder "
                            f"({existing_addr[addr].display_name}): niet opnieuw "
                            f"toegevoegd.",
                        )
                    )
                    continue
                if ref and ref in seen_ref:
                    plan.duplicates.append(
                        RowIssue(
                            row_no,
                            labels["klantnummer"],
                            f"Zelfde klantnummer als regel {seen_ref[ref]}: alleen regel "
                            f"{seen_ref[ref]} wordt ingelezen.",
                        )
                    )
                    continue
                if addr in seen_addr:
                    plan.duplicates.append(
                        RowIssue(
                            row_no,
                            labels["postcode"],
                            f"Zelfde adres als regel {seen_addr[addr]}: alleen regel "
                            f"{seen_addr[addr]} wordt ingelezen.",
                        )
                    )
                    continue
                if ref:
                    seen_ref[ref] = row_no
                seen_addr[addr] = row_no
                plan.rows.append(
                    PlannedRow(
                        row_no,
                        tenant.model_dump(exclude={"id", "payments", "adjustments", "events"}),
                    )
                )
                continue
        plan.errors.extend(errors)
    return plan


def plan_payments(
    path: str | os.PathLike[str],
    data: VaultData,
    *,
    today: dt.date,
    mapping: ColumnMapping | dict[str, str] | None = None,
) -> ImportPlan:
    return plan_payments_table(read_table(path), data, today=today, mapping=mapping)


def plan_payments_table(
    table: list[list[Any]],
    data: VaultData,
    *,
    today: dt.date,
    mapping: ColumnMapping | dict[str, str] | None = None,
) -> ImportPlan:
    plan, positions = _start_plan(PAYMENTS, table, mapping, PAYMENT_REQUIRED)
    if plan.errors and any(e.row == 1 for e in plan.errors):
        plan.total_rows = len(_rows_with_numbers(table))
        return plan
    labels = {name: PAYMENT_FIELDS[name][0] for name in PAYMENT_FIELDS}
    by_ref = {t.klantnummer.casefold(): t for t in data.tenants if t.klantnummer}
    by_addr = {_address_key(t.postcode, t.house_number, t.addition): t for t in data.tenants}
    existing = {(t.id, p.on, p.amount) for t in data.tenants for p in t.payments}
    seen: dict[tuple[str, dt.date, Decimal], int] = {}
    for row_no, row in _rows_with_numbers(table):
        plan.total_rows += 1
        errors: list[RowIssue] = []
        on = amount = tenant = None
        try:
            on = _date(_cell(row, positions, "on"))
            if on > today:
                errors.append(
                    RowIssue(
                        row_no,
                        labels["on"],
                        f"De datum {validation.format_date(on)} ligt in de toekomst: lees "
                        f"alleen ontvangen betalingen in.",
                    )
                )
        except ValueError as exc:
            errors.append(RowIssue(row_no, labels["on"], str(exc)))
        try:
            amount = _amount(_cell(row, positions, "amount"))
            if amount <= 0:
                errors.append(
                    RowIssue(
                        row_no,
                        labels["amount"],
                        "Een betaling moet groter zijn dan € 0,00; een terugboeking legt u vast als correctie.",
                    )
                )
        except ValueError as exc:
            errors.append(RowIssue(row_no, labels["amount"], str(exc)))
        ref = _text(_cell(row, positions, "klantnummer"))
        if ref:
            tenant = by_ref.get(ref.casefold())
            if tenant is None:
                errors.append(
                    RowIssue(
                        row_no,
                        labels["klantnummer"],
                        f"Geen huurder met klantnummer {ref}: controleer het nummer of voeg de huurder eerst toe.",
                    )
                )
        else:
            try:
                postcode = validation.normalise_postcode(_text(_cell(row, positions, "postcode")))
                number = validation.parse_house_number(_text(_cell(row, positions, "house_number")))
            except ValueError as exc:
                errors.append(
                    RowIssue(
                        row_no, labels["postcode"], f"Geen klantnummer en geen geldig adres: {exc}"
                    )
                )
            else:
                addition = _text(_cell(row, positions, "addition"))
                tenant = by_addr.get(_address_key(postcode, number, addition))
                if tenant is None:
                    errors.append(
                        RowIssue(
                            row_no,
                            labels["postcode"],
                            f"Geen huurder op {postcode} "
                            f"{number}{(' ' + addition) if addition else ''}: controleer "
                            f"het adres of vul het klantnummer in.",
                        )
                    )
        note = _text(_cell(row, positions, "note"))[:200]
        if errors:
            plan.errors.extend(errors)
            continue
        assert tenant is not None and on is not None and amount is not None  # no errors: all found
        key = (tenant.id, on, amount)
        if key in existing:
            plan.duplicates.append(
                RowIssue(
                    row_no,
                    None,
                    f"Deze betaling ({validation.format_money(amount)} op "
                    f"{validation.format_date(on)}) staat al bij {tenant.display_name}: "
                    f"niet opnieuw toegevoegd.",
                )
            )
            continue
        if key in seen:
            plan.duplicates.append(
                RowIssue(
                    row_no,
                    None,
                    f"Zelfde betaling als regel {seen[key]} (huurder, datum en bedrag): "
                    f"alleen regel {seen[key]} wordt ingelezen. Was het echt twee keer "
                    f"betaald? Voeg de tweede dan met de hand toe.",
                )
            )
            continue
        seen[key] = row_no
        plan.rows.append(
            PlannedRow(row_no, {"tenant_id": tenant.id, "on": on, "amount": amount, "note": note})
        )
    return plan


# --- applying --------------------------------------------------------------------------------


def apply_import(
    data: VaultData,
    plan: ImportPlan,
    *,
    now: dt.datetime,
    skip_bad: bool = False,
    actor: str = "import",
) -> ImportResult:
    """Add the planned rows to ``data`` through ``domain.actions``; all or nothing.

    Refuses (``ImportRefused``) when the plan has errors, unless ``skip_bad``: then the rows with
    errors are left out and the rest is added. If adding fails half-way, ``data`` is restored to
    what it was.
    """
    from lcv_tui.domain import actions

    header_errors = [e for e in plan.errors if e.row == 1]
    if header_errors:
        raise ImportRefused(
            "De kolommen van het bestand zijn niet herkend: "
            + "; ".join(str(e) for e in header_errors)
        )
    if plan.errors and not skip_bad:
        raise ImportRefused(
            f"Niets ingelezen: {len(plan.bad_rows)} regel(s) met fouten. Verbeter het bestand, "
            "of kies er uitdrukkelijk voor om alleen de goede regels in te lezen."
        )
    tenants_before = list(data.tenants)
    payments_before = {t.id: len(t.payments) for t in data.tenants}
    audit_before = len(data.audit)
    try:  # in bulk: the vault is indexed once, so an import is linear in its size (issue 12)
        if plan.kind == TENANTS:
            actions.add_tenants(
                data, (dict(planned.values) for planned in plan.rows), now=now, actor=actor
            )
        else:
            actions.record_payments(
                data,
                (
                    (p.values["tenant_id"], p.values["on"], p.values["amount"], p.values["note"])
                    for p in plan.rows
                ),
                now=now,
                actor=actor,
            )
    except (ValueError, ValidationError) as exc:
        data.tenants[:] = tenants_before
        for tenant in data.tenants:
            del tenant.payments[payments_before.get(tenant.id, 0) :]
        data.audit.truncate(audit_before)
        message = (
            field_errors(exc).get("", str(exc)) if isinstance(exc, ValidationError) else str(exc)
        )
        raise ImportRefused(f"Niets ingelezen: {message}") from None
    return ImportResult(
        added=len(plan.rows), skipped_bad=len(plan.bad_rows), duplicates=len(plan.duplicates)
    )
