"""Reading a CSV or XLSX file the landlord chose: every row, within sane limits, never a traceback.

``check`` and the imports read through here. An XLSX sheet declares its size in ``<dimension>``,
and openpyxl's read-only mode trusts it: a sheet that declares two rows but holds three would hide
the third (say a ``=HYPERLINK``). So the declared size is dropped (``reset_dimensions``) and every
row is read. A file beyond the limits below is refused with a Dutch message before it can use much
memory: its size on disk and, for XLSX, its unpacked size are checked before it is parsed; rows,
columns and cell lengths while it is read. A damaged file (truncated XML, an impossible cell
reference) gives a Dutch message too, never openpyxl's exception.
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path
from typing import Any

from lcv_tui.exports.files import ExportError, read_bytes

MAX_FILE_BYTES = 64 * 1024 * 1024
"""A year of signals for 10,000 tenants is about 1 MB; anything near this is not an upload file."""
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""An XLSX is a zip: its unpacked parts may not add up to more than this (a "zip bomb")."""
MAX_ROWS = 200_000
MAX_COLUMNS = 512
MAX_CELL_CHARS = 32_767
"""Excel's own maximum for one cell."""

XLSX_UNREADABLE = (
    "Het bestand is geen leesbaar Excel-bestand (.xlsx): open en bewaar het opnieuw in Excel, "
    "of bewaar het als CSV."
)


class TooLarge(ExportError):
    """The file is beyond the limits above (``message`` says which, in Dutch)."""


def is_xlsx(data: bytes, path: str | os.PathLike[str] = "") -> bool:
    return data[:4] == b"PK\x03\x04" or str(path).lower().endswith((".xlsx", ".xlsm"))


def read_limited(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``, refused before reading when the file is larger than ``MAX_FILE_BYTES``."""
    target = Path(path).expanduser()
    try:
        size = target.stat().st_size
    except OSError:
        size = 0  # read_bytes gives the Dutch reason
    if size > MAX_FILE_BYTES:
        raise TooLarge(_too_big(target.name, size))
    return read_bytes(target)


def _too_big(name: str, size: int) -> str:
    return (
        f"Het bestand {name} is te groot ({size // (1024 * 1024)} MB; hooguit "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB). Is dit het goede bestand? Splits het anders in delen."
    )


def _limit_row(row_no: int, width: int) -> None:
    if row_no > MAX_ROWS:
        raise TooLarge(
            f"Het bestand heeft meer dan {MAX_ROWS:,} regels; splits het in delen en probeer opnieuw.".replace(
                ",", "."
            )
        )
    if width > MAX_COLUMNS:
        raise TooLarge(
            f"Regel {row_no} heeft {width} kolommen (hooguit {MAX_COLUMNS}): is dit het goede bestand? "
            "Verwijder de lege of overbodige kolommen en probeer opnieuw."
        )


def _limit_cell(row_no: int, column: int, text: str) -> None:
    if len(text) > MAX_CELL_CHARS:
        raise TooLarge(
            f"Regel {row_no}, kolom {column + 1}: de cel is te lang ({len(text):,} tekens; hooguit "
            f"{MAX_CELL_CHARS:,}). Kort de inhoud in en probeer opnieuw.".replace(",", ".")
        )


def csv_rows(text: str, delimiter: str) -> list[list[str]]:
    """Every row of a CSV text, within the limits; ``ExportError`` for a damaged file."""
    rows: list[list[str]] = []
    try:
        for row_no, row in enumerate(
            csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1
        ):
            _limit_row(row_no, len(row))
            for column, value in enumerate(row):
                _limit_cell(row_no, column, value)
            rows.append(row)
    except csv.Error:
        raise ExportError(
            "Het CSV-bestand is beschadigd of heeft een veld dat veel te lang is (bijvoorbeeld een "
            "aanhalingsteken dat niet gesloten wordt): bewaar het opnieuw vanuit uw spreadsheet."
        ) from None
    return rows


def _check_unpacked(data: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise ExportError(XLSX_UNREADABLE) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise TooLarge(
            f"Het Excel-bestand is uitgepakt te groot ({unpacked // (1024 * 1024)} MB; hooguit "
            f"{MAX_UNPACKED_BYTES // (1024 * 1024)} MB). Is dit het goede bestand? Bewaar het anders als CSV."
        )


def xlsx_cells(data: bytes, *, data_only: bool) -> tuple[list[list[tuple[Any, str]]], list[str]]:
    """Every row of the first sheet as ``(value, data_type)`` cells, whatever ``<dimension>``
    declares, and the titles of all sheets. ``data_type`` is openpyxl's: ``f`` formula, ``n``
    number, ``s`` text, ``b`` boolean, ``d`` date. ``ExportError`` for a damaged or oversized file."""
    from openpyxl import load_workbook

    if len(data) > MAX_FILE_BYTES:
        raise TooLarge(_too_big("", len(data)))
    _check_unpacked(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:  # a damaged or foreign file: openpyxl raises many kinds
        raise ExportError(XLSX_UNREADABLE) from None
    try:
        titles = list(workbook.sheetnames)
        if not titles:
            raise ExportError(XLSX_UNREADABLE)
        sheet = workbook.worksheets[0]
        if hasattr(sheet, "reset_dimensions"):
            sheet.reset_dimensions()  # read every row, not only those the sheet declares
        table: list[list[tuple[Any, str]]] = []
        for row_no, row in enumerate(sheet.iter_rows(), 1):
            _limit_row(row_no, len(row))
            cells = []
            for column, cell in enumerate(row):
                value = getattr(cell, "value", None)
                if isinstance(value, str):
                    _limit_cell(row_no, column, value)
                cells.append((value, getattr(cell, "data_type", "s") or "s"))
            table.append(cells)
        return table, titles
    except ExportError:
        raise
    except (
        Exception
    ):  # truncated XML, an impossible cell reference, ...: openpyxl raises many kinds
        raise ExportError(XLSX_UNREADABLE) from None
    finally:
        workbook.close()
