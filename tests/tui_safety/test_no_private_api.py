"""Issue 16.2: the TUI uses no private attribute of Textual (the ones a review found, and their kin)."""

from __future__ import annotations

import re
from pathlib import Path

import lcv_tui.tui

FORBIDDEN = re.compile(
    r"_scroll_update|_bindings_ready|\b(?:app|self\.app|self)\._modes\b|set_reactive\(ScrollView"
    r"|_start_no_matches_countdown|_refresh_scrollbars|_compositor"
)


def test_no_private_textual_attributes_in_the_tui():
    root = Path(lcv_tui.tui.__file__).parent
    found = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert found == []
