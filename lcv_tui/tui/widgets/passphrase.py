"""A passphrase field: masked, and the text can never leave it through copy or cut."""

from __future__ import annotations

from textual.widgets import Input


class PassphraseInput(Input):
    """``Input(password=True)`` still copies on ctrl+c and cuts on ctrl+x; this one refuses.

    Paste stays allowed, so a passphrase from a password manager can be pasted in.
    """

    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(password=True, id=id, classes=classes)

    def action_copy(self) -> None:
        # Handled (not skipped), so ctrl+c cannot fall through to a copy elsewhere either.
        self.app.bell()

    def action_cut(self) -> None:
        self.app.bell()
