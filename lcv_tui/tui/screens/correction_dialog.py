"""Putting a recorded fact right (issue 12.5): correct its date, amount or channel, or let it lapse,
always with a reason. The dialog only reads what was typed; the tenant file passes the entry to
``actions.correct_record`` or ``actions.void_record``, which keep the original as evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Select

from lcv_tui.domain import validation as v
from lcv_tui.domain.actions import record_label
from lcv_tui.domain.models import (
    LETTER_CHANNELS,
    LETTER_KINDS,
    Adjustment,
    Channel,
    Event,
    EventKind,
    Payment,
)
from lcv_tui.tui.screens.record_dialogs import (
    CONTACT_CHANNELS,
    NO_CHANNEL,
    RecordDialog,
    channel_name,
)
from lcv_tui.tui.widgets.form import FormField

CORRECT = "correct"
VOID = "void"
MOVE = "move"


@dataclass(frozen=True)
class CorrectionEntry:
    """``void`` True: let the record lapse; ``move_to``: the klantnummer or surname typed for the
    tenant it belongs to; else ``changes`` holds the fields that change."""

    void: bool
    reason: str
    changes: dict[str, Any] = field(default_factory=dict)
    move_to: str = ""


def describe(record: Payment | Adjustment | Event) -> str:
    """``Betaling van 01-11-2026: € 850,00``: the record as the dialog's subject line."""
    text = f"{record_label(record)} — {v.format_date(record.on)}"
    if isinstance(record, (Payment, Adjustment)):
        text += f" — {v.format_money(record.amount)}"
    elif record.channel is not None:
        text += f" — {record.channel.label}"
    return text


def channel_options(record: Payment | Adjustment | Event) -> list[Channel] | None:
    """The channels a corrected record may have, or None when it has no channel to correct."""
    if not isinstance(record, Event):
        return None
    if record.kind in LETTER_KINDS:
        return list(LETTER_CHANNELS)
    if record.kind == EventKind.PERSOONLIJK_CONTACT:
        return list(CONTACT_CHANNELS)
    if record.kind in (
        EventKind.SCHULDHULP_GEWEZEN,
        EventKind.GEGEVENS_AANGEBODEN,
        EventKind.BEZWAAR,
        EventKind.BEZWAAR_INGETROKKEN,
    ):
        return list(Channel)
    return None


class CorrectionDialog(RecordDialog[CorrectionEntry]):
    CSS_PATH = "record_dialogs.tcss"
    DEFAULT_CSS = """
    CorrectionDialog #correct-fields, CorrectionDialog #move-fields {
        height: auto;
    }
    """
    TITLE_TEXT = "Corrigeren"
    INTRO = "Het oorspronkelijke gegeven blijft met uw reden bewaard in dossier en logboek."
    CONFIRM = "Corrigeren"

    def __init__(self, record: Payment | Adjustment | Event, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.record = record
        self.channels = channel_options(record)
        self.has_amount = isinstance(record, (Payment, Adjustment))

    def compose_fields(self) -> ComposeResult:
        record = self.record
        yield from self.choice(
            "what",
            "Wat wilt u doen? *",
            [
                ("Corrigeren (datum, bedrag of kanaal)", CORRECT),
                ("Laten vervallen", VOID),
                ("Verplaatsen naar de juiste huurder", MOVE),
            ],
            CORRECT,
        )
        with Vertical(id="correct-fields"):
            yield FormField(
                "on",
                "Juiste datum *",
                value=self.value("on", v.format_date(record.on)),
                help="Dag-maand-jaar; nu staat hier de vastgelegde datum.",
            )
            if self.has_amount:
                amount = record.amount if isinstance(record, (Payment, Adjustment)) else None
                yield FormField(
                    "amount",
                    "Juist bedrag *",
                    value=self.value("amount", v.format_decimal_nl(amount) if amount else ""),
                    help="Bijvoorbeeld 850,00.",
                )
            if self.channels is not None:
                current = record.channel if isinstance(record, Event) else None
                yield from self.choice(
                    "channel",
                    "Juist kanaal",
                    ([] if current is not None or not self.channels else [("Geen", NO_CHANNEL)])
                    + [(channel_name(c), c.value) for c in self.channels],
                    current.value if current is not None else NO_CHANNEL,
                )
        with Vertical(id="move-fields"):
            yield FormField(
                "move_to",
                "Juiste huurder *",
                value=self.value("move_to"),
                help="Klantnummer of achternaam van de huurder bij wie dit hoort.",
            )
        yield FormField(
            "reason",
            "Reden *",
            value=self.value("reason"),
            help="Waarom u dit corrigeert, bijvoorbeeld 'verkeerde datum ingevoerd' of 'storno'.",
        )

    def on_mount(self) -> None:
        super().on_mount()
        self._show_fields()

    @on(Select.Changed, "#what")
    def _show_fields(self) -> None:
        self.query_one("#correct-fields").display = self.selected("what") == CORRECT
        self.query_one("#move-fields").display = self.selected("what") == MOVE

    def read(self) -> CorrectionEntry | dict[str, str]:
        errors: dict[str, str] = {}
        reason = self.text("reason").strip()
        if not reason:
            errors["reason"] = (
                "Geef een reden voor de correctie, bijvoorbeeld 'verkeerde datum ingevoerd'."
            )
        if self.selected("what") == VOID:
            return errors or CorrectionEntry(True, reason)
        if self.selected("what") == MOVE:
            move_to = self.text("move_to").strip()
            if not move_to:
                errors["move_to"] = "Vul het klantnummer of de achternaam van de juiste huurder in."
            return errors or CorrectionEntry(False, reason, move_to=move_to)
        record = self.record
        changes: dict[str, Any] = {}
        on_ = self.parse_date(errors)
        if on_ is not None and on_ != record.on:
            changes["on"] = on_
        if self.has_amount:
            amount = self.parse_amount(errors)
            if amount is not None and amount != getattr(record, "amount", None):
                changes["amount"] = amount
        if self.channels is not None and isinstance(record, Event):
            chosen = self.selected("channel")
            channel = None if chosen == NO_CHANNEL else Channel(chosen)
            if channel != record.channel:
                changes["channel"] = channel
        if not errors and not changes:
            errors[""] = (
                "Er verandert niets: pas de datum, het bedrag of het kanaal aan, of kies 'Laten vervallen'."
            )
        return errors or CorrectionEntry(False, reason, changes)
