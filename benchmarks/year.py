"""A landlord's real year at scale: the agenda on the 2nd and the 23rd, letters in bulk, imports,
the export with its check, and the dossier, each on five years of history (``data.py``).

Growth goal for every operation measured at two sizes: the time at 10,000 tenants is at most
12 times the time at 1,000 (linear, with a little room for the machine).
"""

from __future__ import annotations

import csv
import datetime as dt
import tempfile
from pathlib import Path

from benchmarks import data as bench_data
from benchmarks.timing import Result, median_time, paired_medians

AGENDA_GOAL_S = 0.1
LINEAR_GOAL = 12.0
LETTERS_GOAL_RATIO = 1.5
LETTER_COUNT = 50
NOW = dt.datetime.combine(bench_data.TODAY, dt.time(12))


def _growth(name: str, small: Result, large: Result) -> Result:
    ratio = large.seconds / small.seconds
    return Result(
        f"{name}: growth",
        None,
        ratio,
        None,
        goal=f"≤ {LINEAR_GOAL:.0f}× for 10× tenants",
        passed=ratio <= LINEAR_GOAL,
        unit="×",
        note=f"{small.seconds * 1000:.1f} ms at {small.size:,}, {large.seconds * 1000:.1f} ms at {large.size:,}",
    )


def _with_growth(name: str, rows: list[Result]) -> list[Result]:
    if len(rows) >= 2 and rows[-2].size and rows[-1].size and rows[-1].size == 10 * rows[-2].size:
        return [*rows, _growth(name, rows[-2], rows[-1])]
    return rows


def run_agenda(sizes: list[int], repeat: int) -> list[Result]:
    """The agenda for every tenant on the 2nd (this month's rent open for a day at many tenants)
    and on the 23rd; the goal holds on the 2nd at 10,000 tenants."""
    from lcv_tui.domain.agenda import agenda

    results: list[Result] = []
    for day in bench_data.DATES:
        rows = []
        for count in sizes:
            data = bench_data.vault_data(count, today=day, with_audit=False)

            def baseline(data=data) -> None:  # one look at every payment of every tenant
                for tenant in data.tenants:
                    sum(p.amount for p in tenant.payments)

            ours, base = paired_medians(
                lambda data=data, day=day: agenda(data, day), baseline, repeat
            )
            items = agenda(data, day)
            last = count == 10_000
            rows.append(
                Result(
                    f"agenda on the {day.day}{'nd' if day.day == 2 else 'rd'}",
                    count,
                    ours,
                    base,
                    goal=f"≤ {AGENDA_GOAL_S} s" if last else "",
                    passed=ours <= AGENDA_GOAL_S if last else None,
                    note=f"{len(items)} items; five years of history; baseline: sum every tenant's payments",
                )
            )
            del data
        results += _with_growth(rows[0].name, rows)
    return results


def _tenant_rows(count: int) -> tuple[list[str], list[list[str]]]:
    """A landlord's own spreadsheet of ``count`` tenants (the columns the import recognises)."""
    document = bench_data.document(count, with_audit=False, years=1)
    header = [
        "Klantnummer",
        "Achternaam",
        "Voorletters",
        "Straat",
        "Huisnummer",
        "Toevoeging",
        "Postcode",
        "Woonplaats",
        "Gemeente",
        "Telefoon",
        "E-mail",
        "Kale huur",
        "Vervaldag",
        "Ingangsdatum",
    ]
    rows = [
        [
            t["klantnummer"],
            t["surname"],
            t["initials"],
            t["street"],
            str(t["house_number"]),
            t["addition"],
            t["postcode"],
            t["town"],
            t["gemeente"],
            t["phones"][0],
            t["email"],
            t["rent"].replace(".", ","),
            str(t["due_day"]),
            dt.date.fromisoformat(t["tenancy_start"]).strftime("%d-%m-%Y"),
        ]
        for t in document["tenants"]
    ]
    return header, rows


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(rows)


def run_imports(sizes: list[int], repeat: int) -> list[Result]:
    """Importing a tenant list and a month of payments (one per tenant), read, planned and applied."""
    from lcv_tui.domain.models import VaultData
    from lcv_tui.exports.imports import apply_import, plan_payments, plan_tenants

    tenants_rows: list[Result] = []
    payment_rows: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        folder = Path(tmp)
        for count in [s for s in sizes if s >= 1_000] or sizes:
            header, rows = _tenant_rows(count)
            tenants_csv = folder / f"huurders-{count}.csv"
            _write_csv(tenants_csv, header, rows)

            def import_tenants(path: Path = tenants_csv) -> VaultData:
                data = VaultData()
                apply_import(data, plan_tenants(path, data), now=NOW)
                return data

            seconds = median_time(import_tenants, max(1, repeat // 2))
            tenants_rows.append(
                Result("import tenants (CSV)", count, seconds, None, note="read, plan and apply")
            )
            data = import_tenants()
            payments_csv = folder / f"betalingen-{count}.csv"
            _write_csv(
                payments_csv,
                ["Klantnummer", "Datum", "Bedrag"],
                [[r[0], "01-11-2026", r[11]] for r in rows],
            )

            def import_payments(path: Path = payments_csv, data: VaultData = data) -> None:
                plan = plan_payments(path, data, today=bench_data.TODAY)
                before = len(data.audit)
                apply_import(data, plan, now=NOW)
                for tenant in data.tenants:  # back to the state before, untimed cost is small
                    tenant.payments.clear()
                data.audit.truncate(before)

            seconds = median_time(import_payments, max(1, repeat // 2))
            payment_rows.append(
                Result(
                    "import payments (CSV)",
                    count,
                    seconds,
                    None,
                    note="one payment per tenant; read, plan and apply",
                )
            )
    return _with_growth("import tenants (CSV)", tenants_rows) + _with_growth(
        "import payments (CSV)", payment_rows
    )


def run_export(sizes: list[int], repeat: int) -> list[Result]:
    """This month's upload file as a landlord makes it: select the eligible signals, write the
    XLSX file and check it (the app checks every file it writes)."""
    from lcv_tui.domain.sharing import select_signals
    from lcv_tui.exports.check import check_file
    from lcv_tui.exports.upload import write_upload

    rows: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        folder = Path(tmp)
        for count in [s for s in sizes if s >= 1_000] or sizes:
            data = bench_data.vault_data(count, with_audit=False)
            eligible = len(select_signals(data, bench_data.TODAY).records)

            def export_and_check(data=data) -> None:
                selection = select_signals(data, bench_data.TODAY)
                path = folder / "signalen.xlsx"
                write_upload(selection.records, path, fmt="xlsx")
                check_file(path)

            seconds = median_time(export_and_check, repeat)
            rows.append(
                Result(
                    "upload file: select, write XLSX, check",
                    count,
                    seconds,
                    None,
                    note=f"{eligible} eligible signals on {bench_data.TODAY:%d-%m-%Y}",
                )
            )
            del data
    return _with_growth("upload file", rows)


def run_letters(repeat: int) -> list[Result]:
    """``LETTER_COUNT`` letters as PDF against as many bare fpdf2 pages with the same text and the
    fonts loaded once (what any PDF writer needs at the least)."""
    from fpdf import FPDF

    from lcv_tui.domain import ledger
    from lcv_tui.domain.agenda import due_letters
    from lcv_tui.domain.letters import LetterRefused, build_letter
    from lcv_tui.exports.letters_pdf import FONT_DIR, FONT_FAMILY, FONT_FILES, render_letter_pdf

    data = bench_data.vault_data(10_000, with_audit=False, years=1)
    assert data.landlord is not None
    letters = []
    for tenant, kind in due_letters(data, bench_data.TODAY):
        try:
            letters.append(
                build_letter(
                    kind,
                    landlord=data.landlord,
                    tenant=tenant,
                    arrears=ledger.arrears(tenant, bench_data.TODAY),
                    on=bench_data.TODAY,
                    settings=data.settings,
                )
            )
        except LetterRefused:
            continue
        if len(letters) == LETTER_COUNT:
            break
    texts = [letter.text for letter in letters]

    def ours() -> None:
        for letter in letters:
            render_letter_pdf(letter)

    def bare_page(pdf: FPDF, text: str) -> None:
        pdf.add_page()
        pdf.set_font(FONT_FAMILY, "", 10)
        pdf.multi_cell(0, 5, text)

    def with_fonts() -> FPDF:
        pdf = FPDF(format="A4")
        for style, name in FONT_FILES.items():
            pdf.add_font(FONT_FAMILY, style, str(FONT_DIR / name))
        return pdf

    def one_document() -> None:  # the floor: N pages, the fonts loaded once
        pdf = with_fonts()
        for text in texts:
            bare_page(pdf, text)
        pdf.output()

    def one_file_each() -> None:  # the floor of a file per letter: fonts read for every file
        for text in texts:
            pdf = with_fonts()
            bare_page(pdf, text)
            pdf.output()

    mine, floor = paired_medians(ours, one_document, max(3, repeat // 2))
    _, per_file = paired_medians(ours, one_file_each, 1)
    return [
        Result(
            "letters in bulk (PDF) vs one document",
            len(letters),
            mine,
            floor,
            goal=f"≤ {LETTERS_GOAL_RATIO}×",
            passed=mine / floor <= LETTERS_GOAL_RATIO,
            note="each letter its own PDF (the copy kept as evidence) vs one bare fpdf2 document "
            "with a page per letter and the fonts loaded once",
        ),
        Result(
            "letters in bulk (PDF) vs a bare file each",
            len(letters),
            mine,
            per_file,
            note="vs a bare one-page fpdf2 file per letter with the same fonts (informative)",
        ),
    ]


def run_dossier(count: int, repeat: int) -> list[Result]:
    """The evidence dossier (content and PDF) of the tenant with the longest file, at ``count``."""
    from lcv_tui.domain.dossier import build_dossier
    from lcv_tui.exports.dossier_pdf import render_dossier_pdf

    data = bench_data.vault_data(count)
    tenant = max(data.tenants, key=lambda t: (len(t.events), len(t.payments)))

    def dossier() -> bytes:
        return render_dossier_pdf(build_dossier(data, tenant.id, bench_data.TODAY, whole_file=True))

    seconds = median_time(dossier, max(3, repeat // 2))
    return [
        Result(
            "dossier of the busiest tenant (PDF)",
            count,
            seconds,
            None,
            note=f"{len(tenant.events)} events, {len(tenant.payments)} payments, "
            f"audit log of {len(data.audit):,} entries checked",
        )
    ]
