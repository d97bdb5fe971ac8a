"""F1 help: Markdown from ``tui/help/<topic>.md``, beside the general page on the process and its terms."""

from __future__ import annotations

from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown, TabbedContent, TabPane

GENERAL_TOPIC = "algemeen"


def help_text(topic: str) -> str:
    """The Markdown of a help page; an unknown topic falls back to the general page."""
    folder = files("lcv_tui.tui").joinpath("help")
    page = folder.joinpath(f"{topic}.md")
    if not page.is_file():
        page = folder.joinpath(f"{GENERAL_TOPIC}.md")
    return page.read_text(encoding="utf-8")


class HelpScreen(ModalScreen[None]):
    """Help for the current screen, and the general page (werkwijze, begrippen, documenten)."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,f1,q", "close", "Sluiten", id="help.close"),
    ]

    def __init__(self, topic: str = GENERAL_TOPIC) -> None:
        super().__init__()
        self.topic = topic

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            with TabbedContent(id="help-tabs"):
                if self.topic != GENERAL_TOPIC:
                    with TabPane("Dit scherm", id="help-topic"), VerticalScroll():
                        yield Markdown(help_text(self.topic), open_links=False)
                with TabPane("Werkwijze en begrippen", id="help-general"), VerticalScroll():
                    yield Markdown(help_text(GENERAL_TOPIC), open_links=False)
            yield Footer()

    def action_close(self) -> None:
        self.dismiss(None)
