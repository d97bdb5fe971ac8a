"""Fixtures shared by the safety and workflow tests: the demo data in a vault made with the cheap KDF
(root conftest), an in-memory keyring, and apps that unlock at once on the fixed clock (2026-11-23).
Their conftests import these names, so pytest finds them there."""

from __future__ import annotations

import pytest
from tui_helpers import PASSPHRASE, MemoryKeyring

from lcv_tui.domain.demo import build_demo
from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import LcvApp, make_app


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def demo_vault(locations, today) -> Vault:
    return Vault.create(locations, PASSPHRASE, build_demo(today))


@pytest.fixture
def new_app(locations, clock, keyring_backend, demo_vault):
    """A factory: a fresh app on the demo vault that unlocks at once, without animations."""

    def build() -> LcvApp:
        return make_app(
            locations,
            clock,
            keyring_backend=keyring_backend,
            passphrase=PASSPHRASE,
            animation_level="none",
        )

    return build
