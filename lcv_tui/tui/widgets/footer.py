"""The key footer, rebuilt only when what it shows changes."""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


def shown_bindings(screen: Screen[Any]) -> tuple[tuple[Any, ...], ...]:
    """What a footer on ``screen`` shows: every binding it lists, with its state and text."""
    return tuple(
        (
            key,
            binding.action,
            binding.description,
            binding.key_display,
            binding.group,
            enabled,
            tooltip,
        )
        for key, (_node, binding, enabled, tooltip) in screen.active_bindings.items()
        if binding.show or key == screen.app.COMMAND_PALETTE_BINDING
    )


class KeyFooter(Footer):
    """Textual's ``Footer``, recomposed only when the bindings it shows change.

    The footer rebuilds all its keys whenever the focus moves, because the active bindings may have
    changed. Often they have not: moving from the tenant list to its filter box (the first letter
    typed) shows the same keys, and the rebuild (mounting and styling a dozen widgets) was half the
    time of that keystroke at 10,000 tenants. This footer compares what it would show with what it
    shows, and skips the rebuild when they are equal.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._composed_with: tuple[tuple[Any, ...], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus or not (self.is_attached and screen is self.screen):
            return  # as Footer: a footer of another screen, or an app without focus, waits
        shown = shown_bindings(screen)
        if shown == self._composed_with:
            return
        self._composed_with = shown
        self.call_after_refresh(self.recompose)
