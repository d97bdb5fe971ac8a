"""The ``lcv-tui`` command: the TUI by default, plus headless subcommands.

``--help`` and ``--version`` never import Textual; every handler is imported only when its
command runs. Exit codes: 0 done; 1 refused or problems found (nothing eligible, file unfit);
2 no access to the vault (wrong passphrase, damaged, missing) or wrong usage; 3 a file could
not be written or read.
"""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import importlib
import io
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

from lcv_tui import __version__

if TYPE_CHECKING:
    from lcv_tui.clock import Clock

from lcv_tui.commands.context import EXIT_ACCESS, EXIT_IO, EXIT_REFUSED, CliContext
from lcv_tui.paths import clean_path


def _date(text: str) -> dt.date:
    from lcv_tui.domain.validation import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


class DutchArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_ACCESS, f"{self.prog}: fout: {message}\nGebruik --help voor uitleg.\n")


# command name → "module:function" in lcv_tui.commands
HANDLERS: dict[str, str] = {
    "tui": "lcv_tui.commands.tui:run",
    "demo": "lcv_tui.commands.demo:run",
    "init": "lcv_tui.commands.vault:run_init",
    "passwd": "lcv_tui.commands.vault:run_passwd",
    "backups": "lcv_tui.commands.vault:run_backups",
    "restore": "lcv_tui.commands.vault:run_restore",
    "purge": "lcv_tui.commands.vault:run_purge",
    "agenda": "lcv_tui.commands.agenda:run",
    "tenants": "lcv_tui.commands.tenants:run",
    "export-signals": "lcv_tui.commands.export:run_signals",
    "export-withdrawals": "lcv_tui.commands.export:run_withdrawals",
    "check": "lcv_tui.commands.check:run",
    "import-tenants": "lcv_tui.commands.imports:run_tenants",
    "import-payments": "lcv_tui.commands.imports:run_payments",
    "import-bank": "lcv_tui.commands.imports:run_bank",
    "letters": "lcv_tui.commands.letters:run_letters",
    "dossier": "lcv_tui.commands.letters:run_dossier",
    "tenant-info": "lcv_tui.commands.letters:run_tenant_info",
}


def build_parser() -> argparse.ArgumentParser:
    common = DutchArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="MAP",
        type=clean_path,
        default=argparse.SUPPRESS,
        help="gegevensmap (standaard: de gebruikersmap van uw systeem; ook via LCV_TUI_DATA_DIR)",
    )

    parser = DutchArgumentParser(
        prog="lcv-tui",
        description=(
            "Vroegsignalering van huurachterstanden voor kleine verhuurders (Landelijk "
            "Convenant Vroegsignalering). "
            "Zonder opdracht opent de app in de terminal."
        ),
        epilog="Ontgrendelen zonder vraag (scripts): zet de wachtzin in LCV_TUI_PASSPHRASE.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"lcv-tui {__version__}")
    sub = parser.add_subparsers(
        dest="command", metavar="OPDRACHT", parser_class=DutchArgumentParser
    )

    sub.add_parser("tui", parents=[common], help="open de app (standaard)")

    p = sub.add_parser(
        "demo", parents=[common], help="open de app met fictieve voorbeeldhuurders (wachtzin: demo)"
    )
    p.add_argument(
        "--no-open",
        action="store_true",
        help="schrijf de demokluis naar --data-dir zonder de app te openen",
    )

    sub.add_parser(
        "init",
        parents=[common],
        help="maak een nieuwe, lege kluis (wachtzin uit LCV_TUI_PASSPHRASE)",
    )
    p = sub.add_parser(
        "passwd",
        parents=[common],
        help="wijzig de wachtzin (oude uit LCV_TUI_PASSPHRASE, nieuwe uit LCV_TUI_NEW_PASSPHRASE)",
    )
    p.add_argument(
        "--remove-backups",
        action="store_true",
        help="verwijder de reservekopieën (er komt één nieuwe) in plaats van ze opnieuw te versleutelen",
    )
    p.add_argument(
        "--remove-set-aside",
        action="store_true",
        help="verwijder apart bewaarde kluisbestanden (kluis.lcv.beschadigd-*) zonder te vragen",
    )
    sub.add_parser("backups", parents=[common], help="toon de reservekopieën van de kluis")
    p = sub.add_parser("restore", parents=[common], help="zet een reservekopie terug")
    p.add_argument(
        "backup",
        nargs="?",
        help="bestandsnaam van de reservekopie (standaard: de nieuwste die opent)",
    )
    p = sub.add_parser(
        "purge", parents=[common], help="verwijder gegevens van oud-huurders na de bewaartermijn"
    )
    p.add_argument(
        "--apply",
        action="store_true",
        help="echt verwijderen (zonder deze optie alleen een voorbeeld)",
    )
    p.add_argument("--on", type=_date, metavar="DATUM", help="peildatum (standaard vandaag)")

    p = sub.add_parser("agenda", parents=[common], help="wat er vandaag te doen is, per huurder")
    p.add_argument(
        "--on",
        type=_date,
        metavar="DATUM",
        help="peildatum, bijvoorbeeld 2026-11-23 (standaard vandaag)",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser(
        "tenants",
        parents=[common],
        help="alle huurders met hun achterstand op een datum",
        description="Achterstand: huur die op of vóór de datum verviel (ook die van de datum zelf) "
        "en nog niet betaald is.",
    )
    p.add_argument(
        "--on",
        type=_date,
        metavar="DATUM",
        help="peildatum, bijvoorbeeld 2026-11-23 (standaard vandaag)",
    )
    p.add_argument("--json", action="store_true", help="uitvoer als JSON")

    p = sub.add_parser(
        "export", parents=[common], help="maak een uploadbestand (signalen) of intrekkingsbestand"
    )
    export_sub = p.add_subparsers(
        dest="export_kind", metavar="SOORT", required=True, parser_class=DutchArgumentParser
    )
    q = export_sub.add_parser(
        "signals", parents=[common], help="signalen voor het digitaal meldpunt"
    )
    q.add_argument(
        "--format", choices=("xlsx", "csv"), help="standaard: volgens de extensie van --out"
    )
    q.add_argument(
        "--out", required=True, metavar="PAD", type=clean_path, help="bestandsnaam op .xlsx of .csv"
    )
    q.add_argument("--force", action="store_true", help="vervang een bestaand bestand")
    q.add_argument("--on", type=_date, metavar="DATUM")
    q.add_argument("--gemeente", metavar="NAAM")
    q = export_sub.add_parser(
        "withdrawals", parents=[common], help="intrekkingen (betaald na melding)"
    )
    q.add_argument(
        "--format", choices=("xlsx", "csv"), help="standaard: volgens de extensie van --out"
    )
    q.add_argument(
        "--out", required=True, metavar="PAD", type=clean_path, help="bestandsnaam op .xlsx of .csv"
    )
    q.add_argument("--force", action="store_true", help="vervang een bestaand bestand")
    q.add_argument("--on", type=_date, metavar="DATUM")

    p = sub.add_parser(
        "check",
        parents=[common],
        help="controleer een uploadbestand (CSV of XLSX) vóór het uploaden",
    )
    p.add_argument("path", metavar="PAD", type=clean_path)

    p = sub.add_parser(
        "import",
        parents=[common],
        help="lees huurders of betalingen in uit CSV of XLSX, of een bankafschrift",
    )
    import_sub = p.add_subparsers(
        dest="import_kind", metavar="SOORT", required=True, parser_class=DutchArgumentParser
    )
    for kind, text in (("tenants", "huurders"), ("payments", "betalingen")):
        q = import_sub.add_parser(kind, parents=[common], help=f"{text} inlezen")
        q.add_argument("path", metavar="PAD", type=clean_path)
        q.add_argument(
            "--skip-bad", action="store_true", help="sla regels met fouten over en lees de rest in"
        )
        q.add_argument(
            "--dry-run", action="store_true", help="alleen controleren en een voorbeeld tonen"
        )

    q = import_sub.add_parser(
        "bank",
        parents=[common],
        help="bankafschrift inlezen (CAMT.053, MT940, CSV van ING of Rabobank)",
    )
    q.add_argument("path", metavar="PAD")
    q.add_argument(
        "--dry-run",
        action="store_true",
        help="alleen tonen wat er gekoppeld wordt, niets vastleggen",
    )

    p = sub.add_parser(
        "letters", parents=[common], help="maak alle brieven die vandaag verstuurd moeten worden"
    )
    p.add_argument("--on", type=_date, metavar="DATUM")
    p.add_argument(
        "--out",
        metavar="MAP",
        type=clean_path,
        help="map voor de brieven (standaard: uit de instellingen)",
    )

    p = sub.add_parser(
        "dossier", parents=[common], help="bewijsdossier van een huurder (PDF en tekst)"
    )
    p.add_argument("tenant", metavar="HUURDER", help="klantnummer of achternaam")
    p.add_argument("--out", metavar="MAP", type=clean_path)
    p.add_argument("--on", type=_date, metavar="DATUM")

    p = sub.add_parser(
        "tenant-info", parents=[common], help="informatietekst voor huurders (website of folder)"
    )
    p.add_argument(
        "--out",
        metavar="PAD",
        type=clean_path,
        help="schrijf naar een bestand in plaats van het scherm",
    )
    p.add_argument("--force", action="store_true", help="vervang een bestaand bestand")
    return parser


def _handler_name(args: argparse.Namespace) -> str:
    command = args.command or "tui"
    if command == "export":
        return f"export-{args.export_kind}"
    if command == "import":
        return f"import-{args.import_kind}"
    return command


def resolve_handler(name: str) -> Callable[[argparse.Namespace, CliContext], int]:
    module_name, _, func = HANDLERS[name].partition(":")
    return getattr(importlib.import_module(module_name), func)


def main(
    argv: list[str] | None = None,
    *,
    clock: Clock | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    keyring_backend: object | None = None,
) -> int:
    """Run one command. The one top-level guard lives here: a closed pipe (``agenda --json | head``)
    ends quietly, a file-system error gives a Dutch message and exit 3, anything unexpected a Dutch
    message, a short crash note without values or locals, and exit 1. Never a traceback."""
    write_utf8_when_redirected()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        from lcv_tui.clock import SystemClock
        from lcv_tui.paths import Locations

        ctx = CliContext(
            locations=Locations.resolve(getattr(args, "data_dir", None)),
            clock=clock or SystemClock(),
            out=out,
            err=err,
            keyring_backend=keyring_backend,
        )
        handler = resolve_handler(_handler_name(args))
        try:
            code = handler(args, ctx)
            out.flush()  # a closed pipe shows here, inside the guard, not at interpreter exit
            return code
        finally:
            _release_vault_locks(err)
    except KeyboardInterrupt:
        return _say(err, "Afgebroken.", EXIT_REFUSED)
    except BrokenPipeError:
        if out is sys.__stdout__:
            _silence_stdout()
        return EXIT_REFUSED
    except OSError as exc:
        where = f" ({exc.filename})" if isinstance(exc.filename, str) else ""
        return _say(
            err,
            f"Een bestand kon niet worden gelezen of geschreven{where}: "
            f"{exc.strerror or 'onbekende fout'}. Controleer het pad, de vrije ruimte en de rechten "
            "en probeer het opnieuw.",
            EXIT_IO,
        )
    except Exception as exc:
        return _say(
            err,
            "Er ging iets onverwachts mis; de opdracht is afgebroken en de kluis is niet gewijzigd "
            "door deze fout. Probeer het opnieuw; blijft het gebeuren, meld dan deze technische "
            f"gegevens (zonder persoonsgegevens): {_crash_note(exc)}",
            EXIT_REFUSED,
        )


def _say(err: TextIO, text: str, code: int) -> int:
    import contextlib

    with contextlib.suppress(
        OSError, ValueError
    ):  # stderr itself may be gone: the code still tells
        print(text, file=err)
    return code


def _silence_stdout() -> None:
    """After a closed pipe, point stdout at the null device so the interpreter's last flush is quiet."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _crash_note(exc: BaseException) -> str:
    """The exception's type and where it happened (file, line, function), without its message or
    any local variable: those may hold a tenant's data or a passphrase."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "lcv_tui" in f.filename] or frames[-1:]
    separators = "/\\"
    places = ", ".join(
        f"{f.filename.rsplit('lcv_tui', 1)[-1].lstrip(separators)}:{f.lineno} {f.name}"
        for f in ours[-3:]
    )
    return f"{type(exc).__name__} in {places or 'onbekend'} (lcv-tui {__version__})"


def write_utf8_when_redirected() -> None:
    """A pipe or a file gets UTF-8, so that ş, ł, ı, ĳ and → never crash a command.

    A console shows every character already (Python writes to the Windows console in UTF-16), but
    redirected output on Windows would get the ANSI code page (cp1252), which has none of these.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not isinstance(stream, io.TextIOWrapper) or stream.isatty():
            continue
        if codecs.lookup(stream.encoding or "ascii").name != "utf-8":
            stream.reconfigure(encoding="utf-8", errors="replace")


def _release_vault_locks(err: TextIO) -> None:
    """The vault lock a command took lasts as long as the command (``store.lock``; looked up rather
    than imported, so a run that never opened the vault does not load the store). A note about a
    lock file (a folder the system cannot lock) is shown once."""
    lock = sys.modules.get("lcv_tui.store.lock")
    if lock is not None:
        for notice in lock.take_notices():
            _say(err, notice, 0)
        lock.release_all()


if __name__ == "__main__":
    raise SystemExit(main())
