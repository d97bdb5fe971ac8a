"""Every screen in the README's screenshots is rendered again and must match the committed SVG.

This is the snapshot test of every screen and wizard step that the screenshot script knows,
and it keeps the pictures in the README from going stale: after an intended change, run
``python scripts/screenshots.py`` and commit the new SVGs.
"""

from __future__ import annotations

import importlib.util
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def _script():
    spec = importlib.util.spec_from_file_location(
        "lcv_screenshots", ROOT / "scripts" / "screenshots.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


async def test_screenshots_match_the_screens(tmp_path):
    script = _script()
    await script.main(tmp_path / "shots")
    made = sorted(p.name for p in (tmp_path / "shots").glob("*.svg"))
    committed = sorted(p.name for p in (ROOT / "screenshots").glob("*.svg"))
    assert made == committed, "run scripts/screenshots.py and commit screenshots/"
    stale = [
        name
        for name in made
        if (tmp_path / "shots" / name).read_text(encoding="utf-8")
        != (ROOT / "screenshots" / name).read_text(encoding="utf-8")
    ]
    assert stale == [], (
        f"screens changed since the screenshots were made: {stale}; run scripts/screenshots.py"
    )
