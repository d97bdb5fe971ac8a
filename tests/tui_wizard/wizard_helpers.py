"""Helpers for the wizard tests: the demo data on 23-11-2026 in a vault made with the cheap KDF (root
conftest), an in-memory keyring, fixed terminal sizes, and the pilot steps to open the wizard."""

from __future__ import annotations

from lcv_testing import PASSPHRASE, SIZE, SMALL, TODAY, MemoryKeyring, demo_data, tenant_id  # noqa: F401  (re-exported for the tests here)


async def settle(pilot) -> None:
    """Wait for the workers (vault, files) and the messages they post."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_wizard_for(pilot, surname: str):
    """Unlock, open the wizard for the tenant named ``surname`` and return the wizard screen."""
    from lcv_tui.tui.screens.wizard import WizardScreen, open_wizard

    await settle(pilot)
    app = pilot.app
    open_wizard(app, tenant_id(app.workspace.data, surname))
    await settle(pilot)
    assert isinstance(app.screen, WizardScreen)
    return app.screen


def screen_text(app) -> str:
    """Everything the current screen shows, as plain text (for asserting on the words)."""
    from textual.widgets import Button, Static

    parts = []
    for widget in app.screen.query("*"):
        if (
            isinstance(widget, (Static, Button))
            and widget.display
            and widget.parent is not None
            and widget.parent.display
        ):
            parts.append(str(widget.render()))
    return "\n".join(parts)
