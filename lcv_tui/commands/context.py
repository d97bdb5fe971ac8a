"""What every command handler gets, and the exit codes they return (see ``lcv_tui.cli``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from lcv_tui.clock import Clock
    from lcv_tui.paths import Locations

EXIT_OK = 0
EXIT_REFUSED = 1
EXIT_ACCESS = 2
EXIT_IO = 3


@dataclass
class CliContext:
    """What every handler gets: where the data lives, the clock, and where to write."""

    locations: Locations
    clock: Clock
    out: TextIO
    err: TextIO
    keyring_backend: object | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def say(self, text: str = "") -> None:
        print(text, file=self.out)

    def fail(self, text: str, code: int = EXIT_REFUSED) -> int:
        print(text, file=self.err)
        return code
