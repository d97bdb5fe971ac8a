"""Promise 9: the vault, backups, exports, letters and dossiers are 0600 and the data folder 0700,
whatever the umask."""

from __future__ import annotations

import stat

import pytest

pytestmark = pytest.mark.posix_only  # POSIX file modes; Windows protects the profile by the account


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_files_0600_and_data_folder_0700_under_umask_022(run_cli, tmp_path, umask_022):
    """README "Betrouwbaarheid en veiligheid", promise 9: with umask 022, everything the CLI writes that holds
    personal data — vault, backup, upload files (CSV and XLSX), the withdrawal file, letters (PDF and text) and
    dossiers (PDF and text) — is 0600, and the data folder it creates is 0700."""
    data_dir = tmp_path / "nieuw" / "gegevens"  # neither folder exists yet
    made = run_cli("demo", "--no-open", "--data-dir", str(data_dir), passphrase=None)
    assert made.code == 0, made
    run = lambda *argv: run_cli(*argv, "--data-dir", str(data_dir), passphrase="demo")  # noqa: E731
    out = tmp_path / "uit"
    results = {
        "signals xlsx": run(
            "export", "signals", "--format", "xlsx", "--out", str(out / "signalen.xlsx")
        ),
        "signals csv": run(
            "export", "signals", "--format", "csv", "--out", str(out / "signalen.csv")
        ),
        "withdrawals": run(
            "export", "withdrawals", "--format", "csv", "--out", str(out / "intrekkingen.csv")
        ),
        "letters": run("letters", "--out", str(out / "brieven")),
        "dossier": run("dossier", "H-1009", "--out", str(out / "dossiers")),
        "import (a save, so a backup)": run("import", "tenants", str(_tenant_file(tmp_path))),
    }
    assert {name: r.code for name, r in results.items()} == dict.fromkeys(results, 0), results

    assert _mode(data_dir) == 0o700
    files = {
        "vault": [data_dir / "kluis.lcv"],
        "backups": sorted((data_dir / "backups").iterdir()),
        "upload files": [out / "signalen.xlsx", out / "signalen.csv"],
        "withdrawal file": [out / "intrekkingen.csv"],
        "letters": sorted((out / "brieven").iterdir()),
        "dossiers": sorted((out / "dossiers").iterdir()),
    }
    assert {p.suffix for p in files["letters"]} >= {".pdf", ".txt"}
    assert {p.suffix for p in files["dossiers"]} >= {".pdf", ".txt"}
    for what, paths in files.items():
        assert paths, f"no {what} written"
        for path in paths:
            assert path.is_file() and _mode(path) == 0o600, (
                f"{what}: {path.name} is {oct(_mode(path))}"
            )
    for folder in (data_dir / "backups", out / "brieven", out / "dossiers"):
        assert _mode(folder) == 0o700, f"{folder.name} is {oct(_mode(folder))}"


def _tenant_file(tmp_path):
    path = tmp_path / "nieuw.csv"
    path.write_text(
        'Achternaam,Huisnummer,Postcode,Gemeente,Huur,Ingangsdatum\nPrins,4,3511 AB,Utrecht,"800,00",1-1-2026\n',
        encoding="utf-8",
    )
    return path
