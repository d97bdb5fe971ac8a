"""Promise 7 (forms): hostile text in every field of the tenant form, the settings and the agreement form
gives Dutch validation messages, never a crash."""

from __future__ import annotations

import random

import pytest
from lcv_testing import SMALL
from textual.widgets import Input
from tui_helpers import PASSPHRASE, MemoryKeyring, sample_data

from lcv_tui.store.vault import Vault
from lcv_tui.tui.app import make_app
from lcv_tui.tui.widgets.form import FormField

HOSTILE = (
    "😀🏠💶 huurder",
    "مرحبا بالعالم",  # right-to-left
    "\u202eregrah\u202c omgekeerd",  # right-to-left override
    "\x00\x07\x1b[31mrood\x1b[0m\r\n\tregel",  # control characters and an escape sequence
    '=HYPERLINK("http://evil.example";"klik hier")',
    "+31 6 1234 5678",
    "@SUM(A1:A9)",
    "-1",
    "x" * 5000,
    "   ",
    "１２３４ ＡＢ",  # full-width
    "1e309",
    "99999999999999999999999",
    "[bold red]opmaak[/] <script>alert(1)</script>",
    "Robert'); DROP TABLE huurders;--",
    "e\u0301\u0301\u0301\u0301 \ufb00 \u200b",  # combining marks, ligature, zero-width space
)
# A few more, mixed from the same hostile pieces, the same on every run.
_rng = random.Random(20261123)
HOSTILE += tuple(
    "".join(_rng.choice(HOSTILE)[: _rng.randint(1, 12)] for _ in range(_rng.randint(2, 6)))
    for _ in range(4)
)
ROUNDS = 6
ENGLISH_MARKERS = (
    "Value error",
    "Input should",
    "validation error",
    "Field required",
    "Traceback",
    "type=",
    "Exception",
)


@pytest.fixture
def app(locations, clock):
    Vault.create(locations, PASSPHRASE, sample_data())
    return make_app(
        locations,
        clock,
        keyring_backend=MemoryKeyring(),
        passphrase=PASSPHRASE,
        animation_level="none",
    )


async def _unlocked(pilot) -> None:
    from lcv_tui.tui.screens.base import SectionScreen

    for _ in range(400):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if pilot.app.workspace is not None and isinstance(pilot.app.screen, SectionScreen):
            return
    raise AssertionError("the vault did not open")


async def _fuzz(pilot, screen) -> None:
    """Fill every input with hostile text (a different string per field each round), press Ctrl+S, check the app."""
    app = pilot.app
    inputs = [i for i in screen.query(Input) if i.display and not i.disabled]
    assert inputs, "the form has inputs"
    for round_ in range(ROUNDS):
        for position, field in enumerate(inputs):
            field.value = HOSTILE[(round_ * 5 + position) % len(HOSTILE)]
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.is_running and app.return_code is None, "the app crashed"
        assert screen.is_mounted and app.screen is screen, "invalid input keeps the form open"
        errors = [f.error for f in screen.query(FormField) if f.error]
        assert errors, f"round {round_}: no validation message shown"
        for message in errors:
            assert not any(marker in message for marker in ENGLISH_MARKERS), message
            assert len(message) < 400, "a message is a sentence, not an echo of the input"


# The forms run at 80×24: validation does not depend on the terminal size, and fewer cells are drawn per round.


async def test_tenant_form_survives_hostile_text(app):
    """README "Betrouwbaarheid en veiligheid", promise 7 (part): random input in every field of the tenant form
    gives Dutch validation messages, never a crash."""
    from lcv_tui.tui.screens.tenant_form import TenantFormScreen

    async with app.run_test(size=SMALL) as pilot:
        await _unlocked(pilot)
        before = len(app.workspace.data.tenants)
        app.action_new_tenant()
        await pilot.pause()
        assert isinstance(app.screen, TenantFormScreen)
        await _fuzz(pilot, app.screen)
        assert len(app.workspace.data.tenants) == before


async def test_settings_survive_hostile_text(app):
    """README "Betrouwbaarheid en veiligheid", promise 7 (part): random input in every field of the settings
    (landlord and settings) gives Dutch validation messages, never a crash."""
    from lcv_tui.tui.screens.settings import SettingsScreen

    async with app.run_test(size=SMALL) as pilot:
        await _unlocked(pilot)
        app.action_show_section("instellingen")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        await _fuzz(pilot, app.screen)


async def test_agreement_form_survives_hostile_text(app):
    """README "Betrouwbaarheid en veiligheid", promise 7 (part): random input in every field of the agreement
    form gives Dutch validation messages, never a crash."""
    from lcv_tui.tui.screens.agreements import AgreementFormScreen

    async with app.run_test(size=SMALL) as pilot:
        await _unlocked(pilot)
        app.action_show_section("gemeenten")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, AgreementFormScreen)
        before = len(app.workspace.data.agreements)
        await _fuzz(pilot, app.screen)
        assert len(app.workspace.data.agreements) == before
