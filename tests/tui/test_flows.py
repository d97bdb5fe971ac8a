"""Pilot tests: the flows a landlord goes through, asserted on state and on what the screen says."""

from __future__ import annotations

from lcv_testing import messages, record_notices
from tui_helpers import PASSPHRASE, SIZE, fill, sample_data, settle, to_section, unlock

from lcv_tui.paths import Locations
from lcv_tui.store.vault import Vault
from lcv_tui.tui.screens.agenda import AgendaScreen
from lcv_tui.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, TypedConfirmScreen
from lcv_tui.tui.screens.first_run import FirstRunScreen
from lcv_tui.tui.screens.help import HelpScreen
from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.screens.unlock import UnlockScreen
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.form import FormField
from lcv_tui.tui.widgets.record_table import RecordTable

TENANT = {
    "surname": "Jansen",
    "initials": "J.P.",
    "street": "Dorpsstraat",
    "house_number": "12",
    "postcode": "0123 AB",
    "town": "Utrecht",
    "gemeente": "Utrecht",
    "phone1": "06 12345678",
    "rent": "850,00",
    "tenancy_start": "1-3-2024",
}


async def test_first_run_add_tenant_fix_postcode_and_reopen(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FirstRunScreen)
        fill(
            app.screen,
            name="Verhuur Voorbeeld BV",
            objection_email="bezwaar@voorbeeld.nl",
            passphrase=PASSPHRASE,
            passphrase2=PASSPHRASE,
        )
        await pilot.click("#create")
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)  # home after unlocking
        assert Vault.exists(locations)
        await to_section(pilot, "huurders")
        assert isinstance(app.screen, TenantListScreen)

        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TenantFormScreen)
        fill(form, **TENANT)
        await pilot.press("ctrl+s")
        await pilot.pause()
        postcode = form.query_one("#ff-postcode", FormField)
        assert "Ongeldige postcode" in postcode.error
        assert app.screen is form
        assert app.workspace.data.tenants == []
        assert not app.workspace.dirty

        fill(form, postcode="3511ab")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TenantListScreen)
        assert [t.postcode for t in app.workspace.data.tenants] == ["3511 AB"]
        assert not app.workspace.dirty
        table = app.screen.query_one(RecordTable)
        assert [r.cells[0] for r in table.shown] == ["Jansen, J.P."]
        await pilot.press("ctrl+q")
    assert app.return_code == 0

    reopened = new_app()
    async with reopened.run_test(size=SIZE) as pilot:
        assert isinstance(reopened.screen, UnlockScreen)
        await unlock(pilot)
        await to_section(pilot, "huurders")
        assert isinstance(reopened.screen, TenantListScreen)
        rows = reopened.screen.query_one(RecordTable).shown
        assert [(r.cells[0], r.cells[2], r.cells[4]) for r in rows] == [
            ("Jansen, J.P.", "3511 AB", "€ 850,00")
        ]
        assert [e.action for e in reopened.workspace.data.audit][-1] == "tenant.add"


async def test_wrong_passphrase_says_so_and_stays(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, "niet de goede wachtzin")
        assert isinstance(app.screen, UnlockScreen)
        assert app.workspace is None
        message = str(app.screen.query_one("#unlock-message").content)
        assert "De wachtzin klopt niet" in message
        assert app.screen.query_one("#passphrase").value == ""


async def test_passphrase_field_blocks_copy_and_cut(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#passphrase")
        field.focus()
        await pilot.press(*"geheim")
        field.select_all()
        await pilot.press("ctrl+c", "ctrl+x")
        await pilot.pause()
        assert app.clipboard == ""
        assert field.value == "geheim"
        assert field.password


async def test_remembered_key_unlocks_without_asking(new_app, locations, keyring_backend):
    Vault.create(
        locations, PASSPHRASE, sample_data(), remember=True, keyring_backend=keyring_backend
    )
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, AgendaScreen)


async def test_filter_narrows_and_sort_flips(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        table = app.screen.query_one(RecordTable)
        assert len(table.shown) == 8
        assert (
            table.shown[0].cells[0] == "Bakker, A."
        )  # 'van Dijk' sorts under D, 'de Vries' under V
        assert [r.cells[0] for r in table.shown][:3] == ["Bakker, A.", "van Dijk, A.", "Jansen, A."]
        await pilot.press(*"utr")  # type-to-filter from the table
        await pilot.pause()
        assert app.screen.query_one("#filter").value == "utr"
        assert {r.cells[3] for r in table.shown} == {"Utrecht"} and len(table.shown) == 4
        assert "4 van 8 huurders" in str(app.screen.query_one("#tenants-count").content)
        await pilot.press("escape")
        await pilot.pause()
        assert len(table.shown) == 8
        await pilot.click(RecordTable, offset=(3, 0))  # the Naam header
        await pilot.pause()
        assert table.sort_state == ("naam", True)
        assert table.shown[0].cells[0] == "de Vries, A."


async def confirm_delete(pilot, surname: str) -> None:
    """Delete the highlighted tenant: Delete, type the surname, Enter (to the button), Enter."""
    await pilot.press("delete")
    await pilot.pause()
    assert isinstance(pilot.app.screen, TypedConfirmScreen)
    await pilot.press(*surname, "enter")
    await pilot.pause()
    assert pilot.app.screen.focused.id == "yes"
    await pilot.press("enter")
    await pilot.pause()


async def test_delete_asks_first(new_app, vault, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        table = app.screen.query_one(RecordTable)
        first = table.current_key
        surname = app.workspace.data.tenant(first).surname
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        await pilot.press("j", "enter", "enter")  # no letter and no Enter confirms
        await pilot.pause()
        assert isinstance(app.screen, TypedConfirmScreen)
        assert app.screen.query_one("#yes").disabled
        await pilot.press("escape")
        await pilot.pause()
        assert len(table.shown) == 8
        await confirm_delete(pilot, surname)
        assert len(table.shown) == 7
        assert first not in {t.id for t in app.workspace.data.tenants}
    _, data = Vault.open(locations, PASSPHRASE)
    assert len(data.tenants) == 7


async def test_quit_with_dirty_form_asks(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        await pilot.press("enter")  # edit the highlighted tenant
        await pilot.pause()
        assert isinstance(app.screen, TenantFormScreen)
        await pilot.press(section("gemeenten").key)  # sections are locked while a form is open
        assert isinstance(app.screen, TenantFormScreen)
        await pilot.press("end", *"x")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "niet opgeslagen" in app.screen.question
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TenantFormScreen)
        await pilot.press("escape")  # leaving the form asks too
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("j")  # a dangerous question takes no letter for yes
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#yes")
        await pilot.pause()
        assert isinstance(app.screen, TenantListScreen)
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_failed_save_keeps_data_and_quit_asks(new_app, vault, monkeypatch):
    from lcv_tui.store.errors import VaultWriteError

    app = new_app()
    notices = record_notices(app)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")

        def broken(job):
            raise VaultWriteError("de schijf is vol")

        # the save runs in a worker (LcvApp.commit): its write fails there
        monkeypatch.setattr(app.workspace.vault, "write", broken)
        table = app.screen.query_one(RecordTable)
        await confirm_delete(pilot, app.workspace.data.tenant(table.current_key).surname)
        await app.saved()
        assert len(app.workspace.data.tenants) == 7
        assert app.workspace.dirty
        assert any("Opslaan mislukt: de schijf is vol" in m for m in messages(notices))
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert [key for key, _ in app.screen.choices][0] == "retry"
        monkeypatch.undo()
        await pilot.click("#choice-retry")
        await pilot.pause()
        await pilot.pause()
    assert app.return_code == 0
    assert not app.workspace.dirty


async def test_agreement_threshold_below_30_is_refused(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press(section("gemeenten").key)
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        fill(form, gemeente="zeist", signed_on="1-2-2025", threshold_days="20")
        form.query_one("#meldpunt").value = form.query_one("#meldpunt")._options[1][1]
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "minstens 30" in form.query_one("#ff-threshold_days", FormField).error
        fill(form, threshold_days="60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        agreement = app.workspace.data.agreement_for("Zeist")
        assert agreement is not None and agreement.threshold_days == 60


async def test_help_and_palette(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen) and app.screen.topic == "huurders"
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in (
            "Nieuwe huurder",
            "Vandaag te doen",
            "Huurders",
            "Melden",
            "Instellingen",
            "Gemeenten",
            "Help",
            "Thema wisselen",
            "Afsluiten",
        ):
            assert title in titles
        theme = app.theme
        await pilot.press("f9")
        assert app.theme != theme


def test_demo_no_open_writes_vault_and_refuses_to_overwrite(tmp_path, clock):
    import io

    from lcv_tui.cli import main

    out, err = io.StringIO(), io.StringIO()
    folder = tmp_path / "demo"
    assert (
        main(["demo", "--data-dir", str(folder), "--no-open"], clock=clock, out=out, err=err) == 0
    )
    _, data = Vault.open(Locations(folder), "demo")
    assert data.tenants
    assert (
        main(["demo", "--data-dir", str(folder), "--no-open"], clock=clock, out=out, err=err) == 2
    )
    assert "Er staat al een kluis" in err.getvalue()


async def test_theme_cycles_through_light_dark_and_ansi_and_is_remembered(
    new_app, vault, locations
):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        seen = [app.theme]
        for _ in range(4):
            await pilot.press("f9")
            await pilot.pause()
            seen.append(app.theme)
        assert seen == ["lcv-donker", "lcv-licht", "ansi-dark", "ansi-light", "lcv-donker"]
        await pilot.press("f9")
        await pilot.pause()
    _, data = Vault.open(locations, PASSPHRASE)
    assert data.settings.theme == "lcv-licht"
