"""The entry card says "Gekopieerd" only when the value reached the clipboard (issue 17.4)."""

from __future__ import annotations

from lcv_testing import FakeRunner, fake_system, messages, record_notices
from signals_helpers import SIZE, open_melden

from lcv_tui.tui.screens.entry_card import EntryCardScreen


async def open_card(pilot):
    await open_melden(pilot)
    await pilot.press("k")
    await pilot.pause()
    assert isinstance(pilot.app.screen, EntryCardScreen)
    return pilot.app.screen


async def test_mac_terminal_app_copies_through_pbcopy(signals_app, website_vault):
    app = signals_app()
    notices = record_notices(app)
    runner = FakeRunner()
    app.system = fake_system("darwin", {"TERM_PROGRAM": "Apple_Terminal"}, ("pbcopy",), runner)
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        number = [label for label, _ in card.fields].index("Postcode") + 1
        await pilot.press(str(number))
        assert runner.calls == [(["pbcopy"], b"3551 CX", {"LC_CTYPE": "UTF-8"})]
        assert "Gekopieerd: Postcode" in messages(notices)


async def test_no_way_to_copy_shows_the_value_instead_of_gekopieerd(signals_app, website_vault):
    app = signals_app()
    notices = record_notices(app)
    app.system = fake_system("darwin", {"TERM_PROGRAM": "Apple_Terminal"}, (), FakeRunner())
    async with app.run_test(size=SIZE) as pilot:
        card = await open_card(pilot)
        number = [label for label, _ in card.fields].index("Postcode") + 1
        await pilot.press(str(number))
        said = messages(notices)
        assert not any("Gekopieerd" in m for m in said)
        assert any("kan in deze terminal niet" in m and m.endswith("3551 CX") for m in said)


async def test_melden_opens_the_folder_of_the_upload_file(signals_app, demo_vault, tmp_path):
    from signals_helpers import settle

    from lcv_tui.tui.screens.signals import SaveFileDialog

    app = signals_app()
    runner = FakeRunner()
    app.system = fake_system("darwin", {}, ("open",), runner)
    target = tmp_path / "uit" / "signalen.xlsx"
    async with app.run_test(size=SIZE) as pilot:
        await open_melden(pilot)
        screen = app.screen
        assert not screen.query_one("#open-folder").display
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, SaveFileDialog)
        app.screen.query_one("#path").value = f'"{target}" '  # "Copy as path", and a space
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert target.is_file()
        assert screen.query_one("#open-folder").display
        await pilot.click("#open-folder")
        await settle(pilot)
        assert runner.calls == [(["open", str(target.parent)], None, None)]
