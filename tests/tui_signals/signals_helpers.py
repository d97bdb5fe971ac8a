"""Helpers for the Melden tests: demo data in a vault made with the cheap KDF (root conftest),
an in-memory keyring, a fixed terminal size, and a way to open a section with the pilot."""

from __future__ import annotations

import datetime as dt

from keyring.backend import KeyringBackend

from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Meldpunt, VaultData
from lcv_tui.tui.sections import section

SIZE = (120, 36)
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
    """The demo on TODAY; with ``utrecht_website`` Utrecht uses the website, so its signal goes by entry card."""
    data = build_demo(TODAY)
    if utrecht_website:
        agreement = data.agreement_for("Utrecht")
        assert agreement is not None
        agreement.meldpunt = Meldpunt.WEBSITE
    return data


def tenant_id(data: VaultData, surname: str) -> str:
    return next(t.id for t in data.tenants if t.surname == surname)


async def settle(pilot) -> None:
    """Wait for the workers (vault, selection, files) and the messages they post."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_melden(pilot) -> None:
    await settle(pilot)
    await pilot.press(section("melden").key)
    await settle(pilot)
