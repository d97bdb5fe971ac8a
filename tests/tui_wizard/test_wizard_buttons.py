"""Issue 15.7: every button of the wizard does what its key does when clicked.

Clicks every step-action button the demo tenants offer, plus Vorige/Volgende/Sluiten. A click must
open a dialog or screen, switch the section, or say something: a coroutine that is called without
``await`` (the bug of issue 16) does none of these, and pytest turns its warning into an error.
"""

from __future__ import annotations

from textual.widgets import Button
from wizard_helpers import SIZE, open_wizard_for, settle

from lcv_tui.tui.screens.signals import SaveFileDialog
from lcv_tui.tui.screens.wizard import STEP_ACTIONS, WizardScreen, _button_id
from lcv_tui.tui.wizard.steps import WizardStep


def _state(app, notes: list[object]) -> tuple[object, ...]:
    return (app.current_mode, tuple(app.screen_stack), len(notes))


def _count_notifications(app) -> list[object]:
    """Every ``app.notify`` call from here on (public API only: the app's method, wrapped)."""
    notes: list[object] = []
    notify = app.notify

    def counting(message, *args, **kwargs):
        notes.append(message)
        return notify(message, *args, **kwargs)

    app.notify = counting
    return notes


async def _back_to(pilot, wizard: WizardScreen, mode: str) -> WizardScreen:
    """Close what the click opened; the wizard again (reopened on the same step if it closed)."""
    app = pilot.app
    if app.current_mode != mode:
        app.switch_mode(mode)
        await settle(pilot)
    for _ in range(5):
        if app.screen is wizard or wizard not in app.screen_stack:
            break
        await pilot.press("escape")
        await settle(pilot)
    if app.screen is not wizard:
        step = wizard.current
        wizard = await open_wizard_for(pilot, app.workspace.data.tenant(wizard.tenant_id).surname)
        await pilot.press(str(step.number))
        await settle(pilot)
    return wizard


async def test_every_step_button_works_when_clicked(wizard_app, demo_vault):
    app = wizard_app()
    clicked: set[str] = set()
    offered = {_button_id(a) for a in STEP_ACTIONS}
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        notes = _count_notifications(app)
        surnames = [t.surname for t in app.workspace.data.tenants]
        for surname in surnames:
            if clicked == offered:
                break  # every button has been clicked once
            wizard = await open_wizard_for(pilot, surname)
            mode = app.current_mode
            for step in WizardStep:
                await pilot.press(str(step.number))
                await settle(pilot)
                if wizard.current != step:
                    continue
                for action in STEP_ACTIONS:
                    button_id = _button_id(action)
                    button = wizard.query_one(f"#{button_id}", Button)
                    if button_id in clicked or not button.display or button.disabled:
                        continue
                    before = _state(app, notes)
                    app.clear_notifications()  # a toast over the button would take the click
                    button.focus()
                    await pilot.pause()
                    await pilot.click(f"#{button_id}")
                    await settle(pilot)
                    assert _state(app, notes) != before, f"{button.label} did nothing when clicked"
                    clicked.add(button_id)
                    if isinstance(app.screen, SaveFileDialog):
                        # Write the upload file, so that "Geüpload bevestigen" is offered next.
                        await pilot.press("ctrl+s")
                        await settle(pilot)
                    wizard = await _back_to(pilot, wizard, mode)
            await pilot.press("escape")
            await settle(pilot)
    assert clicked == offered, f"never offered in the demo: {offered - clicked}"


async def test_navigation_buttons_work_when_clicked(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        wizard = await open_wizard_for(pilot, "de Vries")
        await pilot.press("1")
        await settle(pilot)
        assert wizard.current == WizardStep.ACHTERSTAND
        await pilot.click("#wizard-next")
        await settle(pilot)
        assert wizard.current > WizardStep.ACHTERSTAND
        await pilot.click("#wizard-previous")
        await settle(pilot)
        assert wizard.current == WizardStep.ACHTERSTAND
        await pilot.press("pagedown")  # scrolls the panel, never changes the step
        await settle(pilot)
        assert wizard.current == WizardStep.ACHTERSTAND
        await pilot.click("#wizard-close")
        await settle(pilot)
        assert not isinstance(app.screen, WizardScreen)
