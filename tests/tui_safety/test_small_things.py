"""Issue 15.9: amounts shown as read before saving; closed cases stay visible in the tenant file."""

from __future__ import annotations

from textual.widgets import TabbedContent
from tui_helpers import settle

from lcv_tui.domain.episodes import past_episodes
from lcv_tui.tui.screens.tenant_file import TenantFileScreen
from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.form import FormField


async def test_the_rent_is_shown_as_read_while_typing(new_app):
    app = new_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        await pilot.press("ctrl+n")
        await settle(pilot)
        assert isinstance(app.screen, TenantFormScreen)
        rent = app.screen.query_one("#ff-rent", FormField)
        rent.input.focus()
        await pilot.press(*"1.250")
        await pilot.pause()
        assert rent.preview_text == "= € 1.250,00"
        rent.input.value = "12,5,0"
        await pilot.pause()
        assert rent.preview_text.startswith("⚠")


async def test_closed_cases_are_listed_under_eerdere_zaken(new_app):
    app = new_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        today = app.clock.today()
        tenant = next(
            t for t in app.workspace.data.tenants if any(e.events for e in past_episodes(t, today))
        )
        app.push_screen(TenantFileScreen(tenant.id))
        await settle(pilot)
        screen = app.screen
        screen.query_one("#file-tabs", TabbedContent).active = "tab-past"
        await settle(pilot)
        text = str(screen.query_one("#file-past").content)
        assert "Zaak van" in text and "afgesloten" in text and "✓" in text
