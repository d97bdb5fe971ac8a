"""The bulk withdrawal file is RIS Matching's ("meldingen intrekken", werkinstructie "Intrekken van
aangeleverde signalen"): a signal uploaded to VPS (BKR) is not put in it but listed for withdrawal
by hand in VPS, as a website signal is listed for the website."""

from __future__ import annotations

import io

from lcv_testing import PASSPHRASE, TODAY

from lcv_tui.cli import main
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Meldpunt, Route
from lcv_tui.exports.withdrawal import select_withdrawals, write_withdrawals
from lcv_tui.store.vault import Vault


def _utrecht_to_bkr(data) -> None:
    agreement = next(a for a in data.agreements if a.gemeente == "Utrecht")
    agreement.meldpunt = Meldpunt.BKR_VPS


def test_a_ris_signal_is_in_the_file_a_bkr_signal_is_withdrawn_by_hand(tmp_path):
    data = build_demo(TODAY)
    [record] = select_withdrawals(data, TODAY)
    assert record.route == Route.UPLOAD and record.meldpunt == Meldpunt.RIS_MATCHING
    assert record.by_file and "RIS Matching" in record.how
    assert write_withdrawals([record], tmp_path / "ris.csv", fmt="csv").rows == 1

    _utrecht_to_bkr(data)
    [record] = select_withdrawals(data, TODAY)
    assert record.meldpunt == Meldpunt.BKR_VPS
    assert not record.by_file and record.how == "in VPS (BKR), met de hand"
    assert write_withdrawals([record], tmp_path / "bkr.csv", fmt="csv").rows == 0


def test_the_cli_writes_no_file_for_a_bkr_signal_and_says_where_to_withdraw(
    locations, clock, tmp_path, monkeypatch
):
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", PASSPHRASE)
    data = build_demo(TODAY)
    _utrecht_to_bkr(data)
    Vault.create(locations, PASSPHRASE, data)
    target = tmp_path / "intrekken.csv"
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["export", "withdrawals", "--out", str(target), "--data-dir", str(locations.data_dir)],
        clock=clock,
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    assert not target.exists()
    text = out.getvalue()
    assert "trek in in VPS (BKR), met de hand" in text
    assert "geen intrekkingsbestand gemaakt" in text
