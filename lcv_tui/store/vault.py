"""The encrypted vault: one file holding the whole ``VaultData`` and its audit log, opened by passphrase or keyring.

A random 256-bit data key encrypts the data (AES-256-GCM). The data key is wrapped in key slots:
always a passphrase slot (Argon2id), and optionally a keyring slot whose key the OS keyring
remembers. Saves are atomic and keep the last few versions in ``backups/``. See ``fileformat``
for the bytes. Decrypted data stays in memory: it is never written, logged or put in a message.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
import os
import re
import secrets
import threading
import time
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from pydantic import TypeAdapter, ValidationError

from lcv_tui.domain.models import (
    GENESIS,
    SCHEMA_VERSION,
    AuditEntry,
    AuditLog,
    Tenant,
    VaultData,
)
from lcv_tui.fsutil import fsync_dir
from lcv_tui.paths import VAULT_FILENAME, Locations
from lcv_tui.store import fsio, keyring_slot, sections
from lcv_tui.store import kdf as kdf_module
from lcv_tui.store import lock as vault_lock
from lcv_tui.store.errors import (
    KeyringUnavailable,
    PassphraseRequired,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultWriteError,
    WrongPassphrase,
)
from lcv_tui.store.fileformat import (
    CHECK_SIZE,
    FORMAT_VERSION,
    KEYRING,
    NONCE_SIZE,
    PASSPHRASE,
    Core,
    FormatError,
    Slot,
    VaultFile,
    assemble,
    data_aad,
    header_bytes,
    parse,
)
from lcv_tui.store.kdf import KdfParams
from lcv_tui.store.migrations import MigrationError, migrate
from lcv_tui.store.passphrase import check_passphrase
from lcv_tui.store.trusted import share_fields_set, trusted_validator

SNAPSHOT_SLICE_S = 0.006
"""Longest stretch of a save's snapshot between two yields (a frame at 60 Hz is 16.7 ms)."""
BACKUP_PATTERN = re.compile(r"^kluis-(\d{8}-\d{6}-\d{6})\.lcv$")
SET_ASIDE_PREFIX = f"{VAULT_FILENAME}.beschadigd-"
_STALE_KEY = (
    "De sleutel die deze computer onthield past niet meer bij de kluis. Voer uw wachtzin in om "
    "de kluis te openen."
)


@dataclass(frozen=True)
class Backup:
    """One backup file in ``Locations.backup_dir``; ``taken_at`` comes from its name."""

    path: Path
    taken_at: dt.datetime
    size: int


def _slot_aad(kind: str, vault_id: str) -> bytes:
    return f"lcv-tui slot {kind} {vault_id}".encode("ascii")


def _slot_check(kind: str, wrapping_key: bytes, vault_id: str) -> bytes:
    return hmac.new(wrapping_key, b"check " + _slot_aad(kind, vault_id), "sha256").digest()[
        :CHECK_SIZE
    ]


def _wrap(kind: str, wrapping_key: bytes, data_key: bytes, vault_id: str, **extra: Any) -> Slot:
    nonce = os.urandom(NONCE_SIZE)
    return Slot(
        kind,
        nonce,
        AESGCM(wrapping_key).encrypt(nonce, data_key, _slot_aad(kind, vault_id)),
        check=_slot_check(kind, wrapping_key, vault_id),
        **extra,
    )


def _unwrap(slot: Slot, wrapping_key: bytes, vault_id: str) -> bytes | None:
    """The data key, or None for a wrong wrapping key. A slot whose check says the key is right but
    whose wrapped key does not open has been damaged or tampered with: ``FormatError``."""
    try:
        return AESGCM(wrapping_key).decrypt(
            slot.nonce, slot.wrapped, _slot_aad(slot.kind, vault_id)
        )
    except InvalidTag:
        if slot.check is not None and hmac.compare_digest(
            slot.check, _slot_check(slot.kind, wrapping_key, vault_id)
        ):
            raise FormatError(
                "een sleutelvak is beschadigd (de wachtzin of sleutel klopt, maar het vak zelf niet)."
            ) from None
        return None


def _passphrase_slot(passphrase: str, data_key: bytes, vault_id: str, params: KdfParams) -> Slot:
    salt = os.urandom(16)
    return _wrap(
        PASSPHRASE,
        kdf_module.derive(passphrase, salt, params),
        data_key,
        vault_id,
        kdf=params,
        salt=salt,
    )


def _seal(data_key: bytes, vault_id: str, plaintext: bytes) -> tuple[bytes, bytes]:
    """Core header bytes and body for ``plaintext``; a fresh nonce for every save."""
    nonce = os.urandom(NONCE_SIZE)
    core_bytes = Core(vault_id, nonce).to_bytes()
    return core_bytes, AESGCM(data_key).encrypt(nonce, plaintext, data_aad(core_bytes))


PIECE = 1024 * 1024
"""Plaintext bytes encrypted and written at once by a save (``_sealed``)."""


def _sealed(
    data_key: bytes, core_bytes: bytes, slots: list[Slot], plaintext: Iterable[bytes]
) -> Iterator[bytes]:
    """The vault file for ``plaintext`` (in pieces), as pieces: the header, the body encrypted a
    ``PIECE`` at a time, and the tag. The same bytes as ``assemble(core_bytes, slots,
    AESGCM(data_key).encrypt(nonce, b"".join(plaintext), data_aad(core_bytes)))``, without the
    plaintext, the body or the file ever being whole in memory (each is the size of the file)."""
    encryptor = Cipher(
        algorithms.AES(data_key), modes.GCM(Core.from_bytes(core_bytes).data_nonce)
    ).encryptor()
    encryptor.authenticate_additional_data(data_aad(core_bytes))
    yield header_bytes(core_bytes, slots)
    for piece in plaintext:
        view = memoryview(piece)
        for start in range(0, len(view), PIECE):
            yield encryptor.update(view[start : start + PIECE])
    yield encryptor.finalize() + encryptor.tag


def _document(data: VaultData) -> list[bytes]:
    """The compressed document, in pieces: the data without its tenants, then one tenant per line
    (see ``sections``), each line compressed as it is encoded.

    (Leaving default values out of the tenant lines would save memory on load, fewer "fields set"
    per tenant, but pydantic's ``exclude_defaults`` calls every ``id`` default factory to compare:
    it doubled the save time at 10,000 tenants. Measured and left out.)
    """
    return sections.compressed_pieces(
        _document_head(data), (_TENANT.dump_json(tenant) for tenant in data.tenants), _CODEC
    )


def _document_head(data: VaultData) -> bytes:
    return data.__pydantic_serializer__.to_json(data, exclude={"tenants"})


def seal_json(data_key: bytes, vault_id: str, document: bytes) -> tuple[bytes, bytes]:
    """Core header bytes and body for a whole JSON document with an empty audit log, laid out as
    this format stores it (used to test migrations: an older or newer app's document)."""
    doc = json.loads(document)
    tenants = doc.pop("tenants", [])
    compressed = sections.compress_document(
        json.dumps(doc).encode(), (json.dumps(t).encode() for t in tenants), _CODEC
    )
    return _seal(data_key, vault_id, sections.pack(compressed, (), (0, GENESIS)))


def _decode(file: VaultFile, data_key: bytes) -> tuple[VaultData, tuple[sections.Chunk, ...]]:
    """Decrypt and decode the body: the data with its audit log attached, and the audit chunks as
    stored (empty for an older format, whose log the next save writes in full, in this format's
    compression). Any failure is ``FormatError`` (no data in the message).

    Memory: the ciphertext is dropped from ``file`` once decrypted (19 MB at 10,000 tenants; only a
    key-slot change needs it, and reads it again: ``Vault._body``), and the plaintext once split.
    """
    try:
        plaintext = AESGCM(data_key).decrypt(file.core.data_nonce, file.body, file.aad)
    except InvalidTag:
        raise FormatError(
            "de versleutelde gegevens zijn beschadigd (de controle van de inhoud faalt)."
        ) from None
    file.body = b""
    if file.version == 1:
        try:
            document = zlib.decompress(plaintext)
        except zlib.error:
            raise FormatError("de gegevens zijn onleesbaar.") from None
        del plaintext
        return _decode_older(_json(document)), ()
    codec = _CODECS[file.version]
    try:
        body = sections.unpack(plaintext)
    except sections.SectionError:
        raise FormatError("de gegevens zijn onleesbaar.") from None
    del plaintext
    try:
        lines = sections.document_lines(body.document, codec)
        head = next(lines, b"")
        if not _written_by_this_version(head):
            if body.chunks:
                raise FormatError(
                    "de gegevens zijn onleesbaar."
                )  # an older document never came with audit sections
            doc = _json(head)
            doc["tenants"] = [_json(line) for line in lines]
            return _decode_older(doc), ()
        # Authenticated by the GCM tag and written by this schema version: validated when it was
        # made, so pydantic parses the bytes straight into models and skips the normalisers.
        data: VaultData = _TRUSTED_DOCUMENT.validate_json(
            head
        )  # a bare SchemaValidator returns Any
        data.tenants.extend(map(_loaded_tenant, lines))
    except ValidationError:
        raise FormatError("de gegevens passen niet bij deze versie van de app.") from None
    except sections.SectionError:
        raise FormatError("de gegevens zijn onleesbaar.") from None
    chunks, last = body.chunks, body.last
    data.attach_audit(
        AuditLog.stored(
            sum(c.count for c in chunks),
            *last,
            loader=partial(sections.decode_chunks, chunks, last, codec),
        )
    )
    return data, (chunks if codec is _CODEC else ())


def _json(raw: bytes) -> Any:
    """A JSON object from the (authenticated) document; ``FormatError`` when it is not one."""
    try:
        value = json.loads(raw)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise FormatError("de gegevens zijn onleesbaar.") from None
    if not isinstance(value, dict):
        raise FormatError("de gegevens zijn onleesbaar.")
    return value


def _decode_older(doc: dict[str, Any]) -> VaultData:
    """A document of an older schema: migrated and validated in full. Up to schema 1 the audit log
    was part of the document; it is lifted out here and written in sections on the next save."""
    version = doc.get("schema_version", 1)
    legacy_audit = doc.pop("audit", []) if type(version) is int and version < 2 else []
    try:
        doc = migrate(doc)
    except MigrationError as exc:
        raise FormatError(str(exc)) from None
    try:
        data = VaultData.model_validate(doc)
        data.attach_audit(AuditLog(_AUDIT_ENTRIES.validate_python(legacy_audit)))
    except ValidationError:
        raise FormatError("de gegevens passen niet bij deze versie van de app.") from None
    return data


_CODECS = {2: sections.ZLIB, 3: sections.ZSTD}
"""The sections' compression per file format version (format 1 had no sections)."""
_CODEC = _CODECS[FORMAT_VERSION]
_AUDIT_ENTRIES = TypeAdapter(list[AuditEntry])
_TENANT = TypeAdapter(Tenant)
_TRUSTED_TENANT = trusted_validator(Tenant)
_TRUSTED_DOCUMENT = trusted_validator(VaultData)
_CURRENT_PREFIX = b'{"schema_version":%d,' % SCHEMA_VERSION


def _loaded_tenant(line: bytes) -> Tenant:
    """One tenant line of a trusted document, with the fields-set records shared (see ``share_fields_set``)."""
    tenant: Tenant = _TRUSTED_TENANT.validate_json(line)  # a bare SchemaValidator returns Any
    share_fields_set(tenant)
    for event in tenant.events:
        share_fields_set(event)
    for adjustment in tenant.adjustments:
        share_fields_set(adjustment)
    return tenant


def _written_by_this_version(document: bytes) -> bool:
    """``model_dump_json`` writes ``schema_version`` first, so the prefix tells the version."""
    return document.startswith(_CURRENT_PREFIX)


class _Credentials:
    """What the user gave to open the vault, with the KDF result cached per salt so backups open cheaply."""

    def __init__(self, passphrase: str | None, keyring_backend: Any) -> None:
        self.passphrase = passphrase
        self.keyring_backend = keyring_backend
        self._derived: dict[tuple[bytes, KdfParams], bytes] = {}
        self._remembered: dict[str, bytes | None] = {}

    def unlock(self, file: VaultFile) -> bytes:
        """The data key, or ``WrongPassphrase`` / ``PassphraseRequired``."""
        vault_id = file.core.vault_id
        if self.passphrase is not None:
            slot = file.slot(PASSPHRASE)
            assert slot is not None and slot.salt is not None and slot.kdf is not None
            cache_key = (slot.salt, slot.kdf)
            if cache_key not in self._derived:
                try:
                    self._derived[cache_key] = kdf_module.derive(
                        self.passphrase, slot.salt, slot.kdf
                    )
                except ImportError:
                    raise VaultError(
                        "Deze kluis gebruikt Argon2id, dat deze installatie niet kent. "
                        "Werk het pakket 'cryptography' bij (versie 44 of nieuwer)."
                    ) from None
            data_key = _unwrap(slot, self._derived[cache_key], vault_id)
            if data_key is None:
                raise WrongPassphrase()
            return data_key
        slot = file.slot(KEYRING)
        if slot is None:
            raise PassphraseRequired()
        if vault_id not in self._remembered:
            self._remembered[vault_id] = keyring_slot.load_key(vault_id, self.keyring_backend)
        key = self._remembered[vault_id]
        if key is None:
            raise PassphraseRequired()
        data_key = _unwrap(slot, key, vault_id)
        if data_key is None:
            raise PassphraseRequired(_STALE_KEY)
        return data_key


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise VaultMissing(path) from None
    except OSError as exc:
        raise VaultError(
            f"Het bestand {path} kan niet worden gelezen ({exc.strerror or exc.errno}). "
            "Controleer of het bestaat en of u het mag lezen."
        ) from None


def _open_file(
    path: Path, creds: _Credentials
) -> tuple[VaultFile, bytes, VaultData, tuple[sections.Chunk, ...]]:
    """Parse, unlock and decode one file; ``FormatError`` for damage, ``WrongPassphrase`` for wrong credentials."""
    file = parse(_read(path))
    data_key = creds.unlock(file)
    return (file, data_key, *_decode(file, data_key))


def _upgraded_slots(file: VaultFile, passphrase: str | None, data_key: bytes) -> list[Slot] | None:
    """A passphrase slot below ``kdf.MINIMUM`` is made again, with today's parameters, and written at
    the next save: the slots to write then, or None when nothing needs it."""
    slot = file.slot(PASSPHRASE)
    if passphrase is None or slot is None or slot.kdf is None:
        return None
    if not kdf_module.below_minimum(slot.kdf):
        return None
    new_slot = _passphrase_slot(passphrase, data_key, file.core.vault_id, kdf_module.DEFAULT_KDF)
    return [new_slot] + [s for s in file.slots if s.kind != PASSPHRASE]


def _newest_good(locations: Locations, creds: _Credentials) -> Path | None:
    for backup in list_backups(locations):
        try:
            _open_file(backup.path, creds)
        except (VaultError, FormatError):
            continue
        return backup.path
    return None


REKEY, REMOVE = "rekey", "remove"
"""What ``change_passphrase`` does with the backups: re-encrypt them, or remove them (keeping one fresh copy)."""


@dataclass
class RekeyResult:
    """What a passphrase change did with the other encrypted files of the data folder."""

    rekeyed: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)
    """Files that could not be re-encrypted (damaged, unreadable, another vault's): older data, old key."""
    set_aside_removed: list[Path] = field(default_factory=list)
    set_aside_left: list[Path] = field(default_factory=list)
    """Set-aside vault files (``kluis.lcv.beschadigd-*``) the user chose to keep: they open with the old passphrase."""


def _reseal(file: VaultFile, old_key: bytes, new_key: bytes, slots: list[Slot]) -> bytes:
    """``file`` (with its body) encrypted again under ``new_key`` with a fresh nonce and ``slots``,
    keeping its format version and compression (the plaintext is not touched)."""
    try:
        plaintext = AESGCM(old_key).decrypt(file.core.data_nonce, file.body, file.aad)
    except InvalidTag:
        raise FormatError("de versleutelde gegevens passen niet bij de sleutel.") from None
    nonce = os.urandom(NONCE_SIZE)
    core_bytes = Core(file.core.vault_id, nonce, file.core.compression).to_bytes()
    body = AESGCM(new_key).encrypt(nonce, plaintext, data_aad(core_bytes, file.version))
    return assemble(core_bytes, slots, body, file.version)


def _rekey_vault_file(
    path: Path, vault_id: str, old_key: bytes, new_key: bytes, slots: list[Slot]
) -> None:
    """Re-encrypt one file in the vault format (a backup) under ``new_key``; refuses another vault's file."""
    file = parse(_read(path))
    if file.core.vault_id != vault_id:
        raise FormatError("een bestand van een andere kluis.")
    fsio.replace_atomically(path, _reseal(file, old_key, new_key, slots))


def _remove(path: Path) -> bool:
    try:
        os.unlink(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return True


@dataclass(frozen=True)
class EncryptedFiles:
    """One kind of file in the data folder encrypted with the vault's data key.

    ``find`` lists them; ``rekey(path, vault_id, old_key, new_key, slots)`` re-encrypts one under the
    new key (raising ``OSError``, ``FormatError`` or ``VaultError`` when it cannot); ``removable``
    says whether "remove instead of re-encrypt" applies to them (the backups).
    """

    name: str
    find: Callable[[Locations], list[Path]]
    rekey: Callable[[Path, str, bytes, bytes, list[Slot]], None]
    removable: bool = False


REKEYED_FILES: tuple[EncryptedFiles, ...] = (
    EncryptedFiles(
        "reservekopieën",
        lambda locations: [b.path for b in list_backups(locations)],
        _rekey_vault_file,
        removable=True,
    ),
)
"""Every kind of file a passphrase change re-encrypts besides the vault itself. A new kind of
encrypted file under the data folder is added here, and only here."""


@dataclass(frozen=True)
class SaveJob:
    """A save taken at one moment (:meth:`Vault.snapshot`), written later by :meth:`Vault.write`."""

    document: list[bytes]
    """The document compressed, in pieces: compressed as the tenant lines are encoded, so the
    snapshot never holds the whole plaintext (80 MB at 10,000 tenants, 10 MB compressed)."""
    append: bool
    """True: ``audit`` holds only the lines after the saved ones; False: the whole log."""
    audit: Iterable[AuditEntry]
    """A stored log's own lines are streamed when the job is written, not held (``as_of_now``)."""
    log: AuditLog
    log_length: int
    last: tuple[int, str]
    keep: BackupPolicy


class Vault:
    """An open vault: the data key in memory, the file's current header and body, and the audit
    chunks on disk together with the ``AuditLog`` they belong to (so a save adds only new lines)."""

    def __init__(
        self,
        locations: Locations,
        file: VaultFile,
        data_key: bytes,
        *,
        keyring_backend: Any = None,
        chunks: tuple[sections.Chunk, ...] = (),
        log: AuditLog | None = None,
    ) -> None:
        self.locations = locations
        self._file = file
        self._data_key = data_key
        self._keyring_backend = keyring_backend
        self._chunks = chunks
        self._log = log
        self._busy = threading.RLock()
        """Held by a save and a passphrase change: the app runs them in worker threads."""
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        """The time backups are named and kept by (tests set their own)."""
        self._pending_slots: list[Slot] | None = None
        """Slots to write at the next save instead of the file's (a passphrase slot below ``kdf.MINIMUM``)."""

    def __getstate__(self) -> dict[str, Any]:
        """A vault can be handed to another process (a worker, a test's child): the lock is its own."""
        state = self.__dict__.copy()
        del state["_busy"]
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._busy = threading.RLock()

    # --- opening and creating -------------------------------------------------------------

    @staticmethod
    def exists(locations: Locations) -> bool:
        return locations.vault_path.is_file()

    @classmethod
    def create(
        cls,
        locations: Locations,
        passphrase: str,
        data: VaultData,
        *,
        remember: bool = False,
        kdf: KdfParams | None = None,
        keyring_backend: Any = None,
        demo: bool = False,
    ) -> Vault:
        """Make a new vault; refuses a short passphrase and an existing vault. ``remember`` falls back silently.

        ``demo`` skips the length rule only for the throwaway demo vault, whose passphrase ("demo")
        is published in the README anyway and which holds fictional tenants only.
        """
        if not demo:
            check_passphrase(passphrase)
        if cls.exists(locations):
            raise VaultExists(locations.vault_path)
        params = kdf or kdf_module.DEFAULT_KDF
        params.check()
        if kdf_module.below_minimum(params):
            raise ValueError("key derivation below kdf.MINIMUM")
        data_key = AESGCM.generate_key(bit_length=256)
        vault_id = secrets.token_hex(16)
        slots = [_passphrase_slot(passphrase, data_key, vault_id, params)]
        if remember:
            remembered = os.urandom(keyring_slot.KEY_SIZE)
            if keyring_slot.store_key(vault_id, remembered, keyring_backend):
                slots.append(_wrap(KEYRING, remembered, data_key, vault_id))
        chunks = sections.chunk_all(data.audit.as_of_now(), _CODEC)
        core_bytes, body = _seal(
            data_key, vault_id, sections.pack(b"".join(_document(data)), chunks, data.audit.last)
        )
        try:
            fsio.secure_data_dir(locations.data_dir)
        except OSError as exc:
            raise fsio.write_error(exc, locations.data_dir) from None
        vault = cls(
            locations,
            VaultFile(Core.from_bytes(core_bytes), core_bytes, slots, body),
            data_key,
            keyring_backend=keyring_backend,
        )
        try:
            vault._write(assemble(core_bytes, slots, body), keep=None)
        except VaultWriteError:
            if remember:
                keyring_slot.forget_key(vault_id, keyring_backend)
            raise
        vault._saved(chunks, data.audit)
        return vault

    @classmethod
    def open(
        cls, locations: Locations, passphrase: str | None = None, *, keyring_backend: Any = None
    ) -> tuple[Vault, VaultData]:
        """Open with ``passphrase``, or with the key this computer remembers when it is None.

        Raises ``VaultMissing``, ``WrongPassphrase`` (``PassphraseRequired`` when no key is remembered),
        ``VaultTooNew``, or ``VaultDamaged`` naming the newest backup that opens. Never writes.
        """
        creds = _Credentials(passphrase, keyring_backend)
        path = locations.vault_path
        try:
            file = parse(_read(path))
            data_key = creds.unlock(file)
            # Derived before the data is decoded: the KDF's memory (64 MiB) is given back before the
            # tenants take theirs, instead of adding to it.
            upgraded = _upgraded_slots(file, passphrase, data_key)
            data, chunks = _decode(file, data_key)
        except FormatError as exc:
            raise VaultDamaged(
                str(exc), path=path, good_backup=_newest_good(locations, creds), searched=True
            ) from None
        vault = cls(
            locations,
            file,
            data_key,
            keyring_backend=keyring_backend,
            chunks=chunks,
            log=data.audit,
        )
        vault._pending_slots = upgraded
        return vault, data

    # --- properties -----------------------------------------------------------------------

    @property
    def path(self) -> Path:
        return self.locations.vault_path

    @property
    def vault_id(self) -> str:
        return self._file.core.vault_id

    @property
    def remembered(self) -> bool:
        """True when this vault has a keyring slot ("onthouden op deze computer")."""
        return self._file.slot(KEYRING) is not None

    @property
    def _current_slots(self) -> list[Slot]:
        return self._pending_slots or self._file.slots

    @property
    def kdf(self) -> KdfParams:
        slot = self._file.slot(PASSPHRASE)
        assert slot is not None and slot.kdf is not None
        return slot.kdf

    # --- changing -------------------------------------------------------------------------

    def save(self, data: VaultData) -> None:
        """Encrypt and write ``data`` atomically, keeping the previous file as a backup; raises ``VaultWriteError``."""
        self.write(self.snapshot(data))

    def snapshot(self, data: VaultData) -> SaveJob:
        """What a save of ``data`` writes, taken now (the data may change afterwards): the document
        encoded and compressed tenant by tenant, and the audit lines not yet saved (see
        :meth:`snapshot_steps`)."""
        steps = self.snapshot_steps(data)
        while True:
            try:
                next(steps)
            except StopIteration as done:
                job: SaveJob = done.value
                return job

    def snapshot_steps(
        self, data: VaultData, *, slice_seconds: float = SNAPSHOT_SLICE_S
    ) -> Generator[None, None, SaveJob]:
        """:meth:`snapshot` in slices of about ``slice_seconds``: the generator yields between
        slices and returns the ``SaveJob``.

        The app takes it on the UI thread, so the file is consistent, yielding to the event loop
        between slices so the screen never waits longer than a frame (at 10,000 tenants the whole
        encoding takes a third of a second). The caller must not change ``data`` while the
        generator is suspended, or must drop it and start over (``Workspace.save_steps`` does).
        Snapshots are written with :meth:`write` in the order they were taken, one at a time (the
        next snapshot is taken after the previous write ended).
        """
        started = time.perf_counter()
        document = sections.DocumentCompressor(_document_head(data), _CODEC)
        for tenant in data.tenants:
            if time.perf_counter() - started >= slice_seconds:
                yield
                started = time.perf_counter()
            document.add(_TENANT.dump_json(tenant))
        log = data.audit
        append = (
            log is self._log
            and log.saved is not None
            and log.saved == sum(c.count for c in self._chunks)
        )
        return SaveJob(
            document=document.pieces(),
            append=append,
            audit=log.since(log.saved) if append and log.saved is not None else log.as_of_now(),
            log=log,
            log_length=len(log),
            last=log.last,
            keep=BackupPolicy.from_settings(data.settings),
        )

    def write(self, job: SaveJob) -> None:
        """Chunk the new audit lines, encrypt and write a :meth:`snapshot` atomically (safe in a
        worker thread); raises ``VaultWriteError``."""
        with self._busy:  # never at the same time as a passphrase change in another thread
            if job.append:
                chunks = sections.extend(self._chunks, list(job.audit), _CODEC)  # the new lines
            else:
                chunks = sections.chunk_all(job.audit, _CODEC)  # other data, or lines taken back
            core_bytes = Core(self.vault_id, os.urandom(NONCE_SIZE)).to_bytes()  # a fresh nonce
            slots = self._pending_slots or self._file.slots
            plaintext = sections.pack_pieces(job.document, chunks, job.last)
            self._write(_sealed(self._data_key, core_bytes, slots, plaintext), keep=job.keep)
            self._pending_slots = None
            self._file = VaultFile(Core.from_bytes(core_bytes), core_bytes, list(slots), b"")
            self._chunks, self._log = chunks, job.log  # the body is not kept: see _body
            # lines taken back meanwhile (``AuditLog.truncate``): the next save writes the whole log
            job.log.saved = job.log_length if len(job.log) >= job.log_length else None

    def _saved(self, chunks: tuple[sections.Chunk, ...], log: AuditLog) -> None:
        self._chunks, self._log = chunks, log
        self._file.body = b""  # see _body
        log.saved = len(log)

    def _body(self) -> bytes:
        """The encrypted body as it is on disk. Not kept in memory (19 MB at 10,000 tenants): only a
        key-slot change needs it. Refuses when the file is no longer the one this vault wrote."""
        try:
            file = parse(_read(self.path))
        except FormatError:
            file = None
        if (
            file is None
            or file.core_bytes != self._file.core_bytes
            or file.version != self._file.version
        ):
            raise VaultError(
                "Het kluisbestand is gewijzigd sinds het werd geopend (door een ander programma of een "
                "teruggezette reservekopie). Sluit de app en open de kluis opnieuw; er is niets gewijzigd."
            )
        return file.body

    def change_passphrase(
        self, old: str, new: str, *, backups: str = REKEY, remove_set_aside: bool = False
    ) -> RekeyResult:
        """A new passphrase *and* a new random data key: the vault is re-encrypted under the new key.

        A copy of the vault made before the change (a copied folder, an old backup, a set-aside file)
        opens with the old passphrase and shows the data as it was then, never anything saved later.
        So the other encrypted files of this folder (``REKEYED_FILES``: the backups, and any further
        kind added there) are re-encrypted too, or with ``backups=REMOVE`` deleted except one fresh
        copy of the re-keyed vault. ``remove_set_aside`` deletes the files ``restore_backup`` set
        aside (they still open with the old passphrase); without it they are listed in the result.
        Holds the vault's lock. The vault is written first; a backup that cannot be re-encrypted is
        left as it is and counted (it holds older data only, under the old passphrase).
        """
        check_passphrase(new)
        if backups not in (REKEY, REMOVE):
            raise ValueError(backups)
        slot = self._file.slot(PASSPHRASE)
        assert slot is not None and slot.salt is not None and slot.kdf is not None
        try:
            unwrapped = _unwrap(slot, kdf_module.derive(old, slot.salt, slot.kdf), self.vault_id)
        except FormatError as exc:
            raise VaultDamaged(str(exc), path=self.path) from None
        if unwrapped is None or not hmac.compare_digest(unwrapped, self._data_key):
            raise WrongPassphrase("De huidige wachtzin klopt niet; de wachtzin is niet gewijzigd.")
        with vault_lock.locked(self.locations), self._busy:
            return self._rekey(new, backups=backups, remove_set_aside=remove_set_aside)

    def _rekey(self, new: str, *, backups: str, remove_set_aside: bool) -> RekeyResult:
        old_key, new_key = self._data_key, AESGCM.generate_key(bit_length=256)
        slots = [_passphrase_slot(new, new_key, self.vault_id, kdf_module.DEFAULT_KDF)]
        remembered_key = None
        if self.remembered:
            remembered_key = os.urandom(keyring_slot.KEY_SIZE)
            if keyring_slot.store_key(self.vault_id, remembered_key, self._keyring_backend):
                slots.append(_wrap(KEYRING, remembered_key, new_key, self.vault_id))
            else:
                remembered_key = None  # the keyring refused: open by passphrase from now on
        current = VaultFile(
            self._file.core,
            self._file.core_bytes,
            self._file.slots,
            self._body(),
            self._file.version,
        )
        raw = _reseal(current, old_key, new_key, slots)
        self._write(raw, keep=None)
        self._pending_slots = None
        self._file = parse(raw)
        self._file.body = b""
        self._data_key = new_key
        result = RekeyResult()
        for kind in REKEYED_FILES:
            for path in kind.find(self.locations):
                if backups == REMOVE and kind.removable:
                    if _remove(path):
                        result.removed.append(path)
                    continue
                try:
                    kind.rekey(path, self.vault_id, old_key, new_key, slots)
                except (OSError, FormatError, VaultError):
                    result.left.append(path)
                    continue
                result.rekeyed.append(path)
        if backups == REMOVE:
            try:
                self._take_backup(link=False)
            except OSError as exc:
                raise fsio.write_error(exc, self.locations.backup_dir) from None
        for path in set_aside_files(self.locations):
            if remove_set_aside and _remove(path):
                result.set_aside_removed.append(path)
            else:
                result.set_aside_left.append(path)
        return result

    def set_remember(self, enabled: bool) -> None:
        """Add or remove the keyring slot; raises ``KeyringUnavailable`` when enabling is impossible here."""
        with self._busy:
            self._set_remember(enabled)

    def _set_remember(self, enabled: bool) -> None:
        if not enabled:
            if self.remembered:
                slots = [s for s in self._current_slots if s.kind != KEYRING]
                self._write(
                    assemble(self._file.core_bytes, slots, self._body(), self._file.version),
                    keep=None,
                )
                self._file.slots, self._pending_slots = slots, None
            keyring_slot.forget_key(self.vault_id, self._keyring_backend)
            return
        key = os.urandom(keyring_slot.KEY_SIZE)
        if not keyring_slot.store_key(self.vault_id, key, self._keyring_backend):
            raise KeyringUnavailable()
        slots = [s for s in self._current_slots if s.kind != KEYRING] + [
            _wrap(KEYRING, key, self._data_key, self.vault_id)
        ]
        try:
            self._write(
                assemble(self._file.core_bytes, slots, self._body(), self._file.version), keep=None
            )
        except VaultWriteError:
            keyring_slot.forget_key(self.vault_id, self._keyring_backend)
            raise
        self._file.slots, self._pending_slots = slots, None

    def replace_backups_with_current(self) -> int:
        """Delete every backup and keep one copy of the vault as it is now; returns how many were deleted.

        Used after a retention purge, so purged data does not live on in older backups.
        """
        removed = 0
        backup_dir = self.locations.backup_dir
        try:
            for backup in list_backups(self.locations):
                backup.path.unlink()
                removed += 1
            # A real copy, because the vault file itself is not replaced now and a link would share its fate.
            self._take_backup(link=False)
        except OSError as exc:
            raise fsio.write_error(exc, backup_dir) from None
        return removed

    # --- files ----------------------------------------------------------------------------

    def _take_backup(self, *, link: bool = True) -> Path:
        backup_dir = self.locations.backup_dir
        fsio.ensure_private_dir(backup_dir)
        moment = self.clock()
        while True:
            target = backup_dir / f"kluis-{moment:%Y%m%d-%H%M%S-%f}.lcv"
            if not target.exists():
                break
            moment += dt.timedelta(microseconds=1)
        fsio.copy_private(self.path, target, link=link)
        fsync_dir(backup_dir)
        return target

    def _write(self, raw: bytes | Iterable[bytes], *, keep: BackupPolicy | None) -> None:
        """Replace the vault file with ``raw`` atomically; with ``keep``, back up the old file first
        and prune to ``keep``."""
        with vault_lock.locked(self.locations):
            self._write_locked(raw, keep=keep)

    def _write_locked(self, raw: bytes | Iterable[bytes], *, keep: BackupPolicy | None) -> None:
        target = self.path
        try:
            fsio.ensure_private_dir(target.parent)
            fsio.remove_stale_temps(target)
            temp = fsio.write_temp(target, raw)
        except OSError as exc:
            raise fsio.write_error(exc, target.parent) from None
        backup: Path | None = None
        try:
            if keep is not None and target.exists():
                backup = self._take_backup()
        except OSError as exc:
            fsio.remove_quietly(temp)
            raise fsio.write_error(exc, self.locations.backup_dir) from None
        except BaseException:
            fsio.remove_quietly(temp)
            raise
        try:
            fsio.commit_temp(temp, target)
        except BaseException:
            if backup is not None:
                fsio.remove_quietly(backup)
            raise
        if keep is not None:
            prune_backups(self.locations, keep, now=self.clock())


# --- backups --------------------------------------------------------------------------------


def list_backups(locations: Locations) -> list[Backup]:
    """This data folder's backups, newest first."""
    try:
        entries = list(locations.backup_dir.iterdir())
    except OSError:
        return []
    backups = []
    for path in entries:
        match = BACKUP_PATTERN.match(path.name)
        if not match:
            continue
        try:
            taken_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S-%f")
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        backups.append(Backup(path, taken_at, size))
    backups.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return backups


@dataclass(frozen=True)
class BackupPolicy:
    """Which backups stay: the ``keep`` newest, and besides them the newest of each of the last
    ``daily`` days and of each of the last ``weekly`` ISO weeks, so a busy hour of saves never
    pushes out yesterday's or last week's copy (``Settings.backups_*``)."""

    keep: int = 5
    daily: int = 14
    weekly: int = 8

    @classmethod
    def from_settings(cls, settings: Any) -> BackupPolicy:
        return cls(settings.backups_keep, settings.backups_daily, settings.backups_weekly)


def backups_to_keep(backups: list[Backup], policy: BackupPolicy, now: dt.datetime) -> set[Path]:
    """The backups ``policy`` keeps at ``now`` (``backups`` newest first, as ``list_backups`` gives)."""
    kept = {b.path for b in backups[: max(policy.keep, 1)]}
    first_day = now.date() - dt.timedelta(days=policy.daily - 1)
    this_week = now.date() - dt.timedelta(days=now.weekday())
    first_week = this_week - dt.timedelta(weeks=policy.weekly - 1)
    days: set[dt.date] = set()
    weeks: set[dt.date] = set()
    for backup in backups:  # newest first: the first one seen of a day or week is its newest
        day = backup.taken_at.date()
        week = day - dt.timedelta(days=day.weekday())
        if policy.daily > 0 and first_day <= day and day not in days:
            days.add(day)
            kept.add(backup.path)
        if policy.weekly > 0 and first_week <= week and week not in weeks:
            weeks.add(week)
            kept.add(backup.path)
    return kept


def prune_backups(
    locations: Locations, policy: BackupPolicy | int, *, now: dt.datetime | None = None
) -> None:
    """Delete the backups ``policy`` does not keep (an int: only the newest so many); a file that
    cannot be deleted is tried again next time."""
    if isinstance(policy, int):
        policy = BackupPolicy(policy, 0, 0)
    backups = list_backups(locations)
    kept = backups_to_keep(backups, policy, now or dt.datetime.now())
    for backup in backups:
        if backup.path not in kept:
            fsio.remove_quietly(backup.path)
    fsync_dir(locations.backup_dir)


def set_aside_files(locations: Locations) -> list[Path]:
    """Files kept aside by ``restore_backup`` (the vault as it was before a restore)."""
    try:
        return sorted(
            p for p in locations.data_dir.iterdir() if p.name.startswith(SET_ASIDE_PREFIX)
        )
    except OSError:
        return []


def resolve_backup(locations: Locations, name: str | os.PathLike[str]) -> Path:
    """A bare file name means a file in the backup folder; anything else is taken as a path."""
    path = Path(name)
    return locations.backup_dir / path if path.parent == Path(".") else path.expanduser()


def check_backup(
    locations: Locations,
    backup_path: Path,
    passphrase: str | None = None,
    *,
    keyring_backend: Any = None,
) -> VaultData:
    """Open a backup read-only; raises ``VaultDamaged`` or ``WrongPassphrase`` like ``Vault.open``."""
    try:
        return _open_file(backup_path, _Credentials(passphrase, keyring_backend))[2]
    except FormatError as exc:
        raise VaultDamaged(str(exc), path=backup_path) from None


def newest_good_backup(
    locations: Locations, passphrase: str | None = None, *, keyring_backend: Any = None
) -> Path | None:
    """The newest backup that opens with these credentials, or None."""
    return _newest_good(locations, _Credentials(passphrase, keyring_backend))


def restore_backup(locations: Locations, backup_path: Path) -> Path | None:
    """Put ``backup_path`` back as the vault, atomically; the current file is kept aside as
    ``kluis.lcv.beschadigd-<timestamp>`` (returned). Refuses a backup whose header is damaged.
    Holds the vault's lock (``VaultLocked`` while another process has the vault open)."""
    with vault_lock.locked(locations):
        return _restore_locked(locations, backup_path)


def _restore_locked(locations: Locations, backup_path: Path) -> Path | None:
    raw = _read(backup_path)
    try:
        parse(raw)
    except FormatError as exc:
        raise VaultDamaged(str(exc), path=backup_path) from None
    target = locations.vault_path
    aside: Path | None = None
    try:
        fsio.ensure_private_dir(locations.data_dir)
        if target.exists():
            aside = target.with_name(f"{SET_ASIDE_PREFIX}{dt.datetime.now():%Y%m%d-%H%M%S-%f}")
            fsio.copy_private(target, aside)
    except OSError as exc:
        raise fsio.write_error(exc, locations.data_dir) from None
    try:
        fsio.replace_atomically(target, raw)
    except VaultWriteError:
        if aside is not None:
            fsio.remove_quietly(aside)
        raise
    return aside
