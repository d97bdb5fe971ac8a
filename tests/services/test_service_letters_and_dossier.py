"""services.letters.due_letters and services.dossier.write_dossier: built or written, nothing recorded."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from lcv_testing import TODAY

from lcv_tui.domain.dossier import build_dossier
from lcv_tui.domain.models import EventKind
from lcv_tui.services.dossier import write_dossier
from lcv_tui.services.letters import NO_LANDLORD, due_letters


def test_the_letters_due_today_are_built_and_nothing_is_recorded(workspace):
    before = workspace.data.model_dump_json()
    due = due_letters(workspace, TODAY)
    assert [(t.surname, letter.kind) for t, letter in due.letters] == [
        ("'t Hart", EventKind.HERINNERING)
    ]
    assert due.refused == []
    assert workspace.data.model_dump_json() == before and not workspace.dirty


def test_a_refused_letter_carries_the_tenant_kind_and_dutch_reason(workspace):
    landlord = workspace.data.landlord
    workspace.data.landlord = landlord.model_copy(update={"objection_email": ""})
    due = due_letters(workspace, TODAY + dt.timedelta(days=14))
    (refusal,) = due.refused
    assert (refusal.tenant.surname, refusal.kind) == ("El Amrani", EventKind.SOMMATIE)
    assert "E-mailadres voor bezwaar" in refusal.message
    assert all(letter.kind != EventKind.SOMMATIE for _, letter in due.letters)
    assert len(due.letters) == 5


def test_no_letters_without_the_landlords_details(workspace):
    workspace.data.landlord = None
    with pytest.raises(ValueError, match="Instellingen › Verhuurder") as refused:
        due_letters(workspace, TODAY)
    assert str(refused.value) == NO_LANDLORD


def test_the_dossier_attaches_the_letters_kept_in_the_vault(workspace, tmp_path):
    from lcv_tui.store.documents import for_vault

    tenant = next(t for t in workspace.data.tenants if t.events)
    kept = b"%PDF-1.4 the letter as sent"
    letters = [e for e in tenant.events if e.kind == EventKind.HERINNERING]
    assert letters
    letters[0].document_sha256 = for_vault(workspace.vault).put(kept)
    if len(letters) > 1:
        letters[1].document_sha256 = hashlib.sha256(b"never stored").hexdigest()
    dossier = build_dossier(workspace.data, tenant.id, TODAY)
    paths, missing = write_dossier(workspace, dossier, tmp_path)
    assert all(path.parent == tmp_path and path.exists() for path in paths)
    attached = [p for p in paths if "bijlage-1" in p.name]
    assert [p.read_bytes() for p in attached] == [kept]
    assert len(missing) == len(letters[1:2])
    assert not workspace.dirty
