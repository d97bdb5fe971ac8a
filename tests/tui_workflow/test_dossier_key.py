"""The tenant file's Bewijsdossier (d): built and written in a worker (it checks the whole audit
log, seconds at thousands of tenants), the UI thread only starts it and reports the result."""

from __future__ import annotations

import threading

from workflow_helpers import SIZE, open_file, settle

from lcv_tui.domain import dossier as dossier_module


async def test_d_writes_the_dossier_from_a_worker(new_app, monkeypatch):
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = await open_file(pilot, "H-1005")
        notes: list[str] = []
        real_notify = app.notify

        def notify(message, *args, **kwargs):
            notes.append(str(message))
            return real_notify(message, *args, **kwargs)

        monkeypatch.setattr(app, "notify", notify)
        built_on: list[str] = []
        real_build = dossier_module.build_dossier

        def build(*args, **kwargs):
            built_on.append(threading.current_thread().name)
            return real_build(*args, **kwargs)

        monkeypatch.setattr(dossier_module, "build_dossier", build)
        await pilot.press("d")
        await settle(pilot)
        assert built_on and built_on[0] != threading.current_thread().name
        folder = app.locations.export_dir
        written = sorted(p.suffix for p in folder.rglob("*") if p.is_file())
        assert ".pdf" in written and ".txt" in written, written
        assert notes[0] == "Het bewijsdossier wordt gemaakt…"
        assert any(note.startswith("Bewijsdossier opgeslagen in") for note in notes), notes
        assert app.screen is screen
