"""``lcv-tui`` / ``lcv-tui tui``: open the app on the real data folder."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.tui.app import make_app
    from lcv_tui.tui.crash import run_app

    return run_app(make_app(ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend))
