"""The test suite itself runs on Windows and macOS (issue 17.6): POSIX-only tests are marked and skipped
elsewhere, children are killed and started portably, the home folders of every system are isolated,
and a CI workflow for the three systems is ready to switch on."""

from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from types import SimpleNamespace

from lcv_testing import home_variables, skip_posix_only

ROOT = Path(__file__).resolve().parents[2]
TESTS = ROOT / "tests"


def _item(*markers: str):
    item = SimpleNamespace(keywords=dict.fromkeys(markers), added=[])
    item.add_marker = item.added.append
    return item


def test_posix_only_is_registered_and_skipped_on_windows_only(request):
    assert any(line.startswith("posix_only:") for line in request.config.getini("markers"))
    posix, plain = _item("posix_only"), _item()
    skip_posix_only([posix, plain], "nt")
    assert [mark.name for mark in posix.added] == ["skip"] and plain.added == []
    posix = _item("posix_only")
    skip_posix_only([posix], "posix")
    assert posix.added == []


def test_tests_that_need_posix_say_so():
    """Every test file that uses fcntl, rlimits or SIGXFSZ carries the marker."""
    for path in TESTS.rglob("test_*.py"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"\bfcntl\b|RLIMIT_|SIGXFSZ", text) and path.name != Path(__file__).name:
            assert "posix_only" in text, f"{path.relative_to(ROOT)} needs POSIX but is not marked"


def test_children_are_killed_and_started_portably():
    """``Popen.kill()``/``Process.kill()`` instead of ``os.kill(pid, SIGKILL)``, and never a fork-only context."""
    for path in TESTS.rglob("*.py"):
        if path.name == Path(__file__).name:
            continue
        text = path.read_text(encoding="utf-8")
        assert "SIGKILL)" not in text, path
        assert 'get_context("fork")' not in text, path


def test_every_home_variable_points_into_the_test_folder(tmp_path):
    home = tmp_path / "home"
    expected = home_variables(home)
    assert {"HOME", "USERPROFILE", "APPDATA", "LOCALAPPDATA", "XDG_DATA_HOME"} <= set(expected)
    for name, value in expected.items():
        assert os.environ[name] == value, name
        assert Path(value).is_relative_to(home)


def test_the_data_folder_default_follows_the_isolated_home(tmp_path):
    from lcv_tui.paths import Locations

    assert Locations.resolve().data_dir.is_relative_to(tmp_path / "home")


def test_pyproject_names_the_three_systems():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    systems = [c for c in project["classifiers"] if c.startswith("Operating System")]
    assert any("Windows" in c for c in systems)
    assert any("MacOS" in c for c in systems)
    assert any("Linux" in c for c in systems)


def test_ci_workflow_runs_the_readme_test_command_on_three_systems():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert "os: [ubuntu-latest, windows-latest, macos-latest]" in workflow
    assert "workflow_dispatch" in workflow
    assert "never run" in workflow  # it says honestly that it has not run here
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    posix_command = run.strip().splitlines()[-1]
    assert posix_command in readme and ".ci/run" in workflow
    assert ".venv\\Scripts\\python -m pytest" in workflow
    assert ".venv\\Scripts\\python -m pytest" in readme
