"""Letters to files: an A4 PDF for a window envelope, and a plain-text twin.

Layout (A4, 210 × 297 mm, millimetres from the top-left corner of the sheet):

- Letterhead above 42 mm: the landlord's name on the left, contact lines on the right.
- Address block at 22 mm from the left and 50 mm from the top, at most 85 mm wide and 40 mm high
  (7 lines of 11 pt), with nothing else in it. This is the window of a Dutch "venster links"
  envelope with the sheet folded in three (fold marks at 99 and 198 mm): the German DIN 5008
  form B puts the address field 45 mm from the top and 20 mm from the left, 45 × 85 mm
  (https://www.din-5008-richtlinien.de/startseite/anschriftenfeld/ ,
  https://der-private-geschaeftsbrief.de.tl/Das-perfekte-Anschriftfeld.htm); starting 5 mm lower
  and 2 mm further in keeps the block clear of the window's edges in either envelope. The address
  lines follow PostNL practice (name; street and number; postcode, two spaces, town:
  https://helpdesk.postbode.nu/nl/articles/296324-hoe-adresseer-ik-een-brief), and the window
  shows nothing that could be mistaken for the address (https://www.bpost.be/nl/adressering-adres-positionering).
- Place and date, subject and reference from 100 mm, below the first fold; then the body.

Text renders in DejaVu Sans, shipped in ``exports/fonts`` (Bitstream Vera licence, see
``LICENSE-DejaVu.txt``), so € and Dutch diacritics (ë, é, ĳ, ü, ö) print on a machine that has
only Python. fpdf is imported inside the functions that need it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from lcv_tui.domain.letters import Letter
from lcv_tui.exports.files import write_private

FONT_DIR = Path(__file__).parent / "fonts"
FONT_FAMILY = "DejaVu"
FONT_FILES = {
    "": "DejaVuSans-Latin.ttf",
    "B": "DejaVuSans-Bold-Latin.ttf",
}  # scripts/subset_fonts.py

PAGE_WIDTH = 210.0
LEFT = 22.0
RIGHT = 20.0
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT

ADDRESS_LEFT = 22.0
ADDRESS_TOP = 50.0
ADDRESS_WIDTH = 85.0
ADDRESS_HEIGHT = 40.0
ADDRESS_FONT = 11.0
ADDRESS_LINE = 5.0
LETTERHEAD_BOTTOM = 42.0
BODY_TOP = 94.0
BODY_FONT = 9.5
BODY_LINE = 4.0
PARAGRAPH_GAP = 1.3
FOLD_MARKS = (99.0, 198.0)


def new_pdf(title: str, author: str, on: dt.date) -> Any:
    """An A4 document with the DejaVu fonts registered and a page-numbered footer."""
    from fpdf import FPDF

    class _Document(FPDF):
        footer_text = ""
        header_text = ""  # on every page after the first: whose letter this is

        def header(self) -> None:  # called by fpdf on each page
            if self.page_no() > 1 and self.header_text:
                self.set_y(8)
                self.set_font(FONT_FAMILY, "", 8)
                self.set_text_color(80, 80, 80)
                self.cell(0, 4, f"{self.header_text} · pagina {self.page_no()} van {{nb}}")
                self.set_text_color(0, 0, 0)
                self.set_y(18)

        def footer(self) -> None:  # called by fpdf on each page
            self.set_y(-12)
            self.set_font(FONT_FAMILY, "", 7.5)
            self.set_text_color(110, 110, 110)
            self.cell(0, 4, f"{self.footer_text}    pagina {self.page_no()} van {{nb}}", align="R")
            self.set_text_color(0, 0, 0)

    pdf = _Document(orientation="P", unit="mm", format="A4")
    for style, name in FONT_FILES.items():
        pdf.add_font(FONT_FAMILY, style, str(FONT_DIR / name))
    pdf.set_margins(LEFT, 15, RIGHT)
    pdf.set_auto_page_break(True, margin=20)
    pdf.alias_nb_pages()
    pdf.set_title(title)
    pdf.set_author(author)
    pdf.set_creator("lcv-tui")
    pdf.set_creation_date(dt.datetime.combine(on, dt.time(), tzinfo=dt.UTC))
    pdf.footer_text = f"{author} · {title}"
    return pdf


def _fit_size(
    pdf: Any, lines: Iterable[str], size: float, width: float, minimum: float = 8.0
) -> float:
    """The largest font size ≤ ``size`` at which every line fits ``width`` (not below ``minimum``)."""
    while size > minimum:
        pdf.set_font(FONT_FAMILY, "", size)
        if all(pdf.get_string_width(line) <= width for line in lines):
            return size
        size -= 0.5
    return minimum


def render_letter_pdf(letter: Letter) -> bytes:
    from fpdf.enums import XPos, YPos

    author = letter.sender[0] if letter.sender else "Verhuurder"
    pdf = new_pdf(f"{letter.title} {letter.date.strftime('%d-%m-%Y')}", author, letter.date)
    pdf.header_text = (
        f"{letter.recipient[0] if letter.recipient else letter.surname} · {letter.title} "
        f"{letter.date.strftime('%d-%m-%Y')}"
    )
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    # fold marks for a window envelope (sheet folded in three)
    pdf.set_draw_color(150, 150, 150)
    pdf.set_line_width(0.2)
    for y in FOLD_MARKS:
        pdf.line(4, y, 9, y)
    pdf.set_draw_color(0, 0, 0)

    # letterhead
    pdf.set_xy(LEFT, 15)
    pdf.set_font(FONT_FAMILY, "B", 14)
    pdf.multi_cell(95, 6.5, author, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    details = list(letter.sender[1:])
    if details:
        size = _fit_size(pdf, details, 8.5, 70)
        pdf.set_font(FONT_FAMILY, "", size)
        step = min(3.8, (LETTERHEAD_BOTTOM - 15) / len(details))  # never reaches the window
        for index, line in enumerate(details):
            pdf.set_xy(PAGE_WIDTH - RIGHT - 70, 15 + index * step)
            pdf.cell(70, step, line, align="R")

    # address block in the window: a long line wraps within the 85 mm instead of shrinking
    pdf.set_font(FONT_FAMILY, "", ADDRESS_FONT)
    y = ADDRESS_TOP
    bottom = ADDRESS_TOP + ADDRESS_HEIGHT
    for line in letter.recipient:
        if y + ADDRESS_LINE > bottom + 0.01:
            break
        pdf.set_xy(ADDRESS_LEFT, y)
        pdf.multi_cell(
            ADDRESS_WIDTH,
            ADDRESS_LINE,
            line,
            align="L",
            new_x=XPos.LEFT,
            new_y=YPos.NEXT,
            max_line_height=ADDRESS_LINE,
        )
        y = min(pdf.get_y(), bottom)

    # place, date, subject
    pdf.set_xy(LEFT, BODY_TOP)
    pdf.set_font(FONT_FAMILY, "", BODY_FONT)
    pdf.cell(
        TEXT_WIDTH, BODY_LINE, keep_dates(letter.place_date), new_x=XPos.LMARGIN, new_y=YPos.NEXT
    )
    pdf.ln(3)
    pdf.set_font(FONT_FAMILY, "B", BODY_FONT)
    pdf.multi_cell(
        TEXT_WIDTH,
        BODY_LINE,
        f"Betreft: {letter.subject}",
        new_x=XPos.LMARGIN,
        new_y=YPos.NEXT,
        align="L",
    )
    if letter.reference:
        pdf.set_font(FONT_FAMILY, "", BODY_FONT)
        pdf.cell(TEXT_WIDTH, BODY_LINE, letter.reference, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(4)

    # body: dates and amounts never break across lines
    pdf.set_font(FONT_FAMILY, "", BODY_FONT)
    for paragraph in (letter.salutation, *letter.paragraphs):
        pdf.multi_cell(
            TEXT_WIDTH,
            BODY_LINE,
            keep_dates(paragraph),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
            align="L",
        )
        pdf.ln(PARAGRAPH_GAP)
    pdf.ln(1)
    # the closing and the signature stay together: a new page first when they would be split
    closing_height = BODY_LINE * len(letter.closing)
    if pdf.get_y() + closing_height > pdf.h - pdf.b_margin:
        pdf.add_page()
    for line in letter.closing:
        pdf.multi_cell(
            TEXT_WIDTH, BODY_LINE, line or " ", new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
        )
    return bytes(pdf.output())


_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_LONG_DATE = re.compile(rf"\b(\d{{1,2}}) ({_MONTHS}) (\d{{4}})\b")


def keep_dates(text: str) -> str:
    """No-break spaces inside ``5 november 2026`` and after ``€``, so a date or an amount is never
    split over two lines."""
    return _LONG_DATE.sub("\\1\u00a0\\2\u00a0\\3", text).replace("€ ", "€\u00a0")


KeepPdf = Callable[[Letter, bytes], None]
"""Called with each letter and the exact PDF bytes written, e.g. to keep them as evidence."""


def write_letter_pdf(
    letter: Letter, folder: str | Path, *, stem: str | None = None, keep: KeepPdf | None = None
) -> Path:
    """Write ``YYYY-MM-DD_<kind>_<surname>.pdf`` in ``folder`` (0600, atomic); returns its path.
    ``keep(letter, pdf)`` gets the bytes written (rendering is deterministic: the same letter gives
    the same bytes, so the file's SHA-256 is the one kept)."""
    path = Path(folder).expanduser() / f"{stem or letter.filename_stem}.pdf"
    pdf = render_letter_pdf(letter)
    written = write_private(path, pdf)
    if keep is not None:
        keep(letter, pdf)
    return written


def write_letter_text(letter: Letter, folder: str | Path, *, stem: str | None = None) -> Path:
    """Write ``YYYY-MM-DD_<kind>_<surname>.txt`` (UTF-8, the letter's ``text``) in ``folder``."""
    path = Path(folder).expanduser() / f"{stem or letter.filename_stem}.txt"
    return write_private(path, letter.text.encode("utf-8"))


def unique_stems(letters: Iterable[Letter]) -> list[str]:
    """File-name stems for a batch: a second letter with the same stem gets ``-2``, and so on."""
    seen: dict[str, int] = {}
    stems = []
    for letter in letters:
        stem = letter.filename_stem
        seen[stem] = seen.get(stem, 0) + 1
        stems.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return stems


def write_letters(
    letters: list[Letter],
    folder: str | Path,
    progress: Callable[[int, int], object] | None = None,
    *,
    with_text: bool = True,
    keep: KeepPdf | None = None,
) -> list[Path]:
    """Write every letter as PDF (and, by default, its text twin) in one go.

    Returns the paths written, per letter the PDF then the text file. ``progress(done, total)`` is
    called after each letter. Stops at the first file that cannot be written (``ExportError``).
    """
    letters = list(letters)
    paths: list[Path] = []
    total = len(letters)
    for done, (letter, stem) in enumerate(
        zip(letters, unique_stems(letters), strict=True), start=1
    ):
        paths.append(write_letter_pdf(letter, folder, stem=stem, keep=keep))
        if with_text:
            paths.append(write_letter_text(letter, folder, stem=stem))
        if progress is not None:
            progress(done, total)
    return paths
