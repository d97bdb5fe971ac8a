"""Issue 15.5: every section at 80×24 (snapshots), readable at 60×20, dialogs reach their buttons."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button
from tui_helpers import settle

from lcv_tui.paths import Locations
from lcv_tui.tui.screens.dialogs import ChoiceScreen
from lcv_tui.tui.screens.tenant_file import TenantFileScreen
from lcv_tui.tui.sections import SECTIONS, section


@pytest.fixture
def locations(tmp_path, monkeypatch) -> Locations:
    """A relative data folder, so the path shown on screen is the same on every run."""
    monkeypatch.chdir(tmp_path)
    return Locations(Path("gegevens"))


@pytest.mark.parametrize("mode", [s.mode for s in SECTIONS])
def test_section_at_80_by_24(snap_compare, new_app, mode):
    async def open_section(pilot):
        await settle(pilot)
        await pilot.press(section(mode).key)
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(80, 24), run_before=open_section)


@pytest.mark.parametrize("where", [*(s.mode for s in SECTIONS), "dossier"])
def test_section_at_120_by_36(snap_compare, new_app, where):
    """The walk at the common size: every section and a tenant file, each key, button and message
    in view."""

    async def open_section(pilot):
        await settle(pilot)
        if where == "dossier":
            tenant = pilot.app.workspace.data.tenants[0]
            pilot.app.push_screen(TenantFileScreen(tenant.id))
        else:
            await pilot.press(section(where).key)
        await settle(pilot)

    assert snap_compare(new_app(), terminal_size=(120, 36), run_before=open_section)


def _inside(widget, width: int, height: int) -> bool:
    region = widget.region
    return region.x >= 0 and region.y >= 0 and region.right <= width and region.bottom <= height


async def test_readable_at_60_by_20_and_dialog_buttons_reachable(new_app):
    app = new_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        for s in SECTIONS:
            await pilot.press(s.key)
            await settle(pilot)
            footer = app.screen.query_one("Footer")
            assert footer.region.bottom == 20 and footer.region.height == 1, s.mode
        await pilot.press(section("huurders").key)
        await settle(pilot)
        await pilot.press("delete")  # every demo tenant has evidence: the refusal dialog
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        for button in app.screen.query(Button):
            button.focus()
            await pilot.pause()
            await pilot.pause()
            assert _inside(button, 60, 20), f"{button.label} is off-screen at 60×20"
        await pilot.press("escape")
