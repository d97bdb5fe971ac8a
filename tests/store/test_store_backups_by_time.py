"""Backups by time as well as by save (issue 12, point 6), with an injected clock.

Promise ("Betrouwbaarheid en veiligheid"): a busy hour never pushes out yesterday's copy: besides
the last saves, one backup per day for the last 14 days and one per week for the last 8 weeks stay.
"""

from __future__ import annotations

import datetime as dt

from lcv_tui.domain.models import Settings
from lcv_tui.store.vault import Backup, BackupPolicy, Vault, backups_to_keep, list_backups


class Clock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now


def test_a_busy_hour_never_pushes_out_yesterday(locations, passphrase, data):
    """Promise: backups by time. A day of saves, then 30 saves in one hour: the newest 5 of the
    hour and the last copy of each earlier day stay."""
    data.settings = Settings(backups_keep=5, backups_daily=14, backups_weekly=8)
    vault = Vault.create(locations, passphrase, data)
    clock = Clock(dt.datetime(2026, 11, 20, 9, 0))
    vault.clock = clock
    for day in range(3):  # three days with a few saves each
        for hour in (9, 12, 17):
            clock.now = dt.datetime(2026, 11, 20 + day, hour, 0)
            vault.save(data)
    for minute in range(30):  # a busy hour on the fourth day
        clock.now = dt.datetime(2026, 11, 23, 10, minute)
        vault.save(data)
    taken = [b.taken_at for b in list_backups(locations)]
    days = {t.date() for t in taken}
    assert {dt.date(2026, 11, d) for d in (20, 21, 22, 23)} <= days
    # the copy kept of each earlier day is that day's last (the one taken at its last save)
    assert dt.datetime(2026, 11, 22, 17, 0) in taken
    assert sum(1 for t in taken if t.date() == dt.date(2026, 11, 23)) == 5
    assert Vault.open(locations, passphrase)[1] == data


def _backups(moments: list[dt.datetime]) -> list[Backup]:
    from pathlib import Path

    items = [Backup(Path(f"kluis-{m:%Y%m%d-%H%M%S-%f}.lcv"), m, 1) for m in moments]
    return sorted(items, key=lambda b: b.taken_at, reverse=True)


def test_one_per_day_for_14_days_and_one_per_week_for_8_weeks():
    """Promise: backups by time (the policy itself, on a made-up history of a save every day at
    noon and 18:00 for 100 days)."""
    now = dt.datetime(2026, 11, 23, 20, 0)  # a Monday
    moments = [
        dt.datetime.combine(now.date() - dt.timedelta(days=d), dt.time(h))
        for d in range(100)
        for h in (12, 18)
    ]
    kept = backups_to_keep(_backups(moments), BackupPolicy(keep=3, daily=14, weekly=8), now)
    kept_times = sorted(dt.datetime.strptime(p.name[6:21], "%Y%m%d-%H%M%S") for p in kept)
    days = {t.date() for t in kept_times}
    assert all(now.date() - dt.timedelta(days=d) in days for d in range(14))
    weeks = {t.date() - dt.timedelta(days=t.weekday()) for t in kept_times}
    monday = now.date() - dt.timedelta(days=now.weekday())
    assert all(monday - dt.timedelta(weeks=w) in weeks for w in range(8))
    assert min(kept_times).date() >= monday - dt.timedelta(weeks=7)
    # at most: 3 newest + 14 days + 8 weeks, fewer where they coincide
    assert len(kept) <= 3 + 14 + 8
    # the setting switches the time rules off
    only_saves = backups_to_keep(_backups(moments), BackupPolicy(keep=3, daily=0, weekly=0), now)
    assert len(only_saves) == 3
