"""Form building blocks: a labelled field with help text and an inline Dutch error message.

Screens read values with :func:`form_values` and show pydantic errors with :func:`show_errors`,
so every form (tenant, landlord, agreement, settings, later the wizard) behaves the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, Static, Switch


def money_preview(text: str) -> str:
    """How an amount field will be read, shown under it before saving: "1.250" → "= € 1.250,00".

    Empty for an empty field; the Dutch reason for text that is not an amount.
    """
    from lcv_tui.domain.validation import format_money, parse_amount

    if not text.strip():
        return ""
    try:
        return f"= {format_money(parse_amount(text))}"
    except ValueError as exc:
        return f"⚠ {exc}"


AMOUNT_FIELDS = frozenset({"rent", "amount", "min_amount", "opening_arrears", "opening_amount"})
"""Fields that hold an amount: they show the amount as read (:func:`money_preview`) by default."""


class FormField(Vertical):
    """Label, input, optional help line, and an error line that appears only when needed.

    With a ``preview`` (by default for the fields in :data:`AMOUNT_FIELDS`) a line under the input
    shows how the value will be read while the landlord types ("= € 1.250,00").
    """

    DEFAULT_CSS = """
    FormField {
        height: auto;
        margin: 0 0 1 0;
        & > .form-field--label { text-style: bold; width: 1fr; height: auto; }
        & > .form-field--help { color: $text-muted; width: 1fr; height: auto; }
        & > .form-field--error { color: $text-error; display: none; }
        & > .form-field--preview { color: $text-success; width: 1fr; height: auto; }
        &.-invalid > .form-field--error { display: block; }
        &.-invalid > Input { border: tall $error; }
    }
    """

    def __init__(
        self,
        field: str,
        label: str,
        *,
        value: str = "",
        help: str = "",
        suggester: Suggester | None = None,
        password: bool = False,
        input_widget: Input | None = None,
        classes: str | None = None,
        preview: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(id=f"ff-{field}", classes=classes)
        self.field = field
        self.label = label
        self.help = help
        self.preview = preview or (money_preview if field in AMOUNT_FIELDS else None)
        self.input = input_widget or Input(value=value, suggester=suggester, password=password)
        self.input.id = f"field-{field}"
        self.input.tooltip = help or None

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="form-field--label")
        yield self.input
        if self.preview is not None:
            yield Static(
                self.preview(self.input.value), classes="form-field--preview", markup=False
            )
        if self.help:
            yield Static(self.help, classes="form-field--help", markup=False)
        yield Static("", classes="form-field--error", markup=False)

    @on(Input.Changed)
    def _show_preview(self, event: Input.Changed) -> None:
        if self.preview is not None and event.input is self.input:
            self.query_one(".form-field--preview", Static).update(self.preview(event.value))

    @property
    def preview_text(self) -> str:
        """What the preview line shows ("" without a preview)."""
        if self.preview is None:
            return ""
        return str(self.query_one(".form-field--preview", Static).content)

    @property
    def value(self) -> str:
        return self.input.value

    @value.setter
    def value(self, text: str) -> None:
        self.input.value = text

    @property
    def error(self) -> str:
        return str(self.query_one(".form-field--error", Static).content)

    def set_error(self, message: str | None) -> None:
        """Show a Dutch message under the field, or clear it with None."""
        line = self.query_one(".form-field--error", Static)
        line.update(f"⚠ {message}" if message else "")
        self.set_class(bool(message), "-invalid")


class SwitchField(Vertical):
    """A labelled on/off switch with help text."""

    DEFAULT_CSS = """
    SwitchField {
        height: auto;
        margin: 0 0 1 0;
        & > .form-field--label { text-style: bold; width: 1fr; height: auto; }
        & > .form-field--help { color: $text-muted; width: 1fr; height: auto; }
    }
    """

    def __init__(self, field: str, label: str, *, value: bool = False, help: str = "") -> None:
        super().__init__(id=f"ff-{field}")
        self.field = field
        self.label = label
        self.help = help
        self.switch = Switch(value=value, id=f"field-{field}")
        self.switch.tooltip = help or None

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="form-field--label")
        yield self.switch
        if self.help:
            yield Static(self.help, classes="form-field--help", markup=False)

    @property
    def value(self) -> bool:
        return self.switch.value

    def set_error(self, message: str | None) -> None:
        if message:
            self.notify(message, severity="error")


def form_fields(root: Widget) -> Iterable[FormField | SwitchField]:
    yield from root.query(FormField)
    yield from root.query(SwitchField)


def form_values(root: Widget) -> dict[str, object]:
    """Current values by field name: text for inputs, bool for switches and checkboxes."""
    values: dict[str, object] = {f.field: f.value for f in form_fields(root)}
    for box in root.query(Checkbox):
        if box.id:
            values[box.id] = box.value
    for select in root.query(Select):
        if select.id:
            values[select.id] = select.value
    return values


def show_errors(root: Widget, errors: dict[str, str], *, summary: Static | None = None) -> None:
    """Put each message under its field; errors without a field go to ``summary``.

    Focuses the first field in error, so the user lands where the work is.
    """
    first: Widget | None = None
    unplaced: list[str] = []
    fields = {f.field: f for f in form_fields(root)}
    for name, field in fields.items():
        message = errors.get(name)
        field.set_error(message)
        if message and first is None:
            first = field.input if isinstance(field, FormField) else field.switch
    for name, message in errors.items():
        if name not in fields:
            unplaced.append(message)
    if summary is not None:
        summary.update("\n".join(f"⚠ {m}" for m in unplaced))
        summary.display = bool(unplaced)
    if first is not None:
        first.focus()


class FieldRow(Horizontal):
    """A row of form fields side by side. Unlike a Grid row, it gives every field the height its
    wrapped help text needs."""

    DEFAULT_CSS = """
    FieldRow {
        height: auto;
        & > FormField, & > SwitchField { width: 1fr; margin: 0 2 1 0; }
    }
    """


def field_rows(fields: list, per_row: int = 3) -> list[FieldRow]:
    """Fields in rows of ``per_row``."""
    return [FieldRow(*fields[start : start + per_row]) for start in range(0, len(fields), per_row)]
