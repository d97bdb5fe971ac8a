"""First run: no vault yet. The landlord's details, a passphrase (twice), and whether to remember it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header, Input, Static

from lcv_tui.domain.errors import field_errors
from lcv_tui.tui.onboarding import EXISTING_TENANTS
from lcv_tui.tui.screens.base import TracksEdits
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import FormField, SwitchField, field_rows, form_values, show_errors
from lcv_tui.tui.widgets.passphrase import PassphraseInput

if TYPE_CHECKING:
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import Workspace
    from lcv_tui.tui.host import HostApp

LANDLORD_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("name", "Naam verhuurder *", "Zoals op uw brieven."),
    ("contact_person", "Contactpersoon", "Voor huurders en gemeente."),
    ("email", "E-mail", ""),
    (
        "objection_email",
        "E-mailadres voor bezwaar *",
        "Nodig voor tekst 2 in de sommatie: hier kan de huurder bezwaar maken tegen het delen van zijn gegevens.",
    ),
    (
        "objection_address",
        "Postadres voor bezwaar",
        "De sommatie noemt het naast het e-mailadres; leeg = uw adres hieronder. Bijv. Postbus 12, 2300 AA Leiden.",
    ),
    (
        "iban",
        "IBAN",
        "Hierop betaalt de huurder; de brieven noemen het. Bijv. NL91 ABNA 0417 1643 00.",
    ),
    (
        "privacy_url",
        "Link naar uw privacyverklaring",
        "Tekst 1 en 2 verwijzen ernaar. Bijv. https://www.voorbeeld.nl/privacy.",
    ),
    ("kvk", "KvK-nummer", "8 cijfers; alleen als u een onderneming bent."),
    (
        "statutory_seat",
        "Statutaire zetel",
        "Voor een bv of stichting: de plaats uit de statuten (komt in het briefhoofd).",
    ),
    ("phone", "Telefoon", ""),
    ("street", "Straat", ""),
    ("house_number", "Huisnummer", ""),
    ("postcode", "Postcode", ""),
    ("town", "Plaats", ""),
)


@dataclass
class VaultCreated(Message):
    workspace: Workspace
    remembered: bool


@dataclass
class CreateFailed(Message):
    error: VaultError


def landlord_from(values: dict[str, object]) -> object | dict[str, str]:
    """A Landlord, or ``{field: Dutch message}``. The objection address is required here: text 2 needs it."""
    from lcv_tui.domain.models import Landlord

    data = {name: str(values[name]) for name, _, _ in LANDLORD_FIELDS}
    errors: dict[str, str] = {}
    try:
        landlord = Landlord.model_validate(data)
    except ValidationError as exc:
        errors.update(field_errors(exc))
        landlord = None
    if not data["objection_email"].strip() and "objection_email" not in errors:
        errors["objection_email"] = (
            "Vul het e-mailadres voor bezwaar in: tekst 2 van de sommatie noemt het."
        )
    return errors or landlord


class FirstRunScreen(TracksEdits, Screen[None]):
    CSS_PATH = "first_run.tcss"
    HELP_TOPIC = "first_run"
    WHAT: ClassVar[str] = "de nieuwe kluis"
    app: HostApp

    def compose(self) -> ComposeResult:
        yield Header(icon="🔒")
        with VerticalScroll(id="first-body"):
            yield Static("Welkom bij lcv-tui", id="first-title")
            yield Static(
                "Er is nog geen kluis in "
                + str(self.app.locations.data_dir)
                + ". Vul uw gegevens in en kies een "
                "wachtzin; daarmee maakt de app een versleutelde kluis voor uw huurders.\n"
                "Eerst rondkijken? Sluit af (Ctrl+Q) en start 'lcv-tui demo': een demokluis met fictieve huurders "
                "(wachtzin: demo), zonder uw echte gegevens aan te raken.",
                classes="screen-intro",
                markup=False,
            )
            yield Static(EXISTING_TENANTS, classes="screen-intro", id="first-tenants", markup=False)
            yield Static("", classes="form-summary", id="form-summary", markup=False)
            yield Static("Uw gegevens als verhuurder", classes="first-heading")
            yield from field_rows(
                [
                    FormField(name, label, help=help_text)
                    for name, label, help_text in LANDLORD_FIELDS
                ]
            )
            yield Static("Wachtzin", classes="first-heading")
            yield from field_rows(
                [
                    FormField(
                        "passphrase",
                        "Wachtzin *",
                        input_widget=PassphraseInput(),
                        help="Een paar losse woorden, minstens 8 tekens.",
                    ),
                    FormField("passphrase2", "Wachtzin nogmaals *", input_widget=PassphraseInput()),
                    SwitchField(
                        "remember",
                        "Onthouden op deze computer",
                        help="Opent de kluis zonder wachtzin op deze computer (via de sleutelbos van uw systeem).",
                    ),
                ]
            )
            yield Static("", id="strength", markup=False)
        with Horizontal(classes="form-buttons"):
            yield Button("Kluis aanmaken", id="create", variant="primary")
            yield Button("Rondleiding", id="tour")
            yield Button("Afsluiten", id="quit")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#field-name", Input).focus()
        self.call_after_refresh(self.mark_clean)

    @on(Input.Changed, "#field-passphrase")
    def _strength(self, event: Input.Changed) -> None:
        from lcv_tui.store.passphrase import passphrase_strength

        if not event.value:
            self.query_one("#strength", Static).update("")
            return
        score, hint = passphrase_strength(event.value)
        bar = "■" * score + "□" * (4 - score)
        self.query_one("#strength", Static).update(f"Sterkte: {bar} {hint}")

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Button.Pressed, "#tour")
    def _tour(self) -> None:
        from lcv_tui.tui.wizard.help import TOUR_PAGES, PagesHelpScreen

        self.app.push_screen(PagesHelpScreen(TOUR_PAGES))

    @on(Button.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.run_action("app.quit")

    @on(Button.Pressed, "#create")
    def action_create(self) -> None:
        from lcv_tui.store.errors import VaultError
        from lcv_tui.store.passphrase import check_passphrase

        values = form_values(self)
        result = landlord_from(values)
        errors = dict(result) if isinstance(result, dict) else {}
        passphrase, again = str(values["passphrase"]), str(values["passphrase2"])
        try:
            check_passphrase(passphrase)
        except VaultError as exc:
            errors["passphrase"] = exc.message
        if "passphrase" not in errors and passphrase != again:
            errors["passphrase2"] = (
                "De twee wachtzinnen zijn niet gelijk: typ de wachtzin nogmaals precies hetzelfde."
            )
        show_errors(self, errors, summary=self.query_one("#form-summary", Static))
        if errors:
            return
        self.query_one("#first-body").loading = True
        self._create(result, passphrase, bool(values["remember"]))

    @work(thread=True, exclusive=True, group="vault")
    def _create(self, landlord: object, passphrase: str, remember: bool) -> None:
        from lcv_tui.domain.models import VaultData
        from lcv_tui.store.errors import VaultError
        from lcv_tui.store.workspace import create_workspace

        data = VaultData(landlord=landlord)  # type: ignore[arg-type]
        try:
            workspace = create_workspace(
                self.app.locations,
                passphrase,
                data,
                self.app.clock,
                remember=remember,
                keyring_backend=self.app.keyring_backend,
                actor="app",
            )
        except VaultError as exc:
            self.post_message(CreateFailed(exc))
            return
        try:
            workspace.record_audit("vault.create")
            workspace.commit()
        except VaultError as exc:
            workspace.close()
            self.post_message(CreateFailed(exc))
            return
        self.post_message(VaultCreated(workspace, workspace.vault.remembered))

    def on_vault_created(self, message: VaultCreated) -> None:
        self.query_one("#first-body").loading = False
        remember = bool(form_values(self)["remember"])
        for field in self.query(PassphraseInput):
            field.clear()
        self.mark_clean()
        from lcv_tui.tui.keys import key_text, section_hint
        from lcv_tui.tui.screens.tenants import TenantListScreen

        self.app.notify(
            f"Kluis aangemaakt. Voeg nu uw eerste huurder toe: ga naar {section_hint('huurders')} "
            f"en druk op {key_text(TenantListScreen, 'tenants.new')}.",
            timeout=8,
        )
        if remember and not message.remembered:
            from lcv_tui.store.errors import KeyringUnavailable

            self.app.notify(
                KeyringUnavailable().message, severity="warning", timeout=10, markup=False
            )
        self.app.open_workspace(message.workspace)

    def on_create_failed(self, message: CreateFailed) -> None:
        self.query_one("#first-body").loading = False
        show_errors(
            self, {"": message.error.message}, summary=self.query_one("#form-summary", Static)
        )
