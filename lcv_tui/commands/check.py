"""``lcv-tui check PAD``: is this upload (or withdrawal) file fit to upload? Exit 0 yes, 1 no, 3 unreadable."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lcv_tui.commands.context import EXIT_IO, EXIT_OK, EXIT_REFUSED

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext


def run(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.exports.check import check_file, guess_profile
    from lcv_tui.exports.files import ExportError

    try:
        profile = guess_profile(args.path)
        report = check_file(args.path, profile)
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    ctx.say(f"Controle van {args.path} ({report.fmt.upper()}, indeling {profile.name}):")
    for problem in report.problems:
        ctx.say(f"  FOUT  {problem}")
    for warning in report.warnings:
        ctx.say(f"  LET OP  {warning}")
    ctx.say(report.summary())
    return EXIT_OK if report.ok else EXIT_REFUSED
