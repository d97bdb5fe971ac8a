"""Paths on Windows and macOS (issue 17.5): pasted paths lose their quotes, letters and exports go to
Documents, the Microsoft Store Python is detected and its real data folder named, and "Map openen"
uses the system's own opener."""

from __future__ import annotations

import io
from pathlib import Path, PureWindowsPath

import pytest
from lcv_testing import FakeRunner, fake_system

from lcv_tui.paths import (
    Locations,
    clean_path,
    store_python_data_dir,
    store_python_notice,
    store_python_package,
)
from lcv_tui.tui.system import open_folder

STORE_ALIAS = (
    r"C:\Users\Jan\AppData\Local\Microsoft\WindowsApps"
    r"\PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0\python.exe"
)
STORE_INSTALL = r"C:\Program Files\WindowsApps\PythonSoftwareFoundation.Python.3.12_3.12.2800.0_x64__qbz5n2kfra8p0"
PYTHON_ORG = r"C:\Users\Jan\AppData\Local\Programs\Python\Python312\python.exe"
WINDOWS_ENV = {
    "LOCALAPPDATA": r"C:\Users\Jan\AppData\Local",
    "APPDATA": r"C:\Users\Jan\AppData\Roaming",
}
PACKAGE = "PythonSoftwareFoundation.Python.3.12_qbz5n2kfra8p0"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ('"C:\\Users\\Jan\\Documents\\huurders.csv"', "C:\\Users\\Jan\\Documents\\huurders.csv"),
        ("  '/Users/jan/Desktop/huur lijst.csv' \n", "/Users/jan/Desktop/huur lijst.csv"),
        ("/home/jan/huurders.csv ", "/home/jan/huurders.csv"),
        ('" spaties binnen blijven.csv"', "spaties binnen blijven.csv"),
        ("Jan's map/lijst.csv", "Jan's map/lijst.csv"),
        ('"', '"'),
        ("", ""),
    ],
)
def test_clean_path_strips_quotes_and_whitespace(typed, meant):
    assert clean_path(typed) == meant


def test_cli_accepts_a_path_copied_as_path_with_quotes(
    demo_vault, locations, clock, tmp_path, monkeypatch
):
    from lcv_testing import PASSPHRASE

    from lcv_tui.cli import main

    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "uit map" / "signalen.csv"
    target.parent.mkdir()
    out, err = io.StringIO(), io.StringIO()
    data_dir = f'"{locations.data_dir}" '
    argv = [
        "export",
        "signals",
        "--format",
        "csv",
        "--out",
        f'"{target}"\n',
        "--data-dir",
        data_dir,
    ]
    assert main(argv, clock=clock, out=out, err=err) == 0, err.getvalue()
    assert target.is_file()
    assert main(["check", f" '{target}' "], clock=clock, out=out, err=err) == 0, err.getvalue()


def test_letters_and_exports_go_to_documents_unless_a_data_folder_is_given(tmp_path, monkeypatch):
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    home = Path.home()
    assert home == tmp_path / "home"  # the conftest isolates the home folder
    default = Locations.resolve()
    assert default.letter_dir == home / "Documents" / "lcv-tui" / "brieven"
    assert default.export_dir == home / "Documents" / "lcv-tui" / "exports"
    assert default.vault_path.is_relative_to(home) and ".local" in default.data_dir.parts

    given = Locations.resolve(tmp_path / "eigen")
    assert given.letter_dir == tmp_path / "eigen" / "brieven"
    monkeypatch.setenv("LCV_TUI_DATA_DIR", f'"{tmp_path / "omgeving"}"')
    assert Locations.resolve().export_dir == tmp_path / "omgeving" / "exports"


def test_store_python_is_recognised_by_any_of_its_paths():
    assert store_python_package([STORE_ALIAS]) == PACKAGE
    assert store_python_package([r"C:\Users\Jan\lcv\.venv", STORE_INSTALL]) == PACKAGE  # a venv
    assert store_python_package([PYTHON_ORG, r"C:\Users\Jan\lcv\.venv"]) is None
    assert store_python_package(["/usr/bin/python3", "/usr"]) is None


def test_store_python_real_data_folder_is_in_the_package_cache():
    data_dir = Path(r"C:\Users\Jan\AppData\Local\lcv-tui")
    real = store_python_data_dir(data_dir, PACKAGE, WINDOWS_ENV)
    assert real == PureWindowsPath(
        rf"C:\Users\Jan\AppData\Local\Packages\{PACKAGE}\LocalCache\Local\lcv-tui"
    )
    roaming = store_python_data_dir(Path(r"C:\Users\Jan\AppData\Roaming\x"), PACKAGE, WINDOWS_ENV)
    assert roaming == PureWindowsPath(
        rf"C:\Users\Jan\AppData\Local\Packages\{PACKAGE}\LocalCache\Roaming\x"
    )
    assert store_python_data_dir(Path(r"D:\Verhuur"), PACKAGE, WINDOWS_ENV) is None


def test_store_python_notice_only_on_windows_with_the_store_python():
    data_dir = Path(r"C:\Users\Jan\AppData\Local\lcv-tui")
    notice = store_python_notice(
        data_dir, platform="win32", env=WINDOWS_ENV, python_paths=[STORE_ALIAS]
    )
    assert notice is not None and "Microsoft Store" in notice
    assert rf"Packages\{PACKAGE}\LocalCache\Local\lcv-tui" in notice and "python.org" in notice
    assert (
        store_python_notice(data_dir, platform="win32", env=WINDOWS_ENV, python_paths=[PYTHON_ORG])
        is None
    )
    assert (
        store_python_notice(data_dir, platform="linux", env={}, python_paths=[STORE_ALIAS]) is None
    )


def test_init_names_the_real_folder_on_store_python(tmp_path, clock, monkeypatch):
    import sys

    from lcv_tui.cli import main

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "executable", STORE_ALIAS)
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "een lange wachtzin voor de test")
    out, err = io.StringIO(), io.StringIO()
    code = main(["init", "--data-dir", str(tmp_path / "lcv-tui")], clock=clock, out=out, err=err)
    assert code == 0, err.getvalue()
    assert "Microsoft Store" in out.getvalue()
    assert f"{PACKAGE}" in out.getvalue()


# --- Map openen ---------------------------------------------------------------------------------


def test_open_folder_uses_the_system_opener(tmp_path):
    runner = FakeRunner()
    assert open_folder(tmp_path, fake_system("darwin", {}, ("open",), runner)) is None
    assert open_folder(tmp_path, fake_system("linux", {}, ("xdg-open",), runner)) is None
    assert [call[0] for call in runner.calls] == [
        ["open", str(tmp_path)],
        ["xdg-open", str(tmp_path)],
    ]
    windows = FakeRunner()
    assert open_folder(tmp_path, fake_system("win32", {}, (), windows)) is None
    assert windows.opened == [str(tmp_path)] and windows.calls == []


def test_open_folder_names_the_folder_when_it_cannot_open_it(tmp_path):
    no_opener = open_folder(tmp_path, fake_system("linux", {}, (), FakeRunner()))
    assert no_opener is not None and str(tmp_path) in no_opener
    failing = open_folder(
        tmp_path, fake_system("linux", {}, ("xdg-open",), FakeRunner(succeeds=False))
    )
    assert failing is not None and str(tmp_path) in failing
    ssh = FakeRunner()
    message = open_folder(
        tmp_path, fake_system("linux", {"SSH_TTY": "/dev/pts/1"}, ("xdg-open",), ssh)
    )
    assert message is not None and "SSH" in message and ssh.calls == []
    missing = open_folder(tmp_path / "weg", fake_system("linux", {}, ("xdg-open",), FakeRunner()))
    assert missing is not None and "bestaat (nog) niet" in missing
