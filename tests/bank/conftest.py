"""Fixtures for the bank statement tests: the demo vault on disk and the statement files."""

from __future__ import annotations

import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from bank_support import PASSPHRASE


@pytest.fixture
def demo_vault(locations, clock, monkeypatch):
    """The demo data in a vault on disk, unlocked through LCV_TUI_PASSPHRASE."""
    from lcv_tui.domain.demo import build_demo
    from lcv_tui.store.vault import Vault

    Vault.create(locations, PASSPHRASE, build_demo(clock.today()))
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    return locations


@pytest.fixture
def demo():
    from lcv_testing import TODAY

    from lcv_tui.domain.demo import build_demo

    return build_demo(TODAY)
