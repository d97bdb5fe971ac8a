"""Bankafschrift inlezen: a bank statement in, the rent in it recorded.

The landlord types (or pastes) the path of a statement; ``exports.bank`` reads it in a thread
worker, with a progress bar, and ``domain.bank`` plans what each transaction means. The preview
shows what is matched, the suggestions to confirm, and what is not matched; a suggestion or an
unmatched credit is recorded only for the tenant the landlord picks (optionally remembering the
payer's IBAN on that tenant). "Vastleggen" records through ``services.imports.record_bank_import``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, ProgressBar, Select, Static

from lcv_tui.paths import clean_path
from lcv_tui.tui.screens.signals import UNREADABLE, MeldenSubScreen

if TYPE_CHECKING:
    from lcv_tui.domain.bank import Assignment, BankPlan, PayerGroup
    from lcv_tui.domain.models import Tenant, VaultData

CHOICE_LIMIT = 50
"""Suggested and unmatched lines that get a tenant choice on screen; the rest are listed."""


def tenant_label(tenant: Tenant) -> str:
    number = f"{tenant.klantnummer} · " if tenant.klantnummer else ""
    return f"{number}{tenant.display_name}, {tenant.address_line}"


# --- messages from the worker ---------------------------------------------------------------------


@dataclass
class ReadProgress(Message):
    done: int
    total: int


@dataclass
class BankPlanReady(Message):
    plan: BankPlan
    transactions: int


@dataclass
class BankReadFailed(Message):
    message: str


class BankImportScreen(MeldenSubScreen):
    """Path, preview (matched / suggestions and unmatched per payer), then "Vastleggen"."""

    CSS_PATH = "bank_import.tcss"
    HELP_TOPIC = "inlezen"
    TITLE_TEXT = "Bankafschrift inlezen"
    AUTO_FOCUS = "#bank-path"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "record", "Vastleggen", id="bank.record"),
        Binding("ctrl+k", "take_suggestions", "Voorstellen", id="bank.suggestions"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan: BankPlan | None = None
        self.choices: dict[int, PayerGroup] = {}

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Lees een bankafschrift in: CAMT.053 (XML), MT940, of de CSV van ING of Rabobank. "
            "Betalingen van huurders worden herkend aan hun IBAN of klantnummer; u ziet eerst wat er "
            "gebeurt, pas bij Vastleggen wordt iets vastgelegd.",
            classes="screen-intro",
            markup=False,
        )
        with Vertical(id="bank-form"):
            yield Label(
                "Pad van het afschrift, bijvoorbeeld ~/Downloads/afschrift.xml",
                id="bank-path-label",
            )
            with Horizontal(id="bank-row"):
                yield Input(id="bank-path", select_on_focus=False)
                yield Button("Lezen (Enter)", id="bank-read", variant="primary")
                if self.app.demo:
                    yield Button("Voorbeeldafschrift", id="bank-demo")
        yield ProgressBar(id="bank-progress", show_eta=False)
        yield Static("", id="bank-status", markup=False)
        yield VerticalScroll(id="bank-preview")
        with Horizontal(id="bank-buttons"):
            yield Button("Vastleggen (Ctrl+S)", id="bank-record", variant="success", disabled=True)
            yield Button("Voorstellen kiezen (Ctrl+K)", id="bank-suggestions", disabled=True)
            yield Button("Terug (Esc)", id="bank-back")

    def on_mount(self) -> None:
        self.query_one("#bank-progress").display = False

    def _status(self, text: str, *, error: bool = False) -> None:
        status = self.query_one("#bank-status", Static)
        status.update(f"⚠ {text}" if error else text)
        status.set_class(error, "-error")

    # --- reading ----------------------------------------------------------------------------------

    @on(Button.Pressed, "#bank-demo")
    def _demo(self) -> None:
        from lcv_tui.exports.bank import demo_statements

        self.query_one("#bank-path", Input).value = str(demo_statements()[0])
        self.action_read()

    @on(Input.Submitted, "#bank-path")
    @on(Button.Pressed, "#bank-read")
    def action_read(self) -> None:
        path = clean_path(self.query_one("#bank-path", Input).value)
        if not path:
            self._status("Typ eerst het pad van het bankafschrift.", error=True)
            return
        workspace = self.app.workspace
        assert workspace is not None
        self._clear_preview()
        self._status("Bezig met lezen…")
        progress = self.query_one("#bank-progress", ProgressBar)
        progress.update(total=None, progress=0)
        progress.display = True
        self.query_one("#bank-form").disabled = True
        self._read(path, workspace.data, self.app.clock.today())

    @work(thread=True, exclusive=True, group="bank")
    def _read(self, path: str, data: VaultData, today: dt.date) -> None:
        from lcv_tui.domain.bank import plan_bank_import
        from lcv_tui.exports.bank import read_statement
        from lcv_tui.exports.files import ExportError

        def progress(done: int, total: int) -> None:
            self.post_message(ReadProgress(done, total))

        try:
            statement = read_statement(path, progress=progress)
            plan = plan_bank_import(data, statement, today=today)
        except ExportError as exc:
            self.post_message(BankReadFailed(exc.message))
            return
        except (
            Exception
        ):  # a foreign file can upset a parser in ways no one listed; never a traceback
            self.post_message(BankReadFailed(UNREADABLE))
            return
        self.post_message(BankPlanReady(plan, len(statement.transactions)))

    def on_read_progress(self, message: ReadProgress) -> None:
        self.query_one("#bank-progress", ProgressBar).update(
            total=message.total, progress=message.done
        )

    def _done_reading(self) -> None:
        self.query_one("#bank-progress").display = False
        self.query_one("#bank-form").disabled = False

    def on_bank_read_failed(self, message: BankReadFailed) -> None:
        self._done_reading()
        self._status(message.message, error=True)
        self.query_one("#bank-path", Input).focus()

    def on_bank_plan_ready(self, message: BankPlanReady) -> None:
        self._done_reading()
        self.plan = message.plan
        counts = message.plan.counts()
        self._status(
            f"{message.plan.format}: {message.transactions} transactie(s). "
            f"{counts['matched']} gekoppeld, {counts['suggested']} voorstel(len), "
            f"{counts['unmatched']} niet gekoppeld, {counts['already_read']} al eerder ingelezen, "
            f"{counts['ignored']} overgeslagen."
        )
        self.query_one(".screen-intro").display = False  # the preview needs the room at 80×24
        self._show_preview(message.plan)

    # --- the preview ------------------------------------------------------------------------------

    def _clear_preview(self) -> None:
        self.plan = None
        self.choices = {}
        self.query_one("#bank-preview").remove_children()
        self.query_one("#bank-record", Button).disabled = True
        self.query_one("#bank-suggestions", Button).disabled = True

    def _show_preview(self, plan: BankPlan) -> None:
        from lcv_tui.domain.bank import describe, describe_group, payer_groups

        workspace = self.app.workspace
        assert workspace is not None
        tenants = {tenant.id: tenant for tenant in workspace.data.tenants}
        everyone = sorted(workspace.data.tenants, key=lambda t: t.sort_key)
        widgets: list[Static | Horizontal] = []

        def heading(text: str) -> None:
            widgets.append(Static(text, classes="bank-heading", markup=False))

        heading(f"Gekoppeld: wordt vastgelegd ({len(plan.matched)})")
        for line in plan.matched:
            assert line.tenant_id is not None
            widgets.append(
                Static(
                    f"{describe(line)}\n  → {tenant_label(tenants[line.tenant_id])} ({line.reason})",
                    classes="bank-line",
                    markup=False,
                )
            )
        groups = payer_groups(plan.suggested + plan.unmatched)
        waiting = sum(len(group.lines) for group in groups)
        heading(
            f"Voorstellen en niet gekoppeld: kies zelf de huurder ({waiting} transacties van "
            f"{len(groups)} betaler(s)); zonder keuze wordt niets vastgelegd"
        )
        for index, group in enumerate(groups):
            first_line = group.lines[0]
            summary = f"{describe_group(group)}\n  {first_line.kind.label}: {first_line.reason}"
            if len(group.lines) > 1:
                summary += "".join(f"\n    {describe(line)}" for line in group.lines)
            widgets.append(Static(summary, classes="bank-line", markup=False))
            if index >= CHOICE_LIMIT:
                continue
            first = [tenants[t] for t in group.candidates if t in tenants]
            rest = [t for t in everyone if t.id not in group.candidates]
            options = [(f"★ {tenant_label(t)}", t.id) for t in first]
            options += [(tenant_label(t), t.id) for t in rest]
            self.choices[index] = group
            row = Horizontal(
                Select(options, prompt="— niet vastleggen —", id=f"bank-choice-{index}"),
                Checkbox(
                    "IBAN onthouden",
                    value=bool(group.iban),
                    disabled=not group.iban,
                    id=f"bank-remember-{index}",
                ),
                classes="bank-choice",
            )
            widgets.append(row)
        if len(groups) > CHOICE_LIMIT:
            widgets.append(
                Static(
                    f"Alleen de eerste {CHOICE_LIMIT} betalers kunt u hier toewijzen: leg die vast "
                    "met IBAN onthouden en lees het afschrift daarna opnieuw in.",
                    classes="bank-line",
                    markup=False,
                )
            )
        heading(
            f"Al eerder ingelezen: {len(plan.already_read)} · overgeslagen (uitgaand of in de "
            f"toekomst): {len(plan.ignored)}"
        )
        preview = self.query_one("#bank-preview", VerticalScroll)
        preview.mount_all(widgets)
        self.query_one("#bank-record", Button).disabled = not (plan.matched or self.choices)
        self.query_one("#bank-suggestions", Button).disabled = not any(
            group.candidates for group in self.choices.values()
        )
        preview.focus()  # arrows and Page Down scroll the preview; Tab goes on to the choices

    def assignments(self) -> list[Assignment]:
        from lcv_tui.domain.bank import Assignment

        chosen = []
        for index, group in self.choices.items():
            value = self.query_one(f"#bank-choice-{index}", Select).value
            if isinstance(value, str):
                remember = self.query_one(f"#bank-remember-{index}", Checkbox).value
                chosen += [
                    Assignment(line.identity, value, remember_iban=remember) for line in group.lines
                ]
        return chosen

    @on(Button.Pressed, "#bank-suggestions")
    def action_take_suggestions(self) -> None:
        """Every payer still without a choice gets its most likely tenant (★); the landlord looks
        them over and records with Vastleggen, or changes any of them first."""
        taken = 0
        for index, group in self.choices.items():
            select = self.query_one(f"#bank-choice-{index}", Select)
            if group.candidates and select.is_blank():
                select.value = group.candidates[0]
                taken += 1
        self._status(
            f"{taken} voorstel(len) gekozen. Kijk ze na en leg vast met Vastleggen (Ctrl+S)."
            if taken
            else "Er is geen voorstel meer om te kiezen."
        )

    # --- recording --------------------------------------------------------------------------------

    @on(Button.Pressed, "#bank-record")
    def action_record(self) -> None:
        from lcv_tui.services.imports import record_bank_import

        plan = self.plan
        workspace = self.app.workspace
        if plan is None or workspace is None:
            self._status("Lees eerst een bankafschrift in.", error=True)
            return
        try:
            result = record_bank_import(
                workspace, plan, self.assignments(), now=self.app.clock.now()
            )
        except ValueError as exc:
            self._status(str(exc), error=True)
            return
        self._clear_preview()
        if not result.payments and not result.ibans_remembered:
            self._status("Niets nieuws om vast te leggen.")
            return
        summary = f"Vastgelegd: {len(result.payments)} betaling(en)"
        if result.reversals:
            summary += f", waarvan {result.reversals} storno('s)"
        if result.ibans_remembered:
            summary += f"; IBAN onthouden bij {len(result.ibans_remembered)} huurder(s)"
        self._status(summary + ". Wat er nu te doen is, staat onder Vandaag (F2).")
        self.app.commit(summary)

    @on(Button.Pressed, "#bank-back")
    def _back(self) -> None:
        self.action_back()
