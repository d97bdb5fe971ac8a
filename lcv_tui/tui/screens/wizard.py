"""Signaal begeleiden: the wizard that walks a landlord through one tenant's signal, step by step.

Eight steps (achterstand, LCV 2.1 a–d, brieven, bezwaar, gemeente en route, gegevenscontrole, melden,
daarna), one panel each: what the law asks and why, where this tenant stands, and what to record.
Everything it says comes from the domain through :mod:`lcv_tui.tui.wizard.steps`; every change goes
through ``domain.actions`` (or ``services.edits`` for an agreement) after the landlord confirmed it in a
dialog, and is saved with ``app.commit``. Letters and upload files are written by ``exports`` in
thread workers.

The step the landlord is on is kept in ``data.wizard_progress[tenant_id]``: in memory at every step,
saved when the wizard closes or something is recorded (not at every key press, which would rotate
the vault's backups for nothing). Opening again resumes there; the first time it starts at the first
step that needs attention.

Other screens open the wizard with :func:`open_wizard`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Header, OptionList, Static
from textual.widgets.option_list import Option

from lcv_tui.domain.case_terms import StepStatus
from lcv_tui.domain.models import EventKind, Route
from lcv_tui.domain.validation import format_date
from lcv_tui.tui.keys import describe_key, key_text, section_hint
from lcv_tui.tui.sections import section
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.wizard.steps import (
    State,
    StepView,
    WizardStep,
    WizardView,
    build_view,
    reason_line,
)

if TYPE_CHECKING:
    from lcv_tui.domain.letters import Letter
    from lcv_tui.domain.models import Channel
    from lcv_tui.tui.host import AppHost, HostApp


def open_wizard(app: AppHost, tenant_id: str) -> None:
    """Open "Signaal begeleiden" for one tenant (from the tenant list, the tenant file, the agenda or the palette)."""
    workspace = app.workspace
    if workspace is None:
        return
    try:
        workspace.data.tenant(tenant_id)
    except KeyError:
        app.notify(
            "Deze huurder bestaat niet (meer). Kies de huurder opnieuw in de lijst.",
            severity="warning",
            markup=False,
        )
        return
    current = app.screen
    if isinstance(current, WizardScreen) and current.tenant_id == tenant_id:
        return
    app.push_screen(WizardScreen(tenant_id))


def wizard_commands(app: AppHost) -> Iterable[SystemCommand]:
    """Command palette: "Signaal begeleiden" for the tenant on screen, and one entry per tenant."""
    workspace = app.workspace
    if workspace is None:
        return
    tenants = workspace.data.tenants
    selected = _tenant_on_screen(app)
    if selected is not None:
        tenant = workspace.data.tenant(selected)
        yield SystemCommand(
            "Signaal begeleiden",
            f"Stap voor stap naar een melding voor {tenant.display_name}",
            partial(app.action_guide_signal, selected),
        )
    for tenant in sorted(tenants, key=lambda t: t.sort_key):
        name = f"{tenant.surname}, {tenant.initials}" if tenant.initials else tenant.surname
        yield SystemCommand(
            f"Signaal begeleiden: {name}",
            f"{tenant.address_line}, {tenant.gemeente}",
            partial(app.action_guide_signal, tenant.id),
        )


def _tenant_on_screen(app: AppHost) -> str | None:
    """The tenant the current screen shows or has highlighted, if any."""
    workspace = app.workspace
    assert workspace is not None
    screen = app.screen
    found = getattr(screen, "tenant_id", None)
    if found is None:
        table = next(iter(screen.query("#tenants")), None)
        found = getattr(table, "current_key", None)
    if isinstance(found, str) and any(t.id == found for t in workspace.data.tenants):
        return found
    return None


# --- what each step lets the landlord do -------------------------------------------------------


@dataclass(frozen=True)
class StepAction:
    action: str
    key: str
    label: str
    step: WizardStep
    footer: str = ""
    """A shorter label for the footer, so the step's keys fit at 80 columns (the button keeps ``label``)."""


STEP_ACTIONS: tuple[StepAction, ...] = (
    StepAction("payment", "b", "Betaling vastleggen", WizardStep.ACHTERSTAND),
    StepAction(
        "evidence('persoonlijk_contact')", "p", "2.1 b Contact", WizardStep.INCASSO, "Contact"
    ),
    StepAction(
        "evidence('schuldhulp_gewezen')", "h", "2.1 c Schuldhulp", WizardStep.INCASSO, "Schuldhulp"
    ),
    StepAction(
        "evidence('gegevens_aangeboden')",
        "a",
        "2.1 d Gegevens aangeboden",
        WizardStep.INCASSO,
        "Gegevens",
    ),
    StepAction("make_letter", "m", "Brief maken", WizardStep.BRIEVEN),
    StepAction("letter_sent", "s", "Verzending vastleggen", WizardStep.BRIEVEN, "Verstuurd"),
    StepAction("objection", "z", "Bezwaar vastleggen", WizardStep.BEZWAAR),
    StepAction("agreement", "o", "Overeenkomst vastleggen", WizardStep.GEMEENTE),
    StepAction("entry_card", "k", "Invoerkaart", WizardStep.MELDEN),
    StepAction("upload", "u", "Uploadbestand", WizardStep.MELDEN),
    StepAction("confirm_upload", "g", "Geüpload bevestigen", WizardStep.MELDEN),
    StepAction("melden_section", section("melden").key, "Melden-scherm", WizardStep.MELDEN),
)
_BY_NAME = {a.action: a for a in STEP_ACTIONS}


def step_action_key(action: str) -> str:
    """The key of a wizard action as a landlord reads it (for texts that name it)."""
    return describe_key(_BY_NAME[action].key)


def _button_id(action: StepAction) -> str:
    return "do-" + action.action.replace("('", "-").replace("')", "").replace("_", "-")


# --- messages from the workers ---------------------------------------------------------------------


@dataclass(frozen=True)
class MadeLetter:
    kind: EventKind
    channel: Channel
    on: dt.date  # the date the letter bears (a working day)
    text: str
    paths: tuple[Path, ...]
    letter: Letter | None = None
    sha256: str | None = None  # the PDF kept in the document store (issue 13.1)


@dataclass
class LetterWritten(Message):
    letter: MadeLetter


@dataclass
class WizardFileFailed(Message):
    title: str
    message: str


@dataclass
class SignalFileWritten(Message):
    path: Path
    rows: int


# --- the screen ------------------------------------------------------------------------------------


class WizardScreen(Screen[None]):
    """Signaal begeleiden for one tenant."""

    CSS_PATH = "wizard.tcss"
    HELP_TOPIC = "wizard"
    # textual declares it `ClassVar[...] | None`, which mypy reads as an instance variable
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (100, "-wide")]  # type: ignore[misc]
    app: HostApp

    # The footer shows keys in this order while they fit (widgets/footer.py): at 80 columns the
    # step's own actions come right after "Volgende", before "Vorige" and "Sluiten" (Esc).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "next", "Volgende", id="wizard.next"),
        *[
            Binding(a.key, a.action, a.footer or a.label, id=f"wizard.{_button_id(a)[3:]}")
            for a in STEP_ACTIONS
            if a.action != "melden_section"
        ],
        Binding("t", "previous", "Vorige", id="wizard.previous"),
        # The step's panel scrolls without Tab; PageDown never changes the step.
        Binding("pagedown", "scroll_panel('page_down')", "Pagina omlaag", show=False),
        Binding("pageup", "scroll_panel('page_up')", "Pagina omhoog", show=False),
        Binding("down", "scroll_panel('scroll_down')", "Omlaag", show=False),
        Binding("up", "scroll_panel('scroll_up')", "Omhoog", show=False),
        Binding("escape", "close", "Sluiten", id="wizard.close"),
        Binding("f1", "help", "Help", id="wizard.help"),
        *[
            Binding(
                str(step.number),
                f"go({step.value})",
                f"Stap {step.number}",
                id=f"wizard.step{step.number}",
                show=False,
            )
            for step in WizardStep
        ],
    ]

    def __init__(self, tenant_id: str) -> None:
        super().__init__()
        self.tenant_id = tenant_id
        self.view: WizardView | None = None
        self.current = WizardStep.ACHTERSTAND
        self.made_letter: MadeLetter | None = None
        self.pending_upload: Path | None = None
        self._saved_progress: int | None = None

    # --- layout ---------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        yield Static("", id="wizard-title", markup=False)
        with Horizontal(id="wizard-main"):
            yield OptionList(id="wizard-steps")
            with VerticalScroll(id="wizard-panel"):
                yield Static("", id="step-heading", markup=False)
                yield Static("", id="step-state", markup=False)
                yield Static("", id="step-intro", markup=False)
                yield Static("", id="step-facts", markup=False)
                yield Static("", id="step-reasons", markup=False)
                yield Static("", id="step-gate", markup=False)
                yield Static("", id="step-pending", markup=False)
                with Horizontal(id="step-actions"):
                    for action in STEP_ACTIONS:
                        yield Button(
                            f"{action.label} ({describe_key(action.key)})",
                            id=_button_id(action),
                            compact=True,
                        )
        with Horizontal(id="wizard-buttons"):
            yield Button(
                f"← Vorige ({key_text(self, 'wizard.previous')})",
                id="wizard-previous",
                compact=True,
            )
            yield Button(
                f"Volgende ({key_text(self, 'wizard.next')}) →",
                id="wizard-next",
                variant="primary",
                compact=True,
            )
            yield Button(
                f"Sluiten ({key_text(self, 'wizard.close')})", id="wizard-close", compact=True
            )
        yield KeyFooter()

    def on_mount(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        self._saved_progress = workspace.data.wizard_progress.get(self.tenant_id)
        self.refresh_view()
        assert self.view is not None
        start = self.view.first_attention()
        if self._saved_progress is not None and 0 <= self._saved_progress < len(WizardStep):
            start = WizardStep(self._saved_progress)
        self.show(start)
        self.query_one("#wizard-next", Button).focus()

    # --- the view -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        """Rebuild everything from the domain (after a change, or on return from another screen)."""
        workspace = self.app.workspace
        assert workspace is not None
        self.view = build_view(workspace.data, self.tenant_id, self.app.clock.today())
        tenant = self.view.tenant
        self.query_one("#wizard-title", Static).update(
            f"Signaal begeleiden — {tenant.display_name}, {tenant.address_line}, {tenant.gemeente}"
        )
        steps = self.query_one("#wizard-steps", OptionList)
        highlighted = steps.highlighted
        steps.clear_options()
        steps.add_options(
            Option(view.list_label, id=f"step-{view.step.value}") for view in self.view.steps
        )
        steps.highlighted = highlighted if highlighted is not None else self.current.value

    def show(self, step: WizardStep) -> None:
        """Show ``step``; a step past a gate shows the gate instead, with why and what to do."""
        view = self.view
        assert view is not None
        if not view.reachable(step):
            gate = view.gate
            assert gate is not None
            self.notify(
                gate.gate,
                title=f"Stap {gate.step.number}: {gate.step.title}",
                severity="warning",
                timeout=10,
                markup=False,
            )
            step = gate.step
        self.current = step
        self._remember(step)
        self._paint(view.view(step))
        self.query_one("#wizard-steps", OptionList).highlighted = step.value
        self.refresh_bindings()

    def _paint(self, step_view: StepView) -> None:
        step = step_view.step
        self.query_one("#step-heading", Static).update(
            f"Stap {step.number} van {len(WizardStep)} · {step.title} ({step.article})"
        )
        state = self.query_one("#step-state", Static)
        state.update(f"{step_view.state.text} — {step_view.status}")
        for value in State:
            state.set_class(value == step_view.state, f"-{value.value}")
        self.query_one("#step-intro", Static).update(step.intro)
        facts = self.query_one("#step-facts", Static)
        facts.update(
            "Zo staat het ervoor:\n" + "\n".join(step_view.facts) if step_view.facts else ""
        )
        facts.display = bool(step_view.facts)
        reasons = self.query_one("#step-reasons", Static)
        if step_view.reasons:
            reasons.update(
                "Regels voor melden bij deze stap:\n"
                + "\n".join(reason_line(r) for r in step_view.reasons)
            )
        reasons.display = bool(step_view.reasons)
        gate = self.query_one("#step-gate", Static)
        gate.update(step_view.gate)
        gate.display = bool(step_view.gate)
        self._paint_pending()
        for action in STEP_ACTIONS:
            button = self.query_one(f"#{_button_id(action)}", Button)
            button.display = action.step == step and self._offered(action)
            button.disabled = not self._possible(action)
        gate_view = self.view.gate if self.view is not None else None
        last = step == WizardStep.DAARNA or (gate_view is not None and gate_view.step == step)
        self.query_one("#wizard-next", Button).disabled = last
        self.query_one("#wizard-previous", Button).disabled = step == WizardStep.ACHTERSTAND
        self.query_one("#wizard-panel", VerticalScroll).scroll_home(animate=False)

    def _paint_pending(self) -> None:
        lines = []
        if self.current == WizardStep.BRIEVEN and self.made_letter is not None:
            made = self.made_letter
            names = ", ".join(str(p) for p in made.paths)
            lines.append(
                f"Gemaakt: {made.kind.label.replace(' verstuurd', '').lower()} ({names}). Verstuur de brief en leg "
                "daarna de verzending vast met s."
            )
        if self.current == WizardStep.MELDEN and self.pending_upload is not None:
            lines.append(
                f"Bestand {self.pending_upload} is gemaakt maar nog niet vastgelegd. Upload het bij het meldpunt "
                "en druk daarna op g: Geüpload bevestigen."
            )
        pending = self.query_one("#step-pending", Static)
        pending.update("\n".join(lines))
        pending.display = bool(lines)

    # --- which actions apply ----------------------------------------------------------------------

    def _offered(self, action: StepAction) -> bool:
        """Whether the action belongs on this tenant's panel (the route decides card or file)."""
        view = self.view
        assert view is not None
        if action.action == "entry_card":
            return view.route == Route.WEBSITE
        if action.action in ("upload", "confirm_upload", "melden_section"):
            return view.route == Route.UPLOAD
        if action.action == "agreement":
            return view.agreement is None
        if action.action == "objection":
            return view.case is None or view.case.objection is None
        return True

    def _possible(self, action: StepAction) -> bool:
        view = self.view
        assert view is not None
        name = action.action
        if name in ("entry_card", "upload"):
            return view.verdict.allowed and self.pending_upload is None
        if name == "confirm_upload":
            return self.pending_upload is not None
        if name == "make_letter":
            return self._next_letter() is not None
        if name == "objection":
            return view.case is not None and view.case.arrears.in_arrears
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.view is None:
            return True
        if action == "next":
            return None if self.query_one("#wizard-next", Button).disabled else True
        if action == "previous":
            return None if self.current == WizardStep.ACHTERSTAND else True
        key = action + (
            f"('{parameters[0]}')" if parameters and isinstance(parameters[0], str) else ""
        )
        step_action = _BY_NAME.get(key)
        if step_action is None:
            return True
        if step_action.step != self.current or not self._offered(step_action):
            return False
        return True if self._possible(step_action) else None

    @on(Button.Pressed, "#step-actions Button")
    async def _action_pressed(self, event: Button.Pressed) -> None:
        action = next(a for a in STEP_ACTIONS if _button_id(a) == event.button.id)
        await self.run_action(action.action)

    # --- navigation --------------------------------------------------------------------------------

    @on(Button.Pressed, "#wizard-next")
    def action_next(self) -> None:
        view = self.view
        assert view is not None
        gate = view.gate
        if gate is not None and gate.step == self.current:
            self.notify(
                gate.gate,
                title="Hier stopt de wizard",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        if self.current < WizardStep.DAARNA:
            self.show(WizardStep(self.current + 1))

    def action_scroll_panel(self, how: str) -> None:
        """Scroll the step's explanation (PageUp/PageDown, arrows) wherever the focus is."""
        panel = self.query_one("#wizard-panel", VerticalScroll)
        {
            "page_down": panel.scroll_page_down,
            "page_up": panel.scroll_page_up,
            "scroll_down": panel.scroll_down,
            "scroll_up": panel.scroll_up,
        }[how](animate=False)

    @on(Button.Pressed, "#wizard-previous")
    def action_previous(self) -> None:
        if self.current > WizardStep.ACHTERSTAND:
            self.show(WizardStep(self.current - 1))

    def action_go(self, index: int) -> None:
        self.show(WizardStep(index))

    @on(OptionList.OptionSelected, "#wizard-steps")
    def _step_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index != self.current.value:
            self.show(WizardStep(event.option_index))

    @on(Button.Pressed, "#wizard-close")
    def action_close(self) -> None:
        self._save_progress()
        self.dismiss(None)

    def action_help(self) -> None:
        from lcv_tui.tui.wizard.help import WIZARD_PAGES, PagesHelpScreen

        self.app.push_screen(PagesHelpScreen(WIZARD_PAGES))

    def on_screen_resume(self) -> None:
        # Back from the entry card, a dialog or another section: the data may have changed.
        if self.view is not None and self.app.workspace is not None:
            self.refresh_view()
            self.show(self.current)

    # --- progress --------------------------------------------------------------------------------

    def _remember(self, step: WizardStep) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        workspace.data.wizard_progress[self.tenant_id] = step.value

    def _save_progress(self) -> None:
        workspace = self.app.workspace
        if workspace is None:
            return
        progress = workspace.data.wizard_progress.get(self.tenant_id)
        if progress != self._saved_progress or workspace.dirty:
            self.app.commit(success=None)
            self._saved_progress = progress

    def has_unsaved_changes(self) -> bool:
        return self.pending_upload is not None

    def unsaved_description(self) -> str:
        name = self.pending_upload.name if self.pending_upload else ""
        return f"Het uploadbestand {name} is gemaakt, maar het uploaden is nog niet bevestigd (Signaal begeleiden, g)."

    # --- recording, always after a dialog the landlord confirmed -----------------------------------

    def _ask(
        self, make: Callable[[dict[str, str] | None, str], ModalScreen], apply: Callable[[Any], str]
    ) -> None:
        """Open a dialog; apply its value through the domain; on a refusal reopen it with what was typed
        and the domain's message."""

        def open_dialog(values: dict[str, str] | None, error: str) -> None:
            dialog = make(values, error)

            def answered(result: Any) -> None:
                if result is None:
                    return
                refusal = self._apply(apply, result)
                if refusal:
                    open_dialog(getattr(dialog, "last_values", None), refusal)

            self.app.push_screen(dialog, answered)

        open_dialog(None, "")

    def _apply(self, apply: Callable[[Any], str], value: Any) -> str:
        """Run ``apply``; return the Dutch refusal, or "" after saving."""
        from pydantic import ValidationError

        from lcv_tui.domain.errors import field_errors
        from lcv_tui.domain.rules import RuleViolation

        try:
            success = apply(value)
        except RuleViolation as exc:
            return exc.message
        except ValidationError as exc:
            return " ".join(field_errors(exc).values())
        except ValueError as exc:
            return str(exc)
        self._recorded(success)
        return ""

    def _recorded(self, success: str) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        workspace.mark_dirty()
        self._remember(self.current)
        self.app.commit(success)  # a failed save keeps the vault dirty: the quit question warns
        self._saved_progress = workspace.data.wizard_progress.get(self.tenant_id)
        self.refresh_view()
        self.show(self.current)

    def _who(self) -> tuple[Any, dt.datetime, str]:
        workspace = self.app.workspace
        assert workspace is not None
        return workspace.data, self.app.clock.now(), workspace.actor

    def _subject(self) -> str:
        assert self.view is not None
        tenant = self.view.tenant
        return f"{tenant.display_name}, {tenant.address_line}"

    def action_payment(self) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.record_dialogs import PaymentDialog

        today, subject = self.app.clock.today(), self._subject()

        def apply(entry) -> str:
            data, now, actor = self._who()
            actions.record_payment(
                data, self.tenant_id, entry.on, entry.amount, entry.note, now=now, actor=actor
            )
            return "Betaling vastgelegd"

        self._ask(
            lambda values, error: PaymentDialog(
                today=today, subject=subject, values=values, error=error
            ),
            apply,
        )

    def action_evidence(self, kind: str) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.record_dialogs import StepDialog

        event_kind = EventKind(kind)
        today, subject = self.app.clock.today(), self._subject()

        def apply(entry) -> str:
            data, now, actor = self._who()
            actions.record_step(
                data,
                self.tenant_id,
                entry.kind,
                entry.on,
                entry.channel,
                entry.note,
                now=now,
                actor=actor,
            )
            return f"{entry.kind.label} vastgelegd"

        self._ask(
            lambda values, error: StepDialog(
                kind=event_kind, today=today, subject=subject, values=values, error=error
            ),
            apply,
        )

    def action_objection(self) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.record_dialogs import ObjectionDialog

        today, subject = self.app.clock.today(), self._subject()

        def apply(entry) -> str:
            data, now, actor = self._who()
            actions.record_objection(
                data, self.tenant_id, entry.on, entry.channel, entry.note, now=now, actor=actor
            )
            return "Bezwaar vastgelegd"

        self._ask(
            lambda values, error: ObjectionDialog(
                today=today, subject=subject, values=values, error=error
            ),
            apply,
        )

    def action_agreement(self) -> None:
        from lcv_tui.services.edits import save_agreement
        from lcv_tui.tui.wizard.dialogs import AgreementDialog

        assert self.view is not None
        gemeente = self.view.tenant.gemeente
        today = self.app.clock.today()

        def apply(agreement) -> str:
            workspace = self.app.workspace
            assert workspace is not None
            existing = workspace.data.agreement_for(agreement.gemeente)
            if existing is not None:
                raise ValueError(
                    f"Er is al een overeenkomst met {existing.gemeente}: wijzig die onder "
                    f"{section_hint('gemeenten')}."
                )
            save_agreement(workspace, agreement)
            return f"Overeenkomst met {agreement.gemeente} vastgelegd"

        self._ask(lambda values, error: AgreementDialog(gemeente, today, error=error), apply)

    # --- letters ---------------------------------------------------------------------------------

    def _next_letter(self) -> EventKind | None:
        """The first letter of the case that is neither sent nor unneeded (the domain's steps)."""
        view = self.view
        if view is None or view.case is None or not view.case.arrears.in_arrears:
            return None
        from lcv_tui.domain.case_terms import StepKey

        for key, kind in (
            (StepKey.HERINNERING, EventKind.HERINNERING),
            (StepKey.AANMANING, EventKind.AANMANING),
            (StepKey.SOMMATIE, EventKind.SOMMATIE),
        ):
            if view.case.step(key).status not in (StepStatus.DONE, StepStatus.NOT_NEEDED):
                return kind
        return None

    def action_make_letter(self) -> None:
        from lcv_tui.tui.screens.record_dialogs import LetterDialog

        kind = self._next_letter()
        if kind is None:
            self.notify("Er is nu geen brief nodig.", markup=False)
            return

        def chosen(request) -> None:
            if request is None:
                return
            self.query_one("#step-actions").loading = True
            self._write_letter(request.kind, request.on, request.channel)

        self.app.push_screen(
            LetterDialog(kind=kind, today=self.app.clock.today(), subject=self._subject()), chosen
        )

    @work(thread=True, exclusive=True, group="wizard-letter")
    def _write_letter(self, kind: EventKind, on: dt.date, channel: Channel) -> None:
        from lcv_tui.domain import ledger
        from lcv_tui.domain.letters import LetterRefused, build_letter
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.letters_pdf import write_letter_pdf, write_letter_text
        from lcv_tui.tui.letter_evidence import LetterDocuments
        from lcv_tui.tui.screens.letters import letter_folder

        workspace = self.app.workspace
        assert workspace is not None
        data = workspace.data
        if data.landlord is None:
            self.post_message(
                WizardFileFailed(
                    "Brief niet gemaakt",
                    f"Vul eerst uw gegevens als verhuurder in ({section_hint('instellingen')}).",
                )
            )
            return
        tenant = data.tenant(self.tenant_id)
        folder = letter_folder(self.app)
        try:
            letter = build_letter(
                kind,
                landlord=data.landlord,
                tenant=tenant,
                arrears=ledger.arrears(tenant, on),
                on=on,
                settings=data.settings,
                channel=channel,
            )
            documents = LetterDocuments(workspace)
            paths = (
                write_letter_pdf(letter, folder, keep=documents.keep),
                write_letter_text(letter, folder),
            )
        except LetterRefused as exc:
            self.post_message(WizardFileFailed("Brief niet gemaakt", exc.message))
            return
        except ExportError as exc:
            self.post_message(WizardFileFailed("Brief niet opgeslagen", exc.message))
            return
        self.post_message(
            LetterWritten(
                MadeLetter(
                    kind, channel, letter.date, letter.text, paths, letter, documents.sha(letter)
                )
            )
        )

    def on_letter_written(self, message: LetterWritten) -> None:
        self.query_one("#step-actions").loading = False
        self.made_letter = message.letter
        self.notify(
            f"Opgeslagen in {message.letter.paths[0].parent}",
            title="Brief gemaakt",
            timeout=8,
            markup=False,
        )
        from lcv_tui.domain.actions import sent_not_yet_possible

        not_yet = sent_not_yet_possible(message.letter.on, self.app.clock.today())
        if not_yet:
            self.notify(not_yet, title="Nog niet vastleggen", timeout=12, markup=False)
        self.show(self.current)

    def on_wizard_file_failed(self, message: WizardFileFailed) -> None:
        self.query_one("#step-actions").loading = False
        self.notify(
            message.message, title=message.title, severity="error", timeout=12, markup=False
        )

    def action_letter_sent(self) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.domain.models import Channel
        from lcv_tui.tui.screens.record_dialogs import LetterSentDialog

        made = self.made_letter
        kind = made.kind if made is not None else self._next_letter()
        if kind is None:
            self.notify("Er is nu geen brief om vast te leggen.", markup=False)
            return
        today = self.app.clock.today()
        channel = made.channel if made is not None else Channel.POST
        subject = f"{kind.label.replace(' verstuurd', '')} aan {self._subject()}"
        initial = {"on": format_date(made.on)} if made is not None else None

        def apply(entry) -> str:
            data, now, actor = self._who()
            text = made.text if made is not None else None
            actions.record_letter(
                data,
                self.tenant_id,
                kind,
                entry.on,
                entry.channel,
                text,
                now=now,
                actor=actor,
                letter=made.letter if made is not None else None,
                document_sha256=made.sha256 if made is not None else None,
                proof=entry.proof,
            )
            self.made_letter = None
            return f"{kind.label} vastgelegd"

        def check(entry) -> list[str]:
            data, _, _ = self._who()
            letter = made.letter if made is not None else None
            return actions.letter_warnings(
                data, self.tenant_id, kind, entry.on, entry.channel, letter
            )

        self._ask(
            lambda values, error: LetterSentDialog(
                channel=channel,
                check=check,
                today=today,
                subject=subject,
                values=values if values is not None else initial,
                error=error,
            ),
            apply,
        )

    # --- melden ----------------------------------------------------------------------------------

    def action_entry_card(self) -> None:
        from lcv_tui.tui.screens.entry_card import EntryCardScreen

        self.app.push_screen(EntryCardScreen(self.tenant_id))

    def action_upload(self) -> None:
        from lcv_tui.domain.letters import slug
        from lcv_tui.tui.screens.signals import SaveFileDialog

        workspace = self.app.workspace
        assert workspace is not None and self.view is not None
        fmt = workspace.data.settings.export_format
        today = self.app.clock.today()
        tenant = self.view.tenant
        path = (
            self.app.locations.export_dir
            / f"signaal-{slug(tenant.klantnummer or tenant.surname)}-{today.isoformat()}.{fmt}"
        )
        intro = (
            "Een uploadbestand met alleen het signaal van deze huurder, met alleen wat u mag delen. Maken legt nog "
            "niets vast: dat doet u na het uploaden met g (Geüpload bevestigen)."
        )

        def chosen(choice) -> None:
            if choice is None:
                return
            self.query_one("#step-actions").loading = True
            self._write_upload(choice.path, choice.fmt)

        self.app.push_screen(
            SaveFileDialog("Uploadbestand met dit signaal", intro, str(path), fmt), chosen
        )

    @work(thread=True, exclusive=True, group="wizard-upload")
    def _write_upload(self, path: str, fmt: str) -> None:
        from lcv_tui.domain import ledger, sharing
        from lcv_tui.exports.files import ExportError
        from lcv_tui.exports.upload import write_upload

        workspace = self.app.workspace
        assert workspace is not None
        data = workspace.data
        tenant = data.tenant(self.tenant_id)
        record = sharing.signal_record(
            tenant,
            data.agreement_for(tenant.gemeente),
            ledger.arrears(tenant, self.app.clock.today()),
        )
        try:
            result = write_upload(
                [record], path, fmt=fmt, extra_phone_columns=data.settings.extra_phone_columns
            )
        except ExportError as exc:
            self.post_message(WizardFileFailed("Bestand niet gemaakt", exc.message))
            return
        self.post_message(SignalFileWritten(result.path, result.rows))

    def on_signal_file_written(self, message: SignalFileWritten) -> None:
        self.query_one("#step-actions").loading = False
        self.pending_upload = message.path
        self.notify(
            f"Bestand opgeslagen in {message.path}",
            title="Uploadbestand gemaakt",
            timeout=10,
            markup=False,
        )
        self.show(self.current)

    def action_confirm_upload(self) -> None:
        from lcv_tui.domain import actions
        from lcv_tui.tui.screens.dialogs import DateQuestionScreen

        path = self.pending_upload
        if path is None:
            return
        today = self.app.clock.today()

        def answered(uploaded_on: dt.date | None) -> None:
            if uploaded_on is None:
                return

            def apply(_: object) -> str:
                data, now, actor = self._who()
                actions.record_signal(
                    data, self.tenant_id, uploaded_on, route=Route.UPLOAD, now=now, actor=actor
                )
                self.pending_upload = None
                return "Signaal vastgelegd"

            error = self._apply(apply, True)
            if error:
                self.notify(
                    error, title="Niet vastgelegd", severity="error", timeout=15, markup=False
                )

        self.app.push_screen(
            DateQuestionScreen(
                f"Heeft u {path.name} geüpload bij het meldpunt?\n\nDan legt de app vast: signaal "
                "afgegeven via het uploadbestand, op de datum hieronder.",
                default=today,
                latest=today,
                label="Geüpload op",
                yes="Ja, geüpload",
                no="Nog niet",
                title="Uploaden bevestigen",
            ),
            answered,
        )

    def action_melden_section(self) -> None:
        self._save_progress()
        self.dismiss(None)
        self.app.call_later(self.app.action_show_section, "melden")
