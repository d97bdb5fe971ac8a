"""Add or edit a tenant. Nothing is saved until the whole form is valid; messages appear under each field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Header, Input, Static

from lcv_tui.domain import validation as v
from lcv_tui.domain.errors import field_errors
from lcv_tui.tui.screens.base import FormScreen
from lcv_tui.tui.widgets.footer import KeyFooter
from lcv_tui.tui.widgets.form import FormField, form_values, show_errors

if TYPE_CHECKING:
    from lcv_tui.domain.models import Tenant
    from lcv_tui.tui.host import HostApp

# (field, label, help, example). Field names are the Tenant fields; phone1..3 fill ``phones``.
FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("surname", "Achternaam *", "", ""),
    ("initials", "Voorletters", "", ""),
    (
        "co1_surname",
        "Medehuurder: achternaam",
        "Optioneel; de brieven noemen ook deze huurder.",
        "",
    ),
    ("co1_initials", "Medehuurder: voorletters", "", ""),
    ("co2_surname", "Tweede medehuurder: achternaam", "", ""),
    ("co2_initials", "Tweede medehuurder: voorletters", "", ""),
    ("klantnummer", "Klantnummer", "Uw eigen referentie.", ""),
    ("street", "Straat", "", ""),
    ("house_number", "Huisnummer *", "Alleen het getal.", ""),
    ("addition", "Toevoeging", "Bijvoorbeeld A of 2-hoog.", ""),
    ("postcode", "Postcode *", "", "1234 AB"),
    ("town", "Woonplaats", "", ""),
    ("gemeente", "Gemeente *", "Waar de woning ligt; → neemt de suggestie over.", ""),
    ("phone1", "Telefoon 1", "", "06 12345678"),
    ("phone2", "Telefoon 2", "", ""),
    ("phone3", "Telefoon 3", "", ""),
    ("email", "E-mail", "", "naam@voorbeeld.nl"),
    (
        "ibans",
        "IBAN(s) van de betaler",
        "Koppelt bankafschriften; meer dan één: scheid met komma's.",
        "NL91 ABNA 0417 1643 00",
    ),
    ("rent", "Huur per maand *", "Bijvoorbeeld 850,00.", ""),
    ("due_day", "Vervaldag", "Dag van de maand (1–28).", ""),
    ("tenancy_start", "Ingangsdatum huur *", "Dag-maand-jaar.", "1-1-2025"),
    ("tenancy_end", "Einddatum huur", "Leeg zolang de huur loopt.", ""),
    (
        "paid_through",
        "Betaald t/m",
        "Alle huur die t/m deze datum verviel is betaald.",
        "",
    ),
    ("opening_arrears", "Openstaand bedrag", "Wat op 'Betaald t/m' nog openstond.", ""),
    ("opening_arrears_due", "Openstaand sinds", "De vervaldatum van dat bedrag.", ""),
)

ONBOARDING_FIELDS = ("paid_through", "opening_arrears", "opening_arrears_due")
"""Onboarding an existing tenant (issue 12.1); model-level messages name their field by its label."""

PHONE_FIELDS = ("phone1", "phone2", "phone3")
CO_TENANT_FIELDS = (("co1_surname", "co1_initials"), ("co2_surname", "co2_initials"))
"""Co-tenants (medehuurders), who fill ``co_tenants``: addressed in the letters with the tenant."""


def _gemeente_suggester() -> SuggestFromList | None:
    try:
        from lcv_tui.domain.municipalities import MUNICIPALITIES
    except ImportError:
        return None
    return SuggestFromList(MUNICIPALITIES, case_sensitive=False)


def _initial_values(tenant: Tenant | None) -> dict[str, str]:
    if tenant is None:
        return {"due_day": "1"}
    phones = [v.format_phone(p) for p in tenant.phones] + ["", "", ""]
    co_tenants = {}
    for (surname, initials), co in zip(CO_TENANT_FIELDS, tenant.co_tenants, strict=False):
        co_tenants.update({surname: co.surname, initials: co.initials})
    return {
        **co_tenants,
        "surname": tenant.surname,
        "initials": tenant.initials,
        "klantnummer": tenant.klantnummer,
        "street": tenant.street,
        "house_number": str(tenant.house_number),
        "addition": tenant.addition,
        "postcode": tenant.postcode,
        "town": tenant.town,
        "gemeente": tenant.gemeente,
        "phone1": phones[0],
        "phone2": phones[1],
        "phone3": phones[2],
        "email": tenant.email,
        "ibans": ", ".join(v.format_iban(iban) for iban in tenant.ibans),
        "rent": v.format_decimal_nl(tenant.rent),
        "due_day": str(tenant.due_day),
        "tenancy_start": v.format_date(tenant.tenancy_start),
        "tenancy_end": v.format_date(tenant.tenancy_end) if tenant.tenancy_end else "",
        "paid_through": v.format_date(tenant.paid_through) if tenant.paid_through else "",
        "opening_arrears": (
            v.format_decimal_nl(tenant.opening_arrears) if tenant.opening_arrears else ""
        ),
        "opening_arrears_due": (
            v.format_date(tenant.opening_arrears_due) if tenant.opening_arrears_due else ""
        ),
    }


def _co_tenants(values: dict[str, str], errors: dict[str, str]) -> list[dict[str, str]]:
    """The co-tenants typed in the form; a message under the field that is wrong or missing."""
    from lcv_tui.domain.models import CoTenant

    found = []
    for surname_field, initials_field in CO_TENANT_FIELDS:
        surname = values.get(surname_field, "").strip()
        initials = values.get(initials_field, "").strip()
        if not surname and not initials:
            continue
        if not surname:
            errors[surname_field] = "Vul ook de achternaam van de medehuurder in."
            continue
        try:
            co = CoTenant(surname=surname, initials=initials)
        except ValidationError as exc:
            for name, message in field_errors(exc).items():
                errors[initials_field if name == "initials" else surname_field] = message
            continue
        found.append(co.model_dump())
    return found


def build_tenant(values: dict[str, str], base: Tenant | None) -> Tenant | dict[str, str]:
    """A valid Tenant from the form's text, or ``{field: Dutch message}``."""
    from lcv_tui.domain.models import Tenant

    errors: dict[str, str] = {}
    data: dict[str, Any] = {
        k: values[k]
        for k in (
            "surname",
            "initials",
            "klantnummer",
            "street",
            "house_number",
            "addition",
            "postcode",
            "town",
            "gemeente",
            "email",
        )
    }

    def parse(field: str, parser: Callable[[str], Any], *, optional: bool = False) -> Any:
        text = values[field].strip()
        if optional and not text:
            return None
        try:
            return parser(text)
        except ValueError as exc:
            errors[field] = str(exc)
            return None

    phones = []
    for field in PHONE_FIELDS:
        phone = parse(field, v.normalise_phone)
        if phone:
            phones.append(phone)
    data["phones"] = phones
    data["co_tenants"] = _co_tenants(values, errors)
    data["ibans"] = parse("ibans", v.parse_ibans) or []
    if values["gemeente"].strip():
        from lcv_tui.domain.municipalities import checked

        data["gemeente"] = parse("gemeente", checked)
    data["rent"] = parse("rent", v.parse_amount)
    data["tenancy_start"] = parse("tenancy_start", v.parse_date)
    data["tenancy_end"] = parse("tenancy_end", v.parse_date, optional=True)
    data["paid_through"] = parse("paid_through", v.parse_date, optional=True)
    data["opening_arrears"] = parse("opening_arrears", v.parse_amount, optional=True)
    data["opening_arrears_due"] = parse("opening_arrears_due", v.parse_date, optional=True)
    if values["due_day"].strip():
        data["due_day"] = values["due_day"].strip()
    if base is not None:
        data = {**base.model_dump(), **data}
    try:
        tenant = Tenant.model_validate(data)
    except ValidationError as exc:
        for field, message in field_errors(exc).items():
            if field == "" and "einddatum" in message.lower():
                field = "tenancy_end"
            elif field == "":
                from lcv_tui.domain.models import onboarding_field

                field = onboarding_field(message)
            # Fields already refused by their parser keep that (more precise) message.
            errors.setdefault(field, message)
    if errors:
        return errors
    return tenant


class TenantFormScreen(FormScreen["str | None"]):
    """Returns the saved tenant's id, or None when cancelled."""

    CSS_PATH = "tenant_form.tcss"
    HELP_TOPIC = "huurder"
    WHAT: ClassVar[str] = "de huurder"
    app: HostApp

    def __init__(self, tenant: Tenant | None = None) -> None:
        super().__init__()
        self.tenant = tenant

    def compose(self) -> ComposeResult:
        yield Header(icon="⌂")
        title = f"Huurder wijzigen: {self.tenant.display_name}" if self.tenant else "Nieuwe huurder"
        yield Static(title, id="form-title", markup=False)
        yield Static(
            "Velden met * zijn verplicht. Ctrl+S slaat op, Esc gaat terug.", classes="screen-intro"
        )
        yield Static("", classes="form-summary", id="form-summary", markup=False)
        values = _initial_values(self.tenant)
        with VerticalScroll(id="form-body"), Grid(id="tenant-grid"):
            for field, label, help_text, example in FIELDS:
                hint = " ".join(
                    part
                    for part in (
                        help_text,
                        f"Bijv. {example}" if example and example not in help_text else "",
                    )
                    if part
                )
                yield FormField(
                    field,
                    label,
                    value=values.get(field, ""),
                    help=hint,
                    suggester=_gemeente_suggester() if field == "gemeente" else None,
                )
        yield from self.compose_buttons()
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#field-surname", Input).focus()

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def action_save(self) -> None:
        from lcv_tui.services import edits

        workspace = self.app.workspace
        assert workspace is not None
        values = {k: str(val) for k, val in form_values(self).items()}
        result = build_tenant(values, self.tenant)
        if isinstance(result, dict):
            show_errors(self, result, summary=self.query_one("#form-summary", Static))
            self.notify(
                "Nog niet opgeslagen: verbeter de velden met ⚠.", severity="warning", timeout=4
            )
            return
        summary = self.query_one("#form-summary", Static)
        try:
            if self.tenant is None:
                result = edits.add_tenant(workspace, result)
            else:
                result = edits.update_tenant(workspace, result)
        except ValueError as exc:
            field = "klantnummer" if "klantnummer" in str(exc).lower() else ""
            show_errors(self, {field: str(exc)}, summary=summary)
            return
        show_errors(self, {}, summary=summary)
        # Even if writing fails the change is kept in memory (and quitting asks), so the form closes.
        self.app.commit(f"Huurder {result.display_name} opgeslagen")
        self.mark_clean()
        self.dismiss(result.id)
