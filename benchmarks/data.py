"""Seeded, fictional benchmark data: a landlord with N tenants and a year of ledger history each.

Every tenant has twelve monthly rent charges (December 2025 to November 2026) and, for most of
them, twelve payments. The mix is fixed by the seed:

- about 84 % pay on or just before the due day;
- about 9 % paid one to three months late but are paid up now;
- about 7 % are in arrears now (one to three months unpaid) with the letters that belong to that
  stage (herinnering, aanmaning, sommatie, with the letter text kept as evidence), some with
  personal contact, an objection, a delivered signal or feedback from the municipality.

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
from decimal import Decimal
from typing import Any

from pydantic import TypeAdapter

from lcv_tui.domain import audit
from lcv_tui.domain.models import SCHEMA_VERSION, AuditEntry, AuditLog, VaultData

TODAY = dt.date(2026, 11, 23)
SEED = 20261123
FIRST_DUE_MONTH = (2025, 12)  # twelve monthly charges: Dec 2025 .. Nov 2026

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


def _due_dates(due_day: int) -> list[dt.date]:
    year, month = FIRST_DUE_MONTH
    dates = []
    for _ in range(12):
        dates.append(dt.date(year, month, due_day))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return dates


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


def _tenant(rng: random.Random, index: int) -> dict[str, Any]:
    surname = rng.choice(SURNAMES)
    town, prefix = rng.choice(PLACES)
    due_day = 1 if rng.random() < 0.8 else rng.randint(2, 28)
    dues = [d for d in _due_dates(due_day) if d < TODAY]
    rent = Decimal(rng.choice(RENTS))
    kind = rng.random()
    payments: list[dict[str, Any]] = []
    events: list[dict[str, Any]] = []
    tenant_id = f"t{index:06d}{rng.randrange(16**24):024x}"

    def pay(on: dt.date, amount: Decimal, note: str = "Huur") -> None:
        payments.append(
            {
                "id": f"p{index:06d}{len(payments):02d}{rng.randrange(16**20):020x}",
                "on": on.isoformat(),
                "amount": _money(amount),
                "note": note,
            }
        )

    if kind < 0.84:  # pays on time
        for due in dues:
            pay(due - dt.timedelta(days=rng.randint(0, 3)), rent)
    elif kind < 0.93:  # a few months paid late, paid up now
        late = set(rng.sample(range(len(dues) - 1), k=rng.randint(1, 3)))
        for m, due in enumerate(dues):
            pay(due + dt.timedelta(days=rng.randint(5, 20)) if m in late else due, rent)
        first_late = dues[min(late)]
        events.append(
            _event(
                rng,
                index,
                "herinnering",
                first_late + dt.timedelta(days=4),
                channel="post",
                letter_text=LETTER_TEXT,
            )
        )
    else:  # in arrears now
        unpaid = rng.randint(1, 3)
        for due in dues[: len(dues) - unpaid]:
            pay(due, rent)
        first = dues[len(dues) - unpaid]
        stage = rng.random()
        steps = [
            ("herinnering", 4),
            ("aanmaning", 14),
            ("persoonlijk_contact", 15),
            ("sommatie", 35),
        ]
        for step, days in steps[: 1 + int(stage * 4)]:
            on = first + dt.timedelta(days=days)
            if on <= TODAY:
                extra = (
                    {"channel": "telefoon"}
                    if step == "persoonlijk_contact"
                    else {"channel": "post", "letter_text": LETTER_TEXT}
                )
                events.append(_event(rng, index, step, on, **extra))
        sent_summons = any(e["kind"] == "sommatie" for e in events)
        if sent_summons and rng.random() < 0.15:
            events.append(
                _event(rng, index, "bezwaar", first + dt.timedelta(days=38), channel="e-mail")
            )
        elif sent_summons and first + dt.timedelta(days=50) <= TODAY and rng.random() < 0.6:
            signal_on = first + dt.timedelta(days=50)
            events.append(
                _event(
                    rng,
                    index,
                    "signaal",
                    signal_on,
                    route="upload",
                    amount=_money(rent * min(unpaid, 2)),
                    months=min(unpaid, 2),
                )
            )
            if signal_on + dt.timedelta(days=12) <= TODAY and rng.random() < 0.5:
                events.append(
                    _event(
                        rng,
                        index,
                        "terugkoppeling",
                        signal_on + dt.timedelta(days=12),
                        feedback="hulp_geaccepteerd",
                    )
                )
        if rng.random() < 0.3:
            pay(first + dt.timedelta(days=20), Decimal("100.00"), "Deelbetaling")
    number = rng.randint(1, 250)
    initials = f"{rng.choice(LETTERS)}."
    return {
        "id": tenant_id,
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
        "rent": _money(rent),
        "due_day": due_day,
        "tenancy_start": dt.date(FIRST_DUE_MONTH[0], FIRST_DUE_MONTH[1], 1).isoformat(),
        "tenancy_end": None,
        "payments": payments,
        "adjustments": [],
        "events": events,
    }


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


def document(count: int, *, seed: int = SEED, with_audit: bool = True) -> dict[str, Any]:
    """The vault document (what ``VaultData.model_dump(mode="json")`` gives) for ``count`` tenants,
    plus the audit log's entries under ``"audit"`` (the vault stores those in sections of their own)."""
    rng = random.Random(seed * 1_000_003 + count)
    tenants = [_tenant(rng, index) for index in range(count)]
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


def vault_data(count: int, *, seed: int = SEED, with_audit: bool = True) -> VaultData:
    """``document(count)`` validated into the app's model, with its audit log attached."""
    doc = document(count, seed=seed, with_audit=with_audit)
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
        raw = _tenant(rng, index)
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
