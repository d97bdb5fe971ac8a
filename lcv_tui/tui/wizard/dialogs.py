"""The one dialog the wizard adds to the shared record dialogs (``screens/record_dialogs``): an
agreement with the tenant's gemeente, recorded on the spot (werkinstructie stap 1).

It returns a valid ``Agreement`` with ``dismiss`` (or None when cancelled) and records nothing
itself: the wizard saves it through ``services.edits.save_agreement`` and commits. When saving is
refused, the wizard reopens it with the Dutch message (``error``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from lcv_tui.domain import validation as v
from lcv_tui.domain.models import Agreement, Meldpunt, SharedField

if TYPE_CHECKING:
    from lcv_tui.tui.host import HostApp

WIZARD_CSS = Path(__file__).resolve().parent.parent / "screens" / "wizard.tcss"

ResultT = TypeVar("ResultT")


class RecordDialog(ModalScreen["ResultT | None"], Generic[ResultT]):
    """Title, a few plain Dutch sentences, the fields, an error line, and Vastleggen / Annuleren."""

    CSS_PATH = str(WIZARD_CSS)
    HELP_TOPIC: ClassVar[str] = "wizard"
    TITLE_TEXT: ClassVar[str] = ""
    INTRO: ClassVar[str] = ""
    SAVE_LABEL: ClassVar[str] = "Vastleggen"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Vastleggen", id="wizard.dialog.save"),
        Binding("escape", "cancel", "Annuleren", id="wizard.dialog.cancel"),
    ]

    def __init__(self, *, error: str = "") -> None:
        super().__init__(classes="wizard-dialog")
        self.error = error
        self.title_text = self.TITLE_TEXT
        self.intro = self.INTRO

    def compose(self) -> ComposeResult:
        with Vertical(classes="wizard-dialog-box"):
            yield Static(self.title_text, classes="wizard-dialog-title", markup=False)
            if self.intro:
                yield Static(self.intro, classes="wizard-dialog-intro", markup=False)
            with VerticalScroll(classes="wizard-dialog-fields"):
                yield from self.compose_fields()
            yield Static(f"⚠ {self.error}" if self.error else "", id="dialog-error", markup=False)
            with Horizontal(classes="wizard-dialog-buttons"):
                yield Button(f"{self.SAVE_LABEL} (Ctrl+S)", id="dialog-save", variant="primary")
                yield Button("Annuleren (Esc)", id="dialog-cancel")

    def compose_fields(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def parse(self) -> ResultT | str:
        """The typed value, or a Dutch message saying what to correct."""
        raise AssertionError("subclasses parse their fields")

    def show_error(self, message: str) -> None:
        self.query_one("#dialog-error", Static).update(f"⚠ {message}")

    @on(Button.Pressed, "#dialog-save")
    def action_save(self) -> None:
        result = self.parse()
        if isinstance(result, str):
            self.show_error(result)
            return
        self.dismiss(result)

    @on(Button.Pressed, "#dialog-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    # --- field helpers -----------------------------------------------------------------------

    def text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value.strip()

    def choice(self, field_id: str) -> object:
        value = self.query_one(f"#{field_id}", Select).value
        return None if value is Select.NULL else value


def _label(text: str, for_id: str) -> Label:
    return Label(text, classes="wizard-field-label", id=f"label-{for_id}")


# Optional fields texts 1 and 2 announce; street and town are never shared, so they are not offered.
AGREEMENT_FIELDS = (
    SharedField.VOORLETTERS,
    SharedField.TOEVOEGING,
    SharedField.TELEFOON,
    SharedField.EMAIL,
)


class AgreementDialog(RecordDialog["Agreement"]):
    """An agreement with the tenant's gemeente; returns a valid ``Agreement`` (``agreements.build_agreement``)."""

    TITLE_TEXT = "Overeenkomst vastleggen"
    INTRO = (
        "Op de website Achterstanden aanleveren sluit u de overeenkomst ter plekke af; bij RIS Matching en VPS "
        "via het NVVK-aanmeldportaal. Leg hier vast met welk meldpunt en sinds wanneer. Vink alleen extra "
        "gegevens aan die u met de gemeente hebt afgesproken."
    )

    def __init__(self, gemeente: str, today: dt.date, *, error: str = "") -> None:
        super().__init__(error=error)
        self.gemeente = gemeente
        self.today = today

    def compose_fields(self) -> ComposeResult:
        from lcv_tui.tui.wizard.steps import meldpunt_choices

        yield Static(f"Gemeente: {self.gemeente}", id="agreement-gemeente", markup=False)
        yield _label("Meldpunt *", "meldpunt")
        yield Select(meldpunt_choices(), value=Meldpunt.WEBSITE, id="meldpunt", allow_blank=False)
        yield _label("Gesloten op *", "agreement-on")
        yield Input(v.format_date(self.today), id="agreement-on")
        yield _label("Afgesproken extra gegevens", "shared")
        with Horizontal(id="agreement-shared"):
            for field in AGREEMENT_FIELDS:
                yield Checkbox(field.label, value=False, id=f"shared-{field.value}", compact=True)

    def parse(self) -> Agreement | str:
        from lcv_tui.tui.screens.agreements import build_agreement

        values: dict[str, object] = {
            "gemeente": self.gemeente,
            "note": "Vastgelegd in de wizard Signaal begeleiden.",
            "meldpunt": self.choice("meldpunt"),
            "signed_on": self.text("agreement-on"),
            "min_amount": "0",
            "threshold_days": str(Agreement.model_fields["threshold_days"].default),  # LCV 3.1 d
        }
        for box in self.query(Checkbox):
            if box.id:
                values[box.id] = box.value
        result = build_agreement(values, None)
        if isinstance(result, dict):
            return " ".join(result.values())
        return result
