"""Letters as PDF and text files: content, fonts, window position, names, 0600 permissions."""

from __future__ import annotations

import datetime as dt
import os
import re
import tomllib
from pathlib import Path

import pytest
from lcv_testing import assert_mode
from letter_fixtures import make_landlord, make_tenant
from pypdf import PdfReader

from lcv_tui.domain import ledger
from lcv_tui.domain.letters import build_letter
from lcv_tui.domain.models import Channel, EventKind, Settings
from lcv_tui.exports import letters_pdf
from lcv_tui.exports.letters_pdf import write_letter_pdf, write_letter_text, write_letters

MM = 72 / 25.4
ROOT = Path(__file__).resolve().parents[2]


def make(kind, on, tenant=None, landlord=None, channel=Channel.POST):
    tenant = tenant or make_tenant()
    return build_letter(
        kind,
        landlord=landlord or make_landlord(),
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=Settings(),
        channel=channel,
    )


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)
    return re.sub(r"[ \t\u00a0]+", " ", text)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(autouse=True)
def _umask():
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_herinnering_pdf_amounts_dates_and_diacritics(tmp_path):
    letter = make(EventKind.HERINNERING, dt.date(2026, 11, 5))
    path = write_letter_pdf(letter, tmp_path)
    assert path.name == "2026-11-05_herinnering_van-dijk-ozturk.pdf"
    text = pdf_text(path)
    assert "€ 1.700,00" in text
    assert "€ 850,00" in text
    assert "5 november 2026" in text and "16 november 2026" in text
    for word in ("Dĳk-Öztürk", "Hélène", "Ruïnelaan"):
        assert word in text
    assert "2311 EZ  Leiden" in text or "2311 EZ Leiden" in text
    assert "schuldhulp" not in text.lower() and "gemeente" not in text.lower()


def test_sommatie_pdf_names_objection_address_and_deadline(tmp_path):
    letter = make(EventKind.SOMMATIE, dt.date(2026, 12, 7))
    text = flat(pdf_text(write_letter_pdf(letter, tmp_path)))
    assert '"bezwaar@brouwer-vastgoed.nl"' in text
    assert "€ 2.550,00" in text
    assert "Als wij uiterlijk op 16 december 2026 niets van u hebben vernomen" in text
    assert "uiterlijk op 14 december 2026" in text
    assert (
        "Als wij binnen 7 dagen na ontvangst van dit schrijven niets van u hebben vernomen" in text
    )


def test_address_block_sits_in_the_window(tmp_path):
    letter = make(EventKind.AANMANING, dt.date(2026, 11, 16))
    page = PdfReader(str(write_letter_pdf(letter, tmp_path))).pages[0]
    height = float(page.mediabox.height)
    assert round(height / MM) == 297 and round(float(page.mediabox.width) / MM) == 210
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip() in letter.recipient:
            found[text.strip()] = (tm[4] / MM, (height - tm[5]) / MM)

    page.extract_text(visitor_text=visit)
    assert set(found) == set(letter.recipient)
    for left, top in found.values():
        assert 20 <= left <= 25  # about 20 mm from the left edge
        assert 50 <= top <= 90  # inside a 40 mm high window from about 50 mm down


def test_text_twin_and_permissions(tmp_path):
    letter = make(EventKind.AANMANING, dt.date(2026, 11, 16))
    pdf = write_letter_pdf(letter, tmp_path / "brieven")
    txt = write_letter_text(letter, tmp_path / "brieven")
    assert txt.name == "2026-11-16_aanmaning_van-dijk-ozturk.txt"
    assert txt.read_text(encoding="utf-8") == letter.text
    for path in (pdf, txt):
        assert_mode(path, 0o600)
    assert_mode(tmp_path / "brieven", 0o700)
    assert [p.name for p in (tmp_path / "brieven").iterdir() if p.name.startswith(".")] == []


def test_batch_writes_all_with_progress_and_unique_names(tmp_path):
    on = dt.date(2026, 11, 5)
    letters = [
        make(EventKind.HERINNERING, on),
        make(
            EventKind.HERINNERING,
            on,
            tenant=make_tenant(id="t-0002", initials="A.", house_number=14),
        ),
        make(EventKind.HERINNERING, on, tenant=make_tenant(id="t-0003", surname="Jansen")),
    ]
    calls = []
    paths = write_letters(
        letters, tmp_path, progress=lambda done, total: calls.append((done, total))
    )
    assert calls == [(1, 3), (2, 3), (3, 3)]
    assert [p.name for p in paths] == [
        "2026-11-05_herinnering_van-dijk-ozturk.pdf",
        "2026-11-05_herinnering_van-dijk-ozturk.txt",
        "2026-11-05_herinnering_van-dijk-ozturk-2.pdf",
        "2026-11-05_herinnering_van-dijk-ozturk-2.txt",
        "2026-11-05_herinnering_jansen.pdf",
        "2026-11-05_herinnering_jansen.txt",
    ]
    for path in paths:
        assert_mode(path, 0o600)
    assert "A. van Dĳk-Öztürk" in pdf_text(paths[2])


def test_long_names_still_fit_the_window(tmp_path):
    tenant = make_tenant(
        surname="van den Hoogenband-Wĳnbergen tot Ravesteyn-Schimmelpenninck",
        street="Burgemeester Van Nispen tot Sevenaerstraat",
        addition="2-hoog",
    )
    letter = make(EventKind.HERINNERING, dt.date(2026, 11, 5), tenant=tenant)
    text = flat(pdf_text(write_letter_pdf(letter, tmp_path)))
    assert "Schimmelpenninck" in text and "Sevenaerstraat 12 2-hoog" in text


def test_font_is_shipped_with_the_package():
    for name in letters_pdf.FONT_FILES.values():
        assert (letters_pdf.FONT_DIR / name).stat().st_size > 100_000
    assert (letters_pdf.FONT_DIR / "LICENSE-DejaVu.txt").exists()
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]["package-data"]["lcv_tui"]
    assert "exports/fonts/*" in package_data


# --- issue 13.9: letters a landlord can post ---------------------------------------------------


def _pages(letter) -> list[str]:
    from io import BytesIO

    reader = PdfReader(BytesIO(letters_pdf.render_letter_pdf(letter)))
    return [page.extract_text() for page in reader.pages]


@pytest.mark.parametrize(
    ("kind", "on"),
    [
        (EventKind.HERINNERING, dt.date(2026, 11, 5)),
        (EventKind.AANMANING, dt.date(2026, 11, 16)),
        (EventKind.SOMMATIE, dt.date(2026, 12, 7)),
    ],
)
def test_each_letter_fits_one_a4_page_and_the_sommatie_shows_the_objection_date_on_it(kind, on):
    """Issue 13.9: one page in the normal case (three months open, a long address); the concrete
    objection date of tekst 2 stands on page 1 (werkinstructie stap 2, tekst 2)."""
    tenant = make_tenant(
        surname="van den Heuvel-Oosterhuis-Brinkman",
        initials="J.P.M.",
        street="Burgemeester van Roijensingel Oostzijde",
        town="Capelle aan den IJssel",
    )
    pages = _pages(make(kind, on, tenant=tenant))
    assert len(pages) == 1
    if kind == EventKind.SOMMATIE:
        assert "16 december 2026" in pages[0]


def test_a_long_address_wraps_inside_the_window_at_full_size():
    """Issue 13.9: a long address line wraps within the 85 mm window instead of shrinking."""
    tenant = make_tenant(street="Burgemeester Jhr. Mr. Dr. van Roijensingel Oostzijde Verlengd")
    letter = make(EventKind.HERINNERING, dt.date(2026, 11, 5), tenant=tenant)
    reader = PdfReader(__import__("io").BytesIO(letters_pdf.render_letter_pdf(letter)))
    sizes: list[float] = []

    def visit(text, cm, tm, font_dict, font_size):
        from_top = 297 - tm[5] / MM
        in_window = letters_pdf.ADDRESS_TOP - 1 <= from_top <= letters_pdf.ADDRESS_TOP + 41
        if in_window and ("Burgemeester" in text or "Verlengd" in text):
            sizes.append(font_size * tm[0])

    reader.pages[0].extract_text(visitor_text=visit)
    assert len(sizes) >= 2 and min(sizes) >= letters_pdf.ADDRESS_FONT - 0.01  # wrapped, not shrunk


def test_a_later_page_names_the_tenant_and_the_closing_never_splits():
    """Issue 13.9: many open months push the letter onto a second page; that page carries the
    tenant's name and its page number, and the closing and signature stay together."""
    tenant = make_tenant(tenancy_start=dt.date(2025, 1, 1))
    pages = _pages(make(EventKind.SOMMATIE, dt.date(2026, 12, 7), tenant=tenant))
    assert len(pages) == 2
    assert "M. van Dĳk-Öztürk · Sommatie 07-12-2026 · pagina 2 van 2" in pages[1]
    closing = ("Met vriendelijke groet,", "Brouwer Vastgoedbeheer", "Hélène Brouwer")
    holder = [page for page in pages if closing[0] in page]
    assert len(holder) == 1 and all(line in holder[0] for line in closing)


def test_dates_and_amounts_never_break_across_lines():
    """Issue 13.9: no-break spaces inside a long date and after the euro sign."""
    text = letters_pdf.keep_dates("uiterlijk op 14 december 2026, € 2.550,00")
    assert text == "uiterlijk op 14\u00a0december\u00a02026, €\u00a02.550,00"
    tenant = make_tenant(tenancy_start=dt.date(2025, 1, 1))
    lines = "\n".join(
        _pages(make(EventKind.SOMMATIE, dt.date(2026, 12, 7), tenant=tenant))
    ).splitlines()
    months = (
        "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    )
    for this, following in zip(lines, lines[1:], strict=False):
        split_date = re.search(r"\b\d{1,2}$", this.strip()) and re.match(
            rf"({months})\b", following.strip()
        )
        assert not split_date, (this, following)
        assert not this.strip().endswith("€"), this
