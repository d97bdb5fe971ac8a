"""Helpers for the wizard tests: the demo data on 23-11-2026 in a vault made with the cheap KDF (root
conftest), an in-memory keyring, fixed terminal sizes, and the pilot steps to open the wizard."""

from __future__ import annotations

import datetime as dt

from keyring.backend import KeyringBackend

from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Meldpunt, VaultData

SIZE = (120, 36)
SMALL = (80, 24)
PASSPHRASE = "correct paard batterij nietje"
TODAY = dt.date(2026, 11, 23)


class MemoryKeyring(KeyringBackend):
    """Looks like an OS keyring, keeps secrets in a dict."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


def demo_data(*, utrecht_website: bool = False) -> VaultData:
    """The demo on TODAY; with ``utrecht_website`` Utrecht uses the website Achterstanden aanleveren."""
    data = build_demo(TODAY)
    if utrecht_website:
        agreement = data.agreement_for("Utrecht")
        assert agreement is not None
        agreement.meldpunt = Meldpunt.WEBSITE
    return data


def tenant_id(data: VaultData, surname: str) -> str:
    return next(t.id for t in data.tenants if t.surname == surname)


async def settle(pilot) -> None:
    """Wait for the workers (vault, files) and the messages they post."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_wizard_for(pilot, surname: str):
    """Unlock, open the wizard for the tenant named ``surname`` and return the wizard screen."""
    from lcv_tui.tui.screens.wizard import WizardScreen, open_wizard

    await settle(pilot)
    app = pilot.app
    open_wizard(app, tenant_id(app.workspace.data, surname))
    await settle(pilot)
    assert isinstance(app.screen, WizardScreen)
    return app.screen


def screen_text(app) -> str:
    """Everything the current screen shows, as plain text (for asserting on the words)."""
    from textual.widgets import Button, Static

    parts = []
    for widget in app.screen.query("*"):
        if isinstance(widget, (Static, Button)) and widget.display and widget.parent is not None and widget.parent.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)
