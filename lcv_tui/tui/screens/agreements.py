"""Gemeenten: the agreement (overeenkomst) per municipality — meldpunt, signed date, thresholds, shared fields."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.widgets import Checkbox, Header, Input, Label, Select, Static

from lcv_tui.domain import validation as v
from lcv_tui.domain.errors import field_errors
from lcv_tui.domain.models import DEFAULT_SHARED_FIELDS, Agreement, Meldpunt, SharedField
from lcv_tui.tui.screens.base import FollowsData, FormScreen, SectionScreen
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import FormField, form_values, show_errors
from lcv_tui.tui.widgets.record_table import Column, Record, RecordTable, search_key

if TYPE_CHECKING:
    from lcv_tui.domain.models import VaultData
    from lcv_tui.tui.host import HostApp

COLUMNS = (
    Column("gemeente", "Gemeente", min_width=10, max_width=26),
    Column("meldpunt", "Meldpunt", min_width=10, max_width=34),
    Column("getekend", "Getekend", min_width=10, max_width=10),
    Column("drempel", "Drempel", min_width=8, max_width=9, align="right"),
    Column("minimum", "Minimum", min_width=9, max_width=12, align="right"),
    Column("gedeeld", "Extra gegevens", min_width=10, max_width=60),
)

DEFAULT_THRESHOLD_DAYS = Agreement.model_fields["threshold_days"].default  # LCV 3.1 d: 30 days


def agreement_record(agreement: Agreement) -> Record:
    shared = ", ".join(f.label for f in SharedField if f in agreement.shared_fields) or "geen"
    return Record(
        key=agreement.id,
        cells=(
            agreement.gemeente,
            agreement.meldpunt.label,
            v.format_date(agreement.signed_on),
            f"{agreement.threshold_days} dagen",
            v.format_money(agreement.min_amount),
            shared,
        ),
        sort_keys=(
            agreement.gemeente.casefold(),
            agreement.meldpunt.label,
            agreement.signed_on,
            agreement.threshold_days,
            agreement.min_amount,
            shared,
        ),
        search=search_key(agreement.gemeente, agreement.meldpunt.label),
    )


def gemeenten_without_agreement(data: VaultData) -> list[tuple[str, int]]:
    counts: dict[str, int] = {}
    for tenant in data.tenants:
        if data.agreement_for(tenant.gemeente) is None:
            counts[tenant.gemeente] = counts.get(tenant.gemeente, 0) + 1
    return sorted(counts.items(), key=lambda item: item[0].casefold())


class AgreementsScreen(FollowsData, SectionScreen):
    SECTION = "gemeenten"
    HELP_TOPIC = "gemeenten"
    CSS_PATH = "agreements.tcss"
    app: HostApp

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "Nieuw", id="agreements.new"),
        Binding("e", "edit", "Wijzigen", id="agreements.edit"),
        Binding("d", "delete", "Verwijderen", id="agreements.delete"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(
            "Per gemeente: de overeenkomst, het meldpunt en wat u mag delen.",
            classes="screen-intro",
        )
        yield RecordTable(
            COLUMNS,
            empty_text="Nog geen overeenkomsten. Druk op n om een gemeente toe te voegen.",
            id="agreements",
        )
        yield Static("", id="missing", markup=False)

    @property
    def table(self) -> RecordTable:
        return self.query_one("#agreements", RecordTable)

    def on_mount(self) -> None:
        self.table.sort_by("gemeente")
        self.reload()
        self.table.focus()

    def refresh_data(self) -> None:
        self.reload()

    def reload(self) -> None:
        workspace = self.app.workspace
        assert workspace is not None
        self.table.set_records(agreement_record(a) for a in workspace.data.agreements)
        missing = gemeenten_without_agreement(workspace.data)
        text = ""
        if missing:
            names = ", ".join(
                f"{name} ({count} {'huurder' if count == 1 else 'huurders'})"
                for name, count in missing
            )
            text = f"⚠ Zonder overeenkomst: {names}. Zonder overeenkomst kunt u bij die gemeente niet melden."
        self.query_one("#missing", Static).update(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "delete"):
            return True if self.table.current_key is not None else None
        return True

    @on(RecordTable.Highlighted)
    def _highlighted(self, event: RecordTable.Highlighted) -> None:
        # Only when edit/delete change between available and not: a footer refresh costs a recompose.
        has_record = event.key is not None
        if has_record != getattr(self, "_had_record", None):
            self._had_record = has_record
            self.refresh_bindings()

    def action_new(self) -> None:
        self.app.push_screen(AgreementFormScreen(), self._saved)

    @on(RecordTable.Selected)
    def action_edit(self) -> None:
        key = self.table.current_key
        workspace = self.app.workspace
        if key is None or workspace is None:
            return
        agreement = next(a for a in workspace.data.agreements if a.id == key)
        self.app.push_screen(AgreementFormScreen(agreement), self._saved)

    def _saved(self, agreement_id: str | None) -> None:
        self.reload()
        if agreement_id:
            self.table.move_cursor_to(agreement_id)

    def action_delete(self) -> None:
        from lcv_tui.services.edits import delete_agreement
        from lcv_tui.tui.screens.dialogs import ConfirmScreen

        key = self.table.current_key
        workspace = self.app.workspace
        if key is None or workspace is None:
            return
        agreement = next(a for a in workspace.data.agreements if a.id == key)

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                delete_agreement(workspace, key)
                self.reload()
                self.app.commit(f"Overeenkomst met {agreement.gemeente} verwijderd")

        self.app.push_screen(
            ConfirmScreen(
                f"De overeenkomst met {agreement.gemeente} verwijderen? "
                "Huurders in deze gemeente kunt u dan niet meer melden.",
                yes="Verwijderen",
                no="Niet verwijderen",
                title="Overeenkomst verwijderen",
                danger=True,
            ),
            answered,
        )


def build_agreement(values: dict[str, Any], base: Agreement | None) -> Agreement | dict[str, str]:
    errors: dict[str, str] = {}
    data: dict[str, Any] = {"gemeente": str(values["gemeente"]), "note": str(values["note"])}
    if values["meldpunt"] is Select.NULL or values["meldpunt"] is None:
        errors["meldpunt"] = "Kies het meldpunt dat de gemeente gebruikt."
    else:
        data["meldpunt"] = values["meldpunt"]
    try:
        data["signed_on"] = v.parse_date(str(values["signed_on"]))
    except ValueError as exc:
        errors["signed_on"] = str(exc)
    try:
        data["min_amount"] = v.parse_amount(str(values["min_amount"]) or "0")
    except ValueError as exc:
        errors["min_amount"] = str(exc)
    data["threshold_days"] = str(values["threshold_days"]).strip() or str(DEFAULT_THRESHOLD_DAYS)
    data["shared_fields"] = {f for f in SharedField if values.get(f"shared-{f.value}")}
    if base is not None:
        data["id"] = base.id
    from lcv_tui.domain.municipalities import checked

    if data["gemeente"].strip():
        try:
            data["gemeente"] = checked(data["gemeente"])
        except ValueError as exc:
            errors["gemeente"] = str(exc)
    try:
        agreement = Agreement.model_validate(data)
    except ValidationError as exc:
        for field, message in field_errors(exc).items():
            if field == "threshold_days":
                message = "Vul een aantal dagen in van minstens 30 (LCV 3.1 d) en hoogstens 365."
            errors.setdefault(field, message)
    return errors or agreement


class AgreementFormScreen(FormScreen["str | None"]):
    CSS_PATH = "agreements.tcss"
    HELP_TOPIC = "gemeenten"
    WHAT: ClassVar[str] = "de overeenkomst"
    app: HostApp

    def __init__(self, agreement: Agreement | None = None) -> None:
        super().__init__()
        self.agreement = agreement

    def compose(self) -> ComposeResult:
        from textual.suggester import SuggestFromList

        from lcv_tui.domain.municipalities import MUNICIPALITIES

        a = self.agreement
        descriptions = Agreement.model_fields
        yield Header(icon="⌂")
        yield Static(
            f"Overeenkomst met {a.gemeente}" if a else "Nieuwe overeenkomst",
            id="form-title",
            markup=False,
        )
        yield Static("", classes="form-summary", id="form-summary", markup=False)
        with VerticalScroll(id="form-body"):
            with Grid(id="agreement-grid"):
                yield FormField(
                    "gemeente",
                    "Gemeente *",
                    value=a.gemeente if a else "",
                    suggester=SuggestFromList(MUNICIPALITIES, case_sensitive=False),
                    help="→ neemt de suggestie over.",
                )
                yield FormFieldSelect(
                    "meldpunt",
                    "Meldpunt *",
                    Select(
                        [(m.label, m) for m in Meldpunt],
                        value=a.meldpunt if a else Select.NULL,
                        id="meldpunt",
                        prompt="Kies het meldpunt",
                    ),
                    help="Het meldpunt dat de gemeente koos.",
                )
                yield FormField(
                    "signed_on",
                    "Getekend op *",
                    value=v.format_date(a.signed_on) if a else "",
                    help=f"Dag-maand-jaar, bijv. {v.format_date(self.app.clock.today())}.",
                )
                yield FormField(
                    "threshold_days",
                    "Drempel in dagen",
                    value=str(a.threshold_days if a else DEFAULT_THRESHOLD_DAYS),
                    help=descriptions["threshold_days"].description or "",
                )
                yield FormField(
                    "min_amount",
                    "Minimumbedrag",
                    value=v.format_decimal_nl(a.min_amount) if a else "0,00",
                    help=descriptions["min_amount"].description or "",
                )
                yield FormField("note", "Notitie", value=a.note if a else "")
            yield Label(
                "Extra gegevens die u met deze gemeente hebt afgesproken", classes="shared-heading"
            )
            yield Static(
                "Naam, huisnummer, postcode, bedrag en aantal maanden gaan altijd mee. Meer dan contactgegevens "
                "en het signaal mag nooit.",
                classes="screen-intro",
            )
            shared = a.shared_fields if a else None
            with Grid(id="shared-grid"):
                for f in SharedField:
                    on_by_default = (
                        f in shared if shared is not None else f in DEFAULT_SHARED_FIELDS
                    )
                    yield Checkbox(f.label, value=on_by_default, id=f"shared-{f.value}")
        yield from self.compose_buttons()
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#field-gemeente", Input).focus()

    def action_save(self) -> None:
        from lcv_tui.services.edits import save_agreement

        workspace = self.app.workspace
        assert workspace is not None
        result = build_agreement(form_values(self), self.agreement)
        summary = self.query_one("#form-summary", Static)
        if isinstance(result, dict):
            if "meldpunt" in result:
                self.query_one(FormFieldSelect).set_error(result["meldpunt"])
            show_errors(self, result, summary=summary)
            return
        other = workspace.data.agreement_for(result.gemeente)
        if other is not None and other.id != result.id:
            show_errors(
                self,
                {"gemeente": f"Er is al een overeenkomst met {other.gemeente}: wijzig die."},
                summary=summary,
            )
            return
        show_errors(self, {}, summary=summary)
        save_agreement(workspace, result)
        self.app.commit(f"Overeenkomst met {result.gemeente} opgeslagen")
        self.mark_clean()
        self.dismiss(result.id)


class FormFieldSelect(Grid):
    """A labelled Select with help and an error line, laid out like a FormField."""

    DEFAULT_CSS = """
    FormFieldSelect {
        grid-size: 1;
        grid-rows: auto;
        height: auto;
        margin: 0 0 1 0;
        & > .form-field--label { text-style: bold; }
        & > .form-field--help { color: $text-muted; }
        & > .form-field--error { color: $text-error; }
    }
    """

    def __init__(self, field: str, label: str, select: Select, *, help: str = "") -> None:
        super().__init__(id=f"ffs-{field}")
        self.field = field
        self.label = label
        self.select = select
        self.help = help

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="form-field--label")
        yield self.select
        yield Static(self.help, classes="form-field--help", markup=False)
        yield Static("", classes="form-field--error", markup=False)

    def set_error(self, message: str | None) -> None:
        self.query_one(".form-field--error", Static).update(f"⚠ {message}" if message else "")
