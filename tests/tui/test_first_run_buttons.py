"""Issue 15.6/15.7: every first-run button works when clicked, and its toast names keys that work."""

from __future__ import annotations

from lcv_testing import messages, record_notices
from tui_helpers import PASSPHRASE, SIZE, fill, settle

from lcv_tui.tui.keys import key_text, section_key_text
from lcv_tui.tui.screens.first_run import FirstRunScreen
from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.wizard.help import PagesHelpScreen


async def test_tour_and_quit_buttons_work_when_clicked(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.click("#tour")
        await settle(pilot)
        assert isinstance(app.screen, PagesHelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, FirstRunScreen)
        await pilot.click("#quit")
        await settle(pilot)
    assert app.return_code == 0


async def test_the_welcome_toast_names_keys_that_work(new_app):
    app = new_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        fill(
            app.screen,
            name="Verhuur Voorbeeld BV",
            objection_email="bezwaar@voorbeeld.nl",
            passphrase=PASSPHRASE,
            passphrase2=PASSPHRASE,
        )
        await pilot.click("#create")
        await settle(pilot)
        new_key = key_text(TenantListScreen, "tenants.new")
        toast = next(m for m in messages(notices) if "Kluis aangemaakt" in m)
        assert f"Huurders, {section_key_text('huurders')}" in toast and new_key in toast
        # Do what it says: the section key, then the key for a new tenant.
        await pilot.press(section_key_text("huurders").lower())
        await settle(pilot)
        assert isinstance(app.screen, TenantListScreen)
        await pilot.press(new_key.lower())
        await settle(pilot)
        assert isinstance(app.screen, TenantFormScreen)
