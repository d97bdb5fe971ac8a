"""Bank statement files in: CAMT.053, MT940, and the CSV exports of ING and Rabobank.

``read_statement(path)`` reads a file the landlord chose and returns a
:class:`lcv_tui.domain.bank.Statement`; ``parse_statement(data)`` does the same for bytes. The
format is recognised from the content, never from the file name. A file that is too large,
unreadable, or of no known format raises :class:`BankFileError` with a Dutch message that says
what to do. What the transactions mean for the vault is decided in ``lcv_tui.domain.bank``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from lcv_tui.domain.bank import Statement
from lcv_tui.exports.bank.common import MAX_BYTES, BankFileError, decode_text

__all__ = [
    "DEMO_FOLDER",
    "MAX_BYTES",
    "BankFileError",
    "demo_statements",
    "parse_statement",
    "read_statement",
    "recognise",
]

Progress = Callable[[int, int], None]
"""``progress(done, total)``: called while a large file is read, for a progress bar."""

_CHUNK = 1 << 20


def read_statement(path: str | os.PathLike[str], progress: Progress | None = None) -> Statement:
    """Read and parse the statement file at ``path`` (at most ``MAX_BYTES``)."""
    return parse_statement(_read_limited(Path(path).expanduser(), progress))


def _read_limited(target: Path, progress: Progress | None) -> bytes:
    try:
        with target.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise BankFileError(_too_large())
            chunks: list[bytes] = []
            done = 0
            while chunk := handle.read(_CHUNK):
                done += len(chunk)
                if done > MAX_BYTES:
                    raise BankFileError(_too_large())
                chunks.append(chunk)
                if progress is not None:
                    progress(done, max(size, done))
    except BankFileError:
        raise
    except FileNotFoundError:
        raise BankFileError(
            f"Bestand {target} bestaat niet: controleer de naam en de map."
        ) from None
    except IsADirectoryError:
        raise BankFileError(
            f"{target} is een map: geef het pad van het bankafschrift zelf op."
        ) from None
    except OSError:
        raise BankFileError(
            f"Kan {target} niet lezen: controleer het pad en of u het bestand mag openen."
        ) from None
    return b"".join(chunks)


def _too_large() -> str:
    return (
        f"Het bestand is groter dan {MAX_BYTES // (1 << 20)} MB: dit is geen gewoon bankafschrift. "
        "Download bij uw bank een afschrift over een kortere periode."
    )


def recognise(data: bytes) -> str | None:
    """The format's name (``"CAMT.053"``, ``"MT940"``, ``"ING CSV"``, ``"Rabobank CSV"``), or None."""
    from lcv_tui.exports.bank import camt, csvs, swift

    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"<") and b"camt.053" in data[:4096]:
        return camt.FORMAT
    text = decode_text(data[:4096], strict=False)
    if swift.looks_like(text):
        return swift.FORMAT
    return csvs.recognise(text)


def parse_statement(data: bytes) -> Statement:
    """The transactions in a statement file's bytes; ``BankFileError`` when it cannot be read."""
    from lcv_tui.exports.bank import camt, csvs, swift

    if len(data) > MAX_BYTES:
        raise BankFileError(_too_large())
    kind = recognise(data)
    if kind == camt.FORMAT:
        return camt.parse(data)
    if kind == swift.FORMAT:
        return swift.parse(decode_text(data))
    if kind is not None:
        return csvs.parse(decode_text(data), kind)
    raise BankFileError(
        "Dit bestand is geen bankafschrift dat de app kent. Download bij uw bank een afschrift als "
        "CAMT.053 (XML), MT940, of de CSV van ING of Rabobank, en probeer het opnieuw."
    )


DEMO_FOLDER = Path(__file__).with_name("demo")
"""Fictional statements, one per format, that pay the demo tenants (``lcv-tui demo``)."""


def demo_statements() -> list[Path]:
    """The demo statement files: CAMT.053, ING CSV, MT940 and Rabobank CSV."""
    return sorted(path for path in DEMO_FOLDER.iterdir() if path.name.startswith("demo-"))
