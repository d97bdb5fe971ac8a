"""Cold start to the first interactive frame, in a fresh interpreter each time.

``python -m benchmarks.startup app DATA_DIR`` starts lcv-tui headless through the app factory
(what ``lcv-tui`` runs) and stops once the unlock screen is mounted, every worker started so far
has finished (the deferred work: the store's import, the first unlock attempt) and a frame has
been drawn after that; ``python -m benchmarks.startup baseline`` does the same for a minimal
Textual app (Header, DataTable, Footer). Two figures: the wall time from the parent starting the
process (interpreter start included) to that frame, and the CPU time the process used until then
(``time.process_time``: steadier than wall time on a shared machine, and the goal).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

GOAL_RATIO = 1.3
ROOT = Path(__file__).resolve().parent.parent


async def _exit_after_paint(pilot, ready) -> None:
    """Auto-pilot: exit once ``ready()`` holds and one more frame has been drawn after it."""
    import asyncio

    app = pilot.app
    while not ready() or any(worker.is_running for worker in app.workers):
        await asyncio.sleep(0.001)
    painted = asyncio.Event()
    app.call_after_refresh(painted.set)
    app.screen.refresh()
    await painted.wait()
    elapsed = time.time() - float(os.environ["LCV_BENCH_T0"])
    Path(os.environ["LCV_BENCH_OUT"]).write_text(f"{elapsed:.6f} {time.process_time():.6f}")
    os._exit(0)


def run_app(data_dir: str) -> None:
    import datetime as dt

    from lcv_tui.clock import FixedClock
    from lcv_tui.paths import Locations
    from lcv_tui.tui.app import make_app

    app = make_app(Locations(Path(data_dir)), FixedClock.on(dt.date(2026, 11, 23)))

    def ready() -> bool:
        screen = app.screen
        return (
            type(screen).__name__ == "UnlockScreen"
            and screen.is_mounted
            and bool(screen.query("#passphrase"))
        )

    app.run(headless=True, size=(120, 36), auto_pilot=lambda pilot: _exit_after_paint(pilot, ready))


def run_baseline() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Footer, Header

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield DataTable()
            yield Footer()

        def on_mount(self) -> None:
            self.query_one(DataTable).add_columns("Naam", "Adres", "Status")

    app = Minimal()
    app.run(
        headless=True,
        size=(120, 36),
        auto_pilot=lambda pilot: _exit_after_paint(
            pilot, lambda: app.screen.is_mounted and bool(app.screen.query(DataTable))
        ),
    )


def spawn(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one child until its first interactive frame."""
    import tempfile

    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        out = Path(tmp) / "elapsed"
        env = dict(
            os.environ,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONPATH=str(ROOT),
            LCV_BENCH_OUT=str(out),
            LCV_BENCH_T0=repr(time.time()),
        )
        env.pop("LCV_TUI_PASSPHRASE", None)
        done = subprocess.run(
            [sys.executable, "-m", "benchmarks.startup", *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=60,
        )
        if done.returncode != 0 or not out.exists():
            raise RuntimeError(
                f"startup child {args} failed: {done.stderr.decode(errors='replace')[-2000:]}"
            )
        wall, cpu = out.read_text().split()
        return float(wall), float(cpu)


def measure(data_dir: Path, repeat: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """Median (wall, CPU) seconds for lcv-tui and for the baseline, run interleaved so both see
    the same machine load."""
    import statistics

    spawn(["baseline"])  # warm the file cache and the .pyc files for both
    spawn(["app", str(data_dir)])
    ours, base = [], []
    for _ in range(repeat):
        base.append(spawn(["baseline"]))
        ours.append(spawn(["app", str(data_dir)]))

    def medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
        return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)

    return medians(ours), medians(base)


def run(repeat: int):
    import tempfile

    from benchmarks.store import make_vault
    from benchmarks.timing import Result

    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        locations, _ = make_vault(Path(tmp) / "data", 100)
        (ours_wall, ours_cpu), (base_wall, base_cpu) = measure(locations.data_dir, repeat)
    return [
        Result(
            "cold start: CPU to first interactive frame",
            None,
            ours_cpu,
            base_cpu,
            goal=f"≤ {GOAL_RATIO}×",
            passed=ours_cpu / base_cpu <= GOAL_RATIO,
            note="fresh interpreter, headless; unlock screen mounted, deferred work done, frame drawn",
        ),
        Result(
            "cold start: wall time to first interactive frame",
            None,
            ours_wall,
            base_wall,
            note="the same runs, wall time from the parent starting the process (informative)",
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1] == "app":
        run_app(sys.argv[2])
    elif sys.argv[1] == "baseline":
        run_baseline()
    else:
        raise SystemExit("usage: python -m benchmarks.startup app DATA_DIR | baseline")
