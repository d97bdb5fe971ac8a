"""Shared fixtures: a fixed clock, an isolated data folder, and never the real OS keyring."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from hypothesis import settings as hypothesis_settings

# No test may reach the user's real keyring or data folder, whatever the machine has.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.pop("LCV_TUI_DATA_DIR", None)
os.environ.pop("LCV_TUI_PASSPHRASE", None)

from lcv_tui.clock import FixedClock
from lcv_tui.paths import Locations

# Property tests are deterministic like every other test: the same examples on every run and
# machine (no random seed, no example database), and no wall-clock deadline on a shared machine.
hypothesis_settings.register_profile("lcv", derandomize=True, database=None, deadline=None)
hypothesis_settings.load_profile("lcv")

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
    from lcv_testing import home_variables

    for name, value in home_variables(tmp_path / "home").items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("LCV_TUI_DATA_DIR", raising=False)
    monkeypatch.delenv("LCV_TUI_PASSPHRASE", raising=False)


def pytest_collection_modifyitems(config, items):
    """Tests marked ``posix_only`` (file modes, signals, rlimits, fcntl) are skipped on other systems."""
    from lcv_testing import skip_posix_only

    skip_posix_only(items, os.name)


@pytest.fixture(autouse=True)
def desktop(monkeypatch):
    """Every app sees a Linux desktop whose copy tool (wl-copy) succeeds, through a recording runner:
    no test touches the real clipboard or opens a window. Returns the runner."""
    from lcv_testing import FakeRunner, fake_system

    from lcv_tui.tui import system

    runner = FakeRunner()
    desktop = fake_system(
        "linux", {"WAYLAND_DISPLAY": "wayland-0"}, ("wl-copy", "xdg-open"), runner
    )
    monkeypatch.setattr(system.System, "current", classmethod(lambda cls: desktop))
    return runner


@pytest.fixture(autouse=True)
def _cheap_kdf(monkeypatch):
    """Vaults made in tests use a near-free Argon2id, so a test that opens a vault costs milliseconds, not 0.3 s.

    The minimum a slot must meet (``kdf.MINIMUM``, RFC 9106 / OWASP) is lowered to the same cheap
    parameters here, explicitly; tests of the minimum itself put the real one back.
    """
    from lcv_tui.store import kdf

    cheap = kdf.KdfParams(kdf.ARGON2ID, memory_kib=8, iterations=1, lanes=1)
    monkeypatch.setattr(kdf, "DEFAULT_KDF", cheap)
    monkeypatch.setattr(
        kdf, "MINIMUM", {kdf.ARGON2ID: cheap, kdf.SCRYPT: kdf.KdfParams(kdf.SCRYPT, 2, 1, 1)}
    )


@pytest.fixture(autouse=True)
def _test_keyring_is_trusted(monkeypatch):
    """The in-memory keyring of ``lcv_testing`` counts as a secure OS keyring in tests (explicitly:
    ``keyring_slot.TRUSTED_BACKENDS`` lists the real ones)."""
    from lcv_tui.store import keyring_slot

    monkeypatch.setattr(
        keyring_slot,
        "TRUSTED_BACKENDS",
        keyring_slot.TRUSTED_BACKENDS | {"lcv_testing.MemoryKeyring"},
    )


# --- apps and vaults for the pilot tests (folders may override a fixture of the same name) -----


@pytest.fixture
def unlocked_app(locations, clock):
    """A factory: every call is a fresh app on the test's data folder that unlocks at once, without animation."""
    from lcv_testing import PASSPHRASE, MemoryKeyring

    from lcv_tui.tui.app import make_app

    def build():
        return make_app(
            locations,
            clock,
            keyring_backend=MemoryKeyring(),
            passphrase=PASSPHRASE,
            animation_level="none",
        )

    return build


@pytest.fixture
def demo_vault(locations):
    """The demo data on 23-11-2026 in a vault (cheap KDF)."""
    from lcv_testing import PASSPHRASE, demo_data

    from lcv_tui.store.vault import Vault

    return Vault.create(locations, PASSPHRASE, demo_data())


@pytest.fixture
def website_vault(locations):
    """The demo, with Utrecht on the website route: its signal goes by entry card."""
    from lcv_testing import PASSPHRASE, demo_data

    from lcv_tui.store.vault import Vault

    return Vault.create(locations, PASSPHRASE, demo_data(utrecht_website=True))


@pytest.fixture
def umask_022():
    """The usual umask of a desktop session, so a test sees the modes the app sets itself."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
