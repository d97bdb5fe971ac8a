"""The app's sections: one Textual *mode* (its own screen stack) per main area.

To add a section (the agenda, exports, …): write a :class:`~lcv_tui.tui.screens.base.SectionScreen`
subclass with ``SECTION = "<mode>"``, add a :class:`Section` here, and it gets a key binding, a
tab in the section bar and a command-palette entry. ``HOME`` names the section shown after
unlocking (the agenda). Tests look keys up here rather than hard-coding them.

Screens are named by import path, so nothing is imported before the vault is open.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.screen import Screen


@dataclass(frozen=True)
class Section:
    mode: str
    """The Textual mode name; also the binding id ``section.<mode>``."""
    title: str
    """Dutch name in the section bar, the footer and the command palette."""
    key: str
    """A portable key (F2–F9)."""
    screen: str
    """``module:Class`` of the section's base screen."""
    help: str
    """One Dutch line for the command palette."""
    short: str = ""
    """A shorter name for the section bar, so all sections fit in 80 columns."""

    @property
    def bar_title(self) -> str:
        return self.short or self.title

    def factory(self) -> Callable[[], Screen]:
        module_name, _, class_name = self.screen.partition(":")

        def build() -> Screen:
            return getattr(importlib.import_module(module_name), class_name)()

        return build


SECTIONS: tuple[Section, ...] = (
    Section(
        "agenda",
        "Vandaag te doen",
        "f2",
        "lcv_tui.tui.screens.agenda:AgendaScreen",
        "De agenda: wat te laat is, wat vandaag moet en wat binnenkort komt, voor alle huurders",
        "Vandaag",
    ),
    Section(
        "huurders",
        "Huurders",
        "f3",
        "lcv_tui.tui.screens.tenants:TenantListScreen",
        "Alle huurders: zoeken, toevoegen, wijzigen en verwijderen",
    ),
    Section(
        "melden",
        "Melden",
        "f4",
        "lcv_tui.tui.screens.signals:SignalsScreen",
        "Signalen van deze maand: uploadbestand of invoerkaart, en wie niet mee kan en waarom",
    ),
    Section(
        "gemeenten",
        "Gemeenten",
        "f5",
        "lcv_tui.tui.screens.agreements:AgreementsScreen",
        "Overeenkomsten per gemeente: meldpunt, drempel en gedeelde gegevens",
    ),
    Section(
        "instellingen",
        "Instellingen",
        "f6",
        "lcv_tui.tui.screens.settings:SettingsScreen",
        "Uw gegevens als verhuurder, instellingen en de wachtzin",
    ),
)

HOME = "agenda"
"""The section shown right after unlocking."""


def section(mode: str) -> Section:
    return next(s for s in SECTIONS if s.mode == mode)
