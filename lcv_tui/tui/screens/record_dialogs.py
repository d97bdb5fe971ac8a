"""Dialogs that ask what happened, for the tenant file: a payment, an adjustment, an LCV 2.1 step,
an objection and its withdrawal, feedback from the municipality, the withdrawal of a signal, and a
letter (to write, and to record as sent).

Each dialog is a typed ``ModalScreen`` that returns an *entry* (a small frozen dataclass) with
``dismiss``, or ``None`` when cancelled. A dialog only reads and checks what was typed (dates,
amounts, choices) and shows Dutch messages under the fields; it records nothing. The caller passes
the entry to ``lcv_tui.domain.actions``; when the domain refuses, the caller opens the dialog again
with the same values and the domain's message (``values=``, ``error=``).
"""

from __future__ import annotations

import datetime as dt
from abc import abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import ClassVar, Generic, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from lcv_tui.domain import articles
from lcv_tui.domain import validation as v
from lcv_tui.domain.models import (
    LETTER_CHANNELS,
    LETTER_KINDS,
    AdjustmentKind,
    Channel,
    EventKind,
    FeedbackStatus,
)
from lcv_tui.tui.screens.dialogs import DialogBody
from lcv_tui.tui.widgets.form import FormField, show_errors

EntryT = TypeVar("EntryT")
BuiltT = TypeVar("BuiltT")

CONTACT_CHANNELS = (Channel.TELEFOON, Channel.BEZOEK, Channel.EMAIL, Channel.POST)
"""How a landlord can try to reach a tenant personally (LCV 2.1 b)."""

STEP_KINDS = (
    EventKind.PERSOONLIJK_CONTACT,
    EventKind.SCHULDHULP_GEWEZEN,
    EventKind.GEGEVENS_AANGEBODEN,
    EventKind.DREIGENDE_HUISUITZETTING,
    EventKind.INCASSOKOSTEN_GESTOPT,
    EventKind.INCASSO_ON_HOLD,
    EventKind.SIGNAAL_GENEGEERD,
)

STEP_ARTICLES = {
    EventKind.PERSOONLIJK_CONTACT: articles.LCV_2_1_B,
    EventKind.SCHULDHULP_GEWEZEN: articles.LCV_2_1_C,
    EventKind.GEGEVENS_AANGEBODEN: articles.LCV_2_1_D,
    EventKind.DREIGENDE_HUISUITZETTING: articles.WI_STEP_3,
    EventKind.INCASSOKOSTEN_GESTOPT: articles.LCV_4_2_B,
    EventKind.INCASSO_ON_HOLD: articles.LCV_4_2_C,
    EventKind.SIGNAAL_GENEGEERD: articles.WI_STEP_3,
}

LETTER_NAMES = {
    EventKind.HERINNERING: articles.HERINNERING,
    EventKind.AANMANING: articles.AANMANING,
    EventKind.SOMMATIE: articles.SOMMATIE,
}

NO_CHANNEL = "geen"


def channel_name(channel: Channel) -> str:
    """``Per post``, ``Telefonisch`` …: the channel's Dutch label with a capital."""
    label = channel.label
    return label[:1].upper() + label[1:]


# --- entries: what a dialog returns -----------------------------------------------------------


@dataclass(frozen=True)
class PaymentEntry:
    on: dt.date
    amount: Decimal
    note: str


@dataclass(frozen=True)
class AdjustmentEntry:
    kind: AdjustmentKind
    on: dt.date
    amount: Decimal
    note: str


@dataclass(frozen=True)
class StepEntry:
    kind: EventKind
    on: dt.date
    channel: Channel | None
    note: str


@dataclass(frozen=True)
class ObjectionEntry:
    on: dt.date
    channel: Channel | None
    note: str


@dataclass(frozen=True)
class FeedbackEntry:
    status: FeedbackStatus
    on: dt.date
    note: str


@dataclass(frozen=True)
class DatedNote:
    """A date and a note: withdrawing an objection, withdrawing a signal."""

    on: dt.date
    note: str


@dataclass(frozen=True)
class LetterRequest:
    kind: EventKind
    on: dt.date
    channel: Channel


@dataclass(frozen=True)
class LetterSent:
    on: dt.date
    channel: Channel
    proof: str = ""  # registered-post number or e-mail message id (optional)


# --- the base dialog --------------------------------------------------------------------------


class RecordDialog(ModalScreen["EntryT | None"], Generic[EntryT]):
    """Title, an explanation, fields with inline messages, and Vastleggen / Annuleren.

    Subclasses set the class texts, yield their fields in :meth:`compose_fields` and turn the
    typed text into an entry in :meth:`read` (or return ``{field: Dutch message}``).
    """

    CSS_PATH = "record_dialogs.tcss"
    HELP_TOPIC: ClassVar[str] = "huurderdossier"
    TITLE_TEXT: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""
    CONFIRM: ClassVar[str] = "Vastleggen"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "confirm", "Vastleggen", id="record.confirm"),
        Binding("escape", "cancel", "Annuleren", id="record.cancel"),
    ]

    def __init__(
        self,
        *,
        today: dt.date,
        subject: str = "",
        values: dict[str, str] | None = None,
        error: str = "",
    ) -> None:
        super().__init__()
        self.today = today
        self.subject = subject
        self.values = dict(values or {})
        self.error = error
        self.last_values: dict[str, str] = dict(self.values)
        """What was typed when the dialog was confirmed: the caller reopens with it after a refusal."""

    def value(self, field: str, default: str = "") -> str:
        return self.values.get(field, default)

    def compose(self) -> ComposeResult:
        # On a small terminal the form part scrolls and the buttons stay below it, so they are on
        # the screen from the start (80×24, 60×20).
        with Vertical(id="record-box"):
            with DialogBody(id="record-form"):
                yield Static(self.TITLE_TEXT, id="record-title", markup=False)
                if self.subject:
                    yield Static(self.subject, id="record-subject", markup=False)
                if self.INTRO:
                    yield Static(self.INTRO, id="record-intro", markup=False)
                yield Static(
                    f"⚠ {self.error}" if self.error else "",
                    id="record-summary",
                    classes="form-summary",
                    markup=False,
                )
                with Vertical(id="record-fields"):
                    yield from self.compose_fields()
            with Horizontal(id="record-buttons"):
                yield Button(f"{self.CONFIRM} (Ctrl+S)", id="confirm", variant="primary")
                yield Button("Annuleren (Esc)", id="cancel")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    FRAME_ROWS: ClassVar[int] = 9
    """Rows of the box that are not the form: border, padding, the button row and its margin, and
    the screen's margin (the box is at most 95% high)."""

    def on_resize(self, event: events.Resize) -> None:
        # The form part scrolls within what the screen leaves, so the buttons below it are always in
        # view; CSS cannot say "auto height, but no more than the rest of the box".
        form = self.query_one("#record-form")
        form.styles.max_height = max(3, event.size.height - self.FRAME_ROWS)

    def on_mount(self) -> None:
        self.query_one("#record-summary", Static).display = bool(self.error)
        first = self.query("#record-fields Input, #record-fields Select").first()
        first.focus()
        # Once laid out: on a small terminal a long explanation can push the first field below the fold.
        self.call_after_refresh(first.scroll_visible, animate=False)

    # field builders ------------------------------------------------------------------------

    def date_field(
        self,
        field: str = "on",
        label: str = "Datum *",
        help: str = "Dag-maand-jaar; standaard vandaag.",
    ) -> FormField:
        return FormField(
            field, label, value=self.value(field, v.format_date(self.today)), help=help
        )

    def amount_field(
        self, field: str = "amount", label: str = "Bedrag *", help: str = "Bijvoorbeeld 850,00."
    ) -> FormField:
        return FormField(field, label, value=self.value(field), help=help)

    def note_field(self, label: str = "Notitie", help: str = "") -> FormField:
        return FormField("note", label, value=self.value("note"), help=help)

    def choice(
        self, field: str, label: str, options: list[tuple[str, str]], default: str
    ) -> ComposeResult:
        yield Label(label, classes="record-label")
        yield Select(options, allow_blank=False, value=self.value(field, default), id=field)

    # reading -------------------------------------------------------------------------------

    def text(self, field: str) -> str:
        return self.query_one(f"#field-{field}", Input).value

    def selected(self, field: str) -> str:
        return str(self.query_one(f"#{field}", Select).value)

    def parse_date(self, errors: dict[str, str], field: str = "on") -> dt.date | None:
        try:
            return v.parse_date(self.text(field))
        except ValueError as exc:
            errors[field] = str(exc)
            return None

    def dated(self, build: Callable[[dt.date], BuiltT]) -> BuiltT | dict[str, str]:
        """The entry built from the parsed date, or the field errors when the date does not parse."""
        errors: dict[str, str] = {}
        on_ = self.parse_date(errors)
        if errors or on_ is None:
            return errors
        return build(on_)

    def dated_note(self) -> DatedNote | dict[str, str]:
        return self.dated(lambda on_: DatedNote(on_, self.text("note").strip()))

    def parse_amount(self, errors: dict[str, str], field: str = "amount") -> Decimal | None:
        try:
            amount = v.parse_amount(self.text(field))
        except ValueError as exc:
            errors[field] = str(exc)
            return None
        if amount <= 0:
            errors[field] = "Het bedrag moet groter zijn dan € 0,00."
            return None
        return amount

    @abstractmethod
    def read(self) -> EntryT | dict[str, str]:
        """The entry from what was typed, or ``{field: Dutch message}`` (a choice's message goes to the summary)."""

    def current_values(self) -> dict[str, str]:
        """What is typed and chosen now, to reopen the dialog with it after a refusal."""
        found = {str(field.id).removeprefix("field-"): field.value for field in self.query(Input)}
        found.update({str(select.id): str(select.value) for select in self.query(Select)})
        return found

    # actions -------------------------------------------------------------------------------

    def action_confirm(self) -> None:
        result = self.read()
        if isinstance(result, dict):
            show_errors(self, result, summary=self.query_one("#record-summary", Static))
            return
        self.last_values = self.current_values()
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#confirm")
    def _confirm_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_confirm()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_cancel()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()


# --- the dialogs ------------------------------------------------------------------------------


class PaymentDialog(RecordDialog[PaymentEntry]):
    TITLE_TEXT = "Betaling vastleggen"
    INTRO = "Een betaling van de huurder. Die lost eerst de oudste openstaande huur af."

    def compose_fields(self) -> ComposeResult:
        yield self.date_field(label="Betaaldatum *")
        yield self.amount_field()
        yield self.note_field(help="Bijvoorbeeld: bankoverschrijving, deelbetaling.")

    def read(self) -> PaymentEntry | dict[str, str]:
        errors: dict[str, str] = {}
        on_ = self.parse_date(errors)
        amount = self.parse_amount(errors)
        if errors or on_ is None or amount is None:
            return errors
        return PaymentEntry(on_, amount, self.text("note").strip())


class AdjustmentDialog(RecordDialog[AdjustmentEntry]):
    TITLE_TEXT = "Correctie of extra post"
    INTRO = (
        "Een extra post (bijvoorbeeld de afrekening servicekosten) verhoogt wat de huurder moet betalen en vervalt op "
        "de datum. Een correctie verlaagt het."
    )

    def compose_fields(self) -> ComposeResult:
        yield from self.choice(
            "kind",
            "Soort *",
            [(k.label, k.value) for k in AdjustmentKind],
            AdjustmentKind.CHARGE.value,
        )
        yield self.date_field(
            label="Datum *", help="Vervaldatum van de extra post, of datum van de correctie."
        )
        yield self.amount_field()
        yield self.note_field(
            label="Omschrijving",
            help="Staat op de rekening en in brieven, bijvoorbeeld 'Servicekosten 2025'.",
        )

    def read(self) -> AdjustmentEntry | dict[str, str]:
        errors: dict[str, str] = {}
        on_ = self.parse_date(errors)
        amount = self.parse_amount(errors)
        if errors or on_ is None or amount is None:
            return errors
        return AdjustmentEntry(
            AdjustmentKind(self.selected("kind")), on_, amount, self.text("note").strip()
        )


class StepDialog(RecordDialog[StepEntry]):
    TITLE_TEXT = "Stap vastleggen (LCV 2.1, 4.2)"
    INTRO = (
        "Leg vast wat u deed en wanneer: de bewijslast ligt bij u (LCV 2.1 b–d). Ook een dreigende "
        "huisuitzetting, en na 'hulp geaccepteerd' de stappen van LCV 4.2 b en c."
    )

    def __init__(self, *, kind: EventKind = EventKind.PERSOONLIJK_CONTACT, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = kind

    def compose_fields(self) -> ComposeResult:
        yield from self.choice(
            "kind",
            "Stap *",
            [(f"{STEP_ARTICLES[k]}: {k.label}", k.value) for k in STEP_KINDS],
            self.kind.value,
        )
        yield self.date_field()
        yield from self.choice(
            "channel",
            "Hoe *",
            [("Niet van toepassing", NO_CHANNEL)]
            + [(channel_name(c), c.value) for c in CONTACT_CHANNELS],
            Channel.TELEFOON.value,
        )
        yield self.note_field(help="Bijvoorbeeld: gebeld, voicemail ingesproken; of wat u besprak.")

    def read(self) -> StepEntry | dict[str, str]:
        errors: dict[str, str] = {}
        on_ = self.parse_date(errors)
        kind = EventKind(self.selected("kind"))
        channel = (
            None if self.selected("channel") == NO_CHANNEL else Channel(self.selected("channel"))
        )
        if kind == EventKind.PERSOONLIJK_CONTACT and channel is None:
            errors["channel"] = (
                "Kies hoe u contact zocht: telefonisch, bij een bezoek, per e-mail of per post (LCV 2.1 b)."
            )
        if errors or on_ is None:
            return errors
        return StepEntry(kind, on_, channel, self.text("note").strip())


class ObjectionDialog(RecordDialog[ObjectionEntry]):
    TITLE_TEXT = "Bezwaar vastleggen (LCV 2.2)"
    INTRO = (
        "De huurder maakt bezwaar tegen het delen van gegevens met de gemeente. Zolang het bezwaar geldt, meldt u "
        "deze huurder niet. Het gewone incassotraject mag doorgaan."
    )

    def compose_fields(self) -> ComposeResult:
        yield self.date_field(label="Ontvangen op *")
        yield from self.choice(
            "channel",
            "Hoe ontvangen",
            [
                (channel_name(c), c.value)
                for c in (
                    Channel.EMAIL,
                    Channel.POST,
                    Channel.HAND,
                    Channel.TELEFOON,
                    Channel.BEZOEK,
                )
            ],
            Channel.EMAIL.value,
        )
        yield self.note_field(help="Bijvoorbeeld: e-mail ontvangen op het bezwaaradres.")

    def read(self) -> ObjectionEntry | dict[str, str]:
        return self.dated(
            lambda on_: ObjectionEntry(
                on_, Channel(self.selected("channel")), self.text("note").strip()
            )
        )


class WithdrawObjectionDialog(RecordDialog[DatedNote]):
    TITLE_TEXT = "Bezwaar ingetrokken (LCV 2.2)"
    INTRO = "De huurder trekt het bezwaar in. Daarna mag u weer melden als aan alle voorwaarden is voldaan."

    def compose_fields(self) -> ComposeResult:
        yield self.date_field(label="Ingetrokken op *")
        yield self.note_field(help="Bijvoorbeeld: per e-mail laten weten.")

    def read(self) -> DatedNote | dict[str, str]:
        return self.dated_note()


class FeedbackDialog(RecordDialog[FeedbackEntry]):
    TITLE_TEXT = "Terugkoppeling van de gemeente (LCV 3.13)"
    INTRO = (
        "Wat de gemeente (of het meldpunt) over de melding terugmeldde. Bij 'Hulp geaccepteerd' is de datum de dag "
        "waarop de huurder de hulp accepteerde: vanaf dan schort u de incasso hoogstens 30 dagen op (LCV 4.2)."
    )

    def compose_fields(self) -> ComposeResult:
        yield from self.choice(
            "status",
            "Terugkoppeling *",
            [(s.label, s.value) for s in FeedbackStatus],
            FeedbackStatus.HULP_GEACCEPTEERD.value,
        )
        yield self.date_field()
        yield self.note_field(
            help="Bijvoorbeeld de naam van de hulpverlener of de toelichting van de gemeente."
        )

    def read(self) -> FeedbackEntry | dict[str, str]:
        return self.dated(
            lambda on_: FeedbackEntry(
                FeedbackStatus(self.selected("status")), on_, self.text("note").strip()
            )
        )


class SignalWithdrawalDialog(RecordDialog[DatedNote]):
    TITLE_TEXT = "Signaal ingetrokken (werkinstructie stap 3)"
    INTRO = (
        "Leg vast dat u het signaal bij het meldpunt hebt ingetrokken, bijvoorbeeld omdat de huurder na de melding "
        "alles heeft betaald."
    )

    def compose_fields(self) -> ComposeResult:
        yield self.date_field(label="Ingetrokken op *")
        yield self.note_field()

    def read(self) -> DatedNote | dict[str, str]:
        return self.dated_note()


class LetterDialog(RecordDialog[LetterRequest]):
    TITLE_TEXT = "Brief maken"
    INTRO = (
        "De brief wordt eerst getoond en dan als PDF en tekst opgeslagen. Hij telt pas als verstuurd (en als bewijs, "
        "LCV 2.1) als u daarna vastlegt dat u hem hebt verstuurd."
    )
    CONFIRM = "Voorbeeld tonen"

    def __init__(self, *, kind: EventKind | None = None, **kwargs) -> None:
        super().__init__(**kwargs)
        self.kind = kind or EventKind.HERINNERING

    def compose_fields(self) -> ComposeResult:
        yield from self.choice(
            "kind", "Brief *", [(LETTER_NAMES[k], k.value) for k in LETTER_KINDS], self.kind.value
        )
        yield self.date_field(label="Datum van de brief *")
        yield from self.choice(
            "channel",
            "Verzenden *",
            [(channel_name(c), c.value) for c in LETTER_CHANNELS],
            Channel.POST.value,
        )

    def read(self) -> LetterRequest | dict[str, str]:
        return self.dated(
            lambda on_: LetterRequest(
                EventKind(self.selected("kind")), on_, Channel(self.selected("channel"))
            )
        )


class LetterSentDialog(RecordDialog[LetterSent]):
    TITLE_TEXT = "Brief als verstuurd vastleggen"
    INTRO = (
        "Leg vast wanneer en hoe u de brief verstuurde. Pas dan telt hij als schriftelijke herinnering (LCV 2.1 a) "
        "en begint bij een sommatie de bezwaartermijn van tekst 2. Niet verstuurd? Kies Annuleren: er verandert niets."
    )

    def __init__(
        self,
        *,
        channel: Channel = Channel.POST,
        check: Callable[[LetterSent], list[str]] | None = None,
        **kwargs,
    ) -> None:
        """``check(entry)`` returns what is odd about the entry (``domain.actions.letter_warnings``):
        when it returns anything, the dialog shows it and asks "Weet u het zeker?" first."""
        super().__init__(**kwargs)
        self.channel = channel
        self.check = check

    def compose_fields(self) -> ComposeResult:
        yield self.date_field(label="Verstuurd op *")
        yield from self.choice(
            "channel",
            "Hoe verstuurd *",
            [(channel_name(c), c.value) for c in LETTER_CHANNELS],
            self.channel.value,
        )
        yield FormField(
            "proof",
            "Bewijs van verzending",
            value=self.value("proof"),
            help="Niet verplicht: het nummer van de aangetekende zending of de message-id van de e-mail.",
        )

    def read(self) -> LetterSent | dict[str, str]:
        proof = self.text("proof").strip()
        if len(proof) > 200:
            return {"proof": "Te lang (hoogstens 200 tekens)."}
        return self.dated(lambda on_: LetterSent(on_, Channel(self.selected("channel")), proof))

    def action_confirm(self) -> None:
        result = self.read()
        if isinstance(result, dict):
            show_errors(self, result, summary=self.query_one("#record-summary", Static))
            return
        warnings = self.check(result) if self.check is not None else []
        if not warnings:
            super().action_confirm()
            return
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        question = "\n\n".join([*warnings, "Weet u het zeker?"])

        def answered(sure: bool | None) -> None:
            if sure:
                self.last_values = self.current_values()
                self.dismiss(result)

        self.app.push_screen(
            ConfirmScreen(question, yes="Ja, vastleggen", no="Nee, terug", title="Klopt dit?"),
            answered,
        )


class TextPreviewScreen(ModalScreen[bool]):
    """A text to read before going on (a letter before it is saved): True to go on, False to go back."""

    CSS_PATH = "record_dialogs.tcss"
    HELP_TOPIC: ClassVar[str] = "brieven"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "answer(True)", "Opslaan", id="preview.save"),
        Binding("escape", "answer(False)", "Terug", id="preview.back"),
    ]

    def __init__(
        self, title: str, text: str, *, yes: str = "Opslaan als PDF en tekst", no: str = "Terug"
    ) -> None:
        super().__init__()
        self.title_text = title
        self.body = text
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="preview-box"):
            yield Static(self.title_text, id="record-title", markup=False)
            with VerticalScroll(id="preview-text"):
                yield Static(self.body, markup=False)
            with Horizontal(id="record-buttons"):
                yield Button(f"{self.yes} (Ctrl+S)", id="yes", variant="primary")
                yield Button(f"{self.no} (Esc)", id="no")

    def on_mount(self) -> None:
        self.query_one("#preview-text", VerticalScroll).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
