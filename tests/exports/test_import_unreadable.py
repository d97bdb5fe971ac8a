"""Unreadable import files give a Dutch ExportError, never another exception."""

from __future__ import annotations

import pytest

from lcv_tui.domain.models import VaultData
from lcv_tui.exports.files import ExportError
from lcv_tui.exports.imports import plan_tenants


@pytest.mark.parametrize(
    "payload",
    [b"achternaam;postcode\n\x81\x8d\x8f;1234 AB\n", b'achternaam;postcode\n"Jansen\x00;1234 AB\n'],
)
def test_undecodable_or_broken_csv_is_refused_in_dutch(tmp_path, payload):
    path = tmp_path / "huurders.csv"
    path.write_bytes(payload)
    try:
        plan = plan_tenants(path, VaultData())
    except ExportError as exc:
        assert "bestand" in exc.message.lower()
    else:
        assert not plan.ok


def test_unused_path_never_reuses_an_existing_name(tmp_path):
    from lcv_tui.exports.files import unused_path, write_private

    first = unused_path(tmp_path / "signalen-2026-11-23.xlsx")
    assert first.name == "signalen-2026-11-23.xlsx"
    write_private(first, b"x")
    second = unused_path(tmp_path / "signalen-2026-11-23.xlsx")
    assert second.name == "signalen-2026-11-23-2.xlsx"
    write_private(second, b"y")
    assert unused_path(first).name == "signalen-2026-11-23-3.xlsx"
