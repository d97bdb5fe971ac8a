"""Type-to-filter for a list screen (issue 15.1): with the focus on the table, every printable key
searches and no letter is ever a command; Backspace takes a letter back, Escape clears the search.

The focus stays on the table, so the arrows move through the results at once and the footer keeps
its keys (no rebuild on a keystroke).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.screen import Screen
from textual.widgets import Input, Label

from lcv_tui.tui.widgets.record_table import RecordTable


def filter_box(hint: str) -> tuple[Label, Input]:
    """The "Zoeken" label and search box of a filter row; ``hint`` says what can be typed."""
    return Label("Zoeken", id="filter-label"), Input(
        id="filter",
        select_on_focus=False,
        compact=True,
        placeholder=f"typ {hint}",
        tooltip=f"Typ {hint}; Esc wist de zoektekst",
    )


def type_to_filter(
    screen: Screen, event: events.Key, table: RecordTable, box: Input, apply: Callable[[str], None]
) -> None:
    """Handle ``event`` for ``screen``'s filter ``box`` over ``table``; ``apply`` filters the rows."""
    if screen.focused is table:
        if event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            box.value += event.character
            box.cursor_position = len(box.value)
            apply(box.value)
        elif event.key == "backspace" and box.value:
            event.stop()
            box.value = box.value[:-1]
            apply(box.value)
        elif event.key == "escape" and box.value:
            event.stop()
            box.value = ""
            apply("")
    elif screen.focused is box and event.key == "down":
        event.stop()
        table.focus()
    elif screen.focused is box and event.key == "escape" and box.value:
        event.stop()
        box.value = ""
