"""Errors the vault raises. Each carries a Dutch ``message`` that says what to do, and the CLI exit code.

Exit codes follow ``lcv_tui.cli``: 2 for no access to the vault (wrong passphrase, damaged, missing),
3 for a file that could not be written. The messages never contain the vault's contents.
"""

from __future__ import annotations

from pathlib import Path

EXIT_ACCESS = 2
EXIT_IO = 3


class VaultError(Exception):
    """Base class: something about the vault the user can act on."""

    exit_code = EXIT_ACCESS

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongPassphrase(VaultError):
    """The passphrase (or the key remembered on this computer) does not open the vault."""

    def __init__(
        self,
        message: str = "De wachtzin klopt niet. Controleer hoofdletters en de toetsenbordindeling en probeer opnieuw.",
    ) -> None:
        super().__init__(message)


class PassphraseRequired(WrongPassphrase):
    """No passphrase was given and this computer does not remember the key: ask for the passphrase."""

    def __init__(
        self,
        message: str = "Voer uw wachtzin in om de kluis te openen (of zet hem in LCV_TUI_PASSPHRASE).",
    ) -> None:
        super().__init__(message)


class PassphraseTooShort(VaultError):
    """A new passphrase breaks the minimum-length rule."""

    def __init__(self, minimum: int) -> None:
        super().__init__(
            f"De wachtzin is te kort: gebruik minstens {minimum} tekens, bijvoorbeeld een paar losse woorden."
        )


class VaultMissing(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"Er is nog geen kluis in {path.parent}. Maak er een met 'lcv-tui init' of open de app, "
            "of kies de juiste map met --data-dir."
        )


class VaultLocked(VaultError):
    """Another process has this vault open (see ``store.lock``)."""

    def __init__(self, path: Path, owner: tuple[int, str] | None = None) -> None:
        self.path = path
        self.owner = owner
        text = (
            "De kluis is al geopend in een ander venster of programma (lcv-tui). Sluit dat eerst en "
            f"probeer het dan opnieuw; er is niets gewijzigd. (Vergrendeling: {path})"
        )
        if path.name.endswith(".pid"):
            who = f"proces {owner[0]} op computer {owner[1]}" if owner else "een onbekend proces"
            text += (
                f" Het vergrendelbestand noemt {who}. Draait lcv-tui daar niet meer, verwijder dan "
                "dit bestand en probeer opnieuw."
            )
        super().__init__(text)


class VaultExists(VaultError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"Er staat al een kluis in {path}. Open die, of kies een andere map met --data-dir."
        )


class VaultTooNew(VaultError):
    """The vault was written by a newer version of the app."""

    def __init__(self, found: int, supported: int, what: str = "gegevensversie") -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"Deze kluis is gemaakt met een nieuwere versie van lcv-tui ({what} {found}, "
            f"deze app kent tot {supported}). "
            "Werk lcv-tui bij en open de kluis opnieuw; er is niets gewijzigd."
        )


class VaultDamaged(VaultError):
    """The file is not a readable vault. ``good_backup`` is the newest backup that opens, if any."""

    def __init__(
        self,
        reason: str,
        *,
        path: Path | None = None,
        good_backup: Path | None = None,
        searched: bool = False,
    ) -> None:
        self.reason = reason
        self.path = path
        self.good_backup = good_backup
        where = f"De kluis {path}" if path is not None else "Het kluisbestand"
        text = f"{where} is beschadigd: {reason}"
        if good_backup is not None:
            text += (
                f" De nieuwste reservekopie die wel opent is {good_backup.name}. Zet die terug in de app of met "
                f"'lcv-tui restore {good_backup.name}'; het beschadigde bestand wordt dan apart bewaard."
            )
        elif searched:
            text += (
                " Er is geen reservekopie die met deze wachtzin opent. Laat het bestand staan "
                "en zoek een eigen kopie van de map."
            )
        super().__init__(text)


class VaultWriteError(VaultError):
    """A save failed; the vault on disk is unchanged and the data is still in the app."""

    exit_code = EXIT_IO

    def __init__(self, reason: str, advice: str = "maak ruimte vrij en probeer opnieuw.") -> None:
        self.reason = reason
        super().__init__(f"Opslaan mislukt: {reason}. Uw gegevens staan nog in de app; {advice}")


class KeyringUnavailable(VaultError):
    """Remembering the key was asked for, but this computer has no safe keyring."""

    def __init__(self) -> None:
        super().__init__(
            "Onthouden op deze computer kan niet: er is geen veilige sleutelbos van het systeem beschikbaar. "
            "U opent de kluis met uw wachtzin; uw gegevens blijven gewoon bewaard."
        )
