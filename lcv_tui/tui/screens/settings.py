"""Instellingen: the landlord's details, the Settings fields, remembering the key, and changing the passphrase."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static, Switch

from lcv_tui.domain.errors import field_errors
from lcv_tui.domain.models import Settings
from lcv_tui.tui.screens.base import SectionScreen, TracksEdits
from lcv_tui.tui.screens.dialogs import ConfirmScreen
from lcv_tui.tui.screens.first_run import LANDLORD_FIELDS, landlord_from
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import FormField, SwitchField, field_rows, form_values, show_errors
from lcv_tui.tui.widgets.passphrase import PassphraseInput

if TYPE_CHECKING:
    from lcv_tui.store.errors import VaultError
    from lcv_tui.tui.host import HostApp

SETTING_LABELS: dict[str, str] = {
    "post_receipt_working_days": "Ontvangst post (bezorgdagen di–za)",
    "email_receipt_days": "Ontvangst e-mail (dagen)",
    "objection_window_days": "Bezwaartermijn tekst 2 (dagen)",
    "backups_keep": "Aantal reservekopieën",
    "backups_daily": "Reservekopieën per dag (dagen)",
    "backups_weekly": "Reservekopieën per week (weken)",
    "retention_months": "Bewaartermijn (maanden)",
    "extra_phone_columns": "Telefoon 2 en 3 in het uploadbestand",
    "letters_dir": "Map voor brieven",
    "export_format": "Formaat uploadbestand (xlsx of csv)",
}
"""Settings fields shown here, in order; the help line is the field's own description."""


def _setting_text(value: Any) -> str:
    return str(value)


def settings_from(values: dict[str, object], current: Settings) -> Settings | dict[str, str]:
    data = current.model_dump()
    for name in SETTING_LABELS:
        value = values[name]
        data[name] = value.strip() if isinstance(value, str) else value
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        errors = field_errors(exc)
        for name, message in list(errors.items()):
            field = Settings.model_fields.get(name)
            if field is not None and message in ("Waarde is te klein.", "Waarde is te groot."):
                bounds = [m for m in field.metadata if hasattr(m, "ge") or hasattr(m, "le")]
                low = next((m.ge for m in bounds if hasattr(m, "ge")), None)
                high = next((m.le for m in bounds if hasattr(m, "le")), None)
                if low is not None and high is not None:
                    errors[name] = f"Kies een getal van {low} tot en met {high}."
        if "export_format" in errors:
            errors["export_format"] = "Kies xlsx of csv."
        return errors


class SettingsScreen(TracksEdits, SectionScreen):
    SECTION = "instellingen"
    HELP_TOPIC = "instellingen"
    CSS_PATH = "settings.tcss"
    WHAT: ClassVar[str] = "de instellingen"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Opslaan", id="settings.save"),
    ]

    def compose_body(self) -> ComposeResult:
        workspace = self.app.workspace
        assert workspace is not None
        landlord = workspace.data.landlord
        settings = workspace.data.settings
        yield Static("", classes="form-summary", id="form-summary", markup=False)
        with VerticalScroll(id="settings-body"):
            yield Static("Uw gegevens als verhuurder", classes="settings-heading")
            landlord_fields = [
                FormField(
                    name,
                    label,
                    value=str(getattr(landlord, name) if landlord else ""),
                    help=help_text,
                )
                for name, label, help_text in LANDLORD_FIELDS
            ]
            yield from field_rows(landlord_fields)
            yield Static("Termijnen en bestanden", classes="settings-heading")
            setting_fields: list[FormField | SwitchField] = []
            for name, label in SETTING_LABELS.items():
                description = Settings.model_fields[name].description or ""
                value = getattr(settings, name)
                if isinstance(value, bool):
                    setting_fields.append(SwitchField(name, label, value=value, help=description))
                else:
                    setting_fields.append(
                        FormField(name, label, value=_setting_text(value), help=description)
                    )
            yield from field_rows(setting_fields)
            with Horizontal(classes="settings-save"):
                yield Button("Opslaan (Ctrl+S)", id="save", variant="primary")
            yield Static("Kluis", classes="settings-heading")
            with Grid(classes="settings-grid", id="vault-grid"):
                with Vertical(classes="vault-item"):
                    yield Label("Onthouden op deze computer", classes="form-field--label")
                    yield Switch(value=workspace.vault.remembered, id="remember")
                    yield Static(
                        "De kluis opent zonder wachtzin op deze computer. Alleen aanzetten op een computer "
                        "die alleen u gebruikt.",
                        classes="form-field--help",
                    )
                with Vertical(classes="vault-item"):
                    yield Label("Wachtzin", classes="form-field--label")
                    yield Button("Wachtzin wijzigen", id="change-passphrase")
                    yield Static(
                        f"Gegevensmap: {self.app.locations.data_dir}",
                        classes="form-field--help",
                        markup=False,
                    )

    def on_mount(self) -> None:
        workspace = self.app.workspace
        if workspace is not None and workspace.data.landlord is None:
            # Nothing filled in yet (a vault made with `lcv-tui init`): typing starts in the first field,
            # not in the scrolling panel where the keys went nowhere.
            self.query_one("#settings-body Input").focus()
        self.call_after_refresh(self.mark_clean)

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        from lcv_tui.services.edits import save_landlord_and_settings

        workspace = self.app.workspace
        assert workspace is not None
        values = form_values(self)
        landlord = landlord_from(values)
        settings = settings_from(values, workspace.data.settings)
        errors = {
            **(landlord if isinstance(landlord, dict) else {}),
            **(settings if isinstance(settings, dict) else {}),
        }
        show_errors(self, errors, summary=self.query_one("#form-summary", Static))
        if errors:
            self.notify(
                "Nog niet opgeslagen: verbeter de velden met ⚠.", severity="warning", timeout=4
            )
            return
        save_landlord_and_settings(workspace, landlord, settings)  # type: ignore[arg-type]
        self.app.commit("Instellingen opgeslagen")
        self.mark_clean()
        self.app.sub_title = ("Demo · " if self.app.demo else "") + workspace.data.landlord.name  # type: ignore[union-attr]

    @on(Switch.Changed, "#remember")
    def _remember(self, event: Switch.Changed) -> None:
        workspace = self.app.workspace
        if workspace is None or event.value == workspace.vault.remembered:
            return
        self._set_remember(event.value)

    @work(thread=True, exclusive=True, group="vault")
    def _set_remember(self, enabled: bool) -> None:
        from lcv_tui.store.errors import VaultError

        workspace = self.app.workspace
        assert workspace is not None
        try:
            workspace.vault.set_remember(enabled)
        except VaultError as exc:
            self.post_message(RememberChanged(enabled, exc))
            return
        self.post_message(RememberChanged(enabled, None))

    def on_remember_changed(self, message: RememberChanged) -> None:
        switch = self.query_one("#remember", Switch)
        if message.error is not None:
            with switch.prevent(Switch.Changed):
                switch.value = not message.enabled
            self.notify(message.error.message, severity="error", timeout=10, markup=False)
        else:
            self.notify(
                "Deze computer onthoudt de sleutel nu."
                if message.enabled
                else "Deze computer onthoudt de sleutel niet meer.",
                timeout=4,
            )

    @on(Button.Pressed, "#change-passphrase")
    def _change_passphrase(self) -> None:
        self.app.push_screen(PassphraseChangeScreen())


@dataclass
class RememberChanged(Message):
    enabled: bool
    error: VaultError | None


@dataclass
class PassphraseChanged(Message):
    error: VaultError | None


class PassphraseChangeScreen(ModalScreen[bool]):
    """Current passphrase, new one twice; returns True when changed."""

    CSS_PATH = "settings.tcss"
    HELP_TOPIC = "instellingen"
    app: HostApp
    BINDINGS = [Binding("escape", "cancel", "Annuleren", id="passphrase.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(id="passphrase-box"):
            yield Static("Wachtzin wijzigen", classes="settings-heading")
            yield FormField("current", "Huidige wachtzin", input_widget=PassphraseInput())
            yield FormField(
                "new",
                "Nieuwe wachtzin",
                input_widget=PassphraseInput(),
                help="Een paar losse woorden, minstens 8 tekens.",
            )
            yield FormField("new2", "Nieuwe wachtzin nogmaals", input_widget=PassphraseInput())
            yield Static("", id="strength", markup=False)
            with Horizontal(id="passphrase-buttons"):
                yield Button("Wijzigen", id="change", variant="primary")
                yield Button("Annuleren", id="cancel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#field-current").focus()

    @on(Input.Changed, "#field-new")
    def _strength(self, event: Input.Changed) -> None:
        from lcv_tui.store.passphrase import passphrase_strength

        score, hint = passphrase_strength(event.value) if event.value else (0, "")
        self.query_one("#strength", Static).update(
            f"Sterkte: {'■' * score}{'□' * (4 - score)} {hint}" if hint else ""
        )

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(False)

    @on(Button.Pressed, "#change")
    def _change(self) -> None:
        from lcv_tui.store.errors import VaultError
        from lcv_tui.store.passphrase import check_passphrase

        values = {k: str(val) for k, val in form_values(self).items()}
        errors: dict[str, str] = {}
        if not values["current"]:
            errors["current"] = "Vul uw huidige wachtzin in."
        try:
            check_passphrase(values["new"])
        except VaultError as exc:
            errors["new"] = exc.message
        if "new" not in errors and values["new"] != values["new2"]:
            errors["new2"] = "De twee nieuwe wachtzinnen zijn niet gelijk."
        show_errors(self, errors)
        if errors:
            return
        from lcv_tui.store.vault import set_aside_files

        old, new = values["current"], values["new"]
        set_aside = set_aside_files(self.app.locations)
        if not set_aside:
            self._start(old, new, False)
            return
        self.app.push_screen(
            ConfirmScreen(
                (
                    "Er is 1 apart bewaard kluisbestand"
                    if len(set_aside) == 1
                    else f"Er zijn {len(set_aside)} apart bewaarde kluisbestanden"
                )
                + " van een eerdere 'terugzetten'. Die openen nog met de oude wachtzin en tonen "
                "de gegevens van toen. Verwijderen?",
                yes="Verwijderen",
                no="Bewaren",
                title="Apart bewaarde kluisbestanden",
                danger=True,
            ),
            lambda remove: self._start(old, new, bool(remove)),
        )

    def _start(self, old: str, new: str, remove_set_aside: bool) -> None:
        self.query_one("#passphrase-box").loading = True
        self._run(old, new, remove_set_aside)

    @work(thread=True, exclusive=True, group="vault")
    def _run(self, old: str, new: str, remove_set_aside: bool) -> None:
        """A new passphrase and a new data key; the backups are re-encrypted (see ``Vault.change_passphrase``)."""
        from lcv_tui.store.errors import VaultError

        workspace = self.app.workspace
        assert workspace is not None
        try:
            workspace.vault.change_passphrase(old, new, remove_set_aside=remove_set_aside)
        except VaultError as exc:
            self.post_message(PassphraseChanged(exc))
            return
        self.post_message(PassphraseChanged(None))

    def on_passphrase_changed(self, message: PassphraseChanged) -> None:
        from lcv_tui.store.errors import WrongPassphrase

        self.query_one("#passphrase-box").loading = False
        if message.error is None:
            self.app.notify(
                "Wachtzin gewijzigd. Schrijf de nieuwe op en bewaar dat papier veilig.", timeout=6
            )
            self.dismiss(True)
            return
        field = "current" if isinstance(message.error, WrongPassphrase) else "new"
        show_errors(self, {field: message.error.message})
