"""Benchmark: the agenda for 10,000 tenants, each with a year of history, most paid up.

Run: .venv/bin/python tests/domain/bench_agenda.py [tenants] [share_in_arrears]
"""

from __future__ import annotations

import datetime as dt
import random
import sys
import time
from decimal import Decimal

from lcv_tui.domain.agenda import agenda
from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.models import (
    SCHEMA_VERSION,
    Agreement,
    Channel,
    Event,
    EventKind,
    Meldpunt,
    Payment,
    Settings,
    Tenant,
    VaultData,
)

TODAY = dt.date(2026, 11, 23)


def make_data(count: int, share_in_arrears: float, seed: int = 7) -> VaultData:
    rng = random.Random(seed)
    tenants = []
    start = add_months(TODAY.replace(day=1), -12)
    for index in range(count):
        rent = Decimal(rng.choice(["725.00", "850.00", "980.50", "1150.00"]))
        dues = [add_months(start, m) for m in range(13) if add_months(start, m) <= TODAY]
        late = rng.random() < share_in_arrears
        unpaid_from = len(dues) - rng.randint(1, 3) if late else len(dues)
        payments = [
            Payment(id=f"p{index}-{m}", on=due, amount=rent, note="")
            for m, due in enumerate(dues)
            if m < unpaid_from
        ]
        events = []
        if late:
            first_unpaid = dues[unpaid_from]
            for kind, days in (
                (EventKind.HERINNERING, 4),
                (EventKind.AANMANING, 14),
                (EventKind.SOMMATIE, 35),
            ):
                if first_unpaid + dt.timedelta(days=days) <= TODAY:
                    events.append(
                        Event.model_construct(
                            id=f"e{index}-{kind}",
                            kind=kind,
                            on=first_unpaid + dt.timedelta(days=days),
                            channel=Channel.POST,
                            note="",
                            recorded_at=None,
                            letter_text=None,
                            route=None,
                            amount=None,
                            months=None,
                            feedback=None,
                        )
                    )
        tenants.append(
            Tenant.model_construct(
                id=f"t{index}",
                klantnummer=f"K{index}",
                surname=f"Huurder {index}",
                initials="A.",
                street="Straat",
                house_number=index % 300 + 1,
                addition="",
                postcode="3511 AB",
                town="Utrecht",
                gemeente="Utrecht",
                phones=[],
                email="",
                rent=rent,
                due_day=1,
                tenancy_start=start,
                tenancy_end=None,
                payments=payments,
                adjustments=[],
                events=events,
            )
        )
    agreements = [
        Agreement(gemeente="Utrecht", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2024, 1, 1))
    ]
    return VaultData.model_construct(
        schema_version=SCHEMA_VERSION,
        landlord=None,
        settings=Settings(),
        agreements=agreements,
        tenants=tenants,
        import_mappings={},
        wizard_progress={},
    )


def measure(data: VaultData, repeat: int = 5) -> tuple[float, int]:
    best = float("inf")
    items = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        items = agenda(data, TODAY)
        best = min(best, time.perf_counter() - t0)
    return best, len(items)


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.02
    data = make_data(n, share)
    seconds, items = measure(data)
    from lcv_tui.domain.case import needs_case

    late = sum(1 for t in data.tenants if needs_case(t, TODAY))
    print(f"{n} tenants, {late} in arrears: agenda in {seconds * 1000:.1f} ms ({items} items)")
