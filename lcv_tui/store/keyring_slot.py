"""The keyring slot's key, kept in the operating system's keyring ("onthouden op deze computer").

Only the known secure OS stores are used (``TRUSTED_BACKENDS``: macOS Keychain, Windows Credential
Locker, Secret Service, KWallet), by their exact class; anything else, a plaintext or encrypted
file store from ``keyrings.alt``, a third-party backend, the fail and null backends, means "no
keyring", so the key is never written where the app cannot vouch for it. Every call is wrapped:
whatever the keyring does, the caller falls back to the passphrase. The passphrase slot always
exists, so losing the keyring never loses the data.
"""

from __future__ import annotations

import base64
import contextlib
from typing import Any

SERVICE = "lcv-tui"
KEY_SIZE = 32
MIN_PRIORITY = 1

TRUSTED_BACKENDS: frozenset[str] = frozenset(
    {
        "keyring.backends.macOS.Keyring",
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
        "keyring.backends.kwallet.DBusKeyringKWallet4",
    }
)
"""The keyring backends (``module.Class``, exact class) the key may be stored in. The test suite
adds its in-memory keyring here, explicitly, in the root ``conftest.py``; nothing else does."""


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{getattr(cls, '__module__', '')}.{getattr(cls, '__qualname__', '')}"


def _acceptable(backend: Any) -> bool:
    """One of the known secure OS stores (exact class), and viable on this computer."""
    try:
        if _name(backend) not in TRUSTED_BACKENDS:
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
