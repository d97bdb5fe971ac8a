"""Seeded, fictional benchmark data: a landlord's real portfolio with five years of history.

Every tenant has monthly rent charges from the start of the history (five years before the
benchmark date by default) or a later start of tenancy, up to the benchmark date; some tenancies
ended along the way. The rent goes up every 1 July (when the model keeps a rent history). The
mix is fixed by the seed:

- about 80 % always pay: most a few days before the due day, a quarter of them a few days after
  it (so on the 2nd of a month a good part of the portfolio has this month's rent open for a day);
- about 20 % were in arrears at some point: one to three past episodes of one to three months,
  each with the letters of its stage (herinnering, aanmaning, sommatie, the letter text kept as
  evidence), personal contact, sometimes an objection, a delivered signal, feedback from the
  municipality and a withdrawal after the arrears were paid;
- about a third of those (7 % of all) are in arrears on the benchmark date, in every stage.

Two benchmark dates are used: the 2nd and the 23rd of a month (``DATES``). The data is generated
for one date: nothing recorded after it exists.

The audit log holds what the app would have written: one ``tenant.add`` per tenant and one entry
per payment and per event, hash-chained like :func:`lcv_tui.domain.audit.append` does.

The document is built as plain JSON-ready dicts (fast) and turned into ``VaultData`` by the same
validation the vault runs on load, so what the benchmarks time is what a real vault holds.
Names, streets, phone numbers and e-mail addresses are made up (``.example`` domains).
"""

from __future__ import annotations

import datetime as dt
import json
import random
import unicodedata
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from pydantic import TypeAdapter

from lcv_tui.domain import audit
from lcv_tui.domain.models import SCHEMA_VERSION, AuditEntry, AuditLog, Tenant, VaultData

TODAY = dt.date(2026, 11, 23)
EARLY = dt.date(2026, 11, 2)  # the 2nd: this month's rent is open for a day at many tenants
DATES = (EARLY, TODAY)
YEARS = 5
SEED = 20261123
# Fields that newer versions of the model have; generated only where the model knows them.
HAS_RENT_HISTORY = "rent_changes" in Tenant.model_fields

SURNAMES = (
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Heuvel",
    "van der Veen",
    "van den Broek",
    "de Bruijn",
    "de Bruin",
    "van der Heijden",
    "Schouten",
    "van Beek",
    "Willems",
    "van Vliet",
    "van de Ven",
    "Hoekstra",
    "Maas",
    "Verhoeven",
    "Koster",
    "van Dam",
    "Prins",
    "Blom",
    "Huisman",
    "Peeters",
    "Öztürk",
    "El Amrani",
    "Çelik",
    "Yılmaz",
    "'t Hart",
    "IJzerman",
    "Bakker-Smit",
)
STREETS = (
    "Dorpsstraat",
    "Kerkstraat",
    "Schoolstraat",
    "Molenweg",
    "Stationsweg",
    "Nieuwstraat",
    "Julianastraat",
    "Wilhelminastraat",
    "Beatrixlaan",
    "Oranjestraat",
    "Lindenlaan",
    "Eikenlaan",
    "Kastanjelaan",
    "Parallelweg",
    "Industrieweg",
    "Marktstraat",
    "Hoofdstraat",
    "Raadhuisstraat",
    "Sportlaan",
    "Irenestraat",
)
PLACES = (
    ("Utrecht", "35"),
    ("Amersfoort", "38"),
    ("Nieuwegein", "34"),
    ("Zeist", "37"),
    ("Houten", "39"),
)
LETTERS = "ABCEGHJKLMNPRTVWXZ"
RENTS = ("695.00", "725.00", "780.50", "850.00", "925.00", "980.50", "1040.00", "1150.00")
LETTER_TEXT = (
    "Geachte heer/mevrouw,\n\nVolgens onze administratie hebben wij de huur over de afgelopen maand nog niet "
    "van u ontvangen. Wij verzoeken u het openstaande bedrag binnen veertien dagen over te maken. "
) * 6  # about 1.5 kB, the size of a real letter kept as evidence


def _ascii(name: str) -> str:
    """A surname as the local part of an address: ``Öztürk`` → ``ozturk``, ``'t Hart`` → ``thart``."""
    folded = (
        unicodedata.normalize("NFKD", name.replace("ı", "i")).encode("ascii", "ignore").decode()
    )
    return "".join(ch for ch in folded.lower() if ch.isalnum() or ch == "-")


def _money(value: Decimal) -> str:
    return f"{value:.2f}"


def _at(day: dt.date, hour: int) -> str:
    return dt.datetime.combine(day, dt.time(hour)).isoformat()


def _event(rng: random.Random, index: int, kind: str, on: dt.date, **extra: Any) -> dict[str, Any]:
    event = {
        "id": f"e{index:06d}{kind[:4]}{rng.randrange(16**8):08x}",
        "kind": kind,
        "on": on.isoformat(),
        "recorded_at": _at(on, 10),
        "note": "",
    }
    event.update(extra)
    return event


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, day.day)


def _rent_in_force(changes: list[tuple[dt.date, Decimal]], base: Decimal, due: dt.date) -> Decimal:
    rent = base
    for on, amount in changes:
        if on <= due:
            rent = amount
    return rent


class _File:
    """One tenant's file as it is being generated: payments and events up to ``today``."""

    def __init__(self, rng: random.Random, index: int, today: dt.date) -> None:
        self.rng, self.index, self.today = rng, index, today
        self.payments: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []

    def pay(self, on: dt.date, amount: Decimal, note: str = "Huur") -> None:
        if on <= self.today:
            self.payments.append(
                {
                    "id": f"p{self.index:06d}{len(self.payments):03d}{self.rng.randrange(16**20):020x}",
                    "on": on.isoformat(),
                    "amount": _money(amount),
                    "note": note,
                }
            )

    def event(self, kind: str, on: dt.date, **extra: Any) -> bool:
        if on > self.today:
            return False
        self.events.append(_event(self.rng, self.index, kind, on, **extra))
        return True

    def letters(self, first: dt.date, stage: float, *, current: bool) -> bool:
        """The steps of one arrears episode from its first unpaid due date; True if a signal."""
        steps = [
            ("herinnering", 4),
            ("aanmaning", 14),
            ("persoonlijk_contact", 15),
            ("sommatie", 35),
        ]
        for step, days in steps[: 1 + int(stage * 4)]:
            extra = (
                {"channel": "telefoon"}
                if step == "persoonlijk_contact"
                else {"channel": "post", "letter_text": LETTER_TEXT}
            )
            self.event(step, first + dt.timedelta(days=days), **extra)
        if not any(e["kind"] == "sommatie" for e in self.events[-4:]):
            return False
        if self.rng.random() < 0.15:
            self.event("bezwaar", first + dt.timedelta(days=38), channel="e-mail")
            return False
        if self.rng.random() < (0.6 if current else 0.4):
            return self.event(
                "signaal", first + dt.timedelta(days=50), route="upload", amount="1.00", months=1
            )
        return False


def _tenant(rng: random.Random, index: int, today: dt.date, years: int) -> dict[str, Any]:
    surname = rng.choice(SURNAMES)
    town, prefix = rng.choice(PLACES)
    due_day = 1 if rng.random() < 0.8 else rng.randint(2, 28)
    history_start = _add_months(dt.date(today.year, today.month, 1), -12 * years + 1)
    if rng.random() < 0.7:
        start = history_start
    else:
        start = history_start + dt.timedelta(days=rng.randrange((today - history_start).days - 40))
    end: dt.date | None = None
    if rng.random() < 0.04:
        end = start + dt.timedelta(days=rng.randrange(180, 900))
        if end >= today:
            end = None
    base = Decimal(rng.choice(RENTS))
    changes: list[tuple[dt.date, Decimal]] = []
    if HAS_RENT_HISTORY:
        rent = base
        for year in range(start.year + (start.month > 7), today.year + 1):
            on = dt.date(year, 7, 1)
            if start < on <= today:
                rent = (rent * Decimal(1 + rng.uniform(0.02, 0.05))).quantize(
                    Decimal("0.01"), ROUND_HALF_UP
                )
                changes.append((on, rent))
    first = dt.date(start.year, start.month, due_day)
    if first < start:
        first = _add_months(first, 1)
    limit = min(today, end) if end else today
    dues: list[dt.date] = []
    due = first
    while due <= limit:
        dues.append(due)
        due = _add_months(due, 1)
    file = _File(rng, index, today)
    late_payer = rng.random() < 0.25
    troubled = rng.random() < 0.2 and len(dues) > 6
    episodes: list[tuple[int, int, bool]] = []  # (first unpaid index, months unpaid, current)
    if troubled:
        if rng.random() < 0.35 and end is None:
            unpaid = min(rng.randint(1, 3), len(dues))
            episodes.append((len(dues) - unpaid, unpaid, True))
        for _ in range(rng.randint(1, 3)):
            at = rng.randrange(0, max(1, len(dues) - 8))
            if all(abs(at - other) > 5 for other, _, _ in episodes):
                episodes.append((at, rng.randint(1, 3), False))
    unpaid_at = {i: ep for ep in episodes for i in range(ep[0], ep[0] + ep[1])}
    for i, due in enumerate(dues):
        rent = _rent_in_force(changes, base, due)
        episode = unpaid_at.get(i)
        if episode is None:
            offset = rng.randint(1, 6) if late_payer else -rng.randint(0, 4)
            file.pay(due + dt.timedelta(days=offset), rent)
        elif not episode[2]:  # a past episode: caught up 60-90 days after the first unpaid due date
            file.pay(dues[episode[0]] + dt.timedelta(days=rng.randint(60, 90)), rent, "Achterstand")
    for at, _months, current in sorted(episodes):
        first_unpaid = dues[at]
        signalled = file.letters(first_unpaid, rng.random(), current=current)
        signal_on = first_unpaid + dt.timedelta(days=50)
        if signalled and rng.random() < 0.5:
            file.event(
                "terugkoppeling", signal_on + dt.timedelta(days=12), feedback="hulp_geaccepteerd"
            )
        if signalled and not current:
            file.event("signaal_ingetrokken", first_unpaid + dt.timedelta(days=rng.randint(61, 95)))
        if current and rng.random() < 0.3:
            file.pay(first_unpaid + dt.timedelta(days=20), Decimal("100.00"), "Deelbetaling")
    for event in file.events:  # the signal's amount: what was open when it was made
        if event["kind"] == "signaal":
            event["amount"] = _money(base)
    number = rng.randint(1, 250)
    initials = f"{rng.choice(LETTERS)}."
    tenant: dict[str, Any] = {
        "id": f"t{index:06d}{rng.randrange(16**24):024x}",
        "klantnummer": f"H-{index + 1:05d}",
        "surname": surname,
        "initials": initials,
        "street": rng.choice(STREETS),
        "house_number": number,
        "addition": rng.choice(("", "", "", "", "A", "B", "bis", "2-hoog")),
        "postcode": f"{prefix}{rng.randint(10, 99)} {rng.choice(LETTERS)}{rng.choice(LETTERS)}",
        "town": town,
        "gemeente": town,
        "phones": [f"06{rng.randint(10_000_000, 99_999_999)}"],
        "email": f"{initials[0].lower()}.{_ascii(surname)}{index}@voorbeeldmail.example"
        if rng.random() < 0.8
        else "",
        "rent": _money(base),
        "due_day": due_day,
        "tenancy_start": start.isoformat(),
        "tenancy_end": end.isoformat() if end else None,
        "payments": sorted(file.payments, key=lambda p: p["on"]),
        "adjustments": [],
        "events": sorted(file.events, key=lambda e: e["on"]),
    }
    if HAS_RENT_HISTORY:
        tenant["rent_changes"] = [
            {"on": on.isoformat(), "amount": _money(amount), "note": "Huurverhoging"}
            for on, amount in changes
        ]
    return tenant


def _audit(tenants: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The hash-chained log the app would have written, oldest first."""
    rows: list[tuple[str, int, str, str, str, str]] = []
    for order, tenant in enumerate(tenants):
        rows.append(
            (
                _at(dt.date.fromisoformat(tenant["tenancy_start"]), 9),
                order,
                "tenant.add",
                tenant["id"],
                tenant["id"],
                audit.digest(json.dumps([tenant["id"], tenant["surname"]])),
            )
        )
        for payment in tenant["payments"]:
            rows.append(
                (
                    _at(dt.date.fromisoformat(payment["on"]), 11),
                    order,
                    "payment.add",
                    tenant["id"],
                    payment["id"],
                    audit.digest(json.dumps(payment, sort_keys=True)),
                )
            )
        for event in tenant["events"]:
            rows.append(
                (
                    event["recorded_at"],
                    order,
                    f"event.{event['kind']}",
                    tenant["id"],
                    event["id"],
                    audit.digest(json.dumps(event, sort_keys=True)),
                )
            )
    rows.sort(key=lambda row: (row[0], row[1]))
    log: list[dict[str, Any]] = []
    prev = audit.GENESIS
    for seq, (at, _, action, tenant_id, ref, content) in enumerate(rows, start=1):
        entry_hash = audit.entry_hash(
            seq, dt.datetime.fromisoformat(at), "app", action, tenant_id, ref, content, prev
        )
        log.append(
            {
                "seq": seq,
                "at": at,
                "actor": "app",
                "action": action,
                "tenant_id": tenant_id,
                "ref": ref,
                "digest": content,
                "prev": prev,
                "hash": entry_hash,
            }
        )
        prev = entry_hash
    return log


def document(
    count: int,
    *,
    seed: int = SEED,
    with_audit: bool = True,
    today: dt.date = TODAY,
    years: int = YEARS,
) -> dict[str, Any]:
    """The vault document (what ``VaultData.model_dump(mode="json")`` gives) for ``count`` tenants
    with ``years`` of history up to ``today``, plus the audit log's entries under ``"audit"`` (the
    vault stores those in sections of their own)."""
    rng = random.Random(seed * 1_000_003 + count)
    tenants = [_tenant(rng, index, today, years) for index in range(count)]
    agreements = [
        {
            "id": f"a{i}",
            "gemeente": town,
            "meldpunt": "ris_matching" if i % 2 == 0 else "bkr_vps",
            "signed_on": "2024-01-15",
            "shared_fields": ["voorletters", "toevoeging", "telefoon", "email"],
            "threshold_days": 30,
            "min_amount": "0.00",
            "note": "",
        }
        for i, (town, _) in enumerate(
            PLACES[:4]
        )  # Houten has no agreement: those tenants are blocked (LCV 3.1)
    ]
    return {
        "schema_version": SCHEMA_VERSION,
        "landlord": {
            "name": "Verhuur Benchmark B.V.",
            "contact_person": "Sanne de Graaf",
            "street": "Maliesingel",
            "house_number": "12",
            "postcode": "3581 BE",
            "town": "Utrecht",
            "phone": "0302345678",
            "email": "info@benchmark.example",
            "objection_email": "bezwaar@benchmark.example",
            "iban": "NL91ABNA0417164300",
            "privacy_url": "https://benchmark.example/privacy",
        },
        "settings": {"wizard_seen": True},
        "agreements": agreements,
        "tenants": tenants,
        "audit": _audit(tenants) if with_audit else [],
        "import_mappings": {},
        "wizard_progress": {},
    }


def vault_data(
    count: int,
    *,
    seed: int = SEED,
    with_audit: bool = True,
    today: dt.date = TODAY,
    years: int = YEARS,
) -> VaultData:
    """``document(count)`` validated into the app's model, with its audit log attached."""
    doc = document(count, seed=seed, with_audit=with_audit, today=today, years=years)
    entries = TypeAdapter(list[AuditEntry]).validate_python(doc.pop("audit"))
    data = VaultData.model_validate(doc)
    data.attach_audit(AuditLog(entries))
    return data


def signal_records(count: int, *, seed: int = SEED) -> list:
    """``count`` upload-route signal records (every tenant in arrears), built by the app's own minimisation."""
    from lcv_tui.domain.ledger import Arrears
    from lcv_tui.domain.models import Agreement, Meldpunt, Tenant
    from lcv_tui.domain.sharing import signal_record

    rng = random.Random(seed + count)
    agreement = Agreement(
        gemeente="Utrecht", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2024, 1, 15)
    )
    records = []
    for index in range(count):
        raw = _tenant(rng, index, TODAY, 1)
        raw.update(payments=[], events=[], gemeente="Utrecht")
        tenant = Tenant.model_validate(raw)
        months = rng.randint(1, 3)
        amount = tenant.rent * months
        records.append(
            signal_record(
                tenant, agreement, Arrears(on=TODAY, amount=amount, oldest_due=TODAY, months=months)
            )
        )
    return records
