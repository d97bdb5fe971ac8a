"""README "Betrouwbaarheid en veiligheid", promise 16. Issue 13.5: one upload file per meldpunt. RIS
Matching rows in one file, BKR VPS rows in another
(its own profile, the werkinstructie's columns until BKR's template is known, named so in the file
name and on the screen); website rows go to the entry card. Confirming an upload records signals
only for that file's rows. (Werkinstructie stap 1: the municipality chooses the meldpunt.)"""

from __future__ import annotations

from openpyxl import load_workbook
from signals_helpers import SIZE, TODAY, open_melden, settle

from lcv_tui.domain.models import EventKind, Meldpunt, Route, VaultData, new_id
from lcv_tui.domain.sharing import select_signals
from lcv_tui.exports.profiles import BKR_VPS_2021, RIS_2021, upload_profile
from lcv_tui.tui.screens.dialogs import ChoiceScreen, DateQuestionScreen
from lcv_tui.tui.screens.signals import SaveFileDialog


def add_amersfoort_twin(data: VaultData) -> str:
    """A copy of the demo's ready tenant (Utrecht, RIS Matching) living in Amersfoort (BKR VPS)."""
    ready = next(t for t in data.tenants if t.surname == "IJzerman")
    twin = ready.model_copy(deep=True)
    twin.id, twin.klantnummer, twin.surname = new_id(), "H-9001", "Amersfoorter"
    twin.gemeente, twin.town, twin.postcode = "Amersfoort", "Amersfoort", "3811 AA"
    data.tenants.append(twin)
    return twin.id


def test_the_selection_splits_the_upload_rows_per_meldpunt(demo_vault):
    from lcv_testing import demo_data

    data = demo_data()
    add_amersfoort_twin(data)
    selection = select_signals(data, TODAY)
    assert selection.upload_meldpunten == [Meldpunt.RIS_MATCHING, Meldpunt.BKR_VPS]
    assert [r.achternaam for r in selection.upload_records_for(Meldpunt.RIS_MATCHING)] == [
        "IJzerman"
    ]
    assert [r.achternaam for r in selection.upload_records_for(Meldpunt.BKR_VPS)] == [
        "Amersfoorter"
    ]
    assert upload_profile("bkr_vps") is BKR_VPS_2021 and upload_profile("ris_matching") is RIS_2021
    assert BKR_VPS_2021.labels() == RIS_2021.labels() and "BKR VPS" in BKR_VPS_2021.name


async def test_the_bkr_file_holds_only_bkr_rows_and_confirming_records_only_those(
    signals_app, demo_vault, locations
):
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        twin = add_amersfoort_twin(app.workspace.data)
        await open_melden(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen

        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceScreen)
        assert "Elk meldpunt krijgt een eigen bestand" in app.screen.question
        await pilot.click("#choice-bkr_vps")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SaveFileDialog) and "VPS (BKR)" in dialog.title_text
        path = locations.export_dir / "signalen-bkr-vps-2026-11-23.xlsx"
        assert dialog.query_one("#path").value == str(path)
        await pilot.click("#save")
        await settle(pilot)
        assert app.screen is screen

        rows = [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]
        assert rows[0] == list(BKR_VPS_2021.labels())
        assert [row[0] for row in rows[1:]] == ["Amersfoorter"]

        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, DateQuestionScreen) and "VPS (BKR)" in app.screen.question
        await pilot.click("#yes")
        await settle(pilot)
        data = app.workspace.data
        signalled = [
            t.surname
            for t in data.tenants
            if any(e.kind == EventKind.SIGNAAL for e in t.events if e.on == TODAY)
        ]
        assert signalled == ["Amersfoorter"]
        event = data.tenant(twin).events[-1]
        assert event.route == Route.UPLOAD
        # Issue 13.7: what was shared and the file uploaded, for the dossier.
        import hashlib

        assert event.upload_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert event.shared_fields == [
            "Achternaam",
            "Voorletters",
            "Huisnummer",
            "Postcode",
            "Telefoonnummer",
            "Aantal maanden achterstand",
            "Bedrag achterstand",
        ]
        from lcv_tui.domain.dossier import build_dossier

        exhibit = build_dossier(data, twin, TODAY).text
        assert f"Uploadbestand: SHA-256 {event.upload_sha256}." in exhibit
        assert "Gedeeld (kolommen die gevuld waren): Achternaam, Voorletters" in exhibit

        # The RIS Matching file follows with u again, now without a question: one meldpunt is left.
        await pilot.press("u")
        await pilot.pause()
        assert isinstance(app.screen, SaveFileDialog)
        assert app.screen.query_one("#path").value.endswith("signalen-ris-matching-2026-11-23.xlsx")
        await pilot.click("#cancel")
        await pilot.pause()
