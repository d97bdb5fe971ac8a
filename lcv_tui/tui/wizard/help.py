"""Help with several pages side by side: the wizard's own page, the process (werkwijze, with its
timeline) and the terms (begrippen). Also the first-run tour."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, TabbedContent, TabPane

from lcv_tui.tui.screens.help import HelpScreen, help_text
from lcv_tui.tui.widgets.footer import KeyFooter

HELP_CSS = Path(__file__).resolve().parent.parent / "screens" / "help.tcss"

WIZARD_PAGES: tuple[tuple[str, str], ...] = (
    ("Dit scherm", "wizard"),
    ("Werkwijze", "werkwijze"),
    ("Begrippen", "begrippen"),
)
TOUR_PAGES: tuple[tuple[str, str], ...] = (
    ("Werkwijze", "werkwijze"),
    ("Begrippen", "begrippen"),
    ("Rondleiding", "rondleiding"),
)


class PagesHelpScreen(HelpScreen):
    """The F1 help modal with the given pages as tabs, ``(tab title, help topic)``."""

    CSS_PATH = str(HELP_CSS)

    def __init__(self, pages: tuple[tuple[str, str], ...]) -> None:
        super().__init__(pages[0][1])
        self.pages = pages

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            with TabbedContent(id="help-tabs"):
                for title, topic in self.pages:
                    with TabPane(title, id=f"help-{topic}"), VerticalScroll():
                        yield Markdown(help_text(topic), open_links=False)
            yield KeyFooter()
