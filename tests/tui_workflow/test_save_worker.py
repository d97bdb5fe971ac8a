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


async def test_the_snapshot_hands_the_event_loop_back_between_slices(new_app, locations) -> None:
    """The UI thread's part of a save comes in slices: between two of them the app handles events
    (here: a callback scheduled when the snapshot starts runs before it is done)."""
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        workspace = app.workspace
        assert workspace is not None
        vault = workspace.vault
        real = vault.snapshot_steps
        order: list[str] = []

        def sliced(data, **_):
            def steps():
                app.call_later(lambda: order.append("event handled"))  # while the snapshot runs
                job = yield from real(data, slice_seconds=0)
                order.append("snapshot taken")
                return job

            return steps()

        vault.snapshot_steps = sliced  # type: ignore[method-assign]
        workspace.data.landlord.name = "Derde Naam BV"
        workspace.mark_dirty()
        app.commit(success=None)
        await app.saved()
        assert order[0] == "event handled" and "snapshot taken" in order
        assert not workspace.dirty
    _, data = Vault.open(locations, PASSPHRASE)
    assert data.landlord is not None and data.landlord.name == "Derde Naam BV"
