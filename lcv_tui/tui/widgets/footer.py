"""The key footer: Textual's ``Footer`` in its compact style, so more keys fit in 80 columns.

Only public API: the keys come from the bindings (``show=True``) of the focused widget, the screen
and the app. Screens keep the footer steady while typing by not moving the focus (the tenant list
filters with the focus on the table), so the footer is not rebuilt on every keystroke.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import Footer


class KeyFooter(Footer):
    """The footer every screen of the app uses (compact: one space between keys)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compact", True)
        super().__init__(*args, **kwargs)
