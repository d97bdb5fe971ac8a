"""Passphrase rules: a minimum length, and a simple strength hint for the first-run screen."""

from __future__ import annotations

import unicodedata

from lcv_tui.store.errors import PassphraseTooShort

MIN_LENGTH = 8

_COMMON = frozenset(
    {
        "wachtwoord",
        "wachtzin",
        "password",
        "welkom01",
        "welkom123",
        "qwertyui",
        "12345678",
        "123456789",
        "1234567890",
        "azertyui",
        "iloveyou",
        "letmein1",
        "geheim12",
        "huurders",
        "verhuurder",
    }
)


def check_passphrase(text: str) -> None:
    """Raise ``PassphraseTooShort`` when ``text`` breaks the minimum length (counted in characters)."""
    if len(unicodedata.normalize("NFC", text)) < MIN_LENGTH:
        raise PassphraseTooShort(MIN_LENGTH)


def passphrase_strength(text: str) -> tuple[int, str]:
    """A score 0–4 and a Dutch hint; length counts most, because several words beat clever symbols."""
    text = unicodedata.normalize("NFC", text)
    if len(text) < MIN_LENGTH:
        return 0, f"Te kort: gebruik minstens {MIN_LENGTH} tekens."
    if text.casefold() in _COMMON or len(set(text)) <= 3:
        return 0, "Te makkelijk te raden: kies een zin van een paar losse woorden."
    classes = sum(
        (
            any(c.islower() for c in text),
            any(c.isupper() for c in text),
            any(c.isdigit() for c in text),
            any(not c.isalnum() for c in text),
        )
    )
    words = len(text.split())
    score = 1
    if len(text) >= 12:
        score += 1
    if len(text) >= 16 or words >= 3:
        score += 1
    if (len(text) >= 20 or words >= 4) and classes >= 2:
        score += 1
    score = min(score, 4)
    hints = {
        1: "Zwak: maak hem langer, bijvoorbeeld vier losse woorden.",
        2: "Redelijk: nog een woord erbij maakt hem veel sterker.",
        3: "Goed. Schrijf hem op en bewaar dat papier op een veilige plek.",
        4: "Sterk. Schrijf hem op en bewaar dat papier op een veilige plek.",
    }
    return score, hints[score]
