"""The footer stays put while typing in the tenant list, and the first letter filters at once."""

from __future__ import annotations

from textual import events
from textual.widgets import Input
from tui_helpers import SIZE, to_section, unlock

from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.record_table import RecordTable


def _descriptions(app) -> list[str]:
    return [key.description for key in app.screen.query("FooterKey")]


async def test_typing_a_search_keeps_the_focus_and_the_footer(new_app, vault):
    app = new_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        table = app.screen.query_one(RecordTable)
        footer = app.screen.query_one(KeyFooter)
        rebuilds = []
        original = footer.recompose

        async def counted() -> None:
            rebuilds.append(1)
            await original()

        footer.recompose = counted  # type: ignore[method-assign]
        keys = _descriptions(app)
        assert "Verwijderen" in keys and "Nieuw" in keys
        await pilot.press(*"utr")
        await pilot.pause()
        assert app.screen.focused is table
        assert app.screen.query_one("#filter", Input).value == "utr"
        assert rebuilds == [] and _descriptions(app) == keys
        await pilot.press("backspace")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "ut"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#filter", Input).value == "" and len(table.shown) == 8


async def test_the_first_letter_typed_in_the_tenant_list_filters_at_once(new_app, vault):
    """Type-to-filter narrows the table in the key's own handler, before the Input's Changed message."""
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await to_section(pilot, "huurders")
        table = app.screen.query_one(RecordTable)
        table.focus()
        await pilot.pause()
        assert len(table.shown) == 8
        app.screen.on_key(events.Key("u", "u"))  # the handler itself, no message processed after it
        assert app.screen.query_one("#filter", Input).value == "u"
        assert len(table.shown) == 4  # the Utrecht tenants: already narrowed
