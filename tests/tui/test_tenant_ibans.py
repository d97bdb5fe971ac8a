"""The tenant form's "IBAN(s) van de betaler": checked, stored compact, shown grouped."""

from __future__ import annotations

from tui_helpers import SIZE, fill, to_section, unlock

from lcv_tui.tui.screens.tenant_form import TenantFormScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.widgets.form import FormField


async def test_tenant_form_takes_paying_ibans(new_app, vault):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        await pilot.press("enter")  # edit the highlighted tenant
        await pilot.pause()
        form = app.screen
        assert isinstance(form, TenantFormScreen)
        tenant = form.tenant
        assert form.query_one("#field-ibans").value == ""

        fill(form, ibans="NL91 ABNA 0417 1643 01")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert (
            "Dit IBAN klopt niet: controleer NL91 ABNA 0417 1643 01"
            in form.query_one("#ff-ibans", FormField).error
        )
        assert app.workspace.data.tenant(tenant.id).ibans == []

        fill(form, ibans=" nl91abna0417164300 ; NL62 DEMO 0100 0010 01, nl91abna0417164300")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, TenantListScreen)
        assert app.workspace.data.tenant(tenant.id).ibans == [
            "NL91ABNA0417164300",
            "NL62DEMO0100001001",
        ]
        assert not app.workspace.dirty

        await pilot.press("enter")
        await pilot.pause()
        assert (
            app.screen.query_one("#field-ibans").value
            == "NL91 ABNA 0417 1643 00, NL62 DEMO 0100 0010 01"
        )
