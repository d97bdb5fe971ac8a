"""Fixtures for the Melden screens: a vault with the demo data on 23-11-2026, apps that unlock at once."""

from __future__ import annotations

import pytest
from signals_helpers import PASSPHRASE, MemoryKeyring, demo_data

from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import LcvApp, make_app


@pytest.fixture
def signals_app(locations, clock):
    """A factory for apps on the test's data folder that unlock with the passphrase, without animation."""

    def build() -> LcvApp:
        return make_app(locations, clock, keyring_backend=MemoryKeyring(), passphrase=PASSPHRASE, animation_level="none")

    return build


@pytest.fixture
def demo_vault(locations) -> Vault:
    return Vault.create(locations, PASSPHRASE, demo_data())


@pytest.fixture
def website_vault(locations) -> Vault:
    return Vault.create(locations, PASSPHRASE, demo_data(utrecht_website=True))
