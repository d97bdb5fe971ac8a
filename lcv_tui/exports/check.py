"""Check an upload file (CSV or XLSX) before it goes to the meldpunt.

Any file can be checked, also one made by hand or by another program: the layout comes from the
profile, every problem names its row (as the spreadsheet numbers it: the header is row 1) and its
column, in Dutch, with what to do. ``ok`` is True only when the file is fit to upload. Warnings
(``warnings``) do not block the upload but deserve a look.
"""

from __future__ import annotations

import difflib
import io
import os
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from lcv_tui.domain import validation
from lcv_tui.exports import sheets
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.profiles import (
    FORBIDDEN_HEADERS,
    INTEGER,
    MONEY,
    RIS_2021,
    WITHDRAWAL_2021,
    Column,
    Profile,
)
from lcv_tui.exports.upload import starts_with_trigger

_DELIMITERS = {";": "puntkomma (;)", ",": "komma (,)", "\t": "tab"}
_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")
_CONTROL = re.compile("[\x00-\x1f\x7f]")
_FORBIDDEN_PARTS = ("bsn", "burgerservice", "geboorte", "birth", "iban", "sofi", "paspoort")


@dataclass(frozen=True)
class Problem:
    row: int | None  # spreadsheet row (header = 1); None for the whole file
    column: str | None  # column title (or letter when the title is missing)
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"regel {self.row}")
        if self.column:
            where.append(f"kolom '{self.column}'")
        if not where:
            return self.message
        prefix = ", ".join(where)
        return f"{prefix[0].upper()}{prefix[1:]}: {self.message}"


@dataclass
class CheckReport:
    problems: list[Problem] = field(default_factory=list)
    rows: int = 0  # data rows (without the header)
    warnings: list[Problem] = field(default_factory=list)
    fmt: str = ""
    encoding: str = ""
    delimiter: str = ""
    profile: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        if self.ok:
            return f"Het bestand is in orde: {self.rows} regel(s), klaar om te uploaden."
        return f"{len(self.problems)} probleem/problemen gevonden: los ze op en controleer opnieuw vóór het uploaden."


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    letter: str = get_column_letter(index + 1)  # openpyxl ships no type hints
    return letter


def check_file(path: str | os.PathLike[str], profile: Profile = RIS_2021) -> CheckReport:
    """Check the CSV or XLSX file at ``path`` against ``profile``. Raises ``ExportError`` only when
    the file cannot be read at all (or is beyond ``sheets``' limits)."""
    data = sheets.read_limited(path)
    if sheets.is_xlsx(data, path):
        return check_xlsx_bytes(data, profile)
    return check_csv_bytes(data, profile)


def guess_profile(path: str | os.PathLike[str]) -> Profile:
    """The withdrawal layout when the first row looks like it (Klantnummer, no Achternaam), else RIS."""
    data = sheets.read_limited(path)
    if data[:4] == b"PK\x03\x04" or str(path).lower().endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True)
            first = next(workbook.worksheets[0].iter_rows(max_row=1, values_only=True), ())
            workbook.close()
        except Exception:  # unreadable: check_file reports it
            return RIS_2021
        titles = {str(v).strip().casefold() for v in first if v is not None}
    else:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
        line = text.splitlines()[0] if text.strip() else ""
        titles = {t.strip().strip('"').casefold() for t in re.split("[;,\t]", line)}
    if "klantnummer" in titles and "achternaam" not in titles:
        return WITHDRAWAL_2021
    return RIS_2021


# --- reading ---------------------------------------------------------------------------------


def _decode(data: bytes, report: CheckReport) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        report.encoding = "utf-8-sig"
        return data[3:].decode("utf-8", errors="replace")
    try:
        text = data.decode("utf-8")
        report.encoding = "utf-8"
        if not text.isascii():
            report.warnings.append(
                Problem(
                    None,
                    None,
                    "Het bestand is UTF-8 zonder BOM; Excel toont letters als ë dan soms "
                    "verkeerd. Sla het op als 'CSV UTF-8' als u het in Excel opent.",
                )
            )
        return text
    except UnicodeDecodeError:
        pass
    from lcv_tui.exports.encodings import WINDOWS, unsure_encoding_message

    # Windows-1252 or Mac Roman, unsure which: flagged with both readings; the rest of the check
    # reads it as Windows-1252 only to find the other problems too.
    report.encoding = WINDOWS
    report.problems.append(Problem(None, None, unsure_encoding_message(data)))
    return data.decode(WINDOWS, errors="replace")


def _detect_delimiter(first_line: str, expected: str, report: CheckReport) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    found = max(counts, key=lambda d: (counts[d], d == expected))
    if counts[found] == 0:
        found = expected
    report.delimiter = found
    if found != expected:
        report.problems.append(
            Problem(
                None,
                None,
                f"Scheidingsteken gevonden: {_DELIMITERS[found]}; verwacht: "
                f"{_DELIMITERS.get(expected, repr(expected))}. "
                "Maak het bestand opnieuw met lcv-tui of kies het juiste scheidingsteken bij het opslaan.",
            )
        )
    return found


def check_csv_bytes(data: bytes, profile: Profile = RIS_2021) -> CheckReport:
    report = CheckReport(fmt="csv", profile=profile.key)
    text = _decode(data, report)
    if not text.strip():
        report.problems.append(Problem(None, None, "Het bestand is leeg: maak het opnieuw."))
        return report
    first_line = text.splitlines()[0] if text.splitlines() else ""
    delimiter = _detect_delimiter(first_line, profile.dialect.delimiter, report)
    try:
        rows = sheets.csv_rows(text, delimiter)
    except ExportError as exc:
        report.problems.append(Problem(None, None, exc.message))
        return report
    # each cell as (value, kind) with kind "s" for text: CSV has only text
    table = [[(value, "s") for value in row] for row in rows]
    _check_table(table, profile, report, number_cells=False)
    return report


def check_xlsx_bytes(data: bytes, profile: Profile = RIS_2021) -> CheckReport:

    report = CheckReport(fmt="xlsx", profile=profile.key, encoding="xlsx")
    try:
        cells, titles = sheets.xlsx_cells(data, data_only=False)
    except ExportError as exc:
        report.problems.append(Problem(None, None, exc.message))
        return report
    if len(titles) > 1:
        report.warnings.append(
            Problem(
                None,
                None,
                f"Het bestand heeft {len(titles)} werkbladen; alleen het eerste ('{titles[0]}') wordt "
                "gecontroleerd. Het meldpunt leest meestal ook alleen het eerste.",
            )
        )
    table = []
    for row in cells:
        classified: list[tuple[Any, str]] = []
        for value, kind in row:
            if value is None:
                classified.append(("", "s"))
            elif kind == "f" or (isinstance(value, str) and kind != "s" and value.startswith("=")):
                classified.append((str(value), "f"))
            elif isinstance(value, bool):
                classified.append((str(value), "b"))
            elif isinstance(value, (int, float, Decimal)):
                classified.append((value, "n"))
            else:
                classified.append((str(value), "s"))
        table.append(classified)
    _check_table(table, profile, report, number_cells=True)
    return report


# --- checking --------------------------------------------------------------------------------


def _is_forbidden(title: str) -> bool:
    folded = title.casefold().strip()
    return folded in FORBIDDEN_HEADERS or any(part in folded for part in _FORBIDDEN_PARTS)


def _check_headers(header: list[str], profile: Profile, report: CheckReport) -> dict[int, Column]:
    """Problems with the column titles; returns which file column holds which profile column."""
    extras = any(h.strip() in {c.label for _, c in profile.extra_columns} for h in header)
    expected = profile.columns_for(extras)
    by_label = {c.label: c for c in profile.columns_for(True)}
    folded = {c.label.casefold(): c for c in profile.columns_for(True)}
    mapping: dict[int, Column] = {}
    for index, raw in enumerate(header):
        title = raw.strip()
        letter = _letter(index)
        if not title:
            report.problems.append(
                Problem(
                    1,
                    letter,
                    "Kolom zonder titel: geef de kolom een titel uit de indeling of verwijder hem.",
                )
            )
            continue
        if _is_forbidden(title):
            report.problems.append(
                Problem(
                    1,
                    title,
                    "verboden: deze kolom mag niet gedeeld worden. Verwijder de kolom "
                    "(alleen contactgegevens en het signaal mogen mee).",
                )
            )
            continue
        if title in by_label:
            column = by_label[title]
            if column.label != raw:
                report.warnings.append(
                    Problem(
                        1,
                        title,
                        "De titel heeft spaties ervoor of erachter; die zijn weggelaten bij de controle.",
                    )
                )
        elif title.casefold() in folded:
            column = folded[title.casefold()]
            report.problems.append(
                Problem(
                    1,
                    title,
                    f"Schrijf de titel precies als '{column.label}' (hoofdletters tellen).",
                )
            )
        else:
            close = difflib.get_close_matches(title, list(by_label), n=1, cutoff=0.75)
            if close:
                column = by_label[close[0]]
                report.problems.append(
                    Problem(1, title, f"Titel lijkt verkeerd gespeld: moet '{column.label}' zijn.")
                )
            else:
                report.problems.append(
                    Problem(
                        1,
                        title,
                        "Onbekende kolom: die hoort niet in het bestand; verwijder hem "
                        "(alleen de kolommen van de indeling mogen mee).",
                    )
                )
                continue
        if column in mapping.values():
            report.problems.append(
                Problem(
                    1, title, f"Kolom '{column.label}' staat er twee keer in: verwijder er één."
                )
            )
            continue
        mapping[index] = column
    present = set(mapping.values())
    for column in expected:
        if column not in present:
            report.problems.append(
                Problem(
                    1,
                    column.label,
                    "Kolom ontbreekt: voeg hem toe (ook als hij leeg blijft), in de volgorde van de indeling.",
                )
            )
    in_file = [mapping[i] for i in sorted(mapping)]
    wanted = [c for c in expected if c in present]
    if in_file != wanted and set(in_file) == set(wanted):
        report.problems.append(
            Problem(
                1,
                None,
                "De kolommen staan in de verkeerde volgorde. Juiste volgorde: "
                + ", ".join(c.label for c in expected)
                + ".",
            )
        )
    return mapping


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() if not isinstance(value, str) else value


def _check_value(
    row_no: int, column: Column, value: Any, kind: str, report: CheckReport, number_cells: bool
) -> Any:
    """Problems with one filled cell; returns the normalised value for the duplicate check."""
    label = column.label
    if kind == "f":
        report.problems.append(
            Problem(row_no, label, "De cel bevat een formule: vervang hem door de waarde zelf.")
        )
        return None
    if column.kind == INTEGER:
        if kind == "n":
            if isinstance(value, float) and not value.is_integer():
                report.problems.append(
                    Problem(
                        row_no,
                        label,
                        f"'{value}' is geen heel getal: vul het aantal maanden als heel getal in, bijvoorbeeld 2.",
                    )
                )
                return None
            number = int(value)
        else:
            text = str(value).strip()
            if not re.fullmatch(r"-?[0-9]{1,9}", text):
                shown = text if len(text) <= 20 else f"{text[:20]}…"
                report.problems.append(
                    Problem(
                        row_no,
                        label,
                        f"'{shown}' is geen heel getal van redelijke grootte: vul het "
                        f"aantal maanden als heel getal in, bijvoorbeeld 2.",
                    )
                )
                return None
            number = int(text)
            if number_cells:
                report.warnings.append(
                    Problem(
                        row_no,
                        label,
                        "Het aantal maanden staat als tekst in de cel; beter als getal.",
                    )
                )
        if number < 1:
            report.problems.append(
                Problem(row_no, label, "Het aantal maanden moet minstens 1 zijn.")
            )
        return number
    if column.kind == MONEY:
        if kind == "n":
            amount = Decimal(str(value))
        else:
            text = str(value).strip()
            negative = text.startswith("-")
            if not _AMOUNT.match(text.lstrip("-")):
                report.problems.append(
                    Problem(
                        row_no,
                        label,
                        f"'{text}' is geen geldig bedrag: gebruik cijfers met hoogstens 2 "
                        f"decimalen, bijvoorbeeld 1234,56 (zonder € en zonder punt voor "
                        f"duizendtallen).",
                    )
                )
                return None
            try:
                amount = Decimal(text.lstrip("-").replace(",", "."))
            except InvalidOperation:
                report.problems.append(Problem(row_no, label, f"'{text}' is geen geldig bedrag."))
                return None
            if negative:
                amount = -amount
            if number_cells:
                report.warnings.append(
                    Problem(row_no, label, "Het bedrag staat als tekst in de cel; beter als getal.")
                )
        if not amount.is_finite() or amount <= 0:
            report.problems.append(
                Problem(row_no, label, "Het bedrag achterstand moet groter zijn dan 0.")
            )
        elif amount != amount.quantize(Decimal("0.01")):
            report.problems.append(
                Problem(row_no, label, "Gebruik hoogstens 2 cijfers achter de komma.")
            )
        return amount
    text = _cell_text(value)
    if starts_with_trigger(text):
        first = text.lstrip(" \u00a0\u3000")[:1]
        shown = {"\t": "een tab", "\r": "een regeleinde", "\n": "een regeleinde"}.get(
            first, f"'{first}'"
        )
        report.problems.append(
            Problem(
                row_no,
                label,
                f"De waarde begint met {shown} en wordt dan als formule gelezen: zet er "
                f"een ' voor of verwijder het teken.",
            )
        )
    if _CONTROL.search(text):
        report.problems.append(
            Problem(
                row_no,
                label,
                "De waarde bevat een tab, regeleinde of onzichtbaar teken: typ de waarde opnieuw.",
            )
        )
    if column.field == "postcode":
        try:
            return validation.normalise_postcode(text)
        except ValueError as exc:
            report.problems.append(Problem(row_no, label, str(exc)))
            return None
    if column.field == "huisnummer":
        if kind == "n" and number_cells:
            report.warnings.append(
                Problem(
                    row_no,
                    label,
                    "Het huisnummer staat als getal in de cel; het meldpunt verwacht tekst.",
                )
            )
        try:
            return str(validation.parse_house_number(text))
        except ValueError:
            report.problems.append(
                Problem(
                    row_no,
                    label,
                    f"'{text}' is geen geldig huisnummer: gebruik een heel getal groter "
                    f"dan 0 en zet letters bij de toevoeging.",
                )
            )
            return None
    if column.field in ("straatnaam", "woonplaats") and text:
        report.warnings.append(
            Problem(
                row_no,
                label,
                "Ingevuld, maar tekst 1 en 2 kondigen dit gegeven niet aan: lcv-tui laat deze kolom leeg.",
            )
        )
    if (
        kind == "n"
        and number_cells
        and column.field in ("postcode", "telefoon1", "telefoon2", "telefoon3")
    ):
        report.warnings.append(
            Problem(
                row_no,
                label,
                "Staat als getal in de cel; het meldpunt verwacht tekst (een voorloopnul kan wegvallen).",
            )
        )
    return text.strip().casefold()


def _check_table(
    table: list[list[tuple[Any, str]]], profile: Profile, report: CheckReport, *, number_cells: bool
) -> None:
    if not table or not any(str(v).strip() for v, _ in table[0]):
        report.problems.append(
            Problem(
                1,
                None,
                "De eerste regel moet de kolomtitels bevatten: "
                + ", ".join(profile.labels())
                + ".",
            )
        )
        return
    header = [str(v) for v, _ in table[0]]
    while header and not header[-1].strip():  # trailing empty title cells of a spreadsheet
        header.pop()
    mapping = _check_headers(header, profile, report)
    seen_address: dict[tuple[Any, Any, Any], int] = {}
    seen_rows: dict[tuple[str, ...], int] = {}
    data_rows = table[1:]
    while data_rows and not any(str(v).strip() for v, _ in data_rows[-1]):
        data_rows.pop()  # empty rows at the very end are how spreadsheets end; not an error
    for offset, cells in enumerate(data_rows):
        row_no = offset + 2
        filled = [(i, v, k) for i, (v, k) in enumerate(cells) if str(v).strip() != ""]
        if not filled:
            report.problems.append(Problem(row_no, None, "Lege regel: verwijder deze regel."))
            continue
        report.rows += 1
        if len(cells) > len(header) and any(str(v).strip() for v, _ in cells[len(header) :]):
            report.problems.append(
                Problem(
                    row_no,
                    None,
                    f"De regel heeft meer waarden ({len(cells)}) dan er kolommen zijn "
                    f"({len(header)}): controleer scheidingstekens en aanhalingstekens.",
                )
            )
        values: dict[str, Any] = {}
        for index, column in mapping.items():
            value, kind = cells[index] if index < len(cells) else ("", "s")
            if str(value).strip() == "":
                if column.mandatory:
                    report.problems.append(
                        Problem(
                            row_no,
                            column.label,
                            "Verplicht veld is leeg: vul het in (zonder dit veld is het signaal ongeldig).",
                        )
                    )
                continue
            values[column.field] = _check_value(row_no, column, value, kind, report, number_cells)
        full = tuple(_cell_text(v).strip() for v, _ in cells)
        if full in seen_rows:
            report.problems.append(
                Problem(
                    row_no,
                    None,
                    f"Dubbele regel: gelijk aan regel {seen_rows[full]}. Verwijder één van beide.",
                )
            )
            continue
        seen_rows[full] = row_no
        address = (values.get("postcode"), values.get("huisnummer"), values.get("toevoeging", ""))
        if address[0] and address[1]:
            if address in seen_address:
                report.problems.append(
                    Problem(
                        row_no,
                        "Postcode",
                        f"Zelfde adres als regel {seen_address[address]}: één signaal per "
                        f"adres. Verwijder of voeg samen.",
                    )
                )
            else:
                seen_address[address] = row_no
    if report.rows == 0 and not report.problems:
        report.problems.append(
            Problem(None, None, "Het bestand bevat geen signalen, alleen de kopregel.")
        )


__all__ = [
    "CheckReport",
    "ExportError",
    "Problem",
    "check_csv_bytes",
    "check_file",
    "check_xlsx_bytes",
]
