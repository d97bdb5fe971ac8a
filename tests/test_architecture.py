"""The core never imports Textual, and the domain imports nothing of ours outside itself."""

from __future__ import annotations

import pathlib
import re
import subprocess
import sys

import lcv_tui

PACKAGE = pathlib.Path(lcv_tui.__file__).parent


def test_core_packages_do_not_import_textual():
    code = (
        "import sys, pkgutil, importlib\n"
        "import lcv_tui.domain, lcv_tui.store, lcv_tui.exports, lcv_tui.services\n"
        "for pkg in (lcv_tui.domain, lcv_tui.store, lcv_tui.exports, lcv_tui.services):\n"
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


def test_import_linter_contracts_hold():
    """The layers (pyproject.toml ``[tool.importlinter]``): cli, commands, tui, then the services,
    then store and exports (independent of each other), then the domain; the core (services
    included) never imports Textual."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports; sys.exit(lint_imports(no_cache=True))",
        ],
        capture_output=True,
        text=True,
        cwd=PACKAGE.parent,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


# Private attributes of dependencies and process-wide tricks found in review (issue 16): each
# was replaced by public API; this keeps them out.
PRIVATE_USES = (
    re.compile(r"\b_values_to_row\b"),
    re.compile(r"\bcell\._value\b"),
    re.compile(r"\b_scroll_update\b"),
    re.compile(r"\._modes\b"),
    re.compile(r"\b_bindings_ready\b"),
    re.compile(r"\bgc\.freeze\("),
    re.compile(r"\bgc\.disable\("),  # the collector paused during a load: process-wide too
)


def test_no_private_attributes_of_dependencies():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(pattern.search(line) for pattern in PRIVATE_USES):
                offenders.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    assert offenders == []


# Textual's private state that tests once read: a test records the notices with
# ``lcv_testing.record_notices`` (the app's public ``notify``, wrapped) and sees a crash in the
# public ``App.return_code``. Spelled with ``[_]`` so that these lines do not match themselves.
PRIVATE_IN_TESTS = (
    re.compile(r"\.[_]notifications\b"),
    re.compile(r"\.[_]exception\b"),
)


def private_uses_in_tests(root: pathlib.Path) -> list[str]:
    """Lines of the ``.py`` files under ``root`` that read Textual's private notices or exception."""
    return [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if any(pattern.search(line) for pattern in PRIVATE_IN_TESTS)
    ]


def test_tests_use_no_private_attributes_of_textual():
    assert private_uses_in_tests(pathlib.Path(__file__).parent) == []
    assert private_uses_in_tests(PACKAGE) == []


def test_the_private_attribute_check_finds_them(tmp_path):
    notifications, exception = "." + "_notifications", "." + "_exception"  # not in this file's text
    (tmp_path / "test_x.py").write_text(
        f"notes = app{notifications}\nassert app{exception} is None\napp.clear_notifications()\n",
        encoding="utf-8",
    )
    assert private_uses_in_tests(tmp_path) == [
        f"test_x.py:1: notes = app{notifications}",
        f"test_x.py:2: assert app{exception} is None",
    ]


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
