"""Copying to the clipboard, and saying truthfully whether it worked.

Textual copies with OSC 52, an escape code the terminal may or may not obey: macOS Terminal.app,
the old Windows console and GNOME Terminal (VTE) ignore it, without a sign. So, on the landlord's
own machine, the system's own tool copies first (pbcopy, clip.exe, wl-copy, xclip, xsel): it says
whether it succeeded. OSC 52 is still sent (it is what works over SSH). "Gekopieerd" is said only
when a tool succeeded or the terminal is one known to obey OSC 52; otherwise the message shows the
value to select by hand.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Literal

from lcv_tui.tui.system import System

Severity = Literal["information", "warning"]


class Copied(enum.Enum):
    YES = "yes"
    """A system tool succeeded, or the terminal is known to obey OSC 52."""
    SENT = "sent"
    """Only OSC 52 was sent, to a terminal that may ignore it (over SSH, or unknown)."""
    NO = "no"
    """Nothing can reach the clipboard here."""


# Terminals that obey OSC 52 out of the box, by the variables they set.
_OSC52_TERM_PROGRAMS = frozenset({"WezTerm", "ghostty"})
_OSC52_TERMS = ("xterm-kitty", "alacritty", "foot", "xterm-ghostty", "wezterm")


def osc52_obeyed(system: System) -> bool | None:
    """True when the terminal is known to obey OSC 52, False when known to ignore it, None when unknown."""
    env = system.env
    program = env.get("TERM_PROGRAM", "")
    if program == "Apple_Terminal" or env.get("VTE_VERSION"):
        return False
    if env.get("WT_SESSION") or env.get("KITTY_WINDOW_ID") or program in _OSC52_TERM_PROGRAMS:
        return True
    if env.get("TERM", "").startswith(_OSC52_TERMS):
        return True
    if system.windows:
        return False  # not Windows Terminal: the old console (conhost) knows no OSC 52
    return None


def system_copy_command(system: System) -> tuple[list[str], str] | None:
    """The system's own copy command and how it wants the text encoded, or None when there is none."""
    if system.macos:
        if system.which("pbcopy"):
            return ["pbcopy"], "utf-8"
        return None
    if system.windows:
        # clip.exe reads UTF-16 with a byte order mark as Unicode; anything else in the ANSI code page.
        return (["clip"], "utf-16") if system.which("clip") else None
    if system.env.get("WAYLAND_DISPLAY") and system.which("wl-copy"):
        return ["wl-copy"], "utf-8"
    if system.env.get("DISPLAY"):
        if system.which("xclip"):
            return ["xclip", "-selection", "clipboard"], "utf-8"
        if system.which("xsel"):
            return ["xsel", "--clipboard", "--input"], "utf-8"
    return None


def copy_text(text: str, system: System, send_osc52: Callable[[str], None]) -> Copied:
    """Put ``text`` on the clipboard as well as this machine allows, and say how sure that is."""
    send_osc52(text)
    command = None if system.over_ssh else system_copy_command(system)
    if command is not None:
        argv, encoding = command
        # pbcopy decodes by the locale; without one it mangles every accent.
        extra_env = {"LC_CTYPE": "UTF-8"} if system.macos else None
        if system.run(argv, text.encode(encoding), extra_env):
            return Copied.YES
    obeyed = osc52_obeyed(system)
    if obeyed:
        return Copied.YES
    if obeyed is None or system.over_ssh:
        return Copied.SENT
    return Copied.NO


def select_hint(system: System) -> str:
    """How to select text with the mouse in a terminal while the app listens to the mouse."""
    if system.macos:
        return "houd Fn (Terminal) of Option (iTerm2) ingedrukt en sleep met de muis"
    return "houd Shift ingedrukt en sleep met de muis"


def copy_message(outcome: Copied, label: str, value: str, system: System) -> tuple[str, Severity]:
    """The notification after copying ``label``: (message, severity)."""
    if outcome is Copied.YES:
        return f"Gekopieerd: {label}", "information"
    if outcome is Copied.SENT:
        return (
            f"{label} is naar het klembord van uw terminal gestuurd, maar of die het doorgeeft is hier "
            f"niet te zien. Controleer wat u plakt. Lukt plakken niet, selecteer dan zelf ({select_hint(system)}):\n"
            f"{value}",
            "warning",
        )
    return (
        f"Kopiëren kan in deze terminal niet. Selecteer {label.lower()} zelf ({select_hint(system)}) "
        f"en kopieer het met de sneltoets van uw terminal:\n{value}",
        "warning",
    )
