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


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
@pytest.mark.parametrize("dialog", DIALOGS, ids=lambda d: d.__name__)
async def test_the_buttons_are_on_screen_when_a_record_dialog_opens(new_app, today, dialog, size):
    app = new_app()
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        app.push_screen(
            dialog(today=today, subject="Dijkstra, Simonstraat 1", error="Het bedrag ontbreekt.")
        )
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, dialog)
        width, height = size
        for button in screen.query(Button):
            region = button.region
            assert region.height > 0 and region.width > 0, f"{button.id} not shown"
            assert region.x >= 0 and region.right <= width, f"{button.id}: {region}"
            assert region.y >= 0 and region.bottom <= height, f"{button.id}: {region}"
            # Not covered by the dialog's own clipping: the button lies inside its box.
            box = screen.query_one("#record-box")
            assert box.region.contains_region(region), (
                f"{button.id} clipped: {region} in {box.region}"
            )


@pytest.mark.parametrize("dialog", DIALOGS, ids=lambda d: d.__name__)
async def test_tab_through_a_record_dialog_at_60_by_20_never_hides_the_field_behind_the_buttons(
    new_app, today, dialog
):
    app = new_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        app.push_screen(dialog(today=today, subject="Dijkstra, Simonstraat 1"))
        await settle(pilot)
        screen = app.screen
        buttons = screen.query_one("#record-buttons").region
        for _ in range(len(screen.query("#record-fields Input, #record-fields Select"))):
            focused = screen.focused
            assert focused is not None
            if not isinstance(focused, Button):
                region = focused.region
                assert region.height > 0, f"{focused.id} not shown"
                form = screen.query_one("#record-form").region
                assert form.contains_region(region), f"{focused.id} {region} outside {form}"
                assert not region.overlaps(buttons), f"{focused.id} under the buttons"
            await pilot.press("tab")
            await settle(pilot)
