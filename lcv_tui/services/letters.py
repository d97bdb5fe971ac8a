"""The letters due on a day, built once for both ``lcv-tui letters`` and the app's "Brieven van vandaag".

Building a letter records nothing: a letter counts as sent (and as evidence, LCV 2.1) only once the
landlord records it with date and channel, which only the app does (``actions.record_letter``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime as dt

    from lcv_tui.domain.agenda import AgendaItem
    from lcv_tui.domain.letters import Letter
    from lcv_tui.domain.models import EventKind, Tenant
    from lcv_tui.store.workspace import Workspace

NO_LANDLORD = (
    "Vul eerst uw gegevens als verhuurder in (Instellingen › Verhuurder): die staan op elke brief."
)


@dataclass(frozen=True)
class RefusedLetter:
    """A due letter that could not be made: ``message`` is the domain's Dutch reason and what to do."""

    tenant: Tenant
    kind: EventKind
    message: str


@dataclass
class DueLetters:
    letters: list[tuple[Tenant, Letter]] = field(default_factory=list)
    refused: list[RefusedLetter] = field(default_factory=list)


def due_letters(
    workspace: Workspace, on: dt.date, agenda_items: list[AgendaItem] | None = None
) -> DueLetters:
    """Per tenant the letter the agenda says is due on or before ``on`` (``agenda.due_letters``),
    written on ``on`` with the arrears of that day; the ones the domain refuses, with its reason.
    ``agenda_items`` is the agenda of that day when the caller has it already (the app's cache).

    Raises ``ValueError(NO_LANDLORD)`` when the landlord's details are missing: every letter names them.
    """
    from lcv_tui.domain import ledger
    from lcv_tui.domain.agenda import due_letters as due
    from lcv_tui.domain.letters import LetterRefused, build_letter

    data = workspace.data
    landlord = data.landlord
    if landlord is None:
        raise ValueError(NO_LANDLORD)
    result = DueLetters()
    for tenant, kind in due(data, on, agenda_items):
        try:
            letter = build_letter(
                kind,
                landlord=landlord,
                tenant=tenant,
                arrears=ledger.arrears(tenant, on),
                on=on,
                settings=data.settings,
            )
        except LetterRefused as exc:
            result.refused.append(RefusedLetter(tenant, kind, exc.message))
            continue
        result.letters.append((tenant, letter))
    return result
