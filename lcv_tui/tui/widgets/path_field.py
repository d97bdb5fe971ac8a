"""A path field with a file picker: type or paste a path, or choose the file with "Bladeren…".

Reusable in every dialog that reads a file (check, import, bank statement). The typed path is
cleaned (spaces and surrounding quotes removed, :func:`lcv_tui.exports.files.clean_path`); the
picker is ``textual-fspicker``'s ``FileOpen`` with Dutch labels and messages, starting in the folder
of the current value (or ``start``) with the file pre-selected.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Input
from textual_fspicker import FileOpen, Filters

from lcv_tui.paths import clean_path


class DutchFileOpen(FileOpen):
    """``textual-fspicker``'s open dialog with its messages in Dutch (its public class attributes)."""

    ERROR_PERMISSION_ERROR = "Geen toegang tot deze map of dit bestand"
    ERROR_A_FILE_MUST_BE_CHOSEN = "Kies een bestand"
    ERROR_A_FILE_MUST_EXIST = "Dit bestand bestaat niet"


class PathField(Horizontal):
    """An ``Input`` (id ``input_id``) for a file path and a "Bladeren…" button that opens a picker."""

    DEFAULT_CSS = """
    PathField {
        height: auto;
        width: 1fr;
        & > Input { width: 1fr; }
        & > Button { margin-left: 1; }
    }
    """

    BINDINGS = [Binding("ctrl+b", "browse", "Bladeren", id="path.browse")]

    @dataclass
    class Chosen(Message):
        """A file was chosen in the picker (the input holds it now)."""

        field: PathField
        path: str

        @property
        def control(self) -> PathField:
            return self.field

    def __init__(
        self,
        value: str = "",
        *,
        input_id: str,
        start: str | Path | None = None,
        suffixes: Sequence[str] = (".csv", ".xlsx"),
        kinds: str = "CSV of Excel",
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.initial = value
        self.input_id = input_id
        self.start = Path(start).expanduser() if start else None
        self.suffixes = tuple(s.lower() for s in suffixes)
        self.kinds = kinds

    def compose(self) -> ComposeResult:
        yield Input(
            value=self.initial,
            id=self.input_id,
            select_on_focus=False,
            placeholder="typ of plak het pad, of kies Bladeren",
        )
        yield Button("Bladeren… (Ctrl+B)", id=f"{self.input_id}-browse")

    @property
    def input(self) -> Input:
        return self.query_one(f"#{self.input_id}", Input)

    @property
    def path(self) -> str:
        """The path without surrounding spaces or quotes ("" when empty)."""
        return clean_path(self.input.value)

    @on(Button.Pressed)
    def _browse_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_browse()

    def action_browse(self) -> None:
        current = Path(self.path).expanduser() if self.path else None
        folder = self.start or Path.home()
        default_file = None
        if current is not None:
            if current.is_dir():
                folder = current
            elif current.parent.is_dir():
                folder, default_file = current.parent, current.name
        suffixes = self.suffixes
        filters = Filters(
            (self.kinds, lambda p: p.suffix.lower() in suffixes),
            ("Alle bestanden", lambda _p: True),
        )
        self.app.push_screen(
            DutchFileOpen(
                folder,
                title="Bestand kiezen",
                open_button="Kiezen",
                cancel_button="Annuleren",
                filters=filters,
                default_file=default_file,
            ),
            self._chosen,
        )

    def _chosen(self, path: Path | None) -> None:
        if path is None:
            self.input.focus()
            return
        self.input.value = str(path)
        self.input.cursor_position = len(self.input.value)
        self.input.focus()
        self.post_message(self.Chosen(self, str(path)))
