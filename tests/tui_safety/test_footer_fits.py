"""Issue 15.5: at 80×24 (and 120×36) the footer shows the keys that matter, each hint whole (none cut off or
covered by the command palette's key at the right edge)."""

from __future__ import annotations

import pytest
from textual.widgets import Footer
from tui_helpers import settle

from lcv_tui.tui.screens.tenant_file import TenantFileScreen
from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.sections import SECTIONS, section

SMALL = (80, 24)


def _footer_hints(screen) -> list[tuple[str, int, int]]:
    """(description, x, right edge) of every key the footer shows, left to right."""
    footer = screen.query_one(Footer)
    hints = [(key.description, key.region.x, key.region.right) for key in footer.query("FooterKey")]
    return sorted(hints, key=lambda hint: hint[1])


def _whole(screen, description: str) -> bool:
    """The hint is inside the terminal and no other hint covers it."""
    hints = _footer_hints(screen)
    index = [hint[0] for hint in hints].index(description)
    _, x, right = hints[index]
    following = hints[index + 1][1] if index + 1 < len(hints) else SMALL[0]
    previous = hints[index - 1][2] if index else 0
    return previous <= x and right <= min(following, SMALL[0])


async def test_the_tenant_list_footer_shows_enter_wijzigen_and_enter_opens_the_form(new_app):
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        assert "Wijzigen" in [hint[0] for hint in _footer_hints(app.screen)]
        assert _whole(app.screen, "Wijzigen")
        key = app.screen.table.current_key
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TenantFormScreen)
        assert app.screen.tenant is not None and app.screen.tenant.id == key


async def test_the_tenant_file_footer_fits_in_80_columns(new_app):
    app = new_app()
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tenant = app.workspace.data.tenants[0]
        app.push_screen(TenantFileScreen(tenant.id))
        await settle(pilot)
        shown = [hint[0] for hint in _footer_hints(app.screen)]
        # The next letter is one key away at 80 columns too (the walk of 2026-12-06).
        assert {"Terug", "Begeleiden", "Betaling", "Brief", "Help"} <= set(shown)
        for description in shown:
            assert _whole(app.screen, description), f"{description} is cut off at 80 columns"
        # The keys left out of the footer are still listed under F1 → Toetsen.
        keys = set(dict(app.screen_keys()).values())
        assert {"Brief", "Bezwaar", "Bewijsdossier", "Correctie", "Gegevens"} <= keys


async def _open(app, pilot, where: str) -> None:
    if where == "dossier":
        app.push_screen(TenantFileScreen(app.workspace.data.tenants[0].id))
    else:
        await pilot.press(section(where).key)
    await settle(pilot)


@pytest.mark.parametrize("size", [SMALL, (120, 36)])
async def test_every_footer_hint_is_whole_and_help_and_quit_stay(new_app, size):
    """Every section, then a tenant file, in one session per size (one app start, not six)."""
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for where in [*(s.mode for s in SECTIONS), "dossier"]:
            await _open(app, pilot, where)
            if where == "dossier":
                assert isinstance(app.screen, TenantFileScreen)
            else:
                assert app.current_mode == where and len(app.screen_stack) == 1
            hints = _footer_hints(app.screen)
            shown = [hint[0] for hint in hints]
            assert {"Help", "Afsluiten"} <= set(shown), f"{where}: {shown}"
            for index, (description, x, right) in enumerate(hints):
                following = hints[index + 1][1] if index + 1 < len(hints) else size[0]
                previous = hints[index - 1][2] if index else 0
                assert previous <= x and right <= min(following, size[0]), (
                    f"{where}: {description} cut off"
                )


async def test_the_tenant_file_shows_more_keys_at_120_columns(new_app):
    app = new_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await _open(app, pilot, "dossier")
        shown = [hint[0] for hint in _footer_hints(app.screen)]
        assert {"Terug", "Begeleiden", "Betaling", "Brief", "Bezwaar", "Help"} <= set(shown)
        assert len(shown) >= 8


def test_every_screen_uses_the_footer_that_fits():
    """A plain Textual ``Footer`` shows every key and lets the last ones run under the palette's key
    at 80 columns (Bankafschrift inlezen did): every screen composes ``KeyFooter``."""
    from pathlib import Path

    import lcv_tui.tui

    root = Path(lcv_tui.tui.__file__).parent
    plain = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if "yield Footer(" in path.read_text(encoding="utf-8")
    ]
    assert plain == []
    assert any("yield KeyFooter(" in p.read_text(encoding="utf-8") for p in root.rglob("*.py"))
