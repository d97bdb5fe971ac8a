"""What a signal shares (texts 1 and 2, agreed fields) and the shipped list of gemeenten."""

from __future__ import annotations

import datetime as dt
import pathlib
import re
from decimal import Decimal

from lcv_tui.domain import ledger, municipalities
from lcv_tui.domain.demo import build_demo
from lcv_tui.domain.models import Agreement, Meldpunt, Route, SharedField, Tenant
from lcv_tui.domain.sharing import (
    ANNOUNCED_DATA_PHRASE,
    ANNOUNCED_FIELDS,
    ANNOUNCED_SENTENCE,
    ANNOUNCED_TERMS,
    FIELD_LABELS,
    MANDATORY_FIELDS,
    NEVER_SHARED,
    select_signals,
    shared_fields_preview,
    signal_record,
)

# Tekst 1 and Tekst 2 of the werkinstructie (v1.0, May 2021), the sentence about the data shared.
WERKINSTRUCTIE_SENTENCE = (
    "In deze melding aan de gemeente verstrekken wij naast uw naam, huisnummer, postcode, aantal maanden "
    "achterstand en het bedrag achterstand, uw telefoonnummer en emailadres."
)
# The source document sits in shared/ beside the repository (as on the developers' machines and in CI).
SEED = (
    pathlib.Path(__file__).resolve().parents[2].parent
    / "shared"
    / "seeds"
    / "003_e4966dcf0aeb047a.txt"
)


def tenant(**fields) -> Tenant:
    base = {
        "klantnummer": "H-9",
        "surname": "de Vries",
        "initials": "A.",
        "street": "Oudegracht",
        "house_number": 12,
        "addition": "bis",
        "postcode": "3511 AB",
        "town": "Utrecht",
        "gemeente": "Utrecht",
        "phones": ["0612345678", "+32470123456"],
        "email": "a@voorbeeld.nl",
        "rent": Decimal("850.00"),
        "tenancy_start": dt.date(2026, 1, 1),
    }
    base.update(fields)
    return Tenant(**base)


def agreement(shared=None, meldpunt=Meldpunt.RIS_MATCHING) -> Agreement:
    kwargs = {} if shared is None else {"shared_fields": set(shared)}
    return Agreement(gemeente="Utrecht", meldpunt=meldpunt, signed_on=dt.date(2025, 1, 1), **kwargs)


def test_phrase_is_the_werkinstructie_text_and_matches_the_fields():
    assert ANNOUNCED_SENTENCE == WERKINSTRUCTIE_SENTENCE
    if SEED.exists():  # the source document, when the shared folder is there
        text = " ".join(SEED.read_text(encoding="utf-8").split())
        assert text.count(WERKINSTRUCTIE_SENTENCE) >= 2  # tekst 1 and tekst 2
    # every announced term appears in the phrase, in order, and nothing else is announced
    position = 0
    for term, _fields in ANNOUNCED_TERMS:
        found = ANNOUNCED_DATA_PHRASE.find(term, position)
        assert found >= 0, term
        position = found + len(term)
    words = set(re.findall(r"[a-z]+", ANNOUNCED_DATA_PHRASE)) - {
        "uw",
        "en",
        "het",
        "aantal",
        "achterstand",
    }
    assert words == {
        "naam",
        "huisnummer",
        "postcode",
        "maanden",
        "bedrag",
        "telefoonnummer",
        "emailadres",
    }
    assert {
        "achternaam",
        "voorletters",
        "huisnummer",
        "toevoeging",
        "postcode",
        "telefoon",
        "email",
        "maanden",
        "bedrag",
    } == ANNOUNCED_FIELDS
    assert MANDATORY_FIELDS <= ANNOUNCED_FIELDS
    assert {"straatnaam", "woonplaats"} == NEVER_SHARED


def test_street_and_town_are_never_shared_even_when_agreed():
    t = tenant()
    arrears = ledger.arrears(t, dt.date(2026, 3, 10))
    record = signal_record(t, agreement(set(SharedField)), arrears)
    assert record.straatnaam == "" and record.woonplaats == ""
    assert (
        record.voorletters == "A."
        and record.toevoeging == "bis"
        and record.telefoon == ("0612345678", "+32470123456")
    )
    assert (
        record.email == "a@voorbeeld.nl"
        and record.maanden == arrears.months
        and record.bedrag == arrears.amount
    )
    assert record.route == Route.UPLOAD and record.huisnummer == "12"


def test_optional_fields_only_when_agreed():
    t = tenant()
    arrears = ledger.arrears(t, dt.date(2026, 3, 10))
    record = signal_record(t, agreement(set()), arrears)
    assert (record.voorletters, record.toevoeging, record.telefoon, record.email) == (
        "",
        "",
        (),
        "",
    )
    assert (record.achternaam, record.huisnummer, record.postcode) == ("de Vries", "12", "3511 AB")
    only_phone = signal_record(t, agreement({SharedField.TELEFOON}), arrears)
    assert only_phone.telefoon and not only_phone.email and not only_phone.voorletters
    website = signal_record(t, agreement(meldpunt=Meldpunt.WEBSITE), arrears)
    assert website.route == Route.WEBSITE


def test_preview_lists_every_column_with_a_reason():
    t = tenant()
    rows = shared_fields_preview(
        t, agreement({SharedField.EMAIL}), ledger.arrears(t, dt.date(2026, 3, 10))
    )
    assert [label for label, _, _ in rows] == list(FIELD_LABELS.values())
    by_label = {label: (value, reason) for label, value, reason in rows}
    assert by_label["Straatnaam"] == (
        "",
        "Nooit gedeeld: tekst 1 en 2 noemen dit gegeven niet (dataminimalisatie).",
    )
    assert by_label["Voorletters"][0] == "" and "niet afgesproken" in by_label["Voorletters"][1]
    assert by_label["E-Mailadres"][0] == "a@voorbeeld.nl"
    assert by_label["Bedrag achterstand"][0] == "2550,00" and by_label["Postcode"][0] == "3511 AB"


def test_select_signals_on_the_demo():
    on = dt.date(2026, 11, 23)
    data = build_demo(on)
    selection = select_signals(data, on)
    assert selection.records, "the demo has a tenant ready to be signalled"
    for record in selection.records:
        assert record.straatnaam == "" and record.woonplaats == ""
    for _tenant, verdict in selection.excluded:
        assert not verdict.allowed and verdict.blocking
        assert all(reason.article and reason.text for reason in verdict.blocking)
    ids = {r.tenant_id for r in selection.records} | {t.id for t, _ in selection.excluded}
    assert len(ids) == len(selection.records) + len(selection.excluded)
    only = select_signals(data, on, gemeente="utrecht")
    assert all(r.gemeente == "Utrecht" for r in only.records)
    assert {r.tenant_id for r in selection.upload_records} | {
        r.tenant_id for r in selection.website_records
    } == {r.tenant_id for r in selection.records}


def test_municipality_list():
    names = municipalities.MUNICIPALITIES
    assert len(names) == 342 and len(set(names)) == 342
    assert municipalities.VERSION.startswith("CBS ")
    for merged in ("Brielle", "Hellevoetsluis", "Westvoorne", "Weesp", "Heerhugowaard"):
        assert merged not in names
    assert {"Voorne aan Zee", "Dijk en Waard", "Maashorst", "Land van Cuijk"} <= set(names)


def test_canonical_names():
    canonical = municipalities.canonical
    assert (
        canonical("'s-hertogenbosch")
        == canonical("s-Hertogenbosch")
        == canonical("’s-Hertogenbosch")
        == "'s-Hertogenbosch"
    )
    assert canonical("Den Bosch") == "'s-Hertogenbosch" and canonical("den haag") == "'s-Gravenhage"
    assert canonical("sudwest-fryslan") == canonical("SÚDWEST-FRYSLÂN") == "Súdwest-Fryslân"
    assert canonical("Noardeast-Fryslan") == "Noardeast-Fryslân"
    assert (
        canonical("Bergen (NH.)")
        == canonical("bergen nh")
        == canonical("Bergen (Noord-Holland)")
        == "Bergen (NH.)"
    )
    assert (
        canonical("Bergen (L.)")
        == canonical("Bergen (L)")
        == canonical("bergen (limburg)")
        == "Bergen (L.)"
    )
    assert canonical("Bergen") is None and canonical("") is None and canonical("Gotham") is None
    assert municipalities.is_municipality("utrecht") and not municipalities.is_municipality(
        "Brielle"
    )
    assert "Voorne aan Zee" in municipalities.unknown_message("Brielle")


def test_match_for_type_ahead():
    assert municipalities.match("berg")[:4] == [
        "Berg en Dal",
        "Bergeijk",
        "Bergen (L.)",
        "Bergen (NH.)",
    ]
    assert municipalities.match("bilt") == ["De Bilt"]
    assert "'s-Gravenhage" in municipalities.match("haag")
    assert municipalities.match("sud") == ["Súdwest-Fryslân"]
    assert len(municipalities.match("", limit=5)) == 5
