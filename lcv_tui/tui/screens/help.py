"""F1 help: Markdown from ``tui/help/<topic>.md``, beside the general page on the process and its terms,
and every key of the screen it was opened on ("Toetsen"). The page scrolls with the arrows and
PageUp/PageDown at once, without Tab."""

from __future__ import annotations

from collections.abc import Sequence
from importlib.resources import files

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, TabbedContent, TabPane

from lcv_tui.tui.widgets.footer import KeyFooter

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
        Binding("down", "scroll('scroll_down')", "Omlaag", show=False),
        Binding("up", "scroll('scroll_up')", "Omhoog", show=False),
        Binding("pagedown", "scroll('scroll_page_down')", "Pagina omlaag", show=False),
        Binding("pageup", "scroll('scroll_page_up')", "Pagina omhoog", show=False),
        Binding("home", "scroll('scroll_home')", "Begin", show=False),
        Binding("end", "scroll('scroll_end')", "Einde", show=False),
    ]

    def __init__(self, topic: str = GENERAL_TOPIC, keys: Sequence[tuple[str, str]] = ()) -> None:
        super().__init__()
        self.topic = topic
        self.keys = tuple(keys)
        """(key, what it does) of the screen the help was opened on."""

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            with TabbedContent(id="help-tabs"):
                if self.topic != GENERAL_TOPIC:
                    with TabPane("Dit scherm", id="help-topic"), VerticalScroll():
                        yield Markdown(help_text(self.topic), open_links=False)
                with TabPane("Werkwijze en begrippen", id="help-general"), VerticalScroll():
                    yield Markdown(help_text(GENERAL_TOPIC), open_links=False)
                if self.keys:
                    with TabPane("Toetsen", id="help-keys"), VerticalScroll():
                        yield Markdown(keys_markdown(self.keys), open_links=False)
            yield KeyFooter()

    def action_scroll(self, how: str) -> None:
        """Scroll the page on view, whatever has the focus (the tabs take only ← →)."""
        pane = self.query_one("#help-tabs", TabbedContent).active_pane
        if pane is None:
            return
        getattr(pane.query_one(VerticalScroll), how)(animate=False)

    def action_close(self) -> None:
        self.dismiss(None)


def keys_markdown(keys: Sequence[tuple[str, str]]) -> str:
    """A table of the keys of a screen, for the "Toetsen" tab."""
    rows = "\n".join(f"| **{key}** | {what} |" for key, what in keys)
    return (
        "# Toetsen op dit scherm\n\n"
        "De voettekst toont de belangrijkste; dit zijn ze allemaal.\n\n"
        f"| Toets | Wat het doet |\n|---|---|\n{rows}\n"
    )
