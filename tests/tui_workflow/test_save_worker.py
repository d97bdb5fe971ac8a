"""Saving runs in a worker (issue 16.4): ``commit`` returns while the file is being written, a
commit during a save queues one more save, and the vault on disk ends with every change."""

from __future__ import annotations

import threading

from tui_helpers import PASSPHRASE
from workflow_helpers import SIZE, settle

from lcv_tui.store.vault import Vault


async def test_commit_writes_in_a_worker_and_queues_the_next(new_app, locations) -> None:
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        workspace = app.workspace
        assert workspace is not None
        vault = workspace.vault
        release = threading.Event()
        writes: list[str] = []
        real_write = vault.write

        def slow_write(job):
            writes.append(threading.current_thread().name)
            assert release.wait(10)
            real_write(job)

        vault.write = slow_write  # type: ignore[method-assign]
        workspace.data.landlord.name = "Eerste Naam BV"
        workspace.mark_dirty()
        app.commit(success=None)
        await pilot.pause()
        # The UI thread runs on while the write waits: a second change is queued behind it.
        assert workspace.dirty and len(writes) == 1
        assert writes[0] != threading.current_thread().name
        workspace.data.landlord.name = "Tweede Naam BV"
        workspace.mark_dirty()
        app.commit(success=None)
        await pilot.pause()
        assert len(writes) == 1
        release.set()
        await app.saved()
        assert len(writes) == 2
        assert not workspace.dirty and app.save_error is None
    _, data = Vault.open(locations, PASSPHRASE)
    assert data.landlord is not None and data.landlord.name == "Tweede Naam BV"
