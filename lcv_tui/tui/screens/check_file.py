"""Bestand controleren: check an upload or withdrawal file before it goes to the meldpunt.

Any file can be checked, also one made in another program. The path the landlord types goes to
``exports.check`` in a thread worker; the screen shows the problems (row, column, message) or
says the file is fit to upload.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from lcv_tui.paths import clean_path
from lcv_tui.tui.screens.signals import UNREADABLE, MeldenSubScreen
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from lcv_tui.exports.check import CheckReport, Problem

OK_TEXT = "Dit bestand is geschikt om te uploaden"

COLUMNS = (
    Column("soort", "Soort", min_width=7, max_width=8),
    Column("regel", "Regel", min_width=5, max_width=6, align="right"),
    Column("kolom", "Kolom", min_width=8, max_width=28),
    Column("melding", "Wat is er mis en wat te doen", min_width=20, max_width=200),
)


def problem_record(index: int, problem: Problem, kind: str) -> Record:
    row = str(problem.row) if problem.row is not None else "—"
    column = problem.column or "—"
    return Record(
        key=f"{kind}-{index}",
        cells=(kind, row, column, problem.message),
        sort_keys=(kind != "Fout", problem.row or 0, column, problem.message),
        search=search_key(kind, row, column, problem.message),
    )


@dataclass
class Checked(Message):
    path: str
    report: CheckReport
    layout: str


@dataclass
class CheckFailed(Message):
    message: str


class CheckFileScreen(MeldenSubScreen):
    """Type a path, check the file, read the problems."""

    CSS_PATH = "check_file.tcss"
    HELP_TOPIC = "controle"
    TITLE_TEXT = "Bestand controleren"
    AUTO_FOCUS = "#check-path"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+r", "check", "Controleren", id="check.run"),
    ]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.initial_path = path
        self.report: CheckReport | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Controleer een uploadbestand of intrekbestand vóór het uploaden, ook een bestand dat u in een ander "
            "programma maakte. Het bestand wordt alleen gelezen, niet gewijzigd.",
            classes="screen-intro",
            markup=False,
        )
        yield Label(
            "Pad van het bestand (CSV of XLSX), bijvoorbeeld ~/Documenten/signalen.xlsx",
            id="check-path-label",
        )
        with Horizontal(id="check-row"):
            yield Input(value=self.initial_path, id="check-path", select_on_focus=False)
            yield Button("Controleren (Enter)", id="check", variant="primary")
        yield Static("", id="check-result", markup=False)
        yield RecordTable(COLUMNS, id="problems", empty_text="Nog niets gecontroleerd.")

    def on_mount(self) -> None:
        self.query_one("#problems", RecordTable).display = False

    @on(Input.Submitted, "#check-path")
    @on(Button.Pressed, "#check")
    def action_check(self) -> None:
        path = clean_path(self.query_one("#check-path", Input).value)
        result = self.query_one("#check-result", Static)
        if not path:
            result.update("⚠ Typ eerst het pad van het bestand.")
            result.set_classes("-error")
            return
        result.update("Bezig met controleren…")
        result.set_classes("")
        self.query_one("#check-row").loading = True
        self._check(path)

    @work(thread=True, exclusive=True, group="check")
    def _check(self, path: str) -> None:
        from lcv_tui.exports.check import check_file, guess_profile
        from lcv_tui.exports.files import ExportError

        try:
            profile = guess_profile(path)
            report = check_file(path, profile)
        except ExportError as exc:
            self.post_message(CheckFailed(exc.message))
            return
        except (
            Exception
        ):  # a foreign file can upset a parser in ways no one listed; never a traceback
            self.post_message(CheckFailed(UNREADABLE))
            return
        self.post_message(Checked(path, report, profile.name))

    def _done(self) -> None:
        self.query_one("#check-row").loading = False
        self.query_one("#check-path", Input).focus()  # the loading indicator took the focus

    def on_checked(self, message: Checked) -> None:
        self._done()
        report = message.report
        self.report = report
        table = self.query_one("#problems", RecordTable)
        records = [problem_record(i, p, "Fout") for i, p in enumerate(report.problems)]
        records += [problem_record(i, p, "Let op") for i, p in enumerate(report.warnings)]
        table.set_records(records)
        table.sort_by("soort")
        table.display = bool(records)
        result = self.query_one("#check-result", Static)
        rows = f"{report.rows} {'regel' if report.rows == 1 else 'regels'}"
        if report.ok:
            extra = (
                f" Let op: {len(report.warnings)} opmerking(en) hieronder."
                if report.warnings
                else ""
            )
            result.update(f"✓ {OK_TEXT}. ({rows}, indeling {message.layout}.){extra}")
            result.set_classes("-ok")
        else:
            count = len(report.problems)
            result.update(
                f"✗ {count} {'probleem' if count == 1 else 'problemen'} in {rows} (indeling {message.layout}). "
                "Los ze op in het bestand en controleer opnieuw vóór het uploaden."
            )
            result.set_classes("-error")

    def on_check_failed(self, message: CheckFailed) -> None:
        self._done()
        self.report = None
        self.query_one("#problems", RecordTable).display = False
        result = self.query_one("#check-result", Static)
        result.update(f"⚠ {message.message}")
        result.set_classes("-error")
