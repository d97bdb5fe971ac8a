"""Fixtures for the proof tests: a vault holding sentinel personal data, and the CLI run in-process."""

from __future__ import annotations

import io
import logging
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
sys.path.insert(
    0, str(pathlib.Path(__file__).parent.parent / "tui")
)  # tui_helpers, shared with the pilot tests

from proof_support import PASSPHRASE, Run, sentinel_data

from lcv_tui import cli
from lcv_tui.paths import Locations
from lcv_tui.store.vault import Vault


@pytest.fixture
def run_cli(clock, monkeypatch):
    """``run_cli(*argv, passphrase=...)`` runs ``lcv_tui.cli.main`` in-process with the fixed clock."""

    def run(*argv: str, passphrase: str | None = PASSPHRASE) -> Run:
        if passphrase is None:
            monkeypatch.delenv("LCV_TUI_PASSPHRASE", raising=False)
        else:
            monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
        out, err = io.StringIO(), io.StringIO()
        code = cli.main(list(argv), clock=clock, out=out, err=err)
        return Run(code, out.getvalue(), err.getvalue())

    return run


@pytest.fixture
def sentinel_vault(tmp_path, today) -> Locations:
    locations = Locations(tmp_path / "gegevens")
    Vault.create(locations, PASSPHRASE, sentinel_data(today))
    return locations


@pytest.fixture
def all_logs(caplog):
    """Every log record of every logger at DEBUG, also from loggers that do not propagate to the root."""
    caplog.set_level(logging.DEBUG)
    patched = []
    for logger in list(logging.Logger.manager.loggerDict.values()):
        if isinstance(logger, logging.Logger) and not logger.propagate:
            logger.addHandler(caplog.handler)
            patched.append(logger)
    yield caplog
    for logger in patched:
        logger.removeHandler(caplog.handler)
