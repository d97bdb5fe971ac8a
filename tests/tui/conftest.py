"""TUI fixtures: fresh app instances on an isolated data folder, an in-memory keyring, a ready vault."""

from __future__ import annotations

import pytest
from tui_helpers import PASSPHRASE, MemoryKeyring, sample_data

from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import LcvApp, make_app


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def new_app(locations, clock, keyring_backend):
    """A factory: every call is a fresh app instance on the same data folder."""

    def build(**kwargs) -> LcvApp:
        return make_app(
            locations, clock, keyring_backend=keyring_backend, animation_level="none", **kwargs
        )

    return build


@pytest.fixture
def vault(locations) -> Vault:
    return Vault.create(locations, PASSPHRASE, sample_data())
