"""Informatie voor huurders: the werkinstructie's text for tenants (``letters.tenant_information_text``),
with the landlord's name, to copy (OSC 52) or to save as a text file through ``exports``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from lcv_tui.tui.screens.letters import ExportFailed, FilesWritten, letter_folder
from lcv_tui.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from lcv_tui.tui.host import HostApp

FILENAME = "informatie-voor-huurders.txt"


class TenantInfoScreen(Screen[None]):
    CSS_PATH = "tenant_info.tcss"
    HELP_TOPIC = "brieven"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", id="tenant_info.close"),
        Binding("c", "copy", "Kopiëren", id="tenant_info.copy"),
        Binding("s", "save", "Opslaan als tekst", id="tenant_info.save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield Static("Informatie voor huurders", id="info-title", markup=False)
        yield Static(
            "Zet deze tekst op uw website of geef hem mee als folder (werkinstructie, 'Informatie aan de huurder'). "
            "c kopieert de tekst, s slaat hem op als tekstbestand.",
            classes="screen-intro",
            markup=False,
        )
        with VerticalScroll(id="info-scroll"):
            yield Static("", id="info-text", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        from lcv_tui.domain.letters import tenant_information_text

        workspace = self.app.workspace
        assert workspace is not None
        landlord = workspace.data.landlord
        if landlord is None:
            self.query_one("#info-text", Static).update(
                "Vul eerst uw gegevens als verhuurder in (Instellingen): de tekst noemt uw naam."
            )
        else:
            self.text = tenant_information_text(
                landlord, retention_months=workspace.data.settings.retention_months
            )
            self.query_one("#info-text", Static).update(self.text)
        self.query_one("#info-scroll", VerticalScroll).focus()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("copy", "save"):
            return True if self.text else None
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    def action_copy(self) -> None:
        if self.text:
            from lcv_tui.tui.clipboard import Copied, select_hint

            self.app.copy_to_clipboard(self.text)
            if self.app.last_copy is Copied.YES:
                self.notify("De tekst staat op het klembord.", timeout=5, markup=False)
                return
            hint = select_hint(self.app.system)
            if self.app.last_copy is Copied.SENT:
                message = (
                    "De tekst is naar het klembord van uw terminal gestuurd; controleer wat u plakt. "
                    f"Lukt dat niet, selecteer de tekst dan zelf ({hint})."
                )
            else:
                message = (
                    f"Kopiëren kan in deze terminal niet. Selecteer de tekst zelf ({hint}), "
                    "of bewaar hem als bestand (s)."
                )
            self.notify(message, severity="warning", timeout=20, markup=False)

    def action_save(self) -> None:
        if self.text:
            self.save_text(self.text, letter_folder(self.app) / FILENAME)

    @work(thread=True, exclusive=True, group="tenant-info-save")
    def save_text(self, text: str, path: Path) -> None:
        from lcv_tui.exports.files import ExportError, write_private

        try:
            written = write_private(path, text.encode("utf-8"))
        except ExportError as exc:
            self.post_message(ExportFailed(exc.message))
            return
        self.post_message(FilesWritten((written,), written.parent, ()))

    @on(FilesWritten)
    def _saved(self, message: FilesWritten) -> None:
        self.notify(
            f"Tekst opgeslagen: {message.paths[0]}", title="Opgeslagen", timeout=8, markup=False
        )

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self.notify(
            message.message, title="Niet opgeslagen", severity="error", timeout=12, markup=False
        )
