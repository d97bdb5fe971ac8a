"""Invoerkaart: one signal, field by field, to type in at the website Achterstanden aanleveren.

The fields are exactly those of the upload file (``sharing.shared_fields_preview``), so the
website gets no more than a file would. Each shared value is shown large and copied to the
clipboard with its number key or a click (``tui.clipboard``: the system's own tool, and OSC 52 for SSH). "Gemeld op de
website" records the signal through ``services.signals.record_signals`` with today's date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Static

from lcv_tui.domain.validation import format_date
from lcv_tui.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from lcv_tui.tui.host import HostApp

COPY_KEYS = "123456789"


class CopyField(Static, can_focus=True):
    """One field of the card: its number and title on the border, the value large; Enter or a click copies."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "copy", "Kopiëren", id="card.copy_focused", show=False),
    ]

    class Copy(Message):
        def __init__(self, field: CopyField) -> None:
            super().__init__()
            self.field = field

    def __init__(self, number: int, label: str, value: str) -> None:
        super().__init__(value, markup=False, id=f"copy-{number}", classes="copy-field")
        self.number = number
        self.label = label
        self.value = value
        self.border_title = f"{number} · {label}"
        self.border_subtitle = "kopieer"
        self.tooltip = f"Klik of druk {number} om {label.lower()} te kopiëren"

    def action_copy(self) -> None:
        self.post_message(self.Copy(self))

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.action_copy()


class EntryCardScreen(Screen[bool]):
    """The entry card of one tenant's signal; returns True when the signal was recorded."""

    CSS_PATH = "entry_card.tcss"
    HELP_TOPIC = "invoerkaart"
    AUTO_FOCUS = ".copy-field"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        *[
            Binding(key, f"copy({index})", f"Kopieer veld {key}", id=f"card.copy{key}", show=False)
            for index, key in enumerate(COPY_KEYS, start=1)
        ],
        Binding("m", "reported", "Gemeld op de website", id="card.reported"),
        Binding("escape", "back", "Terug", id="card.back"),
    ]

    def __init__(self, tenant_id: str) -> None:
        super().__init__()
        self.tenant_id = tenant_id
        self.fields: list[
            tuple[str, str]
        ] = []  # (label, value) of the shared fields, in card order
        self.not_shared: list[tuple[str, str]] = []  # (label, reason)
        self.can_record = False
        self.notice = ""
        self.title_text = "Invoerkaart"

    def _prepare(self) -> None:
        """Everything the card shows, from the domain: shared fields, route and the rules' verdict."""
        from lcv_tui.domain import actions, ledger, sharing
        from lcv_tui.domain.models import Route
        from lcv_tui.tui.screens.signals import reasons_long

        workspace = self.app.workspace
        assert workspace is not None
        data = workspace.data
        tenant = data.tenant(self.tenant_id)
        today = self.app.clock.today()
        agreement = data.agreement_for(tenant.gemeente)
        arrears = ledger.arrears(tenant, today)
        for label, value, reason in sharing.shared_fields_preview(tenant, agreement, arrears):
            if value:
                self.fields.append((label, value))
            else:
                self.not_shared.append((label, reason))
        self.title_text = (
            f"Invoerkaart — {tenant.display_name}, {tenant.address_line}, {tenant.gemeente}"
        )
        verdict = actions.signal_verdict(data, self.tenant_id, today)
        route = sharing.route_for(agreement)
        if not verdict.allowed:
            self.notice = f"Melden mag vandaag niet:\n{reasons_long(verdict)}"
        elif route != Route.WEBSITE:
            where = agreement.meldpunt.label if agreement is not None else ""
            self.notice = (
                f"Gemeente {tenant.gemeente} gebruikt {where}: meld via het uploadbestand (Melden, u). "
                "Deze kaart toont wat het bestand over deze huurder bevat."
            )
        else:
            self.can_record = True

    def compose(self) -> ComposeResult:
        self._prepare()
        today = format_date(self.app.clock.today())
        yield Header(icon="⌂")
        yield Static(self.title_text, id="card-title", markup=False)
        yield Static(
            "Typ deze gegevens over op de website Achterstanden aanleveren. Druk op het cijfer van een veld "
            "(of klik erop) om het te kopiëren; plak het daarna op de website.",
            id="card-intro",
            markup=False,
        )
        notice = Static(self.notice, id="card-notice", markup=False)
        notice.display = bool(self.notice)
        yield notice
        with VerticalScroll(id="card-body"):
            with Grid(id="card-grid"):
                for number, (label, value) in enumerate(self.fields, start=1):
                    yield CopyField(number, label, value)
            if self.not_shared:
                lines = "\n".join(f"· {label}: {reason}" for label, reason in self.not_shared)
                yield Static(f"Niet ingevuld:\n{lines}", id="card-not-shared", markup=False)
        with Horizontal(id="card-buttons"):
            yield Button(
                f"Gemeld op de website op {today} (m)",
                id="reported",
                variant="success",
                disabled=not self.can_record,
            )
            yield Button("Terug (Esc)", id="back")
        yield KeyFooter()

    # --- copying -----------------------------------------------------------------------------

    def action_copy(self, number: int) -> None:
        if 1 <= number <= len(self.fields):
            self._copy(*self.fields[number - 1])

    @on(CopyField.Copy)
    def _copy_field(self, message: CopyField.Copy) -> None:
        message.field.focus()
        self._copy(message.field.label, message.field.value)

    def _copy(self, label: str, value: str) -> None:
        self.app.copy_and_tell(label, value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reported":
            return True if self.can_record else None
        if action == "copy" and parameters and isinstance(parameters[0], int):
            return parameters[0] <= len(self.fields)
        return True

    # --- recording ---------------------------------------------------------------------------

    @on(Button.Pressed, "#reported")
    def action_reported(self) -> None:
        if not self.can_record:
            return
        from lcv_tui.domain.models import Route
        from lcv_tui.services.signals import record_signals

        workspace = self.app.workspace
        assert workspace is not None
        recorded, refused = record_signals(
            workspace,
            (self.tenant_id,),
            Route.WEBSITE,
            on=self.app.clock.today(),
            now=self.app.clock.now(),
        )
        if recorded:
            self.app.commit("Signaal vastgelegd")
            self.dismiss(True)
            return
        message = "\n".join(refused)
        notice = self.query_one("#card-notice", Static)
        notice.update(message)
        notice.display = True
        self.can_record = False
        self.query_one("#reported", Button).disabled = True
        self.refresh_bindings()
        self.notify(message, title="Niet vastgelegd", severity="error", timeout=15, markup=False)

    @on(Button.Pressed, "#back")
    def action_back(self) -> None:
        self.dismiss(False)
