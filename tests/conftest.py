"""Shared fixtures: a fixed clock, an isolated data folder, and never the real OS keyring."""

from __future__ import annotations

import datetime as dt
import os

import pytest

# No test may reach the user's real keyring or data folder, whatever the machine has.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("LCV_TUI_DATA_DIR", None)
os.environ.pop("LCV_TUI_PASSPHRASE", None)

from lcv_tui.clock import FixedClock  # noqa: E402
from lcv_tui.paths import Locations  # noqa: E402

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def today() -> dt.date:
    return TODAY


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock.on(TODAY)


@pytest.fixture
def locations(tmp_path) -> Locations:
    return Locations(tmp_path / "data")


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("LCV_TUI_DATA_DIR", raising=False)
    monkeypatch.delenv("LCV_TUI_PASSPHRASE", raising=False)


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    """Vaults made in tests use a near-free Argon2id, so a test that opens a vault costs milliseconds, not 0.3 s."""
    from lcv_tui.store import kdf

    monkeypatch.setattr(kdf, "DEFAULT_KDF", kdf.KdfParams(kdf.ARGON2ID, memory_kib=8, iterations=1, lanes=1))
