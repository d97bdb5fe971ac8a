"""Intrekken: tenants who paid in full after being reported, so their signal must be withdrawn.

Which tenants are due comes from the domain (``case.withdrawal_due``, via
``exports.withdrawal.select_withdrawals``). A withdrawal is recorded one by one ("Ingetrokken op
<datum>"), or for many at once after making the bulk withdrawal file and confirming its upload.
Making the file records nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Button, Static

from lcv_tui.domain.validation import format_date
from lcv_tui.tui.screens.signals import FileChoice, MeldenSubScreen, SaveFileDialog, tenant_name
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant, VaultData
    from lcv_tui.exports.withdrawal import WithdrawalRecord

COLUMNS = (
    Column("naam", "Naam", min_width=10, max_width=24),
    Column("adres", "Adres", min_width=8, max_width=28),
    Column("postcode", "Postcode", min_width=8, max_width=8),
    Column("gemeente", "Gemeente", min_width=8, max_width=16),
    Column("gemeld", "Gemeld op", min_width=10, max_width=10),
    Column("betaald", "Betaald op", min_width=10, max_width=10),
    Column("hoe", "Hoe intrekken", min_width=10, max_width=34),
)


def how_text(record: WithdrawalRecord) -> str:
    return record.how


def withdrawal_record(record: WithdrawalRecord, tenant: Tenant) -> Record:
    name = tenant_name(tenant)
    gemeld = format_date(record.signal_on) if record.signal_on else ""
    betaald = format_date(record.paid_on) if record.paid_on else ""
    return Record(
        key=record.tenant_id,
        cells=(
            name,
            tenant.address_line,
            record.postcode,
            record.gemeente,
            gemeld,
            betaald,
            how_text(record),
        ),
        sort_keys=(
            tenant.sort_key,
            tenant.address_line.casefold(),
            record.postcode,
            record.gemeente.casefold(),
            record.signal_on or dt.date.min,
            record.paid_on or dt.date.min,
            record.route.value,
        ),
        search=search_key(
            name, tenant.address_line, record.postcode, record.gemeente, record.klantnummer
        ),
    )


@dataclass
class WithdrawalsReady(Message):
    generation: int
    records: list[WithdrawalRecord]


@dataclass
class WithdrawalFileWritten(Message):
    path: Path
    tenant_ids: tuple[str, ...]


@dataclass
class WithdrawalFileFailed(Message):
    message: str


@dataclass(frozen=True)
class PendingWithdrawal:
    path: Path
    tenant_ids: tuple[str, ...]


class WithdrawalsScreen(MeldenSubScreen):
    """The signals to withdraw; one by one or by a bulk file."""

    CSS_PATH = "withdrawals.tcss"
    HELP_TOPIC = "melden"
    TITLE_TEXT = "Intrekken: betaald na de melding"
    AUTO_FOCUS = "#withdrawals"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("i", "withdrawn", "Ingetrokken", id="withdrawals.one"),
        Binding("b", "make_file", "Intrekbestand", id="withdrawals.file"),
        Binding("g", "confirm_file", "Geüpload", id="withdrawals.confirm"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.records: list[WithdrawalRecord] = []
        self.pending: PendingWithdrawal | None = None
        self._generation = 0

    def compose_body(self) -> ComposeResult:
        today = format_date(self.app.clock.today())
        yield Static(
            "Deze huurders betaalden alles na de melding. Trek het signaal in bij het meldpunt (werkinstructie "
            "stap 3) en leg dat hier vast.",
            classes="screen-intro",
            markup=False,
        )
        yield RecordTable(
            COLUMNS, id="withdrawals", empty_text="Er hoeft niets te worden ingetrokken."
        )
        yield Static("", id="withdrawals-pending", markup=False)
        with Horizontal(id="withdrawals-buttons"):
            yield Button(
                f"Ingetrokken op {today} (i)", id="withdrawn", variant="primary", compact=True
            )
            yield Button("Intrekbestand maken (b)", id="make-file", compact=True)
            yield Button(
                "Geüpload bevestigen (g)", id="confirm-file", variant="success", compact=True
            )

    @property
    def table(self) -> RecordTable:
        return self.query_one("#withdrawals", RecordTable)

    def on_mount(self) -> None:
        self.table.sort_by("naam")
        self._show_pending()
        self.reload()

    def reload(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        self._generation += 1
        self.table.loading = True
        self._select(self._generation, workspace.data, self.app.clock.today())

    @work(thread=True, exclusive=True, group="withdrawals-select")
    def _select(self, generation: int, data: VaultData, today: dt.date) -> None:
        from lcv_tui.exports.withdrawal import select_withdrawals

        self.post_message(WithdrawalsReady(generation, select_withdrawals(data, today)))

    def on_withdrawals_ready(self, message: WithdrawalsReady) -> None:
        if message.generation != self._generation:
            return
        workspace = self.app.workspace
        assert workspace is not None
        tenants = {t.id: t for t in workspace.data.tenants}
        self.records = [r for r in message.records if r.tenant_id in tenants]
        self.table.set_records(withdrawal_record(r, tenants[r.tenant_id]) for r in self.records)
        self.table.loading = False
        self._update_buttons()

    @property
    def file_records(self) -> list[WithdrawalRecord]:
        """The records a bulk file can withdraw (uploaded to RIS Matching; see ``by_file``)."""
        return [r for r in self.records if r.by_file]

    def _show_pending(self) -> None:
        line = self.query_one("#withdrawals-pending", Static)
        if self.pending is None:
            line.update("")
            line.display = False
        else:
            count = len(self.pending.tenant_ids)
            line.update(
                f"Intrekbestand {self.pending.path.name} ({count} {'huurder' if count == 1 else 'huurders'}) is "
                "gemaakt maar nog niet vastgelegd. Upload het bij het meldpunt en druk daarna op g."
            )
            line.display = True
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.query_one("#withdrawn", Button).disabled = self.table.current_key is None
        self.query_one("#make-file", Button).disabled = not self.file_records
        self.query_one("#confirm-file", Button).display = self.pending is not None
        self.refresh_bindings()

    @on(RecordTable.Highlighted, "#withdrawals")
    def _highlighted(self) -> None:
        self._update_buttons()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "withdrawn":
            return True if self.table.current_key is not None else None
        if action == "make_file":
            return True if self.file_records else None
        if action == "confirm_file":
            return True if self.pending is not None else None
        return True

    def has_unsaved_changes(self) -> bool:
        return self.pending is not None

    def unsaved_description(self) -> str:
        return (
            "Een intrekbestand is gemaakt, maar het uploaden is nog niet bevestigd (Intrekken, g)."
        )

    # --- one by one ------------------------------------------------------------------------------

    @on(RecordTable.Selected, "#withdrawals")
    @on(Button.Pressed, "#withdrawn")
    def action_withdrawn(self) -> None:
        workspace = self.app.workspace
        key = self.table.current_key
        if workspace is None or key is None:
            return
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        tenant = workspace.data.tenant(key)
        today = self.app.clock.today()

        def answered(done: bool | None) -> None:
            if done:
                self._record((key,))

        self.app.push_screen(
            ConfirmScreen(
                f"Heeft u de melding van {tenant.display_name}, {tenant.address_line} ingetrokken bij het meldpunt?\n\n"
                f"Dan legt de app vast: signaal ingetrokken op {format_date(today)}.",
                yes="Ja, ingetrokken",
                no="Nog niet",
                title="Intrekken vastleggen",
            ),
            answered,
        )

    def _record(self, tenant_ids: tuple[str, ...]) -> None:
        from lcv_tui.domain import actions

        workspace = self.app.workspace
        assert workspace is not None
        today = self.app.clock.today()
        recorded = 0
        refused: list[str] = []
        for tenant_id in tenant_ids:
            try:
                tenant = workspace.data.tenant(tenant_id)
            except KeyError:
                refused.append("Een huurder uit het bestand staat niet meer in de kluis.")
                continue
            try:
                actions.record_withdrawal(
                    workspace.data,
                    tenant_id,
                    today,
                    now=self.app.clock.now(),
                    actor=workspace.actor,
                )
            except ValueError as exc:
                refused.append(f"{tenant.display_name}: {exc}")
                continue
            recorded += 1
        if recorded:
            workspace.mark_dirty()
            self.app.commit(
                "Intrekking vastgelegd" if recorded == 1 else f"{recorded} intrekkingen vastgelegd"
            )
        if refused:
            self.notify(
                "Niet vastgelegd:\n" + "\n".join(refused),
                title="Niet alles vastgelegd",
                severity="error",
                timeout=15,
                markup=False,
            )
        self.reload()

    # --- the bulk file -----------------------------------------------------------------------------

    @on(Button.Pressed, "#make-file")
    def action_make_file(self) -> None:
        workspace = self.app.workspace
        records = self.file_records
        if workspace is None or not records:
            return
        fmt = workspace.data.settings.export_format
        today = self.app.clock.today()
        from lcv_tui.exports.files import unused_path

        path = unused_path(self.app.locations.export_dir / f"intrekken-{today.isoformat()}.{fmt}")
        count = len(records)
        by_hand = len(self.records) - count
        intro = (
            (
                f"{count} {'huurder' if count == 1 else 'huurders'} in het intrekbestand "
                f"(klantnummer, postcode, huisnummer). "
            )
            + (
                f"{by_hand} gemeld via de website: die trekt u daar met de hand in. "
                if by_hand
                else ""
            )
            + "Maken legt nog niets vast."
        )

        def chosen(choice: FileChoice | None) -> None:
            if choice is not None:
                self.query_one("#withdrawals-buttons").loading = True
                self._write(records, choice.path, choice.fmt)

        self.app.push_screen(SaveFileDialog("Intrekbestand maken", intro, str(path), fmt), chosen)

    @work(thread=True, exclusive=True, group="withdrawals-write")
    def _write(self, records: list[WithdrawalRecord], path: str, fmt: str) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.withdrawal import write_withdrawals

        try:
            result = write_withdrawals(records, path, fmt=fmt)
        except ExportError as exc:
            self.post_message(WithdrawalFileFailed(exc.message))
            return
        self.post_message(WithdrawalFileWritten(result.path, tuple(r.tenant_id for r in records)))

    def on_withdrawal_file_written(self, message: WithdrawalFileWritten) -> None:
        self.query_one("#withdrawals-buttons").loading = False
        self.pending = PendingWithdrawal(message.path, message.tenant_ids)
        self.notify(
            f"Bestand opgeslagen in {message.path}",
            title="Intrekbestand gemaakt",
            timeout=10,
            markup=False,
        )
        self._show_pending()

    def on_withdrawal_file_failed(self, message: WithdrawalFileFailed) -> None:
        self.query_one("#withdrawals-buttons").loading = False
        self.notify(
            message.message,
            title="Bestand niet gemaakt",
            severity="error",
            timeout=12,
            markup=False,
        )

    @on(Button.Pressed, "#confirm-file")
    def action_confirm_file(self) -> None:
        pending = self.pending
        if pending is None:
            return
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        count = len(pending.tenant_ids)

        def answered(uploaded: bool | None) -> None:
            if uploaded:
                self.pending = None
                self._show_pending()
                self._record(pending.tenant_ids)

        self.app.push_screen(
            ConfirmScreen(
                f"Heeft u {pending.path.name} geüpload bij het meldpunt?\n\nDan legt de app voor "
                f"{'de huurder' if count == 1 else f'elk van de {count} huurders'} in dit "
                f"bestand vast: signaal ingetrokken op "
                f"{format_date(self.app.clock.today())}.",
                yes="Ja, geüpload",
                no="Nog niet",
                title="Intrekken bevestigen",
            ),
            answered,
        )

    def action_back(self) -> None:
        if self.pending is None:
            self.dismiss(None)
            return
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmScreen(
                f"Het intrekbestand {self.pending.path.name} is nog niet als geüpload "
                f"bevestigd. Zonder bevestiging legt de "
                "app niets vast. Toch terug?",
                yes="Toch terug",
                no="Blijven",
                danger=True,
            ),
            answered,
        )
