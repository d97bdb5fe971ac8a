"""``lcv-tui export signals|withdrawals``: the upload file and the bulk withdrawal file.

Writing a file records nothing in the tenants' files: the landlord uploads it at the meldpunt and
then confirms "geüpload" in the app; an unconfirmed file changes nothing. Names and addresses go
to standard output only (the user asked for them), never to stderr.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from lcv_tui.commands.context import EXIT_IO, EXIT_OK, EXIT_REFUSED

if TYPE_CHECKING:
    from lcv_tui.commands.context import CliContext
    from lcv_tui.domain.models import Tenant

NOT_RECORDED = (
    "Let op: dit bestand legt nog niets vast. Upload het bij het digitaal meldpunt en bevestig daarna "
    "in lcv-tui dat het geüpload is; pas dan staat het in de dossiers. Een bestand dat u niet uploadt, verandert niets."
)


def _open(ctx: CliContext):
    from lcv_tui.store.errors import VaultError
    from lcv_tui.store.workspace import open_workspace

    try:
        return open_workspace(
            ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend, actor="cli"
        ), None
    except VaultError as exc:
        print(exc.message, file=ctx.err)
        return None, exc.exit_code


def _who(tenant: Tenant) -> str:
    ref = f"{tenant.klantnummer} " if tenant.klantnummer else ""
    return f"{ref}{tenant.display_name}, {tenant.postcode} {tenant.house_label} ({tenant.gemeente})"


def run_signals(args: argparse.Namespace, ctx: CliContext) -> int:
    from decimal import Decimal

    from lcv_tui.domain.ledger import arrears
    from lcv_tui.domain.municipalities import canonical, unknown_message
    from lcv_tui.domain.sharing import (
        FIELD_LABELS,
        NEVER_SHARED,
        select_signals,
        shared_fields_preview,
    )
    from lcv_tui.domain.validation import format_date_long, format_money
    from lcv_tui.exports.check import check_file
    from lcv_tui.exports.files import ExportError, out_target
    from lcv_tui.exports.profiles import RIS_2021
    from lcv_tui.exports.upload import write_upload

    on = args.on or ctx.clock.today()
    gemeente = None
    if args.gemeente:
        gemeente = canonical(args.gemeente)
        if gemeente is None:
            return ctx.fail(unknown_message(args.gemeente), EXIT_REFUSED)
    workspace, code = _open(ctx)
    if workspace is None:
        return code
    data = workspace.data
    selection = select_signals(data, on, gemeente)

    ctx.say(
        f"Signalen op {format_date_long(on)}" + (f" voor gemeente {gemeente}" if gemeente else "")
    )
    if selection.excluded:
        ctx.say("")
        ctx.say(f"Niet meegenomen ({len(selection.excluded)}):")
        for tenant, verdict in selection.excluded:
            ctx.say(f"  {_who(tenant)}")
            for reason in verdict.blocking:
                fix = f" Wat te doen: {reason.fix}" if reason.fix else ""
                ctx.say(f"    [{reason.article}] {reason.text}{fix}")

    website = selection.website_records
    if website:
        ctx.say("")
        ctx.say(
            f"Via de website Achterstanden aanleveren ({len(website)}): geen bestand, typ deze gegevens over:"
        )
        by_id = {t.id: t for t in data.tenants}
        for record in website:
            tenant = by_id[record.tenant_id]
            ctx.say(f"  {_who(tenant)}")
            for label, value, _reason in shared_fields_preview(
                tenant, data.agreement_for(tenant.gemeente), arrears(tenant, on)
            ):
                if value:
                    ctx.say(f"    {label}: {value}")

    upload = sorted(
        selection.upload_records, key=lambda r: (r.postcode, r.huisnummer, r.toevoeging)
    )
    if not upload:
        ctx.say("")
        if website:
            ctx.say("Geen uploadbestand nodig: er zijn alleen signalen voor de website.")
            ctx.say(
                NOT_RECORDED.replace(
                    "Upload het bij het digitaal meldpunt", "Voer ze in op de website"
                )
            )
            return EXIT_OK
        reason = "geen enkele huurder voldoet op deze datum aan de regels voor een signaal"
        if not selection.excluded:
            reason = "er zijn geen huurders met een achterstand"
        return ctx.fail(
            f"Geen uploadbestand gemaakt: {reason}. Zie hierboven wat er nog moet "
            f"gebeuren, of kies een andere datum met --on.",
            EXIT_REFUSED,
        )

    try:
        target, fmt = out_target(args.out, fmt=args.format, force=args.force)
        result = write_upload(
            upload,
            target,
            fmt=fmt,
            profile=RIS_2021,
            extra_phone_columns=data.settings.extra_phone_columns,
        )
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    report = check_file(result.path, RIS_2021)
    total = sum((r.bedrag for r in upload), Decimal("0.00"))
    ctx.say("")
    ctx.say(f"Uploadbestand gemaakt: {result.path}")
    ctx.say(
        f"  {result.rows} signaal/signalen, samen {format_money(total)}; indeling "
        f"{RIS_2021.name}; formaat {result.fmt.upper()}."
    )
    ctx.say(
        f"  Nooit gedeeld (niet aangekondigd in tekst 1 en 2): "
        f"{', '.join(FIELD_LABELS[f] for f in sorted(NEVER_SHARED))}. "
        "Optionele velden alleen als ze met de gemeente zijn afgesproken."
    )
    if not report.ok:
        ctx.say("  Controle van het bestand vond problemen:")
        for problem in report.problems:
            ctx.say(f"    {problem}")
        return ctx.fail(
            "Het bestand is niet geschikt om te uploaden: zie de problemen hierboven.", EXIT_REFUSED
        )
    ctx.say("  Controle: in orde.")
    ctx.say("")
    ctx.say(NOT_RECORDED)
    return EXIT_OK


def run_withdrawals(args: argparse.Namespace, ctx: CliContext) -> int:
    from lcv_tui.domain.models import Route
    from lcv_tui.domain.validation import format_date, format_date_long
    from lcv_tui.exports.check import check_file
    from lcv_tui.exports.files import ExportError, out_target
    from lcv_tui.exports.profiles import WITHDRAWAL_2021
    from lcv_tui.exports.withdrawal import select_withdrawals, write_withdrawals

    on = args.on or ctx.clock.today()
    workspace, code = _open(ctx)
    if workspace is None:
        return code
    data = workspace.data
    records = select_withdrawals(data, on)
    ctx.say(f"Intrekkingen op {format_date_long(on)}")
    if not records:
        return ctx.fail(
            "Geen intrekkingsbestand gemaakt: er zijn geen gemelde huurders die inmiddels alles betaald hebben.",
            EXIT_REFUSED,
        )
    by_id = {t.id: t for t in data.tenants}
    website = [r for r in records if r.route == Route.WEBSITE]
    upload = [r for r in records if r.route == Route.UPLOAD]
    for record in records:
        tenant = by_id[record.tenant_id]
        when = f"gemeld {format_date(record.signal_on)}" if record.signal_on else "gemeld"
        paid = f", betaald {format_date(record.paid_on)}" if record.paid_on else ""
        ctx.say(
            f"  {_who(tenant)}: {when}{paid}"
            + (" — trek in op de website" if record.route == Route.WEBSITE else "")
        )
    if website:
        ctx.say(f"{len(website)} signaal/signalen via de website: trek die daar één voor één in.")
    if not upload:
        ctx.say(
            NOT_RECORDED.replace("Upload het bij het digitaal meldpunt", "Trek ze in op de website")
        )
        return EXIT_OK
    try:
        target, fmt = out_target(args.out, fmt=args.format, force=args.force)
        result = write_withdrawals(upload, target, fmt=fmt, profile=WITHDRAWAL_2021)
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    report = check_file(result.path, WITHDRAWAL_2021)
    ctx.say(
        f"Intrekkingsbestand gemaakt: {result.path} ({result.rows} regel(s); upload bij 'meldingen intrekken')."
    )
    if not report.ok:
        for problem in report.problems:
            ctx.say(f"  {problem}")
        return ctx.fail(
            "Het bestand is niet geschikt om te uploaden: zie de problemen hierboven.", EXIT_REFUSED
        )
    ctx.say(NOT_RECORDED)
    return EXIT_OK
