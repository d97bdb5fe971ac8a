"""``lcv-tui demo``: fictional tenants in every stage, in a vault of their own (passphrase: demo).

Never touches the real vault: without ``--data-dir`` the demo vault lives in a fresh temporary
folder; with ``--data-dir MAP --no-open`` it is written there (refusing to overwrite a vault) and
the command exits without opening the app.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from lcv_tui.commands.context import EXIT_OK

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext
    from lcv_tui.paths import Locations

DEMO_PASSPHRASE = "demo"


def create_demo_vault(locations: Locations, clock) -> None:
    """Write a demo vault into ``locations`` (raises ``VaultError``, e.g. ``VaultExists``)."""
    from lcv_tui.domain.demo import build_demo
    from lcv_tui.store.vault import Vault

    # The demo vault is never remembered in the keyring: it is thrown away.
    Vault.create(locations, DEMO_PASSPHRASE, build_demo(clock.today()), remember=False, demo=True)


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.paths import Locations
    from lcv_tui.store.errors import VaultError

    explicit_dir = getattr(args, "data_dir", None)
    no_open = bool(getattr(args, "no_open", False))
    if no_open and explicit_dir is None:
        return ctx.fail(
            "Geef met --data-dir MAP aan waar de demokluis moet komen (samen met --no-open).", 2
        )
    if explicit_dir is not None:
        locations = Locations.resolve(explicit_dir)
    else:
        locations = Locations(Path(tempfile.mkdtemp(prefix="lcv-tui-demo-")))
    try:
        create_demo_vault(locations, ctx.clock)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    if no_open:
        ctx.say(f"Demokluis geschreven: {locations.vault_path} (wachtzin: {DEMO_PASSPHRASE}).")
        ctx.say(f"Openen: lcv-tui --data-dir {locations.data_dir}")
        return EXIT_OK
    from lcv_tui.tui.app import make_app
    from lcv_tui.tui.crash import run_app

    code = run_app(
        make_app(
            locations,
            ctx.clock,
            keyring_backend=ctx.keyring_backend,
            demo=True,
            passphrase=DEMO_PASSPHRASE,
        )
    )
    ctx.say(
        f"De demokluis blijft staan in {locations.data_dir}; verwijder die map als u hem niet meer nodig hebt."
    )
    return code
