"""The tenant list at 10,000 tenants: one keystroke in the filter until the table is redrawn.

Drives the real app (``make_app``) in ``run_test``: unlock, wait for the tenant list, then type
characters. A keystroke counts as done when the table's row count has changed *and* the table
has drawn a line after that (its ``render_line`` ran). The baseline is a bare Textual app with an
``Input`` and a ``DataTable`` holding the same rows, whose ``Input.Changed`` handler fills the
table directly (``clear`` + ``add_rows`` of the matching rows), timed the same way.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path

GOAL_S = 0.050
SIZE = (120, 36)
# Each step: keys to press, from an empty filter. Narrowing keystrokes and the first one (which
# moves the focus from the table to the filter) are both timed; "escape" clears between words.
WORDS = (
    "ja",
    "ut",
    "va",
    "ke",
    "br",
    "bo",
    "ma",
)  # every printable key filters (issue 15.1); each of these narrows the list


async def open_tenant_list(app) -> None:
    """Wait for the unlock and the home section, then open the tenant list until it is filled."""
    from lcv_tui.tui.screens.base import SectionScreen
    from lcv_tui.tui.screens.tenants import TenantListScreen
    from lcv_tui.tui.widgets.record_table import RecordTable

    while app.workspace is None or not isinstance(app.screen, SectionScreen):
        await asyncio.sleep(0.002)
    app.action_show_section("huurders")
    while not (
        isinstance(app.screen, TenantListScreen)
        and app.screen.query(RecordTable)
        and app.screen.query_one(RecordTable).total
    ):
        await asyncio.sleep(0.002)


class _Painted:
    """Wraps a widget's ``render_line`` to note when it last drew."""

    def __init__(self, widget) -> None:
        self.last = 0.0
        original = widget.render_line

        def render_line(y):
            self.last = time.perf_counter()
            return original(y)

        widget.render_line = render_line


async def _time_key(
    pilot,
    key: str,
    count,
    painted: _Painted,
    timeout: float = 30.0,
) -> float | None:
    """Seconds from pressing ``key`` until the row count changed and the table drew; None if it did not change."""
    before = count()
    start = time.perf_counter()
    await pilot.press(key)
    while True:
        if count() != before and painted.last > start:
            return painted.last - start if painted.last > start else time.perf_counter() - start
        if time.perf_counter() - start > timeout:
            return None
        await asyncio.sleep(0.0005)


async def _ours(locations, clock, passphrase: str) -> tuple[list[float], float]:
    from lcv_tui.tui.app import make_app
    from lcv_tui.tui.widgets.record_table import RecordTable

    app = make_app(locations, clock, passphrase=passphrase, animation_level="none")
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        start = time.perf_counter()
        await open_tenant_list(app)
        shown_after = time.perf_counter() - start
        await pilot.pause()
        table = app.screen.query_one(RecordTable)
        painted = _Painted(table)
        for word in WORDS:
            for key in word:
                elapsed = await _time_key(pilot, key, lambda: len(table.shown), painted)
                if elapsed is not None:
                    times.append(elapsed)
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("down")  # the focus stays on the table; this only moves the cursor
            await pilot.pause()
    return times, shown_after


async def _baseline(rows: list[tuple[str, ...]]) -> list[float]:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Input

    searchable = [(" ".join(row).casefold(), row) for row in rows]

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Input(id="filter")
            yield DataTable(id="table")

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("Naam", "Adres", "Postcode", "Gemeente", "Huur", "Status")
            table.add_rows(rows)
            self.query_one(Input).focus()

        def on_input_changed(self, event: Input.Changed) -> None:
            words = event.value.casefold().split()
            table = self.query_one(DataTable)
            table.clear()
            table.add_rows([row for text, row in searchable if all(w in text for w in words)])

    app = Bare()
    times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(DataTable)
        painted = _Painted(table)
        for word in WORDS:
            for key in word:
                elapsed = await _time_key(pilot, key, lambda: table.row_count, painted)
                if elapsed is not None:
                    times.append(elapsed)
            app.query_one(Input).value = ""
            await pilot.pause()
            while table.row_count != len(rows):
                await asyncio.sleep(0.01)
    return times


def run(count: int = 10_000):
    import tempfile

    from benchmarks import data as bench_data
    from benchmarks.store import PASSPHRASE, make_vault
    from benchmarks.timing import Result
    from lcv_tui.clock import FixedClock

    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        locations, data = make_vault(Path(tmp) / "data", count)
        ours, shown_after = asyncio.run(
            _ours(locations, FixedClock.on(bench_data.TODAY), PASSPHRASE)
        )
    from lcv_tui.tui.tenant_rows import tenant_records

    rows = [record.cells for record in tenant_records(data, bench_data.TODAY)]
    base = asyncio.run(_baseline(rows))
    ours_median, base_median = statistics.median(ours), statistics.median(base)
    return [
        Result(
            "filter keystroke → table redrawn",
            count,
            ours_median,
            base_median,
            goal=f"≤ {GOAL_S * 1000:.0f} ms",
            passed=ours_median <= GOAL_S,
            note=f"median of {len(ours)} keys, worst {max(ours) * 1000:.0f} ms; baseline: DataTable refilled directly",
        ),
        Result(
            "unlock → home → tenant list filled",
            count,
            shown_after,
            None,
            note="cheap KDF; decrypt, validate, agenda (home), then the status of every tenant",
        ),
    ]


if __name__ == "__main__":
    for result in run():
        print(result)
