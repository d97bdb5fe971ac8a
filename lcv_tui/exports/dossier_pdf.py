"""The evidence dossier to files: one A4 PDF and its plain-text twin, both 0600.

The content comes from ``domain.dossier`` (built from recorded events and checked against the
audit log); this module only lays it out. Fonts and page set-up are shared with the letters.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lcv_tui.domain.dossier import Dossier, Section
from lcv_tui.exports.files import write_private
from lcv_tui.exports.letters_pdf import FONT_FAMILY, TEXT_WIDTH, new_pdf

QUOTE_INDENT = 6.0


def render_dossier_pdf(dossier: Dossier) -> bytes:
    """The exhibit: the dossier's sections, without the advice for the landlord."""
    return _render(dossier, dossier.title, dossier.generated, dossier.sections)


def render_advice_pdf(dossier: Dossier) -> bytes:
    """The advice for the landlord, as a document of its own (not part of the exhibit)."""
    return _render(
        dossier,
        dossier.advice_title,
        "Geen onderdeel van het bewijsdossier. " + dossier.generated,
        dossier.advice,
    )


def _render(dossier: Dossier, title: str, generated: str, sections: tuple[Section, ...]) -> bytes:
    from fpdf.enums import XPos, YPos

    pdf = new_pdf(title.split(" — ")[0], "lcv-tui", dossier.on)
    pdf.footer_text = f"{title} · {dossier.on.strftime('%d-%m-%Y')}"
    pdf.add_page()
    pdf.set_font(FONT_FAMILY, "B", 14)
    pdf.multi_cell(TEXT_WIDTH, 7, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_font(FONT_FAMILY, "", 9)
    pdf.multi_cell(TEXT_WIDTH, 5, generated, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.ln(4)
    for section in sections:
        if pdf.get_y() > 250:
            pdf.add_page()
        pdf.set_font(FONT_FAMILY, "B", 11.5)
        pdf.multi_cell(TEXT_WIDTH, 6, section.title, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
        pdf.set_draw_color(160, 160, 160)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + TEXT_WIDTH, pdf.get_y())
        pdf.set_draw_color(0, 0, 0)
        pdf.ln(2)
        for block in section.blocks:
            if block.style == "quote":
                pdf.set_font(FONT_FAMILY, "", 8)
                pdf.set_text_color(60, 60, 60)
                pdf.set_x(pdf.l_margin + QUOTE_INDENT)
                top = pdf.get_y()
                pdf.multi_cell(
                    TEXT_WIDTH - QUOTE_INDENT,
                    3.6,
                    block.text,
                    new_x=XPos.LMARGIN,
                    new_y=YPos.NEXT,
                    align="L",
                )
                if pdf.get_y() > top:  # a bar beside the copy when it stayed on one page
                    pdf.set_draw_color(180, 180, 180)
                    pdf.line(pdf.l_margin + 2, top, pdf.l_margin + 2, pdf.get_y())
                    pdf.set_draw_color(0, 0, 0)
                pdf.set_text_color(0, 0, 0)
            elif block.style == "alert":
                pdf.set_font(FONT_FAMILY, "B", 9.5)
                pdf.set_text_color(150, 30, 30)
                pdf.multi_cell(
                    TEXT_WIDTH, 4.6, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
                )
                pdf.set_text_color(0, 0, 0)
            else:
                pdf.set_font(FONT_FAMILY, "", 9.5)
                pdf.multi_cell(
                    TEXT_WIDTH, 4.6, block.text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L"
                )
            pdf.ln(2.5)
        pdf.ln(3)
    return bytes(pdf.output())


def write_dossier(dossier: Dossier, folder: str | Path) -> tuple[Path, Path]:
    """Write ``YYYY-MM-DD_bewijsdossier_<surname>.pdf`` and ``.txt`` in ``folder`` (0600, atomic)."""
    base = Path(folder).expanduser()
    pdf_path = write_private(base / f"{dossier.filename_stem}.pdf", render_dossier_pdf(dossier))
    txt_path = write_private(base / f"{dossier.filename_stem}.txt", dossier.text.encode("utf-8"))
    return pdf_path, txt_path


def write_dossier_bundle(
    dossier: Dossier, folder: str | Path, documents: Mapping[str, bytes] | None = None
) -> tuple[list[Path], list[str]]:
    """The exhibit (PDF and text), the letters as sent as numbered attachments
    (``<stem>_bijlage-1_herinnering-van-05-11-2026.pdf``, the exact bytes kept by the store, so each
    file's SHA-256 is the one the dossier names), and the advice for the landlord as a file of its own
    (``<stem>_aanwijzingen.pdf``). ``documents`` maps SHA-256 to the stored PDF.

    Returns the paths written and, in Dutch, the attachments that could not be included.
    """
    base = Path(folder).expanduser()
    paths = list(write_dossier(dossier, base))
    missing: list[str] = []
    for attachment in dossier.attachments:
        data = (documents or {}).get(attachment.sha256)
        if data is None:
            missing.append(
                f"Bijlage {attachment.number} ({attachment.label}) ontbreekt: de PDF is niet gevonden."
            )
            continue
        name = f"{dossier.filename_stem}_{attachment.filename_part}.pdf"
        paths.append(write_private(base / name, data))
    if dossier.advice:
        paths.append(
            write_private(
                base / f"{dossier.filename_stem}_aanwijzingen.pdf", render_advice_pdf(dossier)
            )
        )
    return paths, missing
