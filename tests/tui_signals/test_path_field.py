"""Issue 15.8: the check and import dialogs offer the file just made, a file picker, and forgive
spaces and quotes around a pasted path."""

from __future__ import annotations

from signals_helpers import SIZE, TODAY, open_melden, settle

from lcv_tui.tui.screens.check_file import OK_TEXT, CheckFileScreen
from lcv_tui.tui.screens.imports import ImportScreen
from lcv_tui.tui.widgets.path_field import DutchFileOpen, PathField


async def test_check_offers_the_file_just_made_and_reads_a_quoted_path(signals_app, demo_vault):
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        await pilot.press("u")  # make the upload file of this month
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        made = app.screen.pending.path
        await pilot.press("c")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CheckFileScreen)
        assert screen.query_one("#check-path").value == str(made)
        screen.query_one("#check-path").value = f'  "{made}"  '
        await pilot.press("enter")
        await settle(pilot)
        assert screen.report is not None and screen.report.ok
        assert OK_TEXT in str(screen.query_one("#check-result").content)
        assert TODAY.isoformat() in made.name


async def test_browse_opens_a_dutch_file_picker_and_fills_the_path(
    signals_app, demo_vault, tmp_path
):
    source = tmp_path / "huurders.csv"
    source.write_text("Achternaam;Postcode\r\nJansen;3511 AB\r\n", encoding="utf-8")
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        await pilot.press("l")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        field = screen.query_one(PathField)
        field.input.value = str(tmp_path)  # start the picker in this folder
        await pilot.click("#import-path-browse")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, DutchFileOpen)
        assert {str(b.label) for b in picker.query("Button")} >= {"Kiezen", "Annuleren"}
        picker.dismiss(source)  # what choosing the file in the tree does
        await settle(pilot)
        assert app.screen is screen
        assert field.path == str(source)
        await pilot.click("#import-path-browse")
        await settle(pilot)
        await pilot.click("#cancel")
        await settle(pilot)
        assert app.screen is screen and field.path == str(source)
