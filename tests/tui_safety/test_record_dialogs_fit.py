"""Issue 15.5: every record dialog opens with its buttons on the screen at 80×24 and 60×20; the
fields scroll, the button row stays put."""

from __future__ import annotations

import pytest
from textual.widgets import Button
from tui_helpers import settle

from lcv_tui.tui.screens import record_dialogs as rd

DIALOGS = [
    rd.PaymentDialog,
    rd.AdjustmentDialog,
    rd.StepDialog,
    rd.ObjectionDialog,
    rd.WithdrawObjectionDialog,
    rd.FeedbackDialog,
    rd.SignalWithdrawalDialog,
    rd.LetterDialog,
    rd.LetterSentDialog,
]


async def _open(pilot, dialog):
    """``dialog`` pushed onto the home section (any dialog opened before it closed first)."""
    app = pilot.app
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await settle(pilot)
    base = app.screen
    app.push_screen(dialog)
    await settle(pilot)
    assert app.screen is dialog and app.screen_stack[-2] is base
    return dialog


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_buttons_are_on_screen_when_a_record_dialog_opens(new_app, today, size):
    """Every dialog in one session per size (one app start, not nine): each is pushed onto the same
    home section after the one before it closed."""
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for dialog in DIALOGS:
            screen = await _open(
                pilot,
                dialog(
                    today=today, subject="Dijkstra, Simonstraat 1", error="Het bedrag ontbreekt."
                ),
            )
            assert isinstance(screen, dialog)
            name = dialog.__name__
            width, height = size
            buttons = list(screen.query(Button))
            assert buttons, f"{name} has no buttons"
            for button in buttons:
                region = button.region
                assert region.height > 0 and region.width > 0, f"{name}: {button.id} not shown"
                assert region.x >= 0 and region.right <= width, f"{name}: {button.id}: {region}"
                assert region.y >= 0 and region.bottom <= height, f"{name}: {button.id}: {region}"
                # Not covered by the dialog's own clipping: the button lies inside its box.
                box = screen.query_one("#record-box")
                assert box.region.contains_region(region), (
                    f"{name}: {button.id} clipped: {region} in {box.region}"
                )


async def test_tab_through_a_record_dialog_at_60_by_20_never_hides_the_field_behind_the_buttons(
    new_app, today
):
    """Every dialog in one session (one app start, not nine), each opened on the home section."""
    app = new_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        for dialog in DIALOGS:
            screen = await _open(pilot, dialog(today=today, subject="Dijkstra, Simonstraat 1"))
            name = dialog.__name__
            buttons = screen.query_one("#record-buttons").region
            fields = len(screen.query("#record-fields Input, #record-fields Select"))
            assert fields, f"{name} has no fields"
            for _ in range(fields):
                focused = screen.focused
                assert focused is not None, name
                if not isinstance(focused, Button):
                    region = focused.region
                    assert region.height > 0, f"{name}: {focused.id} not shown"
                    form = screen.query_one("#record-form").region
                    assert form.contains_region(region), (
                        f"{name}: {focused.id} {region} outside {form}"
                    )
                    assert not region.overlaps(buttons), f"{name}: {focused.id} under the buttons"
                await pilot.press("tab")
                await settle(pilot)
