"""Calendar arithmetic, the audit chain, and path resolution."""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain import audit
from lcv_tui.domain.calendar import (
    add_months,
    add_working_days,
    easter_sunday,
    is_working_day,
    public_holidays,
)
from lcv_tui.paths import Locations


def test_easter_and_holidays():
    assert easter_sunday(2026) == dt.date(2026, 4, 5)
    assert easter_sunday(2027) == dt.date(2027, 3, 28)
    holidays = public_holidays(2026)
    assert holidays[dt.date(2026, 4, 6)] == "Tweede Paasdag"
    assert holidays[dt.date(2026, 5, 14)] == "Hemelvaartsdag"
    assert holidays[dt.date(2026, 5, 25)] == "Tweede Pinksterdag"
    assert dt.date(2026, 4, 27) in holidays and dt.date(2026, 5, 5) in holidays
    assert public_holidays(2025)[dt.date(2025, 4, 26)] == "Koningsdag"  # 27 April 2025 was a Sunday


def test_working_days_skip_weekends_and_holidays():
    assert not is_working_day(dt.date(2026, 12, 25))
    assert add_working_days(dt.date(2026, 12, 24), 1) == dt.date(2026, 12, 28)
    assert add_working_days(dt.date(2026, 11, 20), 2) == dt.date(2026, 11, 24)


def test_add_months_clamps_to_month_end():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2026, 11, 5), 2) == dt.date(2027, 1, 5)


def test_audit_chain_detects_edits_removals_and_insertions():
    log = audit.AuditLog()
    at = dt.datetime(2026, 11, 23, 9)
    for i in range(5):
        audit.append(
            log,
            at=at,
            action=f"event.test{i}",
            tenant_id="t1",
            ref=f"e{i}",
            content=audit.digest(str(i)),
        )
    assert audit.verify(log) == []
    edited = list(log)
    edited[2] = edited[2].model_copy(update={"action": "event.other"})
    assert audit.verify(edited)
    assert audit.verify(log[:2] + log[3:])
    assert not any("t1" in e.digest for e in log)


def test_locations_resolve_from_argument_then_env(tmp_path, monkeypatch):
    monkeypatch.setenv("LCV_TUI_DATA_DIR", str(tmp_path / "env"))
    assert Locations.resolve().data_dir == tmp_path / "env"
    assert Locations.resolve(tmp_path / "arg").data_dir == tmp_path / "arg"
    monkeypatch.delenv("LCV_TUI_DATA_DIR")
    assert Locations.resolve().data_dir.name == "lcv-tui"
