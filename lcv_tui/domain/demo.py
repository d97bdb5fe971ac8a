"""Fictional demo data: one landlord, three municipalities, tenants in every stage of the process.

Everything is computed relative to ``today``: each tenant's arrears episode starts on a due date
chosen so that, on ``today``, the tenant is exactly in its stage (the builder checks this with
the workflow itself). Names, addresses, phone numbers and e-mail addresses are made up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TypedDict, Unpack

from lcv_tui.domain import audit, ledger
from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.deadlines import first_signal_day, letter_date, letter_pay_by
from lcv_tui.domain.models import (
    Agreement,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Landlord,
    Meldpunt,
    Payment,
    Route,
    Settings,
    SharedField,
    Tenant,
    VaultData,
)
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.workflow import case_for

DEMO_ACTOR = "demo"


class _EventExtra(TypedDict, total=False):
    """The optional ``Event`` fields the demo sets."""

    channel: Channel
    note: str
    route: Route
    amount: Decimal
    months: int
    feedback: FeedbackStatus


@dataclass(frozen=True)
class Profile:
    """A fictional tenant and the stage it must be in on ``today``."""

    klantnummer: str
    surname: str
    initials: str
    street: str
    house_number: int
    addition: str
    postcode: str
    town: str
    gemeente: str
    phone: str
    email: str
    rent: str
    stage: Stage
    target_days: int  # days between the episode's due date and today, roughly
    steps: tuple[str, ...] = ()


PROFILES: tuple[Profile, ...] = (
    Profile(
        "H-1001",
        "van der Berg",
        "P.J.",
        "Oudegracht",
        112,
        "",
        "3511 AX",
        "Utrecht",
        "Utrecht",
        "0612345678",
        "pj.vanderberg@voorbeeldmail.example",
        "925.00",
        Stage.BETAALD,
        0,
    ),
    Profile(
        "H-1002",
        "de Jong",
        "S.",
        "Langestraat",
        41,
        "A",
        "3811 AB",
        "Amersfoort",
        "Amersfoort",
        "0334567890",
        "",
        "780.00",
        Stage.BETAALD,
        0,
    ),
    Profile(
        "H-1003",
        "'t Hart",
        "M.",
        "Twijnstraat",
        7,
        "bis",
        "3511 ZH",
        "Utrecht",
        "Utrecht",
        "0623456789",
        "m.thart@voorbeeldmail.example",
        "1040.00",
        Stage.TE_LAAT,
        10,
    ),
    Profile(
        "H-1004",
        "Öztürk",
        "E.",
        "Kamp",
        23,
        "",
        "3811 AR",
        "Amersfoort",
        "Amersfoort",
        "0634567890",
        "e.ozturk@voorbeeldmail.example",
        "865.50",
        Stage.HERINNERING,
        10,
        ("herinnering",),
    ),
    Profile(
        "H-1005",
        "El Amrani",
        "Y.",
        "Kanaalstraat",
        150,
        "2-hoog",
        "3531 CK",
        "Utrecht",
        "Utrecht",
        "0645678901",
        "y.elamrani@voorbeeldmail.example",
        "735.00",
        Stage.AANMANING,
        22,
        ("herinnering", "aanmaning", "deelbetaling"),
    ),
    Profile(
        "H-1006",
        "de Vries",
        "A.M.",
        "Biltstraat",
        66,
        "",
        "3572 BC",
        "Utrecht",
        "Utrecht",
        "0656789012",
        "am.devries@voorbeeldmail.example",
        "990.00",
        Stage.BEZWAARTERMIJN,
        37,
        ("herinnering", "aanmaning", "contact", "sommatie"),
    ),
    Profile(
        "H-1007",
        "Bakker-Smit",
        "J.",
        "Arnhemseweg",
        210,
        "",
        "3817 CH",
        "Amersfoort",
        "Amersfoort",
        "0667890123",
        "j.bakkersmit@voorbeeldmail.example",
        "815.00",
        Stage.BEZWAAR,
        52,
        ("herinnering", "aanmaning", "contact", "sommatie", "bezwaar"),
    ),
    Profile(
        "H-1008",
        "IJzerman",
        "K.",
        "Amsterdamsestraatweg",
        389,
        "",
        "3551 CX",
        "Utrecht",
        "Utrecht",
        "0678901234",
        "k.ijzerman@voorbeeldmail.example",
        "1125.00",
        Stage.KLAAR,
        50,
        ("herinnering", "aanmaning", "contact", "sommatie"),
    ),
    Profile(
        "H-1009",
        "Çelik",
        "S.",
        "Leusderweg",
        14,
        "",
        "3817 KA",
        "Amersfoort",
        "Amersfoort",
        "0689012345",
        "s.celik@voorbeeldmail.example",
        "870.00",
        Stage.GEMELD,
        56,
        ("herinnering", "aanmaning", "contact", "sommatie", "signaal"),
    ),
    Profile(
        "H-1010",
        "Dijkstra",
        "R.",
        "Dorpsstraat",
        3,
        "",
        "3432 BN",
        "Nieuwegein",
        "Nieuwegein",
        "0690123456",
        "r.dijkstra@voorbeeldmail.example",
        "845.00",
        Stage.OPGESCHORT,
        64,
        ("herinnering", "aanmaning", "contact", "sommatie", "signaal", "hulp", "nieuwe_huur"),
    ),
    Profile(
        "H-1011",
        "ten Brink",
        "L.",
        "Lange Nieuwstraat",
        28,
        "",
        "3512 PG",
        "Utrecht",
        "Utrecht",
        "0611223344",
        "l.tenbrink@voorbeeldmail.example",
        "960.00",
        Stage.INTREKKEN,
        57,
        ("herinnering", "aanmaning", "contact", "sommatie", "signaal", "betaald"),
    ),
    Profile(
        "H-1012",
        "Bos",
        "Z.",
        "Slotlaan",
        91,
        "",
        "3701 GK",
        "Zeist",
        "Zeist",
        "0622334455",
        "z.bos@voorbeeldmail.example",
        "1010.00",
        Stage.GEEN_OVEREENKOMST,
        50,
        ("herinnering", "aanmaning", "contact", "sommatie"),
    ),
    Profile(
        "H-1014",
        "Visser",
        "T.",
        "Raadstede",
        7,
        "",
        "3431 HA",
        "Nieuwegein",
        "Nieuwegein",
        "0644556677",
        "t.visser@voorbeeldmail.example",
        "905.00",
        Stage.KLAAR,
        48,
        ("herinnering", "aanmaning", "contact", "sommatie"),
    ),
    Profile(
        "H-1013",
        "Mulder",
        "H.",
        "Nachtegaalstraat",
        55,
        "",
        "3581 AH",
        "Utrecht",
        "Utrecht",
        "0633445566",
        "",
        "880.00",
        Stage.INCASSO_HERVATTEN,
        66,
        ("herinnering", "aanmaning", "contact", "sommatie", "signaal", "hulp"),
    ),
)


def _landlord() -> Landlord:
    return Landlord(
        name="Verhuur Kromme Rijn B.V.",
        contact_person="Sanne de Graaf",
        street="Maliesingel",
        house_number="12",
        postcode="3581 BE",
        town="Utrecht",
        phone="0302345678",
        email="info@krommerijnverhuur.example",
        objection_email="bezwaar-schuldhulp@krommerijnverhuur.example",
        iban="NL91ABNA0417164300",
        privacy_url="https://krommerijnverhuur.example/privacy",
    )


def _agreements(today: dt.date) -> list[Agreement]:
    return [
        Agreement(
            gemeente="Utrecht",
            meldpunt=Meldpunt.RIS_MATCHING,
            signed_on=add_months(today, -40, day_of_month=1),
            note="Via het NVVK-ondertekenportaal.",
        ),
        Agreement(
            gemeente="Amersfoort",
            meldpunt=Meldpunt.BKR_VPS,
            signed_on=add_months(today, -28, day_of_month=15),
            shared_fields={SharedField.VOORLETTERS, SharedField.TELEFOON},
        ),
        Agreement(
            gemeente="Nieuwegein",
            meldpunt=Meldpunt.WEBSITE,
            signed_on=add_months(today, -14, day_of_month=3),
            note="Gesloten op de website Achterstanden aanleveren.",
        ),
    ]


def _at(day: dt.date, hour: int = 10) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour))


def _build(
    profile: Profile, due: dt.date, today: dt.date, agreement: Agreement | None, settings: Settings
) -> Tenant:
    """A tenant who paid on time until ``due`` and then followed the profile's steps."""
    rent = Decimal(profile.rent)
    start = add_months(due, -14)
    tenant = Tenant(
        klantnummer=profile.klantnummer,
        surname=profile.surname,
        initials=profile.initials,
        street=profile.street,
        house_number=profile.house_number,
        addition=profile.addition,
        postcode=profile.postcode,
        town=profile.town,
        gemeente=profile.gemeente,
        phones=[profile.phone],
        email=profile.email,
        rent=rent,
        due_day=due.day,
        tenancy_start=start,
    )
    paid_until = today if profile.stage == Stage.BETAALD else due - dt.timedelta(days=1)
    for day in ledger.rent_due_dates(tenant, paid_until):
        tenant.payments.append(Payment(on=day, amount=rent, note="Huur"))
    steps = profile.steps

    def event(kind: EventKind, on: dt.date, **extra: Unpack[_EventExtra]) -> Event | None:
        if on > today:
            return None
        item = Event(kind=kind, on=on, recorded_at=_at(on), **extra)
        tenant.events.append(item)
        return item

    post = Channel.POST
    reminder = letter_date(due + dt.timedelta(days=4))
    demand = letter_date(
        max(
            due + dt.timedelta(days=14),
            letter_pay_by(EventKind.HERINNERING, reminder, post, settings),
        )
    )
    summons = letter_date(
        max(
            add_months(due, 1) + dt.timedelta(days=4),
            letter_pay_by(EventKind.AANMANING, demand, post, settings),
        )
    )
    signal_on = max(
        add_months(due, 1) + dt.timedelta(days=19),
        first_signal_day(summons, Channel.POST, settings),
        # More than the threshold (LCV 3.1 d, tekst 1): day 31 at the earliest.
        due + dt.timedelta(days=(agreement.threshold_days if agreement else 30) + 1),
    )
    if "herinnering" in steps:
        event(
            EventKind.HERINNERING,
            reminder,
            channel=Channel.POST,
            note="Herinnering per post verstuurd.",
        )
    if "aanmaning" in steps:
        event(EventKind.AANMANING, demand, channel=Channel.POST)
    if "deelbetaling" in steps and demand + dt.timedelta(days=3) <= today:
        tenant.payments.append(
            Payment(on=demand + dt.timedelta(days=3), amount=Decimal("200.00"), note="Deelbetaling")
        )
    if "contact" in steps:
        event(
            EventKind.PERSOONLIJK_CONTACT,
            demand + dt.timedelta(days=1),
            channel=Channel.TELEFOON,
            note="Gebeld; voicemail ingesproken en gevraagd terug te bellen.",
        )
    if "sommatie" in steps:
        event(EventKind.SOMMATIE, summons, channel=Channel.POST)
    if "bezwaar" in steps:
        event(
            EventKind.BEZWAAR,
            summons + dt.timedelta(days=3),
            channel=Channel.EMAIL,
            note="E-mail ontvangen op het bezwaaradres.",
        )
    if "signaal" in steps and signal_on <= today:
        arrears = ledger.arrears(tenant, signal_on)
        route = (
            Route.WEBSITE if agreement and agreement.meldpunt == Meldpunt.WEBSITE else Route.UPLOAD
        )
        event(
            EventKind.SIGNAAL, signal_on, route=route, amount=arrears.amount, months=arrears.months
        )
        if "hulp" in steps:
            accepted = signal_on + dt.timedelta(days=10)
            event(EventKind.TERUGKOPPELING, accepted, feedback=FeedbackStatus.HULP_GEACCEPTEERD)
            if "nieuwe_huur" in steps:
                for day in ledger.rent_due_dates(tenant, today):
                    if day > accepted:
                        tenant.payments.append(Payment(on=day, amount=rent, note="Huur"))
        if "betaald" in steps and signal_on + dt.timedelta(days=6) <= today:
            paid_on = signal_on + dt.timedelta(days=6)
            owed = ledger.quick_balance(tenant, paid_on + dt.timedelta(days=1))
            tenant.payments.append(
                Payment(on=paid_on, amount=owed, note="Achterstand in één keer betaald")
            )
    return tenant


def _fit(
    profile: Profile, today: dt.date, agreement: Agreement | None, settings: Settings
) -> Tenant:
    """Find the episode start that puts the tenant in its stage on ``today``."""
    if profile.stage == Stage.BETAALD:
        return _build(profile, add_months(today, -1, day_of_month=1), today, agreement, settings)
    for shift in range(0, 40):
        for offset in (profile.target_days + shift, profile.target_days - shift):
            due = today - dt.timedelta(days=offset)
            if offset <= 0 or due.day > 28:
                continue
            tenant = _build(profile, due, today, agreement, settings)
            case = case_for(tenant, today, settings=settings, agreement=agreement)
            if case is not None and case.stage == profile.stage:
                return tenant
    raise RuntimeError(
        f"demo: no episode puts {profile.klantnummer} in stage {profile.stage} on {today}"
    )


def _audit_log(data: VaultData, today: dt.date) -> None:
    """An audit log as if every record had been made by hand on its own date."""
    entries: list[tuple[dt.datetime, int, str, str, str, str]] = []
    for order, tenant in enumerate(data.tenants):
        entries.append(
            (
                _at(tenant.tenancy_start, 9),
                order,
                "tenant.add",
                tenant.id,
                tenant.id,
                audit.digest(tenant.model_dump_json(exclude={"payments", "events", "adjustments"})),
            )
        )
        for payment in tenant.payments:
            entries.append(
                (
                    _at(payment.on, 11),
                    order,
                    "payment.add",
                    tenant.id,
                    payment.id,
                    audit.digest(payment.to_json()),
                )
            )
        for event in tenant.events:
            entries.append(
                (
                    event.recorded_at or _at(event.on),
                    order,
                    f"event.{event.kind.value}",
                    tenant.id,
                    event.id,
                    audit.digest(event.model_dump_json()),
                )
            )
    entries.sort(key=lambda e: (e[0], e[1]))
    for at, _, action, tenant_id, ref, content in entries:
        if at.date() <= today:
            audit.append(
                data.audit,
                at=at,
                action=action,
                actor=DEMO_ACTOR,
                tenant_id=tenant_id,
                ref=ref,
                content=content,
            )


DEMO_IBANS: dict[str, str] = {
    "H-1001": "NL62DEMO0100001001",
    "H-1002": "NL35DEMO0100001002",
    "H-1003": "NL08DEMO0100001003",
    "H-1004": "NL78DEMO0100001004",
    "H-1005": "NL51DEMO0100001005",
    "H-1010": "NL13DEMO0100001010",
}
"""Klantnummer → the account a demo tenant pays from. Bank code DEMO: no bank has it, so no real
account can be meant. The demo statements (``lcv_tui/exports/bank/demo``) pay from these."""


def build_demo(today: dt.date) -> VaultData:
    """A complete, fictional vault for ``today``: every stage of the process is present."""
    settings = Settings(wizard_seen=True)
    agreements = _agreements(today)
    by_gemeente = {a.gemeente: a for a in agreements}
    tenants = [_fit(p, today, by_gemeente.get(p.gemeente), settings) for p in PROFILES]
    for tenant in tenants:
        if tenant.klantnummer in DEMO_IBANS:
            tenant.ibans = [DEMO_IBANS[tenant.klantnummer]]
    data = VaultData(
        landlord=_landlord(), settings=settings, agreements=agreements, tenants=tenants
    )
    _audit_log(data, today)
    return data


def expected_stages() -> dict[str, Stage]:
    """Klantnummer → the stage that tenant is in on the demo's ``today``."""
    return {p.klantnummer: p.stage for p in PROFILES}
