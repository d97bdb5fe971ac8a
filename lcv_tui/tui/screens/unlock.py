"""Unlock: the passphrase (or the key this computer remembers) opens the vault in a thread worker."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Label, Static

from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.passphrase import PassphraseInput

if TYPE_CHECKING:
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import Workspace
    from lcv_tui.tui.host import HostApp


@dataclass
class Unlocked(Message):
    workspace: Workspace


@dataclass
class UnlockFailed(Message):
    error: VaultError
    typed: bool
    """False when the attempt used no typed passphrase (the remembered key or the environment)."""


@dataclass
class BackupRestored(Message):
    backup: Path
    set_aside: Path | None


class UnlockScreen(Screen[None]):
    """Asks for the passphrase; tries the remembered key (or a given passphrase) first."""

    CSS_PATH = "unlock.tcss"
    HELP_TOPIC = "unlock"
    app: HostApp

    def __init__(self, passphrase: str | None = None) -> None:
        super().__init__()
        self._first_passphrase = passphrase
        self.trying = False
        """True while a key derivation runs: one at a time, and input is ignored meanwhile."""

    def compose(self) -> ComposeResult:
        yield Header(icon="🔒")
        with Center(), Vertical(id="unlock-box"):
            yield Static("Kluis openen", id="unlock-title")
            yield Static(
                f"Gegevensmap: {self.app.locations.data_dir}", id="unlock-where", markup=False
            )
            yield Label("Wachtzin", id="passphrase-label")
            yield PassphraseInput(id="passphrase")
            yield Static("", id="unlock-message", markup=False)
            yield Button("Openen", id="unlock", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#passphrase").focus()
        # First the remembered key (or LCV_TUI_PASSPHRASE, or the demo's passphrase), without asking;
        # after the first frame, so the worker's imports do not delay the screen.
        self.call_after_refresh(self._attempt, self._first_passphrase, typed=False)

    @property
    def _box(self) -> Vertical:
        return self.query_one("#unlock-box", Vertical)

    def _say(self, text: str, *, error: bool = False) -> None:
        message = self.query_one("#unlock-message", Static)
        message.update(f"⚠ {text}" if error and text else text)
        message.set_class(error, "-error")

    @on(PassphraseInput.Submitted, "#passphrase")
    @on(Button.Pressed, "#unlock")
    def _submit(self) -> None:
        if self.trying:
            return  # a try runs: keys and clicks wait for its answer
        field = self.query_one("#passphrase", PassphraseInput)
        if not field.value:
            self._say("Typ uw wachtzin en druk op Enter.", error=True)
            return
        typed = field.value
        field.clear()  # the field never keeps a passphrase once it is tried
        self._attempt(typed, typed=True)

    def _attempt(self, passphrase: str | None, *, typed: bool) -> None:
        if self.trying:
            return
        self.trying = True
        self._box.loading = True
        self.query_one("#passphrase", PassphraseInput).disabled = True
        self.query_one("#unlock", Button).disabled = True
        self._open(passphrase, typed)

    def _done_trying(self) -> None:
        self.trying = False
        self._box.loading = False
        self.query_one("#passphrase", PassphraseInput).disabled = False
        self.query_one("#unlock", Button).disabled = False

    @work(thread=True, group="vault", exit_on_error=False)
    def _open(self, passphrase: str | None, typed: bool) -> None:
        """One try (``trying`` keeps it to one at a time). Whatever happens, the answer is a message:
        an unexpected error never reaches Textual's crash output, whose traceback would show locals."""
        from lcv_tui.store.errors import VaultError
        from lcv_tui.store.workspace import open_workspace

        try:
            workspace = open_workspace(
                self.app.locations,
                self.app.clock,
                passphrase=passphrase,
                keyring_backend=self.app.keyring_backend,
                actor="demo" if self.app.demo else "app",
            )
        except VaultError as exc:
            self.post_message(UnlockFailed(exc, typed))
            return
        except Exception as exc:  # see the docstring
            name = type(exc).__name__
            del exc, passphrase
            self.post_message(
                UnlockFailed(
                    VaultError(
                        f"De kluis kon niet worden geopend door een onverwachte fout ({name}). "
                        "Probeer het opnieuw; blijft het gebeuren, open de kluis dan met 'lcv-tui agenda' "
                        "om de melding te zien."
                    ),
                    typed,
                )
            )
            return
        self.post_message(Unlocked(workspace))

    def on_unlocked(self, message: Unlocked) -> None:
        self._done_trying()
        self.query_one("#passphrase", PassphraseInput).clear()
        lock = message.workspace.lock
        self.app.open_workspace(message.workspace)
        if lock is not None and lock.notice:
            self.app.notify(lock.notice, severity="warning", timeout=12)

    def on_unlock_failed(self, message: UnlockFailed) -> None:
        from lcv_tui.store.errors import (
            PassphraseRequired,
            VaultDamaged,
            VaultTooNew,
            WrongPassphrase,
        )

        self._done_trying()
        error = message.error
        field = self.query_one("#passphrase", PassphraseInput)
        field.clear()
        field.focus()
        if isinstance(error, PassphraseRequired) and not message.typed:
            # Nothing remembered: simply ask. A stale remembered key says so.
            self._say("" if error.message == PassphraseRequired().message else error.message)
        elif isinstance(error, WrongPassphrase):
            self._say(error.message, error=True)
        elif isinstance(error, VaultTooNew):
            self._say(error.message, error=True)
            field.disabled = True
            self.query_one("#unlock", Button).disabled = True
        elif isinstance(error, VaultDamaged):
            self._say(error.message, error=True)
            if error.good_backup is not None:
                self._offer_restore(error.good_backup)
        else:
            self._say(error.message, error=True)

    def _offer_restore(self, backup: Path) -> None:
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        def answered(restore: bool | None) -> None:
            if restore and not self.trying:
                self.trying = True
                self._box.loading = True
                self._restore(backup)

        self.app.push_screen(
            ConfirmScreen(
                f"De kluis is beschadigd. De nieuwste reservekopie die wel opent is {backup.name}.\n\n"
                "Die reservekopie terugzetten? Het beschadigde bestand wordt apart bewaard.",
                yes="Terugzetten",
                no="Niet nu",
                title="Reservekopie terugzetten",
            ),
            answered,
        )

    @work(thread=True, group="vault")
    def _restore(self, backup: Path) -> None:
        from lcv_tui.store.errors import VaultError
        from lcv_tui.store.vault import restore_backup

        try:
            aside = restore_backup(self.app.locations, backup)
        except VaultError as exc:
            self.post_message(UnlockFailed(exc, True))
            return
        except OSError as exc:
            self.post_message(
                UnlockFailed(
                    VaultError(
                        f"Terugzetten is mislukt ({exc.strerror or type(exc).__name__}); de kluis is "
                        "niet gewijzigd. Controleer de rechten van de map en probeer opnieuw."
                    ),
                    True,
                )
            )
            return
        self.post_message(BackupRestored(backup, aside))

    def on_backup_restored(self, message: BackupRestored) -> None:
        self._done_trying()
        kept = (
            f" Het beschadigde bestand staat apart als {message.set_aside.name}."
            if message.set_aside
            else ""
        )
        self._say(
            f"Reservekopie {message.backup.name} is teruggezet.{kept} Voer uw wachtzin in om de kluis te openen."
        )
        self.query_one("#passphrase").focus()
