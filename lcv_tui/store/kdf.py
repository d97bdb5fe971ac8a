"""Key derivation for the passphrase slot: Argon2id, or scrypt where Argon2id is not available.

The parameters travel in the vault header, so a vault made on a faster machine still opens here.
Parameters from a file are checked against hard caps *before* the KDF runs, so a crafted file
cannot make the app allocate gigabytes or spin for minutes.
"""

from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass
from typing import Any

ARGON2ID = "argon2id"
SCRYPT = "scrypt"
KEY_LENGTH = 32
SALT_MIN, SALT_MAX = 16, 64

# Caps for parameters read from a file: about five times today's default work, and 512 MiB memory.
MAX_MEMORY_KIB = 512 * 1024
MAX_ITERATIONS = 10
MAX_LANES = 16
MAX_WORK_KIB = 2 * 1024 * 1024


@dataclass(frozen=True)
class KdfParams:
    """How a passphrase becomes a key.

    Argon2id: ``memory_kib`` of memory, ``iterations`` passes, ``lanes`` parallel lanes.
    scrypt: N = ``memory_kib`` (a power of two; with r = 8 that is N KiB), p = ``lanes``, ``iterations`` = 1.
    """

    algorithm: str
    memory_kib: int
    iterations: int
    lanes: int

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, value: Any) -> KdfParams:
        """Parse and cap parameters from a header; raises ``ValueError`` with a Dutch reason."""
        if not isinstance(value, dict) or set(value) != {
            "algorithm",
            "memory_kib",
            "iterations",
            "lanes",
        }:
            raise ValueError("de sleutelafleiding in de kop is onleesbaar.")
        numbers = [value["memory_kib"], value["iterations"], value["lanes"]]
        if not all(type(n) is int and n >= 1 for n in numbers) or value["algorithm"] not in (
            ARGON2ID,
            SCRYPT,
        ):
            raise ValueError("de sleutelafleiding in de kop is onleesbaar.")
        params = cls(value["algorithm"], value["memory_kib"], value["iterations"], value["lanes"])
        params.check()
        return params

    def check(self) -> None:
        """Refuse parameters above the caps or invalid for the algorithm, without running anything."""
        if (
            self.memory_kib > MAX_MEMORY_KIB
            or self.iterations > MAX_ITERATIONS
            or self.lanes > MAX_LANES
            or self.memory_kib * self.iterations > MAX_WORK_KIB
        ):
            raise ValueError(
                "de kop vraagt een onredelijk zware sleutelafleiding (meer geheugen of rekentijd dan toegestaan); "
                "zo'n bestand maakt deze app niet."
            )
        if self.algorithm == ARGON2ID and self.memory_kib < 8 * self.lanes:
            raise ValueError("de sleutelafleiding in de kop is ongeldig.")
        if self.algorithm == SCRYPT and (
            self.memory_kib < 2 or self.memory_kib & (self.memory_kib - 1) or self.iterations != 1
        ):
            raise ValueError("de sleutelafleiding in de kop is ongeldig.")


def _argon2_available() -> bool:
    try:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id  # noqa: F401
    except ImportError:
        return False
    return True


# RFC 9106 section 4, the second recommended option (for memory-constrained use): 64 MiB, 3 passes,
# 4 lanes; above OWASP's minimum (46 MiB, 1 pass). Chosen over 128 MiB so that unlocking a large
# vault stays within the app's memory goal (150 MB at 10,000 tenants, benchmarks/RESULTS.md); it
# takes about 0.17 s on the 2-core reference machine. Vaults keep the parameters they were made with
# until the passphrase changes. scrypt is the fallback for a cryptography without Argon2id.
ARGON2ID_DEFAULT = KdfParams(ARGON2ID, memory_kib=64 * 1024, iterations=3, lanes=4)
SCRYPT_DEFAULT = KdfParams(SCRYPT, memory_kib=2**17, iterations=1, lanes=1)

DEFAULT_KDF: KdfParams = ARGON2ID_DEFAULT if _argon2_available() else SCRYPT_DEFAULT
"""Used for new passphrase slots; tests monkeypatch it with cheap parameters."""


MINIMUM: dict[str, KdfParams] = {
    ARGON2ID: KdfParams(ARGON2ID, memory_kib=19 * 1024, iterations=2, lanes=1),
    SCRYPT: KdfParams(SCRYPT, memory_kib=2**17, iterations=1, lanes=1),
}
"""The least work a passphrase slot may have: OWASP's minimum for Argon2id (19 MiB, 2 passes; RFC
9106 recommends more, which ``DEFAULT_KDF`` uses) and for scrypt (N = 2^17, r = 8). A vault whose
slot is below it still opens, and its slot is made again with ``DEFAULT_KDF`` at the next save
(``Vault``). The test suite lowers this constant, explicitly, together with ``DEFAULT_KDF``
(``tests/conftest.py``: ``_cheap_kdf``)."""


def below_minimum(params: KdfParams) -> bool:
    """True when ``params`` do less work than ``MINIMUM`` for their algorithm."""
    floor = MINIMUM[params.algorithm]
    return params.memory_kib < floor.memory_kib or params.iterations < floor.iterations


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC, so 'é' typed as one or as two code points on different systems gives the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """The 256-bit key that wraps the data key in the passphrase slot."""
    params.check()
    secret = normalise_passphrase(passphrase)
    if params.algorithm == ARGON2ID:
        from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

        return Argon2id(
            salt=salt,
            length=KEY_LENGTH,
            iterations=params.iterations,
            lanes=params.lanes,
            memory_cost=params.memory_kib,
        ).derive(secret)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_LENGTH, n=params.memory_kib, r=8, p=params.lanes).derive(
        secret
    )
