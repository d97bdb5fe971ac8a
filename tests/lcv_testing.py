"""Shared test support: an in-memory keyring, the demo data on the fixed date, pilot helpers.

Importable from every test folder (pytest puts ``tests/`` on the path for the root conftest).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import stat
from typing import NamedTuple

from keyring.backend import KeyringBackend

from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Meldpunt, VaultData

TODAY = dt.date(2026, 11, 23)
SIZE = (120, 36)
SMALL = (80, 24)
PASSPHRASE = "correct paard batterij nietje"


class MemoryKeyring(KeyringBackend):
    """Looks like a real OS keyring (the app accepts it), keeps secrets in a dict."""

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
    """The demo on TODAY; with ``utrecht_website`` Utrecht uses the website Achterstanden aanleveren."""
    data = build_demo(TODAY)
    if utrecht_website:
        agreement = data.agreement_for("Utrecht")
        assert agreement is not None
        agreement.meldpunt = Meldpunt.WEBSITE
    return data


def tenant_id(data: VaultData, surname: str) -> str:
    return next(t.id for t in data.tenants if t.surname == surname)


class FakeRunner:
    """Stands in for running desktop tools (pbcopy, clip, xdg-open): records each call, never runs one."""

    def __init__(self, *, succeeds: bool = True) -> None:
        self.succeeds = succeeds
        self.calls: list[tuple[list[str], bytes | None, dict[str, str] | None]] = []
        self.opened: list[str] = []

    def __call__(self, command, data, extra_env) -> bool:
        self.calls.append((list(command), data, dict(extra_env) if extra_env else None))
        return self.succeeds

    def startfile(self, path: str) -> None:
        self.opened.append(path)


def fake_system(platform: str, env: dict[str, str], tools=(), runner: FakeRunner | None = None):
    """A System for ``platform`` with only ``tools`` on the PATH and a recording runner."""
    from lcv_tui.tui.system import System

    runner = runner or FakeRunner()
    return System(
        platform=platform,
        env=env,
        which=lambda name: f"/usr/bin/{name}" if name in tools else None,
        run=runner,
        startfile=runner.startfile if platform == "win32" else None,
    )


POSIX = os.name == "posix"


def assert_mode(path, mode: int) -> None:
    """``path`` has the POSIX ``mode`` (0600, 0700). Windows has no such modes: there the files sit in the
    user's profile, protected by the account, so the check is left out."""
    if POSIX:
        actual = stat.S_IMODE(path.stat().st_mode)
        assert actual == mode, f"{path}: {oct(actual)} instead of {oct(mode)}"


def home_variables(home) -> dict[str, str]:
    """Every variable through which some system names the user's folders, pointed into ``home``:
    HOME (POSIX), USERPROFILE, APPDATA, LOCALAPPDATA (Windows; platformdirs asks Windows for its
    shell folders, which its WIN_PD_OVERRIDE_* variables redirect), and the XDG folders (Linux)."""
    appdata, local = home / "AppData" / "Roaming", home / "AppData" / "Local"
    documents = home / "Documents"
    return {
        "HOME": str(home),
        "USERPROFILE": str(home),
        "APPDATA": str(appdata),
        "LOCALAPPDATA": str(local),
        "WIN_PD_OVERRIDE_APPDATA": str(appdata),
        "WIN_PD_OVERRIDE_LOCAL_APPDATA": str(local),
        "WIN_PD_OVERRIDE_PERSONAL": str(documents),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_STATE_HOME": str(home / ".local" / "state"),
        "XDG_DOCUMENTS_DIR": str(documents),
    }


def skip_posix_only(items, os_name: str) -> None:
    """Mark the collected tests that carry ``posix_only`` as skipped when ``os_name`` is not POSIX."""
    if os_name == "posix":
        return
    import pytest

    skip = pytest.mark.skip(
        reason="POSIX only: file modes, signals or fcntl that this system lacks"
    )
    for item in items:
        if "posix_only" in item.keywords:
            item.add_marker(skip)


class Notice(NamedTuple):
    """One ``app.notify`` call: what the toast says."""

    message: str
    title: str
    severity: str


def record_notices(app) -> list[Notice]:
    """Every ``app.notify`` call on ``app`` from here on, expired toasts included (public API only:
    the app's own method, wrapped on this instance; Textual's widgets and screens notify through it).
    Call it before ``run_test`` to see the notices of the start-up too."""
    notices: list[Notice] = []
    notify = app.notify

    def recording(message, *, title="", severity="information", timeout=None, markup=True):
        notices.append(Notice(str(message), title, severity))
        return notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    app.notify = recording
    return notices


def messages(notices: list[Notice]) -> list[str]:
    """The messages of the recorded notices, in order."""
    return [notice.message for notice in notices]


async def wait_until(pilot, condition, what: str, timeout: float = 5.0) -> None:
    """Let the app run until ``condition()`` holds (instead of a fixed pause that hopes it does);
    fails after ``timeout`` seconds, naming ``what`` it waited for."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        assert loop.time() < end, f"waited {timeout} s for {what}"
        await pilot.pause(0.05)
