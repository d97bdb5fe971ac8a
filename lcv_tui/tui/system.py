"""The desktop around the app: which system it runs on, which tools it has, and how to run them.

A :class:`System` is passed around instead of reading ``sys.platform``, ``os.environ`` and
``shutil.which`` in place, so that tests can stand in a Mac, a Windows laptop or a bare Linux box
with a fake runner, and never touch the real clipboard or open a real window.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lcv_tui.paths import current_python_paths

Runner = Callable[[Sequence[str], bytes | None, Mapping[str, str] | None], bool]
"""Runs a command with the given input (None: no input) and extra environment; True when it succeeded."""

TOOL_TIMEOUT_SECONDS = 3


def run_tool(
    command: Sequence[str], data: bytes | None, extra_env: Mapping[str, str] | None
) -> bool:
    """Run a desktop tool (pbcopy, clip, xdg-open, ...) and say whether it succeeded.

    Its output goes nowhere: xclip and wl-copy leave a child behind that serves the clipboard, and
    a captured pipe would wait for that child.
    """
    env = {**os.environ, **extra_env} if extra_env else None
    try:
        result = subprocess.run(
            list(command),
            input=data,
            stdin=None if data is not None else subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            timeout=TOOL_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return result.returncode == 0


def _startfile(path: str) -> None:
    os.startfile(path)  # type: ignore[attr-defined]  # Windows only; guarded by platform


@dataclass(frozen=True)
class System:
    """What the app may know about the machine it runs on."""

    platform: str
    """``sys.platform``: "win32", "darwin", "linux", ..."""
    env: Mapping[str, str]
    which: Callable[[str], str | None]
    run: Runner
    startfile: Callable[[str], None] | None = None
    """``os.startfile`` on Windows."""
    python_paths: tuple[str, ...] = ()
    """``sys.executable``, ``sys.prefix``, ``sys.base_prefix``: they tell a Microsoft Store Python."""

    @classmethod
    def current(cls) -> System:
        return cls(
            platform=sys.platform,
            env=os.environ,
            which=shutil.which,
            run=run_tool,
            startfile=_startfile if sys.platform == "win32" else None,
            python_paths=current_python_paths(),
        )

    @property
    def windows(self) -> bool:
        return self.platform == "win32"

    @property
    def macos(self) -> bool:
        return self.platform == "darwin"

    @property
    def over_ssh(self) -> bool:
        """A session over SSH: the tools here reach the remote machine, not the landlord's screen."""
        return bool(self.env.get("SSH_CONNECTION") or self.env.get("SSH_TTY"))


def open_folder(folder: Path, system: System) -> str | None:
    """Show ``folder`` in the system's own file manager. None when it opened, else a Dutch message
    that names the folder, so the landlord can find it by hand."""
    target = str(folder)
    fallback = f"Open de map zelf in uw verkenner of Finder: {target}"
    if not folder.is_dir():
        return f"De map {target} bestaat (nog) niet: maak eerst een bestand."
    if system.over_ssh:
        return f"Via SSH kan de app geen map op uw eigen scherm openen. {fallback}"
    if system.windows:
        if system.startfile is None:
            return fallback
        try:
            system.startfile(target)
        except OSError:
            return fallback
        return None
    command = ["open", target] if system.macos else ["xdg-open", target]
    if system.which(command[0]) is None or not system.run(command, None, None):
        return fallback
    return None
