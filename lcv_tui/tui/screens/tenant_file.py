"""The tenant file (huurderdossier): contact data, the rent ledger, the case timeline, the verdict
on signalling, and every action that changes the file.

Everything shown comes from the domain: ``workflow.case_for`` (stage, steps, suspension),
``rules.eligibility`` (the verdict with its reasons), ``ledger`` (statement and arrears). Changes go
through ``domain.actions`` after a dialog was confirmed, then ``app.commit`` saves and the file is
drawn again. Letters and the dossier are written by ``exports`` in a thread worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TypeVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Header, Static, TabbedContent, TabPane

from lcv_tui.domain import ledger
from lcv_tui.domain.case_terms import SUSPENSION_DUTIES, StepStatus
from lcv_tui.domain.episodes import PastEpisode, past_episodes
from lcv_tui.domain.errors import first_message
from lcv_tui.domain.validation import format_date, format_money, format_phone
from lcv_tui.tui.screens.base import FollowsData, ScrollsPanes
from lcv_tui.tui.screens.letters import ExportFailed, FilesWritten, letter_folder
from lcv_tui.tui.screens.record_dialogs import (
    LETTER_NAMES,
    AdjustmentDialog,
    FeedbackDialog,
    LetterDialog,
    LetterSentDialog,
    ObjectionDialog,
    PaymentDialog,
    RecordDialog,
    SignalWithdrawalDialog,
    StepDialog,
    TextPreviewScreen,
    WithdrawObjectionDialog,
)
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable

if TYPE_CHECKING:
    from lcv_tui.domain.case import Case
    from lcv_tui.domain.letters import Letter
    from lcv_tui.domain.models import Adjustment, Agreement, Event, Payment, Tenant, VaultData
    from lcv_tui.domain.rules import Verdict
    from lcv_tui.tui.host import HostApp
    from lcv_tui.tui.letter_evidence import LetterDocuments

EntryT = TypeVar("EntryT")

STEP_SYMBOLS = {
    StepStatus.DONE: "✓",
    StepStatus.OVERDUE: "!",
    StepStatus.DUE_TODAY: "→",
    StepStatus.UPCOMING: "·",
    StepStatus.NOT_NEEDED: "–",
    StepStatus.BLOCKED: "✗",
}

LEDGER_COLUMNS = (
    Column("datum", "Datum", min_width=10, max_width=10),
    Column("omschrijving", "Omschrijving", min_width=16, max_width=60),
    Column("debet", "Debet", min_width=11, max_width=12, align="right"),
    Column("credit", "Credit", min_width=11, max_width=12, align="right"),
    Column("saldo", "Saldo", min_width=11, max_width=13, align="right"),
)


RECORD_COLUMNS = (
    Column("datum", "Datum", min_width=10, max_width=10),
    Column("soort", "Wat", min_width=12, max_width=34),
    Column("details", "Details", min_width=10, max_width=40),
    Column("status", "Status", min_width=10, max_width=40),
)

CORRECTED_PREFIX = "correctie:"
"""Key prefix of a row that shows a corrected or voided original (kept as evidence, not correctable)."""


# --- what the file shows: plain functions of the domain's answers -------------------------------


def verdict_for(data: VaultData, tenant: Tenant, case: Case | None, on: dt.date) -> Verdict:
    """``rules.eligibility`` for the case; without a case the domain's verdict for "no arrears"."""
    from lcv_tui.domain import actions, rules

    if case is None:
        return actions.signal_verdict(data, tenant.id, on)
    return rules.eligibility(case, on)


def verdict_headline(verdict: Verdict) -> str:
    if verdict.allowed:
        return "✓ Melden toegestaan: aan alle voorwaarden is voldaan."
    reasons = "; ".join(
        f"{reason.short or reason.text} ({reason.article})" for reason in verdict.blocking
    )
    return f"✗ Melden niet toegestaan: {reasons}."


def verdict_text(verdict: Verdict, on: dt.date) -> str:
    lines = [verdict_headline(verdict), f"Beoordeeld op {format_date(on)}. Elke voorwaarde:", ""]
    for reason in verdict.reasons:
        mark = "✓ voldaan    " if reason.ok else "✗ niet voldaan"
        lines.append(f"{mark}  {reason.article}: {reason.text}")
        if not reason.ok and reason.fix:
            lines.append(f"                Wat te doen: {reason.fix}")
    return "\n".join(lines)


def arrears_text(tenant: Tenant, on: dt.date) -> str:
    position = ledger.arrears(tenant, on)
    if not position.in_arrears:
        credit = f" Tegoed: {format_money(position.credit)}." if position.credit > 0 else ""
        return f"✓ Geen achterstand op {format_date(on)}.{credit}"
    months = f"{position.months} {'maand' if position.months == 1 else 'maanden'}"
    oldest = format_date(position.oldest_due) if position.oldest_due else "–"
    return (
        f"! Achterstand {format_money(position.amount)} · {months} · {position.days_overdue} dagen over de vervaldatum"
        f" · oudste onbetaalde vervaldatum {oldest}"
    )


def status_text(case: Case | None) -> str:
    if case is None:
        return "✓ Betaald: er loopt geen zaak."
    text = f"Status: {case.status_text}"
    if case.next_step:
        text += f"\nVolgende stap: {case.next_step}"
    return text


def suspension_text(case: Case | None) -> str:
    """Help accepted (LCV 3.13): the end of the suspension and LCV 4.2 a–c for the landlord to carry out."""
    if case is None or case.accepted is None or case.suspension_until is None:
        return ""
    lines = [
        f"‖ Hulp geaccepteerd op {format_date(case.accepted.on)}: incasso opgeschort tot en met "
        f"{format_date(case.suspension_until)} (LCV 4.1, 4.2). Doe nu, voor de gemelde vorderingen:"
    ]
    lines += [f"   {article}: {duty}" for article, duty in SUSPENSION_DUTIES]
    if case.collection_note:
        lines.append(case.collection_note)
    return "\n".join(lines)


def past_cases_text(episodes: list[PastEpisode]) -> str:
    """The "Eerdere zaken" tab: closed episodes with their letters and steps, newest first."""
    if not episodes:
        return "Geen eerdere zaken: deze huurder had niet eerder een achterstand."
    with_steps = [e for e in episodes if e.events]
    lines = []
    for episode in with_steps:
        lines.append(
            f"Zaak van {format_date(episode.opened_on)} tot {format_date(episode.closed_on)} "
            f"({episode.days} dagen, hoogste achterstand {format_money(episode.highest)}): "
            "afgesloten, de achterstand is betaald."
        )
        for event in episode.events:
            channel = f" {event.channel.label}" if event.channel else ""
            lines.append(f"  ✓ {format_date(event.on)} {event.kind.label}{channel}")
        lines.append("")
    quiet = [e for e in episodes if not e.events]
    if quiet:
        times = "keer" if len(quiet) == 1 else "keren"
        lines.append(
            f"Daarnaast {len(quiet)} {times} te laat betaald zonder brieven of stappen "
            f"(de laatste keer vanaf {format_date(quiet[0].opened_on)})."
        )
    return "\n".join(lines).strip()


def timeline_text(case: Case | None) -> str:
    if case is None:
        return (
            "Geen lopende zaak: er is geen achterstand en er staat niets open. Stappen verschijnen "
            "hier zodra de huur te laat is. Afgesloten zaken staan onder Eerdere zaken."
        )
    lines = [
        f"Zaak sinds {format_date(case.opened_on)} (vervaldatum {format_date(case.first_due)}). "
        "✓ gedaan · ! te laat · → vandaag · · gepland · – niet nodig · ✗ geblokkeerd",
        "",
    ]
    for step in case.steps:
        if step.done_on is not None:
            when = f"{step.status.label.lower()} op {format_date(step.done_on)}"
        elif step.suggested is not None:
            when = f"{step.status.label.lower()}, datum {format_date(step.suggested)}"
        else:
            when = step.status.label.lower()
        lines.append(f"{STEP_SYMBOLS[step.status]} {step.label} — {when} · {step.article}")
        lines.append(f"    {step.explanation}")
    return "\n".join(lines)


def rent_text(tenant: Tenant, on: dt.date | None) -> str:
    """The rent in force on ``on`` (with the date it took effect) and a change still to come."""
    if on is None or not tenant.rent_changes:
        return f"{format_money(tenant.rent)}, vervaldag de {tenant.due_day}e"
    rent = ledger.rent_in_force(tenant, on)
    since = [change.on for change in tenant.rent_changes if change.on <= on]
    text = format_money(rent) + (f" sinds {format_date(since[-1])}" if since else "")
    coming = [change for change in tenant.rent_changes if change.on > on]
    if coming:
        text += f"; {format_money(coming[0].amount)} vanaf {format_date(coming[0].on)}"
    return f"{text}, vervaldag de {tenant.due_day}e"


def contact_text(tenant: Tenant, agreement: Agreement | None, on: dt.date | None = None) -> str:
    phones = ", ".join(format_phone(p) for p in tenant.phones) or "–"
    meldpunt = (
        f"overeenkomst sinds {format_date(agreement.signed_on)}, meldpunt {agreement.meldpunt.label}"
        if agreement
        else "geen overeenkomst vastgelegd (zie Gemeenten)"
    )
    end = format_date(tenant.tenancy_end) if tenant.tenancy_end else "loopt"
    rows: tuple[tuple[str, str], ...] = (
        ("Naam", tenant.display_name),
        ("Medehuurders", ", ".join(co.display_name for co in tenant.co_tenants) or "–"),
        ("Klantnummer", tenant.klantnummer or "–"),
        ("Adres", tenant.address_line or "–"),
        ("Postcode en plaats", f"{tenant.postcode} {tenant.town}".strip()),
        ("Gemeente", f"{tenant.gemeente} — {meldpunt}"),
        ("Telefoon", phones),
        ("E-mail", tenant.email or "–"),
        ("Huur per maand", rent_text(tenant, on)),
        ("Huurperiode", f"vanaf {format_date(tenant.tenancy_start)}, einde: {end}"),
    )
    if tenant.paid_through is not None:
        rows += (("Betaald t/m", f"{format_date(tenant.paid_through)} (daarvoor telt niets mee)"),)
    return "\n".join(f"{label + ':':<20} {value}" for label, value in rows)


def ledger_records(tenant: Tenant, on: dt.date) -> list[Record]:
    """The statement, newest line first (like a bank statement); each line keeps its running balance."""
    records = []
    for index, line in enumerate(ledger.statement(tenant, on)):
        debit = format_money(line.debit) if line.debit else ""
        credit = format_money(line.credit) if line.credit else ""
        balance = format_money(abs(line.balance)) + (" tegoed" if line.balance < 0 else "")
        records.append(
            Record(
                key=str(index),
                cells=(format_date(line.on), line.description, debit, credit, balance),
                sort_keys=(index, line.description, line.debit, line.credit, line.balance),
                search="",
            )
        )
    return records[::-1]


def _record_details(record: Payment | Adjustment | Event) -> str:
    from lcv_tui.domain.models import Adjustment, Payment

    if isinstance(record, (Payment, Adjustment)):
        parts = [format_money(record.amount), record.note]
    else:
        parts = [record.channel.label if record.channel else "", record.note]
        if record.amount is not None:
            parts.insert(0, format_money(record.amount))
        if record.feedback is not None:
            parts.insert(0, record.feedback.label)
    return " · ".join(part for part in parts if part)


def other_tenant(data: VaultData, tenant_id: str, text: str) -> Tenant:
    """The one other tenant whose klantnummer is ``text``, else whose surname is (or contains) it;
    a Dutch ``ValueError`` when there is none or more than one."""
    key = " ".join(text.split()).casefold()
    others = [t for t in data.tenants if t.id != tenant_id]
    for match in (
        lambda t: bool(t.klantnummer) and t.klantnummer.casefold() == key,
        lambda t: t.surname.casefold() == key,
        lambda t: key in t.surname.casefold(),
    ):
        found = [t for t in others if match(t)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            raise ValueError(
                f"Er zijn {len(found)} huurders met '{text.strip()}': geef het klantnummer."
            )
    raise ValueError(
        f"Geen andere huurder gevonden met klantnummer of achternaam '{text.strip()}'."
    )


def recorded_records(tenant: Tenant) -> list[Record]:
    """Everything recorded in the file, newest first: payments, adjustments and events that count,
    and the originals that were corrected or voided, marked so (issue 12.5)."""
    from lcv_tui.domain.actions import record_label

    replaced = {c.replacement_id for c in tenant.corrections if c.replacement_id}
    rows: list[tuple[dt.date, int, Record]] = []
    live: list[Payment | Adjustment | Event] = [
        *tenant.payments,
        *tenant.adjustments,
        *tenant.events,
    ]
    for order, record in enumerate(live):
        status = "✓ telt mee (na correctie)" if record.id in replaced else "✓ telt mee"
        label = record_label(record)
        rows.append(
            (
                record.on,
                order,
                Record(
                    key=record.id,
                    cells=(format_date(record.on), label, _record_details(record), status),
                    sort_keys=(record.on, label, "", status),
                    search="",
                ),
            )
        )
    for order, correction in enumerate(tenant.corrections, start=len(live)):
        original = correction.original
        label = record_label(original)
        status = (
            f"✗ {correction.status_label} op {format_date(correction.recorded_at.date())}: "
            f"{correction.reason}"
        )
        rows.append(
            (
                original.on,
                order,
                Record(
                    key=CORRECTED_PREFIX + correction.id,
                    cells=(format_date(original.on), label, _record_details(original), status),
                    sort_keys=(original.on, label, "", status),
                    search="",
                ),
            )
        )
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    return [record for _, _, record in rows]


# --- the screen -------------------------------------------------------------------------------


class TenantFileScreen(FollowsData, ScrollsPanes):
    """One tenant's file; Escape goes back to where it was opened (the agenda or the tenant list)."""

    CSS_PATH = "tenant_file.tcss"
    HELP_TOPIC = "huurderdossier"
    app: HostApp

    # The footer shows the keys that matter most and fits in 80 columns; F1 → Toetsen lists them all.
    # The footer shows these keys in this order while they fit (80 columns: the first three).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Terug", id="file.close"),
        Binding("g", "guide_signal", "Begeleiden", id="file.guide_signal"),
        Binding("p", "payment", "Betaling", id="file.payment"),
        Binding("w", "letter", "Brief", id="file.letter"),
        Binding("s", "step", "Stap 2.1", id="file.step", show=False),
        Binding("b", "objection", "Bezwaar", id="file.objection"),
        Binding("b", "withdraw_objection", "Bezwaar intrekken", id="file.withdraw_objection"),
        Binding("t", "feedback", "Terugkoppeling", id="file.feedback", show=False),
        Binding("i", "withdrawal", "Signaal ingetrokken", id="file.withdrawal", show=False),
        Binding("c", "adjustment", "Correctie", id="file.adjustment", show=False),
        Binding("d", "dossier", "Bewijsdossier", id="file.dossier"),
        Binding("e", "edit", "Gegevens", id="file.edit"),
        Binding("ctrl+r", "correct", "Corrigeren…", id="file.correct", show=False),
    ]

    def __init__(self, tenant_id: str) -> None:
        super().__init__()
        self.tenant_id = tenant_id
        self.case: Case | None = None
        self._letter_documents: LetterDocuments | None = None

    # --- data ---------------------------------------------------------------------------------

    @property
    def data(self) -> VaultData:
        workspace = self.app.workspace
        assert workspace is not None
        return workspace.data

    @property
    def today(self) -> dt.date:
        return self.app.clock.today()

    @property
    def tenant(self) -> Tenant:
        return self.data.tenant(self.tenant_id)

    # --- layout -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        with Vertical(id="file-summary"):
            yield Static("", id="file-title", markup=False)
            yield Static("", id="file-status", markup=False)
            yield Static("", id="file-arrears", markup=False)
            yield Static("", id="file-verdict", markup=False)
        with TabbedContent(id="file-tabs"):
            with TabPane("Stappen", id="tab-steps"), VerticalScroll():
                yield Static("", id="file-suspension", markup=False)
                yield Static("", id="file-timeline", markup=False)
            with TabPane("Melden?", id="tab-verdict"), VerticalScroll():
                yield Static("", id="file-verdict-reasons", markup=False)
            with TabPane("Rekening", id="tab-ledger"):
                yield RecordTable(
                    LEDGER_COLUMNS, empty_text="Nog geen huur of betalingen.", id="file-ledger"
                )
            with TabPane("Vastgelegd", id="tab-records"), Vertical():
                yield RecordTable(
                    RECORD_COLUMNS, empty_text="Nog niets vastgelegd.", id="file-records"
                )
                with Horizontal(id="file-records-buttons"):
                    yield Static(
                        "Iets verkeerd vastgelegd? Kies de regel en druk Enter of Ctrl+R.",
                        id="file-records-hint",
                        markup=False,
                    )
                    yield Button("Corrigeren…", id="correct")
            with TabPane("Gegevens", id="tab-contact"), VerticalScroll():
                yield Static("", id="file-contact", markup=False)
            with TabPane("Eerdere zaken", id="tab-past"), VerticalScroll():
                yield Static("", id="file-past", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.refresh_file()

    def refresh_file(self) -> None:
        """Ask the domain again and redraw every part of the file."""
        from lcv_tui.domain.workflow import case_for

        try:
            tenant = self.tenant
        except KeyError:
            self.dismiss(None)
            return
        data, today = self.data, self.today
        agreement = data.agreement_for(tenant.gemeente)
        self.case = case = case_for(tenant, today, settings=data.settings, agreement=agreement)
        verdict = verdict_for(data, tenant, case, today)
        place = f"{tenant.postcode} {tenant.town}".strip()
        self.query_one("#file-title", Static).update(
            f"Dossier {tenant.display_name} · {tenant.address_line}, {place} · gemeente {tenant.gemeente}"
        )
        self.query_one("#file-status", Static).update(status_text(case))
        arrears_line = self.query_one("#file-arrears", Static)
        arrears_line.update(arrears_text(tenant, today))
        arrears_line.set_class(ledger.arrears(tenant, today).in_arrears, "-arrears")
        headline = self.query_one("#file-verdict", Static)
        headline.update(verdict_headline(verdict))
        headline.set_class(verdict.allowed, "-allowed")
        headline.set_class(not verdict.allowed, "-refused")
        suspension = self.query_one("#file-suspension", Static)
        suspension.update(suspension_text(case))
        suspension.display = bool(suspension_text(case))
        self.query_one("#file-timeline", Static).update(timeline_text(case))
        self.query_one("#file-verdict-reasons", Static).update(verdict_text(verdict, today))
        self.query_one("#file-contact", Static).update(contact_text(tenant, agreement, today))
        table = self.query_one("#file-ledger", RecordTable)
        table.set_records(ledger_records(tenant, today))
        table.action_first()
        records = self.query_one("#file-records", RecordTable)
        records.set_records(recorded_records(tenant))
        records.action_first()
        self.query_one("#file-past", Static).update(past_cases_text(past_episodes(tenant, today)))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        objection = self.case is not None and self.case.objection is not None
        if action == "objection":
            return not objection
        if action == "withdraw_objection":
            return objection
        return True

    def action_close(self) -> None:
        self.dismiss(None)

    # --- recording ----------------------------------------------------------------------------

    def _record(
        self,
        make: Callable[[dict[str, str] | None, str], RecordDialog[EntryT]],
        record: Callable[[EntryT], str],
        values: dict[str, str] | None = None,
        error: str = "",
    ) -> None:
        """Open a dialog; once confirmed, record through the domain, save and redraw. A refusal by the
        domain opens the dialog again with what was typed and the Dutch reason."""
        dialog = make(values, error)

        def answered(entry: EntryT | None) -> None:
            if entry is None:
                return
            workspace = self.app.workspace
            assert workspace is not None
            try:
                done = record(entry)
            except ValidationError as exc:
                self._record(make, record, dialog.last_values, first_message(exc))
                return
            except ValueError as exc:
                self._record(
                    make, record, dialog.last_values, getattr(exc, "message", None) or str(exc)
                )
                return
            workspace.mark_dirty()
            self.app.commit(done)
            self.refresh_file()

        self.app.push_screen(dialog, answered)

    @property
    def letter_documents(self) -> LetterDocuments:
        """The PDFs of letters written from this file, kept as evidence until recorded (issue 13.1)."""
        if self._letter_documents is None:
            from lcv_tui.tui.letter_evidence import LetterDocuments

            workspace = self.app.workspace
            assert workspace is not None
            self._letter_documents = LetterDocuments(workspace)
        return self._letter_documents

    def _dialog_args(self, values: dict[str, str] | None, error: str) -> dict:
        return {
            "today": self.today,
            "subject": self.tenant.display_name,
            "values": values,
            "error": error,
        }

    def _when(self) -> dict:
        workspace = self.app.workspace
        assert workspace is not None
        return {"now": self.app.clock.now(), "actor": workspace.actor}

    def action_payment(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.record_payment(
                self.data, self.tenant_id, entry.on, entry.amount, entry.note, **self._when()
            )
            return f"Betaling van {format_money(entry.amount)} vastgelegd"

        self._record(
            lambda values, error: PaymentDialog(**self._dialog_args(values, error)), record
        )

    def action_adjustment(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.add_adjustment(
                self.data,
                self.tenant_id,
                entry.kind,
                entry.on,
                entry.amount,
                entry.note,
                **self._when(),
            )
            return f"{entry.kind.label} van {format_money(entry.amount)} vastgelegd"

        self._record(
            lambda values, error: AdjustmentDialog(**self._dialog_args(values, error)), record
        )

    def action_step(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            if entry.kind in actions.LCV_FACT_KINDS:
                actions.record_fact(
                    self.data, self.tenant_id, entry.kind, entry.on, entry.note, **self._when()
                )
            else:
                actions.record_step(
                    self.data,
                    self.tenant_id,
                    entry.kind,
                    entry.on,
                    entry.channel,
                    entry.note,
                    **self._when(),
                )
            return f"{entry.kind.label} vastgelegd"

        self._record(lambda values, error: StepDialog(**self._dialog_args(values, error)), record)

    def action_objection(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.record_objection(
                self.data, self.tenant_id, entry.on, entry.channel, entry.note, **self._when()
            )
            return "Bezwaar vastgelegd: deze huurder wordt niet gemeld (LCV 2.2)"

        self._record(
            lambda values, error: ObjectionDialog(**self._dialog_args(values, error)), record
        )

    def action_withdraw_objection(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.withdraw_objection(
                self.data, self.tenant_id, entry.on, note=entry.note, **self._when()
            )
            return "Intrekking van het bezwaar vastgelegd"

        self._record(
            lambda values, error: WithdrawObjectionDialog(**self._dialog_args(values, error)),
            record,
        )

    def action_feedback(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.record_feedback(
                self.data, self.tenant_id, entry.status, entry.on, entry.note, **self._when()
            )
            return f"Terugkoppeling vastgelegd: {entry.status.label}"

        self._record(
            lambda values, error: FeedbackDialog(**self._dialog_args(values, error)), record
        )

    def action_withdrawal(self) -> None:
        from lcv_tui.domain import actions

        def record(entry) -> str:
            actions.record_withdrawal(
                self.data, self.tenant_id, entry.on, note=entry.note, **self._when()
            )
            return "Intrekking van het signaal vastgelegd"

        self._record(
            lambda values, error: SignalWithdrawalDialog(**self._dialog_args(values, error)), record
        )

    @on(RecordTable.Selected, "#file-records")
    @on(Button.Pressed, "#correct")
    def action_correct(self) -> None:
        """Correct or void the record selected on the "Vastgelegd" tab (issue 12.5)."""
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.correction_dialog import (
            CorrectionDialog,
            CorrectionEntry,
            describe,
        )

        tabs = self.query_one("#file-tabs", TabbedContent)
        table = self.query_one("#file-records", RecordTable)
        if tabs.active != "tab-records":
            tabs.active = "tab-records"
            table.focus()
            self.notify("Kies de regel die u wilt corrigeren en druk Enter.", timeout=4)
            return
        key = table.current_key
        if key is None:
            self.notify("Er is nog niets vastgelegd om te corrigeren.", timeout=4)
            return
        if key.startswith(CORRECTED_PREFIX):
            self.notify(
                "Dit gegeven is al gecorrigeerd of vervallen; het blijft als bewijs bewaard. "
                "Kies de regel die nu meetelt.",
                timeout=6,
                markup=False,
            )
            return
        record = actions.find_record(self.tenant, key)

        def record_it(entry: CorrectionEntry) -> str:
            label = actions.record_label(record)
            if entry.move_to:
                other = other_tenant(self.data, self.tenant_id, entry.move_to)
                actions.move_record(
                    self.data,
                    self.tenant_id,
                    record.id,
                    to_tenant_id=other.id,
                    reason=entry.reason,
                    **self._when(),
                )
                return f"{label} ({format_date(record.on)}) verplaatst naar {other.display_name}"
            if entry.void:
                actions.void_record(
                    self.data, self.tenant_id, record.id, reason=entry.reason, **self._when()
                )
                return f"{label} ({format_date(record.on)}) vervallen"
            actions.correct_record(
                self.data,
                self.tenant_id,
                record.id,
                replacement=entry.changes,
                reason=entry.reason,
                **self._when(),
            )
            return f"{label} ({format_date(record.on)}) gecorrigeerd"

        self._record(
            lambda values, error: CorrectionDialog(
                record,
                today=self.today,
                subject=describe(record),
                values=values,
                error=error,
            ),
            record_it,
        )

    def action_guide_signal(self) -> None:
        from lcv_tui.tui.screens.wizard import open_wizard

        open_wizard(self.app, self.tenant_id)

    def refresh_data(self) -> None:
        # A change recorded anywhere (the wizard, a dialog on top, a bank statement) shows at once.
        self.refresh_file()

    def action_edit(self) -> None:
        from lcv_tui.tui.screens.tenant_form import TenantFormScreen

        self.app.push_screen(TenantFormScreen(self.tenant), lambda _saved: self.refresh_file())

    # --- letters ------------------------------------------------------------------------------

    def action_letter(self, values: dict[str, str] | None = None, error: str = "") -> None:
        from lcv_tui.domain.agenda import next_letter

        landlord = self.data.landlord
        if landlord is None:
            self.notify(
                "Vul eerst uw gegevens als verhuurder in (Instellingen): die staan op elke brief.",
                severity="error",
                markup=False,
            )
            return
        dialog = LetterDialog(kind=next_letter(self.case), **self._dialog_args(values, error))

        def answered(request) -> None:
            from lcv_tui.domain.letters import LetterRefused, build_letter, letter_warnings

            if request is None:
                return
            tenant = self.tenant
            try:
                letter = build_letter(
                    request.kind,
                    landlord=landlord,
                    tenant=tenant,
                    arrears=ledger.arrears(tenant, request.on),
                    on=request.on,
                    settings=self.data.settings,
                    channel=request.channel,
                )
            except LetterRefused as exc:
                self.action_letter(dialog.last_values, exc.message)
                return

            def save(confirmed: bool | None) -> None:
                if confirmed:
                    self.write_letter(letter, letter_folder(self.app))

            def preview(go: bool | None = True) -> None:
                if go:
                    self.app.push_screen(
                        TextPreviewScreen(
                            f"{LETTER_NAMES[letter.kind]} voor {tenant.display_name}", letter.text
                        ),
                        save,
                    )

            warnings = letter_warnings(landlord, [letter.kind])
            if warnings:
                from lcv_tui.tui.screens.dialogs import ConfirmScreen

                question = "\n\n".join([*warnings, "Toch de brief maken?"])
                self.app.push_screen(
                    ConfirmScreen(question, yes="Toch maken", no="Eerst invullen", title="Let op"),
                    preview,
                )
            else:
                preview()

        self.app.push_screen(dialog, answered)

    @work(thread=True, exclusive=True, group="tenant-file-files")
    def write_letter(self, letter: Letter, folder: Path) -> None:
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.letters_pdf import write_letters

        try:
            paths = write_letters([letter], folder, keep=self.letter_documents.keep)
        except ExportError as exc:
            self.post_message(ExportFailed(exc.message))
            return
        self.post_message(FilesWritten(tuple(paths), folder, (letter,)))

    @on(FilesWritten)
    def _written(self, message: FilesWritten) -> None:
        if not message.letters:
            self.notify(
                f"Bewijsdossier opgeslagen in {message.folder}",
                title="Opgeslagen",
                timeout=8,
                markup=False,
            )
            return
        letter = message.letters[0]
        self.notify(
            f"Brief opgeslagen in {message.folder}", title="Opgeslagen", timeout=8, markup=False
        )
        from lcv_tui.domain.actions import sent_not_yet_possible

        not_yet = sent_not_yet_possible(letter.date, self.today)
        if not_yet:
            # Asking now would only lead to a refusal: the letter bears a later working day.
            self.notify(not_yet, title="Nog niet vastleggen", timeout=12, markup=False)
            return
        self.ask_letter_sent(letter)

    def ask_letter_sent(
        self, letter: Letter, values: dict[str, str] | None = None, error: str = ""
    ) -> None:
        """Writing a letter changes nothing; this asks whether it was sent, and records it only then."""
        from lcv_tui.domain import actions

        data, tenant_id = self.data, self.tenant_id

        def check(sent) -> list[str]:
            return actions.letter_warnings(
                data, tenant_id, letter.kind, sent.on, sent.channel, letter
            )

        dialog = LetterSentDialog(
            channel=letter.channel, check=check, **self._dialog_args(values, error)
        )

        def answered(sent) -> None:
            if sent is None:
                self.notify(
                    "Niet vastgelegd: de brief telt nog niet als verstuurd. Leg dat later vast met w.",
                    timeout=6,
                    markup=False,
                )
                return
            try:
                actions.record_letter(
                    self.data,
                    self.tenant_id,
                    letter.kind,
                    sent.on,
                    sent.channel,
                    letter=letter,
                    document_sha256=self.letter_documents.sha(letter),
                    proof=sent.proof,
                    **self._when(),
                )
            except ValueError as exc:
                self.ask_letter_sent(letter, dialog.last_values, str(exc))
                return
            assert self.app.workspace is not None
            self.app.workspace.mark_dirty()
            self.app.commit(f"{LETTER_NAMES[letter.kind]} als verstuurd vastgelegd")
            self.refresh_file()

        self.app.push_screen(dialog, answered)

    @on(ExportFailed)
    def _failed(self, message: ExportFailed) -> None:
        self.notify(
            message.message, title="Niet opgeslagen", severity="error", timeout=12, markup=False
        )

    # --- the evidence dossier -----------------------------------------------------------------

    def action_dossier(self) -> None:
        # Built in the worker too: it checks the whole audit log (seconds at thousands of tenants).
        self.notify("Het bewijsdossier wordt gemaakt…", timeout=3, markup=False)
        self.write_dossier(self.tenant_id, self.today, self.app.locations.export_dir)

    @work(thread=True, exclusive=True, group="tenant-file-files")
    def write_dossier(self, tenant_id: str, today: dt.date, folder: Path) -> None:
        from lcv_tui.domain.dossier import build_dossier
        from lcv_tui.exports.files import ExportError
        from lcv_tui.services.dossier import write_dossier

        workspace = self.app.workspace
        assert workspace is not None
        dossier = build_dossier(workspace.data, tenant_id, today)
        try:
            paths, missing = write_dossier(workspace, dossier, folder)
        except ExportError as exc:
            self.post_message(ExportFailed(exc.message))
            return
        if missing:
            self.post_message(ExportFailed(" ".join(missing)))
        self.post_message(FilesWritten(tuple(paths), folder, ()))
