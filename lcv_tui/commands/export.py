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
    from pathlib import Path

    from lcv_tui.commands.context import CliContext
    from lcv_tui.domain.models import Meldpunt, Tenant

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
    from lcv_tui.exports.profiles import upload_profile
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

    # One file per meldpunt, each in its meldpunt's layout, so that no row reaches a meldpunt that
    # does not serve the tenant's municipality (werkinstructie stap 1: the gemeente chooses the
    # meldpunt; issue 13.5). With more than one, --out names them: signalen-ris-matching.xlsx, ...
    meldpunten = selection.upload_meldpunten
    try:
        targets = {
            meldpunt: out_target(
                args.out if len(meldpunten) == 1 else _per_meldpunt(args.out, meldpunt),
                fmt=args.format,
                force=args.force,
            )
            for meldpunt in meldpunten
        }  # every name is checked before any file is written
        written = []
        for meldpunt, (target, fmt) in targets.items():
            records = [r for r in upload if r.meldpunt == meldpunt]
            profile = upload_profile(meldpunt.value)
            result = write_upload(
                records,
                target,
                fmt=fmt,
                profile=profile,
                extra_phone_columns=data.settings.extra_phone_columns,
            )
            written.append((result, profile, records))
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    problems = False
    for result, profile, records in written:
        report = check_file(result.path, profile)
        total = sum((r.bedrag for r in records), Decimal("0.00"))
        ctx.say("")
        ctx.say(f"Uploadbestand gemaakt: {result.path}")
        ctx.say(
            f"  {result.rows} signaal/signalen, samen {format_money(total)}; indeling "
            f"{profile.name}; formaat {result.fmt.upper()}."
        )
        ctx.say(
            f"  Nooit gedeeld (niet aangekondigd in tekst 1 en 2): "
            f"{', '.join(FIELD_LABELS[f] for f in sorted(NEVER_SHARED))}. "
            "Optionele velden alleen als ze met de gemeente zijn afgesproken."
        )
        if report.ok:
            ctx.say("  Controle: in orde.")
            continue
        problems = True
        ctx.say("  Controle van het bestand vond problemen:")
        for problem in report.problems:
            ctx.say(f"    {problem}")
    if problems:
        return ctx.fail(
            "Niet elk bestand is geschikt om te uploaden: zie de problemen hierboven.",
            EXIT_REFUSED,
        )
    if len(written) > 1:
        ctx.say("")
        ctx.say(
            "Elk bestand gaat naar zijn eigen meldpunt (de naam zegt welk): de gemeente van de "
            "huurder bepaalt het meldpunt."
        )
    ctx.say("")
    ctx.say(NOT_RECORDED)
    return EXIT_OK


def _per_meldpunt(out_arg: str, meldpunt: Meldpunt) -> Path:
    """``signalen.xlsx`` → ``signalen-bkr-vps.xlsx``: the file of one meldpunt when there are several."""
    from pathlib import Path

    from lcv_tui.exports.profiles import FILE_STEMS

    out = Path(out_arg)
    return out.with_name(f"{out.stem}-{FILE_STEMS[meldpunt.value]}{out.suffix}")


def run_withdrawals(args: argparse.Namespace, ctx: CliContext) -> int:
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
    by_hand = [r for r in records if not r.by_file]
    upload = [r for r in records if r.by_file]
    for record in records:
        tenant = by_id[record.tenant_id]
        when = f"gemeld {format_date(record.signal_on)}" if record.signal_on else "gemeld"
        paid = f", betaald {format_date(record.paid_on)}" if record.paid_on else ""
        ctx.say(
            f"  {_who(tenant)}: {when}{paid}"
            + ("" if record.by_file else f" — trek in {record.how}")
        )
    if by_hand:
        ctx.say(
            f"{len(by_hand)} signaal/signalen via de website of VPS (BKR): trek die daar één voor "
            "één in."
        )
    if not upload:
        ctx.say(
            "Er is geen intrekkingsbestand gemaakt: trek deze signalen met de hand in bij het "
            "meldpunt en leg daarna in lcv-tui vast dat ze zijn ingetrokken (Melden → Intrekken)."
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
