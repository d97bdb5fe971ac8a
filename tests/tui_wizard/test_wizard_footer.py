"""At 80×24 the wizard's footer shows the step's own keys (Brief maken, Verzending vastleggen, …):
they sat after Vorige and Sluiten and never fitted, so the only way to them was scrolling to the
buttons below the fold or reading F1."""

from __future__ import annotations

from wizard_helpers import SMALL, demo_data, open_wizard_for

from lcv_tui.tui.screens.wizard import STEP_ACTIONS, WizardScreen


async def test_every_offered_step_key_of_the_demo_is_in_the_footer_at_80_columns(
    wizard_app, demo_vault
):
    app = wizard_app()
    missing: dict[str, list[str]] = {}
    async with app.run_test(size=SMALL) as pilot:
        for tenant in demo_data().tenants:
            screen = await open_wizard_for(pilot, tenant.surname)
            assert isinstance(screen, WizardScreen)
            offered = [
                a.key
                for a in STEP_ACTIONS
                if a.action != "melden_section" and screen.check_action(a.action, ()) is True
            ]
            shown = {key.key for key in screen.query("FooterKey")}
            lost = [key for key in offered[:2] if key not in shown]
            if lost:
                missing[tenant.surname] = lost
            await pilot.press("escape")
            await pilot.pause()
    assert not missing


async def test_f1_help_stays_in_the_wizard_footer_at_80_columns(wizard_app, demo_vault):
    """The wizard binds F1 itself (its own help pages); the footer keeps it as it keeps the app's."""
    app = wizard_app()
    async with app.run_test(size=SMALL) as pilot:
        for tenant in demo_data().tenants:
            screen = await open_wizard_for(pilot, tenant.surname)
            assert "f1" in {key.key for key in screen.query("FooterKey")}, tenant.surname
            await pilot.press("escape")
            await pilot.pause()
