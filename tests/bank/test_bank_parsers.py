"""Reading bank statements: every format, recognised by content, and nothing else."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pytest
from bank_support import GOLDEN
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lcv_tui.domain.bank import transaction_identities
from lcv_tui.exports import bank
from lcv_tui.exports.bank import BankFileError, demo_statements, parse_statement, read_statement

OWN = "NL91ABNA0417164300"
DEMO_EXPECTED = [
    # booked, amount, counter IBAN, counter name, description, reversal
    ("2026-11-03", "1040.00", "NL08DEMO0100001003", "M. 't Hart", "Huur oktober", False),
    (
        "2026-11-05",
        "990.00",
        "NL48DEMO0100006006",
        "A.M. de Vries-Kok",
        "Huur H-1006 september",
        False,
    ),
    ("2026-11-09", "815.00", "NL84DEMO0100007007", "J. Bakker", "Huur Emmastraat", False),
    (
        "2026-11-10",
        "150.00",
        "NL04DEMO0100009999",
        "Stichting Voorbeeldfonds",
        "Bijdrage bewonersavond",
        False,
    ),
    (
        "2026-11-12",
        "-865.50",
        "NL78DEMO0100001004",
        "E. Ozturk",
        "Storno incasso huur oktober MD06",
        True,
    ),
    (
        "2026-11-16",
        "-245.00",
        "NL27DEMO0100004444",
        "Installatiebedrijf Voorbeeld",
        "Onderhoud cv-ketel factuur 2026-311",
        False,
    ),
    ("2026-11-20", "845.00", "NL13DEMO0100001010", "R. Dijkstra", "huur november", False),
]


def _summary(statement):
    return [
        (
            t.booked.isoformat(),
            str(t.amount),
            t.counter_iban,
            t.counter_name,
            t.description,
            t.reversal,
        )
        for t in statement.transactions
    ]


def test_demo_statements_one_per_format_all_alike():
    files = demo_statements()
    formats = [read_statement(path).format for path in files]
    assert formats == ["CAMT.053", "ING CSV", "MT940", "Rabobank CSV"]
    identities = set()
    for path in files:
        statement = read_statement(path)
        assert _summary(statement) == DEMO_EXPECTED, path.name
        assert statement.accounts == [OWN]
        assert statement.period == (dt.date(2026, 11, 3), dt.date(2026, 11, 20))
        identities.add(tuple(transaction_identities(statement.transactions)))
    # the same transactions in four formats have the same identities: never counted twice
    assert len(identities) == 1


def test_bank_references_where_the_format_has_them():
    by_name = {path.name: read_statement(path) for path in demo_statements()}
    assert by_name["demo-camt053.xml"].transactions[0].bank_ref == "DEMO0001"
    assert by_name["demo-mt940.sta"].transactions[1].bank_ref == "DEMO0002"
    assert by_name["demo-rabobank.csv"].transactions[6].bank_ref == "DEMO0007"
    assert by_name["demo-ing.csv"].transactions[0].bank_ref == ""


def test_format_is_recognised_from_content_not_extension(tmp_path):
    for path in demo_statements():
        renamed = tmp_path / "afschrift.txt"
        shutil.copy(path, renamed)
        assert read_statement(renamed).format == read_statement(path).format


def test_camt_later_version_batch_pending_foreign_and_reversal():
    statement = read_statement(GOLDEN / "camt053-001-08.xml")
    assert _summary(statement) == [
        (
            "2026-11-02",
            "925.00",
            "NL62DEMO0100001001",
            "P.J. van der Berg",
            "Huur november H-1001",
            False,
        ),
        ("2026-11-02", "780.00", "NL35DEMO0100001002", "S. de Jong", "H-1002", False),
        ("2026-11-04", "-925.00", "NL62DEMO0100001001", "P.J. van der Berg", "", True),
    ]
    assert [t.bank_ref for t in statement.transactions] == ["B1-A", "BATCH-1", "R-1"]


def test_ing_comma_variant():
    statement = read_statement(GOLDEN / "ing-comma.csv")
    assert statement.format == "ING CSV"
    assert _summary(statement) == [
        (
            "2026-11-02",
            "925.00",
            "NL62DEMO0100001001",
            "P.J. VAN DER BERG",
            "Huur november H-1001",
            False,
        ),
        (
            "2026-11-03",
            "-1234.56",
            "NL27DEMO0100004444",
            "Energieleverancier Voorbeeld",
            "Voorschot energie",
            False,
        ),
    ]


def test_mt940_ing_with_swift_blocks():
    statement = read_statement(GOLDEN / "mt940-ing.sta")
    assert _summary(statement) == [
        ("2026-11-03", "1040.00", "NL08DEMO0100001003", "M T HART", "Huur H-1003 nov", False)
    ]
    assert statement.accounts == [OWN] and statement.transactions[0].bank_ref == "00000000001005"


def test_mt940_rabobank_and_abn_amro_styles():
    rabo = read_statement(GOLDEN / "mt940-rabobank.sta")
    assert _summary(rabo) == [
        (
            "2026-11-02",
            "925.00",
            "NL62DEMO0100001001",
            "P.J. van der Berg",
            "Huur november H-1001",
            False,
        ),
        (
            "2026-11-03",
            "-780.00",
            "NL35DEMO0100001002",
            "S. de Jong",
            "Terugboeking incasso H-1002",
            True,
        ),
    ]
    assert rabo.accounts == [OWN]
    abn = read_statement(GOLDEN / "mt940-abnamro.sta")
    assert _summary(abn)[0] == (
        "2026-11-02",
        "845.00",
        "NL13DEMO0100001010",
        "R DIJKSTRA",
        "HUUR NOVEMBER",
        False,
    )
    card = abn.transactions[1]
    assert (
        card.amount == Decimal("-12.50")
        and "PARKEERGARAGE" in card.description
        and not card.reversal
    )


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt>
<AddtlNtryInf>&lol3;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt><Stmt>
<Ntry><Amt Ccy="EUR">1.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-02</Dt></BookgDt>
<AddtlNtryInf>&secret;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>"""


@pytest.mark.parametrize("attack", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_xml_entity_attacks_are_refused(attack):
    with pytest.raises(BankFileError) as caught:
        parse_statement(attack)
    assert "DTD of entiteiten" in caught.value.message and "geweigerd" in caught.value.message


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "geen bankafschrift"),
        (b"Naam;Adres\nJansen;Dorpsstraat 1\n", "geen bankafschrift"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "geen bankafschrift"),
        (b'<?xml version="1.0"?><Document xmlns="urn:camt.053"><Bk', "niet volledig leesbaar"),
        (b"<html><body>camt.053</body></html>", "geen CAMT.053"),
        (b":20:X\n:25:NL91ABNA0417164300\n:60F:C261101EUR1,00\n:61:26XX02C1,00NTRF\n", "MT940"),
        (
            b'"Datum";"Naam / Omschrijving";"Rekening";"Tegenrekening";"Af Bij";"Bedrag (EUR)"\n'
            b'"2026-13-45";"X";"";"";"Bij";"1,00"\n',
            "Regel 2",
        ),
    ],
)
def test_unreadable_files_get_a_dutch_message(content, words):
    with pytest.raises(BankFileError) as caught:
        parse_statement(content)
    assert words in caught.value.message


def test_missing_folder_and_too_large_files(tmp_path, monkeypatch):
    with pytest.raises(BankFileError, match="bestaat niet"):
        read_statement(tmp_path / "weg.xml")
    with pytest.raises(BankFileError, match="is een map"):
        read_statement(tmp_path)
    big = tmp_path / "groot.csv"
    big.write_bytes(b"x" * 2048)
    monkeypatch.setattr(bank, "MAX_BYTES", 1024)
    with pytest.raises(BankFileError, match="groter dan"):
        read_statement(big)


def test_progress_is_reported_while_reading():
    seen = []
    read_statement(demo_statements()[0], progress=lambda done, total: seen.append((done, total)))
    size = demo_statements()[0].stat().st_size
    assert seen and seen[-1] == (size, size)


_PREFIXES = [b""] + [path.read_bytes()[:300] for path in demo_statements()]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(prefix=st.sampled_from(_PREFIXES), noise=st.binary(max_size=400))
def test_random_bytes_never_crash(prefix, noise):
    """Any bytes, also behind a real statement's start: a statement or a Dutch error, never a traceback."""
    try:
        statement = parse_statement(prefix + noise)
    except BankFileError as exc:
        assert exc.message and exc.message[0].isupper()
    else:
        assert all(isinstance(t.amount, Decimal) for t in statement.transactions)


def test_mt940_amount_without_cents_has_the_same_identity_as_csv():
    mt940 = (
        b":20:X\n:25:NL91ABNA0417164300\n:28C:1\n:60F:C261101EUR0,\n"
        b":61:2611031103C1040,NTRFNONREF\n"
        b":86:/CNTP/NL08DEMO0100001003/DEMONL2A/M. 't Hart/UTRECHT/REMI/USTD//Huur oktober/\n"
        b":62F:C261103EUR1040,\n"
    )
    statement = parse_statement(mt940)
    assert statement.transactions[0].amount == Decimal("1040.00")
    csv = read_statement(demo_statements()[1])
    assert transaction_identities(statement.transactions) == transaction_identities(
        csv.transactions[:1]
    )


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.sampled_from([path.read_bytes() for path in demo_statements()]),
    start=st.integers(min_value=0, max_value=2000),
    length=st.integers(min_value=1, max_value=40),
    noise=st.binary(min_size=1, max_size=40),
)
def test_damaged_statements_never_crash(source, start, length, noise):
    """A real statement with a stretch replaced by random bytes: read, or a Dutch error."""
    start = min(start, len(source))
    damaged = source[:start] + noise + source[start + length :]
    try:
        parse_statement(damaged)
    except BankFileError as exc:
        assert exc.message and exc.message[0].isupper()


def test_ing_english_export():
    statement = read_statement(GOLDEN / "ing-english.csv")
    assert statement.format == "ING CSV"
    assert _summary(statement) == [
        ("2026-11-02", "845.00", "NL13DEMO0100001010", "R. Dijkstra", "huur november", False),
        ("2026-11-03", "-312.40", "", "Gemeente Voorbeeld", "OZB 2026", False),
    ]
