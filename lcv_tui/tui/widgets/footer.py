"""The key footer: Textual's ``Footer`` in its compact style, showing only the keys that fit.

Only public API: the keys come from the bindings (``show=True``) of the focused widget, the screen
and the app. A key that would run past the command palette's key at the right edge is left out
rather than cut in half, so 80 columns show the first keys whole and 120 columns show more of them.
The app's own keys (Help, Afsluiten) always stay; the others are kept in their order while they fit.
Every key, shown or not, is still listed under F1 → Toetsen. Screens keep the footer steady while
typing by not moving the focus (the tenant list filters with the focus on the table).
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer

from lcv_tui.tui.keys import dutch_description

GAP = 1
"""Columns between two keys in the compact footer."""

RIGHT_MARGIN = 1
"""Columns kept free left of the command palette's key."""


class KeyFooter(Footer):
    """The footer every screen of the app uses (compact: one space between keys)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(*args, **kwargs)
        self._composed_width = 0

    def _hint_width(self, binding: Binding) -> int:
        return (
            Text(self.app.get_key_display(binding)).cell_len
            + 1
            + Text(dutch_description(binding.description)).cell_len
        )

    def _hidden_keys(self, width: int) -> set[str]:
        """The keys left out so every shown hint is whole within ``width`` columns."""
        active = self.screen.active_bindings
        shown = [
            (node, binding) for node, binding, _enabled, _tooltip in active.values() if binding.show
        ]
        budget = width
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            palette = active.get(self.app.COMMAND_PALETTE_BINDING)
            if palette is not None:
                budget -= self._hint_width(palette[1]) + 2 + RIGHT_MARGIN
        # The app's shown keys stay even where a screen binds the same key itself (the wizard's F1).
        app_keys = {b.key for b in self.app.BINDINGS if isinstance(b, Binding) and b.show}
        # One hint per action, as Footer groups them.
        seen: set[str] = set()
        first: list[tuple[bool, Binding]] = []
        for node, binding in shown:
            if binding.action not in seen:
                seen.add(binding.action)
                first.append((node is self.app or binding.key in app_keys, binding))
        for of_app, binding in first:
            if of_app:
                budget -= self._hint_width(binding) + GAP
        hidden: set[str] = set()
        for of_app, binding in first:
            if of_app:
                continue
            cost = self._hint_width(binding) + GAP
            if cost <= budget:
                budget -= cost
            else:
                hidden.add(binding.key)
        return hidden

    def compose(self) -> ComposeResult:
        width = self.app.size.width
        self._composed_width = width
        hidden = self._hidden_keys(width) if width else set()
        for widget in super().compose():
            if getattr(widget, "key", None) in hidden:  # a FooterKey (not exported by Textual)
                continue
            description = getattr(widget, "description", None)
            if isinstance(description, str):
                # Textual's own widgets bring English descriptions ("Dismiss menu" of a Select).
                widget.description = dutch_description(description)  # type: ignore[attr-defined]
            yield widget

    async def on_resize(self, event: events.Resize) -> None:
        if self.app.size.width != self._composed_width:
            await self.recompose()
