"""services.imports: tenants/payments from a file and a bank statement, recorded as "import", unsaved."""

from __future__ import annotations

import datetime as dt

import pytest
from lcv_testing import TODAY

from lcv_tui.domain.bank import Assignment, plan_bank_import
from lcv_tui.exports.bank import demo_statements, read_statement
from lcv_tui.exports.imports import ImportRefused, plan_tenants
from lcv_tui.services.imports import apply_import, record_bank_import

NOW = dt.datetime(2026, 11, 23, 11, 0)

HEADER = "Klantnummer;Achternaam;Huisnummer;Postcode;Gemeente;Kale huur;Ingangsdatum\n"
GOOD = "H-9101;Zwart;4;3511 AB;Utrecht;800,00;01-01-2026\nH-9102;Wit;6;3511 AB;Utrecht;810,00;01-01-2026\n"
BAD = "H-9103;Grijs;zes;3511 AB;Utrecht;;01-01-2026\n"


def write(tmp_path, text):
    path = tmp_path / "huurders.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_adds_remembers_the_mapping_and_is_left_unsaved(workspace, saved, tmp_path):
    plan = plan_tenants(write(tmp_path, HEADER + GOOD), workspace.data)
    result = apply_import(workspace, plan, now=NOW)
    assert result.added == 2
    assert {t.klantnummer for t in workspace.data.tenants} >= {"H-9101", "H-9102"}
    assert workspace.data.import_mappings["tenants"]["surname"] == "Achternaam"
    assert [(e.action, e.actor, e.at) for e in workspace.data.audit[-2:]] == [
        ("tenant.add", "import", NOW)
    ] * 2
    assert workspace.dirty
    assert "tenants" not in saved().import_mappings


def test_a_plan_with_errors_is_refused_whole_unless_skip_bad(workspace, tmp_path):
    plan = plan_tenants(write(tmp_path, HEADER + GOOD + BAD), workspace.data)
    before = (len(workspace.data.tenants), len(workspace.data.audit))
    with pytest.raises(ImportRefused) as refused:
        apply_import(workspace, plan, now=NOW)
    assert "regel" in refused.value.message
    assert (len(workspace.data.tenants), len(workspace.data.audit)) == before
    assert "tenants" not in workspace.data.import_mappings and not workspace.dirty
    result = apply_import(workspace, plan, now=NOW, skip_bad=True)
    assert (result.added, result.skipped_bad) == (2, 1)


def test_only_duplicates_changes_nothing(workspace, tmp_path):
    path = write(tmp_path, HEADER + GOOD)
    apply_import(workspace, plan_tenants(path, workspace.data), now=NOW)
    workspace.dirty = False
    del workspace.data.import_mappings["tenants"]
    result = apply_import(workspace, plan_tenants(path, workspace.data), now=NOW)
    assert result.added == 0 and result.duplicates == 2
    assert "tenants" not in workspace.data.import_mappings and not workspace.dirty


def test_bank_import_records_matched_and_assigned_lines(workspace, saved):
    statement = read_statement(demo_statements()[0])
    plan = plan_bank_import(workspace.data, statement, today=TODAY)
    suggestion = plan.suggested[0]
    chosen = suggestion.candidates[0]
    result = record_bank_import(workspace, plan, [Assignment(suggestion.identity, chosen)], now=NOW)
    assert len(result.payments) == len(plan.matched) + 1
    assert (chosen, workspace.data.tenant(chosen).payments[-1].id) in result.payments
    entry = workspace.data.audit[-1]
    assert (entry.action, entry.actor, entry.at) == ("bank.import", "import", NOW)
    assert workspace.dirty
    assert not any(p.bank_ref == suggestion.identity for p in saved().tenant(chosen).payments)


def test_bank_import_refuses_an_assignment_outside_the_plan(workspace):
    plan = plan_bank_import(workspace.data, read_statement(demo_statements()[0]), today=TODAY)
    before = workspace.data.model_dump()
    with pytest.raises(ValueError, match="bestaat niet"):
        record_bank_import(
            workspace, plan, [Assignment(plan.unmatched[0].identity, "nobody")], now=NOW
        )
    assert workspace.data.model_dump() == before and not workspace.dirty


def test_a_statement_read_before_records_nothing(workspace):
    statement = read_statement(demo_statements()[0])
    record_bank_import(workspace, plan_bank_import(workspace.data, statement, today=TODAY), now=NOW)
    workspace.dirty = False
    again = plan_bank_import(workspace.data, statement, today=TODAY)
    result = record_bank_import(workspace, again, now=NOW)
    assert result.payments == [] and not workspace.dirty
