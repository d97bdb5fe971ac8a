"""The agenda is computed once per change of the data (issue 16.4): at unlock the home section,
the counts and the other sections read one cached result; a commit computes it once more."""

from __future__ import annotations

from workflow_helpers import SIZE, settle

from lcv_tui.domain import agenda as agenda_module
from lcv_tui.tui.screens.letters import LettersScreen
from lcv_tui.tui.sections import SECTIONS


async def test_agenda_computed_once_per_data_revision(new_app, monkeypatch) -> None:
    calls: list[int] = []
    real = agenda_module.agenda

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(agenda_module, "agenda", counting)
    app = new_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.workspace is not None
        assert len(calls) == 1
        for s in SECTIONS:
            app.action_show_section(s.mode)
            await settle(pilot)
        app.action_show_section(SECTIONS[0].mode)
        await settle(pilot)
        app.push_screen(LettersScreen())  # today's letters read the same agenda
        await settle(pilot)
        assert isinstance(app.screen, LettersScreen)
        assert app.screen.letters
        assert len(calls) == 1
        app.commit(success=None)
        await settle(pilot)
        assert len(calls) == 2
