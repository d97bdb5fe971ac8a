"""Pilot tests: an existing tenant entered with 'Betaald t/m' and an opening arrears amount (issue 12.1)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tui_helpers import SIZE, fill, to_section, unlock

from lcv_tui.domain import ledger
from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.widgets.form import FormField

TENANT = {
    "surname": "Zwaneveld",
    "initials": "H.",
    "street": "Dorpsstraat",
    "house_number": "40",
    "postcode": "3511 AB",
    "town": "Utrecht",
    "gemeente": "Utrecht",
    "rent": "900,00",
    "tenancy_start": "1-1-2024",
}
TODAY = dt.date(2026, 11, 23)


async def test_a_tenant_since_2024_paid_through_this_month_has_no_arrears(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        await pilot.press("ctrl+n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TenantFormScreen)
        fill(form, **TENANT, paid_through="30-11-2026", opening_arrears="250,00")
        await pilot.press("ctrl+s")
        await pilot.pause()
        # An amount without its date is refused under the date field, in Dutch; nothing is saved.
        assert app.screen is form
        assert "Openstaand sinds" in form.query_one("#ff-opening_arrears_due", FormField).error
        fill(form, opening_arrears_due="1-12-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "ligt na 'Betaald t/m'" in form.query_one("#ff-opening_arrears_due", FormField).error
        fill(form, opening_arrears="", opening_arrears_due="")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TenantListScreen)
        tenant = next(t for t in app.workspace.data.tenants if t.surname == "Zwaneveld")
        assert tenant.paid_through == dt.date(2026, 11, 30)
        assert ledger.arrears(tenant, TODAY).amount == Decimal("0.00")


async def test_opening_arrears_are_saved_and_shown_again(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        await pilot.press("ctrl+n")
        await pilot.pause()
        fill(
            app.screen,
            **TENANT,
            paid_through="31-10-2026",
            opening_arrears="250,00",
            opening_arrears_due="1-10-2026",
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TenantListScreen)
        tenant = next(t for t in app.workspace.data.tenants if t.surname == "Zwaneveld")
        position = ledger.arrears(tenant, TODAY)
        assert position.amount == Decimal("1150.00")  # the opening amount and November's rent
        assert position.oldest_due == dt.date(2026, 10, 1)
        form = TenantFormScreen(tenant)
        app.push_screen(form)
        await pilot.pause()
        assert form.query_one("#field-opening_arrears").value == "250,00"
        assert form.query_one("#field-opening_arrears_due").value == "01-10-2026"
        assert form.query_one("#field-paid_through").value == "31-10-2026"
