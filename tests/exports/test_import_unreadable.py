"""Unreadable import files give a Dutch ExportError, never another exception."""

from __future__ import annotations

import pytest

from lcv_tui.domain.models import VaultData
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.imports import plan_tenants


@pytest.mark.parametrize("payload", [b"achternaam;postcode\n\x81\x8d\x8f;1234 AB\n", b'achternaam;postcode\n"Jansen\x00;1234 AB\n'])
def test_undecodable_or_broken_csv_is_refused_in_dutch(tmp_path, payload):
    path = tmp_path / "huurders.csv"
    path.write_bytes(payload)
    try:
        plan = plan_tenants(path, VaultData())
    except ExportError as exc:
        assert "bestand" in exc.message.lower()
    else:
        assert not plan.ok
