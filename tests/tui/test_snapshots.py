"""A few snapshots guard the look (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import PASSPHRASE, SIZE, settle

from lcv_tui.paths import Locations


@pytest.fixture
def locations(tmp_path, monkeypatch) -> Locations:
    """A relative data folder, so the path shown on screen is the same on every run."""
    monkeypatch.chdir(tmp_path)
    return Locations(Path("gegevens"))


def test_unlock_screen(snap_compare, new_app, vault):
    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=SIZE, run_before=ready)


def test_tenant_list(snap_compare, new_app, vault):
    async def unlocked(pilot):
        await settle(pilot)
        pilot.app.screen.query_one("#passphrase").value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=SIZE, run_before=unlocked)
