"""Dutch names: search without accents or case, sort by surname without tussenvoegsels.

Pure functions, used wherever a name is looked up or listed (the tenant list, the command palette,
``lcv-tui dossier NAME``) so that "celik" finds "Çelik" and "de Vries" sorts under V, as in a Dutch
telephone directory (NEN 1026 style: the tussenvoegsel does not count for the order).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

PARTICLES = frozenset(
    {
        "van",
        "de",
        "der",
        "den",
        "het",
        "'t",
        "ten",
        "ter",
        "te",
        "in",
        "op",
        "aan",
        "bij",
        "uit",
        "voor",
        "la",
        "le",
        "du",
        "da",
        "di",
        "del",
        "des",
        "dos",
        "von",
        "zu",
    }
)
"""Tussenvoegsels (and foreign surname particles) that do not count for the order."""

# Letters that Unicode does not decompose into a base letter and a mark.
_PLAIN = str.maketrans(
    {
        "ı": "i",
        "ø": "o",
        "Ø": "o",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ĳ": "ij",
        "Ĳ": "ij",
        "’": "'",
        "‘": "'",
    }
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Text without accents, in lower case: ``fold("Çelik") == "celik"``, ``"Öztürk" → "ozturk"``."""
    if text.isascii():
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text.translate(_PLAIN))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().translate(_PLAIN)


def split_surname(surname: str) -> tuple[str, str]:
    """``("van der", "Berg")`` for "van der Berg": the leading tussenvoegsels and the rest.

    A surname that is only particles ("De") keeps all of it as its core.
    """
    words = surname.split()
    index = 0
    while index < len(words) - 1 and fold(words[index]) in PARTICLES:
        index += 1
    return " ".join(words[:index]), " ".join(words[index:])


def surname_sort_key(surname: str, initials: str = "") -> tuple[str, str, str]:
    """Sort by the surname without tussenvoegsels, accents folded; then initials, then particles.

    "Çelik" < "de Vries" (C before V), "van Dijk" sorts under D, "Öztürk" under O.
    """
    prefix, core = split_surname(surname)
    return fold(core), fold(initials), fold(prefix)


def search_text(*parts: str) -> str:
    """The folded text a search matches against (parts joined by spaces)."""
    return fold(" ".join(part for part in parts if part))


def query_words(query: str) -> tuple[str, ...]:
    """The folded words of what the user typed."""
    return tuple(fold(query).split())


def matches(query: str, *parts: str) -> bool:
    """Every word of ``query`` occurs in the parts, ignoring case and accents."""
    haystack = search_text(*parts)
    return all(word in haystack for word in query_words(query))
