"""LCV 2.2 end to end at the file: an objection keeps the tenant out of every export; withdrawing it
brings the tenant back (the objection window of text 2 being over)."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from lcv_tui.domain import actions
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Channel
from lcv_tui.domain.sharing import select_signals
from lcv_tui.exports.profiles import RIS_2021
from lcv_tui.exports.upload import write_upload

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10)


def _surnames(path) -> list[str]:
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert list(rows[0]) == list(RIS_2021.labels())
    return [row[0] for row in rows[1:]]


def test_objection_excludes_from_the_file_and_withdrawal_brings_back(tmp_path):
    data = build_demo(TODAY)
    tenant = next(t for t in data.tenants if t.surname == "IJzerman")
    before = select_signals(data, TODAY)
    assert "IJzerman" in [r.achternaam for r in before.upload_records]

    actions.record_objection(
        data, tenant.id, TODAY, Channel.EMAIL, "bezwaar per e-mail", now=NOW, actor="app"
    )
    objected = select_signals(data, TODAY)
    assert "IJzerman" not in [r.achternaam for r in objected.records]
    reasons = {t.surname: [r.article for r in v.blocking] for t, v in objected.excluded}
    assert "LCV 2.2" in reasons["IJzerman"]
    if objected.upload_records:
        write_upload(
            objected.upload_records, tmp_path / "met-bezwaar.xlsx", fmt="xlsx", profile=RIS_2021
        )
        assert "IJzerman" not in _surnames(tmp_path / "met-bezwaar.xlsx")

    actions.withdraw_objection(
        data,
        tenant.id,
        TODAY,
        Channel.EMAIL,
        "bezwaar ingetrokken",
        now=NOW + dt.timedelta(hours=1),
        actor="app",
    )
    again = select_signals(data, TODAY)
    write_upload(again.upload_records, tmp_path / "na-intrekken.xlsx", fmt="xlsx", profile=RIS_2021)
    assert "IJzerman" in _surnames(tmp_path / "na-intrekken.xlsx")
