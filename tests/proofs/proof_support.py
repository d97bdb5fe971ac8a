"""Support for the proof tests: sentinel personal data and the result of an in-process CLI run.

The sentinels are values no Dutch text, path or digest contains by chance, so finding one in a
log line, the audit log or error output can only mean personal data leaked there.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import VaultData
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.workflow import case_for

PASSPHRASE = "sentinel wachtzin voor de bewijstest"
SURNAME = "Zzyxwortel"
EMAIL = "zzyx.sentinel@zzyxmail.example"
AMOUNT = Decimal("4321.09")
SENTINELS = (SURNAME, SURNAME.casefold(), EMAIL, "4321.09", "4321,09", "4.321,09")

# demo tenants that carry the sentinels: ready to be reported (upload route), a letter due, no agreement
READY, LETTER_DUE, NO_AGREEMENT = "H-1008", "H-1003", "H-1012"


def sentinel_data(today: dt.date) -> VaultData:
    """The demo data with the sentinel surname on three tenants, and the sentinel e-mail and rent on
    the one ready to report."""
    data = build_demo(today)
    by_number = {t.klantnummer: t for t in data.tenants}
    ready = by_number[READY]
    old_rent = ready.rent
    ready.payments = [
        dataclasses.replace(p, amount=AMOUNT) if p.amount == old_rent else p for p in ready.payments
    ]
    ready.rent = AMOUNT
    ready.email = EMAIL
    for number in (READY, LETTER_DUE, NO_AGREEMENT):
        by_number[number].surname = SURNAME
    stages = {
        n: case_for(
            by_number[n],
            today,
            settings=data.settings,
            agreement=data.agreement_for(by_number[n].gemeente),
        ).stage
        for n in (READY, LETTER_DUE, NO_AGREEMENT)
    }
    assert stages == {
        READY: Stage.KLAAR,
        LETTER_DUE: Stage.TE_LAAT,
        NO_AGREEMENT: Stage.GEEN_OVEREENKOMST,
    }, stages
    return data


@dataclass
class Run:
    code: int
    out: str
    err: str
