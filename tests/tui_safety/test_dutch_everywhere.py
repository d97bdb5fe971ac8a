"""Issue 15.4: Textual's own strings are Dutch too (command palette, Ctrl+C notice, footer).

Renders every section, the command palette (empty, with a search that finds nothing, and with a
name typed without its accents) and greps the screen for common English words.
"""

from __future__ import annotations

import html
import re

from lcv_testing import record_notices, wait_until
from tui_helpers import settle

from lcv_tui.tui.palette import NOTHING_FOUND, PLACEHOLDER
from lcv_tui.tui.sections import SECTIONS

ENGLISH = re.compile(
    r"\b(Search|No matches|matches found|Press|quit|Quit|Cancel|Select|palette|Close|Save|Submit|"
    r"Yes|Loading|Keys|Theme|Maximize|Screenshot|commands|Do you want)\b"
)


def screen_text(app) -> str:
    """What the terminal shows, as plain text (from the SVG screenshot)."""
    svg = app.export_screenshot()
    rows: dict[str, list[str]] = {}
    for y, fragment in re.findall(r'<text[^>]*\by="([0-9.]+)"[^>]*>(.*?)</text>', svg):
        rows.setdefault(y, []).append(re.sub(r"<[^>]+>", "", fragment))
    return "\n".join(html.unescape("".join(parts)).replace("\xa0", " ") for parts in rows.values())


def assert_dutch(app, where: str) -> None:
    text = screen_text(app)
    found = ENGLISH.findall(text)
    assert not found, f"English on {where}: {found}"


def assert_dutch_notices(recorded) -> list[str]:
    notices = [f"{n.title} {n.message}" for n in recorded]
    assert not any(ENGLISH.search(n) for n in notices), notices
    return notices


async def test_no_english_in_the_sections(new_app):
    app = new_app()
    recorded = record_notices(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        for s in SECTIONS:
            await pilot.press(s.key)
            await settle(pilot)
            assert_dutch(app, s.title)
        assert_dutch_notices(recorded)


async def test_no_english_in_the_palette_and_notices(new_app):
    app = new_app()
    recorded = record_notices(app)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press(SECTIONS[-1].key)  # where the sections test ends
        await settle(pilot)

        await pilot.press("ctrl+p")
        await settle(pilot)
        text = screen_text(app)
        assert PLACEHOLDER in text
        assert_dutch(app, "the command palette")
        await pilot.press(*"zzqqxx")
        # Textual's no-matches countdown ends first: wait for the notice, not a fixed time.
        await wait_until(pilot, lambda: NOTHING_FOUND[:30] in screen_text(app), "no matches")
        await settle(pilot)
        assert NOTHING_FOUND[:30] in screen_text(app)
        assert_dutch(app, "the command palette without matches")
        for _ in "zzqqxx":
            await pilot.press("backspace")
        await pilot.press(*"celik")
        await wait_until(pilot, lambda: "Çelik" in screen_text(app), "Çelik found")
        await settle(pilot)
        assert "Çelik" in screen_text(app)
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+c")
        await settle(pilot)
        notices = assert_dutch_notices(recorded)
        assert any("Ctrl+Q" in n and "afsluiten" in n.lower() for n in notices)
