"""The encrypted vault: key slots, keyring, atomic saves, backups, migrations, and the Workspace."""

from lcv_tui.store.errors import (
    KeyringUnavailable,
    PassphraseRequired,
    PassphraseTooShort,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultLocked,
    VaultMissing,
    VaultTooNew,
    VaultWriteError,
    WrongPassphrase,
)
from lcv_tui.store.passphrase import MIN_LENGTH, check_passphrase, passphrase_strength
from lcv_tui.store.vault import (
    Backup,
    Vault,
    check_backup,
    list_backups,
    newest_good_backup,
    resolve_backup,
    restore_backup,
)
from lcv_tui.store.workspace import Workspace, create_workspace, open_workspace

__all__ = [
    "Backup",
    "KeyringUnavailable",
    "MIN_LENGTH",
    "PassphraseRequired",
    "PassphraseTooShort",
    "Vault",
    "VaultDamaged",
    "VaultError",
    "VaultExists",
    "VaultLocked",
    "VaultMissing",
    "VaultTooNew",
    "VaultWriteError",
    "Workspace",
    "WrongPassphrase",
    "check_backup",
    "check_passphrase",
    "create_workspace",
    "list_backups",
    "newest_good_backup",
    "open_workspace",
    "passphrase_strength",
    "resolve_backup",
    "restore_backup",
]
