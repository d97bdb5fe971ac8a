"""Running the app so that a crash never prints a secret.

Textual 8.2.8 prints an unhandled exception as a Rich traceback with the local variables of every
frame (``App._fatal_error`` hard-codes ``show_locals=True``; there is no setting). Those locals can
hold a typed passphrase or a tenant's data. So the app's ``error_console`` (a public attribute)
writes nowhere, and a short Dutch message takes its place.
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lcv_tui.tui.app import LcvApp

CRASHED = (
    "De app is gestopt door een onverwachte fout. Wat al was opgeslagen staat veilig in de kluis; "
    "open de app opnieuw. Blijft het gebeuren, probeer dan 'lcv-tui agenda' om te zien of de kluis opent."
)


class _Nowhere(io.StringIO):
    """A text stream that keeps nothing."""

    def write(self, text: str) -> int:
        return len(text)


def run_app(app: LcvApp, **run_options: Any) -> int:
    """Run ``app`` (``run_options`` go to ``App.run``); when it ends by a crash, say so in Dutch
    (stderr) and return 1, else 0."""
    from rich.console import Console

    app.error_console = Console(file=_Nowhere(), markup=False, highlight=False)
    app.run(**run_options)
    if app.return_code:
        print(CRASHED, file=sys.stderr)
        return 1
    return 0
