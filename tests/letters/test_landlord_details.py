"""The landlord's own details in the letters (issue 12.7) and co-tenants in the address (12.1)."""

from __future__ import annotations

import datetime as dt

import pytest
from letter_fixtures import make_landlord, make_tenant
from pydantic import ValidationError

from lcv_tui.domain import ledger
from lcv_tui.domain.letters import build_letter, letter_warnings
from lcv_tui.domain.models import Channel, CoTenant, EventKind, Landlord, Settings

ON = {
    EventKind.HERINNERING: dt.date(2026, 11, 5),
    EventKind.AANMANING: dt.date(2026, 11, 16),
    EventKind.SOMMATIE: dt.date(2026, 12, 7),
}


def letter(kind, *, landlord=None, tenant=None):
    tenant = tenant or make_tenant()
    return build_letter(
        kind,
        landlord=landlord or make_landlord(),
        tenant=tenant,
        arrears=ledger.arrears(tenant, ON[kind]),
        on=ON[kind],
        settings=Settings(),
        channel=Channel.POST,
    )


# --- the landlord's details -----------------------------------------------------------------


def test_iban_is_validated_and_written_in_groups_of_four():
    landlord = make_landlord(iban="nl91abna0417164300")
    assert landlord.iban == "NL91ABNA0417164300"
    made = letter(EventKind.HERINNERING, landlord=landlord)
    assert (
        "op rekeningnummer NL91 ABNA 0417 1643 00 ten name van Brouwer Vastgoedbeheer" in made.text
    )
    assert "IBAN NL91 ABNA 0417 1643 00" in made.sender


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("iban", "NL91 ABNA 0417 1643 01", "Dit IBAN klopt niet"),
        ("iban", "1234", "Dit IBAN klopt niet"),
        ("kvk", "1234567", "precies 8 cijfers"),
        ("kvk", "1234567a", "precies 8 cijfers"),
        ("privacy_url", "brouwer vastgoed", "Ongeldig webadres"),
        ("privacy_url", "ftp://brouwer.nl/privacy", "Ongeldig webadres"),
    ],
)
def test_landlord_details_refused_in_dutch(field, value, message):
    with pytest.raises(ValidationError, match=message):
        make_landlord(**{field: value})


def test_kvk_and_url_are_normalised():
    landlord = make_landlord(kvk="1234 5678", privacy_url="brouwer-vastgoed.nl/privacy")
    assert landlord.kvk == "12345678"
    assert landlord.privacy_url == "https://brouwer-vastgoed.nl/privacy"


def test_sender_carries_kvk_and_statutory_seat_when_given():
    plain = letter(EventKind.HERINNERING)
    assert not any("KvK" in line for line in plain.sender)
    company = make_landlord(kvk="12345678", statutory_seat="Leiden")
    made = letter(EventKind.HERINNERING, landlord=company)
    assert "KvK 12345678" in made.sender
    assert "Statutair gevestigd te Leiden" in made.sender


def test_objection_by_email_and_by_post():
    landlord = make_landlord(objection_address="Postbus 123, 2300 AC Leiden")
    made = letter(EventKind.SOMMATIE, landlord=landlord)
    assert '"bezwaar@brouwer-vastgoed.nl"' in made.text
    assert (
        "U kunt uw bezwaar ook per post sturen aan Brouwer Vastgoedbeheer, Postbus 123, 2300 AC Leiden."
        in made.paragraphs
    )


def test_objection_postal_address_falls_back_to_the_landlords_address_or_is_left_out():
    assert make_landlord().objection_postal_address == "Ruïnelaan 4, 2311 EZ Leiden"
    bare = Landlord(name="J. Verhuur", objection_email="bezwaar@verhuur.example")
    assert bare.objection_postal_address == ""
    made = letter(EventKind.SOMMATIE, landlord=bare)
    assert "per post sturen" not in made.text


def test_privacy_link_in_texts_1_and_2():
    made = letter(EventKind.AANMANING)
    assert "ons Privacy statement (https://brouwer-vastgoed.nl/privacy)" in made.text


# --- warnings before writing ------------------------------------------------------------------


def test_no_warnings_when_iban_and_privacy_link_are_there():
    assert letter_warnings(make_landlord(), EventKind) == ()


def test_warns_about_a_missing_iban_for_every_letter():
    warnings = letter_warnings(make_landlord(iban=""), [EventKind.HERINNERING])
    assert len(warnings) == 1 and "geen IBAN" in warnings[0]


def test_warns_about_a_missing_privacy_link_only_where_texts_1_and_2_refer_to_it():
    landlord = make_landlord(privacy_url="")
    assert letter_warnings(landlord, [EventKind.HERINNERING]) == ()
    for kind in (EventKind.AANMANING, EventKind.SOMMATIE):
        (warning,) = letter_warnings(landlord, [kind])
        assert "privacyverklaring" in warning


def test_no_letters_no_warnings():
    assert letter_warnings(make_landlord(iban="", privacy_url=""), []) == ()


# --- co-tenants -------------------------------------------------------------------------------


def test_co_tenants_in_the_address_block_and_salutation():
    tenant = make_tenant(co_tenants=[CoTenant(initials="P.", surname="de Boer")])
    made = letter(EventKind.HERINNERING, tenant=tenant)
    assert made.recipient[0] == "M. van Dĳk-Öztürk en P. de Boer"
    assert made.salutation == "Geachte heer/mevrouw Van Dĳk-Öztürk en heer/mevrouw De Boer,"
    assert made.text.count("Geachte") == 1


def test_long_names_go_on_lines_of_their_own():
    tenant = make_tenant(
        co_tenants=[
            CoTenant(initials="P.J.", surname="van den Heuvel-Schoonhoven"),
            CoTenant(surname="Bakker"),
        ]
    )
    made = letter(EventKind.SOMMATIE, tenant=tenant)
    assert made.recipient[:3] == (
        "M. van Dĳk-Öztürk",
        "en P.J. van den Heuvel-Schoonhoven",
        "en Bakker",
    )
    assert made.salutation == (
        "Geachte heer/mevrouw Van Dĳk-Öztürk en heer/mevrouw Van den Heuvel-Schoonhoven "
        "en heer/mevrouw Bakker,"
    )


def test_a_co_tenant_needs_a_surname():
    with pytest.raises(ValidationError, match="Achternaam van de medehuurder"):
        CoTenant(initials="P.", surname=" ")


# --- the CLI prints the warnings ----------------------------------------------------------------


def test_cli_letters_prints_the_warnings_before_writing(tmp_path, monkeypatch, locations):
    import io

    from lcv_tui.cli import main
    from lcv_tui.clock import FixedClock
    from lcv_tui.domain.models import VaultData
    from lcv_tui.store.vault import Vault

    passphrase = "correct paard batterij nietje"
    data = VaultData(landlord=make_landlord(iban="", privacy_url=""), tenants=[make_tenant()])
    Vault.create(locations, passphrase, data)
    monkeypatch.setenv("LCV_TUI_PASSPHRASE", passphrase)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["letters", "--out", str(tmp_path / "brieven"), "--data-dir", str(locations.data_dir)],
        clock=FixedClock.on(ON[EventKind.HERINNERING]),
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("Let op: Er is geen IBAN ingevuld")
    assert not any("privacyverklaring" in line for line in lines)  # a herinnering has no text 1
    assert len(list((tmp_path / "brieven").iterdir())) == 2
