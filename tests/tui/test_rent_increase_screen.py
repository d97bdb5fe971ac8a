"""Pilot tests: the yearly rent increase from the command palette, with its preview (issue 12.2)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcv_testing import wait_until
from textual.command import CommandList
from tui_helpers import SIZE, fill, settle, unlock

from lcv_tui.domain import ledger
from lcv_tui.tui.screens.rent_increase import RentIncreaseScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.widgets.form import FormField
from lcv_tui.tui.widgets.record_table import RecordTable


def _highlighted(app) -> str:
    """The palette's highlighted command ("" while its search has found nothing)."""
    results = app.screen.query(CommandList)
    if not results or results.first().highlighted is None:
        return ""
    command_list = results.first()
    return str(command_list.get_option_at_index(command_list.highlighted).prompt)


async def _open_from_palette(pilot) -> RentIncreaseScreen:
    app = pilot.app
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*"Huurverhoging")
    await wait_until(pilot, lambda: "Huurverhoging" in _highlighted(app), "the palette's match")
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, RentIncreaseScreen)
    return app.screen


async def test_rent_increase_preview_then_record(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Huurverhoging" in titles
        screen = await _open_from_palette(pilot)
        apply = screen.query_one("#rent-apply")
        assert apply.disabled  # nothing can be recorded before the preview
        assert screen.query_one("#field-on").value == "01-07-2027"
        tenants = app.workspace.data.tenants
        assert len(screen.tenant_list.selected) == len(tenants)
        # Nothing chosen: a Dutch message, no preview.
        await pilot.click("#rent-preview-button")
        await pilot.pause()
        assert "percentage of een bedrag" in screen.query_one("#ff-percent", FormField).error
        # Only two tenants, 3 %.
        await pilot.click("#rent-none")
        await pilot.pause()
        screen.tenant_list.select(tenants[0].id)
        screen.tenant_list.select(tenants[1].id)
        fill(screen, percent="3", note="Huurverhoging 2027")
        await pilot.pause()
        await pilot.click("#rent-preview-button")
        await pilot.pause()
        rows = screen.query_one("#rent-preview", RecordTable).shown
        assert [r.cells[1:3] for r in rows] == [
            ("€ 850,00", "€ 875,50"),
            ("€ 851,00", "€ 876,53"),
        ]
        assert not apply.disabled
        # A change after the preview makes it stale.
        fill(screen, percent="4")
        await pilot.pause()
        assert apply.disabled
        # The button was clicked above; here the preview is asked directly, since under load a
        # click could land while the layout still moved and miss it.
        screen.action_preview()
        await settle(pilot)
        assert not apply.disabled  # the new preview is shown before "Vastleggen" is clicked
        await pilot.click("#rent-apply")
        await settle(pilot)
        assert isinstance(app.screen, TenantListScreen)
        first, second, third = app.workspace.data.tenants[:3]
        on = dt.date(2027, 7, 1)
        assert ledger.rent_in_force(first, on) == Decimal("884.00")
        assert ledger.rent_in_force(second, on) == Decimal("885.04")
        assert third.rent_changes == [] and first.rent == Decimal("850.00")
        assert first.rent_changes[0].note == "Huurverhoging 2027"
        assert app.workspace.data.audit[-1].action == "rent.increase"
        assert not app.workspace.dirty


async def test_rent_increase_at_80x24_and_back(new_app, vault):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await unlock(pilot)
        screen = await _open_from_palette(pilot)
        fill(screen, amount="25,00", on="1-1-2026")
        await pilot.pause()
        await pilot.click("#rent-all")
        await pilot.click("#rent-preview-button")
        await pilot.pause()
        assert len(screen.query_one("#rent-preview", RecordTable).shown) == len(
            app.workspace.data.tenants
        )
        await pilot.click("#cancel")
        await pilot.pause()
        await pilot.press("j")  # discard the unsaved choices
        await pilot.pause()
        assert not isinstance(app.screen, RentIncreaseScreen)
        assert all(t.rent_changes == [] for t in app.workspace.data.tenants)


def test_the_tenant_file_shows_the_rent_in_force():
    from lcv_tui.domain.models import RentChange, Tenant
    from lcv_tui.tui.screens.tenant_file import contact_text

    tenant = Tenant(
        surname="Smit",
        house_number=1,
        postcode="3511 AB",
        gemeente="Utrecht",
        rent=Decimal("800.00"),
        tenancy_start=dt.date(2025, 1, 1),
        paid_through=dt.date(2025, 12, 31),
        rent_changes=[
            RentChange(on=dt.date(2026, 7, 1), amount=Decimal("830.00")),
            RentChange(on=dt.date(2027, 7, 1), amount=Decimal("860.00")),
        ],
    )
    text = contact_text(tenant, None, dt.date(2026, 11, 23))
    assert "€ 830,00 sinds 01-07-2026; € 860,00 vanaf 01-07-2027, vervaldag de 1e" in text
    assert "Betaald t/m:" in text and "31-12-2025" in text
    before = contact_text(tenant, None, dt.date(2026, 1, 5))
    assert "€ 800,00; € 830,00 vanaf 01-07-2026, vervaldag de 1e" in before


async def test_the_tenant_list_shows_the_new_rent_in_force(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        screen = await _open_from_palette(pilot)
        fill(screen, on="1-7-2026", amount="10,00")  # in force today (2026-11-23)
        await pilot.pause()
        await pilot.click("#rent-preview-button")
        await settle(pilot)
        assert not screen.query_one("#rent-apply").disabled  # preview shown before "Vastleggen"
        await pilot.click("#rent-apply")
        await settle(pilot)
        assert isinstance(app.screen, TenantListScreen)
        rents = {r.cells[0]: r.cells[4] for r in app.screen.query_one(RecordTable).shown}
        assert rents["Jansen, A."] == "€ 860,00"
