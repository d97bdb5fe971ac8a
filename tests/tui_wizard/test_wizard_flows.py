"""Pilot tests: the wizard walked end to end for the four ways a signal can end, and resuming."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from wizard_helpers import SIZE, SMALL, open_wizard_for, screen_text, settle, tenant_id

from lcv_tui.domain import rules
from lcv_tui.domain.actions import signal_verdict
from lcv_tui.domain.models import EventKind, Meldpunt, Route
from lcv_tui.tui.screens.dialogs import DateQuestionScreen
from lcv_tui.tui.screens.entry_card import EntryCardScreen
from lcv_tui.tui.screens.record_dialogs import ObjectionDialog
from lcv_tui.tui.screens.signals import SaveFileDialog
from lcv_tui.tui.screens.wizard import WizardScreen
from lcv_tui.tui.wizard.dialogs import AgreementDialog
from lcv_tui.tui.wizard.steps import State, WizardStep


def events(app, surname: str, kind: EventKind) -> list:
    tenant = app.workspace.data.tenant(tenant_id(app.workspace.data, surname))
    return [e for e in tenant.events if e.kind == kind]


async def test_objection_ends_the_wizard_at_step_4(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "de Vries")
        assert (
            wizard.current == WizardStep.BEZWAAR
        )  # the objection window is still open: that is where it stands
        assert "bezwaar maken" in screen_text(app)

        await pilot.press("z")
        await settle(pilot)
        assert isinstance(app.screen, ObjectionDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert app.screen is wizard
        assert len(events(app, "de Vries", EventKind.BEZWAAR)) == 1
        assert not app.workspace.dirty
        view = wizard.view.view(WizardStep.BEZWAAR)
        assert view.state == State.STOP
        text = screen_text(app)
        assert "de wizard stopt hier" in text
        assert "Het gewone incassotraject mag doorgaan" in text

        await pilot.press("v")  # there is no step 5 for this tenant
        await settle(pilot)
        assert wizard.current == WizardStep.BEZWAAR
        await pilot.press("7")
        await settle(pilot)
        assert wizard.current == WizardStep.BEZWAAR

        data = app.workspace.data
        verdict = signal_verdict(data, tenant_id(data, "de Vries"), app.clock.today())
        assert not verdict.allowed
        assert verdict.reason(rules.NO_OBJECTION).article == "LCV 2.2"
        assert not verdict.reason(rules.NO_OBJECTION).ok
        assert events(app, "de Vries", EventKind.SIGNAAL) == []


async def test_no_agreement_blocks_until_a_website_agreement_is_recorded(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "Bos")
        assert wizard.current == WizardStep.GEMEENTE
        text = screen_text(app)
        assert "! nog nodig" in text
        assert "Er is geen overeenkomst met gemeente Zeist vastgelegd" in text
        assert "Achterstanden aanleveren" in text and "NVVK" in text

        await pilot.press("v")
        await settle(pilot)
        assert wizard.current == WizardStep.GEMEENTE

        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, AgreementDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert app.screen is wizard
        agreement = app.workspace.data.agreement_for("Zeist")
        assert agreement is not None and agreement.meldpunt == Meldpunt.WEBSITE
        assert not app.workspace.dirty
        assert wizard.view.view(WizardStep.GEMEENTE).state == State.DONE
        assert wizard.view.gate is None

        await pilot.press("v")
        await settle(pilot)
        assert wizard.current == WizardStep.CONTROLE
        assert events(app, "Bos", EventKind.SIGNAAL) == []


async def test_signal_delivered_through_the_website_entry_card(wizard_app, website_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "IJzerman")
        assert wizard.current == WizardStep.CONTROLE
        assert "Wordt gedeeld" in screen_text(app)
        audit_before = len(app.workspace.data.audit)

        await pilot.press("v")
        await settle(pilot)
        assert wizard.current == WizardStep.MELDEN
        assert "Melden mag vandaag" in screen_text(app)
        assert events(app, "IJzerman", EventKind.SIGNAAL) == []

        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, EntryCardScreen)
        await pilot.press("m")
        await settle(pilot)

        assert app.screen is wizard
        (signal,) = events(app, "IJzerman", EventKind.SIGNAAL)
        assert signal.route == Route.WEBSITE
        assert signal.on == app.clock.today()
        assert len(app.workspace.data.audit) > audit_before
        assert app.workspace.data.audit[-1].action == "event.signaal"
        assert not app.workspace.dirty
        assert wizard.view.view(WizardStep.MELDEN).state == State.DONE


async def test_signal_in_an_upload_file_is_recorded_only_after_confirmation(
    wizard_app, demo_vault, locations
):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "IJzerman")
        await pilot.press("7")
        await settle(pilot)
        assert wizard.current == WizardStep.MELDEN

        await pilot.press("u")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SaveFileDialog)
        target = Path(dialog.query_one("#path").value)
        assert target.parent == locations.export_dir
        await pilot.press("ctrl+s")
        await settle(pilot)

        assert app.screen is wizard
        assert wizard.pending_upload == target
        assert (
            events(app, "IJzerman", EventKind.SIGNAAL) == []
        )  # a file made is not a signal delivered
        sheet = load_workbook(target).active
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][0] == "Achternaam"
        assert len(rows) == 2
        assert rows[1][0] == "IJzerman"
        assert "nog niet vastgelegd" in screen_text(app)

        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, DateQuestionScreen)
        await pilot.press("escape")  # not uploaded yet: nothing is recorded
        await settle(pilot)
        assert events(app, "IJzerman", EventKind.SIGNAAL) == []

        await pilot.press("g")
        await settle(pilot)
        await pilot.press("enter")  # "Ja, geüpload" on today's date
        await settle(pilot)
        (signal,) = events(app, "IJzerman", EventKind.SIGNAAL)
        assert signal.route == Route.UPLOAD
        assert wizard.pending_upload is None
        assert not app.workspace.dirty


async def test_leave_at_step_3_and_resume_there(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "IJzerman")
        assert (
            wizard.current == WizardStep.CONTROLE
        )  # first time: the first step that needs attention
        await pilot.press("3")
        await settle(pilot)
        assert wizard.current == WizardStep.BRIEVEN
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, WizardScreen)
        assert not app.workspace.dirty

    reopened = wizard_app()  # a new app on the same vault: the step was saved
    async with reopened.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "IJzerman")
        assert wizard.current == WizardStep.BRIEVEN
        assert "Stap 3 van 8 · Brieven" in screen_text(reopened)


async def test_small_terminal_hides_the_step_list_and_still_navigates(wizard_app, demo_vault):
    app = wizard_app()
    async with app.run_test(size=SMALL) as pilot:
        wizard = await open_wizard_for(pilot, "'t Hart")
        assert (
            not wizard.query_one("#wizard-steps").display
            or wizard.query_one("#wizard-steps").size.width == 0
        )
        assert wizard.current == WizardStep.BRIEVEN  # the herinnering is due
        await pilot.press("t")
        await settle(pilot)
        assert wizard.current == WizardStep.INCASSO
        await pilot.press("t")
        await settle(pilot)
        assert wizard.current == WizardStep.ACHTERSTAND
        assert "Nog te vroeg om te melden" in screen_text(app)
        assert "Wacht tot" in screen_text(app)


async def test_letter_made_then_sent_and_contact_recorded(wizard_app, demo_vault, locations):
    from lcv_tui.tui.screens.record_dialogs import LetterDialog, LetterSentDialog, StepDialog

    app = wizard_app()
    async with app.run_test(size=SIZE) as pilot:
        wizard = await open_wizard_for(pilot, "'t Hart")
        assert wizard.current == WizardStep.BRIEVEN
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(app.screen, LetterDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is wizard
        assert wizard.made_letter is not None and wizard.made_letter.kind == EventKind.HERINNERING
        assert all(
            path.exists() and path.parent == locations.letter_dir
            for path in wizard.made_letter.paths
        )
        assert events(app, "'t Hart", EventKind.HERINNERING) == []  # made, not sent
        made_text = wizard.made_letter.text

        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, LetterSentDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (sent,) = events(app, "'t Hart", EventKind.HERINNERING)
        assert sent.letter_text == made_text  # the evidence is the letter that was made
        assert wizard.made_letter is None

        await pilot.press("2")
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, StepDialog)
        await pilot.press("ctrl+s")
        await settle(pilot)
        (contact,) = events(app, "'t Hart", EventKind.PERSOONLIJK_CONTACT)
        assert contact.channel is not None
        assert not app.workspace.dirty
