"""The command palette in Dutch: accent- and case-insensitive matching, Dutch texts.

Textual's palette is used through its public API: a :class:`~textual.command.Provider` for the app's
commands (``LcvApp.COMMANDS``), and a :class:`~textual.command.CommandPalette` with a Dutch
placeholder (``LcvApp.action_command_palette``). "celik" finds "Signaal begeleiden: Çelik, S.".
When nothing matches, the provider offers one hit that says so in Dutch (so the palette never needs
its own English "No matches found").
"""

from __future__ import annotations

from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from lcv_tui.domain.names import fold

PLACEHOLDER = "Zoek een opdracht of een huurder…"
NOTHING_FOUND = "Niets gevonden: probeer een ander woord (hoofdletters en accenten tellen niet)"


def fold_same_length(text: str) -> str:
    """``fold`` letter by letter, keeping every position (for highlighting the original text)."""
    return "".join((fold(c)[:1] or c) if not c.isascii() else c.lower() for c in text)


class FoldingMatcher(Matcher):
    """Textual's fuzzy matcher, on text without accents or case."""

    def match(self, candidate: str) -> float:
        return self.fuzzy_search.match(fold(self.query), fold_same_length(candidate))[0]

    def highlight(self, candidate: str) -> Content:
        content = Content(candidate)
        score, offsets = self.fuzzy_search.match(fold(self.query), fold_same_length(candidate))
        if not score:
            return content
        for offset in offsets:
            if not candidate[offset].isspace():
                content = content.stylize(self.match_style, offset, offset + 1)
        return content


class DutchCommands(Provider):
    """The app's commands (``App.get_system_commands``), found without regard to accents or case."""

    def matcher(self, user_input: str, case_sensitive: bool = False) -> Matcher:
        return FoldingMatcher(user_input, match_style=self.match_style)

    async def discover(self) -> Hits:
        commands = sorted(self.app.get_system_commands(self.screen), key=lambda c: fold(c[0]))
        for name, help_text, callback, discover in commands:
            if discover:
                yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        found = False
        for name, help_text, callback, *_ in self.app.get_system_commands(self.screen):
            if (score := matcher.match(name)) > 0:
                found = True
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
        if not found and query.strip():
            yield Hit(0.0001, NOTHING_FOUND, _nothing, help=f"Gezocht: {query.strip()}")


def _nothing() -> None:
    """Choosing the "nothing found" line only closes the palette."""


def dutch_palette() -> CommandPalette:
    return CommandPalette(placeholder=PLACEHOLDER, id="--command-palette")
