"""What a landlord tripped over walking a real year at 80×24 (the walk of 2026-12-06), each proved
by the pilot: letters made on a Sunday, the keys the footer shows after writing, the empty letter
list without landlord details."""

from __future__ import annotations

import datetime as dt

import pytest
from lcv_testing import messages, record_notices
from tui_helpers import PASSPHRASE
from workflow_helpers import open_file, settle, text

from lcv_tui.clock import FixedClock
from lcv_tui.domain.demo import build_demo
from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import make_app
from lcv_tui.tui.screens.letters import LettersScreen
from lcv_tui.tui.screens.record_dialogs import LetterSentDialog
from lcv_tui.tui.screens.tenant_file import TenantFileScreen
from lcv_tui.tui.widgets.record_table import RecordTable

SMALL = (80, 24)
SUNDAY = dt.date(2026, 12, 6)


def footer_keys(screen) -> list[str]:
    return [key.key for key in screen.query("FooterKey")]


@pytest.fixture
def app_on(locations, keyring_backend):
    """An app on the demo data built for ``day`` and opened on ``day``."""

    def build(day: dt.date, *, landlord: bool = True):
        data = build_demo(day)
        if not landlord:
            data.landlord = None
        Vault.create(locations, PASSPHRASE, data)
        return make_app(
            locations,
            FixedClock.on(day),
            keyring_backend=keyring_backend,
            passphrase=PASSPHRASE,
            animation_level="none",
        )

    return build


async def test_letters_made_on_a_sunday_say_when_they_can_be_recorded(app_on):
    """Letters bear the next working day (Algemene termijnenwet art. 3) and are recorded on or after
    that date (issue 12.5): on a Sunday the screen says so instead of a dialog that can only refuse."""
    app = app_on(SUNDAY)
    notices = record_notices(app)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen) and screen.letters
        assert "gedateerd 7 december 2026" in text(screen, "#letters-intro")
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert not isinstance(app.screen, LetterSentDialog)
        assert any("gedateerd 7 december 2026" in m for m in messages(notices))
        assert not any(
            event.on >= SUNDAY for tenant in app.workspace.data.tenants for event in tenant.events
        )


async def test_after_writing_the_footer_shows_the_keys_to_record(app_on, today):
    """At 80 columns the footer had no room for v and a (w stayed first): once written, w gives way."""
    app = app_on(today)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen) and screen.letters
        await pilot.press("w")
        await settle(pilot)
        keys = footer_keys(screen)
        assert "v" in keys and "a" in keys
        await pilot.press("v")
        await settle(pilot)
        assert isinstance(app.screen, LetterSentDialog)


async def test_letters_without_landlord_say_why_the_list_is_empty(app_on, today):
    app = app_on(today, landlord=False)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen)
        assert not screen.query_one("#letters-progress").display
        empty = screen.query_one("#letters", RecordTable).empty_text
        assert "Instellingen" in empty and "geen brieven te versturen" not in empty


async def test_a_letter_made_in_the_file_on_a_sunday_is_not_asked_as_sent(app_on):
    """The tenant file asked "Verstuurd op 06-12-2026" for a letter dated 07-12-2026, then refused
    both today (before the letter's date) and tomorrow (in the future): now it says when instead."""
    app = app_on(SUNDAY)
    notices = record_notices(app)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await open_file(pilot, "H-1003")
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, TenantFileScreen)
        assert any("gedateerd 7 december 2026" in m for m in messages(notices))


async def test_f1_keys_of_the_tenant_file_are_dutch(app_on, today):
    """F1 → Toetsen listed Textual's own "Previous tab", "Focus Next", "Copy selected text"."""
    app = app_on(today)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await open_file(pilot, "H-1003")
        described = dict(app.screen_keys())
        assert described["←"] == "Vorig tabblad" and described["Tab"] == "Volgend veld"
        english = {"Previous tab", "Next tab", "Focus Next", "Focus Previous", "Copy selected text"}
        assert not english & set(described.values())


async def test_an_open_select_menu_says_in_dutch_how_to_close_it(app_on, today):
    """The footer showed Textual's "esc Dismiss menu" while a choice list was open."""
    from textual.widgets import Select

    from lcv_tui.tui.sections import section

    app = app_on(today)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(section("gemeenten").key)
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        app.screen.query(Select).first().focus()
        await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        footer = [key.description for key in app.screen.query("FooterKey")]
        assert "Menu sluiten" in footer and "Dismiss menu" not in footer


async def test_the_tenant_list_shows_rents_above_a_thousand_whole_at_80_columns(app_on, today):
    """The Huur column was 9 wide: "€ 1.025,00" showed as "€ 1.025,…" at 80×24."""
    from lcv_tui.domain.validation import format_money
    from lcv_tui.tui.sections import section

    app = app_on(today)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        tenant = app.workspace.data.tenants[0]
        tenant.rent = tenant.rent + 1000
        app.workspace.mark_dirty()
        app.commit("huur")
        await pilot.press(section("huurders").key)
        await settle(pilot)
        shown = app.export_screenshot()
        assert format_money(tenant.rent).replace(" ", "&#160;") in shown


async def test_settings_without_landlord_start_typing_in_the_first_field(app_on, today):
    """After `lcv-tui init` the landlord's details are empty; on F6 the first keys went nowhere."""
    from textual.widgets import Input

    from lcv_tui.tui.sections import section

    app = app_on(today, landlord=False)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        await pilot.press(section("instellingen").key)
        await settle(pilot)
        await pilot.press("V", "B")
        first = app.screen.query("#settings-body Input").first(Input)
        assert first.value == "VB"


async def test_without_landlord_details_the_app_says_so_on_opening(app_on):
    """A vault made with ``lcv-tui init`` has no landlord yet: the landlord hears it when the vault
    opens (not only when the letter list turns out empty), and where to fill them in."""
    app = app_on(dt.date(2026, 11, 23), landlord=False)
    notices = record_notices(app)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert any("Instellingen (F6)" in m and "ontbreken" in m for m in messages(notices))


async def test_with_landlord_details_no_such_notice(app_on):
    app = app_on(dt.date(2026, 11, 23))
    notices = record_notices(app)
    async with app.run_test(size=SMALL) as pilot:
        await settle(pilot)
        assert not any("ontbreken" in m for m in messages(notices))
