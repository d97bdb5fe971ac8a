"""Upload files: golden CSV, XLSX cell types, hostile values, data minimisation, the checker agrees."""

from __future__ import annotations

import dataclasses
import io
import os
from decimal import Decimal

import pytest
from export_support import FIXED_RECORDS, GOLDEN, record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lcv_testing import assert_mode

from lcv_tui.exports.check import check_csv_bytes, check_file, check_xlsx_bytes
from lcv_tui.exports.files import ExportError, write_private
from lcv_tui.exports.profiles import RIS_2021, WITHDRAWAL_2021, get_profile
from lcv_tui.exports.upload import (
    FORMULA_TRIGGERS,
    neutralise,
    render_upload,
    starts_with_trigger,
    write_upload,
)

LABELS = [
    "Achternaam",
    "Voorletters",
    "Straatnaam",
    "Huisnummer",
    "Huisnummer toevoeging",
    "Postcode",
    "Woonplaats",
    "Telefoonnummer 1",
    "E-Mailadres",
    "Aantal maanden achterstand",
    "Bedrag achterstand",
]
FAST = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def read_xlsx(data: bytes):
    from openpyxl import load_workbook

    return list(load_workbook(io.BytesIO(data)).active.iter_rows())


def read_csv(data: bytes, profile=RIS_2021):
    import csv

    assert data.startswith(b"\xef\xbb\xbf")
    return list(
        csv.reader(
            io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=profile.dialect.delimiter
        )
    )


def test_profile_layout():
    assert RIS_2021.key == "ris-2021" and RIS_2021.name == "RIS Matching — werkinstructie 2021"
    assert list(RIS_2021.labels()) == LABELS
    assert [c.label for c in RIS_2021.columns if c.mandatory] == [
        "Achternaam",
        "Huisnummer",
        "Postcode",
        "Aantal maanden achterstand",
        "Bedrag achterstand",
    ]
    with_extras = list(RIS_2021.labels(True))
    assert (
        with_extras[7:10] == ["Telefoonnummer 1", "Telefoonnummer 2", "Telefoonnummer 3"]
        and len(with_extras) == 13
    )
    dialect = RIS_2021.dialect
    assert (
        dialect.delimiter,
        dialect.encoding,
        dialect.line_terminator,
        dialect.decimal_separator,
    ) == (";", "utf-8-sig", "\r\n", ",")
    assert list(WITHDRAWAL_2021.labels()) == [
        "Klantnummer",
        "Postcode",
        "Huisnummer",
        "Huisnummer toevoeging",
    ]
    assert get_profile("intrekken-2021") is WITHDRAWAL_2021
    comma = RIS_2021.with_dialect(delimiter=",")
    assert comma.dialect.delimiter == "," and comma.columns == RIS_2021.columns


def test_golden_csv():
    assert render_upload(FIXED_RECORDS, fmt="csv") == (GOLDEN / "ris_2021.csv").read_bytes()
    assert (
        render_upload(FIXED_RECORDS, fmt="csv", extra_phone_columns=True)
        == (GOLDEN / "ris_2021_extra_phones.csv").read_bytes()
    )


def test_csv_dialect_is_settable_per_profile():
    profile = RIS_2021.with_dialect(
        delimiter=",", encoding="utf-8", line_terminator="\n", decimal_separator="."
    )
    data = render_upload(FIXED_RECORDS[:1], fmt="csv", profile=profile)
    assert data == (
        b"Achternaam,Voorletters,Straatnaam,Huisnummer,Huisnummer toevoeging,Postcode,Woonplaats,Telefoonnummer 1,"
        b"E-Mailadres,Aantal maanden achterstand,Bedrag achterstand\nde Vries,A.M.,,12,A,3511 AB,,0612345678,"
        b"a.devries@voorbeeld.nl,2,1700.00\n"
    )


def test_xlsx_cells_are_typed_and_never_formulas():
    rows = read_xlsx(render_upload(FIXED_RECORDS, fmt="xlsx", extra_phone_columns=True))
    header = [c.value for c in rows[0]]
    assert header == list(RIS_2021.labels(True))
    col = {label: i for i, label in enumerate(header)}
    first = rows[1]
    assert first[col["Postcode"]].value == "3511 AB" and first[col["Postcode"]].data_type == "s"
    assert first[col["Postcode"]].number_format == "@"
    assert first[col["Huisnummer"]].value == "12" and isinstance(
        first[col["Huisnummer"]].value, str
    )
    assert (
        first[col["Telefoonnummer 1"]].value == "0612345678"
        and first[col["Telefoonnummer 1"]].data_type == "s"
    )
    assert rows[2][col["Telefoonnummer 2"]].value == "0032470123456"
    months, amount = first[col["Aantal maanden achterstand"]], first[col["Bedrag achterstand"]]
    assert months.value == 2 and type(months.value) is int and months.data_type == "n"
    assert amount.value == 1700 and amount.data_type == "n" and amount.number_format == "0.00"
    assert rows[2][col["Bedrag achterstand"]].value == pytest.approx(850.50)
    for row in rows:
        for cell in row:
            assert cell.data_type != "f"
            assert (
                cell.value is None
                or not isinstance(cell.value, str)
                or not starts_with_trigger(cell.value)
            )
    assert rows[1][col["Straatnaam"]].value is None and rows[1][col["Woonplaats"]].value is None


def test_neutralise():
    for trigger in FORMULA_TRIGGERS:
        safe = neutralise(trigger + "=1+1")
        assert not starts_with_trigger(safe) and safe.startswith("'")
        if trigger not in "\t\r\n":
            assert safe == "'" + trigger + "=1+1"
    assert neutralise("  =cmd") == "'  =cmd"
    assert neutralise("de Vries") == "de Vries" and neutralise("") == ""
    assert neutralise("a\nb") == "a b"


def test_refuses_nonsense_numbers_and_empty_mandatory_fields():
    with pytest.raises(ExportError, match="Achternaam is leeg"):
        render_upload([record(achternaam="  ")], fmt="csv")
    with pytest.raises(ExportError, match="Postcode is leeg"):
        render_upload([record(postcode="\x01")], fmt="csv")
    with pytest.raises(ExportError, match="maanden"):
        render_upload([record(maanden=0)], fmt="csv")
    with pytest.raises(ExportError, match="bedrag"):
        render_upload([record(bedrag=Decimal("-1"))], fmt="xlsx")


def test_write_upload_private_file(tmp_path):
    old = os.umask(0)
    try:
        result = write_upload(
            FIXED_RECORDS, tmp_path / "nieuw" / "map" / "signalen.xlsx", fmt="xlsx"
        )
    finally:
        os.umask(old)
    assert result.rows == 3 and result.profile == "ris-2021"
    assert_mode(result.path, 0o600)
    assert_mode(result.path.parent, 0o700)
    assert_mode(result.path.parent.parent, 0o700)
    assert check_file(result.path).ok
    assert sorted(p.name for p in result.path.parent.iterdir()) == ["signalen.xlsx"]


def test_write_private_failures_leave_nothing(tmp_path):
    blocker = tmp_path / "bestand"
    blocker.write_text("x")
    with pytest.raises(ExportError) as info:
        write_private(blocker / "sub" / "a.csv", b"data")
    assert "Kan" in info.value.message and "niet schrijven" in info.value.message
    with pytest.raises(ExportError, match="map"):
        write_private(tmp_path, b"data")
    target = tmp_path / "ro"
    target.mkdir()
    target.chmod(0o500)
    try:
        if os.access(target, os.W_OK):  # running as root: permissions do not stop us
            pytest.skip("permissions are not enforced for this user")
        with pytest.raises(ExportError, match="schrijfrechten"):
            write_private(target / "a.csv", b"data")
        assert list(target.iterdir()) == []
    finally:
        target.chmod(0o700)


def test_write_private_replaces_atomically(tmp_path, monkeypatch):
    path = tmp_path / "a.csv"
    write_private(path, b"old")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(ExportError, match="schijf is vol"):
        write_private(path, b"new")
    assert path.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.csv"]


# --- hostile values --------------------------------------------------------------------------

HOSTILE = st.sampled_from(
    [
        '=HYPERLINK("http://x.example","klik")',
        "+31612345678",
        "@SUM(A1)",
        "-1",
        "\t=1+1",
        "\r=1",
        "\n@x",
        "＝1+1",
        "＋31",
        "－2",
        "＠SUM",
        "﹦1",
        "  =1+1",
        "a;b",
        'quote"s',
        "regel\neinde",
        "ë ĳ Öz",
        "'=al veilig",
        "=",
        "-",
        "+",
        "@",
    ]
)
TEXT = st.one_of(
    HOSTILE, st.text(max_size=12), st.builds(lambda a, b: a + b, HOSTILE, st.text(max_size=5))
)
# a mandatory field: something visible must remain after control characters become spaces
NAME = TEXT.filter(lambda s: neutralise(s).strip())
RECORDS = st.lists(
    st.builds(
        lambda name, initials, addition, email, phones, months, cents: record(
            achternaam=name,
            voorletters=initials,
            toevoeging=addition,
            email=email,
            telefoon=tuple(phones),
            maanden=months,
            bedrag=Decimal(cents) / 100,
        ),
        NAME,
        TEXT,
        TEXT,
        TEXT,
        st.lists(TEXT, max_size=3),
        st.integers(1, 120),
        st.integers(1, 10**8),
    ),
    min_size=1,
    max_size=5,
).map(
    lambda rs: [dataclasses.replace(r, huisnummer=str(i + 1)) for i, r in enumerate(rs)]
)  # one signal per address


def _clean_text(value: str) -> bool:
    return not starts_with_trigger(value) and not any(
        ord(ch) < 32 or ord(ch) == 127 for ch in value
    )


@FAST
@given(RECORDS, st.booleans())
def test_no_csv_cell_starts_with_a_trigger(records, extras):
    data = render_upload(records, fmt="csv", extra_phone_columns=extras)
    rows = read_csv(data)
    assert rows[0] == list(RIS_2021.labels(extras))
    assert len(rows) == len(records) + 1
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        assert all(_clean_text(cell) for cell in row), row
        assert row[rows[0].index("Straatnaam")] == "" and row[rows[0].index("Woonplaats")] == ""
    assert check_csv_bytes(data).ok, [str(p) for p in check_csv_bytes(data).problems]


@FAST
@given(RECORDS, st.booleans())
def test_no_xlsx_cell_starts_with_a_trigger(records, extras):
    data = render_upload(records, fmt="xlsx", extra_phone_columns=extras)
    rows = read_xlsx(data)
    assert [c.value for c in rows[0]] == list(RIS_2021.labels(extras))
    for row in rows[1:]:
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert _clean_text(cell.value), cell.value
    assert check_xlsx_bytes(data).ok, [str(p) for p in check_xlsx_bytes(data).problems]


@FAST
@given(RECORDS)
def test_csv_and_xlsx_hold_the_same_values(records):
    csv_rows = read_csv(render_upload(records, fmt="csv"))[1:]
    xlsx_rows = read_xlsx(render_upload(records, fmt="xlsx"))[1:]
    for csv_row, xlsx_row in zip(csv_rows, xlsx_rows, strict=True):
        for text, cell in zip(csv_row[:9], xlsx_row[:9], strict=True):
            assert text == (cell.value or "")
        assert int(csv_row[9]) == xlsx_row[9].value
        assert Decimal(csv_row[10].replace(",", ".")) == Decimal(str(xlsx_row[10].value)).quantize(
            Decimal("0.01")
        )
