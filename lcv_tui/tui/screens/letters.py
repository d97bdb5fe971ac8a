"""Brieven van vandaag: every letter the agenda says is due today (``agenda.due_letters``), written as
PDF and text in a thread worker with a progress bar, then marked one by one (or all at once) as sent.

Writing changes nothing in the vault. A letter counts as sent, and as evidence (LCV 2.1 a), only
once it is recorded with its date and channel; a letter left unrecorded stays on the agenda.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, ProgressBar, Static

from lcv_tui.domain.validation import format_date, format_money
from lcv_tui.paths import clean_path
from lcv_tui.tui.keys import section_hint
from lcv_tui.tui.screens.record_dialogs import LETTER_NAMES
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.letters import Letter
    from lcv_tui.tui.host import AppHost, HostApp


# --- messages from the writing workers --------------------------------------------------------


@dataclass
class FilesWritten(Message):
    """A worker wrote files; ``letters`` are the letters written (empty for a dossier or a text)."""

    paths: tuple[Path, ...]
    folder: Path
    letters: tuple[Letter, ...]


@dataclass
class ExportFailed(Message):
    message: str


@dataclass
class LettersProgress(Message):
    done: int
    total: int


def letter_folder(app: AppHost) -> Path:
    """The folder for letters: the one chosen in the settings, else the default in the data folder."""
    assert app.workspace is not None
    chosen = app.workspace.data.settings.letters_dir
    return Path(clean_path(chosen)).expanduser() if clean_path(chosen) else app.locations.letter_dir


# --- the screen -------------------------------------------------------------------------------

COLUMNS = (
    Column("huurder", "Huurder", min_width=10, max_width=26),
    Column("adres", "Adres", min_width=10, max_width=30),
    Column("brief", "Brief", min_width=10, max_width=22),
    Column("bedrag", "Bedrag", min_width=10, max_width=12, align="right"),
    Column("status", "Status", min_width=12, max_width=46),
)

NOT_WRITTEN = "· Nog niet gemaakt"
WRITTEN = "! Gemaakt — nog niet vastgelegd"


class LettersScreen(Screen[None]):
    CSS_PATH = "letters.tcss"
    HELP_TOPIC = "brieven"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", id="letters.close"),
        Binding("w", "write", "Brieven maken", id="letters.write"),
        Binding("v", "mark", "Vastleggen", id="letters.mark"),
        Binding("a", "mark_all", "Alle vastleggen", id="letters.mark_all"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.letters: dict[str, Letter] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self.status: dict[str, str] = {}
        self.refused: list[str] = []
        self.warnings: tuple[str, ...] = ()
        self.written = False
        self.writing = False
        self.written_folder: Path | None = None
        self.not_yet: str | None = None
        """Why today's letters cannot be recorded as sent today (they bear a later working day)."""

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield Static("Brieven van vandaag", id="letters-title", markup=False)
        yield Static("", id="letters-intro", classes="screen-intro", markup=False)
        yield ProgressBar(id="letters-progress", show_eta=False)
        yield RecordTable(
            COLUMNS, empty_text="Er zijn vandaag geen brieven te versturen.", id="letters"
        )
        yield Static("", id="letters-refused", markup=False)
        yield Static("", id="letters-warnings", markup=False)
        open_folder = Button("Map openen", id="letters-open-folder", compact=True)
        open_folder.display = False  # shown once the letters are written
        yield open_folder
        yield KeyFooter()

    @property
    def table(self) -> RecordTable:
        return self.query_one("#letters", RecordTable)

    @property
    def today(self) -> dt.date:
        return self.app.clock.today()

    def on_mount(self) -> None:
        from lcv_tui.tui.letter_evidence import LetterDocuments

        workspace = self.app.workspace
        assert workspace is not None
        self.documents = LetterDocuments(workspace)
        self.plan()
        self.table.focus()

    def plan(self) -> None:
        """Build today's letters from the agenda (nothing is written yet)."""
        from lcv_tui.domain import actions
        from lcv_tui.domain.letters import letter_warnings
        from lcv_tui.services.letters import due_letters

        workspace = self.app.workspace
        assert workspace is not None
        data, today = workspace.data, self.today
        intro = self.query_one("#letters-intro", Static)
        if data.landlord is None:
            intro.update(
                "Vul eerst uw gegevens als verhuurder in (Instellingen): die staan op elke brief."
            )
            # Nothing will be written: no progress bar running, and the list says why it is empty.
            self.query_one("#letters-progress", ProgressBar).display = False
            self.table.empty_text = (
                f"Nog geen brieven: vul eerst uw gegevens in ({section_hint('instellingen')})."
            )
            return
        # Today's agenda of the app, computed once per change of the data.
        due = due_letters(workspace, today, self.app.agenda_items())
        self.refused.extend(
            f"✗ {LETTER_NAMES[r.kind]} voor {r.tenant.display_name}: {r.message}"
            for r in due.refused
        )
        for tenant, letter in due.letters:
            self.letters[tenant.id] = letter
            self.not_yet = self.not_yet or actions.sent_not_yet_possible(letter.date, today)
            self.names[tenant.id] = (tenant.display_name, tenant.address_line)
            self.status[tenant.id] = NOT_WRITTEN
        count = len(self.letters)
        what = "brief" if count == 1 else "brieven"
        intro.update(
            f"{count} {what} volgens de agenda van {format_date(today)}. Druk w om ze als PDF en tekst op te slaan in "
            f"{letter_folder(self.app)}. Daarna legt u per brief vast dat u hem verstuurde (v), of alle tegelijk (a). "
            "Een brief die u niet vastlegt, telt niet als verstuurd en blijft op de agenda."
            + (f"\n{self.not_yet}" if self.not_yet else "")
        )
        self.query_one("#letters-progress", ProgressBar).update(total=max(count, 1), progress=0)
        refused = self.query_one("#letters-refused", Static)
        refused.update("\n".join(self.refused))
        refused.display = bool(self.refused)
        self.warnings = letter_warnings(
            data.landlord, (made.kind for made in self.letters.values())
        )
        warnings = self.query_one("#letters-warnings", Static)
        warnings.update("\n".join(f"⚠ {warning}" for warning in self.warnings))
        warnings.display = bool(self.warnings)
        self._show()

    def _show(self) -> None:
        records = []
        for order, (key, letter) in enumerate(self.letters.items()):
            name, address = self.names[key]
            records.append(
                Record(
                    key=key,
                    cells=(
                        name,
                        address,
                        LETTER_NAMES[letter.kind],
                        format_money(letter.amount),
                        self.status[key],
                    ),
                    sort_keys=(order, address, letter.kind.value, letter.amount, self.status[key]),
                    search=search_key(name, address),
                )
            )
        self.table.set_records(records)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "write":
            # Once written, the next keys are v and a: w leaves the footer to them (80 columns).
            if self.written and not self.writing:
                return False
            return True if self.letters and not self.writing else None
        if action in ("mark", "mark_all"):
            return True if self.written and self._unrecorded() else None
        return True

    def _unrecorded(self) -> list[str]:
        return [key for key, status in self.status.items() if status == WRITTEN]

    def action_close(self) -> None:
        self.dismiss(None)

    # --- writing --------------------------------------------------------------------------------

    def action_write(self) -> None:
        if not self.letters or self.writing:
            return
        if self.warnings:
            from lcv_tui.tui.screens.dialogs import ConfirmScreen

            question = "\n\n".join([*self.warnings, "Toch de brieven maken?"])
            self.app.push_screen(
                ConfirmScreen(question, yes="Toch maken", no="Eerst invullen", title="Let op"),
                lambda go: self._write() if go else None,
            )
            return
        self._write()

    def _write(self) -> None:
        if not self.letters or self.writing:
            return
        self.writing = True
        self.refresh_bindings()
        self.query_one("#letters-progress", ProgressBar).update(total=len(self.letters), progress=0)
        self.write_all(tuple(self.letters.values()), letter_folder(self.app))

    @work(thread=True, exclusive=True, group="letters-write")
    def write_all(self, letters: tuple[Letter, ...], folder: Path) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.letters_pdf import write_letters

        try:
            paths = write_letters(
                list(letters),
                folder,
                progress=lambda done, total: self.post_message(LettersProgress(done, total)),
                keep=self.documents.keep,
            )
        except ExportError as exc:
            self.post_message(ExportFailed(exc.message))
            return
        self.post_message(FilesWritten(tuple(paths), folder, letters))

    @on(LettersProgress)
    def _progress(self, message: LettersProgress) -> None:
        self.query_one("#letters-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    @on(FilesWritten)
    def _written(self, message: FilesWritten) -> None:
        self.writing = False
        self.written = True
        for key in self.letters:
            if self.status[key] == NOT_WRITTEN:
                self.status[key] = WRITTEN
        self._show()
        count = len(message.letters)
        self.notify(
            f"{count} {'brief' if count == 1 else 'brieven'} opgeslagen in {message.folder}",
            title="Opgeslagen",
            timeout=8,
            markup=False,
        )
        self.written_folder = message.folder
        self.query_one("#letters-open-folder", Button).display = True
        self.refresh_bindings()
        self.table.focus()

    @on(Button.Pressed, "#letters-open-folder")
    def _open_folder(self) -> None:
        self.app.open_folder(self.written_folder or letter_folder(self.app))

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self.writing = False
        self.refresh_bindings()
        self.notify(
            message.message, title="Niet opgeslagen", severity="error", timeout=12, markup=False
        )

    # --- recording as sent ----------------------------------------------------------------------

    @on(RecordTable.Selected, "#letters")
    def action_mark(self) -> None:
        key = self.table.current_key
        if key is None or key not in self._unrecorded():
            return
        name = self.names[key][0]
        self._ask_sent([key], f"{self.letters[key].title} voor {name}")

    def action_mark_all(self) -> None:
        keys = self._unrecorded()
        if keys:
            self._ask_sent(keys, f"{len(keys)} {'brief' if len(keys) == 1 else 'brieven'} tegelijk")

    def _ask_sent(
        self, keys: list[str], subject: str, values: dict[str, str] | None = None, error: str = ""
    ) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.record_dialogs import LetterSentDialog

        if self.not_yet:
            self.notify(self.not_yet, title="Nog niet vastleggen", timeout=12, markup=False)
            return
        workspace = self.app.workspace
        assert workspace is not None
        data = workspace.data

        def check(sent) -> list[str]:
            found: list[str] = []
            for key in keys:
                letter = self.letters[key]
                for warning in actions.letter_warnings(
                    data, key, letter.kind, sent.on, sent.channel, letter
                ):
                    found.append(f"{self.names[key][0]}: {warning}" if len(keys) > 1 else warning)
            return found

        dialog = LetterSentDialog(
            today=self.today, subject=subject, values=values, error=error, check=check
        )

        def answered(sent) -> None:
            if sent is None:
                return
            recorded = 0
            problems = []
            for key in keys:
                letter = self.letters[key]
                try:
                    actions.record_letter(
                        workspace.data,
                        key,
                        letter.kind,
                        sent.on,
                        sent.channel,
                        letter=letter,
                        document_sha256=self.documents.sha(letter),
                        proof=sent.proof,
                        now=self.app.clock.now(),
                        actor=workspace.actor,
                    )
                except ValueError as exc:
                    problems.append(f"{self.names[key][0]}: {exc}")
                    continue
                recorded += 1
                self.status[key] = (
                    f"✓ Verstuurd {format_date(sent.on)} {sent.channel.label} (vastgelegd)"
                )
            if recorded:
                workspace.mark_dirty()
                self.app.commit(
                    f"{recorded} {'brief' if recorded == 1 else 'brieven'} als verstuurd vastgelegd"
                )
            self._show()
            self.refresh_bindings()
            if problems:
                self._ask_sent(
                    [k for k in keys if self.status[k] == WRITTEN],
                    subject,
                    dialog.last_values,
                    " ".join(problems),
                )

        self.app.push_screen(dialog, answered)
