"""The keyring slot's key, kept in the operating system's keyring ("onthouden op deze computer").

Only a real OS store is accepted (macOS Keychain, Windows Credential Locker, Secret Service,
KWallet): the fail and null backends, chainers without a real backend, anything from
``keyrings.alt`` and any plaintext store are refused, so the key is never written in plaintext.
Every call is wrapped: whatever the keyring does, the caller falls back to the passphrase.
The passphrase slot always exists, so losing the keyring never loses the data.
"""

from __future__ import annotations

import base64
import contextlib
from typing import Any

SERVICE = "lcv-tui"
KEY_SIZE = 32
MIN_PRIORITY = 1

_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


def _acceptable(backend: Any) -> bool:
    """A single (non-chainer) backend that stores secrets in a real, protected OS store."""
    try:
        cls = type(backend)
        module = getattr(cls, "__module__", "") or ""
        name = cls.__name__.lower()
        if (
            module.startswith(_REFUSED_MODULES)
            or "plaintext" in name
            or "plaintext" in module.lower()
        ):
            return False
        priority = backend.priority
        return isinstance(priority, (int, float)) and priority >= MIN_PRIORITY
    except Exception:
        return False


def usable_backend(injected: Any = None) -> Any | None:
    """The backend to use, or None when this computer has no safe keyring (or asking it fails)."""
    try:
        if injected is None:
            import keyring

            injected = keyring.get_keyring()
        candidates = getattr(injected, "backends", None)
        if type(injected).__module__.startswith("keyring.backends.chainer") or isinstance(
            candidates, (list, tuple)
        ):
            return next((b for b in (candidates or ()) if _acceptable(b)), None)
        return injected if _acceptable(injected) else None
    except Exception:
        return None


def load_key(vault_id: str, backend: Any = None) -> bytes | None:
    """The remembered key for this vault, or None (no keyring, no entry, unreadable entry, any error)."""
    chosen = usable_backend(backend)
    if chosen is None:
        return None
    try:
        text = chosen.get_password(SERVICE, vault_id)
        if not isinstance(text, str):
            return None
        key = base64.b64decode(text.encode("ascii"), validate=True)
    except Exception:
        return None
    return key if len(key) == KEY_SIZE else None


def store_key(vault_id: str, key: bytes, backend: Any = None) -> bool:
    """Remember ``key``; False when there is no safe keyring or it refused."""
    chosen = usable_backend(backend)
    if chosen is None:
        return False
    try:
        chosen.set_password(SERVICE, vault_id, base64.b64encode(key).decode("ascii"))
    except Exception:
        return False
    return True


def forget_key(vault_id: str, backend: Any = None) -> None:
    """Remove the remembered key if there is one; failures are harmless because the slot is gone from the vault."""
    chosen = usable_backend(backend)
    if chosen is None:
        return
    with contextlib.suppress(Exception):
        chosen.delete_password(SERVICE, vault_id)
