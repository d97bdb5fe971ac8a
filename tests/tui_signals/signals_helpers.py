"""Helpers for the Melden tests: demo data in a vault made with the cheap KDF (root conftest),
an in-memory keyring, a fixed terminal size, and a way to open a section with the pilot."""

from __future__ import annotations

from lcv_testing import PASSPHRASE, SIZE, TODAY, MemoryKeyring, demo_data, tenant_id  # noqa: F401  (re-exported for the tests here)

from lcv_tui.tui.sections import section


async def settle(pilot) -> None:
    """Wait for the workers (vault, selection, files) and the messages they post."""
    for _ in range(2):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_melden(pilot) -> None:
    await settle(pilot)
    await pilot.press(section("melden").key)
    await settle(pilot)
