"""Issue 15.1: typing a name into a list with a filter only filters.

Every demo tenant's name (surname and initials, as a landlord would type them to find someone) is
typed into every list that has a filter (one case per list and half of the names). Nothing else
may happen: no dialog or screen opens, the data and the audit log stay as they were, and the tenant
is found.
"""

from __future__ import annotations

import pytest
from lcv_testing import demo_data
from tui_helpers import settle

from lcv_tui.tui.screens.agenda import AgendaScreen
from lcv_tui.tui.screens.tenants import TenantListScreen
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.record_table import RecordTable

FILTERABLE = (
    ("agenda", AgendaScreen, "#filter", "#agenda"),
    ("huurders", TenantListScreen, "#filter", "#tenants"),
)
"""Every section with a filter box: (mode, screen class, filter id, table id)."""


def _tenant_of(row_key: str) -> str:
    """The tenant a row is about: the tenant list's keys are tenant ids, the agenda's ``id:index``."""
    return row_key.partition(":")[0]


def _fingerprint(app) -> tuple[object, ...]:
    data = app.workspace.data
    return (
        data.model_dump_json(),
        len(data.audit),
        app.workspace.dirty,
    )


def _names(data) -> list[str]:
    """Each tenant's name as a landlord types it to find someone: surname and initials."""
    return [f"{t.surname} {t.initials}".strip() for t in data.tenants]


NAMES = _names(demo_data())
HALVES = (slice(0, len(NAMES) // 2), slice(len(NAMES) // 2, None))
"""The demo's names in two halves: one case per list and half, so the cases spread over the processes."""


def test_the_halves_hold_every_demo_name():
    assert len(NAMES) >= 8
    assert [name for half in HALVES for name in NAMES[half]] == NAMES


@pytest.mark.parametrize("half", range(len(HALVES)), ids=("first-half", "second-half"))
@pytest.mark.parametrize(
    ("mode", "screen_class", "filter_id", "table_id"), FILTERABLE, ids=[f[0] for f in FILTERABLE]
)
async def test_typing_every_demo_name_only_filters(
    new_app, mode, screen_class, filter_id, table_id, half
):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tenants = app.workspace.data.tenants
        assert (
            _names(app.workspace.data) == NAMES
        )  # the app opened the demo these cases were made from
        before = _fingerprint(app)
        await pilot.press(section(mode).key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, screen_class)
        table = screen.query_one(table_id, RecordTable)
        listed = {_tenant_of(r.key) for r in table.shown}
        assert listed, f"{mode} lists nobody"
        for tenant, name in zip(tenants[HALVES[half]], NAMES[HALVES[half]], strict=True):
            table.focus()
            await pilot.pause()
            stack = list(app.screen_stack)
            await pilot.press(*name)
            await settle(pilot)
            assert list(app.screen_stack) == stack, f"typing {name!r} opened a screen"
            assert app.screen is screen
            assert screen.query_one(filter_id).value == name
            shown = {_tenant_of(r.key) for r in table.shown}
            if tenant.id in listed:
                assert tenant.id in shown, f"{name!r} not found by typing it in {mode}"
            assert _fingerprint(app) == before, f"typing {name!r} changed the data"
            await pilot.press("escape")  # clears the filter
            await pilot.pause()
            assert screen.query_one(filter_id).value == ""
        assert _fingerprint(app) == before


async def test_a_tenant_with_evidence_is_not_deleted_but_offered_an_end_date(new_app):
    from lcv_tui.tui.screens.dialogs import ChoiceScreen
    from lcv_tui.tui.screens.tenant_form import TenantFormScreen

    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(section("huurders").key)
        await settle(pilot)
        before = _fingerprint(app)
        await pilot.press(*"dijkstra", "delete")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceScreen)
        assert "kan niet worden verwijderd" in dialog.question and "betaling" in dialog.question
        await pilot.press("enter")  # "Einddatum invullen" has the focus
        await settle(pilot)
        form = app.screen
        assert isinstance(form, TenantFormScreen)
        assert form.focused.id == "field-tenancy_end"
        assert _fingerprint(app) == before


async def test_the_agenda_says_when_a_search_finds_nothing_and_escape_brings_the_list_back(new_app):
    app = new_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await pilot.press(section("agenda").key)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, AgendaScreen)
        total = len(screen.table.shown)
        await pilot.press(*"zzzq")
        await settle(pilot)
        assert screen.table.shown == []
        assert "zoektekst" in screen.table.empty_text
        await pilot.press("escape")
        await settle(pilot)
        assert len(screen.table.shown) == total
        assert screen.query_one("#filter").value == ""
