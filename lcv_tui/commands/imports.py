"""``lcv-tui import tenants|payments PAD [--skip-bad] [--dry-run]``.

Shows which columns were recognised, what will be added, every row with an error (with its row
number) and every duplicate; then adds all or nothing. The column mapping that worked is kept in
the vault for the next import of a file with the same columns.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lcv_tui.commands.context import EXIT_IO, EXIT_OK, EXIT_REFUSED

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext
    from lcv_tui.exports.imports import ImportPlan


def run_tenants(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run(args, ctx, "tenants")


def run_payments(args: argparse.Namespace, ctx: CliContext) -> int:
    return _run(args, ctx, "payments")


def _report(plan: ImportPlan, ctx: CliContext) -> None:
    from lcv_tui.exports.imports import PAYMENT_FIELDS, TENANT_FIELDS

    fields = TENANT_FIELDS if plan.kind == "tenants" else PAYMENT_FIELDS
    what = "huurders" if plan.kind == "tenants" else "betalingen"
    ctx.say("Herkende kolommen:")
    for name, title in plan.mapping.columns.items():
        ctx.say(f"  {fields[name][0]:<14} ← '{title}'")
    if plan.unused_columns:
        ctx.say(
            "Niet gebruikt (worden niet ingelezen): "
            + ", ".join(f"'{t}'" for t in plan.unused_columns)
        )
    ctx.say(
        f"{plan.total_rows} regel(s) gelezen: {len(plan.rows)} {what} klaar om in te lezen, "
        f"{len(plan.bad_rows)} regel(s) met fouten, {len(plan.duplicates)} dubbel."
    )
    for issue in plan.errors:
        ctx.say(f"  FOUT   {issue}")
    for issue in plan.duplicates:
        ctx.say(f"  DUBBEL {issue}")


def _run(args: argparse.Namespace, ctx: CliContext, kind: str) -> int:
    from lcv_tui.exports.files import ExportError
    from lcv_tui.exports.imports import (
        ColumnMapping,
        ImportRefused,
        apply_import,
        plan_payments_table,
        plan_tenants_table,
        read_table,
    )
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import open_workspace

    try:
        workspace = open_workspace(
            ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend, actor="cli"
        )
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    data = workspace.data
    try:
        table = read_table(args.path)
        header = {str(h).strip() for h in (table[0] if table else []) if h is not None}
        remembered = data.import_mappings.get(kind) or {}
        # a remembered mapping is used only when the file has all its columns
        given = (
            ColumnMapping.from_dict(kind, remembered)
            if remembered and set(remembered.values()) <= header
            else None
        )
        if kind == "tenants":
            plan = plan_tenants_table(table, data, mapping=given)
        else:
            plan = plan_payments_table(table, data, today=ctx.clock.today(), mapping=given)
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    _report(plan, ctx)
    if args.dry_run:
        ctx.say("Proefrun (--dry-run): er is niets ingelezen.")
        return EXIT_OK if plan.ok else EXIT_REFUSED
    try:
        result = apply_import(
            data, plan, now=ctx.clock.now(), skip_bad=args.skip_bad, actor="import"
        )
    except ImportRefused as exc:
        hint = "\nMet --skip-bad leest u alleen de goede regels in." if plan.errors else ""
        return ctx.fail(exc.message + hint, EXIT_REFUSED)
    if result.added == 0:
        ctx.say("Niets nieuws om in te lezen.")
        return EXIT_OK
    data.import_mappings[kind] = plan.mapping.to_dict()
    workspace.mark_dirty()
    try:
        workspace.commit()
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    what = "huurder(s)" if kind == "tenants" else "betaling(en)"
    skipped = (
        f"; {result.skipped_bad} regel(s) met fouten overgeslagen" if result.skipped_bad else ""
    )
    ctx.say(
        f"Ingelezen: {result.added} {what}{skipped}; {result.duplicates} dubbel en niet opnieuw toegevoegd."
    )
    return EXIT_OK
