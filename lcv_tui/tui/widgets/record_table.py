"""A fast, read-only table for thousands of records: filter, sort, cursor, select.

Textual's ``DataTable`` measures every cell when rows are added (about 0.1 ms per row), so
rebuilding it for 10,000 tenants on each filter keystroke takes over a second. This table
renders only the visible lines (Line API): every record is precomputed once as a
:class:`Record` (cell texts, sort keys, a folded search key), and filtering or sorting is a
list comprehension or ``list.sort`` followed by a refresh.

The table is its own viewport: it keeps the index of the first visible row and draws its own
scrollbar in the last column. Its size never depends on the number of rows, so a filter keystroke
changes no layout (a scroll view's virtual size would re-lay out the screen on every keystroke).
Screens that list many things (tenants, the agenda, agreements) use it with their own columns.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from lcv_tui.domain.names import query_words, search_text

CURSOR_MARK = "▶ "
NO_MARK = "  "


@dataclass(frozen=True)
class Column:
    """One column: its key, Dutch header, and how wide it may grow or shrink."""

    key: str
    label: str
    min_width: int = 4
    max_width: int = 40
    align: Literal["left", "right"] = "left"


@dataclass(frozen=True, slots=True)
class Record:
    """One row, computed once: what it shows, how it sorts, what filtering matches on."""

    key: str
    cells: tuple[str, ...]
    sort_keys: tuple[Any, ...]
    search: str
    groups: frozenset[str] = frozenset()
    """What a group filter (:meth:`RecordTable.set_group`) matches, e.g. ``{"achterstand"}``."""


def search_key(*parts: str) -> str:
    """The text a filter matches against: case and accents folded ("Çelik" → "celik")."""
    return search_text(*parts)


def _fit(text: str, width: int, align: str) -> str:
    if len(text) > width:
        text = text[: max(width - 1, 0)] + "…" if width > 0 else ""
    return text.rjust(width) if align == "right" else text.ljust(width)


class RecordTable(Widget, can_focus=True):
    """A virtual table. Enter or a double click posts :class:`RecordTable.Selected`;
    clicking a header (or :meth:`sort_by`) sorts; :meth:`set_filter` narrows the rows."""

    DEFAULT_CSS = """
    RecordTable {
        height: 1fr;
        background: $surface;
        & > .record-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .record-table--cursor { background: $block-cursor-blurred-background; color: $foreground; }
        & > .record-table--odd { background: $surface-lighten-1; }
        & > .record-table--empty { color: $text-muted; text-style: italic; }
        & > .record-table--scrollbar { background: $panel; }
        & > .record-table--scrollbar-thumb { color: $primary; background: $panel; }
        &:focus > .record-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "record-table--header",
        "record-table--cursor",
        "record-table--odd",
        "record-table--empty",
        "record-table--scrollbar",
        "record-table--scrollbar-thumb",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Omhoog", show=False),
        Binding("down", "cursor_down", "Omlaag", show=False),
        Binding("pageup", "page_up", "Pagina omhoog", show=False),
        Binding("pagedown", "page_down", "Pagina omlaag", show=False),
        Binding("home", "first", "Eerste", show=False),
        Binding("end", "last", "Laatste", show=False),
        Binding("enter", "select", "Openen", show=False),
    ]

    cursor: reactive[int] = reactive(0, always_update=True)

    class Selected(Message):
        """A record was opened (Enter or double click)."""

        def __init__(self, table: RecordTable, key: str) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RecordTable:
            return self.table

    class Highlighted(Message):
        """The cursor moved to another record (or to none: ``key`` is None)."""

        def __init__(self, table: RecordTable, key: str | None) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> RecordTable:
            return self.table

    def __init__(
        self,
        columns: Sequence[Column],
        *,
        empty_text: str = "Niets om te tonen.",
        name: str | None = None,
        id: str | None = None,  # Textual's name for it
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.columns = tuple(columns)
        self.empty_text = empty_text
        self._records: list[Record] = []
        self._shown: list[Record] = []
        self._natural = [len(c.label) + 2 for c in self.columns]
        self._filter_words: tuple[str, ...] = ()
        self._group: str | None = None
        self._sort_column: int | None = None
        self._sort_reverse = False
        self._top = 0
        """Index (in ``shown``) of the first visible row."""

    # --- data ---------------------------------------------------------------------------------

    @property
    def shown(self) -> Sequence[Record]:
        """The records after filter and sort, in display order."""
        return self._shown

    @property
    def total(self) -> int:
        return len(self._records)

    @property
    def sort_state(self) -> tuple[str | None, bool]:
        column = self.columns[self._sort_column].key if self._sort_column is not None else None
        return column, self._sort_reverse

    @property
    def current_key(self) -> str | None:
        if 0 <= self.cursor < len(self._shown):
            return self._shown[self.cursor].key
        return None

    def set_records(self, records: Iterable[Record]) -> None:
        """Replace all records; keeps the filter, the sort and (if still there) the cursor's record."""
        keep = self.current_key
        self._records = list(records)
        self._natural = [len(c.label) + 2 for c in self.columns]
        self._widen(self._records)
        self._apply_sort()
        self._apply_filter(keep)

    def upsert(self, record: Record) -> None:
        """Add or replace one record and put the cursor on it."""
        self._records = [r for r in self._records if r.key != record.key]
        self._records.append(record)
        self._widen((record,))
        self._apply_sort()
        self._apply_filter(record.key)

    def remove_record(self, key: str) -> None:
        index = self.cursor
        self._records = [r for r in self._records if r.key != key]
        self._shown = [r for r in self._shown if r.key != key]
        self._refresh_size()
        self.cursor = min(index, max(len(self._shown) - 1, 0))

    def set_filter(self, text: str) -> int:
        """Show only records whose search key holds every word of ``text``; returns how many."""
        words = query_words(text)
        if words == self._filter_words:
            return len(self._shown)
        # Every old word inside some new word: the new matches are a subset of what is shown.
        narrower = bool(self._filter_words) and all(
            any(old in new for new in words) for old in self._filter_words
        )
        self._filter_words = words
        self._apply_filter(self.current_key, within=self._shown if narrower else None)
        return len(self._shown)

    def set_group(self, group: str | None) -> int:
        """Show only records in ``group`` (None: all), together with the text filter; returns how many."""
        if group != self._group:
            self._group = group
            self._apply_filter(self.current_key)
        return len(self._shown)

    def sort_by(self, column_key: str, *, reverse: bool | None = None) -> None:
        """Sort by a column; sorting again by the same column flips the order."""
        index = next(i for i, c in enumerate(self.columns) if c.key == column_key)
        if reverse is None:
            reverse = not self._sort_reverse if self._sort_column == index else False
        self._sort_column, self._sort_reverse = index, reverse
        keep = self.current_key
        self._apply_sort()
        self._apply_filter(keep)

    def move_cursor_to(self, key: str) -> None:
        for index, record in enumerate(self._shown):
            if record.key == key:
                self.cursor = index
                return

    def _widen(self, records: Iterable[Record]) -> None:
        natural = self._natural
        for record in records:
            for i, cell in enumerate(record.cells):
                if len(cell) > natural[i]:
                    natural[i] = len(cell)

    def _apply_sort(self) -> None:
        if self._sort_column is not None:
            i = self._sort_column
            self._records.sort(key=lambda r: r.sort_keys[i], reverse=self._sort_reverse)

    def _apply_filter(self, keep: str | None, within: list[Record] | None = None) -> None:
        words = self._filter_words
        source = self._records if within is None else within
        group = self._group
        if group is not None:
            source = [r for r in source if group in r.groups]
        if not words:
            self._shown = list(source)
        elif len(words) == 1:
            word = words[0]
            self._shown = [r for r in source if word in r.search]
        else:
            self._shown = [r for r in source if all(w in r.search for w in words)]
        self._refresh_size()
        position = 0
        if keep is not None:
            for index, record in enumerate(self._shown):
                if record.key == keep:
                    position = index
                    break
        if position == 0:
            self._top = 0
        self.cursor = position

    # --- geometry -----------------------------------------------------------------------------

    def _widths(self, available: int) -> list[int]:
        widths = [
            max(c.min_width, min(c.max_width, n))
            for c, n in zip(self.columns, self._natural, strict=False)
        ]
        room = available - len(NO_MARK) - len(widths)  # one space between and after columns
        excess = sum(widths) - room
        while excess > 0:
            shrinkable = [i for i, c in enumerate(self.columns) if widths[i] > c.min_width]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda i: widths[i])
            widths[widest] -= 1
            excess -= 1
        return widths

    def _refresh_size(self) -> None:
        """Keep the first visible row within the rows shown, and redraw."""
        self._top = max(0, min(self._top, len(self._shown) - self._page))
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self._refresh_size()

    @property
    def _page(self) -> int:
        """Rows that fit below the header."""
        return max(self.content_size.height - 1, 1)

    @property
    def _scrollbar(self) -> bool:
        return len(self._shown) > self._page

    @property
    def _table_width(self) -> int:
        """The width for the columns (the last column holds the scrollbar when one is needed)."""
        width = self.content_size.width
        return width - 1 if self._scrollbar else width

    @property
    def first_visible(self) -> int:
        """Index (in :attr:`shown`) of the first row on screen."""
        return self._top

    def scroll_rows(self, rows: int) -> None:
        """Scroll the view by ``rows`` (negative: up) without moving the cursor."""
        top = max(0, min(self._top + rows, len(self._shown) - self._page))
        if top != self._top:
            self._top = top
            self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        if self._shown:
            clamped = max(0, min(new, len(self._shown) - 1))
            if clamped != new:
                self.cursor = clamped
                return
            if new < self._top:
                self._top = new
            elif new >= self._top + self._page:
                self._top = new - self._page + 1
        self.refresh()
        self.post_message(self.Highlighted(self, self.current_key))

    # --- actions and mouse --------------------------------------------------------------------

    def action_cursor_up(self) -> None:
        self.cursor = max(self.cursor - 1, 0)

    def action_cursor_down(self) -> None:
        self.cursor = min(self.cursor + 1, max(len(self._shown) - 1, 0))

    def action_page_up(self) -> None:
        self.cursor = max(self.cursor - self._page, 0)

    def action_page_down(self) -> None:
        self.cursor = min(self.cursor + self._page, max(len(self._shown) - 1, 0))

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = max(len(self._shown) - 1, 0)

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.Selected(self, key))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll_rows(3)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll_rows(-3)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        if self._scrollbar and offset.x >= self._table_width:
            # A click on the scrollbar jumps there.
            rows = max(self._page, 1)
            share = max(offset.y - 1, 0) / max(rows - 1, 1)
            self.scroll_rows(round(share * (len(self._shown) - rows)) - self._top)
            return
        if offset.y == 0:
            column = self._column_at(offset.x)
            if column is not None:
                self.sort_by(self.columns[column].key)
            return
        index = self._top + offset.y - 1
        if 0 <= index < len(self._shown):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    def _column_at(self, x: int) -> int | None:
        left = len(NO_MARK)
        for i, width in enumerate(self._widths(self._table_width)):
            if left <= x < left + width + 1:
                return i
            left += width + 1
        return None

    # --- rendering ----------------------------------------------------------------------------

    def _header_text(self, widths: list[int]) -> str:
        parts = []
        for i, (column, width) in enumerate(zip(self.columns, widths, strict=False)):
            label = column.label
            if i == self._sort_column:
                label = f"{label} {'▼' if self._sort_reverse else '▲'}"
            parts.append(_fit(label, width, column.align))
        return NO_MARK + " ".join(parts) + " "

    def _row_text(self, record: Record, widths: list[int], mark: str) -> str:
        cells = [
            _fit(cell, width, column.align)
            for cell, width, column in zip(record.cells, widths, self.columns, strict=False)
        ]
        return mark + " ".join(cells) + " "

    def render_line(self, y: int) -> Strip:
        width = self._table_width
        widths = self._widths(width)
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("record-table--header")
            line = Strip([Segment(self._header_text(widths).ljust(width)[:width], style)])
            return self._with_scrollbar(line, y, style)
        index = self._top + y - 1
        if index >= len(self._shown):
            if index == 0 and y == 1:
                style = base + self.get_component_rich_style("record-table--empty")
                return Strip([Segment((NO_MARK + self.empty_text).ljust(width)[:width], style)])
            return self._with_scrollbar(Strip.blank(width, base), y, base)
        record = self._shown[index]
        style = base
        if index % 2:
            style = style + self.get_component_rich_style("record-table--odd")
        mark = NO_MARK
        if index == self.cursor:
            style = style + self.get_component_rich_style("record-table--cursor")
            mark = CURSOR_MARK
        line = Strip([Segment(self._row_text(record, widths, mark).ljust(width)[:width], style)])
        return self._with_scrollbar(line, y, style)

    def _with_scrollbar(self, line: Strip, y: int, header_style: Style) -> Strip:
        """The line with its scrollbar cell: the thumb beside the rows on view, a track elsewhere."""
        if not self._scrollbar:
            return line
        if y == 0:
            return Strip([*line, Segment(" ", header_style)])
        rows, total = self._page, len(self._shown)
        thumb = max(1, round(rows * rows / total))
        start = round(self._top * (rows - thumb) / max(total - rows, 1))
        if start <= y - 1 < start + thumb:
            cell = Segment("█", self.get_component_rich_style("record-table--scrollbar-thumb"))
        else:
            cell = Segment(" ", self.get_component_rich_style("record-table--scrollbar"))
        return Strip([*line, cell])
