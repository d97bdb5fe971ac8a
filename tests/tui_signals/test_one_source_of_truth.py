"""Issue 15.3: a change anywhere shows in every screen at once, without a restart.

Tenants imported under Melden appear in the Huurders list and in the agenda, both of which were
already open (mounted) before the import.
"""

from __future__ import annotations

from signals_helpers import SIZE, open_melden, settle

from lcv_tui.tui.screens.agenda import AgendaScreen
from lcv_tui.tui.screens.imports import ImportMappingScreen, ImportPreviewScreen, ImportScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.record_table import RecordTable

CSV = (
    "Klantnummer;Achternaam;Voorletters;Straat;Huisnummer;Postcode;Woonplaats;Gemeente;Huur;Ingangsdatum\r\n"
    "N-1;Peeters;A.;Vinkenstraat;4;3514 AA;Utrecht;Utrecht;800,00;01-01-2026\r\n"
    "N-2;Claes;C.;Vinkenstraat;8;3514 AA;Utrecht;Utrecht;820,00;01-01-2026\r\n"
)


def _names(screen, table_id: str) -> set[str]:
    """The surnames of the demo and imported tenants that a row of the table shows."""
    rows = [" ".join(r.cells) for r in screen.query_one(table_id, RecordTable).shown]
    return {
        t.surname
        for t in screen.app.workspace.data.tenants
        if any(t.surname in row for row in rows)
    }


async def test_imported_tenants_show_in_the_tenant_list_and_the_agenda(
    signals_app, demo_vault, tmp_path
):
    source = tmp_path / "huurders.csv"
    source.write_text(CSV, encoding="utf-8")
    app = signals_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        tenants = app.screen
        assert isinstance(tenants, TenantListScreen)
        count = tenants.query_one("#tenants", RecordTable).total
        assert "Peeters" not in _names(tenants, "#tenants")

        await open_melden(pilot)
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        screen.query_one("#import-path").value = str(source)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ImportMappingScreen)
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ImportPreviewScreen)
        await pilot.click("#import-all")
        await settle(pilot)
        assert len(app.workspace.data.tenants) == count + 2

        await pilot.press(section("huurders").key)
        await settle(pilot)
        assert app.screen is tenants
        assert tenants.query_one("#tenants", RecordTable).total == count + 2
        assert {"Peeters", "Claes"} <= _names(tenants, "#tenants")

        await pilot.press(section("agenda").key)
        await settle(pilot)
        assert app.screen is agenda
        assert {"Peeters", "Claes"} <= _names(agenda, "#agenda")
