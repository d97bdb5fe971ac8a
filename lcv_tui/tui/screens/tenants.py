"""The tenant list: filter as you type, filter by status, sort by column, add, edit and delete.

Every printable key filters (issue 15.1): typing "dijkstra" can only ever search. The actions sit on
keys that cannot be typed into a search (Enter, Delete, Ctrl combinations, function keys).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from lcv_tui.tui.keys import key_text
from lcv_tui.tui.onboarding import EMPTY_VAULT
from lcv_tui.tui.screens.base import FollowsData, SectionScreen
from lcv_tui.tui.screens.type_filter import filter_box, type_to_filter
from lcv_tui.tui.tenant_rows import (
    COLUMNS,
    STATUS_FILTERS,
    status_facts,
    tenant_record,
    tenant_records,
)
from lcv_tui.tui.widgets.record_table import RecordTable

if TYPE_CHECKING:
    from lcv_tui.tui.host import HostApp


class TenantTable(RecordTable):
    """The tenant list's table: Enter shows in the footer as "Wijzigen" (the table's own Enter
    binding would otherwise hide the screen's, being closer to the focus)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Wijzigen", id="tenants.table.edit"),
    ]


class TenantListScreen(FollowsData, SectionScreen):
    SECTION = "huurders"
    HELP_TOPIC = "huurders"
    CSS_PATH = "tenants.tcss"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "new", "Nieuw", id="tenants.new"),
        Binding("enter", "edit", "Wijzigen", id="tenants.edit"),
        Binding("ctrl+o", "open_file", "Dossier", id="tenants.open_file"),
        Binding("ctrl+g", "guide_signal", "Begeleiden", id="tenants.guide_signal"),
        Binding("delete", "delete", "Verwijderen", id="tenants.delete"),
        Binding("f7", "next_status", "Status", id="tenants.status"),
        Binding("ctrl+t", "next_sort", "Sorteren", id="tenants.sort"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="filter-row"):
            yield from filter_box("een naam, adres, postcode of gemeente")
            yield Select(
                [(label, key) for key, label in STATUS_FILTERS],
                value="alle",
                allow_blank=False,
                compact=True,
                id="status-filter",
                tooltip=f"Toon alleen huurders met deze status ({key_text(self, 'tenants.status')})",
            )
        yield TenantTable(
            COLUMNS,
            empty_text=(
                f"Geen huurders gevonden. {key_text(self, 'tenants.new')} voegt een huurder toe; "
                "of pas de zoektekst of de status aan."
            ),
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

    def refresh_data(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Recompute every row (after a change anywhere in the app, or new data)."""
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

    @on(Select.Changed, "#status-filter")
    def _status_changed(self, event: Select.Changed) -> None:
        value = event.value
        self.table.set_group(None if value in ("alle", Select.NULL) else str(value))
        self._show_count()

    def action_next_status(self) -> None:
        select = self.query_one("#status-filter", Select)
        keys = [key for key, _ in STATUS_FILTERS]
        current = select.value if select.value in keys else "alle"
        select.value = keys[(keys.index(str(current)) + 1) % len(keys)]

    def on_key(self, event: events.Key) -> None:
        type_to_filter(
            self, event, self.table, self.query_one("#filter", Input), self._apply_filter
        )

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
    def _selected(self) -> None:
        self.action_edit()

    def action_edit(self, focus_field: str = "") -> None:
        key = self.table.current_key
        if key is None or self.app.workspace is None:
            return
        from lcv_tui.tui.screens.tenant_form import TenantFormScreen

        form = TenantFormScreen(self.app.workspace.data.tenant(key))
        self.app.push_screen(form, self._saved)
        if focus_field:
            self.app.call_after_refresh(lambda: form.query_one(f"#field-{focus_field}").focus())

    def action_open_file(self) -> None:
        key = self.table.current_key
        if key is None:
            return
        from lcv_tui.tui.screens.tenant_file import TenantFileScreen

        self.app.push_screen(TenantFileScreen(key))

    def _saved(self, tenant_id: str | None) -> None:
        workspace = self.app.workspace
        if tenant_id is None or workspace is None:
            return
        tenant = workspace.data.tenant(tenant_id)
        # The commit already refreshed the list; this puts the cursor on the saved tenant.
        self.table.upsert(
            tenant_record(
                tenant,
                *status_facts(tenant, workspace.data, self.app.clock.today()),
                self.app.clock.today(),
            )
        )
        self._show_count()
        self.table.focus()

    def action_delete(self) -> None:
        """Delete a tenant entered by mistake. A tenant with anything recorded is refused (LCV
        evidence; the retention rule removes the file later) and offered an end date instead."""
        workspace = self.app.workspace
        key = self.table.current_key
        if key is None or workspace is None:
            return
        tenant = workspace.data.tenant(key)
        from lcv_tui.domain.actions import deletion_refusal
        from lcv_tui.tui.screens.dialogs import ChoiceScreen, TypedConfirmScreen

        refusal = deletion_refusal(tenant)
        if refusal is not None:

            def chosen(choice: str | None) -> None:
                if choice == "end":
                    self.action_edit(focus_field="tenancy_end")

            self.app.push_screen(
                ChoiceScreen(
                    refusal,
                    [("end", "Einddatum invullen"), ("cancel", "Terug")],
                    title="Huurder niet verwijderen",
                ),
                chosen,
            )
            return

        def answered(confirmed: bool | None) -> None:
            if not confirmed:
                return
            from lcv_tui.services.edits import delete_tenant

            try:
                delete_tenant(workspace, key)
            except ValueError as exc:
                self.notify(str(exc), severity="warning", timeout=10, markup=False)
                return
            self.app.commit(f"Huurder {tenant.display_name} verwijderd")

        self.app.push_screen(
            TypedConfirmScreen(
                f"Huurder {tenant.display_name}, {tenant.address_line} verwijderen?\n\n"
                "Er is niets vastgelegd voor deze huurder (geen brief, stap of betaling). "
                "Een oude reservekopie bevat de gegevens nog tot die wordt opgeruimd.",
                word=tenant.surname,
                yes="Verwijderen",
                no="Niet verwijderen",
                title="Huurder verwijderen",
            ),
            answered,
        )
