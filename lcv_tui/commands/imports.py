"""``lcv-tui import tenants|payments PAD [--skip-bad] [--dry-run]`` and ``lcv-tui import bank PAD [--dry-run]``.

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
        plan_payments_table,
        plan_tenants_table,
        read_table,
    )
    from lcv_tui.services.imports import apply_import
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
        result = apply_import(workspace, plan, now=ctx.clock.now(), skip_bad=args.skip_bad)
    except ImportRefused as exc:
        hint = "\nMet --skip-bad leest u alleen de goede regels in." if plan.errors else ""
        return ctx.fail(exc.message + hint, EXIT_REFUSED)
    if result.added == 0:
        ctx.say("Niets nieuws om in te lezen.")
        return EXIT_OK
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


def run_bank(args: argparse.Namespace, ctx: CliContext) -> int:
    """``lcv-tui import bank PAD [--dry-run]``: read a bank statement and record the rent in it.

    Exit codes: 0 every incoming transaction matched or read before; 1 some not matched (listed;
    the matched ones are recorded unless ``--dry-run``); 2 no access to the vault; 3 the file
    cannot be read.
    """
    from lcv_tui.domain.bank import describe, plan_bank_import
    from lcv_tui.exports.bank import read_statement
    from lcv_tui.exports.files import ExportError
    from lcv_tui.services.imports import record_bank_import
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import open_workspace

    try:
        statement = read_statement(args.path)
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    try:
        workspace = open_workspace(
            ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend, actor="cli"
        )
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    data = workspace.data
    plan = plan_bank_import(data, statement, today=ctx.clock.today())
    names = {tenant.id: tenant for tenant in data.tenants}

    def who(tenant_id: str) -> str:
        tenant = names[tenant_id]
        return f"{tenant.klantnummer} {tenant.display_name}".strip()

    ctx.say(f"{statement.format}: {len(statement.transactions)} transactie(s).")
    for line in plan.matched:
        assert line.tenant_id is not None
        ctx.say(
            f"  GEKOPPELD  {describe(line)}\n             → {who(line.tenant_id)} ({line.reason})"
        )
    for line in plan.suggested:
        options = ", ".join(who(t) for t in line.candidates)
        ctx.say(f"  VOORSTEL   {describe(line)}\n             → {options}? ({line.reason})")
    for line in plan.unmatched:
        ctx.say(f"  NIET       {describe(line)}\n             ({line.reason})")
    counts = plan.counts()
    ctx.say(
        f"{counts['matched']} gekoppeld, {counts['suggested']} voorstel(len), "
        f"{counts['unmatched']} niet gekoppeld, {counts['already_read']} al eerder ingelezen, "
        f"{counts['ignored']} overgeslagen (uitgaand)."
    )
    if plan.suggested or plan.unmatched:
        ctx.say(
            "Voorstellen en niet-gekoppelde transacties worden niet vastgelegd: kies de huurder in de "
            "app (Bankafschrift inlezen), of zet het IBAN of klantnummer bij de huurder en lees "
            "het afschrift opnieuw in."
        )
    outcome = EXIT_OK if plan.all_matched else EXIT_REFUSED
    if args.dry_run:
        ctx.say("Proefrun (--dry-run): er is niets vastgelegd.")
        return outcome
    if not plan.matched:
        ctx.say("Niets nieuws om vast te leggen.")
        return outcome
    result = record_bank_import(workspace, plan, now=ctx.clock.now())
    try:
        workspace.commit()
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    ctx.say(
        f"Vastgelegd: {len(result.payments)} betaling(en), waarvan {result.reversals} storno('s)."
    )
    return outcome
