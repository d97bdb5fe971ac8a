"""Small typed modal dialogs. They return a value with ``dismiss`` and never reach into their caller."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from lcv_tui.domain.names import fold


class DialogBody(VerticalScroll, can_focus=False):
    """The dialog's box: scrolls when the terminal is small (the focused button scrolls into view),
    but never takes the focus itself, so Enter always reaches a button."""


def _header(title: str, question: str) -> ComposeResult:
    """The optional title and the question every dialog starts with."""
    if title:
        yield Static(title, id="dialog-title", markup=False)
    yield Static(question, id="dialog-question", markup=False)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question. ``j`` or the yes button → True; ``n``, Escape or the no button → False.

    A dangerous question (``danger=True``) takes no letter for yes: a ``j`` typed in passing must
    not destroy anything. It starts on "no"; yes needs the button (Tab or ← → to it, then Enter,
    or a click).
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [
        Binding("j", "answer(True)", "Ja", id="dialog.yes"),
        Binding("n,escape", "answer(False)", "Nee", id="dialog.no"),
        Binding("left,right", "app.focus_next", "Wissel", show=False),
    ]

    def __init__(
        self,
        question: str,
        *,
        yes: str = "Ja",
        no: str = "Nee",
        title: str = "",
        danger: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.title_text = title
        self.danger = danger

    def compose(self) -> ComposeResult:
        with DialogBody(id="dialog"):
            yield from _header(self.title_text, self.question)
            with Horizontal(id="dialog-buttons"):
                yield Button(
                    self.yes if self.danger else f"{self.yes} (j)",
                    id="yes",
                    variant="error" if self.danger else "primary",
                )
                yield Button(f"{self.no} (n)", id="no")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A dangerous question: yes only by its button, never by a letter.
        return not (action == "answer" and parameters == (True,) and self.danger)

    def on_mount(self) -> None:
        # A dangerous question starts on "no", so a stray Enter never deletes anything.
        self.query_one("#no" if self.danger else "#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ChoiceScreen(ModalScreen[str]):
    """A question with several named answers; returns the chosen key (Escape → ``cancel_key``)."""

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="dialog.cancel")]

    def __init__(
        self,
        question: str,
        choices: list[tuple[str, str]],
        *,
        cancel_key: str = "cancel",
        title: str = "",
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.cancel_key = cancel_key
        self.title_text = title

    def compose(self) -> ComposeResult:
        with DialogBody(id="dialog"):
            yield from _header(self.title_text, self.question)
            with Horizontal(id="dialog-buttons"):
                for index, (key, label) in enumerate(self.choices):
                    yield Button(
                        label, id=f"choice-{key}", variant="primary" if index == 0 else "default"
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_key)


class TypedConfirmScreen(ModalScreen[bool]):
    """A destructive question confirmed by typing a word (a tenant's surname), then the button.

    No single key can confirm it: the button stays disabled until the typed text matches (case and
    accents do not matter), and Enter in the text box only moves to the button.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="typed.cancel")]

    def __init__(
        self, question: str, *, word: str, yes: str, no: str = "Annuleren", title: str = ""
    ) -> None:
        super().__init__()
        self.question = question
        self.word = word
        self.yes = yes
        self.no = no
        self.title_text = title

    def compose(self) -> ComposeResult:
        with DialogBody(id="dialog"):
            yield from _header(self.title_text, self.question)
            yield Static(f"Typ ter bevestiging: {self.word}", id="typed-prompt", markup=False)
            yield Input(id="typed-word", placeholder=self.word, select_on_focus=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="error", disabled=True)
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#typed-word", Input).focus()

    @property
    def matched(self) -> bool:
        typed = " ".join(self.query_one("#typed-word", Input).value.split())
        return bool(typed) and fold(typed) == fold(" ".join(self.word.split()))

    @on(Input.Changed, "#typed-word")
    def _typed(self) -> None:
        self.query_one("#yes", Button).disabled = not self.matched

    @on(Input.Submitted, "#typed-word")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.matched:
            self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes" and self.matched)

    def action_cancel(self) -> None:
        self.dismiss(False)


class DateQuestionScreen(ModalScreen["dt.date | None"]):
    """A yes/no question that also asks on which date (default: the given day, usually today).

    Returns the date for yes (after checking it: a Dutch message under the field when it cannot be
    read or lies after ``latest``), None for no or Escape.
    """

    CSS_PATH = "dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="date.cancel")]

    def __init__(
        self,
        question: str,
        *,
        default: dt.date,
        latest: dt.date | None = None,
        label: str = "Datum",
        yes: str = "Ja",
        no: str = "Nee",
        title: str = "",
    ) -> None:
        super().__init__()
        self.question = question
        self.default = default
        self.latest = latest
        self.label = label
        self.yes = yes
        self.no = no
        self.title_text = title

    def compose(self) -> ComposeResult:
        from lcv_tui.domain.validation import format_date

        with DialogBody(id="dialog"):
            yield from _header(self.title_text, self.question)
            yield Static(f"{self.label} (dd-mm-jjjj)", id="date-label", markup=False)
            yield Input(value=format_date(self.default), id="date-value", select_on_focus=False)
            yield Static("", id="date-error", markup=False)
            with Horizontal(id="dialog-buttons"):
                yield Button(self.yes, id="yes", variant="primary")
                yield Button(self.no, id="no")

    def on_mount(self) -> None:
        self.query_one("#yes", Button).focus()

    def _date(self) -> dt.date | None:
        from lcv_tui.domain.validation import format_date, parse_date

        error = self.query_one("#date-error", Static)
        try:
            day = parse_date(self.query_one("#date-value", Input).value.strip())
        except ValueError as exc:
            error.update(f"⚠ {exc}")
            return None
        if self.latest is not None and day > self.latest:
            error.update(
                f"⚠ De datum ligt na vandaag ({format_date(self.latest)}): kies een eerdere."
            )
            return None
        error.update("")
        return day

    @on(Input.Submitted, "#date-value")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self._date() is not None:
            self.query_one("#yes", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id != "yes":
            self.dismiss(None)
            return
        day = self._date()
        if day is not None:
            self.dismiss(day)

    def action_cancel(self) -> None:
        self.dismiss(None)
