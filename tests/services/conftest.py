"""A workspace on the demo vault (23-11-2026), opened as the app opens it; closed afterwards."""

from __future__ import annotations

import pytest


@pytest.fixture
def workspace(demo_vault, locations, clock):
    from lcv_testing import PASSPHRASE, MemoryKeyring

    from lcv_tui.store.workspace import open_workspace

    opened = open_workspace(
        locations, clock, passphrase=PASSPHRASE, keyring_backend=MemoryKeyring(), actor="app"
    )
    yield opened
    opened.close()


@pytest.fixture
def saved(locations):
    """What is on disk now: the vault opened afresh (proves a service saved nothing by itself)."""
    from lcv_testing import PASSPHRASE, MemoryKeyring

    from lcv_tui.store.vault import Vault

    def read():
        return Vault.open(locations, PASSPHRASE, keyring_backend=MemoryKeyring())[1]

    return read
