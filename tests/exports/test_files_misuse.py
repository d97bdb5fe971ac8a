"""No plaintext outside the vault and the files the user asked for; ``--out`` under misuse; purge
also removes the purged tenants' files (issue 14, points 4 and 7).

The docstrings name the README promise ("Betrouwbaarheid en veiligheid") each test guards.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
import tempfile
from decimal import Decimal

import pytest
from export_support import FIXED_RECORDS, record

from lcv_tui.cli import main
from lcv_tui.exports import cleanup
from lcv_tui.exports.files import ExportError, out_target, write_private
from lcv_tui.exports.profiles import RIS_2021
from lcv_tui.exports.upload import render_xlsx, write_upload


def run(argv, locations, clock):
    out, err = io.StringIO(), io.StringIO()
    code = main([*argv, "--data-dir", str(locations.data_dir)], clock=clock, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_the_xlsx_export_writes_no_temporary_file(demo_vault, clock, tmp_path, monkeypatch):
    """Promise: no plaintext on disk. With TMPDIR an empty folder, the XLSX exports (signals and
    withdrawals) leave it empty: the sheet is built in memory."""
    spy = tmp_path / "tmp"
    spy.mkdir()
    monkeypatch.setenv("TMPDIR", str(spy))
    monkeypatch.setattr(tempfile, "tempdir", str(spy))
    code, _out, err = run(
        ["export", "signals", "--out", str(tmp_path / "uit" / "signalen.xlsx")], demo_vault, clock
    )
    assert code == 0, err
    render_xlsx(FIXED_RECORDS, RIS_2021.columns_for(False), sheet_title="Intrekkingen")
    assert list(spy.iterdir()) == []
    assert [p.name for p in (tmp_path / "uit").iterdir()] == ["signalen.xlsx"]


def test_no_private_api_of_openpyxl_in_the_writers():
    """Promise: no plaintext on disk (the writer uses public APIs only: no ``_values_to_row`` or ``_value``)."""
    from pathlib import Path

    import lcv_tui.exports.upload as upload

    source = Path(upload.__file__).read_text(encoding="utf-8")
    assert "_values_to_row" not in source and "._value" not in source


def test_an_existing_file_is_replaced_only_with_force(demo_vault, clock, tmp_path):
    """Promise: ``--out`` never replaces a file unasked."""
    target = tmp_path / "signalen.xlsx"
    target.write_bytes(b"eerder bestand")
    code, _out, err = run(["export", "signals", "--out", str(target)], demo_vault, clock)
    assert code == 3 and "bestaat al" in err and "--force" in err
    assert target.read_bytes() == b"eerder bestand"
    code, _out, err = run(["export", "signals", "--out", str(target), "--force"], demo_vault, clock)
    assert code == 0, err and target.read_bytes()[:2] == b"PK"


def test_the_format_follows_the_extension_or_is_refused(demo_vault, clock, tmp_path):
    """Promise: ``--out`` writes the format its name says (``x.csv`` is never XLSX)."""
    target = tmp_path / "intrekkingen.csv"
    assert out_target(target, fmt=None, force=False)[1] == "csv"
    with pytest.raises(ExportError, match="hoort bij CSV"):
        out_target(target, fmt="xlsx", force=False)
    with pytest.raises(ExportError, match="extensie"):
        out_target(tmp_path / "signalen", fmt="xlsx", force=False)
    code, _out, err = run(
        ["export", "signals", "--out", str(tmp_path / "s.csv")], demo_vault, clock
    )
    assert code == 0, err
    assert (tmp_path / "s.csv").read_bytes()[:2] != b"PK"
    code, _out, err = run(
        ["export", "signals", "--format", "xlsx", "--out", str(tmp_path / "t.csv")],
        demo_vault,
        clock,
    )
    assert code == 3 and "hoort bij CSV" in err and not (tmp_path / "t.csv").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX fifo")
def test_never_a_non_regular_file(tmp_path):
    """Promise: ``--out`` never replaces a device node, a pipe or a folder."""
    fifo = tmp_path / "pijp.xlsx"
    os.mkfifo(fifo)
    folder = tmp_path / "map.xlsx"
    folder.mkdir()
    for target in (fifo, folder, "/dev/null"):
        with pytest.raises(ExportError, match="geen gewoon bestand|is een map|apparaat"):
            write_private(target, b"data")
        with pytest.raises(ExportError):
            out_target(
                str(target) if str(target).endswith(".xlsx") else f"{target}", fmt=None, force=True
            )
    assert stat.S_ISFIFO(fifo.stat().st_mode) and folder.is_dir()
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_export_in_use_is_retried_then_reported(tmp_path, monkeypatch):
    """Promise: a file open in another program (Windows) is retried, then reported in Dutch; the
    earlier file stays and no temporary file is left."""
    from lcv_tui import fsutil

    monkeypatch.setattr(fsutil, "REPLACE_PAUSES", (0.0, 0.0))
    calls = []

    def busy(src, dst):
        calls.append(dst)
        raise PermissionError(13, "in use")

    monkeypatch.setattr(os, "replace", busy)
    target = tmp_path / "signalen.xlsx"
    target.write_bytes(b"oud")
    with pytest.raises(ExportError, match="geopend in een ander programma"):
        write_private(target, b"nieuw")
    assert len(calls) == 3 and target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["signalen.xlsx"]


# --- purge removes the purged tenants' files --------------------------------------------------


def test_purge_removes_the_former_tenants_files_and_lists_them(locations, clock, monkeypatch):
    """Promise: after a purge no personal data of the former tenant stays in the data folder:
    letters, dossiers and upload files naming them are removed and listed."""
    from lcv_tui.domain.models import Payment, Tenant, VaultData
    from lcv_tui.store.vault import Vault

    def tenant(surname: str, number: int, postcode: str, **extra) -> Tenant:
        return Tenant(
            surname=surname,
            initials="J.",
            street="Kerkstraat",
            house_number=number,
            postcode=postcode,
            town="Utrecht",
            gemeente="Utrecht",
            rent=Decimal("875.50"),
            tenancy_start=dt.date(2020, 1, 1),
            **extra,
        )

    former = tenant("Oud-Huurder", 99, "9999 ZZ", tenancy_end=dt.date(2023, 12, 31))
    former.tenancy_start = dt.date(2023, 11, 1)
    former.payments += [
        Payment(on=dt.date(2023, 11, 1), amount=Decimal("875.50")),
        Payment(on=dt.date(2023, 12, 1), amount=Decimal("875.50")),
    ]
    data = VaultData(tenants=[tenant("Jansen", 1, "3511 AB"), former])
    stays = data.tenants[0]
    Vault.create(locations, "correct paard batterij nietje", data)
    letters, exports = locations.letter_dir, locations.export_dir
    letters.mkdir()
    exports.mkdir()
    gone = [
        letters / "2023-12-01_herinnering_oud-huurder.pdf",
        letters / "2023-12-01_herinnering_oud-huurder-2.txt",
        exports / "2023-12-20_bewijsdossier_oud-huurder.pdf",
    ]
    for path in gone:
        path.write_text("x")
    kept = letters / "2023-12-01_herinnering_jansen.pdf"
    kept.write_text("x")
    write_upload(
        [record(achternaam="Oud-Huurder", postcode="9999 ZZ")],
        exports / "signalen.xlsx",
        fmt="xlsx",
    )
    other = exports / "andere.csv"
    write_upload([record(achternaam="Jansen", postcode="3511 AB")], other, fmt="csv")
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", "correct paard batterij nietje")
    code, out, err = run(["purge", "--apply"], locations, clock)
    assert code == 0, err
    assert "Verwijderd uit de gegevensmap" in out
    for path in gone:
        assert not path.exists() and str(path) in out
    assert not (exports / "signalen.xlsx").exists() and other.exists() and kept.exists()
    remove, leave = cleanup.find_tenant_files(locations, [former], [stays])
    assert remove == [] and leave == []
