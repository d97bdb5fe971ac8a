"""The unlock screen under misuse (issue 14, point 5): one key derivation at a time, the field
cleared after each try, input ignored while a try runs, and no crash output with locals.

The docstrings name the README promise ("Betrouwbaarheid en veiligheid") each test guards.
"""

from __future__ import annotations

import gc
import threading

import pytest
from tui_helpers import SIZE, settle

from lcv_tui.store import kdf
from lcv_tui.tui.crash import CRASHED, run_app
from lcv_tui.tui.screens.unlock import UnlockScreen


async def test_quick_wrong_passphrases_start_one_derivation_at_a_time(new_app, vault, monkeypatch):
    """Promise: never a secret on screen. Five quick wrong passphrases run one key derivation at a
    time; the field is empty once a try starts, and keys typed meanwhile are ignored."""
    real_derive = kdf.derive
    release = threading.Event()
    running, most = [0], [0]
    lock = threading.Lock()

    def slow_derive(passphrase, salt, params):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        release.wait(5)
        try:
            return real_derive(passphrase, salt, params)
        finally:
            with lock:
                running[0] -= 1

    monkeypatch.setattr(kdf, "derive", slow_derive)
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        field = screen.query_one("#passphrase")
        field.value = "verkeerde wachtzin 1"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.trying and field.value == "" and field.disabled
        for attempt in range(2, 6):
            field.value = f"verkeerde wachtzin {attempt}"
            await pilot.press("enter")
            screen._submit()  # as if Enter or the button reached the screen anyway
            await pilot.pause()
        assert screen.trying and field.value.startswith("verkeerde")
        release.set()
        await settle(pilot)
        assert most[0] == 1
        assert not screen.trying and not field.disabled
        assert "wachtzin klopt niet" in str(screen.query_one("#unlock-message").render())


async def test_an_unexpected_error_while_opening_is_a_message_not_a_crash(
    new_app, vault, monkeypatch
):
    """Promise: never a traceback. An unexpected error during a try becomes a Dutch message
    naming only the error's type; the app keeps running."""

    def broken(passphrase, salt, params):
        raise MemoryError("geheime wachtzin in de melding")

    monkeypatch.setattr(kdf, "derive", broken)
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#passphrase").value = "een wachtzin die crasht"
        await pilot.press("enter")
        await settle(pilot)
        text = str(app.screen.query_one("#unlock-message").render())
        assert "onverwachte fout (MemoryError)" in text and "geheime" not in text


def test_a_crash_prints_a_dutch_message_and_no_locals(new_app, vault, capsys):
    """Promise: never a secret on screen. When the app crashes, Textual's traceback (which shows
    every frame's locals) is not printed; a Dutch message is, and the exit code is 1."""
    app = new_app()

    def boom() -> None:
        typed = "mijn geheime wachtzin"
        raise RuntimeError(f"fout met {typed}")

    app.call_later(lambda: app.set_timer(0.3, boom))  # once the screen is up
    code = run_app(app, headless=True, size=SIZE)
    gc.collect()  # anything the crash left un-awaited shows up here, in this test
    captured = capsys.readouterr()
    assert code == 1 and CRASHED in captured.err
    assert "geheime" not in captured.out + captured.err and "Traceback" not in captured.err


def _record_notes(app) -> list[str]:
    """Every notification text the app shows (through its public ``notify``)."""
    notes: list[str] = []
    show = app.notify

    def notify(message, *args, **kwargs):
        notes.append(str(message))
        return show(message, *args, **kwargs)

    app.notify = notify
    return notes


async def _change_passphrase(pilot, app, new: str) -> None:
    from tui_helpers import PASSPHRASE, to_section

    await to_section(pilot, "instellingen")
    await pilot.click("#change-passphrase")
    await pilot.pause()
    screen = app.screen
    screen.query_one("#field-current").value = PASSPHRASE
    screen.query_one("#field-new").value = new
    screen.query_one("#field-new2").value = new
    screen.query_one("#change").press()
    await pilot.pause()


@pytest.mark.parametrize("answer", ["yes", "no"])
async def test_set_aside_files_are_removed_only_when_the_user_agrees(
    new_app, vault, locations, answer
):
    """Promise: a new passphrase means a new key. In Instellingen, changing the passphrase asks
    whether set-aside vault files (which open with the old passphrase) may be removed."""
    from tui_helpers import unlock

    from lcv_tui.store import Vault, list_backups, restore_backup
    from lcv_tui.store.vault import set_aside_files
    from lcv_tui.tui.screens.dialogs import ConfirmScreen

    vault.save(Vault.open(locations, "correct paard batterij nietje")[1])
    restore_backup(locations, list_backups(locations)[0].path)
    assert len(set_aside_files(locations)) == 1
    app = new_app()
    notes = _record_notes(app)
    async with app.run_test(size=(120, 80)) as pilot:  # the vault part of Instellingen in view
        await unlock(pilot)
        await _change_passphrase(pilot, app, "een gloednieuwe wachtzin")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click(f"#{answer}")
        await settle(pilot)
        assert any("Wachtzin gewijzigd" in note for note in notes)
    assert (set_aside_files(locations) == []) == (answer == "yes")
    assert Vault.open(locations, "een gloednieuwe wachtzin")[1].tenants


@pytest.mark.posix_only  # emulates a folder where fcntl cannot lock
async def test_a_lock_file_is_announced_on_unlock(new_app, vault, locations, monkeypatch):
    """Promise: never silently unlocked. Where the folder cannot be locked, the app says it uses a
    lock file."""
    import errno

    from tui_helpers import unlock

    from lcv_tui.store import lock as vault_lock

    def unsupported(fd, operation):
        raise OSError(errno.ENOLCK, "No locks available")

    monkeypatch.setattr(vault_lock.fcntl, "flock", unsupported)
    app = new_app()
    notes = _record_notes(app)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert app.workspace is not None
        assert any("vergrendelbestand" in note for note in notes)
        assert (locations.data_dir / vault_lock.LOCK_FILE_NAME).exists()
    assert not (locations.data_dir / vault_lock.LOCK_FILE_NAME).exists()
