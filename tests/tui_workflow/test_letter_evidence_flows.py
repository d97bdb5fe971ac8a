"""README "Betrouwbaarheid en veiligheid", promises 13 and 15 in the app. Issue 13.1 and 12.5: the
letter recorded keeps the PDF sent, and an odd record asks first."""

from __future__ import annotations

import hashlib

from workflow_helpers import SIZE, fill, open_file, settle

from lcv_tui.domain.models import Channel, EventKind
from lcv_tui.store import documents
from lcv_tui.tui.screens.dialogs import ConfirmScreen
from lcv_tui.tui.screens.record_dialogs import LetterSentDialog
from lcv_tui.tui.screens.tenant_file import TenantFileScreen


async def write_herinnering(pilot) -> None:
    await pilot.press("w")
    await pilot.pause()
    await pilot.press("ctrl+s")  # the letter dialog
    await pilot.pause()
    await pilot.press("ctrl+s")  # the preview: save
    await settle(pilot)
    assert isinstance(pilot.app.screen, LetterSentDialog)


async def test_another_channel_asks_first_then_keeps_the_pdf_sent_and_the_proof(new_app, locations):
    """Issue 13.1: a channel other than the letter's gets a warning and "Weet u het zeker?"; "Nee" goes
    back and records nothing; "Ja" records the letter with the SHA-256 of the PDF written, which the
    document store gives back byte for byte, and the proof of dispatch."""
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1003")
        events_before = len(app.workspace.data.tenant(screen.tenant_id).events)
        await write_herinnering(pilot)
        dialog = app.screen
        dialog.query_one("#channel").value = Channel.EMAIL.value
        fill(dialog, proof="<abc123@mail.example.nl>")

        await pilot.click("#confirm")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "per e-mail is verstuurd" in app.screen.question
        assert app.screen.question.endswith("Weet u het zeker?")
        await pilot.click("#no")
        await pilot.pause()
        assert app.screen is dialog
        assert len(app.workspace.data.tenant(screen.tenant_id).events) == events_before

        await pilot.click("#confirm")
        await pilot.pause()
        await pilot.click("#yes")
        await settle(pilot)
        assert isinstance(app.screen, TenantFileScreen)
        event = app.workspace.data.tenant(screen.tenant_id).events[-1]
        assert event.kind == EventKind.HERINNERING and event.channel == Channel.EMAIL
        assert event.letter_channel == Channel.POST and event.proof == "<abc123@mail.example.nl>"
        pdf = next(locations.letter_dir.glob("*.pdf")).read_bytes()
        assert event.document_sha256 == hashlib.sha256(pdf).hexdigest()
        assert documents.for_vault(app.workspace.vault).get(event.document_sha256) == pdf
        assert event.pay_by is not None and event.letter_date is not None


async def test_a_plain_recording_asks_nothing(new_app):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1003")
        await write_herinnering(pilot)
        await pilot.click("#confirm")
        await settle(pilot)
        assert app.screen is screen
        assert app.workspace.data.tenant(screen.tenant_id).events[-1].document_sha256


async def test_a_threatening_situation_is_recorded_from_the_step_dialog(new_app):
    """Issue 13.8: the step dialog records a threatening situation (werkinstructie stap 3) as a fact."""
    from lcv_tui.tui.screens.record_dialogs import StepDialog

    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1003")
        await pilot.press("s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, StepDialog)
        dialog.query_one("#kind").value = EventKind.DREIGENDE_HUISUITZETTING.value
        dialog.query_one("#channel").value = "geen"
        fill(dialog, note="Dagvaarding ontruiming ontvangen")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen, str(app.screen.query_one("#record-summary").content)
        event = app.workspace.data.tenant(screen.tenant_id).events[-1]
        assert event.kind == EventKind.DREIGENDE_HUISUITZETTING
        assert app.workspace.data.audit[-1].action == "event.dreigende_huisuitzetting"
