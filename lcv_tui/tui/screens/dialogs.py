"""Small typed modal dialogs. They return a value with ``dismiss`` and never reach into their caller."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def _header(title: str, question: str) -> ComposeResult:
    """The optional title and the question every dialog starts with."""
    if title:
        yield Static(title, id="dialog-title", markup=False)
    yield Static(question, id="dialog-question", markup=False)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question. ``j`` or the yes button → True; ``n``, Escape or the no button → False."""

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
        with Vertical(id="dialog"):
            yield from _header(self.title_text, self.question)
            with Horizontal(id="dialog-buttons"):
                yield Button(
                    f"{self.yes} (j)", id="yes", variant="error" if self.danger else "primary"
                )
                yield Button(f"{self.no} (n)", id="no")

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
        with Vertical(id="dialog"):
            yield from _header(self.title_text, self.question)
            with Horizontal(id="dialog-buttons"):
                for index, (key, label) in enumerate(self.choices):
                    yield Button(
                        label, id=f"choice-{key}", variant="primary" if index == 0 else "default"
                    )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "").removeprefix("choice-"))

    def action_cancel(self) -> None:
        self.dismiss(self.cancel_key)
