"""Generate SVG screenshots of the main screens into ``screenshots/``, from the demo data.

Run: ``python scripts/screenshots.py``. Headless, fixed clock (2026-11-23) and size (120×36), so the
pictures only change when the screens do. To add a screen, add an entry to ``SHOTS``: a file name
and an async function that drives the pilot from the unlocked home screen.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lcv_tui.clock import FixedClock  # noqa: E402
from lcv_tui.commands.demo import DEMO_PASSPHRASE, create_demo_vault  # noqa: E402
from lcv_tui.paths import Locations  # noqa: E402
from lcv_tui.tui.app import make_app  # noqa: E402
from lcv_tui.tui.sections import section  # noqa: E402

TODAY = dt.date(2026, 11, 23)
SIZE = (120, 36)
OUT = ROOT / "screenshots"

Step = Callable[[object], Awaitable[None]]


async def _press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def home(pilot) -> None:
    return None


async def tenants(pilot) -> None:
    await _press(pilot, section("huurders").key)


async def tenant_form(pilot) -> None:
    await _press(pilot, section("huurders").key)
    await _press(pilot, "enter")


async def tenant_file(pilot) -> None:
    await _press(pilot, "enter")  # the first agenda row


async def letters_of_today(pilot) -> None:
    await _press(pilot, "b")


async def tenant_info(pilot) -> None:
    await _press(pilot, "i")


async def agreements(pilot) -> None:
    await _press(pilot, section("gemeenten").key)


async def settings(pilot) -> None:
    await _press(pilot, section("instellingen").key)


async def help_page(pilot) -> None:
    await _press(pilot, "f1")


async def melden(pilot) -> None:
    await _press(pilot, section("melden").key)


async def entry_card(pilot) -> None:
    await _press(pilot, section("melden").key)
    await pilot.app.workers.wait_for_complete()  # the month's selection, before the card can open
    await pilot.pause()
    await _press(pilot, "k")


def wizard_at(surname: str, *keys: str) -> Step:
    """The wizard "Signaal begeleiden" for the demo tenant ``surname``, after pressing ``keys``."""

    async def step(pilot) -> None:
        from lcv_tui.tui.screens.wizard import open_wizard

        data = pilot.app.workspace.data
        open_wizard(pilot.app, next(t.id for t in data.tenants if t.surname == surname))
        await pilot.pause()
        for key in keys:
            await _press(pilot, key)

    return step


SHOTS: list[tuple[str, Step]] = [
    ("agenda.svg", home),
    ("huurderdossier.svg", tenant_file),
    ("brieven-van-vandaag.svg", letters_of_today),
    ("informatie-huurders.svg", tenant_info),
    ("huurders.svg", tenants),
    ("huurder-wijzigen.svg", tenant_form),
    ("gemeenten.svg", agreements),
    ("instellingen.svg", settings),
    ("help.svg", help_page),
    ("melden.svg", melden),
    ("invoerkaart.svg", entry_card),
    ("wizard-achterstand.svg", wizard_at("El Amrani", "1")),
    ("wizard-geen-overeenkomst.svg", wizard_at("Bos")),
    ("wizard-gegevenscontrole.svg", wizard_at("IJzerman")),
    ("wizard-melden.svg", wizard_at("IJzerman", "v")),
    ("wizard-daarna.svg", wizard_at("Dijkstra")),
]


async def _settle(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def shoot(
    locations: Locations, name: str, step: Step, *, unlock: bool = True, out: Path = OUT
) -> None:
    clock = FixedClock.on(TODAY)
    app = make_app(
        locations,
        clock,
        demo=True,
        passphrase=DEMO_PASSPHRASE if unlock else None,
        animation_level="none",
    )
    async with app.run_test(size=SIZE) as pilot:
        await _settle(pilot)
        await step(pilot)
        await _settle(pilot)
        app.save_screenshot(name, str(out))
    print(f"{out.name}/{name}")


EMPTY, DEMO = "gegevens-leeg", "gegevens-demo"
"""The data folders, relative to the working folder, so the paths on screen are the same on every run."""

PLAN: list[tuple[str, str, Step, bool]] = [
    ("eerste-keer.svg", EMPTY, home, False),
    ("ontgrendelen.svg", DEMO, home, False),
    *[(name, DEMO, step, True) for name, step in SHOTS],
]
"""Every screenshot: (file name, data folder, what to do after the start, unlocked)."""


async def shoot_planned(name: str, out: Path = OUT) -> None:
    """Make the screenshot ``name`` of ``PLAN`` in the working folder (the demo vault is made once)."""
    _, folder, step, unlock = next(entry for entry in PLAN if entry[0] == name)
    locations = Locations(Path(folder))
    if folder == DEMO and not Path(folder).exists():
        create_demo_vault(locations, FixedClock.on(TODAY))
    await shoot(locations, name, step, unlock=unlock, out=out)


async def main(out: Path = OUT) -> None:
    out = out.absolute()
    out.mkdir(exist_ok=True)
    here = Path.cwd()
    with tempfile.TemporaryDirectory(prefix="lcv-tui-shots-") as folder:
        os.chdir(folder)
        try:
            for name, *_ in PLAN:
                await shoot_planned(name, out)
        finally:
            os.chdir(here)


if __name__ == "__main__":
    asyncio.run(main())
