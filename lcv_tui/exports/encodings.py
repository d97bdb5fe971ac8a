"""Text files in an unsure encoding: said, never guessed.

A CSV that is not UTF-8 was saved in an older, one-byte character set, and the bytes do not say
which: Excel for Windows writes Windows-1252, Excel for Mac (older versions, "CSV (Macintosh)")
writes Mac Roman. Both read every letter of a Dutch address without error, and differ on exactly
the accented letters: "Müller" from a Mac reads as "MŸller" on Windows. A wrong guess changes names
silently, so the file is flagged with both readings, and the landlord saves it again as UTF-8.
"""

from __future__ import annotations

WINDOWS = "cp1252"
MAC = "mac_roman"
_FIELD_ENDS = frozenset(b';,\t\r\n"')
_SAMPLE_LENGTH = 40


def unsure_sample(data: bytes) -> bytes:
    """The first field (between separators) holding a byte outside ASCII; empty when there is none."""
    start = next((i for i, byte in enumerate(data) if byte >= 0x80), None)
    if start is None:
        return b""
    left = start
    while left > 0 and data[left - 1] not in _FIELD_ENDS:
        left -= 1
    right = start
    while right < len(data) and data[right] not in _FIELD_ENDS:
        right += 1
    return data[left:right][:_SAMPLE_LENGTH].strip()


def readings(sample: bytes) -> tuple[str, str]:
    """``sample`` read as Windows-1252 and as Mac Roman (a byte Windows-1252 lacks shows as �)."""
    return sample.decode(WINDOWS, errors="replace"), sample.decode(MAC, errors="replace")


def unsure_encoding_message(data: bytes) -> str:
    """The Dutch message for a file that is not UTF-8: both readings of its first accented field, and the fix."""
    windows, mac = readings(unsure_sample(data))
    return (
        "Het bestand is in UTF-8 geen leesbare tekst: het is in een oudere tekenset opgeslagen, en welke "
        "is niet zeker. "
        f"Als Windows-1252 (Excel voor Windows) staat er '{windows}', als Mac Roman (Excel voor Mac) "
        f"'{mac}'. De app kiest niet zelf, want een verkeerde keuze verandert namen ongemerkt. "
        "Bewaar het bestand in Excel opnieuw als 'CSV UTF-8 (door komma's gescheiden)' en probeer het nog eens."
    )
