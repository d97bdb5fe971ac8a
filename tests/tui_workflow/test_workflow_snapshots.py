"""Snapshots of the agenda and a tenant file on the demo data (update with --snapshot-update)."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import SIZE, open_file, settle

from lcv_tui.paths import Locations


@pytest.fixture
def locations(tmp_path, monkeypatch) -> Locations:
    """A relative data folder, so nothing on screen depends on the temporary path."""
    monkeypatch.chdir(tmp_path)
    return Locations(Path("gegevens"))


def test_agenda(snap_compare, new_app):
    async def ready(pilot):
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=SIZE, run_before=ready)


def test_tenant_file_with_suspension(snap_compare, new_app):
    async def opened(pilot):
        await settle(pilot)
        await open_file(pilot, "H-1010")

    assert snap_compare(new_app(), terminal_size=SIZE, run_before=opened)
