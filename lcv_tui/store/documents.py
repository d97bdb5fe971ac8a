"""Documents sent, kept as evidence: content-addressed, encrypted files in the data folder.

A letter recorded as sent keeps the very PDF that was sent (issue 13.1: the burden of proof is the
landlord's, LCV 2.1). The vault's JSON holds only the document's SHA-256 (on the ``Event``); the
bytes live in ``<data folder>/documenten/<sha256>.lcvdoc``:

    MAGIC (8 bytes) | nonce (12 bytes) | AES-GCM ciphertext of the document

encrypted under the vault's data key, with the vault id and the document's SHA-256 in the
associated data: a file renamed to another hash, or copied from another vault, does not decrypt.
Every write goes through ``fsio`` (temp file, fsync, atomic replace; 0600 files in a 0700 folder).

A passphrase change that replaces the data key calls ``reencrypt_all(old_key, new_key)``: each
file is rewritten atomically under the new key. A file that already opens with the new key is
left alone, so an interrupted run can simply be run again with the same two keys.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lcv_tui.store import fsio
from lcv_tui.store.errors import VaultError

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant
    from lcv_tui.store.vault import Vault

DOCUMENT_DIRNAME = "documenten"
SUFFIX = ".lcvdoc"
MAGIC = b"LCVDOC1\n"
NONCE_SIZE = 12
_HASH = re.compile(r"^[0-9a-f]{64}$")


class DocumentError(VaultError):
    """A stored document that cannot be read; the message says what to do."""


def sha256_of(data: bytes) -> str:
    """The lowercase hex SHA-256 of ``data``: the name a document is stored and recorded under."""
    return hashlib.sha256(data).hexdigest()


def _aad(vault_id: str, digest: str) -> bytes:
    return MAGIC + vault_id.encode("ascii") + b"\x00" + digest.encode("ascii")


def _seal(key: bytes, vault_id: str, digest: str, data: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, _aad(vault_id, digest))


def _open(key: bytes, vault_id: str, digest: str, raw: bytes) -> bytes | None:
    """The plaintext, or ``None`` when ``raw`` does not decrypt under ``key`` for ``digest``."""
    if not raw.startswith(MAGIC) or len(raw) < len(MAGIC) + NONCE_SIZE + 16:
        return None
    nonce = raw[len(MAGIC) : len(MAGIC) + NONCE_SIZE]
    try:
        data = AESGCM(key).decrypt(nonce, raw[len(MAGIC) + NONCE_SIZE :], _aad(vault_id, digest))
    except InvalidTag:
        return None
    return data if sha256_of(data) == digest else None


@dataclass(frozen=True)
class DocumentStore:
    """The documents of one vault: ``folder`` in its data folder, encrypted under ``key``."""

    folder: Path
    key: bytes
    vault_id: str

    @classmethod
    def in_data_dir(cls, data_dir: Path, key: bytes, vault_id: str) -> DocumentStore:
        return cls(Path(data_dir) / DOCUMENT_DIRNAME, key, vault_id)

    def path_for(self, digest: str) -> Path:
        if not _HASH.match(digest):
            raise DocumentError(f"'{digest}' is geen SHA-256 van een document.")
        return self.folder / f"{digest}{SUFFIX}"

    def put(self, data: bytes) -> str:
        """Store ``data`` (once: the same bytes are stored under the same name) and return its SHA-256.
        Raises ``VaultWriteError`` when the file cannot be written."""
        digest = sha256_of(data)
        target = self.path_for(digest)
        if target.exists() and self._read(target, digest) is not None:
            return digest
        try:
            fsio.ensure_private_dir(self.folder)
        except OSError as exc:
            raise fsio.write_error(exc, self.folder) from None
        fsio.replace_atomically(target, _seal(self.key, self.vault_id, digest, data))
        return digest

    def get(self, digest: str) -> bytes:
        """The document stored as ``digest``; ``DocumentError`` when it is missing or does not check out."""
        target = self.path_for(digest)
        if not target.exists():
            raise DocumentError(
                f"Het document {digest[:12]}… ontbreekt in {self.folder}. Zet de map 'documenten' terug "
                "uit uw reservekopie van de gegevensmap."
            )
        data = self._read(target, digest)
        if data is None:
            raise DocumentError(
                f"Het document {digest[:12]}… is beschadigd of hoort niet bij deze kluis. Zet het terug "
                "uit uw reservekopie van de gegevensmap."
            )
        return data

    def has(self, digest: str) -> bool:
        return self.path_for(digest).exists()

    def digests(self) -> Iterator[str]:
        """The SHA-256 of every document in the folder (by file name)."""
        if not self.folder.is_dir():
            return
        for path in sorted(self.folder.glob(f"*{SUFFIX}")):
            digest = path.name[: -len(SUFFIX)]
            if _HASH.match(digest):
                yield digest

    def _read(self, path: Path, digest: str) -> bytes | None:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise DocumentError(
                f"Het document {digest[:12]}… kan niet worden gelezen ({exc.strerror})."
            ) from None
        return _open(self.key, self.vault_id, digest, raw)


def reencrypt_all(store: DocumentStore, new_key: bytes) -> DocumentStore:
    """Rewrite every document of ``store`` under ``new_key`` and return the store for the new key.

    For a passphrase change that replaces the vault's data key: call it with the store under the old
    key before the vault file is written with the new one. Each file is replaced atomically; one that
    already opens with ``new_key`` (an earlier, interrupted run) is left as it is. A file that opens
    with neither key raises ``DocumentError`` before anything else is changed.
    """
    renewed = DocumentStore(store.folder, new_key, store.vault_id)
    pending: list[str] = []
    for digest in store.digests():  # first check every file, so that a bad one changes nothing
        raw = store.path_for(digest).read_bytes()
        if _open(new_key, store.vault_id, digest, raw) is not None:
            continue
        if _open(store.key, store.vault_id, digest, raw) is None:
            raise DocumentError(
                f"Het document {digest[:12]}… opent met geen van beide sleutels; er is niets gewijzigd. "
                "Zet het terug uit uw reservekopie en probeer opnieuw."
            )
        pending.append(digest)
    for digest in pending:  # then rewrite them one by one (each read again: memory stays small)
        path = store.path_for(digest)
        data = _open(store.key, store.vault_id, digest, path.read_bytes())
        if data is None:
            raise DocumentError(
                f"Het document {digest[:12]}… veranderde tijdens het omzetten. Probeer opnieuw."
            )
        fsio.replace_atomically(path, _seal(new_key, store.vault_id, digest, data))
    return renewed


def remove_unreferenced(store: DocumentStore, referenced: Iterable[str]) -> list[str]:
    """Delete every stored document whose SHA-256 is not in ``referenced``; returns the digests removed.

    Two kinds of document are left without a reference: the letters of tenants removed after the
    retention period (AVG art. 5 lid 1 e: kept no longer than needed), and letters written but
    never recorded as sent (their SHA-256 lived only in the session that wrote them). The caller
    holds the vault's lock, so no other session can be about to record one of them. A file that
    cannot be deleted is left for the next run.
    """
    keep = set(referenced)
    removed: list[str] = []
    for digest in list(store.digests()):
        if digest in keep:
            continue
        try:
            store.path_for(digest).unlink()
        except OSError:
            continue
        removed.append(digest)
    return removed


def referenced_documents(tenants: Iterable[Tenant]) -> set[str]:
    """The documents the tenants' files name as evidence (``Event.document_sha256``)."""
    return {
        event.document_sha256
        for tenant in tenants
        for event in tenant.events
        if event.document_sha256
    }


def for_vault(vault: Vault) -> DocumentStore:
    """The document store of an open vault, under its data key, in its data folder."""
    # The vault keeps its data key private to the store package; this module is part of it.
    return DocumentStore.in_data_dir(vault.locations.data_dir, vault._data_key, vault.vault_id)


def stored_documents(vault: Vault, digests: Iterable[str]) -> dict[str, bytes]:
    """The stored documents among ``digests`` that open, by SHA-256 (for a dossier's attachments);
    a missing or damaged one is left out, and the dossier says so."""
    store = for_vault(vault)
    found: dict[str, bytes] = {}
    for digest in digests:
        try:
            found[digest] = store.get(digest)
        except DocumentError:
            continue
    return found
