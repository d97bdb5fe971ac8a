"""The PDFs of letters written in this session, kept in the vault's document store until recorded.

When a screen writes a letter, the exact PDF bytes go into the encrypted document store
(``store.documents``; from the worker that writes the file, so the screen never waits for it) and
the SHA-256 is remembered per letter. Recording the letter as sent names that SHA-256 on the event
(issue 13.1: the letter sent is the letter recorded).
"""

from __future__ import annotations

from lcv_tui.domain.letters import Letter
from lcv_tui.store.errors import VaultError
from lcv_tui.store.workspace import Workspace


class LetterDocuments:
    """Keeps written letters' PDFs as evidence; ``sha(letter)`` is ``None`` when keeping failed."""

    def __init__(self, workspace: Workspace) -> None:
        from lcv_tui.store.documents import for_vault

        self.store = for_vault(workspace.vault)
        self.kept: dict[Letter, str] = {}
        self.failed: list[str] = []

    def keep(self, letter: Letter, pdf: bytes) -> None:
        """Store ``pdf`` (called from a worker thread: a dict assignment is atomic)."""
        try:
            self.kept[letter] = self.store.put(pdf)
        except VaultError as exc:
            self.failed.append(exc.message)

    def sha(self, letter: Letter) -> str | None:
        return self.kept.get(letter)
