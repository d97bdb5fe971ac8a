"""Pilot tests of the workflow screens on the demo data (2026-11-23): the agenda, the tenant file and
its dialogs, letters (single and batch) and the information text for tenants."""

from __future__ import annotations

from decimal import Decimal

from lcv_testing import assert_mode
from workflow_helpers import SIZE, fill, open_file, settle, tenant_id, text

from lcv_tui.domain.agenda import agenda
from lcv_tui.domain.case_terms import StepKey, StepStatus
from lcv_tui.domain.models import EventKind, FeedbackStatus
from lcv_tui.tui.screens.agenda import AgendaScreen
from lcv_tui.tui.screens.letters import WRITTEN, LettersScreen
from lcv_tui.tui.screens.record_dialogs import (
    FeedbackDialog,
    LetterDialog,
    LetterSentDialog,
    ObjectionDialog,
    PaymentDialog,
    TextPreviewScreen,
    WithdrawObjectionDialog,
)
from lcv_tui.tui.screens.tenant_file import TenantFileScreen
from lcv_tui.tui.screens.tenant_info import FILENAME, TenantInfoScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.record_table import RecordTable


async def test_agenda_is_home_grouped_by_urgency_and_enter_opens_the_tenant(new_app, today):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        expected = agenda(app.workspace.data, today)
        rows = screen.query_one("#agenda", RecordTable).shown
        assert [r.cells[3] for r in rows] == [item.action.label for item in expected]
        urgencies = [r.cells[0] for r in rows]
        assert urgencies[0] == "‼ Te laat" and urgencies[-1] == "→ Binnenkort"
        assert urgencies == sorted(urgencies, key=["‼ Te laat", "! Vandaag", "→ Binnenkort"].index)
        counts = text(screen, "#agenda-counts")
        assert counts.startswith(
            f"‼ Te laat: {urgencies.count('‼ Te laat')} · ! Vandaag: {urgencies.count('! Vandaag')}"
        )
        assert expected[0].text in text(screen, "#agenda-detail")

        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TenantFileScreen)
        assert app.screen.tenant_id == expected[0].tenant_id
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_payment_updates_ledger_and_agenda_and_is_saved(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        el_amrani = tenant_id(app, "H-1005")
        assert any(item.tenant_id == el_amrani for item in app.screen.items.values())
        screen = await open_file(pilot, "H-1005")
        assert "Achterstand € 535,00" in text(screen, "#file-arrears")
        payments = len(app.workspace.data.tenant(el_amrani).payments)

        await pilot.press("p")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PaymentDialog)
        fill(dialog, amount="vijf")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is dialog  # an inline message, nothing recorded
        assert "⚠" in str(dialog.query_one("#ff-amount .form-field--error").content)
        assert len(app.workspace.data.tenant(el_amrani).payments) == payments

        fill(dialog, amount="535,00", note="Overgemaakt")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert text(screen, "#file-arrears").startswith("✓ Geen achterstand")
        ledger_rows = screen.query_one("#file-ledger", RecordTable).shown
        assert ledger_rows[0].cells[1:] == ("Betaling: Overgemaakt", "", "€ 535,00", "€ 0,00")
        assert app.workspace.data.audit[-1].action == "payment.add"
        assert not app.workspace.dirty

        # A refusal by the domain (a date in the future) opens the dialog again with the reason.
        audit = len(app.workspace.data.audit)
        await pilot.press("c")
        await pilot.pause()
        fill(app.screen, on="1-12-2026", amount="40,00", note="Servicekosten")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert [a.amount for a in app.workspace.data.tenant(el_amrani).adjustments] == [
            Decimal("40.00")
        ]
        assert app.workspace.data.audit[-1].action == "adjustment.add"
        await pilot.press("p")
        await pilot.pause()
        fill(app.screen, on="1-12-2026", amount="100")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, PaymentDialog)
        assert "ligt in de toekomst" in text(dialog, "#record-summary")
        assert dialog.query_one("#field-amount").value == "100"
        assert len(app.workspace.data.audit) == audit + 1
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen

        await pilot.press("escape")
        await settle(pilot)
        assert not any(item.tenant_id == el_amrani for item in app.screen.items.values())


async def test_objection_blocks_the_signal_and_withdrawing_it_allows_it_again(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1008")
        assert text(screen, "#file-verdict").startswith("✓ Melden toegestaan")

        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ObjectionDialog)
        fill(app.screen, note="E-mail op het bezwaaradres")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert "✗ Bezwaar — niet melden" in text(screen, "#file-status")
        verdict = text(screen, "#file-verdict")
        assert verdict.startswith("✗ Melden niet toegestaan") and "(LCV 2.2)" in verdict
        assert "✗ niet voldaan  LCV 2.2" in text(screen, "#file-verdict-reasons")
        assert app.workspace.data.audit[-1].action == "event.bezwaar"

        await pilot.press("b")  # the same key now withdraws the objection
        await pilot.pause()
        assert isinstance(app.screen, WithdrawObjectionDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert text(screen, "#file-verdict").startswith("✓ Melden toegestaan")
        assert app.workspace.data.audit[-1].action == "event.bezwaar_ingetrokken"


async def test_feedback_help_accepted_shows_the_suspension_and_what_to_do(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1009")
        assert not screen.query_one("#file-suspension").display
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FeedbackDialog)
        assert str(dialog.query_one("#status").value) == FeedbackStatus.HULP_GEACCEPTEERD.value
        await pilot.press("ctrl+s")
        await settle(pilot)
        suspension = text(screen, "#file-suspension")
        assert screen.query_one("#file-suspension").display
        assert "opgeschort tot en met 23-12-2026" in suspension
        for article in ("LCV 4.2 a", "LCV 4.2 b", "LCV 4.2 c"):
            assert article in suspension
        assert "Incasso opgeschort tot 23-12-2026" in text(screen, "#file-status")


async def test_letter_written_then_recorded_as_sent(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1003")
        assert screen.case.step(StepKey.HERINNERING).status == StepStatus.OVERDUE
        audit_before = len(app.workspace.data.audit)

        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LetterDialog)
        assert str(app.screen.query_one("#kind").value) == EventKind.HERINNERING.value
        await pilot.press("ctrl+s")
        await pilot.pause()
        preview = app.screen
        assert isinstance(preview, TextPreviewScreen)
        assert "Herinnering betaling huur" in preview.body
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LetterSentDialog)
        names = sorted(p.name for p in locations.letter_dir.iterdir())
        assert names == ["2026-11-23_herinnering_t-hart.pdf", "2026-11-23_herinnering_t-hart.txt"]
        assert len(app.workspace.data.audit) == audit_before  # writing changed nothing

        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert screen.case.step(StepKey.HERINNERING).status == StepStatus.DONE
        assert "✓ Herinnering — gedaan op 23-11-2026" in text(screen, "#file-timeline")
        assert len(app.workspace.data.audit) == audit_before + 1
        assert app.workspace.data.audit[-1].action == "event.herinnering"
        event = app.workspace.data.tenant(screen.tenant_id).events[-1]
        assert (
            event.kind == EventKind.HERINNERING
            and event.letter_text
            and "Herinnering" in event.letter_text
        )


async def test_letter_written_without_recording_changes_nothing(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await open_file(pilot, "H-1003")
        before = app.workspace.data.model_dump_json()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, LetterSentDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, TenantFileScreen)
        assert len(list(locations.letter_dir.iterdir())) == 2
        assert app.workspace.data.model_dump_json() == before
        assert not app.workspace.dirty

        # LCV 2.1 b: personal contact, with how.
        screen = app.screen
        await pilot.press("s")
        await pilot.pause()
        fill(app.screen, note="Gebeld, voicemail")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.case.step(StepKey.PERSOONLIJK_CONTACT).status == StepStatus.DONE
        assert app.workspace.data.audit[-1].action == "event.persoonlijk_contact"


async def test_letters_of_today_in_a_worker_then_all_recorded(new_app, locations, today):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, LettersScreen)
        rows = screen.query_one("#letters", RecordTable).shown
        assert [(r.cells[0], r.cells[2]) for r in rows] == [("M. 't Hart", "Herinnering")]

        await pilot.press("w")
        await settle(pilot)
        bar = screen.query_one("#letters-progress")
        assert (bar.progress, bar.total) == (1, 1)
        assert rows[0].key in screen._unrecorded() and screen.status[rows[0].key] == WRITTEN
        assert len(list(locations.letter_dir.iterdir())) == 2

        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, LetterSentDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert screen.status[rows[0].key].startswith("✓ Verstuurd 23-11-2026 per post")
        assert app.workspace.data.audit[-1].action == "event.herinnering"
        await pilot.press("escape")
        await settle(pilot)
        assert not any(i.action.value == "herinnering" for i in agenda(app.workspace.data, today))


async def test_tenant_list_opens_the_file_with_ctrl_o(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        assert isinstance(app.screen, TenantListScreen)
        key = app.screen.query_one("#tenants", RecordTable).current_key
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert isinstance(app.screen, TenantFileScreen)
        assert app.screen.tenant_id == key
        assert "Naam:" in text(app.screen, "#file-contact")


async def test_tenant_information_text_copy_and_save(new_app, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+u")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TenantInfoScreen)
        assert "Verhuur Kromme Rijn B.V. wil voorkomen" in screen.text
        await pilot.press("c")
        assert app.clipboard == screen.text
        await pilot.press("s")
        await settle(pilot)
        saved = locations.letter_dir / FILENAME
        assert saved.read_text(encoding="utf-8") == screen.text
        assert_mode(saved, 0o600)
