"""Huurverhoging: a yearly rent increase for all or selected tenants, with a preview (issue 12.2).

Choose the date the new rent takes effect, a percentage or an amount, and the tenants (all, or
those ticked); "Voorbeeld" shows each tenant's rent in force on that date and the new rent;
"Vastleggen" records it through ``domain.actions.apply_rent_increase`` as one recorded change.
Nothing is recorded before the preview of exactly these choices was shown.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Button, Header, Input, SelectionList, Static
from textual.widgets.selection_list import Selection

from lcv_tui.domain import validation as v
from lcv_tui.tui.screens.base import FormScreen
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import FormField, form_values, show_errors
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant
    from lcv_tui.domain.rent import RentIncreaseLine
    from lcv_tui.tui.host import HostApp

COLUMNS = (
    Column("naam", "Naam", min_width=10, max_width=28),
    Column("oud", "Huur nu", min_width=10, max_width=12, align="right"),
    Column("nieuw", "Nieuwe huur", min_width=10, max_width=12, align="right"),
    Column("opmerking", "Opmerking", min_width=8, max_width=40),
)

Choices = tuple[dt.date, Decimal | None, Decimal | None, tuple[str, ...]]


def default_date(today: dt.date) -> dt.date:
    """1 July, when rents usually change: this year's if still ahead, else next year's."""
    first_july = dt.date(today.year, 7, 1)
    return first_july if first_july > today else dt.date(today.year + 1, 7, 1)


def preview_record(line: RentIncreaseLine) -> Record:
    return Record(
        key=line.tenant_id,
        cells=(
            line.name,
            v.format_money(line.old),
            v.format_money(line.new),
            line.problem or "→ nieuwe huur",
        ),
        sort_keys=(line.name.casefold(), line.old, line.new, line.problem),
        search="",
    )


def active_tenants(tenants: list[Tenant], on: dt.date) -> list[Tenant]:
    """Tenants whose tenancy has not ended before ``on``, by name."""
    current = [t for t in tenants if t.tenancy_end is None or t.tenancy_end >= on]
    return sorted(current, key=lambda t: t.sort_key)


class RentIncreaseScreen(FormScreen["int | None"]):
    """Returns the number of tenants whose rent was raised, or None when left without."""

    CSS_PATH = "rent_increase.tcss"
    HELP_TOPIC = "huurder"
    WHAT: ClassVar[str] = "de huurverhoging"
    app: HostApp

    def __init__(self) -> None:
        super().__init__()
        self.previewed: Choices | None = None

    def compose(self) -> ComposeResult:
        today = self.app.clock.today()
        workspace = self.app.workspace
        tenants = workspace.data.tenants if workspace is not None else []
        yield Header(icon="⌂")
        yield Static("Huurverhoging", id="form-title", markup=False)
        yield Static(
            "Kies de ingangsdatum, een percentage óf een bedrag, en de huurders. Bekijk het "
            "voorbeeld en leg de verhoging vast.",
            classes="screen-intro",
            markup=False,
        )
        yield Static("", classes="form-summary", id="form-summary", markup=False)
        with VerticalScroll(id="rent-body"):
            with Grid(id="rent-grid"):
                yield FormField(
                    "on",
                    "Ingangsdatum *",
                    value=v.format_date(default_date(today)),
                    help="Nieuwe huur geldt vanaf deze datum.",
                )
                yield FormField("percent", "Percentage", help="Bijv. 4,5 (procent).")
                yield FormField("amount", "Of bedrag", help="Verhoging in euro, bijv. 25,00.")
                yield FormField("note", "Notitie", help="Bijv. Huurverhoging 2027.")
            yield Static("Huurders (spatie kiest of laat los):", classes="rent-label")
            with Horizontal(id="rent-choose"):
                yield Button("Alle huurders", id="rent-all", compact=True)
                yield Button("Geen", id="rent-none", compact=True)
            yield SelectionList[str](
                *(
                    Selection(f"{t.display_name} — {t.address_line}", t.id, True)
                    for t in active_tenants(tenants, today)
                ),
                id="rent-tenants",
            )
            yield Static("Voorbeeld:", classes="rent-label")
            yield RecordTable(
                COLUMNS, id="rent-preview", empty_text="Druk op 'Voorbeeld' om het te zien."
            )
        with Horizontal(classes="form-buttons"):
            yield Button("Voorbeeld", id="rent-preview-button", variant="primary")
            yield Button("Vastleggen", id="rent-apply", variant="success", disabled=True)
            yield Button("Terug (Esc)", id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#field-percent", Input).focus()

    @property
    def tenant_list(self) -> SelectionList[str]:
        return self.query_one("#rent-tenants", SelectionList)

    @on(Button.Pressed, "#rent-all")
    def _all(self) -> None:
        self.tenant_list.select_all()

    @on(Button.Pressed, "#rent-none")
    def _none(self) -> None:
        self.tenant_list.deselect_all()

    @on(Input.Changed)
    @on(SelectionList.SelectedChanged)
    def _changed(self) -> None:
        """Any change makes the shown preview stale: preview again before recording."""
        self.previewed = None
        self.query_one("#rent-apply", Button).disabled = True

    def choices(self) -> Choices | None:
        """The parsed choices, or None after showing what is wrong under the fields."""
        from lcv_tui.domain.rent import check_increase

        values = {key: str(value).strip() for key, value in form_values(self).items()}
        errors: dict[str, str] = {}
        on_date: dt.date | None = None
        percent = amount = None
        try:
            on_date = v.parse_date(values["on"])
        except ValueError as exc:
            errors["on"] = str(exc)
        for name in ("percent", "amount"):
            if values[name]:
                try:
                    parsed = v.parse_amount(values[name])
                except ValueError as exc:
                    errors[name] = str(exc)
                    continue
                if name == "percent":
                    percent = parsed
                else:
                    amount = parsed
        if "percent" not in errors and "amount" not in errors:
            try:
                check_increase(percent, amount)
            except ValueError as exc:
                errors["amount" if amount is not None else "percent"] = str(exc)
        selected = tuple(self.tenant_list.selected)
        if not selected:
            errors[""] = "Kies minstens één huurder."
        show_errors(self, errors, summary=self.query_one("#form-summary", Static))
        if errors or on_date is None:
            return None
        return on_date, percent, amount, selected

    @on(Button.Pressed, "#rent-preview-button")
    def action_preview(self) -> None:
        from lcv_tui.domain.rent import rent_increase_preview

        choices = self.choices()
        if choices is None:
            return
        workspace = self.app.workspace
        if workspace is None:
            return
        on_date, percent, amount, selected = choices
        lines = rent_increase_preview(
            workspace.data, selected, on_date, percent=percent, amount=amount
        )
        table = self.query_one("#rent-preview", RecordTable)
        table.set_records(preview_record(line) for line in lines)
        table.scroll_visible()
        problems = sum(1 for line in lines if line.problem)
        self.previewed = choices if not problems else None
        self.query_one("#rent-apply", Button).disabled = bool(problems)
        summary = self.query_one("#form-summary", Static)
        summary.display = True
        if problems:
            summary.update(
                f"{problems} huurder(s) kunnen deze verhoging niet krijgen: laat ze los of kies "
                "een andere datum."
            )
        else:
            summary.update(
                f"{len(lines)} huurder(s): nieuwe huur vanaf {v.format_date(on_date)}. "
                "Klopt het? Druk op 'Vastleggen'."
            )

    @on(Button.Pressed, "#rent-apply")
    def _apply_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        """Ctrl+S and 'Vastleggen': record the previewed increase (only after its preview)."""
        from lcv_tui.domain import actions

        if self.previewed is None:  # first the preview of exactly these choices
            self.action_preview()
            if self.previewed is not None:
                self.notify(
                    "Controleer het voorbeeld en druk nogmaals op Ctrl+S of 'Vastleggen'.",
                    timeout=5,
                )
            return
        on_date, percent, amount, selected = self.previewed
        note = str(form_values(self).get("note", "")).strip()[:200]
        workspace = self.app.workspace
        if workspace is None:
            return
        try:
            changes = actions.apply_rent_increase(
                workspace.data,
                selected,
                on_date,
                percent=percent,
                amount=amount,
                note=note,
                now=self.app.clock.now(),
                actor="app",
            )
        except ValueError as exc:
            show_errors(self, {"": str(exc)}, summary=self.query_one("#form-summary", Static))
            return
        self.app.commit(
            f"Huurverhoging vastgelegd voor {len(changes)} huurder(s) vanaf "
            f"{v.format_date(on_date)}"
        )
        self.mark_clean()
        self.dismiss(len(changes))
