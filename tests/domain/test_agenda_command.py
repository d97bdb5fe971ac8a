"""``lcv-tui agenda``: text grouped by urgency, JSON, and vault errors."""

from __future__ import annotations

import io
import json

from domain_builders import D

from lcv_tui.cli import main
from lcv_tui.commands.agenda import format_json, format_text
from lcv_tui.domain.agenda import agenda
from lcv_tui.domain.demo import build_demo


def test_format_text_groups_by_urgency():
    data = build_demo(D(2026, 11, 23))
    items = agenda(data, D(2026, 11, 23))
    text = format_text(items, D(2026, 11, 23))
    assert text.startswith("Agenda voor 23 november 2026")
    assert text.index("Te laat (") < text.index("Vandaag (") < text.index("Binnenkort (")
    assert "Signaal afgeven" in text and "[LCV 2.1 a]" in text
    assert format_text([], D(2026, 11, 23)).endswith(
        "Niets te doen: geen achterstanden of openstaande stappen."
    )
    payload = json.loads(format_json(items, D(2026, 11, 23)))
    assert payload["on"] == "2026-11-23" and len(payload["items"]) == len(items)
    assert payload["counts"]["overdue"] == sum(1 for i in items if i.urgency.value == "overdue")


def test_agenda_command_reads_the_vault(locations, clock, monkeypatch):
    from lcv_tui.store.vault import Vault

    Vault.create(locations, "geheime wachtzin voor de test", build_demo(clock.today()))
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "geheime wachtzin voor de test")
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["agenda", "--data-dir", str(locations.data_dir), "--json"], clock=clock, out=out, err=err
    )
    assert code == 0, err.getvalue()
    payload = json.loads(out.getvalue())
    assert payload["on"] == "2026-11-23" and payload["items"]
    out = io.StringIO()
    assert (
        main(
            ["agenda", "--data-dir", str(locations.data_dir), "--on", "2026-11-30"],
            clock=clock,
            out=out,
            err=err,
        )
        == 0
    )
    assert out.getvalue().startswith("Agenda voor 30 november 2026")


def test_agenda_command_reports_vault_errors(locations, clock):
    out, err = io.StringIO(), io.StringIO()
    code = main(["agenda", "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err)
    assert code == 2
    assert "kluis" in err.getvalue().lower() and out.getvalue() == ""
