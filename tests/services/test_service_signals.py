"""services.signals.record_signals: one signal per tenant, refusals in Dutch with the tenant's name."""

from __future__ import annotations

import datetime as dt

from lcv_testing import TODAY

from lcv_tui.domain.models import EventKind, Route
from lcv_tui.domain.sharing import select_signals
from lcv_tui.services.signals import GONE, record_signals

NOW = dt.datetime(2026, 11, 23, 10, 30)


def signals(tenant):
    return [e for e in tenant.events if e.kind == EventKind.SIGNAAL]


def test_records_each_ready_tenant_with_route_date_and_digest(workspace, saved):
    ready = [r.tenant_id for r in select_signals(workspace.data, TODAY).upload_records]
    assert ready
    before = len(workspace.data.audit)
    recorded, refused = record_signals(
        workspace, ready, Route.UPLOAD, on=TODAY, now=NOW, upload_sha256="ab" * 32
    )
    assert (recorded, refused) == (len(ready), [])
    for tenant_id in ready:
        (event,) = signals(workspace.data.tenant(tenant_id))
        assert (event.on, event.route, event.upload_sha256) == (TODAY, Route.UPLOAD, "ab" * 32)
    new = workspace.data.audit[before:]
    assert len(new) == len(ready)
    assert {(e.at, e.actor) for e in new} == {(NOW, "app")}
    assert workspace.dirty
    # the caller saves: nothing reached the disk
    assert all(not signals(saved().tenant(t)) for t in ready)


def test_refusals_name_the_tenant_and_the_rule_and_the_rest_is_recorded(workspace):
    selection = select_signals(workspace.data, TODAY)
    ready = selection.upload_records[0].tenant_id
    blocked, verdict = selection.excluded[0]
    recorded, refused = record_signals(
        workspace, (blocked.id, "gone", ready), Route.UPLOAD, on=TODAY, now=NOW
    )
    assert recorded == 1
    assert len(refused) == 2
    assert refused[0].startswith(f"{blocked.display_name}: ")
    assert verdict.blocking[0].article in refused[0]
    assert refused[1] == GONE
    assert not signals(workspace.data.tenant(blocked.id))


def test_nothing_recorded_leaves_the_workspace_clean(workspace):
    blocked, _ = select_signals(workspace.data, TODAY).excluded[0]
    before = len(workspace.data.audit)
    recorded, refused = record_signals(workspace, (blocked.id,), Route.WEBSITE, on=TODAY, now=NOW)
    assert recorded == 0 and len(refused) == 1
    assert not workspace.dirty and len(workspace.data.audit) == before


def test_the_date_is_the_callers_not_the_clock(workspace):
    ready = select_signals(workspace.data, TODAY).upload_records[0].tenant_id
    earlier = dt.date(2026, 11, 20)
    recorded, _ = record_signals(workspace, (ready,), Route.UPLOAD, on=earlier, now=NOW)
    assert recorded == 1
    assert signals(workspace.data.tenant(ready))[0].on == earlier
