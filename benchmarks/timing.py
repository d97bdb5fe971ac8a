"""Small helpers shared by the benchmarks: medians of repeated runs and the result row."""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


def median_time(
    func: Callable[[], object], repeat: int, *, setup: Callable[[], object] | None = None
) -> float:
    """Median wall time of ``func()`` over ``repeat`` runs (``setup`` runs untimed before each).

    The result is freed after the clock stops: freeing a loaded 10,000-tenant vault (half a million
    objects) takes some 30 ms that belong to closing it, not to loading it.
    """
    times = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        gc.collect()
        start = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - start)
        del result
    return statistics.median(times)


def paired_medians(
    ours: Callable[[], object], baseline: Callable[[], object], repeat: int
) -> tuple[float, float]:
    """Median times of ``ours`` and ``baseline``, run alternately so both see the same machine load."""
    a, b = [], []
    for _ in range(repeat):
        b.append(median_time(baseline, 1))
        a.append(median_time(ours, 1))
    return statistics.median(a), statistics.median(b)


@dataclass
class Result:
    """One measured figure: ours against the baseline of the same run, and the goal it is held to."""

    name: str
    size: int | None
    seconds: float
    baseline: float | None
    goal: str = ""
    passed: bool | None = None  # None: no goal for this row (informative only)
    unit: str = "s"
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline <= 0:
            return None
        return self.seconds / self.baseline
