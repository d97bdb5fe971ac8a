"""Peak memory at 10,000 tenants: unlock, agenda, tenant list, one save and one dossier in one fresh process.

``python -m benchmarks.memory DATA_DIR PASSPHRASE`` runs the real app headless (``run_test``),
unlocks the vault, waits for the tenant list, computes the agenda, records one payment and waits
for its save (the app's worker), builds the evidence dossier (content and PDF) of the tenant with
the longest file, and prints the process's peak resident set size (``ru_maxrss``) in MB, after a
line with the peak so far at the end of each phase (shown in the result's note). The baseline is
the same interpreter after importing Textual and the app and starting a bare Textual app (what
any run costs before any data). The vault is made with the cheap KDF; the default Argon2id
briefly takes 64 MiB of its own (reported separately: it is freed before the data is decoded).
"""

from __future__ import annotations

import asyncio
import os
import resource
import subprocess
import sys
from pathlib import Path

GOAL_MB = 150
ROOT = Path(__file__).resolve().parent.parent


def _maxrss_mb() -> float:
    """Peak resident memory of this process in MB.

    Linux: ``VmHWM`` from ``/proc/self/status``, because ``ru_maxrss`` survives ``execve`` and would
    report the (large) benchmark runner that started this process.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


PHASE = "phase\t"


def _phase(name: str) -> None:
    """Note the peak so far after one phase (the parent puts the phases in the result's note)."""
    print(f"{PHASE}{name}\t{_maxrss_mb():.0f}", flush=True)


async def _full(data_dir: str, passphrase: str) -> None:
    import datetime as dt
    from decimal import Decimal

    from benchmarks.tui import open_tenant_list
    from lcv_tui.clock import FixedClock
    from lcv_tui.domain import actions
    from lcv_tui.domain.dossier import build_dossier
    from lcv_tui.exports.dossier_pdf import render_dossier_pdf
    from lcv_tui.paths import Locations
    from lcv_tui.tui.app import make_app

    today = dt.date(2026, 11, 23)
    app = make_app(
        Locations(Path(data_dir)),
        FixedClock.on(today),
        passphrase=passphrase,
        animation_level="none",
    )
    async with app.run_test(size=(120, 36)) as pilot:
        await open_tenant_list(app)
        await pilot.pause()
        _phase("unlock + tenant list")
        workspace = app.workspace
        assert workspace is not None
        assert app.agenda_items() is not None
        _phase("agenda")
        busiest = max(workspace.data.tenants, key=lambda t: (len(t.events), len(t.payments)))
        actions.record_payment(
            workspace.data,
            busiest.id,
            today,
            Decimal("10.00"),
            now=app.clock.now(),
            actor=workspace.actor,
        )
        app.commit(success=None)
        await app.saved()
        assert not workspace.dirty, app.save_error
        _phase("save")
        dossier = build_dossier(workspace.data, busiest.id, today, whole_file=True)
        _phase("dossier")
        pdf = render_dossier_pdf(dossier)
        assert pdf.startswith(b"%PDF")
        _phase("PDF")
        await pilot.pause()


async def _bare() -> None:
    from textual.app import App

    import lcv_tui.tui.app  # noqa: F401 - the app's own import cost belongs to the baseline

    async with App().run_test(size=(120, 36)) as pilot:
        await pilot.pause()


def _kdf() -> None:
    from lcv_tui.store import kdf

    kdf.derive("benchmark wachtzin lang genoeg", b"0123456789abcdef", kdf.DEFAULT_KDF)


def spawn(args: list[str]) -> float:
    return spawn_with_phases(args)[0]


def spawn_with_phases(args: list[str]) -> tuple[float, list[tuple[str, str]]]:
    """The child's peak in MB, and the peak so far after each of its phases."""
    env = dict(
        os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring", PYTHONPATH=str(ROOT)
    )
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.memory", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"memory child {args} failed: {done.stderr[-2000:]}")
    lines = done.stdout.strip().splitlines()
    phases = [tuple(line.split("\t")[1:3]) for line in lines if line.startswith(PHASE)]
    return float(lines[-1]), [(name, mb) for name, mb in phases]


def run(count: int = 10_000):
    import tempfile

    from benchmarks.store import PASSPHRASE, make_vault
    from benchmarks.timing import Result

    with tempfile.TemporaryDirectory(prefix="lcv-bench-") as tmp:
        locations, _ = make_vault(Path(tmp) / "data", count)
        full, phases = spawn_with_phases(["full", str(locations.data_dir), PASSPHRASE])
    bare = spawn(["bare"])
    kdf = spawn(["kdf"])
    return [
        Result(
            "peak memory: unlock + agenda + tenant list + save + dossier",
            count,
            full,
            bare,
            goal=f"≤ {GOAL_MB} MB",
            passed=full <= GOAL_MB,
            unit="MB",
            note="peak RSS (VmHWM) of a fresh process; baseline: bare Textual app with lcv_tui "
            "imported; peak after each phase: " + ", ".join(f"{n} {mb} MB" for n, mb in phases),
        ),
        Result(
            "peak memory: default KDF alone",
            None,
            kdf,
            None,
            unit="MB",
            note="Argon2id 64 MiB, freed before decoding",
        ),
    ]


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "full":
        asyncio.run(_full(sys.argv[2], sys.argv[3]))
    elif mode == "bare":
        asyncio.run(_bare())
    elif mode == "kdf":
        _kdf()
    print(f"{_maxrss_mb():.1f}")
