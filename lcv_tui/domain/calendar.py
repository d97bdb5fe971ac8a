"""Calendar arithmetic: months, working days, and the Dutch days that do not count.

Working days follow the Algemene termijnenwet (art. 3): Saturdays, Sundays and the generally
recognised holidays do not count — Nieuwjaarsdag, Tweede Paasdag, Koningsdag, 5 mei
(Bevrijdingsdag), Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag (Eerste Paas-
en Pinksterdag fall on a Sunday). Goede Vrijdag is not a recognised holiday under that act.

Post is delivered on other days than it is worked: PostNL delivers letters (brievenpost) from
Tuesday to Saturday since 2020 (Postwet 2009 and Postbesluit 2009 art. 4, as amended: delivery on
five days a week; PostNL, "Bezorgdagen post": "Brieven bezorgen wij van dinsdag tot en met
zaterdag"), and not on the public holidays above. ``add_delivery_days`` counts those days.

Every function here is a pure function of its (immutable, hashable) arguments, and the workflow
asks for the same few hundred dates for every case, so the answers are remembered (``lru_cache``).
"""

from __future__ import annotations

import calendar as _calendar
import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=4096)
def add_months(day: dt.date, months: int, *, day_of_month: int | None = None) -> dt.date:
    """Same day ``months`` later, clamped to the month's last day (31 jan + 1 → 28/29 feb)."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    last = _calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day_of_month or day.day, last))


def easter_sunday(year: int) -> dt.date:
    """Anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday_offset = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * weekday_offset) // 451
    month, day = divmod(h + weekday_offset - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> dict[dt.date, str]:
    """Generally recognised holidays of the Algemene termijnenwet for ``year``."""
    easter = easter_sunday(year)
    kingsday = dt.date(year, 4, 27)
    if kingsday.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        kingsday = dt.date(year, 4, 26)
    return {
        dt.date(year, 1, 1): "Nieuwjaarsdag",
        easter + dt.timedelta(days=1): "Tweede Paasdag",
        kingsday: "Koningsdag",
        dt.date(year, 5, 5): "Bevrijdingsdag",
        easter + dt.timedelta(days=39): "Hemelvaartsdag",
        easter + dt.timedelta(days=50): "Tweede Pinksterdag",
        dt.date(year, 12, 25): "Eerste Kerstdag",
        dt.date(year, 12, 26): "Tweede Kerstdag",
    }


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


@lru_cache(maxsize=4096)
def add_working_days(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``day`` (0 → ``day`` itself)."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


@lru_cache(maxsize=4096)
def next_working_day(day: dt.date) -> dt.date:
    """``day`` itself if it is a working day, else the first working day after it."""
    current = day
    while not is_working_day(current):
        current += dt.timedelta(days=1)
    return current


POSTNL_DELIVERY_WEEKDAYS = frozenset({1, 2, 3, 4, 5})
"""Tuesday (1) to Saturday (5): the days PostNL delivers letters (``datetime.weekday`` numbers)."""


def is_delivery_day(day: dt.date) -> bool:
    """PostNL delivers letters on ``day``: Tuesday to Saturday, not on a public holiday (see the module text)."""
    return day.weekday() in POSTNL_DELIVERY_WEEKDAYS and day not in public_holidays(day.year)


@lru_cache(maxsize=4096)
def add_delivery_days(day: dt.date, count: int) -> dt.date:
    """The ``count``-th PostNL delivery day after ``day`` (0 → ``day`` itself): a letter posted on
    ``day`` is delivered on the first, so "received on the second delivery day" is ``count=2``."""
    current = day
    remaining = count
    while remaining > 0:
        current += dt.timedelta(days=1)
        if is_delivery_day(current):
            remaining -= 1
    return current
