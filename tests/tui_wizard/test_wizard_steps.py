"""The wizard's steps read from the domain (no screen): states, where to start, the gates."""

from __future__ import annotations

import pytest
from wizard_helpers import TODAY, demo_data, tenant_id

from lcv_tui.domain import sharing
from lcv_tui.tui.wizard.steps import State, WizardStep, build_view

S = State


@pytest.fixture(scope="module")
def data():
    return demo_data()


@pytest.mark.parametrize(
    ("surname", "start", "gate"),
    [
        ("van der Berg", WizardStep.ACHTERSTAND, WizardStep.ACHTERSTAND),  # paid: nothing to signal
        ("'t Hart", WizardStep.BRIEVEN, None),  # the herinnering is due
        ("El Amrani", WizardStep.INCASSO, None),  # personal contact (LCV 2.1 b) is missing
        ("de Vries", WizardStep.BEZWAAR, None),  # the objection window runs
        ("Bakker-Smit", WizardStep.BEZWAAR, WizardStep.BEZWAAR),  # objected (LCV 2.2)
        ("IJzerman", WizardStep.CONTROLE, None),  # ready: check the data, then signal
        ("Bos", WizardStep.GEMEENTE, WizardStep.GEMEENTE),  # no agreement with Zeist
        ("Çelik", WizardStep.DAARNA, None),  # signalled, waiting for feedback
        ("ten Brink", WizardStep.DAARNA, None),  # paid after the signal: withdraw it
    ],
)
def test_start_and_gate(data, surname, start, gate):
    view = build_view(data, tenant_id(data, surname), TODAY)
    assert view.first_attention() == start
    assert (view.gate.step if view.gate else None) == gate


def test_steps_past_a_gate_ask_nothing(data):
    view = build_view(data, tenant_id(data, "Bakker-Smit"), TODAY)
    assert all(v.state in (S.DONE, S.LATER) for v in view.steps[WizardStep.GEMEENTE :])
    assert not view.reachable(WizardStep.MELDEN)
    assert "LCV 2.2" in view.view(WizardStep.BEZWAAR).gate


def test_every_step_has_an_article_and_a_plain_intro():
    for step in WizardStep:
        assert step.article
        assert 2 <= step.intro.count(". ") + 1 <= 4


def test_data_check_shows_exactly_what_a_signal_shares(data):
    tenant = data.tenant(tenant_id(data, "IJzerman"))
    view = build_view(data, tenant.id, TODAY).view(WizardStep.CONTROLE)
    facts = "\n".join(view.facts)
    assert sharing.ANNOUNCED_SENTENCE in facts
    for label, value, _ in sharing.shared_fields_preview(
        tenant, data.agreement_for(tenant.gemeente), build_view(data, tenant.id, TODAY).case.arrears
    ):
        assert label in facts
        if value:
            assert value in facts
    assert tenant.street not in facts and tenant.town not in facts  # street and town never


def test_too_early_says_from_when_with_the_domain_reason(data):
    view = build_view(data, tenant_id(data, "'t Hart"), TODAY)
    first = view.view(WizardStep.ACHTERSTAND)
    assert first.state == S.LATER
    assert "Wacht tot" in first.status
    assert any(r.article == "LCV 3.1 d" and not r.ok for r in first.reasons)
