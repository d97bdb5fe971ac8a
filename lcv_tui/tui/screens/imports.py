"""Inlezen: tenants or payments from the landlord's own CSV or XLSX file.

Three steps, and nothing changes before the last one:

1. :class:`ImportScreen`: what to read (tenants or payments) and the path; ``exports.imports``
   reads the file in a thread worker.
2. :class:`ImportMappingScreen`: which column holds which field. Recognised titles are filled in,
   and the mapping used last time (``data.import_mappings``) comes first.
3. :class:`ImportPreviewScreen`: what will be added, the rows with errors and the duplicates.
   "Alles inlezen" only when there are no errors; "Foute regels overslaan en de rest inlezen" is
   a separate, explicit choice. ``services.imports.apply_import`` is all or nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Label, Select, Static

from lcv_tui.domain.validation import format_date, format_money
from lcv_tui.tui.screens.signals import UNREADABLE, MeldenSubScreen
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.path_field import PathField
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.models import VaultData
    from lcv_tui.exports.imports import ImportPlan, PlannedRow, RowIssue
    from lcv_tui.tui.host import HostApp

KINDS = (("Huurders", "tenants"), ("Betalingen", "payments"))
KIND_TITLES = {value: label for label, value in KINDS}
KIND_WORDS = {"tenants": ("huurder", "huurders"), "payments": ("betaling", "betalingen")}

ALL = "all"
SKIP_BAD = "skip"
REMAP = "remap"

ISSUE_COLUMNS = (
    Column("regel", "Regel", min_width=7, max_width=7, align="right"),
    Column("soort", "Soort", min_width=5, max_width=6),
    Column("kolom", "Kolom", min_width=8, max_width=20),
    Column("melding", "Melding", min_width=20, max_width=200),
)
TENANT_COLUMNS = (
    Column("regel", "Regel", min_width=7, max_width=7, align="right"),
    Column("naam", "Naam", min_width=10, max_width=26),
    Column("adres", "Adres", min_width=10, max_width=30),
    Column("postcode", "Postcode", min_width=8, max_width=8),
    Column("gemeente", "Gemeente", min_width=8, max_width=20),
    Column("huur", "Huur", min_width=9, max_width=12, align="right"),
)
PAYMENT_COLUMNS = (
    Column("regel", "Regel", min_width=7, max_width=7, align="right"),
    Column("huurder", "Huurder", min_width=10, max_width=30),
    Column("datum", "Datum", min_width=10, max_width=10),
    Column("bedrag", "Bedrag", min_width=10, max_width=12, align="right"),
    Column("omschrijving", "Omschrijving", min_width=10, max_width=60),
)


def count_text(count: int, kind: str) -> str:
    one, many = KIND_WORDS[kind]
    return f"{count} {one if count == 1 else many}"


def field_specs(kind: str) -> list[tuple[str, str, bool]]:
    """(field, Dutch label, required) for every field of ``kind``, in the order of ``exports.imports``."""
    from lcv_tui.exports.imports import (
        PAYMENT_FIELDS,
        PAYMENT_REQUIRED,
        TENANT_FIELDS,
        TENANT_REQUIRED,
        TENANTS,
    )

    fields, required = (
        (TENANT_FIELDS, TENANT_REQUIRED) if kind == TENANTS else (PAYMENT_FIELDS, PAYMENT_REQUIRED)
    )
    return [(name, label, name in required) for name, (label, _) in fields.items()]


def header_titles(header: list[Any]) -> list[str]:
    titles: list[str] = []
    for value in header:
        title = str(value).strip() if value is not None else ""
        if title and title not in titles:
            titles.append(title)
    return titles


def planned_record(row: PlannedRow, kind: str, data: VaultData) -> Record:
    values = row.values
    if kind == "tenants":
        name = f"{values.get('surname', '')}, {values.get('initials', '')}".strip(", ")
        address = f"{values.get('street', '')} {values.get('house_number', '')} {values.get('addition', '')}".strip()
        rent = values.get("rent")
        return Record(
            key=str(row.row),
            cells=(
                str(row.row),
                name,
                address,
                str(values.get("postcode", "")),
                str(values.get("gemeente", "")),
                format_money(rent) if rent is not None else "",
            ),
            sort_keys=(
                row.row,
                name.casefold(),
                address.casefold(),
                values.get("postcode", ""),
                values.get("gemeente", ""),
                rent or 0,
            ),
            search=search_key(
                name, address, str(values.get("postcode", "")), str(values.get("gemeente", ""))
            ),
        )
    try:
        tenant = data.tenant(values["tenant_id"])
        who = f"{tenant.display_name}, {tenant.address_line}"
    except KeyError:
        who = ""
    on: dt.date = values["on"]
    return Record(
        key=str(row.row),
        cells=(
            str(row.row),
            who,
            format_date(on),
            format_money(values["amount"]),
            values.get("note", ""),
        ),
        sort_keys=(row.row, who.casefold(), on, values["amount"], values.get("note", "")),
        search=search_key(who, values.get("note", "")),
    )


def issue_record(index: int, issue: RowIssue, kind: str) -> Record:
    return Record(
        key=f"{kind}-{index}",
        cells=(str(issue.row), kind, issue.column or "—", issue.message),
        sort_keys=(issue.row, kind, issue.column or "", issue.message),
        search=search_key(kind, issue.column or "", issue.message),
    )


# --- messages from the workers -----------------------------------------------------------------


@dataclass
class TableRead(Message):
    kind: str
    path: str
    table: list[list[Any]]


@dataclass
class PlanReady(Message):
    kind: str
    plan: ImportPlan


@dataclass
class ImportFailed(Message):
    message: str


# --- step 1: what and where ---------------------------------------------------------------------


class ImportScreen(MeldenSubScreen):
    """Choose tenants or payments and a file; then the column mapping, the preview, and applying."""

    CSS_PATH = "imports.tcss"
    HELP_TOPIC = "inlezen"
    TITLE_TEXT = "Inlezen uit een CSV- of Excel-bestand"
    AUTO_FOCUS = "#import-path"

    def __init__(self) -> None:
        super().__init__()
        self.kind = "tenants"
        self.table: list[list[Any]] = []
        self.plan: ImportPlan | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Lees huurders of betalingen in uit uw eigen bestand (de eerste regel bevat de kolomtitels). "
            "U ziet eerst wat er gebeurt; pas daarna wordt er iets ingelezen.",
            classes="screen-intro",
            markup=False,
        )
        with Vertical(id="import-form"):
            yield Label("Wat leest u in?", id="import-kind-label")
            yield Select(KINDS, value="tenants", allow_blank=False, id="import-kind")
            yield Label(
                "Pad van het bestand (CSV of XLSX), bijvoorbeeld ~/Documenten/huurders.xlsx",
                id="import-path-label",
            )
            with Horizontal(id="import-row"):
                yield PathField(input_id="import-path")
                yield Button("Lezen (Enter)", id="import-read", variant="primary")
        yield Static("", id="import-status", markup=False)
        yield Button("Bankafschrift inlezen…", id="import-bank")

    @on(Button.Pressed, "#import-bank")
    def _bank(self) -> None:
        from lcv_tui.tui.screens.bank_import import BankImportScreen

        self.app.push_screen(BankImportScreen())

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#import-status", Static)
        status.update(f"⚠ {text}" if error else text)
        status.set_class(error, "-error")

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-read")
    def action_read(self) -> None:
        path = self.query_one(PathField).path
        if not path:
            self._status("Typ eerst het pad van het bestand.", error=True)
            return
        kind = self.query_one("#import-kind", Select).value
        self.kind = str(kind)
        self._status("Bezig met lezen…")
        self.query_one("#import-form").loading = True
        self._read(self.kind, path)

    @work(thread=True, exclusive=True, group="import")
    def _read(self, kind: str, path: str) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.imports import read_table

        try:
            table = read_table(path)
        except ExportError as exc:
            self.post_message(ImportFailed(exc.message))
            return
        except (
            Exception
        ):  # a foreign file can upset a parser in ways no one listed; never a traceback
            self.post_message(ImportFailed(UNREADABLE))
            return
        self.post_message(TableRead(kind, path, table))

    def on_import_failed(self, message: ImportFailed) -> None:
        self.query_one("#import-form").loading = False
        self._status(message.message, error=True)
        self.query_one("#import-path", Input).focus()  # the loading indicator took the focus

    def on_table_read(self, message: TableRead) -> None:
        self.query_one("#import-form").loading = False
        self.table = message.table
        if not message.table or not header_titles(message.table[0]):
            self._status(
                "Het bestand is leeg of de eerste regel heeft geen kolomtitels: zet de titels (zoals Achternaam, "
                "Postcode) op de eerste regel.",
                error=True,
            )
            return
        self._status(f"{len(message.table) - 1} regels gelezen. Kies nu welke kolom wat is.")
        self._ask_mapping()

    def _ask_mapping(self, mapping: dict[str, str] | None = None) -> None:
        from lcv_tui.exports.imports import detect_mapping

        workspace = self.app.workspace
        assert workspace is not None
        header = self.table[0]
        remembered = (
            mapping if mapping is not None else workspace.data.import_mappings.get(self.kind)
        )
        titles = header_titles(header)
        # A remembered column that is not in this file is simply not pre-filled.
        given = {name: title for name, title in (remembered or {}).items() if title in titles}
        found, _ = detect_mapping(self.kind, header, given or None)
        self.app.push_screen(ImportMappingScreen(self.kind, titles, found.to_dict()), self._mapped)

    def _mapped(self, mapping: dict[str, str] | None) -> None:
        if mapping is None:
            self._status("Inlezen afgebroken: er is niets veranderd.")
            return
        workspace = self.app.workspace
        assert workspace is not None
        self._status("Bezig met controleren…")
        self.query_one("#import-form").loading = True
        self._plan(self.kind, self.table, workspace.data, self.app.clock.today(), mapping)

    @work(thread=True, exclusive=True, group="import")
    def _plan(
        self,
        kind: str,
        table: list[list[Any]],
        data: VaultData,
        today: dt.date,
        mapping: dict[str, str],
    ) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.imports import TENANTS, plan_payments_table, plan_tenants_table

        try:
            if kind == TENANTS:
                plan = plan_tenants_table(table, data, mapping=mapping)
            else:
                plan = plan_payments_table(table, data, today=today, mapping=mapping)
        except ExportError as exc:
            self.post_message(ImportFailed(exc.message))
            return
        except Exception:  # see _read
            self.post_message(ImportFailed(UNREADABLE))
            return
        self.post_message(PlanReady(kind, plan))

    def on_plan_ready(self, message: PlanReady) -> None:
        self.query_one("#import-form").loading = False
        self.plan = message.plan
        self._status("Bekijk wat er ingelezen wordt.")
        self.app.push_screen(ImportPreviewScreen(message.kind, message.plan), self._chosen)

    def _chosen(self, choice: str | None) -> None:
        plan = self.plan
        if choice == REMAP and plan is not None:
            self._ask_mapping(plan.mapping.to_dict())
            return
        if choice not in (ALL, SKIP_BAD) or plan is None:
            self._status("Inlezen afgebroken: er is niets veranderd.")
            return
        self._apply(plan, skip_bad=choice == SKIP_BAD)

    def _apply(self, plan: ImportPlan, *, skip_bad: bool) -> None:
        from lcv_tui.exports.imports import ImportRefused
        from lcv_tui.services.imports import apply_import

        workspace = self.app.workspace
        assert workspace is not None
        try:
            result = apply_import(workspace, plan, now=self.app.clock.now(), skip_bad=skip_bad)
        except ImportRefused as exc:
            self._status(exc.message, error=True)
            self.notify(
                exc.message, title="Niets ingelezen", severity="error", timeout=12, markup=False
            )
            return
        added = count_text(result.added, plan.kind)
        parts = [f"{added} ingelezen"]
        if result.skipped_bad:
            parts.append(
                f"{result.skipped_bad} foute {'regel' if result.skipped_bad == 1 else 'regels'} overgeslagen"
            )
        if result.duplicates:
            parts.append(f"{result.duplicates} dubbel, niet opnieuw toegevoegd")
        summary = "; ".join(parts)
        self._status(summary[0].upper() + summary[1:] + ".")
        self.app.commit(summary[0].upper() + summary[1:])


# --- step 2: the column mapping -----------------------------------------------------------------


class ImportMappingScreen(Screen["dict[str, str] | None"]):
    """A Select per field, pre-filled with the recognised or remembered column; returns the mapping."""

    CSS_PATH = "imports.tcss"
    HELP_TOPIC = "inlezen"
    AUTO_FOCUS = "Select"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "done", "Voorbeeld", id="mapping.done"),
        Binding("escape", "cancel", "Terug", id="mapping.cancel"),
    ]

    def __init__(self, kind: str, titles: list[str], mapping: dict[str, str]) -> None:
        super().__init__()
        self.kind = kind
        self.titles = titles
        self.mapping = mapping

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield Static(
            f"Kolommen kiezen: {KIND_TITLES[self.kind].lower()}", classes="sub-title", markup=False
        )
        yield Static(
            "Kies per gegeven de kolom uit uw bestand. Herkende kolommen staan al ingevuld; * is verplicht. "
            "Kies '— niet inlezen —' voor wat uw bestand niet heeft.",
            classes="screen-intro",
            markup=False,
        )
        options = [(title, title) for title in self.titles]
        with VerticalScroll(id="mapping-body"):
            for name, label, required in field_specs(self.kind):
                with Horizontal(classes="mapping-field"):
                    yield Label(f"{label}{' *' if required else ''}", classes="mapping-label")
                    yield Select(
                        options,
                        value=self.mapping.get(name, Select.NULL),
                        prompt="— niet inlezen —",
                        allow_blank=True,
                        id=f"map-{name}",
                        compact=True,
                    )
        yield Static("", id="mapping-error", markup=False)
        with Horizontal(classes="import-buttons"):
            yield Button("Voorbeeld tonen (Ctrl+S)", id="mapping-done", variant="primary")
            yield Button("Terug (Esc)", id="mapping-cancel")
        yield KeyFooter()

    def chosen(self) -> dict[str, str]:
        mapping: dict[str, str] = {}
        for name, _, _ in field_specs(self.kind):
            value = self.query_one(f"#map-{name}", Select).value
            if isinstance(value, str) and value:
                mapping[name] = value
        return mapping

    @on(Button.Pressed, "#mapping-done")
    def action_done(self) -> None:
        mapping = self.chosen()
        labels = {name: label for name, label, _ in field_specs(self.kind)}
        used: dict[str, str] = {}
        for name, title in mapping.items():
            if title in used:
                self.query_one("#mapping-error", Static).update(
                    f"⚠ Kolom '{title}' is gekozen voor {labels[used[title]]} én {labels[name]}: "
                    "kies per kolom één gegeven."
                )
                return
            used[title] = name
        self.dismiss(mapping)

    @on(Button.Pressed, "#mapping-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# --- step 3: the preview --------------------------------------------------------------------------


class ImportPreviewScreen(Screen["str | None"]):
    """What will be added, what has errors, what is a duplicate. Returns ALL, SKIP_BAD, REMAP or None."""

    CSS_PATH = "imports.tcss"
    HELP_TOPIC = "inlezen"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "choose('all')", "Alles inlezen", id="preview.all"),
        Binding("s", "choose('skip')", "Foute regels overslaan", id="preview.skip"),
        Binding("k", "choose('remap')", "Kolommen", id="preview.remap"),
        Binding("escape", "cancel", "Annuleren", id="preview.cancel"),
    ]

    def __init__(self, kind: str, plan: ImportPlan) -> None:
        super().__init__()
        self.kind = kind
        self.plan = plan

    @property
    def header_errors(self) -> bool:
        return any(issue.row == 1 for issue in self.plan.errors)

    @property
    def can_import_all(self) -> bool:
        return self.plan.ok and bool(self.plan.rows)

    @property
    def can_skip_bad(self) -> bool:
        return not self.plan.ok and not self.header_errors and bool(self.plan.rows)

    def compose(self) -> ComposeResult:
        plan = self.plan
        bad = len(plan.bad_rows)
        yield Header(icon="⌂")
        yield Static(
            f"Voorbeeld: {KIND_TITLES[self.kind].lower()} inlezen",
            classes="sub-title",
            markup=False,
        )
        summary = (
            f"{plan.total_rows} regels in het bestand: {count_text(len(plan.rows), self.kind)} klaar om in te lezen, "
            f"{bad} {'regel' if bad == 1 else 'regels'} met fouten, {len(plan.duplicates)} dubbel (niet opnieuw)."
        )
        if plan.unused_columns:
            summary += f" Niet gebruikt: {', '.join(plan.unused_columns)}."
        yield Static(summary, id="preview-summary", markup=False)
        if self.header_errors:
            advice = "De kolommen zijn niet herkend: kies ze opnieuw (k)."
        elif bad:
            advice = (
                "Er zijn fouten: er wordt niets ingelezen tot u het bestand verbetert, of uitdrukkelijk kiest "
                "om de foute regels over te slaan (s)."
            )
        else:
            advice = ""
        advice_line = Static(advice, id="preview-advice", markup=False)
        advice_line.display = bool(advice)
        yield advice_line
        yield Static("Wordt ingelezen", classes="import-heading", markup=False)
        columns = TENANT_COLUMNS if self.kind == "tenants" else PAYMENT_COLUMNS
        yield RecordTable(columns, id="preview-rows", empty_text="Geen regels om in te lezen.")
        yield Static("Fouten en dubbele regels", classes="import-heading", markup=False)
        yield RecordTable(
            ISSUE_COLUMNS, id="preview-issues", empty_text="Geen fouten en geen dubbele regels."
        )
        with Horizontal(classes="import-buttons"):
            yield Button(
                "Alles inlezen (a)",
                id="import-all",
                variant="primary",
                disabled=not self.can_import_all,
            )
            yield Button(
                "Foute regels overslaan en de rest inlezen (s)",
                id="import-skip",
                variant="warning",
                disabled=not self.can_skip_bad,
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        rows = self.query_one("#preview-rows", RecordTable)
        rows.set_records(planned_record(row, self.kind, workspace.data) for row in self.plan.rows)
        issues = self.query_one("#preview-issues", RecordTable)
        records = [issue_record(i, issue, "Fout") for i, issue in enumerate(self.plan.errors)]
        records += [
            issue_record(i, issue, "Dubbel") for i, issue in enumerate(self.plan.duplicates)
        ]
        issues.set_records(records)
        issues.sort_by("regel")
        # Errors first: that is where the work is.
        self.call_after_refresh((issues if self.plan.errors else rows).focus)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose" and parameters:
            if parameters[0] == ALL:
                return True if self.can_import_all else None
            if parameters[0] == SKIP_BAD:
                return True if self.can_skip_bad else None
        return True

    def action_choose(self, choice: str) -> None:
        if (choice == ALL and not self.can_import_all) or (
            choice == SKIP_BAD and not self.can_skip_bad
        ):
            return
        self.dismiss(choice)

    @on(Button.Pressed, "#import-all")
    def _all(self) -> None:
        self.action_choose(ALL)

    @on(Button.Pressed, "#import-skip")
    def _skip(self) -> None:
        self.action_choose(SKIP_BAD)

    def action_cancel(self) -> None:
        self.dismiss(None)
