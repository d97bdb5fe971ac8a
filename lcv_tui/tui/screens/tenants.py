"""The tenant list: filter as you type, sort by column, add, edit and delete."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Label, Static

from lcv_tui.tui.onboarding import EMPTY_VAULT
from lcv_tui.tui.screens.base import SectionScreen
from lcv_tui.tui.tenant_rows import COLUMNS, status_text, tenant_record, tenant_records
from lcv_tui.tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from lcv_tui.tui.app import LcvApp


UNFILTERED_KEYS = frozenset("nedos/ ")
"""Keys that stay commands on the table instead of starting a search."""


class TenantListScreen(SectionScreen):
    SECTION = "huurders"
    HELP_TOPIC = "huurders"
    CSS_PATH = "tenants.tcss"
    app: LcvApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nieuw", id="tenants.new"),
        Binding("o", "open_file", "Dossier openen", id="tenants.open_file"),
        Binding("e", "edit", "Wijzigen", id="tenants.edit"),
        Binding("d", "delete", "Verwijderen", id="tenants.delete"),
        Binding("s", "next_sort", "Sorteren", id="tenants.sort"),
        Binding("slash", "focus_filter", "Zoeken", id="tenants.filter"),
        Binding("ctrl+g", "guide_signal", "Signaal begeleiden", id="tenants.guide_signal"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield Label("Zoeken", id="filter-label")
            yield Input(
                id="filter",
                select_on_focus=False,
                tooltip="Typ een naam, adres, postcode of gemeente",
            )
        yield RecordTable(
            COLUMNS,
            empty_text="Geen huurders gevonden. Druk op n om een huurder toe te voegen, of pas de zoektekst aan.",
            id="tenants",
        )
        yield Static("", id="tenants-count", markup=False)

    @property
    def table(self) -> RecordTable:
        return self.query_one("#tenants", RecordTable)

    def on_mount(self) -> None:
        self.table.sort_by("naam")
        self.reload()
        self.table.focus()

    def reload(self) -> None:
        """Recompute every row (after a change in another section, or new data)."""
        workspace = self.app.workspace
        assert workspace is not None
        self.table.set_records(tenant_records(workspace.data, self.app.clock.today()))
        self._show_count()

    def _show_count(self) -> None:
        table = self.table
        column, reverse = table.sort_state
        sort = ""
        if column is not None:
            label = next(c.label for c in table.columns if c.key == column)
            sort = f" · gesorteerd op {label.lower()} {'▼ aflopend' if reverse else '▲ oplopend'}"
        shown, total = len(table.shown), table.total
        what = "huurder" if total == 1 else "huurders"
        count = f"{total} {what}" if shown == total else f"{shown} van {total} {what}"
        self.query_one("#tenants-count", Static).update(count + sort if total else EMPTY_VAULT)

    # --- filter and focus ---------------------------------------------------------------------

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    def _apply_filter(self, text: str) -> None:
        self.table.set_filter(text)
        self._show_count()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        filter_input = self.query_one("#filter", Input)
        if (
            self.focused is self.table
            and event.is_printable
            and event.character
            and event.character not in UNFILTERED_KEYS
        ):
            # Type-to-filter: a letter that is not a command starts (or continues) the search.
            event.stop()
            filter_input.focus()
            filter_input.insert_text_at_cursor(event.character)
            # Filter now rather than on the Input's Changed message: the focus move makes the footer
            # rebuild (the filter box has other keys) after the next frame, and that frame should
            # already show the narrowed list. The Changed message then finds the same filter.
            self._apply_filter(filter_input.value)
        elif self.focused is filter_input and event.key == "down":
            event.stop()
            self.table.focus()
        elif self.focused is filter_input and event.key == "escape" and filter_input.value:
            event.stop()
            filter_input.value = ""

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete", "open_file", "guide_signal"):
            return True if self.table.current_key is not None else None
        return True

    @on(RecordTable.Highlighted, "#tenants")
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        # Only when edit/delete change between available and not: a footer refresh costs a recompose.
        has_record = event.key is not None
        if has_record != getattr(self, "_had_record", None):
            self._had_record = has_record
            self.refresh_bindings()

    def action_guide_signal(self) -> None:
        key = self.table.current_key
        if key is not None:
            from lcv_tui.tui.screens.wizard import open_wizard

            open_wizard(self.app, key)

    def action_next_sort(self) -> None:
        column, _ = self.table.sort_state
        keys = [c.key for c in COLUMNS]
        following = keys[(keys.index(column) + 1) % len(keys)] if column in keys else keys[0]
        self.table.sort_by(following, reverse=False)
        self._show_count()

    def on_click(self) -> None:
        # A header click sorts inside the table; keep the count line in step.
        self.call_after_refresh(self._show_count)

    # --- add, edit, delete --------------------------------------------------------------------

    def action_new(self) -> None:
        from lcv_tui.tui.screens.tenant_form import TenantFormScreen

        self.app.push_screen(TenantFormScreen(), self._saved)

    @on(RecordTable.Selected, "#tenants")
    def action_edit(self) -> None:
        key = self.table.current_key
        if key is None or self.app.workspace is None:
            return
        from lcv_tui.tui.screens.tenant_form import TenantFormScreen

        self.app.push_screen(TenantFormScreen(self.app.workspace.data.tenant(key)), self._saved)

    def action_open_file(self) -> None:
        key = self.table.current_key
        if key is None:
            return
        from lcv_tui.tui.screens.tenant_file import TenantFileScreen

        self.app.push_screen(TenantFileScreen(key), lambda _: self.reload())

    def _saved(self, tenant_id: str | None) -> None:
        workspace = self.app.workspace
        if tenant_id is None or workspace is None:
            return
        tenant = workspace.data.tenant(tenant_id)
        self.table.upsert(
            tenant_record(
                tenant,
                status_text(tenant, workspace.data, self.app.clock.today()),
                self.app.clock.today(),
            )
        )
        self._show_count()
        self.table.focus()

    def action_delete(self) -> None:
        workspace = self.app.workspace
        key = self.table.current_key
        if key is None or workspace is None:
            return
        tenant = workspace.data.tenant(key)
        from lcv_tui.tui.edits import delete_tenant
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            delete_tenant(workspace, key)
            self.table.remove(key)
            self._show_count()
            self.app.commit(f"Huurder {tenant.display_name} verwijderd")

        self.app.push_screen(
            ConfirmScreen(
                f"Huurder {tenant.display_name}, {tenant.address_line} verwijderen?\n\n"
                "Het dossier van deze huurder (brieven, stappen, betalingen) verdwijnt dan uit de kluis. "
                "Een oude reservekopie bevat het nog tot die wordt opgeruimd.",
                yes="Verwijderen",
                no="Niet verwijderen",
                title="Huurder verwijderen",
                danger=True,
            ),
            answered,
        )
