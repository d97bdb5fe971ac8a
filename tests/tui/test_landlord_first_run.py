"""First run takes the landlord's IBAN, KvK number, seat, privacy link and objection address with
Dutch messages (issue 12.7), and explains how existing tenants are entered (12.1)."""

from __future__ import annotations

from tui_helpers import PASSPHRASE, SIZE, fill, settle, to_section

from lcv_tui.tui.onboarding import EMPTY_VAULT, EXISTING_TENANTS
from lcv_tui.tui.screens.agenda import AgendaScreen
from lcv_tui.tui.screens.first_run import FirstRunScreen
from lcv_tui.tui.screens.tenants import TenantListScreen


async def test_first_run_validates_and_keeps_the_landlords_details(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, FirstRunScreen)
        assert str(screen.query_one("#first-tenants").content) == EXISTING_TENANTS
        fill(
            screen,
            name="Verhuur Voorbeeld BV",
            objection_email="bezwaar@voorbeeld.nl",
            iban="NL00 ABNA 0417 1643 00",
            kvk="1234",
            privacy_url="geen adres",
            passphrase=PASSPHRASE,
            passphrase2=PASSPHRASE,
        )
        await pilot.click("#create")
        await pilot.pause()
        assert app.screen is screen
        assert "Dit IBAN klopt niet" in screen.query_one("#ff-iban").error
        assert "8 cijfers" in screen.query_one("#ff-kvk").error
        assert "Ongeldig webadres" in screen.query_one("#ff-privacy_url").error

        fill(
            screen,
            iban="NL91ABNA0417164300",
            kvk="12345678",
            statutory_seat="Leiden",
            privacy_url="https://voorbeeld.nl/privacy",
            objection_address="Postbus 1, 2300 AA Leiden",
        )
        await pilot.click("#create")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)
        landlord = app.workspace.data.landlord
        assert (landlord.iban, landlord.kvk, landlord.statutory_seat) == (
            "NL91ABNA0417164300",
            "12345678",
            "Leiden",
        )
        assert landlord.objection_postal_address == "Postbus 1, 2300 AA Leiden"

        await to_section(pilot, "huurders")
        assert isinstance(app.screen, TenantListScreen)
        assert str(app.screen.query_one("#tenants-count").content) == EMPTY_VAULT
