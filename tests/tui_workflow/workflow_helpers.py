"""Helpers to drive the workflow screens with the pilot."""

from __future__ import annotations

from lcv_tui.tui.screens.tenant_file import TenantFileScreen

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Wait for workers (vault open and save, writing files) and the messages they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


def tenant_id(app, klantnummer: str) -> str:
    return next(t.id for t in app.workspace.data.tenants if t.klantnummer == klantnummer)


async def open_file(pilot, klantnummer: str) -> TenantFileScreen:
    pilot.app.push_screen(TenantFileScreen(tenant_id(pilot.app, klantnummer)))
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, TenantFileScreen)
    return screen


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector).content)


def fill(screen, **values: str) -> None:
    for name, value in values.items():
        screen.query_one(f"#field-{name}").value = value
