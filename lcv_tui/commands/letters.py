"""Letter commands: ``letters`` (all letters due), ``dossier`` (evidence dossier), ``tenant-info``.

Writing a letter changes nothing in the vault: a letter counts as sent (and as evidence, LCV 2.1)
only once the landlord records it in the app with date and channel. So ``letters`` and
``dossier`` only read the vault and write files; they say so.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from lcv_tui.commands.context import EXIT_IO, EXIT_OK, EXIT_REFUSED, CliContext
from lcv_tui.paths import clean_path


def _open(ctx: CliContext):
    from lcv_tui.store.workspace import open_workspace

    return open_workspace(
        ctx.locations, ctx.clock, keyring_backend=ctx.keyring_backend, actor="cli"
    )


def _day(args: argparse.Namespace, ctx: CliContext) -> dt.date:
    return getattr(args, "on", None) or ctx.clock.today()


def run_letters(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write every letter due on ``--on`` (default today) as PDF and text, in one go."""
    from lcv_tui.domain.letters import letter_warnings
    from lcv_tui.exports.files import ExportError
    from lcv_tui.exports.letters_pdf import write_letters
    from lcv_tui.services.letters import due_letters
    from lcv_tui.store.errors import VaultError

    try:
        workspace = _open(ctx)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    data = workspace.data
    on = _day(args, ctx)
    if data.landlord is None:
        return ctx.fail(
            "Vul eerst uw gegevens als verhuurder in (Instellingen › Verhuurder): die staan op elke brief.",
            EXIT_REFUSED,
        )
    folder = (
        Path(args.out).expanduser()
        if getattr(args, "out", None)
        else (
            Path(clean_path(data.settings.letters_dir)).expanduser()
            if clean_path(data.settings.letters_dir)
            else ctx.locations.letter_dir
        )
    )

    due = due_letters(workspace, on)
    letters = [letter for _, letter in due.letters]
    refused = len(due.refused)
    for refusal in due.refused:
        ctx.say(
            f"Niet gemaakt: {refusal.kind.value} voor {refusal.tenant.display_name}: {refusal.message}"
        )
    if not letters and not refused:
        ctx.say(f"Er zijn op {on:%d-%m-%Y} geen brieven te versturen.")
        return EXIT_OK
    if letters:
        for warning in letter_warnings(data.landlord, (letter.kind for letter in letters)):
            ctx.say(f"Let op: {warning}")
        try:
            paths = write_letters(letters, folder)
        except ExportError as exc:
            return ctx.fail(exc.message, EXIT_IO)
        ctx.say(
            f"{len(letters)} {'brief' if len(letters) == 1 else 'brieven'} geschreven in {folder}:"
        )
        for path in paths:
            if path.suffix == ".pdf":
                ctx.say(f"  {path.name}")
        ctx.say(
            "De kluis is niet gewijzigd: een brief telt pas als verstuurd (en als bewijs, LCV 2.1) als u in de app "
            "vastlegt dat u hem hebt verstuurd, met datum en kanaal."
        )
    if refused:
        return ctx.fail(
            f"{refused} {'brief kon' if refused == 1 else 'brieven konden'} niet worden gemaakt; "
            "zie hierboven wat u moet doen.",
            EXIT_REFUSED,
        )
    return EXIT_OK


def find_tenants(data, query: str) -> list:
    """Tenants whose klantnummer equals ``query``; otherwise those whose surname equals it; otherwise
    those whose surname contains it. Case and accents do not matter ("ozturk" finds "Öztürk")."""
    from lcv_tui.domain.names import fold

    key = fold(" ".join(query.split()))
    if not key:
        return []
    by_number = [t for t in data.tenants if t.klantnummer and fold(t.klantnummer) == key]
    if by_number:
        return by_number
    exact = [t for t in data.tenants if fold(t.surname) == key]
    if exact:
        return exact
    return [t for t in data.tenants if key in fold(t.surname)]


def run_dossier(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the evidence dossier (PDF and text) of one tenant, chosen by klantnummer or surname."""
    from lcv_tui.domain.dossier import build_dossier
    from lcv_tui.exports.files import ExportError
    from lcv_tui.services.dossier import write_dossier
    from lcv_tui.store.errors import VaultError

    try:
        workspace = _open(ctx)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    data = workspace.data
    matches = find_tenants(data, args.tenant)
    if not matches:
        return ctx.fail(
            "Geen huurder gevonden met dat klantnummer of die achternaam. Controleer de schrijfwijze.",
            EXIT_REFUSED,
        )
    if len(matches) > 1:
        ctx.say("Meerdere huurders gevonden:")
        for tenant in sorted(matches, key=lambda t: t.sort_key):
            number = tenant.klantnummer or "(geen klantnummer)"
            ctx.say(
                f"  {number:<20} {tenant.display_name}, {tenant.address_line}, {tenant.postcode} {tenant.town}".rstrip()
            )
        return ctx.fail(
            "Kies één huurder: geef het klantnummer in plaats van de achternaam.", EXIT_REFUSED
        )
    on = _day(args, ctx)
    dossier = build_dossier(data, matches[0].id, on)
    folder = Path(args.out).expanduser() if getattr(args, "out", None) else ctx.locations.export_dir
    try:
        paths, missing = write_dossier(workspace, dossier, folder)
    except ExportError as exc:
        return ctx.fail(exc.message, EXIT_IO)
    ctx.say("Bewijsdossier geschreven:\n" + "\n".join(f"  {path}" for path in paths))
    for line in missing:
        ctx.say(f"LET OP: {line}")
    if dossier.audit_problems:
        ctx.say("LET OP: het logboek is niet intact; het dossier zegt welke regels niet kloppen.")
    if dossier.not_in_log:
        ctx.say(
            f"LET OP: {len(dossier.not_in_log)} gebeurtenis(sen) staan niet in het logboek; "
            "ze zijn in het dossier gemarkeerd met 'niet in logboek'."
        )
    ctx.say("De kluis is niet gewijzigd.")
    return EXIT_OK


def run_tenant_info(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print (or write to ``--out``) the information text for tenants, with the landlord's name."""
    from lcv_tui.domain.letters import tenant_information_text
    from lcv_tui.exports.files import ExportError, new_target, write_private
    from lcv_tui.store.errors import VaultError

    try:
        workspace = _open(ctx)
    except VaultError as exc:
        return ctx.fail(exc.message, exc.exit_code)
    landlord = workspace.data.landlord
    if landlord is None:
        return ctx.fail(
            "Vul eerst uw gegevens als verhuurder in (Instellingen › Verhuurder): de tekst noemt uw naam.",
            EXIT_REFUSED,
        )
    text = tenant_information_text(
        landlord, retention_months=workspace.data.settings.retention_months
    )
    if getattr(args, "out", None):
        try:
            target = new_target(args.out, force=getattr(args, "force", False))
            path = write_private(target, text.encode("utf-8"))
        except ExportError as exc:
            return ctx.fail(exc.message, EXIT_IO)
        ctx.say(f"Informatietekst voor huurders geschreven: {path}")
    else:
        ctx.out.write(text)
    return EXIT_OK
