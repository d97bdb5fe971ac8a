"""Two snapshots guard the look of Melden and the entry card (update with --snapshot-update)."""

from __future__ import annotations

from signals_helpers import SIZE, open_melden, settle


def test_melden_screen(snap_compare, signals_app, demo_vault):
    async def ready(pilot):
        await open_melden(pilot)

    assert snap_compare(signals_app(), terminal_size=SIZE, run_before=ready)


def test_entry_card(snap_compare, signals_app, website_vault):
    async def card(pilot):
        await open_melden(pilot)
        await pilot.press("k")
        await settle(pilot)

    assert snap_compare(signals_app(), terminal_size=SIZE, run_before=card)
