"""What a screen may use of the app: the typed interface between the screens and ``app.py``.

Screens, wizard steps and widgets annotate ``app: AppHost`` instead of importing ``LcvApp``, so
``app.py`` (which imports every screen) is never imported back. ``LcvApp`` satisfies this protocol
structurally; ``app.py`` has a mypy-checked assignment that keeps the two in step, and an
import-linter contract forbids the screens to import ``lcv_tui.tui.app``.

The members are exactly those the screens use: the landlord's data and its clock, saving, the
sections, the clipboard, and the few Textual ``App`` methods they call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal, Protocol, overload

if TYPE_CHECKING:
    import asyncio
    from pathlib import Path

    from textual.notifications import SeverityLevel
    from textual.screen import Screen, ScreenResultCallbackType, ScreenResultType
    from textual.widget import AwaitMount

    from lcv_tui.clock import Clock
    from lcv_tui.domain.agenda import AgendaItem
    from lcv_tui.paths import Locations
    from lcv_tui.store.workspace import Workspace
    from lcv_tui.tui.clipboard import Copied
    from lcv_tui.tui.system import System


class AppHost(Protocol):
    """The app as the screens see it (implemented by ``LcvApp``)."""

    # --- the landlord's data, its place on disk and the clock -----------------------------------
    workspace: Workspace | None
    locations: Locations
    clock: Clock
    demo: bool
    keyring_backend: object | None
    system: System
    last_copy: Copied
    sub_title: str

    @property
    def data_revision(self) -> int:
        """Bumped by every ``commit``; screens compare it to the revision they last showed."""
        ...

    def commit(self, success: str | None = "Opgeslagen") -> None: ...

    async def saved(self) -> None:
        """Wait until the saves started by ``commit`` have ended."""
        ...

    def agenda_items(self) -> list[AgendaItem]:
        """Today's agenda, computed once per data revision and date (shared by every screen)."""
        ...

    def open_workspace(self, workspace: Workspace) -> None: ...

    def open_folder(self, folder: Path) -> None: ...

    # --- sections and the wizard -------------------------------------------------------------------
    def action_show_section(self, mode: str) -> None: ...

    def action_guide_signal(self, tenant_id: str) -> None: ...

    def section_screens(self) -> list[Screen[Any]]: ...

    # --- the clipboard -----------------------------------------------------------------------------
    def copy_to_clipboard(self, text: str) -> None: ...

    def copy_and_tell(self, label: str, value: str) -> Copied: ...

    # --- Textual App methods the screens call ------------------------------------------------------
    @property
    def screen(self) -> Screen[object]: ...

    @overload
    def push_screen(
        self,
        screen: Screen[ScreenResultType] | str,
        callback: ScreenResultCallbackType[ScreenResultType] | None = None,
        wait_for_dismiss: Literal[False] = False,
        *,
        mode: str | None = None,
    ) -> AwaitMount: ...

    @overload
    def push_screen(
        self,
        screen: Screen[ScreenResultType] | str,
        callback: ScreenResultCallbackType[ScreenResultType] | None = None,
        wait_for_dismiss: Literal[True] = True,
        *,
        mode: str | None = None,
    ) -> asyncio.Future[ScreenResultType]: ...

    def switch_mode(self, mode: str) -> AwaitMount: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None: ...

    def call_later(self, callback: Callable[..., Any], *args: Any, **kwargs: Any) -> bool: ...

    def call_after_refresh(
        self, callback: Callable[..., Any], *args: Any, **kwargs: Any
    ) -> bool: ...

    def bell(self) -> None: ...


if TYPE_CHECKING:
    from textual.app import App

    class HostApp(App[Any], AppHost):
        """The type of ``self.app`` in a screen: a Textual ``App`` that is also an ``AppHost``.

        Only for annotations (``app: HostApp`` on a screen class, which must stay a Textual
        ``App``); code that takes the app as an argument asks for the plain ``AppHost``.
        """
