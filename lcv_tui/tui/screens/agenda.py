"""Vandaag te doen: the agenda (``domain.agenda.agenda``), the home section.

Rows come in the domain's order (te laat, vandaag, binnenkort; then date and name), each with its
urgency in words and a symbol, the date, the tenant, the action, the reason and its article. The
panel under the table shows the whole reason of the highlighted row. Enter opens the tenant file;
the agenda is computed again whenever the screen comes back (after a change anywhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from lcv_tui.domain.agenda import AgendaItem, Urgency
from lcv_tui.domain.validation import format_date
from lcv_tui.tui.screens.base import FollowsData, SectionScreen
from lcv_tui.tui.screens.type_filter import filter_box, type_to_filter
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from collections.abc import Iterable

    from textual.app import SystemCommand

    from lcv_tui.tui.host import AppHost, HostApp

URGENCY_SYMBOLS = {Urgency.OVERDUE: "‼", Urgency.TODAY: "!", Urgency.SOON: "→"}

COLUMNS = (
    Column("urgentie", "Wanneer", min_width=12, max_width=12),
    Column("datum", "Datum", min_width=10, max_width=10),
    Column("huurder", "Huurder", min_width=10, max_width=22),
    Column("actie", "Actie", min_width=14, max_width=34),
    Column("reden", "Waarom", min_width=12, max_width=80),
    Column("artikel", "Artikel", min_width=9, max_width=22),
)

EMPTY = "Niets te doen vandaag, en ook de komende twee weken niet. Alle huurders zijn bij of er loopt niets."

NOT_FOUND = "Niets op de agenda past bij deze zoektekst. Esc wist de zoektekst."


def urgency_text(urgency: Urgency) -> str:
    return f"{URGENCY_SYMBOLS[urgency]} {urgency.label}"


def counts_text(items: list[AgendaItem]) -> str:
    """``‼ Te laat: 3 · ! Vandaag: 1 · → Binnenkort: 5 — voor 7 huurders``."""
    from lcv_tui.domain.agenda import counts

    found = counts(items)
    if not found.total:
        return EMPTY
    parts = (
        f"{urgency_text(Urgency.OVERDUE)}: {found.overdue}",
        f"{urgency_text(Urgency.TODAY)}: {found.today}",
        f"{urgency_text(Urgency.SOON)}: {found.soon}",
    )
    who = "huurder" if found.tenants == 1 else "huurders"
    return " · ".join(parts) + f" — voor {found.tenants} {who}"


def agenda_record(key: str, item: AgendaItem) -> Record:
    return Record(
        key=key,
        cells=(
            urgency_text(item.urgency),
            format_date(item.due),
            item.tenant_name,
            item.action.label,
            item.text,
            item.article,
        ),
        sort_keys=(
            item.urgency.rank,
            item.due,
            item.tenant_name.casefold(),
            item.action.label,
            item.text,
            item.article,
        ),
        search=search_key(item.tenant_name, item.address, item.action.label),
    )


class AgendaScreen(FollowsData, SectionScreen):
    SECTION = "agenda"
    HELP_TOPIC = "agenda"
    CSS_PATH = "agenda.tcss"
    app: HostApp

    # Every printable key filters the list (issue 15.1), so the actions sit on keys that cannot be
    # typed into a search: Enter, Ctrl combinations.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+o", "open", "Dossier", id="agenda.open"),
        Binding("ctrl+g", "guide_signal", "Begeleiden", id="agenda.guide_signal"),
        Binding("ctrl+b", "letters", "Brieven", id="agenda.letters"),
        Binding("ctrl+u", "tenant_info", "Info huurders", id="agenda.tenant_info"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[str, AgendaItem] = {}

    def compose_body(self) -> ComposeResult:
        yield Static("", id="agenda-counts", markup=False)
        with Horizontal(id="filter-row"):
            yield from filter_box("een naam, adres of actie")
        yield RecordTable(COLUMNS, empty_text=EMPTY, id="agenda")
        yield Static("", id="agenda-detail", markup=False)

    @property
    def table(self) -> RecordTable:
        return self.query_one("#agenda", RecordTable)

    def on_mount(self) -> None:
        self.reload()
        self.table.focus()

    def refresh_data(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Show today's agenda (computed once per change of the data: ``AppHost.agenda_items``)."""
        found = self.app.agenda_items()
        self.items = {f"{item.tenant_id}:{index}": item for index, item in enumerate(found)}
        self.table.set_records(agenda_record(key, item) for key, item in self.items.items())
        self.query_one("#agenda-counts", Static).update(counts_text(found))
        self._show_detail()

    @on(Input.Changed, "#filter")
    def _filter(self, event: Input.Changed) -> None:
        self._apply_filter(event.value)

    def _apply_filter(self, text: str) -> None:
        table = self.table
        # An empty result of a search is not an empty agenda: say so, and how to get the list back.
        table.empty_text = NOT_FOUND if text.strip() else EMPTY
        table.set_filter(text)
        table.refresh()
        self._show_detail()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.table.focus()

    def on_key(self, event: events.Key) -> None:
        type_to_filter(
            self, event, self.table, self.query_one("#filter", Input), self._apply_filter
        )

    @on(RecordTable.Highlighted, "#agenda")
    def _show_detail(self) -> None:
        detail = self.query_one("#agenda-detail", Static)
        item = self.items.get(self.table.current_key or "")
        if item is None:
            detail.update("")
            detail.display = False
            return
        detail.display = True
        detail.update(
            f"{item.tenant_name}, {item.address}\n{urgency_text(item.urgency)} · {format_date(item.due)} · "
            f"{item.action.label} ({item.article})\n{item.text}\nEnter opent het dossier van deze huurder."
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open":
            return True if self.table.current_key is not None else None
        return True

    @on(RecordTable.Selected, "#agenda")
    def action_open(self) -> None:
        item = self.items.get(self.table.current_key or "")
        if item is None:
            return
        from lcv_tui.tui.screens.tenant_file import TenantFileScreen

        self.app.push_screen(TenantFileScreen(item.tenant_id))

    def action_guide_signal(self) -> None:
        item = self.items.get(self.table.current_key or "")
        if item is None:
            return
        from lcv_tui.tui.screens.wizard import open_wizard

        open_wizard(self.app, item.tenant_id)

    def action_letters(self) -> None:
        from lcv_tui.tui.screens.letters import LettersScreen

        self.app.push_screen(LettersScreen())

    def action_tenant_info(self) -> None:
        from lcv_tui.tui.screens.tenant_info import TenantInfoScreen

        self.app.push_screen(TenantInfoScreen())


def agenda_commands(app: AppHost) -> Iterable[SystemCommand]:
    """Command-palette entries for the letters of today and the text for tenants (opened on the agenda)."""
    from textual.app import SystemCommand

    def open_on_agenda(screen_name: str) -> None:
        from lcv_tui.tui.screens.letters import LettersScreen
        from lcv_tui.tui.screens.tenant_info import TenantInfoScreen

        app.switch_mode("agenda")
        app.push_screen(LettersScreen() if screen_name == "letters" else TenantInfoScreen())

    yield SystemCommand(
        "Brieven van vandaag",
        "Alle brieven die vandaag klaarstaan: maken en als verstuurd vastleggen",
        lambda: open_on_agenda("letters"),
    )
    yield SystemCommand(
        "Informatie voor huurders",
        "De informatietekst voor huurders: kopiëren of opslaan",
        lambda: open_on_agenda("tenant_info"),
    )
