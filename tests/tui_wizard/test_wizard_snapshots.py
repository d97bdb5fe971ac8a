"""A few snapshots guard the wizard's look (pytest-textual-snapshot; update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from wizard_helpers import SIZE, SMALL, open_wizard_for, settle

from lcv_tui.paths import Locations


@pytest.fixture
def locations(tmp_path, monkeypatch) -> Locations:
    """A relative data folder, so a path shown on screen is the same on every run."""
    monkeypatch.chdir(tmp_path)
    return Locations(Path("gegevens"))


def at(surname: str, *keys: str):
    async def run_before(pilot) -> None:
        await open_wizard_for(pilot, surname)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def test_step_1_achterstand(snap_compare, wizard_app, demo_vault):
    assert snap_compare(wizard_app(), terminal_size=SIZE, run_before=at("El Amrani", "1"))


def test_step_5_blocked_without_agreement(snap_compare, wizard_app, demo_vault):
    assert snap_compare(wizard_app(), terminal_size=SIZE, run_before=at("Bos"))


def test_step_6_data_check(snap_compare, wizard_app, demo_vault):
    assert snap_compare(wizard_app(), terminal_size=SIZE, run_before=at("IJzerman"))


def test_step_8_after_the_signal(snap_compare, wizard_app, demo_vault):
    assert snap_compare(wizard_app(), terminal_size=SIZE, run_before=at("Dijkstra"))


def test_step_7_small_terminal(snap_compare, wizard_app, demo_vault):
    assert snap_compare(wizard_app(), terminal_size=SMALL, run_before=at("IJzerman", "v"))
