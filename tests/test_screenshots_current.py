"""Every screen in the README's screenshots is rendered again and must match the committed SVG.

This is the snapshot test of every screen and wizard step that the screenshot script knows,
and it keeps the pictures in the README from going stale: after an intended change, run
``python scripts/screenshots.py`` and commit the new SVGs. One case per screenshot, each in a fresh
working folder (the script's relative data folders), so the cases spread over the test processes.
"""

from __future__ import annotations

import importlib.util
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location(
        "lcv_screenshots", ROOT / "scripts" / "screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
NAMES = [name for name, *_ in SCRIPT.PLAN]


def test_the_script_makes_every_committed_screenshot():
    committed = sorted(p.name for p in (ROOT / "screenshots").glob("*.svg"))
    assert sorted(NAMES) == committed, "run scripts/screenshots.py and commit screenshots/"


@pytest.mark.parametrize("name", NAMES)
async def test_screenshot_matches_the_screen(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "shots").mkdir()
    await SCRIPT.shoot_planned(name, tmp_path / "shots")
    made = (tmp_path / "shots" / name).read_text(encoding="utf-8")
    assert made == (ROOT / "screenshots" / name).read_text(encoding="utf-8"), (
        f"{name}: the screen changed since the screenshots were made; run scripts/screenshots.py"
    )
