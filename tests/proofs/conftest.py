"""Fixtures for the proof tests: a vault holding sentinel personal data, and the CLI run in-process.

The sentinels are values no Dutch text, path or digest contains by chance, so finding one in a
log line, the audit log or error output can only mean personal data leaked there.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import pathlib
import sys
from dataclasses import dataclass
from decimal import Decimal

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "tui"))  # tui_helpers, shared with the pilot tests

from lcv_tui import cli  # noqa: E402
from lcv_tui.domain.demo import build_demo  # noqa: E402
from lcv_tui.domain.models import VaultData  # noqa: E402
from lcv_tui.domain.workflow import Stage, case_for  # noqa: E402
from lcv_tui.paths import Locations  # noqa: E402
from lcv_tui.store.vault import Vault  # noqa: E402

PASSPHRASE = "sentinel wachtzin voor de bewijstest"
SURNAME = "Zzyxwortel"
EMAIL = "zzyx.sentinel@zzyxmail.example"
AMOUNT = Decimal("4321.09")
SENTINELS = (SURNAME, SURNAME.casefold(), EMAIL, "4321.09", "4321,09", "4.321,09")

# demo tenants that carry the sentinels: ready to be reported (upload route), a letter due, no agreement
READY, LETTER_DUE, NO_AGREEMENT = "H-1008", "H-1003", "H-1012"


def sentinel_data(today: dt.date) -> VaultData:
    """The demo data with the sentinel surname on three tenants, and the sentinel e-mail and rent on the one ready to report."""
    data = build_demo(today)
    by_number = {t.klantnummer: t for t in data.tenants}
    ready = by_number[READY]
    old_rent = ready.rent
    for payment in ready.payments:
        if payment.amount == old_rent:
            payment.amount = AMOUNT
    ready.rent = AMOUNT
    ready.email = EMAIL
    for number in (READY, LETTER_DUE, NO_AGREEMENT):
        by_number[number].surname = SURNAME
    stages = {n: case_for(by_number[n], today, settings=data.settings, agreement=data.agreement_for(by_number[n].gemeente)).stage
              for n in (READY, LETTER_DUE, NO_AGREEMENT)}
    assert stages == {READY: Stage.KLAAR, LETTER_DUE: Stage.TE_LAAT, NO_AGREEMENT: Stage.GEEN_OVEREENKOMST}, stages
    return data


@dataclass
class Run:
    code: int
    out: str
    err: str


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


@pytest.fixture
def umask_022():
    import os

    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)
