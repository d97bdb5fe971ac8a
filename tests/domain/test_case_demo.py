"""The demo vault: every stage present, whatever the date."""

from __future__ import annotations

import datetime as dt

import pytest
from domain_builders import D

from lcv_tui.domain import audit
from lcv_tui.domain.agenda import agenda
from lcv_tui.domain.demo import build_demo, expected_stages
from lcv_tui.domain.models import VaultData
from lcv_tui.domain.stage import Stage
from lcv_tui.domain.workflow import case_for

REQUIRED = {
    Stage.BETAALD,
    Stage.TE_LAAT,
    Stage.HERINNERING,
    Stage.AANMANING,
    Stage.BEZWAARTERMIJN,
    Stage.BEZWAAR,
    Stage.KLAAR,
    Stage.GEMELD,
    Stage.OPGESCHORT,
    Stage.INTREKKEN,
    Stage.GEEN_OVEREENKOMST,
}


def stages(data: VaultData, today: dt.date) -> dict[str, Stage]:
    result = {}
    for tenant in data.tenants:
        c = case_for(
            tenant, today, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
        )
        result[tenant.klantnummer] = c.stage if c else Stage.BETAALD
    return result


@pytest.mark.parametrize(
    "today",
    [D(2026, 11, 23), D(2027, 3, 2), D(2027, 12, 31), D(2028, 2, 29), D(2026, 4, 6), D(2027, 1, 1)],
)
def test_every_stage_on_several_dates(today):
    data = build_demo(today)
    found = stages(data, today)
    assert found == expected_stages()
    assert set(found.values()) >= REQUIRED
    assert audit.verify(data.audit) == []
    assert agenda(data, today)
    # the document survives a round trip through JSON (what the vault stores; the audit log is stored apart)
    assert VaultData.model_validate_json(data.model_dump_json()).model_dump() == data.model_dump()


def test_every_stage_for_a_year_of_dates():
    start = D(2026, 11, 23)
    for offset in range(0, 366, 7):
        today = start + dt.timedelta(days=offset)
        assert stages(build_demo(today), today) == expected_stages(), today


def test_demo_landlord_agreements_and_names():
    data = build_demo(D(2026, 11, 23))
    assert data.landlord.objection_email
    assert {a.gemeente for a in data.agreements} == {"Utrecht", "Amersfoort", "Nieuwegein"}
    assert {a.meldpunt.value for a in data.agreements} == {"ris_matching", "bkr_vps", "website"}
    surnames = {t.surname for t in data.tenants}
    assert {
        "van der Berg",
        "'t Hart",
        "Öztürk",
        "El Amrani",
        "de Vries",
        "Bakker-Smit",
        "IJzerman",
    } <= surnames
    assert any(data.agreement_for(t.gemeente) is None for t in data.tenants)
    assert len(data.tenants) >= 12
