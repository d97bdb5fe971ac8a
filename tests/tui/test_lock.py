"""The app holds the vault's lock while it is open and lets go when it closes; a vault open elsewhere
is refused on the unlock screen with a Dutch message, and the user can try again."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tui_helpers import SIZE, unlock

from lcv_tui.store import lock as vault_lock
from lcv_tui.tui.screens.unlock import UnlockScreen

ROOT = Path(__file__).resolve().parents[2]
HOLD = """
import sys, time
from pathlib import Path
from lcv_tui.paths import Locations
from lcv_tui.store import lock
lock.acquire(Locations(Path(sys.argv[1])))
print("HELD", flush=True)
time.sleep(60)
"""


async def test_the_app_holds_the_lock_until_it_closes(new_app, vault, locations):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert app.workspace is not None and vault_lock.held_here(locations)
    assert not vault_lock.held_here(locations)


async def test_a_vault_open_in_another_process_is_refused_until_it_closes(
    new_app, vault, locations
):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(locations.data_dir)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    app = new_app()
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "HELD"
        async with app.run_test(size=SIZE) as pilot:
            await unlock(pilot)
            assert isinstance(app.screen, UnlockScreen) and app.workspace is None
            assert "al geopend in een ander venster" in str(
                app.screen.query_one("#unlock-message").content
            )
            holder.kill()
            holder.wait(timeout=30)
            await unlock(pilot)  # the other instance closed: the same passphrase opens it now
            assert app.workspace is not None
    finally:
        holder.kill()
        holder.wait(timeout=30)
        if holder.stdout is not None:
            holder.stdout.close()
