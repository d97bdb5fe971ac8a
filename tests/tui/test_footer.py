"""The key footer rebuilds only when the keys it shows change, and then shows the right ones."""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Input
from tui_helpers import SIZE, to_section, unlock

from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.record_table import RecordTable


class _FooterApp(App[None]):
    BINDINGS = [Binding("n", "new", "Nieuw"), Binding("x", "other", "Ander")]

    def compose(self) -> ComposeResult:
        yield Button("een", id="one")
        yield Button("twee", id="two")
        yield Input(id="box")
        yield KeyFooter()

    def action_new(self) -> None: ...
    def action_other(self) -> None: ...


def _descriptions(app: App[None]) -> list[str]:
    return [key.description for key in app.query("FooterKey")]


async def test_focus_moves_that_keep_the_keys_do_not_rebuild_the_footer():
    app = _FooterApp()
    async with app.run_test(size=SIZE) as pilot:
        footer = app.query_one(KeyFooter)
        rebuilds = []
        original = footer.recompose

        async def counted() -> None:
            rebuilds.append(1)
            await original()

        footer.recompose = counted  # type: ignore[method-assign]
        app.query_one("#one").focus()
        await pilot.pause()
        before = len(rebuilds)
        assert "Nieuw" in _descriptions(app)
        app.query_one("#two").focus()  # same keys shown
        await pilot.pause()
        assert len(rebuilds) == before
        app.query_one("#box").focus()  # an input takes the letters: their keys leave the footer
        await pilot.pause()
        await pilot.pause()
        assert len(rebuilds) == before + 1
        assert "Nieuw" not in _descriptions(app) and "Ander" not in _descriptions(app)
        app.query_one("#one").focus()
        await pilot.pause()
        await pilot.pause()
        assert len(rebuilds) == before + 2 and "Nieuw" in _descriptions(app)


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
