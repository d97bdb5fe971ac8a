"""The clipboard (issue 17.4): the system's own tool where OSC 52 is not obeyed, and "Gekopieerd" only
when it worked. Each platform is stood in by a fake System with a recording runner."""

from __future__ import annotations

import pytest
from lcv_testing import FakeRunner, fake_system

from lcv_tui.tui.clipboard import Copied, copy_message, copy_text, osc52_obeyed

VALUE = "Şahin-IJzerman → 3551 CX"


def copy(system):
    sent: list[str] = []
    outcome = copy_text(VALUE, system, sent.append)
    assert sent == [VALUE]  # OSC 52 always goes out too (it is what works over SSH)
    return outcome


def test_macos_terminal_app_copies_through_pbcopy_in_utf8():
    runner = FakeRunner()
    system = fake_system("darwin", {"TERM_PROGRAM": "Apple_Terminal"}, ("pbcopy",), runner)
    assert osc52_obeyed(system) is False
    assert copy(system) is Copied.YES
    assert runner.calls == [(["pbcopy"], VALUE.encode("utf-8"), {"LC_CTYPE": "UTF-8"})]


def test_macos_terminal_app_with_a_failing_pbcopy_says_copying_is_not_possible():
    runner = FakeRunner(succeeds=False)
    system = fake_system("darwin", {"TERM_PROGRAM": "Apple_Terminal"}, ("pbcopy",), runner)
    assert copy(system) is Copied.NO
    message, severity = copy_message(Copied.NO, "Postcode", "3551 CX", system)
    assert "Gekopieerd" not in message and "kan in deze terminal niet" in message
    assert message.endswith("3551 CX") and "Fn" in message and severity == "warning"


def test_old_windows_console_copies_through_clip_in_utf16():
    runner = FakeRunner()
    system = fake_system("win32", {"TERM": ""}, ("clip",), runner)
    assert osc52_obeyed(system) is False
    assert copy(system) is Copied.YES
    command, data, _ = runner.calls[0]
    assert command == ["clip"] and data.decode("utf-16") == VALUE
    assert data[:2] in (
        b"\xff\xfe",
        b"\xfe\xff",
    )  # the byte order mark tells clip.exe it is Unicode


def test_windows_terminal_is_trusted_with_osc52_when_clip_fails():
    system = fake_system("win32", {"WT_SESSION": "abc"}, ("clip",), FakeRunner(succeeds=False))
    assert copy(system) is Copied.YES
    system = fake_system("win32", {}, ("clip",), FakeRunner(succeeds=False))
    assert copy(system) is Copied.NO


@pytest.mark.parametrize(
    ("env", "tools", "command"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0"}, ("wl-copy", "xclip"), ["wl-copy"]),
        ({"DISPLAY": ":0"}, ("xclip", "xsel"), ["xclip", "-selection", "clipboard"]),
        ({"DISPLAY": ":0"}, ("xsel",), ["xsel", "--clipboard", "--input"]),
    ],
)
def test_linux_desktops_use_their_copy_tool(env, tools, command):
    runner = FakeRunner()
    assert copy(fake_system("linux", env, tools, runner)) is Copied.YES
    assert runner.calls[0][0] == command and runner.calls[0][1] == VALUE.encode()


def test_gnome_terminal_without_a_tool_cannot_copy():
    runner = FakeRunner()
    system = fake_system("linux", {"DISPLAY": ":0", "VTE_VERSION": "7600"}, (), runner)
    assert copy(system) is Copied.NO and runner.calls == []
    assert "Shift" in copy_message(Copied.NO, "Postcode", "3551 CX", system)[0]


def test_over_ssh_no_local_tool_is_used_and_the_message_asks_to_check():
    runner = FakeRunner()
    env = {"SSH_CONNECTION": "10.0.0.1 5000 10.0.0.2 22", "DISPLAY": ":0"}
    system = fake_system("linux", env, ("xclip",), runner)
    assert (
        copy(system) is Copied.SENT and runner.calls == []
    )  # xclip here would fill the server's clipboard
    message, _ = copy_message(Copied.SENT, "Postcode", "3551 CX", system)
    assert "Gekopieerd" not in message and "Controleer" in message and message.endswith("3551 CX")


def test_terminals_known_to_obey_osc52():
    for env in ({"KITTY_WINDOW_ID": "1"}, {"TERM": "xterm-kitty"}, {"TERM_PROGRAM": "WezTerm"}):
        system = fake_system("linux", env, (), FakeRunner())
        assert copy(system) is Copied.YES
    assert copy(fake_system("linux", {"TERM": "xterm-256color"}, (), FakeRunner())) is Copied.SENT
