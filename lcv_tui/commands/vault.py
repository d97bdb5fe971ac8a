"""Vault commands: ``init``, ``passwd``, ``backups``, ``restore`` and ``purge``.

Passphrases come from the environment (``LCV_TUI_PASSPHRASE``; ``LCV_TUI_NEW_PASSPHRASE`` for the
new one), never from the command line, where other users could see them in the process list.
"""

from __future__ import annotations

import argparse
import os

from lcv_tui.commands.context import EXIT_ACCESS, EXIT_OK, CliContext
from lcv_tui.paths import ENV_PASSPHRASE, store_python_notice

ENV_NEW_PASSPHRASE = "LCV_TUI_NEW_PASSPHRASE"


def _passphrase(env: str = ENV_PASSPHRASE) -> str | None:
    return os.environ.get(env) or None


def run_init(args: argparse.Namespace, ctx: CliContext) -> int:
    """Create a new, empty vault with the passphrase from ``LCV_TUI_PASSPHRASE``."""
    from lcv_tui.domain.models import VaultData
    from lcv_tui.store import Vault, VaultError

    passphrase = _passphrase()
    if passphrase is None:
        return ctx.fail(
            f"Geen wachtzin gegeven: zet de wachtzin in de omgevingsvariabele {ENV_PASSPHRASE} en probeer opnieuw.",
            EXIT_ACCESS,
        )
    try:
        vault = Vault.create(
            ctx.locations, passphrase, VaultData(), keyring_backend=ctx.keyring_backend
        )
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    ctx.say(f"Kluis gemaakt: {vault.path}")
    ctx.say(f"Reservekopieën komen in: {ctx.locations.backup_dir}")
    ctx.say("Bewaar uw wachtzin goed: zonder wachtzin zijn de gegevens niet terug te halen.")
    notice = store_python_notice(ctx.locations.data_dir)
    if notice is not None:
        ctx.say()
        ctx.say(notice)
    return EXIT_OK


def _agree(ctx: CliContext, question: str) -> bool:
    """Ask a yes/no question on the terminal; without a terminal the answer is no."""
    import sys

    if not sys.stdin.isatty():
        return False
    print(f"{question} [j/N] ", end="", file=ctx.out, flush=True)
    try:
        answer = sys.stdin.readline()
    except (OSError, KeyboardInterrupt):
        return False
    return answer.strip().lower() in ("j", "ja", "y", "yes")


def run_passwd(args: argparse.Namespace, ctx: CliContext) -> int:
    """Change the passphrase (and the data key): the old one from ``LCV_TUI_PASSPHRASE``, the new one
    from ``LCV_TUI_NEW_PASSPHRASE``. Holds the vault's lock from reading to writing."""
    from lcv_tui.store import VaultError, check_passphrase, open_workspace
    from lcv_tui.store.vault import REKEY, REMOVE, set_aside_files

    old, new = _passphrase(), _passphrase(ENV_NEW_PASSPHRASE)
    if old is None:
        return ctx.fail(
            f"Zet de huidige wachtzin in {ENV_PASSPHRASE} en probeer opnieuw.", EXIT_ACCESS
        )
    if new is None:
        return ctx.fail(
            f"Zet de nieuwe wachtzin in {ENV_NEW_PASSPHRASE} en probeer opnieuw.", EXIT_ACCESS
        )
    try:
        check_passphrase(new)
        workspace = open_workspace(
            ctx.locations, ctx.clock, passphrase=old, keyring_backend=ctx.keyring_backend
        )
        set_aside = set_aside_files(ctx.locations)
        remove_set_aside = getattr(args, "remove_set_aside", False) or (
            bool(set_aside)
            and _agree(
                ctx,
                (
                    "Er is 1 apart bewaard kluisbestand"
                    if len(set_aside) == 1
                    else f"Er zijn {len(set_aside)} apart bewaarde kluisbestanden"
                )
                + " (van een eerdere 'restore'); die openen met de oude wachtzin. Verwijderen?",
            )
        )
        result = workspace.vault.change_passphrase(
            old,
            new,
            backups=REMOVE if getattr(args, "remove_backups", False) else REKEY,
            remove_set_aside=remove_set_aside,
        )
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    ctx.say(
        "De wachtzin is gewijzigd en de kluis is opnieuw versleuteld met een nieuwe sleutel. "
        "Open de kluis voortaan met de nieuwe wachtzin."
    )
    if result.rekeyed:
        ctx.say(f"{len(result.rekeyed)} reservekopie(ën) opnieuw versleuteld.")
    if result.removed:
        ctx.say(
            f"{len(result.removed)} reservekopie(ën) verwijderd; er is één nieuwe reservekopie gemaakt."
        )
    for path in result.left:
        ctx.say(
            f"Let op: {path} kon niet opnieuw worden versleuteld; het opent nog met de oude wachtzin "
            "(met de gegevens van toen). Verwijder het als u het niet meer nodig hebt."
        )
    for path in result.set_aside_removed:
        ctx.say(f"Verwijderd: {path}")
    for path in result.set_aside_left:
        ctx.say(
            f"Let op: {path} is een apart bewaard kluisbestand; het opent nog met de oude wachtzin "
            "(met de gegevens van toen). Verwijder het met 'lcv-tui passwd --remove-set-aside' of zelf."
        )
    return EXIT_OK


def run_backups(args: argparse.Namespace, ctx: CliContext) -> int:
    """List the backups, newest first (which ones open can only be known with the passphrase)."""
    from lcv_tui.store import list_backups

    backups = list_backups(ctx.locations)
    if not backups:
        ctx.say(
            f"Er zijn nog geen reservekopieën in {ctx.locations.backup_dir}. Bij elke keer "
            f"opslaan wordt er een gemaakt."
        )
        return EXIT_OK
    ctx.say(f"Reservekopieën in {ctx.locations.backup_dir} (nieuwste eerst):")
    for backup in backups:
        ctx.say(
            f"  {backup.taken_at:%d-%m-%Y %H:%M:%S}  {backup.path.name}  {max(1, round(backup.size / 1024))} kB"
        )
    ctx.say(
        "Terugzetten: lcv-tui restore BESTANDSNAAM (of zonder naam: de nieuwste die met uw wachtzin opent)."
    )
    return EXIT_OK


def run_restore(args: argparse.Namespace, ctx: CliContext) -> int:
    """Put a backup back (the named one, or the newest that opens); the current file is kept aside.
    Holds the vault's lock throughout (refused while the app has the vault open)."""
    from lcv_tui.store import VaultError
    from lcv_tui.store.lock import locked

    passphrase = _passphrase()
    try:
        with locked(ctx.locations):
            return _restore(args, ctx, passphrase)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)


def _restore(args: argparse.Namespace, ctx: CliContext, passphrase: str | None) -> int:
    from lcv_tui.store import (
        VaultError,
        check_backup,
        newest_good_backup,
        resolve_backup,
        restore_backup,
    )

    try:
        if args.backup:
            path = resolve_backup(ctx.locations, args.backup)
            if not path.is_file():
                return ctx.fail(
                    f"Reservekopie {args.backup} niet gevonden. Bekijk de lijst met 'lcv-tui backups'.",
                    EXIT_ACCESS,
                )
            check_backup(ctx.locations, path, passphrase, keyring_backend=ctx.keyring_backend)
        else:
            found = newest_good_backup(
                ctx.locations, passphrase, keyring_backend=ctx.keyring_backend
            )
            if found is None:
                hint = (
                    ""
                    if passphrase
                    else f" Zet de wachtzin in {ENV_PASSPHRASE} en probeer opnieuw."
                )
                return ctx.fail(
                    f"Geen reservekopie opent met deze wachtzin.{hint} Bekijk de lijst met 'lcv-tui backups'.",
                    EXIT_ACCESS,
                )
            path = found
        aside = restore_backup(ctx.locations, path)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    ctx.say(f"Reservekopie {path.name} is teruggezet als {ctx.locations.vault_path}.")
    if aside is not None:
        ctx.say(f"Het vorige kluisbestand is apart bewaard als {aside}.")
    return EXIT_OK


def run_purge(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show (or with ``--apply`` remove) former tenants whose retention period has passed."""
    from lcv_tui.domain.retention import purgeable
    from lcv_tui.domain.validation import format_date
    from lcv_tui.exports.cleanup import remove_tenant_files
    from lcv_tui.store import VaultError, open_workspace
    from lcv_tui.store.retention import purge

    on = args.on or ctx.clock.today()
    try:
        workspace = open_workspace(ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend)
        candidates = purgeable(workspace.data, on)
        if not candidates:
            ctx.say(
                f"Er zijn op {format_date(on)} geen oud-huurders van wie de gegevens verwijderd mogen worden."
            )
            return EXIT_OK
        ctx.say(
            f"Na de bewaartermijn ({workspace.data.settings.retention_months} maanden) mogen deze gegevens weg:"
        )
        for tenant in candidates:
            ref = f" ({tenant.klantnummer})" if tenant.klantnummer else ""
            end = format_date(tenant.tenancy_end) if tenant.tenancy_end else "onbekend"
            ctx.say(f"  {tenant.display_name}{ref}, {tenant.address_line}, huur geëindigd op {end}")
        if not args.apply:
            ctx.say(
                "Dit is een voorbeeld: er is niets verwijderd. Verwijder echt met: lcv-tui purge --apply"
            )
            return EXIT_OK
        result = purge(workspace, [t.id for t in candidates])
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    files = remove_tenant_files(
        ctx.locations,
        candidates,
        workspace.data.tenants,
        letters_dir=workspace.data.settings.letters_dir,
    )
    ctx.say(
        f"{len(result.removed)} huurder(s) verwijderd uit de kluis. {result.backups_deleted} oudere reservekopie(ën) "
        "verwijderd; er is één nieuwe reservekopie zonder deze gegevens."
    )
    if result.documents_removed:
        ctx.say(
            f"{result.documents_removed} bewaarde brief/brieven (PDF) verwijderd die in geen enkel "
            "huurdersdossier meer staan."
        )
    for path in result.set_aside:
        ctx.say(
            f"Let op: {path} is een eerder apart bewaard kluisbestand en kan deze gegevens nog bevatten; "
            "verwijder het als u het niet meer nodig hebt."
        )
    if files.removed:
        ctx.say(
            f"Verwijderd uit de gegevensmap ({len(files.removed)} bestand(en): brieven, dossiers, uploadbestanden):"
        )
        for path in files.removed:
            ctx.say(f"  {path}")
    for path in files.ambiguous:
        ctx.say(
            f"Niet verwijderd: {path} draagt de achternaam van een verwijderde huurder, maar ook van een "
            "huurder die blijft. Bekijk het zelf en verwijder het als het van de oud-huurder is."
        )
    for path, reason in files.failed:
        ctx.say(f"Kon {path} niet verwijderen ({reason}); verwijder het zelf.")
    return EXIT_OK
