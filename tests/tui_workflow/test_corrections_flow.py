"""Putting mistakes right in the tenant file (issue 12.5), the landlord's details in Instellingen
and the letters' warnings (12.7), co-tenants in the tenant form and the empty-vault text (12.1)."""

from __future__ import annotations

from decimal import Decimal

from textual.widgets import Select, TabbedContent
from tui_helpers import PASSPHRASE
from workflow_helpers import SIZE, fill, open_file, settle, tenant_id, text

from lcv_tui.domain.models import EventKind
from lcv_tui.store.vault import Vault
from lcv_tui.tui.screens.correction_dialog import MOVE, VOID, CorrectionDialog
from lcv_tui.tui.screens.dialogs import ConfirmScreen
from lcv_tui.tui.screens.letters import LettersScreen
from lcv_tui.tui.screens.tenant_file import CORRECTED_PREFIX, TenantFileScreen
from lcv_tui.tui.widgets.record_table import RecordTable


async def _open_records(pilot, klantnummer: str) -> TenantFileScreen:
    screen = await open_file(pilot, klantnummer)
    await pilot.press("ctrl+r")  # first press: shows the "Vastgelegd" tab
    await settle(pilot)
    assert screen.query_one("#file-tabs", TabbedContent).active == "tab-records"
    return screen


async def test_voiding_the_sommatie_changes_the_verdict_and_keeps_the_original(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_records(pilot, "H-1008")
        assert text(screen, "#file-verdict").startswith("✓ Melden toegestaan")
        tenant = app.workspace.data.tenant(tenant_id(app, "H-1008"))
        sommatie = next(e for e in tenant.events if e.kind == EventKind.SOMMATIE)
        table = screen.query_one("#file-records", RecordTable)
        table.move_cursor_to(sommatie.id)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog) and dialog.record == sommatie

        # No reason: an inline Dutch message, nothing recorded.
        dialog.query_one("#what", Select).value = VOID
        await pilot.pause()
        await pilot.click("#confirm")
        await pilot.pause()
        assert app.screen is dialog
        assert "Geef een reden" in dialog.query_one("#ff-reason").error

        fill(dialog, reason="Sommatie is nooit verstuurd")
        await pilot.pause()  # the field's error clears and the dialog lays out again first
        await pilot.click("#confirm")
        await settle(pilot)
        assert app.screen is screen
        assert sommatie not in tenant.events
        assert tenant.corrections[-1].original == sommatie
        assert app.workspace.data.audit[-1].action == "correction.void"
        assert text(screen, "#file-verdict").startswith("✗ Melden niet toegestaan")
        row = next(r for r in table.shown if r.key.startswith(CORRECTED_PREFIX))
        assert row.cells[3].startswith("✗ vervallen op 23-11-2026: Sommatie is nooit verstuurd")

        # The original row is kept as evidence and cannot be corrected again.
        table.move_cursor_to(row.key)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
    _, saved = Vault.open(locations, PASSPHRASE)
    assert saved.tenant(tenant.id).corrections[-1].reason == "Sommatie is nooit verstuurd"


async def test_correcting_a_payment_amount_with_the_button(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_records(pilot, "H-1001")
        tenant = app.workspace.data.tenant(tenant_id(app, "H-1001"))
        payment = tenant.payments[-1]
        screen.query_one("#file-records", RecordTable).move_cursor_to(payment.id)
        await pilot.click("#correct")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)
        fill(dialog, amount="1,00", reason="Bedrag verkeerd overgenomen")
        await pilot.click("#confirm")
        await settle(pilot)
        assert app.screen is screen
        assert tenant.payments[-1].amount == Decimal("1.00")
        assert tenant.corrections[-1].replacement_id == tenant.payments[-1].id
        assert [e.action for e in app.workspace.data.audit][-2:] == [
            "correction.replace",
            "payment.add",
        ]
        assert "Achterstand" in text(screen, "#file-arrears")


async def test_cancel_records_nothing_and_the_domain_refusal_reopens_the_dialog(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_records(pilot, "H-1005")
        tenant = app.workspace.data.tenant(tenant_id(app, "H-1005"))
        herinnering = next(e for e in tenant.events if e.kind == EventKind.HERINNERING)
        screen.query_one("#file-records", RecordTable).move_cursor_to(herinnering.id)
        entries = len(app.workspace.data.audit)
        await pilot.click("#correct")
        await pilot.pause()
        await pilot.click("#cancel")
        await pilot.pause()
        assert app.screen is screen and len(app.workspace.data.audit) == entries

        await pilot.click("#correct")
        await pilot.pause()
        fill(app.screen, on="1-1-2030", reason="Datum")
        await pilot.click("#confirm")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, CorrectionDialog)  # reopened with the domain's message
        assert "toekomst" in text(dialog, "#record-summary")
        assert dialog.query_one("#field-on").value == "1-1-2030"
        await pilot.press("escape")
        await settle(pilot)
        assert herinnering in tenant.events and len(app.workspace.data.audit) == entries


async def test_letters_warn_before_writing_without_an_iban(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        landlord = app.workspace.data.landlord
        app.workspace.data.landlord = landlord.model_copy(update={"iban": ""})
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen)
        assert "geen IBAN" in text(screen, "#letters-warnings")
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#no")
        await settle(pilot)
        assert app.screen is screen and not locations.letter_dir.exists()
        await pilot.press("w")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert len(list(locations.letter_dir.iterdir())) == 2


async def test_settings_take_the_landlords_details_with_dutch_messages(new_app):
    app = new_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        await pilot.press("f6")
        await settle(pilot)
        screen = app.screen
        fill(screen, iban="NL91 ABNA 0417 1643 01", kvk="123")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Dit IBAN klopt niet" in screen.query_one("#ff-iban").error
        assert "8 cijfers" in screen.query_one("#ff-kvk").error
        fill(
            screen,
            iban="nl91 abna 0417 1643 00",
            kvk="9012 3456",
            statutory_seat="Utrecht",
            privacy_url="krommerijnverhuur.example/privacy",
            objection_address="Postbus 12, 3500 AA Utrecht",
        )
        await pilot.press("ctrl+s")
        await settle(pilot)
        landlord = app.workspace.data.landlord
        assert (landlord.iban, landlord.kvk, landlord.statutory_seat) == (
            "NL91ABNA0417164300",
            "90123456",
            "Utrecht",
        )
        assert landlord.privacy_url == "https://krommerijnverhuur.example/privacy"
        assert landlord.objection_address == "Postbus 12, 3500 AA Utrecht"


async def test_tenant_form_takes_co_tenants(new_app):
    from lcv_tui.tui.screens.tenant_form import TenantFormScreen

    app = new_app()
    async with app.run_test(size=(120, 60)) as pilot:
        await settle(pilot)
        tenant = app.workspace.data.tenant(tenant_id(app, "H-1001"))
        app.push_screen(TenantFormScreen(tenant))
        await settle(pilot)
        form = app.screen
        fill(form, co1_initials="P.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "achternaam van de medehuurder" in form.query_one("#ff-co1_surname").error
        fill(form, co1_surname="de Boer")
        await pilot.press("ctrl+s")
        await settle(pilot)
        saved = app.workspace.data.tenant(tenant.id)
        assert [c.display_name for c in saved.co_tenants] == ["P. de Boer"]
        assert isinstance(app.screen, TenantFileScreen) or app.screen is not form


async def test_a_letter_on_the_wrong_tenant_is_moved(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await _open_records(pilot, "H-1005")
        data = app.workspace.data
        wrong = data.tenant(tenant_id(app, "H-1005"))
        right = data.tenant(tenant_id(app, "H-1004"))
        letter = next(e for e in wrong.events if e.kind == EventKind.AANMANING)
        screen.query_one("#file-records", RecordTable).move_cursor_to(letter.id)
        await pilot.click("#correct")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#what", Select).value = MOVE
        await pilot.pause()
        assert dialog.query_one("#move-fields").display
        assert not dialog.query_one("#correct-fields").display
        fill(dialog, move_to="H-9999", reason="Bij de verkeerde huurder vastgelegd")
        await pilot.click("#confirm")
        await settle(pilot)
        assert isinstance(app.screen, CorrectionDialog)
        assert "Geen andere huurder gevonden" in text(app.screen, "#record-summary")
        fill(app.screen, move_to="H-1004")
        await pilot.click("#confirm")
        await settle(pilot)
        assert app.screen is screen
        assert letter not in wrong.events and wrong.corrections[-1].status_label == "verplaatst"
        moved = next(e for e in right.events if e.id == wrong.corrections[-1].replacement_id)
        assert (moved.kind, moved.on) == (letter.kind, letter.on)
        assert data.audit[-2].action == "correction.move"
