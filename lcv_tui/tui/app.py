"""The Textual app and its one factory, :func:`make_app`, used by the CLI, the tests and the screenshot script.

Life of the app: it starts on the unlock screen (or the first-run screen when there is no vault
yet). Once the vault is open, :meth:`LcvApp.open_workspace` installs every section of
:mod:`lcv_tui.tui.sections` as a Textual mode and switches to the home section. Every change is
saved through :meth:`LcvApp.commit`, which never loses data: a failed save keeps the data in
memory, says why in Dutch, and quitting then asks first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, ClassVar, Literal

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.reactive import reactive
from textual.screen import Screen
from textual.theme import Theme

from lcv_tui.tui.clipboard import Copied, copy_message, copy_text
from lcv_tui.tui.sections import HOME, SECTIONS, Section, section
from lcv_tui.tui.system import System, open_folder

if TYPE_CHECKING:
    import datetime as dt
    from pathlib import Path

    from lcv_tui.clock import Clock
    from lcv_tui.domain.agenda import AgendaItem
    from lcv_tui.paths import Locations
    from lcv_tui.store.workspace import PendingSave, Workspace
    from lcv_tui.tui.host import AppHost

AnimationLevel = Literal["none", "basic", "full"]

# Two themes with strong contrast; the app paints its own background, so both read well in
# light and dark terminals. Status is always also written in words and symbols.
THEMES = (
    Theme(
        name="lcv-donker",
        primary="#4EA1F3",
        secondary="#8AB4F8",
        accent="#F6C177",
        warning="#F6C177",
        error="#FF6B6B",
        success="#6BCB77",
        foreground="#E6E6E6",
        background="#14171C",
        surface="#1B1F26",
        panel="#252B35",
        dark=True,
    ),
    Theme(
        name="lcv-licht",
        primary="#0B5CAD",
        secondary="#1F4E8C",
        accent="#8A4B00",
        warning="#8A4B00",
        error="#B00020",
        success="#1B6E2A",
        foreground="#111111",
        background="#FAFAF7",
        surface="#FFFFFF",
        panel="#E7EAF0",
        dark=False,
    ),
)
DEFAULT_THEME = "lcv-donker"
THEME_CYCLE: tuple[tuple[str, str], ...] = (
    ("lcv-donker", "donker"),
    ("lcv-licht", "licht"),
    ("ansi-dark", "terminalkleuren (donker)"),
    ("ansi-light", "terminalkleuren (licht)"),
)
"""F9 cycles through these; the ansi themes follow the terminal's own palette."""


def _section_bindings() -> list[BindingType]:
    return [
        Binding(s.key, f"show_section('{s.mode}')", s.title, id=f"section.{s.mode}", show=False)
        for s in SECTIONS
    ]


def _dutch_commands() -> type[Provider]:
    """The palette's command provider, imported when the palette first opens."""
    from lcv_tui.tui.palette import DutchCommands

    return DutchCommands


class LcvApp(App[None]):
    """lcv-tui: vroegsignalering van huurachterstanden."""

    TITLE = "LCV Vroegsignalering"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = True
    # textual declares it `ClassVar[...] | None`, which mypy reads as an instance variable
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [(0, "-short"), (30, "-tall")]  # type: ignore[misc]
    """Screens get ``-short`` below 30 rows: their .tcss collapses headers there (80×24, 60×20)."""
    COMMAND_PALETTE_BINDING = "ctrl+p"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        # Our own palette binding, so Textual adds none with its English description.
        Binding(
            "ctrl+p",
            "command_palette",
            "Opdrachten",
            id="app.palette",
            show=False,
            priority=True,
            tooltip="Zoek een opdracht of een huurder",
        ),
        *_section_bindings(),
        Binding("f9", "toggle_theme", "Thema", id="app.theme", show=False),
        Binding("ctrl+q", "quit", "Afsluiten", id="app.quit", priority=True),
    ]

    data_revision: reactive[int] = reactive(0, init=False)
    """Bumped by every change to the vault data (:meth:`commit`, :meth:`data_changed`); every screen
    that shows data watches it (``screens.base.FollowsData``), so no list shows stale data."""

    COMMANDS: ClassVar[set[Callable[[], type[Provider]]]] = {_dutch_commands}  # type: ignore[assignment]
    """The app's commands, matched without regard to accents (``tui/palette.py``)."""

    def __init__(
        self,
        locations: Locations,
        clock: Clock,
        *,
        keyring_backend: object | None = None,
        demo: bool = False,
        passphrase: str | None = None,
        animation_level: AnimationLevel | None = None,
    ) -> None:
        super().__init__()
        self.locations = locations
        self.clock = clock
        self.keyring_backend = keyring_backend
        self.demo = demo
        self.initial_passphrase = passphrase
        self.workspace: Workspace | None = None
        self._section_screens: dict[str, Screen] = {}
        self._installed_modes: set[str] = set()
        """Sections added as modes (``open_workspace`` may run again after a vault restore)."""
        self.save_error: str | None = None
        """The Dutch message of the last failed save; None once a save succeeds."""
        self.system = System.current()
        """The machine around the app (clipboard tools, file opener); tests stand in another."""
        self.last_copy = Copied.NO
        self._save_running = False
        self._save_queued = False
        self._queued_success: str | None = None
        self._save_idle = threading.Event()
        """Set while no save thread writes (``on_unmount`` waits for it before closing)."""
        self._save_idle.set()
        self._agenda_cache: tuple[tuple[int, int, dt.date], list[AgendaItem]] | None = None
        """Today's agenda with the key it was computed for (``agenda_items``)."""
        if animation_level is not None:
            self.animation_level = animation_level
        for theme in THEMES:
            self.register_theme(theme)
        self.theme = DEFAULT_THEME

    # --- the clipboard ------------------------------------------------------------------------

    def copy_to_clipboard(self, text: str) -> None:
        """Textual's OSC 52 plus the system's own copy tool (``tui.clipboard``); every copy in the
        app, Textual's own included, comes here. ``last_copy`` says how sure it is."""
        self.last_copy = copy_text(text, self.system, super().copy_to_clipboard)

    def copy_and_tell(self, label: str, value: str) -> Copied:
        """Copy ``value`` and tell the landlord truthfully whether it reached the clipboard."""
        self.copy_to_clipboard(value)
        message, severity = copy_message(self.last_copy, label, value, self.system)
        timeout = 3 if self.last_copy is Copied.YES else 20
        self.notify(message, severity=severity, timeout=timeout, markup=False)
        return self.last_copy

    # --- start and unlock ---------------------------------------------------------------------

    def on_mount(self) -> None:
        # Pushed (not returned by get_default_screen) so the screen's CSS_PATH is loaded.
        self.push_screen(self.start_screen())
        self.warn_store_python()

    def warn_store_python(self) -> None:
        """The Microsoft Store Python keeps the data folder inside its package (``paths``): say where."""
        from lcv_tui.paths import store_python_notice

        notice = store_python_notice(
            self.locations.data_dir,
            platform=self.system.platform,
            env=self.system.env,
            python_paths=self.system.python_paths,
        )
        if notice is not None:
            self.notify(
                notice,
                title="Python uit de Microsoft Store",
                severity="warning",
                timeout=60,
                markup=False,
            )

    def open_folder(self, folder: Path) -> None:
        """Show ``folder`` in the system's file manager ("Map openen"), or say where it is."""
        problem = open_folder(folder, self.system)
        if problem is not None:
            self.notify(
                problem, title="Map niet geopend", severity="warning", timeout=20, markup=False
            )

    def start_screen(self) -> Screen:
        """Unlock when a vault exists, else the first-run screen."""
        # The same test as ``Vault.exists``, without importing the store (pydantic, cryptography:
        # about 0.2 s) before the first frame; the unlock worker imports it off the UI thread.
        if self.locations.vault_path.is_file():
            from lcv_tui.tui.screens.unlock import UnlockScreen

            return UnlockScreen(passphrase=self.initial_passphrase)
        from lcv_tui.tui.screens.first_run import FirstRunScreen

        return FirstRunScreen()

    def open_workspace(self, workspace: Workspace) -> None:
        """Called once the vault is open: install the sections and show the home section."""
        self.workspace = workspace
        landlord = workspace.data.landlord
        self.sub_title = ("Demo · " if self.demo else "") + (landlord.name if landlord else "")
        self.theme = workspace.data.settings.theme
        for s in SECTIONS:
            if s.mode not in self._installed_modes:
                self.add_mode(s.mode, self._section_factory(s))
                self._installed_modes.add(s.mode)
        self.switch_mode(HOME)
        self.refresh_bindings()
        if landlord is None:  # a vault made with `lcv-tui init` or an import: no letters without it
            self.notify(
                "Uw gegevens als verhuurder ontbreken nog. Vul ze in onder Instellingen (F6): "
                "zonder naam en adres maakt de app geen brieven.",
                title="Eerst uw gegevens",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def on_unmount(self) -> None:
        # The app is closing: a save that is being written ends first (an atomic rename, seconds
        # at most), then another instance (or a CLI command) may open the vault.
        self._save_idle.wait()
        if self.workspace is not None:
            self.workspace.close()

    def _section_factory(self, s: Section) -> Callable[[], Screen]:
        build = s.factory()

        def factory() -> Screen:
            screen = build()
            self._section_screens[s.mode] = screen
            return screen

        return factory

    @property
    def unlocked(self) -> bool:
        return self.workspace is not None

    # --- saving -------------------------------------------------------------------------------

    def commit(self, success: str | None = "Opgeslagen") -> None:
        """Save the workspace in a worker; the screens see the change at once.

        The snapshot is taken on the UI thread (so the file is consistent) in slices that each fit
        in a frame; compressing, encrypting and writing run in a thread, so the UI does not freeze.
        One save at a time: a commit during a save queues one more save, taken when the running one
        ends. On failure: a Dutch notification, the data kept in memory, ``dirty`` stays True and
        ``save_error`` says why. The save has started or is queued when this returns: await
        :meth:`saved` for its outcome.
        """
        assert self.workspace is not None
        self.data_changed()
        if self._save_running:
            self._save_queued = True
            self._queued_success = success
            return
        self._save_running = True
        self._save_idle.clear()
        self.run_worker(self._save_loop(success), group="save", exit_on_error=False)

    async def _save_loop(self, success: str | None) -> None:
        import asyncio

        from lcv_tui.store.errors import VaultError

        try:
            while True:
                workspace = self.workspace
                assert workspace is not None
                self._save_idle.clear()
                # The snapshot is taken here on the UI thread in slices of a few milliseconds,
                # handing the event loop back in between (keys, redraws); it starts over if the
                # data changes meanwhile (Workspace.save_steps).
                steps = workspace.save_steps()
                while True:
                    try:
                        next(steps)
                    except StopIteration as done:
                        pending = done.value
                        break
                    await asyncio.sleep(0)
                try:
                    await asyncio.to_thread(self._write_save, workspace, pending)
                except VaultError as exc:
                    workspace.save_failed()
                    self.save_error = exc.message
                    self.data_changed()  # the change stays in memory; the screens show the state
                    self.notify(
                        exc.message,
                        title="Opslaan mislukt",
                        severity="error",
                        timeout=12,
                        markup=False,
                    )
                else:
                    workspace.saved(pending)
                    self.save_error = None
                    if success and not self._save_queued:
                        self.notify(success, timeout=3, markup=False)
                if not self._save_queued:
                    return
                self._save_queued = False
                success = self._queued_success
        finally:
            self._save_running = False
            self._save_idle.set()

    def _write_save(self, workspace: Workspace, pending: PendingSave) -> None:
        """In the save thread: write, and say when the thread is done (``on_unmount`` waits)."""
        try:
            workspace.write(pending)
        finally:
            self._save_idle.set()

    async def saved(self) -> None:
        """Wait until every save started so far (and any queued one) has ended."""
        while self._save_running:
            await self.workers.wait_for_complete([w for w in self.workers if w.group == "save"])

    def data_changed(self) -> None:
        """Tell every screen that the vault data changed (``commit`` does this after each save)."""
        self.data_revision += 1

    def agenda_items(self) -> list[AgendaItem]:
        """Today's agenda (``domain.agenda.agenda``), computed once per data revision and date.

        Every screen that shows the agenda or derives from it (the home section, today's letters)
        reads this one list; it is computed again only after a change (``data_changed``), after
        another vault is opened, or on a new day. Callers must not change the list.
        """
        from lcv_tui.domain.agenda import agenda

        assert self.workspace is not None
        today = self.clock.today()
        key = (id(self.workspace), self.data_revision, today)
        if self._agenda_cache is None or self._agenda_cache[0] != key:
            self._agenda_cache = (key, agenda(self.workspace.data, today))
        return self._agenda_cache[1]

    # --- navigation and verbs -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "show_section":
            if not self.unlocked:
                return False
            # Forms are finished or cancelled first, so no edit is left behind in another section.
            return None if self._editing() else True
        return True

    def _editing(self) -> bool:
        from lcv_tui.tui.screens.base import FormScreen

        return any(isinstance(screen, FormScreen) for screen in self.screen_stack)

    def action_show_section(self, mode: str) -> None:
        if self.unlocked and not self._editing():
            self.switch_mode(mode)

    def action_help(self) -> None:
        from lcv_tui.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
            return
        self.push_screen(
            HelpScreen(getattr(self.screen, "HELP_TOPIC", "algemeen"), keys=self.screen_keys())
        )

    def screen_keys(self) -> list[tuple[str, str]]:
        """Every key the current screen answers to, with its Dutch description (for F1)."""
        from lcv_tui.tui.keys import describe_key, dutch_description

        seen: dict[str, str] = {}
        for key, active in self.screen.active_bindings.items():
            description = active.binding.description
            if description and active.enabled and key not in seen:
                seen[key] = dutch_description(description)
        return [(describe_key(key), what) for key, what in seen.items()]

    def action_command_palette(self) -> None:
        """The command palette with a Dutch placeholder."""
        from textual.command import CommandPalette

        from lcv_tui.tui.palette import dutch_palette

        # textual types it App[object], but App is invariant: any app is accepted at runtime
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(dutch_palette())

    def action_help_quit(self) -> None:
        """Ctrl+C: say in Dutch how to quit (Textual's own notice is English)."""
        from lcv_tui.tui.keys import key_text

        self.notify(
            f"Afsluiten doet u met {key_text(self, 'app.quit')}.", title="Wilt u afsluiten?"
        )

    def action_toggle_theme(self) -> None:
        names = [name for name, _ in THEME_CYCLE]
        index = names.index(self.theme) if self.theme in names else -1
        name, label = THEME_CYCLE[(index + 1) % len(THEME_CYCLE)]
        self.theme = name
        if self.workspace is not None:
            self.workspace.data.settings.theme = name
            self.commit(f"Thema: {label}")
        else:
            self.notify(f"Thema: {label}", timeout=3, markup=False)

    def action_new_tenant(self) -> None:
        if not self.unlocked or self._editing():
            return
        self.switch_mode("huurders")
        from lcv_tui.tui.screens.tenant_form import TenantFormScreen

        self.push_screen(TenantFormScreen())

    def action_rent_increase(self) -> None:
        """Huurverhoging: the yearly rent increase for all or selected tenants (issue 12.2)."""
        if not self.unlocked or self._editing():
            return
        self.switch_mode("huurders")
        from lcv_tui.tui.screens.rent_increase import RentIncreaseScreen
        from lcv_tui.tui.screens.tenants import TenantListScreen

        def recorded(count: int | None) -> None:
            if count and isinstance(self.screen, TenantListScreen):
                self.screen.reload()  # the rent column shows the rent in force

        self.push_screen(RentIncreaseScreen(), recorded)

    def action_guide_signal(self, tenant_id: str) -> None:
        """Signaal begeleiden: the wizard for one tenant."""
        if not self.unlocked or self._editing():
            return
        from lcv_tui.tui.screens.wizard import open_wizard

        open_wizard(self, tenant_id)

    def action_bank_import(self) -> None:
        if not self.unlocked or self._editing():
            return
        from lcv_tui.tui.screens.bank_import import BankImportScreen

        self.push_screen(BankImportScreen())

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        if self.unlocked and not self._editing():
            yield SystemCommand("Nieuwe huurder", "Een huurder toevoegen", self.action_new_tenant)
            yield SystemCommand(
                "Huurverhoging",
                "De huur van alle of gekozen huurders verhogen per datum, met voorbeeld",
                self.action_rent_increase,
            )
            yield SystemCommand(
                "Bankafschrift inlezen",
                "Betalingen van huurders uit een afschrift (CAMT.053, MT940, CSV van ING of Rabobank)",
                self.action_bank_import,
            )
            for s in SECTIONS:
                yield SystemCommand(
                    s.title, s.help, lambda mode=s.mode: self.action_show_section(mode)
                )
            from lcv_tui.tui.screens.signals import melden_commands

            yield from melden_commands(self)
            from lcv_tui.tui.screens.agenda import agenda_commands

            yield from agenda_commands(self)
            from lcv_tui.tui.screens.wizard import wizard_commands

            yield from wizard_commands(self)
        yield SystemCommand(
            "Help", "Uitleg bij dit scherm, de werkwijze en de begrippen", self.action_help
        )
        yield SystemCommand(
            "Thema wisselen",
            "Donker, licht, of de kleuren van uw terminal (F9)",
            self.action_toggle_theme,
        )
        yield SystemCommand(
            "Afsluiten",
            "Sluit de app (vraagt eerst als er iets niet is opgeslagen)",
            self.action_quit,
        )

    # --- quitting without losing an edit ------------------------------------------------------

    def unsaved_reasons(self) -> list[str]:
        # The current stack holds any open form; section screens of other modes may hold edits too.
        screens = list(self.screen_stack)
        screens += [s for s in self.section_screens() if s not in screens]
        reasons = [
            screen.unsaved_description()  # type: ignore[attr-defined]
            for screen in screens
            if callable(getattr(screen, "has_unsaved_changes", None))
            and screen.has_unsaved_changes()  # type: ignore[attr-defined]
        ]
        if self.workspace is not None and self.workspace.dirty:
            reasons.append(self.save_error or "Niet alle wijzigingen zijn opgeslagen.")
        return reasons

    def section_screens(self) -> list[Screen]:
        """The base screens of the sections opened so far."""
        return list(self._section_screens.values())

    async def action_quit(self) -> None:
        from lcv_tui.tui.screens.dialogs import ChoiceScreen

        await self.saved()  # a save under way ends first; then "dirty" tells the truth
        reasons = self.unsaved_reasons()
        if not reasons:
            self.exit()
            return
        if any(isinstance(screen, ChoiceScreen) for screen in self.screen_stack):
            return
        choices = [("stay", "Terug naar de app"), ("quit", "Toch afsluiten")]
        if self.workspace is not None and self.workspace.dirty:
            choices.insert(0, ("retry", "Opnieuw opslaan"))
        question = "Er is iets nog niet opgeslagen:\n\n" + "\n".join(f"• {r}" for r in reasons)

        def answered(choice: str | None) -> None:
            if choice == "quit":
                self.exit()
            elif choice == "retry":
                self.commit()
                self.call_later(self.action_quit)  # waits for that save, asks again if it failed

        self.push_screen(
            ChoiceScreen(question, choices, cancel_key="stay", title="Afsluiten?"), answered
        )


def make_app(
    locations: Locations,
    clock: Clock,
    *,
    keyring_backend: object | None = None,
    demo: bool = False,
    passphrase: str | None = None,
    animation_level: AnimationLevel | None = None,
) -> LcvApp:
    """The one way to build the app. ``passphrase`` unlocks at once (the demo);
    ``animation_level="none"`` makes tests and screenshots deterministic."""
    return LcvApp(
        locations,
        clock,
        keyring_backend=keyring_backend,
        demo=demo,
        passphrase=passphrase,
        animation_level=animation_level,
    )


__all__ = ["LcvApp", "make_app", "section"]


def _satisfies_host(app: LcvApp) -> AppHost:
    """Mypy checks that ``LcvApp`` gives the screens everything ``AppHost`` promises."""
    return app
