"""Melden: the signals of this month, what is left out and why, the upload file and its confirmation.

Which tenants may be signalled is the domain's answer (``sharing.select_signals``); this screen
only shows it. The selection runs in a thread worker (it builds a case per tenant, which takes a
while for a few thousand tenants) and comes back as a message. Writing the upload file runs in a
worker too, through ``exports.upload``. Making a file records nothing: only "Geüpload bevestigen"
records a signal for each tenant in that file, with today's date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Header, Input, Label, Select, Static

from lcv_tui.domain.models import Meldpunt
from lcv_tui.domain.validation import format_date_long, format_money
from lcv_tui.paths import clean_path
from lcv_tui.tui.keys import key_text
from lcv_tui.tui.screens.base import FollowsData, SectionScreen
from lcv_tui.tui.screens.dialogs import ChoiceScreen
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from textual.app import SystemCommand

    from lcv_tui.domain.models import Tenant, VaultData
    from lcv_tui.domain.rules import Verdict
    from lcv_tui.domain.sharing import Selection, SignalRecord
    from lcv_tui.tui.host import AppHost, HostApp

ALL_GEMEENTEN = ""
"""The filter value for "every gemeente"."""

FORMATS = (("Excel (xlsx)", "xlsx"), ("CSV (puntkomma, UTF-8)", "csv"))

UNREADABLE = (
    "Dit bestand kan de app niet lezen. Bewaar het in Excel of LibreOffice opnieuw als 'CSV UTF-8' of "
    "als Excel-werkmap (.xlsx) en probeer het nog eens."
)
"""For a file the user chose that a reader fails on in an unforeseen way (the screens catch it: never a traceback)."""

READY_COLUMNS = (
    Column("naam", "Naam", min_width=10, max_width=24),
    Column("adres", "Adres", min_width=8, max_width=28),
    Column("postcode", "Postcode", min_width=8, max_width=8),
    Column("gemeente", "Gemeente", min_width=8, max_width=16),
    Column("maanden", "Mnd", min_width=3, max_width=3, align="right"),
    Column("bedrag", "Bedrag", min_width=10, max_width=12, align="right"),
    Column("route", "Hoe melden", min_width=10, max_width=30),
)

LEFT_OUT_COLUMNS = (
    Column("naam", "Naam", min_width=10, max_width=24),
    Column("gemeente", "Gemeente", min_width=8, max_width=16),
    Column("reden", "Waarom niet (artikel)", min_width=20, max_width=120),
)


def tenant_name(tenant: Tenant) -> str:
    return f"{tenant.surname}, {tenant.initials}" if tenant.initials else tenant.surname


def route_text(record: SignalRecord) -> str:
    from lcv_tui.domain.models import Route

    if record.route == Route.WEBSITE:
        return "website (invoerkaart)"
    where = record.meldpunt.label if record.meldpunt is not None else ""
    return f"uploadbestand · {where}" if where else "uploadbestand"


def _article(article: str) -> str:
    """An article to put in parentheses: ``werkinstructie stap 2 (tekst 2)`` → ``werkinstructie stap 2, tekst 2``."""
    return article.replace(" (", ", ").replace("(", "").replace(")", "")


def reasons_short(verdict: Verdict) -> str:
    """``bezwaar (LCV 2.2); pas 10 dagen (LCV 3.1 d)``: each blocking rule with its article."""
    return "; ".join(
        f"{reason.short or reason.text} ({_article(reason.article)})" for reason in verdict.blocking
    )


def reasons_long(verdict: Verdict) -> str:
    """Every blocking rule in full: what was found, what to do, the article."""
    return "\n".join(
        f"• {f'{r.text} {r.fix}'.strip()} ({_article(r.article)})" for r in verdict.blocking
    )


def ready_record(record: SignalRecord, tenant: Tenant) -> Record:
    name = tenant_name(tenant)
    return Record(
        key=record.tenant_id,
        cells=(
            name,
            tenant.address_line,
            record.postcode,
            record.gemeente,
            str(record.maanden),
            format_money(record.bedrag),
            route_text(record),
        ),
        sort_keys=(
            tenant.sort_key,
            tenant.address_line.casefold(),
            record.postcode,
            record.gemeente.casefold(),
            record.maanden,
            record.bedrag,
            record.route.value,
        ),
        search=search_key(
            name, tenant.address_line, record.postcode, record.gemeente, tenant.klantnummer
        ),
    )


def left_out_record(tenant: Tenant, verdict: Verdict) -> Record:
    name = tenant_name(tenant)
    reasons = reasons_short(verdict)
    return Record(
        key=tenant.id,
        cells=(name, tenant.gemeente, reasons),
        sort_keys=(tenant.sort_key, tenant.gemeente.casefold(), reasons),
        search=search_key(name, tenant.gemeente, reasons),
    )


def gemeente_choices(data: VaultData) -> list[tuple[str, str]]:
    """ "Alle gemeenten" and every gemeente that has tenants or an agreement, by name."""
    names: dict[str, str] = {}
    for name in [t.gemeente for t in data.tenants] + [a.gemeente for a in data.agreements]:
        names.setdefault(name.casefold(), name)
    return [("Alle gemeenten", ALL_GEMEENTEN)] + [
        (name, name) for name in sorted(names.values(), key=str.casefold)
    ]


def default_upload_path(
    folder: Path, today: dt.date, gemeente: str, fmt: str, meldpunt: Meldpunt | None = None
) -> Path:
    """``…/exports/signalen-ris-matching-2026-11-23.xlsx``: the meldpunt in the name (one file per
    meldpunt), the gemeente too when filtered; ``-2``, ``-3``… when a file of that name exists already."""
    from lcv_tui.exports.files import unused_path
    from lcv_tui.exports.profiles import FILE_STEMS

    part = f"-{FILE_STEMS[meldpunt.value]}" if meldpunt is not None else ""
    part += f"-{'-'.join(gemeente.casefold().split())}" if gemeente else ""
    return unused_path(folder / f"signalen{part}-{today.isoformat()}.{fmt}")


# --- messages from the workers --------------------------------------------------------------


@dataclass
class SelectionReady(Message):
    generation: int
    selection: Selection


@dataclass
class UploadWritten(Message):
    path: Path
    rows: int
    fmt: str
    tenant_ids: tuple[str, ...]
    meldpunt: Meldpunt | None = None
    sha256: str = ""


@dataclass
class UploadFailed(Message):
    message: str


@dataclass(frozen=True)
class PendingUpload:
    """A file that was written but whose upload is not yet confirmed: nothing is recorded yet."""

    path: Path
    tenant_ids: tuple[str, ...]
    fmt: str
    meldpunt: Meldpunt | None = None
    sha256: str = ""


@dataclass(frozen=True)
class FileChoice:
    path: str
    fmt: str


# --- the section screen ---------------------------------------------------------------------


class SignalsScreen(FollowsData, SectionScreen):
    """Melden: this month's signals per gemeente or all at once, and the tenants left out with the article."""

    SECTION = "melden"
    HELP_TOPIC = "melden"
    CSS_PATH = "signals.tcss"
    AUTO_FOCUS = "#ready"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("u", "make_upload", "Uploadbestand", id="melden.upload"),
        Binding("g", "confirm_upload", "Geüpload", id="melden.confirm"),
        Binding("k", "entry_card", "Invoerkaart", id="melden.entry_card"),
        Binding("i", "withdrawals", "Intrekken", id="melden.withdrawals"),
        Binding("c", "check_file", "Controleren", id="melden.check"),
        Binding("l", "imports", "Inlezen", id="melden.imports"),
        Binding("r", "reload", "Vernieuwen", id="melden.reload", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.selection: Selection | None = None
        self.pending: PendingUpload | None = None
        self._generation = 0
        self._left_out: dict[str, tuple[Tenant, Verdict]] = {}

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="melden-top"):
            yield Static("", id="melden-date", markup=False)
            yield Label("Gemeente", id="gemeente-label")
            yield Select(
                [("Alle gemeenten", ALL_GEMEENTEN)],
                value=ALL_GEMEENTEN,
                allow_blank=False,
                id="gemeente",
                compact=True,
            )
        yield Static("Klaar om te melden", id="ready-title", classes="melden-heading", markup=False)
        yield RecordTable(
            READY_COLUMNS,
            id="ready",
            empty_text="Niemand om te melden. Hieronder staat wie een achterstand heeft en waarom die niet mee kan.",
        )
        yield Static("", id="pending", markup=False)
        with Horizontal(id="melden-buttons"):
            # Short labels: with the upload pending all five fit in 80 columns.
            yield Button("Uploadbestand (u)", id="make-upload", variant="primary", compact=True)
            yield Button("Geüpload (g)", id="confirm-upload", variant="success", compact=True)
            yield Button("Invoerkaart (k)", id="entry-card", compact=True)
            yield Button("Inlezen (l)", id="imports", compact=True)
            yield Button("Map openen", id="open-folder", compact=True)
        yield Static("Niet meegenomen", id="left-out-title", classes="melden-heading", markup=False)
        yield RecordTable(
            LEFT_OUT_COLUMNS,
            id="left-out",
            empty_text="Niemand met een achterstand blijft buiten de melding.",
        )
        yield Static("", id="why", markup=False)

    @property
    def ready(self) -> RecordTable:
        return self.query_one("#ready", RecordTable)

    @property
    def left_out(self) -> RecordTable:
        return self.query_one("#left-out", RecordTable)

    @property
    def gemeente(self) -> str:
        value = self.query_one("#gemeente", Select).value
        return value if isinstance(value, str) else ALL_GEMEENTEN

    def on_mount(self) -> None:
        self.ready.sort_by("naam")
        self.left_out.sort_by("naam")
        self._fill_gemeenten()
        self._show_pending()
        self.reload()

    def refresh_data(self) -> None:
        # A change anywhere (another section, the entry card, a sub-screen): recompute.
        self._fill_gemeenten()
        self.reload()

    def _fill_gemeenten(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        select = self.query_one("#gemeente", Select)
        current = self.gemeente
        choices = gemeente_choices(workspace.data)
        with self.prevent(Select.Changed):
            select.set_options(choices)
            select.value = (
                current if any(value == current for _, value in choices) else ALL_GEMEENTEN
            )

    # --- the selection (worker) -----------------------------------------------------------

    def action_reload(self) -> None:
        self.reload()

    def reload(self) -> None:
        """Recompute the selection for today and the chosen gemeente, in a worker."""
        workspace = self.app.workspace
        assert workspace is not None
        self._generation += 1
        today = self.app.clock.today()
        self.query_one("#melden-date", Static).update(f"Melden op {format_date_long(today)}")
        self.ready.loading = True
        self._select(self._generation, workspace.data, today, self.gemeente or None)

    # The worker only reads the data; every change happens in message handlers on the app's thread,
    # and a change is followed by a new reload, whose result replaces this one (the generation).
    @work(thread=True, exclusive=True, group="melden-select")
    def _select(
        self, generation: int, data: VaultData, today: dt.date, gemeente: str | None
    ) -> None:
        from lcv_tui.domain.sharing import select_signals

        self.post_message(
            SelectionReady(generation, select_signals(data, today, gemeente=gemeente))
        )

    def on_selection_ready(self, message: SelectionReady) -> None:
        if message.generation != self._generation:
            return  # an older request; a newer one is on its way
        workspace = self.app.workspace
        assert workspace is not None
        data = workspace.data
        selection = message.selection
        self.selection = selection
        self._left_out = {tenant.id: (tenant, verdict) for tenant, verdict in selection.excluded}
        tenants = {t.id: t for t in data.tenants}
        self.ready.set_records(
            ready_record(r, tenants[r.tenant_id])
            for r in selection.records
            if r.tenant_id in tenants
        )
        self.left_out.set_records(
            left_out_record(tenant, verdict) for tenant, verdict in selection.excluded
        )
        self.ready.loading = False
        uploads, website = len(selection.upload_records), len(selection.website_records)
        parts = [f"{uploads} via uploadbestand", f"{website} via de website"]
        self.query_one("#ready-title", Static).update(
            f"Klaar om te melden: {len(selection.records)} ({', '.join(parts)})"
        )
        self.query_one("#left-out-title", Static).update(
            f"Niet meegenomen: {len(selection.excluded)} met een achterstand — waarom niet"
        )
        self._show_why()
        self.refresh_bindings()
        self._update_buttons()

    # --- what is shown ----------------------------------------------------------------------

    @on(RecordTable.Highlighted, "#left-out")
    def _left_out_highlighted(self) -> None:
        self._show_why()

    @on(RecordTable.Highlighted, "#ready")
    def _ready_highlighted(self) -> None:
        self.refresh_bindings()
        self._update_buttons()

    def _show_why(self) -> None:
        """The full reasons (what was found, what to do, the article) for the highlighted left-out tenant."""
        why = self.query_one("#why", Static)
        key = self.left_out.current_key
        found = self._left_out.get(key) if key is not None else None
        if found is None:
            why.update("")
            why.display = False
            return
        tenant, verdict = found
        why.update(f"{tenant.display_name}:\n{reasons_long(verdict)}")
        why.display = True

    def _show_pending(self) -> None:
        line = self.query_one("#pending", Static)
        pending = self.pending
        if pending is None:
            line.update("")
            line.display = False
        else:
            count = len(pending.tenant_ids)
            line.update(
                f"Bestand {pending.path.name} ({count} {'signaal' if count == 1 else 'signalen'}) is "
                "gemaakt maar nog niet vastgelegd. Upload het bij het meldpunt en druk daarna op "
                f"{key_text(self, 'melden.confirm')}: Geüpload bevestigen."
            )
            line.display = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        upload_count = len(self.selection.upload_records) if self.selection else 0
        self.query_one("#make-upload", Button).disabled = upload_count == 0
        self.query_one("#confirm-upload", Button).display = self.pending is not None
        self.query_one("#open-folder", Button).display = self.pending is not None
        self.query_one("#entry-card", Button).disabled = self.ready.current_key is None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("make_upload", "entry_card") and self.ready.loading:
            return None  # the selection is being recomputed
        if action == "make_upload":
            return True if self.selection is not None and self.selection.upload_records else None
        if action == "confirm_upload":
            return True if self.pending is not None else None
        if action == "entry_card":
            return True if self.ready.current_key is not None else None
        return True

    # --- unsaved: a file made but not confirmed -----------------------------------------------

    def has_unsaved_changes(self) -> bool:
        return self.pending is not None

    def unsaved_description(self) -> str:
        name = self.pending.path.name if self.pending else ""
        return f"Het uploadbestand {name} is gemaakt, maar het uploaden is nog niet bevestigd (Melden, g)."

    # --- the upload file ---------------------------------------------------------------------

    @on(Button.Pressed, "#make-upload")
    def action_make_upload(self) -> None:
        """One upload file per meldpunt (issue 13.5): with rows for RIS Matching and BKR VPS, ask which
        file to make now; the other follows with u again."""
        if self.app.workspace is None or self.selection is None:
            return
        meldpunten = self.selection.upload_meldpunten
        if not meldpunten:
            self.notify(
                "Er is niemand om via een uploadbestand te melden.",
                severity="warning",
                markup=False,
            )
            return
        if len(meldpunten) == 1:
            self._make_upload_for(meldpunten[0])
            return
        selection = self.selection

        def chosen(key: str | None) -> None:
            for meldpunt in meldpunten:
                if key == meldpunt.value:
                    self._make_upload_for(meldpunt)

        counts = ", ".join(f"{m.label}: {len(selection.upload_records_for(m))}" for m in meldpunten)
        self.app.push_screen(
            ChoiceScreen(
                f"Elk meldpunt krijgt een eigen bestand, met alleen de huurders uit gemeenten die dat meldpunt "
                f"gebruiken ({counts}). Welk bestand maakt u nu?",
                [(m.value, m.label) for m in meldpunten] + [("cancel", "Annuleren")],
                title="Uploadbestand per meldpunt",
            ),
            chosen,
        )

    def _make_upload_for(self, meldpunt: Meldpunt) -> None:
        workspace = self.app.workspace
        if workspace is None or self.selection is None:
            return
        records = self.selection.upload_records_for(meldpunt)
        settings = workspace.data.settings
        fmt = settings.export_format
        today = self.app.clock.today()
        path = default_upload_path(
            self.app.locations.export_dir, today, self.gemeente, fmt, meldpunt
        )

        def chosen(choice: FileChoice | None) -> None:
            if choice is None:
                return
            self.query_one("#melden-buttons").loading = True
            self._write(records, choice.path, choice.fmt, settings.extra_phone_columns, meldpunt)

        count = len(records)
        where = f"gemeente {self.gemeente}" if self.gemeente else "alle gemeenten"
        intro = (
            f"{count} {'signaal' if count == 1 else 'signalen'} voor {meldpunt.label} ({where}). Het bestand bevat "
            "alleen wat u mag delen. Maken legt nog niets vast: dat doet u na het uploaden met Geüpload bevestigen."
        )
        self.app.push_screen(
            SaveFileDialog(f"Uploadbestand {meldpunt.label}", intro, str(path), fmt), chosen
        )

    @work(thread=True, exclusive=True, group="melden-write")
    def _write(
        self,
        records: list[SignalRecord],
        path: str,
        fmt: str,
        extra_phone_columns: bool,
        meldpunt: Meldpunt,
    ) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.profiles import upload_profile
        from lcv_tui.exports.upload import write_upload

        try:
            result = write_upload(
                records,
                path,
                fmt=fmt,
                profile=upload_profile(meldpunt.value),
                extra_phone_columns=extra_phone_columns,
            )
        except ExportError as exc:
            self.post_message(UploadFailed(exc.message))
            return
        self.post_message(
            UploadWritten(
                result.path,
                result.rows,
                result.fmt,
                tuple(r.tenant_id for r in records),
                meldpunt,
                result.sha256,
            )
        )

    def on_upload_written(self, message: UploadWritten) -> None:
        self.query_one("#melden-buttons").loading = False
        self.pending = PendingUpload(
            message.path, message.tenant_ids, message.fmt, message.meldpunt, message.sha256
        )
        self.notify(
            f"Bestand opgeslagen in {message.path}",
            title="Uploadbestand gemaakt",
            timeout=10,
            markup=False,
        )
        self._show_pending()
        self.refresh_bindings()

    @on(Button.Pressed, "#open-folder")
    def _open_folder(self) -> None:
        if self.pending is not None:
            self.app.open_folder(self.pending.path.parent)

    def on_upload_failed(self, message: UploadFailed) -> None:
        self.query_one("#melden-buttons").loading = False
        self.notify(
            message.message,
            title="Bestand niet gemaakt",
            severity="error",
            timeout=12,
            markup=False,
        )

    @on(Button.Pressed, "#confirm-upload")
    def action_confirm_upload(self) -> None:
        pending = self.pending
        if pending is None:
            return
        from lcv_tui.tui.screens.dialogs import DateQuestionScreen

        count = len(pending.tenant_ids)
        today = self.app.clock.today()

        def answered(uploaded_on: dt.date | None) -> None:
            if uploaded_on is not None:
                self._record_uploaded(pending, uploaded_on)

        self.app.push_screen(
            DateQuestionScreen(
                f"Heeft u {pending.path.name} geüpload bij "
                f"{pending.meldpunt.label if pending.meldpunt else 'het meldpunt'}?\n\n"
                f"Dan legt de app voor {'de huurder' if count == 1 else f'elk van de {count} huurders'} in dit bestand "
                "vast: signaal afgegeven via het uploadbestand, op de datum hieronder.",
                default=today,
                latest=today,
                label="Geüpload op",
                yes="Ja, geüpload",
                no="Nog niet",
                title="Uploaden bevestigen",
            ),
            answered,
        )

    def _record_uploaded(self, pending: PendingUpload, uploaded_on: dt.date | None = None) -> None:
        from lcv_tui.domain.models import Route
        from lcv_tui.services.signals import record_signals

        workspace = self.app.workspace
        assert workspace is not None
        recorded, refused = record_signals(
            workspace,
            pending.tenant_ids,
            Route.UPLOAD,
            on=uploaded_on or self.app.clock.today(),
            now=self.app.clock.now(),
            upload_sha256=pending.sha256 or None,
        )
        self.pending = None
        self._show_pending()
        if recorded:
            self.app.commit("Signalen vastgelegd")
        if refused:
            self.notify(
                "Niet vastgelegd:\n"
                + "\n".join(refused)
                + "\n\nStond een huurder toch in het geüploade bestand, trek die melding dan in bij het meldpunt.",
                title="Niet alles vastgelegd",
                severity="error",
                timeout=20,
                markup=False,
            )
        self.reload()

    # --- other screens -----------------------------------------------------------------------

    @on(RecordTable.Selected, "#ready")
    @on(Button.Pressed, "#entry-card")
    def action_entry_card(self) -> None:
        key = self.ready.current_key
        if key is None:
            return
        from lcv_tui.tui.screens.entry_card import EntryCardScreen

        self.app.push_screen(EntryCardScreen(key))

    def action_withdrawals(self) -> None:
        from lcv_tui.tui.screens.withdrawals import WithdrawalsScreen

        self.app.push_screen(WithdrawalsScreen())

    def action_check_file(self) -> None:
        from lcv_tui.tui.screens.check_file import CheckFileScreen

        self.app.push_screen(CheckFileScreen())

    @on(Button.Pressed, "#imports")
    def action_imports(self) -> None:
        from lcv_tui.tui.screens.imports import ImportScreen

        self.app.push_screen(ImportScreen())

    @on(Select.Changed, "#gemeente")
    def _gemeente_changed(self) -> None:
        self.reload()


# --- the save-file dialog -----------------------------------------------------------------------


class SaveFileDialog(ModalScreen["FileChoice | None"]):
    """Format and path of a file to make (upload or withdrawal); returns the choice, or None when cancelled."""

    CSS_PATH = "signals.tcss"
    HELP_TOPIC = "melden"
    AUTO_FOCUS = "#path"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Annuleren", id="savefile.cancel"),
        Binding("ctrl+s", "save", "Opslaan", id="savefile.save"),
    ]

    def __init__(self, title: str, intro: str, path: str, fmt: str) -> None:
        super().__init__()
        self.title_text = title
        self.intro = intro
        self.path = path
        self.fmt = fmt

    def compose(self) -> ComposeResult:
        with Vertical(id="savefile-box"):
            yield Static(self.title_text, id="savefile-title", markup=False)
            yield Static(self.intro, id="savefile-intro", markup=False)
            yield Label("Bestandsformaat", id="format-label")
            yield Select(FORMATS, value=self.fmt, allow_blank=False, id="format")
            yield Label("Opslaan als (pad van het bestand)", id="path-label")
            yield Input(value=self.path, id="path", select_on_focus=False)
            yield Static("", id="savefile-error", markup=False)
            with Horizontal(id="savefile-buttons"):
                yield Button("Opslaan (Ctrl+S)", id="save", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        field = self.query_one("#path", Input)
        value = str(event.value)
        for _, other in FORMATS:
            if field.value.endswith(f".{other}") and other != value:
                field.value = field.value[: -len(other)] + value

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        path = clean_path(self.query_one("#path", Input).value)
        fmt = self.query_one("#format", Select).value
        if not path:
            self.query_one("#savefile-error", Static).update(
                "⚠ Vul in waar het bestand moet komen, bijvoorbeeld signalen.xlsx."
            )
            return
        self.dismiss(FileChoice(path, str(fmt)))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


# --- a base for the screens Melden opens ----------------------------------------------------------


class MeldenSubScreen(Screen[None]):
    """A screen pushed from Melden (intrekken, controleren, inlezen): title, body, footer, Esc goes back."""

    HELP_TOPIC: ClassVar[str] = "melden"
    TITLE_TEXT: ClassVar[str] = ""
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Terug", id="sub.back"),
    ]

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield Static(self.TITLE_TEXT, classes="sub-title", markup=False)
        yield from self.compose_body()
        yield KeyFooter()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def action_back(self) -> None:
        self.dismiss(None)


# --- the command palette ---------------------------------------------------------------------------

MELDEN_COMMANDS = (
    (
        "Uploadbestand maken",
        "De signalen van deze maand in één bestand voor het meldpunt",
        "make_upload",
    ),
    (
        "Intrekken",
        "Meldingen intrekken van huurders die na de melding alles betaalden",
        "withdrawals",
    ),
    ("Bestand controleren", "Een uploadbestand controleren vóór het uploaden", "check_file"),
    ("Inlezen", "Huurders of betalingen inlezen uit een CSV- of Excel-bestand", "imports"),
)


def melden_commands(app: AppHost) -> Iterable[SystemCommand]:
    """Command-palette entries for the Melden verbs; each opens Melden first."""
    from textual.app import SystemCommand

    def run(action: str) -> None:
        app.action_show_section("melden")

        def on_section() -> None:
            screen = next((s for s in app.section_screens() if isinstance(s, SignalsScreen)), None)
            if screen is not None:
                getattr(screen, f"action_{action}")()

        app.call_after_refresh(on_section)

    for title, help_text, action in MELDEN_COMMANDS:
        yield SystemCommand(title, help_text, lambda action=action: run(action))
