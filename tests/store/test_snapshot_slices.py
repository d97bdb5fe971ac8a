"""Issue 16.4: a save never blocks the UI for more than a frame. The snapshot the UI thread takes
comes in slices (``Vault.snapshot_steps``); ``Workspace.save_steps`` starts over when the data
changed between two slices, so the file always holds one moment's data."""

from __future__ import annotations

import time

from lcv_tui.domain import actions
from lcv_tui.store import sections
from lcv_tui.store.vault import Vault
from lcv_tui.store.workspace import Workspace


def _run(steps):
    """Drive a slice generator: (its result, how many times it yielded)."""
    yields = 0
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value, yields
        yields += 1


def test_slices_yield_between_tenants_and_give_the_same_snapshot(vault, data):
    assert len(data.tenants) >= 2
    whole = vault.snapshot(data)
    sliced, yields = _run(vault.snapshot_steps(data, slice_seconds=0))
    assert yields == len(data.tenants)  # a zero budget: a yield before every tenant line
    document = sections.ZSTD.decompress(b"".join(sliced.document))
    assert document == sections.ZSTD.decompress(b"".join(whole.document))
    assert document.count(b"\n") == 1 + len(data.tenants)
    assert (sliced.append, sliced.log_length, sliced.last) == (
        whole.append,
        whole.log_length,
        whole.last,
    )
    _, yields = _run(vault.snapshot_steps(data, slice_seconds=60))
    assert yields == 0  # a small vault fits in one slice


def test_a_slice_stays_within_its_budget(vault, data):
    """Each stretch between two yields ends once the budget is spent (one tenant line more at most)."""
    data.tenants[:] = data.tenants * 300  # many lines: the budget is reached several times
    steps = vault.snapshot_steps(data, slice_seconds=0.002)
    longest = 0.0
    while True:
        started = time.perf_counter()
        try:
            next(steps)
        except StopIteration:
            break
        longest = max(longest, time.perf_counter() - started)
    assert longest < 0.05  # 2 ms of budget and one more line; generous for a busy machine


def test_a_change_between_slices_starts_the_snapshot_over(
    vault, data, clock, locations, passphrase
):
    workspace = Workspace(vault, data, clock)
    tenant = data.tenants[0]  # its line is encoded before the change below
    steps = workspace.save_steps()
    real = vault.snapshot_steps
    vault.snapshot_steps = lambda d, **kw: real(d, slice_seconds=0)  # type: ignore[method-assign]
    next(steps)
    next(steps)  # suspended after the first tenant's line
    payment = actions.record_payment(
        data, tenant.id, clock.today(), "12.34", now=clock.now(), actor="test"
    )
    workspace.mark_dirty()
    pending, _ = _run(steps)
    assert pending.changes == workspace.changes and pending.audit_length == len(data.audit)
    workspace.write(pending)
    workspace.saved(pending)
    assert not workspace.dirty
    _, reopened = Vault.open(locations, passphrase)
    saved = next(t for t in reopened.tenants if t.id == tenant.id)
    assert payment.id in {p.id for p in saved.payments}
    assert len(reopened.audit) == len(data.audit)


def test_without_a_change_the_snapshot_is_taken_once(vault, data, clock):
    workspace = Workspace(vault, data, clock)
    taken = []
    real = vault.snapshot_steps

    def counting(d, **kw):
        taken.append(1)
        return real(d, slice_seconds=0)

    vault.snapshot_steps = counting  # type: ignore[method-assign]
    pending, yields = _run(workspace.save_steps())
    assert taken == [1] and yields == len(data.tenants)
    assert pending.changes == workspace.changes
