"""Promise 10: personal data never appears in log lines, the audit log or error output."""

from __future__ import annotations

import csv
import json
import shutil

from proof_support import EMAIL, NO_AGREEMENT, PASSPHRASE, SENTINELS, SURNAME, Run

from lcv_tui.exports.profiles import RIS_2021
from lcv_tui.paths import Locations
from lcv_tui.store.vault import Vault


def _leaks(text: str) -> list[str]:
    return [s for s in SENTINELS if s in text]


def _write_import(path) -> None:
    rows = [
        [
            "Klantnummer",
            "Achternaam",
            "Voorletters",
            "Straat",
            "Huisnummer",
            "Postcode",
            "Woonplaats",
            "Gemeente",
            "Huur",
            "Ingangsdatum",
            "E-mail",
        ],
        [
            "H-9001",
            SURNAME,
            "Q.",
            "Kerkstraat",
            "5",
            "3511 AB",
            "Utrecht",
            "Utrecht",
            "4321,09",
            "1-1-2026",
            EMAIL,
        ],
        # broken: the sentinel as postcode, an e-mail without a domain, a house number that is a name
        [
            "H-9002",
            SURNAME,
            "Q.",
            "Kerkstraat",
            SURNAME,
            SURNAME,
            "Utrecht",
            "Utrecht",
            "4321,09",
            "1-1-2026",
            "zzyx.sentinel@",
        ],
    ]
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def _write_broken_upload(path) -> None:
    dialect = RIS_2021.dialect
    labels = [c.label for c in RIS_2021.columns_for(False)]
    row = dict.fromkeys(labels, "")
    row.update(
        {
            "Achternaam": f'=HYPERLINK("http://x.example";"{SURNAME}")',
            "Voorletters": "Q.",
            "Huisnummer": SURNAME,
            "Postcode": SURNAME,
            "E-Mailadres": EMAIL,
            "Aantal maanden achterstand": "nul",
            "Bedrag achterstand": "4321,09",
        }
    )
    with open(path, "w", newline="", encoding=dialect.encoding) as handle:
        writer = csv.writer(
            handle, delimiter=dialect.delimiter, lineterminator=dialect.line_terminator
        )
        writer.writerow(labels)
        writer.writerow([row[label] for label in labels])


def _damage(source: Locations, target: Locations) -> None:
    shutil.copytree(source.data_dir, target.data_dir)
    raw = bytearray(target.vault_path.read_bytes())
    raw[-40] ^= 0x01  # inside the encrypted body: the AES-GCM tag check fails
    target.vault_path.write_bytes(bytes(raw))


def test_personal_data_never_in_logs_audit_or_stderr(
    run_cli, sentinel_vault, tmp_path, all_logs, capsys
):
    """README "Betrouwbaarheid en veiligheid", promise 10: personal data never appears in log lines, the audit
    log or error output — across init, agenda, export (made and nothing eligible), check of a broken file,
    import with a broken row, letters, dossier of an unknown name, a wrong passphrase and a damaged vault."""
    data_dir = str(sentinel_vault.data_dir)
    runs: dict[str, Run] = {}
    import_file = tmp_path / "huurders.csv"
    _write_import(import_file)
    broken_upload = tmp_path / "kapot.csv"
    _write_broken_upload(broken_upload)
    damaged = Locations(tmp_path / "beschadigd")
    _damage(sentinel_vault, damaged)

    runs["init"] = run_cli("init", "--data-dir", str(tmp_path / "nieuw"))
    runs["agenda"] = run_cli("agenda", "--data-dir", data_dir)
    runs["agenda --json"] = run_cli("agenda", "--json", "--data-dir", data_dir)
    runs["export signals"] = run_cli(
        "export",
        "signals",
        "--format",
        "csv",
        "--out",
        str(tmp_path / "uit" / "signalen.csv"),
        "--data-dir",
        data_dir,
    )
    runs["export signals, nothing eligible"] = run_cli(
        "export",
        "signals",
        "--gemeente",
        "Zeist",
        "--out",
        str(tmp_path / "uit" / "zeist.xlsx"),
        "--data-dir",
        data_dir,
    )
    runs["check broken file"] = run_cli("check", str(broken_upload))
    runs["import tenants, broken row"] = run_cli(
        "import", "tenants", str(import_file), "--data-dir", data_dir
    )
    runs["import tenants --skip-bad"] = run_cli(
        "import", "tenants", str(import_file), "--skip-bad", "--data-dir", data_dir
    )
    runs["letters"] = run_cli("letters", "--out", str(tmp_path / "brieven"), "--data-dir", data_dir)
    runs["dossier unknown name"] = run_cli(
        "dossier", "Qqqonbekend", "--out", str(tmp_path / "dossiers"), "--data-dir", data_dir
    )
    runs["dossier ambiguous name"] = run_cli(
        "dossier", SURNAME, "--out", str(tmp_path / "dossiers"), "--data-dir", data_dir
    )
    runs["wrong passphrase"] = run_cli(
        "agenda", "--data-dir", data_dir, passphrase="dit is niet de goede wachtzin"
    )
    runs["no passphrase"] = run_cli(
        "export",
        "signals",
        "--out",
        str(tmp_path / "x.csv"),
        "--data-dir",
        data_dir,
        passphrase=None,
    )
    runs["damaged vault"] = run_cli("agenda", "--data-dir", str(damaged.data_dir))

    # The flows really ran, failures included, so a clean stderr means something.
    codes = {name: run.code for name, run in runs.items()}
    assert (
        codes["init"] == 0
        and codes["agenda"] == 0
        and codes["export signals"] == 0
        and codes["letters"] == 0
    ), codes
    assert codes["import tenants --skip-bad"] == 0, runs["import tenants --skip-bad"]
    for failing in (
        "export signals, nothing eligible",
        "check broken file",
        "import tenants, broken row",
        "dossier unknown name",
        "dossier ambiguous name",
        "wrong passphrase",
        "no passphrase",
        "damaged vault",
    ):
        assert codes[failing] != 0, (failing, runs[failing])
        if failing != "check broken file":  # the check's report (with the problems) is its stdout
            assert runs[failing].err.strip(), f"{failing}: a failure says why on stderr"
    # Positive control: the sentinels are in the data, and stdout may show them where that is the point.
    assert SURNAME in runs["agenda"].out and SURNAME in runs["export signals, nothing eligible"].out
    upload = (tmp_path / "uit" / "signalen.csv").read_text(encoding="utf-8")
    assert SURNAME in upload and EMAIL in upload

    for name, run in runs.items():
        assert _leaks(run.err) == [], f"{name}: personal data on stderr: {run.err!r}"
    captured = capsys.readouterr()
    assert _leaks(captured.err) == [], f"personal data on the process's stderr: {captured.err!r}"
    lines = [f"{r.name}: {r.getMessage()}" for r in all_logs.records]
    leaking = [line for line in lines if _leaks(line)]
    assert leaking == [], (
        f"{len(leaking)} of {len(lines)} log lines hold personal data: {leaking[:3]}"
    )

    _, data = Vault.open(sentinel_vault, PASSPHRASE)
    imported = [t for t in data.tenants if t.klantnummer == "H-9001"]
    assert [t.surname for t in imported] == [SURNAME], (
        "the good row was imported, so the audit log had the chance to leak"
    )
    assert data.tenant(imported[0].id).email == EMAIL
    assert any(e.tenant_id == imported[0].id for e in data.audit)
    audit_text = [
        json.dumps(entry.model_dump(mode="json"), ensure_ascii=False) for entry in data.audit
    ]
    leaking_audit = [line for line in audit_text if _leaks(line)]
    assert leaking_audit == [], (
        f"{len(leaking_audit)} of {len(audit_text)} audit entries hold personal data: {leaking_audit[:2]}"
    )
    assert (
        NO_AGREEMENT in runs["export signals, nothing eligible"].out
        or SURNAME in runs["export signals, nothing eligible"].out
    )
