"""Base screens: a section screen (section bar, body, footer) and a form screen that guards edits.

Any screen may define ``has_unsaved_changes()`` and ``unsaved_description()``; the app asks
before quitting when one of them has unsaved edits (see ``LcvApp.unsaved_reasons``).
"""

from __future__ import annotations

from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Header, Static

from lcv_tui.tui.sections import SECTIONS
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import form_values

ResultT = TypeVar("ResultT")


class SectionBar(Static):
    """The row of sections under the header; the active one is marked with ● and reverse, not colour alone.
    It fits in 80 columns."""

    def __init__(self, active: str) -> None:
        super().__init__(self._content(active), id="section-bar")

    @staticmethod
    def _content(active: str) -> str:
        parts = []
        for s in SECTIONS:
            key = s.key.upper()
            if s.mode == active:
                parts.append(f"[b reverse] ● {key} {s.bar_title} [/]")
            else:
                parts.append(f"[@click=app.show_section('{s.mode}')] {key} {s.bar_title} [/]")
        return " ".join(parts)


class TracksEdits:
    """Mixin for screens with a form: remembers the values at the last save and compares."""

    WHAT: ClassVar[str] = "de gegevens"
    """Dutch object for the unsaved-changes question, e.g. 'de huurder'."""

    _clean_values: dict[str, object] | None = None

    def mark_clean(self) -> None:
        self._clean_values = form_values(self)  # type: ignore[arg-type]

    def has_unsaved_changes(self) -> bool:
        return self._clean_values is not None and form_values(self) != self._clean_values  # type: ignore[arg-type]

    def unsaved_description(self) -> str:
        return f"Wijzigingen aan {self.WHAT} zijn nog niet opgeslagen."


class FollowsData:
    """Mixin for screens that show vault data: one source of truth, ``LcvApp.data_revision``.

    ``LcvApp.commit()`` (every change: an import, a bank statement, a step, a correction) bumps the
    revision. A screen on view refreshes at once (:meth:`refresh_data`); a screen out of view (another
    section, or under a pushed screen) refreshes when it comes back, so 10,000 tenants are not
    recomputed for a screen nobody looks at.
    """

    _data_revision_shown: int = -1

    def refresh_data(self) -> None:
        """Recompute what the screen shows from ``app.workspace.data``."""

    def on_mount(self) -> None:
        screen: Screen = self  # type: ignore[assignment]
        self._data_revision_shown = getattr(screen.app, "data_revision", 0)
        if hasattr(screen.app, "data_revision"):
            screen.watch(screen.app, "data_revision", self._data_revision_changed, init=False)

    def _data_revision_changed(self, revision: int) -> None:
        screen: Screen = self  # type: ignore[assignment]
        if screen.is_current:
            self._catch_up()

    def on_screen_resume(self) -> None:
        if getattr(self.app, "data_revision", 0) != self._data_revision_shown:  # type: ignore[attr-defined]
            self._catch_up()

    def _catch_up(self) -> None:
        self._data_revision_shown = self.app.data_revision  # type: ignore[attr-defined]
        self.refresh_data()


class ScrollsPanes(Screen[None]):
    """A screen whose text panels scroll with the arrows and PageUp/PageDown without Tab first.

    The keys go to the focused widget first (a list moves its cursor, an input its caret); when
    it does not use them (a tab bar, a button) they scroll the panel on view: the active tab's
    panel, else the screen's first scrolling container.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "scroll_panel('scroll_down')", "Omlaag", show=False),
        Binding("up", "scroll_panel('scroll_up')", "Omhoog", show=False),
        Binding("pagedown", "scroll_panel('scroll_page_down')", "Pagina omlaag", show=False),
        Binding("pageup", "scroll_panel('scroll_page_up')", "Pagina omhoog", show=False),
    ]

    def _panel(self) -> Widget | None:
        from textual.containers import ScrollableContainer
        from textual.widgets import TabbedContent

        from lcv_tui.tui.widgets.record_table import RecordTable

        root: Widget = self
        for tabs in self.query(TabbedContent):
            if tabs.active_pane is not None:
                root = tabs.active_pane
                break
        for widget in root.query("*"):
            if isinstance(widget, (ScrollableContainer, RecordTable)) and widget.display:
                return widget
        return None

    def action_scroll_panel(self, how: str) -> None:
        from lcv_tui.tui.widgets.record_table import RecordTable

        panel = self._panel()
        if isinstance(panel, RecordTable):
            table_action = {
                "scroll_down": panel.action_cursor_down,
                "scroll_up": panel.action_cursor_up,
                "scroll_page_down": panel.action_page_down,
                "scroll_page_up": panel.action_page_up,
            }[how]
            table_action()
        elif panel is not None:
            getattr(panel, how)(animate=False)


class SectionScreen(Screen[None]):
    """The base screen of a section. Subclasses set ``SECTION`` and ``HELP_TOPIC`` and
    implement :meth:`compose_body`."""

    SECTION: ClassVar[str] = ""
    HELP_TOPIC: ClassVar[str] = "algemeen"

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield SectionBar(self.SECTION)
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()


class FormScreen(TracksEdits, Screen[ResultT], Generic[ResultT]):
    """A screen pushed on top of a section to edit one thing; returns a result with ``dismiss``.

    While a form is open the section keys are disabled, so an edit is finished or cancelled
    before leaving. Escape with unsaved edits asks to discard. Subclasses define
    ``action_save`` and call :meth:`mark_clean` after a successful save.
    """

    HELP_TOPIC: ClassVar[str] = "algemeen"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Opslaan", id="form.save"),
        Binding("escape", "cancel", "Terug", id="form.cancel"),
    ]

    def on_mount(self) -> None:
        self.call_after_refresh(self.mark_clean)

    def compose_buttons(self) -> ComposeResult:
        """The Save and Back buttons every form ends with (the keys do the same)."""
        with Horizontal(classes="form-buttons"):
            yield Button("Opslaan (Ctrl+S)", id="save", variant="primary")
            yield Button("Terug (Esc)", id="cancel")

    def action_save(self) -> None:
        """Check and save the form: every form screen defines its own."""
        raise TypeError(f"{type(self).__name__} defines no action_save")

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    def action_cancel(self) -> None:
        if not self.has_unsaved_changes():
            self.dismiss(None)
            return
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                f"U heeft {self.WHAT} gewijzigd maar nog niet opgeslagen. Wijzigingen weggooien?",
                yes="Weggooien",
                no="Verder bewerken",
                danger=True,
            ),
            answered,
        )
