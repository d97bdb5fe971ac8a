"""Windows and macOS in the app (issue 17.5): the Store Python notice, and "Map openen" after letters."""

from __future__ import annotations

from lcv_testing import FakeRunner, fake_system, messages, record_notices
from workflow_helpers import SIZE, settle

from lcv_tui.tui.screens.letters import LettersScreen

STORE_ALIAS = (
    r"C:\Users\Jan\AppData\Local\Microsoft\WindowsApps"
    r"\PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0\python.exe"
)


async def test_store_python_is_explained_when_the_app_starts(new_app, locations):
    app = new_app()
    notices = record_notices(app)
    system = fake_system("win32", {"LOCALAPPDATA": str(locations.data_dir.parent)})
    app.system = type(system)(**{**system.__dict__, "python_paths": (STORE_ALIAS,)})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        notice = next(m for m in messages(notices) if "Microsoft Store" in m)
        assert "LocalCache" in notice and "python.org" in notice


async def test_no_store_notice_on_an_ordinary_python(new_app):
    app = new_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not any("Microsoft Store" in m for m in messages(notices))


async def test_letters_open_their_folder_with_the_system_opener(new_app, locations):
    app = new_app()
    runner = FakeRunner()
    app.system = fake_system("win32", {}, (), runner)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen)
        button = screen.query_one("#letters-open-folder")
        assert not button.display  # nothing written yet
        await pilot.press("w")
        await settle(pilot)
        assert button.display
        await pilot.click("#letters-open-folder")
        await settle(pilot)
        assert runner.opened == [str(locations.letter_dir)]


async def test_a_folder_that_cannot_be_opened_is_named(new_app, locations):
    app = new_app()
    notices = record_notices(app)
    app.system = fake_system("linux", {}, (), FakeRunner())  # no xdg-open
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        await pilot.press("w")
        await settle(pilot)
        await pilot.click("#letters-open-folder")
        await settle(pilot)
        assert any(str(locations.letter_dir) in m for m in messages(notices))
