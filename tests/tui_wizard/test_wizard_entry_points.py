"""The ways into the wizard: the tenant list (Ctrl+G), the command palette, and the first-run tour."""

from __future__ import annotations

from wizard_helpers import SIZE, MemoryKeyring, settle, tenant_id

from lcv_tui.tui.app import make_app
from lcv_tui.tui.screens.wizard import WizardScreen, wizard_commands
from lcv_tui.tui.sections import section
from lcv_tui.tui.wizard.help import PagesHelpScreen


async def test_tenant_list_opens_the_wizard_for_the_highlighted_tenant(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        table = app.screen.query_one("#tenants")
        key = table.current_key
        assert key is not None
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.tenant_id == key

        await pilot.press("f1")
        await settle(pilot)
        assert isinstance(app.screen, PagesHelpScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)


async def test_command_palette_lists_signaal_begeleiden(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert any(title.startswith("Signaal begeleiden: Bos") for title in titles)
        command = next(
            c for c in wizard_commands(app) if c.title.startswith("Signaal begeleiden: Bos")
        )
        command.callback()
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen)
        assert app.screen.tenant_id == tenant_id(app.workspace.data, "Bos")
        titles = [command.title for command in wizard_commands(app)]
        assert titles[0] == "Signaal begeleiden"  # the tenant on screen comes first


async def test_first_run_tour_shows_the_process_and_the_terms(locations, clock):
    app = make_app(locations, clock, keyring_backend=MemoryKeyring(), animation_level="none")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#tour")
        await settle(pilot)
        assert isinstance(app.screen, PagesHelpScreen)
        assert [topic for _, topic in app.screen.pages] == ["werkwijze", "begrippen", "rondleiding"]


async def test_agenda_and_tenant_file_open_the_wizard_and_the_file_refreshes_after(
    wizard_app, demo_vault
):
    from lcv_tui.tui.screens.agenda import AgendaScreen
    from lcv_tui.tui.screens.tenant_file import TenantFileScreen

    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        item = agenda.items[agenda.table.current_key]
        await pilot.press("ctrl+g")
        await settle(pilot)
        assert isinstance(app.screen, WizardScreen) and app.screen.tenant_id == item.tenant_id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is agenda

        await pilot.press("enter")
        await settle(pilot)
        file_screen = app.screen
        assert isinstance(file_screen, TenantFileScreen)
        await pilot.press("g")
        await settle(pilot)
        assert (
            isinstance(app.screen, WizardScreen) and app.screen.tenant_id == file_screen.tenant_id
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is file_screen
