"""Issue 15.7: every button of the wizard does what its key does when clicked.

Clicks every step-action button (one test case each, on its step in the wizard of a demo tenant that
offers it: ``OFFERED_BY``), plus Vorige/Volgende/Sluiten. A click must open a dialog or screen,
switch the section, or say something: a coroutine that is called without ``await`` (the bug of
issue 16) does none of these, and pytest turns its warning into an error.
"""

from __future__ import annotations

import pytest
from lcv_testing import Notice, record_notices
from textual.widgets import Button
from wizard_helpers import SIZE, open_wizard_for, settle

from lcv_tui.tui.screens.signals import SaveFileDialog
from lcv_tui.tui.screens.wizard import STEP_ACTIONS, StepAction, WizardScreen, _button_id
from lcv_tui.tui.wizard.steps import WizardStep


def _state(app, notices: list[Notice]) -> tuple[object, ...]:
    return (app.current_mode, tuple(app.screen_stack), len(notices))


# The demo tenant whose wizard offers each step-action button (on the action's step).
OFFERED_BY = {
    "payment": "de Jong",
    "evidence('persoonlijk_contact')": "'t Hart",
    "evidence('schuldhulp_gewezen')": "Öztürk",
    "evidence('gegevens_aangeboden')": "Öztürk",
    "make_letter": "'t Hart",
    "letter_sent": "Öztürk",
    "objection": "'t Hart",
    "agreement": "Bos",
    "entry_card": "Visser",
    "upload": "IJzerman",
    "confirm_upload": "IJzerman",
    "melden_section": "'t Hart",
}
# A button the demo offers only after another was clicked: "Geüpload bevestigen" needs the upload file.
NEEDS_FIRST = {"confirm_upload": "upload"}


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


def _offered(wizard: WizardScreen, action: StepAction) -> Button | None:
    button = wizard.query_one(f"#{_button_id(action)}", Button)
    return button if button.display and not button.disabled else None


async def _click(pilot, wizard: WizardScreen, button: Button, notices: list[Notice]) -> None:
    """Click ``button``: something must happen (a dialog, a screen, another section or a notice)."""
    app = pilot.app
    before = _state(app, notices)
    app.clear_notifications()  # a toast over the button would take the click
    button.focus()
    await pilot.pause()
    await pilot.click(f"#{button.id}")
    await settle(pilot)
    assert _state(app, notices) != before, f"{button.label} did nothing when clicked"


def test_every_step_button_has_a_demo_tenant():
    assert set(OFFERED_BY) == {a.action for a in STEP_ACTIONS}


@pytest.mark.parametrize("action", STEP_ACTIONS, ids=lambda a: _button_id(a))
async def test_every_step_button_works_when_clicked(wizard_app, demo_vault, action):
    """Each step-action button, on its step in the wizard of a demo tenant that offers it."""
    app = wizard_app()
    notices = record_notices(app)
    surname = OFFERED_BY[action.action]
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        wizard = await open_wizard_for(pilot, surname)
        mode = app.current_mode
        await pilot.press(str(action.step.number))
        await settle(pilot)
        assert wizard.current == action.step
        if action.action in NEEDS_FIRST:
            first = next(a for a in STEP_ACTIONS if a.action == NEEDS_FIRST[action.action])
            assert _offered(wizard, action) is None, f"{action.label} offered before {first.label}"
            button = _offered(wizard, first)
            assert button is not None, f"{surname}'s wizard does not offer {first.label}"
            await _click(pilot, wizard, button, notices)
            assert isinstance(app.screen, SaveFileDialog)
            await pilot.press(
                "ctrl+s"
            )  # write the upload file: "Geüpload bevestigen" is offered next
            await settle(pilot)
            wizard = await _back_to(pilot, wizard, mode)
        button = _offered(wizard, action)
        assert button is not None, f"{surname}'s wizard does not offer {action.label}"
        await _click(pilot, wizard, button, notices)


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
