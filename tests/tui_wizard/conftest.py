"""Fixtures for the wizard tests: vaults with the demo data, apps that unlock at once without animation."""

from __future__ import annotations

import pytest
from wizard_helpers import PASSPHRASE, MemoryKeyring, demo_data

from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import LcvApp, make_app


@pytest.fixture
def wizard_app(locations, clock):
    """A factory: every call is a fresh app on the test's data folder that unlocks with the passphrase."""

    def build() -> LcvApp:
        return make_app(locations, clock, keyring_backend=MemoryKeyring(), passphrase=PASSPHRASE, animation_level="none")

    return build


@pytest.fixture
def demo_vault(locations) -> Vault:
    return Vault.create(locations, PASSPHRASE, demo_data())


@pytest.fixture
def website_vault(locations) -> Vault:
    return Vault.create(locations, PASSPHRASE, demo_data(utrecht_website=True))
