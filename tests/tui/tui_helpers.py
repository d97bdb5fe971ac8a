"""TUI test helpers: a fixed terminal size, no animations, an in-memory keyring, vaults made with the cheap KDF
(root conftest), and helpers to drive the app with the pilot."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from lcv_testing import MemoryKeyring  # noqa: F401  (re-exported for the tests here)

from lcv_tui.domain.models import Agreement, Landlord, Meldpunt, Tenant, VaultData

SIZE = (120, 36)
PASSPHRASE = "correct paard batterij nietje"

SURNAMES = ("Jansen", "de Vries", "Bakker", "Visser", "Smit", "Meijer", "van Dijk", "Mulder")


def sample_data() -> VaultData:
    tenants = [
        Tenant(
            surname=name,
            initials="A.",
            street="Dorpsstraat",
            house_number=index + 1,
            postcode=f"35{index + 11} AB",
            town="Utrecht" if index % 2 else "Zeist",
            gemeente="Utrecht" if index % 2 else "Zeist",
            rent=Decimal("850.00") + index,
            tenancy_start=dt.date(2025, 1, 1),
            klantnummer=f"K{index + 1:03d}",
        )
        for index, name in enumerate(SURNAMES)
    ]
    return VaultData(
        landlord=Landlord(name="Verhuur Voorbeeld BV", objection_email="bezwaar@voorbeeld.nl"),
        agreements=[
            Agreement(
                gemeente="Utrecht", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2025, 1, 1)
            )
        ],
        tenants=tenants,
    )


async def settle(pilot) -> None:
    """Wait for workers (vault open/save) and the messages they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def unlock(pilot, passphrase: str = PASSPHRASE) -> None:
    await settle(pilot)
    field = pilot.app.screen.query_one("#passphrase")
    field.value = passphrase
    await pilot.press("enter")
    await settle(pilot)


async def to_section(pilot, mode: str) -> None:
    """Go to a section the way a user does: its function key (looked up, never hard-coded)."""
    from lcv_tui.tui.sections import section

    await pilot.press(section(mode).key)
    await settle(pilot)


def fill(screen, **values: str) -> None:
    for name, value in values.items():
        screen.query_one(f"#field-{name}").value = value
