"""Fixtures for the export tests: fixed signal records and a demo vault on disk."""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from export_support import FIXED_RECORDS, GOLDEN, PASSPHRASE, record  # noqa: F401


@pytest.fixture
def demo_vault(locations, clock, monkeypatch):
    """The demo data in a vault on disk, unlocked through LCV_TUI_PASSPHRASE."""
    from lcv_tui.domain.demo import build_demo
    from lcv_tui.store.vault import Vault

    Vault.create(locations, PASSPHRASE, build_demo(clock.today()))
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    return locations


def day(y: int, m: int, d: int) -> dt.date:
    return dt.date(y, m, d)
