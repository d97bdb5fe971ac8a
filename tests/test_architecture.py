"""The core never imports Textual, and the domain imports nothing of ours outside itself."""

from __future__ import annotations

import ast
import pathlib
import subprocess
import sys

import lcv_tui

PACKAGE = pathlib.Path(lcv_tui.__file__).parent


def test_core_packages_do_not_import_textual():
    code = (
        "import sys, pkgutil, importlib\n"
        "import lcv_tui.domain, lcv_tui.store, lcv_tui.exports\n"
        "for pkg in (lcv_tui.domain, lcv_tui.store, lcv_tui.exports):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(len(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "0"


def test_help_and_version_do_not_import_textual():
    code = (
        "import sys, io, contextlib\n"
        "from lcv_tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['--version']); main(['--help'])\n"
        "print(any(m.startswith('textual') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def _imports(path: pathlib.Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_imports_point_inward():
    forbidden = {
        "domain": (
            "lcv_tui.store",
            "lcv_tui.exports",
            "lcv_tui.tui",
            "lcv_tui.commands",
            "lcv_tui.cli",
            "textual",
        ),
        "store": ("lcv_tui.exports", "lcv_tui.tui", "lcv_tui.commands", "lcv_tui.cli", "textual"),
        "exports": ("lcv_tui.store", "lcv_tui.tui", "lcv_tui.commands", "lcv_tui.cli", "textual"),
    }
    offenders = []
    for room, bad_prefixes in forbidden.items():
        for path in (PACKAGE / room).rglob("*.py"):
            for name in _imports(path):
                if name.startswith(bad_prefixes):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_screens_never_open_files():
    offenders = []
    for path in (PACKAGE / "tui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for needle in ("open(", ".write_text(", ".write_bytes(", ".read_bytes(", "os.replace("):
            for line in text.splitlines():
                stripped = line.strip()
                if (
                    needle in stripped
                    and not stripped.startswith("#")
                    and "app.open" not in stripped
                    and "self.open" not in stripped
                    and "_open(" not in stripped
                    and "open_" not in stripped
                ):
                    offenders.append(f"{path.relative_to(PACKAGE)}: {stripped}")
    assert offenders == []
