"""The vault file's bytes: header, checksum, encrypted body.

Layout (integers big-endian)::

    magic  "LCVKLUIS"            8 bytes
    format version               u16
    core length, slots length    u32, u32
    core                         JSON: vault id, data nonce, cipher, compression
    slots                        JSON: the key slots (passphrase slot with KDF params and salt; keyring slot)
    checksum                     SHA-256 of everything above
    body                         AES-256-GCM(data key, data nonce, plaintext), AAD = magic + version + core

The plaintext is, in formats 2 and 3, the document and the audit log in sections (see
``sections``), compressed with zlib in format 2 and with Zstandard in format 3 (the core names it);
in format 1 it was zlib(VaultData JSON) with the audit log inside the document. Older files are
still read, and written as format 3 on the next save (a slot-only rewrite keeps their version,
because the version is part of the body's AAD).

The checksum covers the whole header, slots included, so any damage there reads as "damaged" and never
as a wrong passphrase. The body's AAD is the header's core rather than all of it, so changing the
passphrase rewrites only the slots and leaves the data ciphertext byte for byte unchanged.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import struct
from dataclasses import dataclass, field
from typing import Any

from lcv_tui.store.errors import VaultTooNew
from lcv_tui.store.kdf import SALT_MAX, SALT_MIN, KdfParams

MAGIC = b"LCVKLUIS"
FORMAT_VERSION = 3
READABLE_VERSIONS = (1, 2, 3)
_PREFIX = struct.Struct(">8sHII")
CHECKSUM_SIZE = 32
NONCE_SIZE = 12
TAG_SIZE = 16
KEY_SIZE = 32
CHECK_SIZE = 16
MAX_SECTION = 64 * 1024
CIPHER = "aes-256-gcm"
COMPRESSION = {1: "zlib", 2: "zlib", 3: "zstd"}
"""The compression each format version uses; the core names it too, and the two must agree."""
PASSPHRASE = "passphrase"
KEYRING = "keyring"


class FormatError(ValueError):
    """The bytes are not an intact vault; the message is a Dutch reason."""


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(value: Any, size: int | tuple[int, int]) -> bytes:
    low, high = (size, size) if isinstance(size, int) else size
    if not isinstance(value, str):
        raise FormatError("een sleutelvak in de kop is onleesbaar.")
    try:
        data = base64.b64decode(value.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise FormatError("een sleutelvak in de kop is onleesbaar.") from None
    if not low <= len(data) <= high:
        raise FormatError("een sleutelvak in de kop heeft een verkeerde lengte.")
    return data


@dataclass
class Slot:
    """The data key wrapped with AES-GCM under a key from the passphrase (``kdf``, ``salt``) or the keyring."""

    kind: str
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams | None = None
    salt: bytes | None = None
    check: bytes | None = None
    """A short MAC of the slot under its wrapping key: when the key is right but the wrapped data
    key does not open, the slot is damaged (not a wrong passphrase). Slots made before it have none."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "nonce": b64(self.nonce),
            "wrapped": b64(self.wrapped),
        }
        if self.check is not None:
            out["check"] = b64(self.check)
        if self.kind == PASSPHRASE:
            assert self.kdf is not None and self.salt is not None
            out["kdf"] = self.kdf.to_json()
            out["salt"] = b64(self.salt)
        return out

    @classmethod
    def from_json(cls, value: Any) -> Slot:
        if not isinstance(value, dict) or value.get("kind") not in (PASSPHRASE, KEYRING):
            raise FormatError("een sleutelvak in de kop is onleesbaar.")
        expected = {"kind", "nonce", "wrapped"} | (
            {"kdf", "salt"} if value["kind"] == PASSPHRASE else set()
        )
        if set(value) - {"check"} != expected:
            raise FormatError("een sleutelvak in de kop is onleesbaar.")
        slot = cls(
            value["kind"],
            unb64(value["nonce"], NONCE_SIZE),
            unb64(value["wrapped"], KEY_SIZE + TAG_SIZE),
        )
        if "check" in value:
            slot.check = unb64(value["check"], CHECK_SIZE)
        if slot.kind == PASSPHRASE:
            try:
                slot.kdf = KdfParams.from_json(value["kdf"])
            except ValueError as exc:
                raise FormatError(str(exc)) from None
            slot.salt = unb64(value["salt"], (SALT_MIN, SALT_MAX))
        return slot


@dataclass
class Core:
    vault_id: str
    data_nonce: bytes
    compression: str = COMPRESSION[FORMAT_VERSION]

    def to_bytes(self) -> bytes:
        doc = {
            "cipher": CIPHER,
            "compression": self.compression,
            "data_nonce": b64(self.data_nonce),
            "vault_id": self.vault_id,
        }
        return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode("ascii")

    @classmethod
    def from_bytes(cls, raw: bytes, version: int = FORMAT_VERSION) -> Core:
        doc = _load_json(raw)
        if not isinstance(doc, dict) or set(doc) != {
            "cipher",
            "compression",
            "data_nonce",
            "vault_id",
        }:
            raise FormatError("de kop is onleesbaar.")
        if doc["cipher"] != CIPHER or doc["compression"] != COMPRESSION.get(version):
            raise FormatError("de kop noemt een onbekende versleuteling.")
        vault_id = doc["vault_id"]
        if (
            not isinstance(vault_id, str)
            or not 1 <= len(vault_id) <= 64
            or not vault_id.isalnum()
            or not vault_id.isascii()
        ):
            raise FormatError("de kop is onleesbaar.")
        return cls(vault_id, unb64(doc["data_nonce"], NONCE_SIZE), doc["compression"])


@dataclass
class VaultFile:
    """A parsed vault file. ``core_bytes`` are kept verbatim because they are the body's AAD."""

    core: Core
    core_bytes: bytes
    slots: list[Slot] = field(default_factory=list)
    body: bytes = b""
    version: int = FORMAT_VERSION

    def slot(self, kind: str) -> Slot | None:
        return next((s for s in self.slots if s.kind == kind), None)

    @property
    def aad(self) -> bytes:
        return data_aad(self.core_bytes, self.version)


def data_aad(core_bytes: bytes, version: int = FORMAT_VERSION) -> bytes:
    return MAGIC + struct.pack(">H", version) + core_bytes


def slots_bytes(slots: list[Slot]) -> bytes:
    return json.dumps([s.to_json() for s in slots], sort_keys=True, separators=(",", ":")).encode(
        "ascii"
    )


def assemble(
    core_bytes: bytes, slots: list[Slot], body: bytes, version: int = FORMAT_VERSION
) -> bytes:
    return header_bytes(core_bytes, slots, version) + body


def header_bytes(core_bytes: bytes, slots: list[Slot], version: int = FORMAT_VERSION) -> bytes:
    """Everything before the body: the header and its checksum."""
    slot_raw = slots_bytes(slots)
    header = _PREFIX.pack(MAGIC, version, len(core_bytes), len(slot_raw)) + core_bytes + slot_raw
    return header + hashlib.sha256(header).digest()


def _load_json(raw: bytes) -> Any:
    try:
        return json.loads(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FormatError("de kop is onleesbaar.") from None


def parse(raw: bytes) -> VaultFile:
    """Check and split the file; raises ``FormatError`` for any damage, ``VaultTooNew`` for a newer format."""
    if len(raw) < _PREFIX.size or raw[: len(MAGIC)] != MAGIC:
        raise FormatError("het bestand is leeg, ingekort of geen kluisbestand.")
    _, version, core_len, slots_len = _PREFIX.unpack_from(raw)
    if core_len > MAX_SECTION or slots_len > MAX_SECTION:
        raise FormatError("de kop is beschadigd.")
    header_end = _PREFIX.size + core_len + slots_len
    if len(raw) < header_end + CHECKSUM_SIZE + TAG_SIZE:
        raise FormatError("het bestand is ingekort.")
    checksum = raw[header_end : header_end + CHECKSUM_SIZE]
    if not hmac.compare_digest(hashlib.sha256(raw[:header_end]).digest(), checksum):
        raise FormatError("de controlesom van de kop klopt niet.")
    if version > FORMAT_VERSION:
        raise VaultTooNew(version, FORMAT_VERSION, what="bestandsversie")
    if version not in READABLE_VERSIONS:
        raise FormatError("onbekende bestandsversie.")
    core_bytes = raw[_PREFIX.size : _PREFIX.size + core_len]
    core = Core.from_bytes(core_bytes, version)
    slot_doc = _load_json(raw[_PREFIX.size + core_len : header_end])
    if not isinstance(slot_doc, list) or not 1 <= len(slot_doc) <= 4:
        raise FormatError("de sleutelvakken in de kop zijn onleesbaar.")
    slots = [Slot.from_json(item) for item in slot_doc]
    kinds = [s.kind for s in slots]
    if kinds.count(PASSPHRASE) != 1 or kinds.count(KEYRING) > 1:
        raise FormatError("de sleutelvakken in de kop zijn onleesbaar.")
    return VaultFile(core, core_bytes, slots, raw[header_end + CHECKSUM_SIZE :], version)
