"""Letter texts: golden files, the werkinstructie's texts 1 and 2 verbatim, refusals, deadlines."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from letter_fixtures import make_landlord, make_tenant

from lcv_tui.domain import deadlines, ledger, sharing
from lcv_tui.domain.letters import (
    DEBT_HELP_WORDS,
    LetterRefused,
    build_letter,
    slug,
    tenant_information_text,
)
from lcv_tui.domain.models import Channel, EventKind, Payment, Settings

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("LCV_UPDATE_GOLDEN") == "1"

HERINNERING_ON = dt.date(2026, 11, 5)
AANMANING_ON = dt.date(2026, 11, 16)
SOMMATIE_ON = dt.date(2026, 12, 7)

# Werkinstructie v1.0, "Voorgestelde werkwijze", Tekst 1 — the link written out as a URL.
TEKST_1 = (
    "Wij willen voorkomen dat u door een betalingsachterstand in de problemen komt. Daarom werken we samen met de "
    "gemeente en maatschappelijke hulpverlening zodra uw betalingsachterstand is opgelopen tot meer dan 30 dagen. "
    "Als u de betalingsachterstand niet voldoet moeten wij u aanmelden bij de gemeente "
    "voor gemeentelijke schuldhulpverlening.",
    "In deze melding aan de gemeente verstrekken wij naast uw naam, huisnummer, postcode, aantal maanden achterstand "
    "en het bedrag achterstand, uw telefoonnummer en emailadres.",
    "Voor meer informatie: https://vroegsignaleringshv.nl/",
)

# Tekst 2 — with the landlord's objection address in place of the example.
TEKST_2 = (
    "Wij willen voorkomen dat u door een betalingsachterstand in de problemen komt. Daarom werken we samen met de "
    "gemeente en maatschappelijke hulpverlening. Een hulpverlener of de gemeente kan contact met u zoeken. Heeft u er "
    "bezwaar tegen dat wij uw gegevens delen? Laat het ons schriftelijk weten via een emailbericht aan "
    '"bezwaar@brouwer-vastgoed.nl"',
    "Als wij binnen 7 dagen na ontvangst van dit schrijven niets van u hebben vernomen, zullen wij u bij de gemeente "
    "aanmelden voor gemeentelijke schuldhulpverlening.",
    "In deze melding aan de gemeente verstrekken wij naast uw naam, huisnummer, postcode, aantal maanden achterstand "
    "en het bedrag achterstand, uw telefoonnummer en emailadres.",
    "Voor meer informatie: https://vroegsignaleringshv.nl/",
    "Indien u aangeeft bezwaar te hebben dat wij uw gegevens delen dan ziet u af van schuldhulpverlening. Als u geen "
    "bezwaar heeft gemaakt, melden wij u aan bij de gemeente voor schuldhulpverlening.",
)


def letter(kind, on, *, landlord=None, tenant=None, settings=None, channel=Channel.POST):
    tenant = tenant or make_tenant()
    return build_letter(
        kind,
        landlord=landlord or make_landlord(),
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=settings or Settings(),
        channel=channel,
    )


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("kind", "on"),
    [
        (EventKind.HERINNERING, HERINNERING_ON),
        (EventKind.AANMANING, AANMANING_ON),
        (EventKind.SOMMATIE, SOMMATIE_ON),
    ],
)
def test_golden_letters(kind, on):
    check_golden(f"{kind.value}.txt", letter(kind, on).text)


def test_golden_tenant_information():
    check_golden("informatie_huurder.txt", tenant_information_text(make_landlord()))


def test_herinnering_has_no_debt_help_text():
    made = letter(EventKind.HERINNERING, HERINNERING_ON)
    text = made.text.casefold()
    for word in (*DEBT_HELP_WORDS, "schuld", "bezwaar", "aanmelden"):
        assert word not in text, word
    assert not re.search(r"\bmelding", text)
    assert "€ 1.700,00" in made.text
    assert "Huur oktober 2026" in made.text and "Huur november 2026" in made.text
    # Posted Thursday 5 November, received on the second PostNL delivery day (Saturday 7 November);
    # 7 days after receipt is Saturday 14 November, so Monday 16 November (Algemene termijnenwet art. 1).
    assert (
        made.pay_by
        == deadlines.letter_pay_by(EventKind.HERINNERING, HERINNERING_ON, Channel.POST, Settings())
        == dt.date(2026, 11, 16)
    )
    assert "16 november 2026" in made.text
    assert "NL91 ABNA 0417 1643 00" in made.text
    assert made.objection_deadline is None and made.report_after is None


def test_aanmaning_contains_tekst_1_verbatim_with_privacy_link():
    made = letter(EventKind.AANMANING, AANMANING_ON)
    for paragraph in TEKST_1:
        assert paragraph in made.paragraphs
    assert (
        "Daarnaast verwijzen wij u naar ons Privacy statement (https://brouwer-vastgoed.nl/privacy) "
        "en de website van uw gemeente."
    ) in made.paragraphs
    # text 1 stays one block, in its order
    start = made.paragraphs.index(TEKST_1[0])
    assert made.paragraphs[start : start + 3] == TEKST_1


def test_privacy_sentence_verbatim_without_url():
    made = letter(EventKind.AANMANING, AANMANING_ON, landlord=make_landlord(privacy_url=""))
    assert (
        "Daarnaast verwijzen wij u naar ons Privacy statement en de website van uw gemeente."
        in made.paragraphs
    )


def test_sommatie_contains_tekst_2_verbatim_and_the_concrete_dates():
    made = letter(EventKind.SOMMATIE, SOMMATIE_ON)
    start = made.paragraphs.index(TEKST_2[0])
    block = made.paragraphs[start : start + 6]
    assert block[:4] == TEKST_2[:4]
    assert block[5] == TEKST_2[4]
    settings = Settings()
    assert (
        made.objection_deadline
        == deadlines.objection_deadline(SOMMATIE_ON, Channel.POST, settings)
        == dt.date(2026, 12, 16)
    )
    assert (
        made.pay_by
        == deadlines.letter_pay_by(EventKind.SOMMATIE, SOMMATIE_ON, Channel.POST, settings)
        == dt.date(2026, 12, 14)
    )
    assert made.report_after == dt.date(2026, 12, 16)
    assert "Als wij uiterlijk op 16 december 2026 niets van u hebben vernomen" in made.text
    assert "binnen 5 dagen na ontvangst van deze brief, uiterlijk op 14 december 2026" in made.text
    assert "€ 2.550,00" in made.text
    assert "voorbeeld" not in made.text and "vastgoedmanager.nl" not in made.text


def test_sommatie_by_email_and_a_longer_window():
    settings = Settings(objection_window_days=10, email_receipt_days=1)
    made = letter(EventKind.SOMMATIE, SOMMATIE_ON, settings=settings, channel=Channel.EMAIL)
    # 7 dec + 1 day receipt + 10 days = 18 dec (Friday)
    assert made.objection_deadline == dt.date(2026, 12, 18)
    assert (
        "Als wij binnen 10 dagen na ontvangst van dit schrijven niets van u hebben vernomen"
        in made.text
    )
    assert "uiterlijk op 18 december 2026" in made.text


def test_sommatie_handed_over_says_no_receipt_date():
    made = letter(EventKind.SOMMATIE, SOMMATIE_ON, channel=Channel.HAND)
    assert made.objection_deadline == dt.date(2026, 12, 14)
    assert "Wij gaan ervan uit" not in made.text


def test_sommatie_refused_without_objection_address():
    with pytest.raises(LetterRefused) as caught:
        letter(EventKind.SOMMATIE, SOMMATIE_ON, landlord=make_landlord(objection_email=""))
    message = caught.value.message
    assert "bezwaar" in message and "Instellingen" in message and "e-mailadres" in message.lower()


def test_letters_announce_exactly_what_a_signal_shares():
    for kind, on in ((EventKind.AANMANING, AANMANING_ON), (EventKind.SOMMATIE, SOMMATIE_ON)):
        made = letter(kind, on)
        assert made.text.count(sharing.ANNOUNCED_DATA_PHRASE) == 1
        assert sharing.ANNOUNCED_SENTENCE in made.paragraphs
    assert sharing.ANNOUNCED_DATA_PHRASE in tenant_information_text(make_landlord())


def test_no_letter_when_nothing_is_open():
    tenant = make_tenant(payments=[Payment(on=dt.date(2026, 11, 1), amount="1700.00")])
    with pytest.raises(LetterRefused):
        letter(EventKind.HERINNERING, HERINNERING_ON, tenant=tenant)
    with pytest.raises(LetterRefused):
        letter(EventKind.SIGNAAL, HERINNERING_ON)


def test_partial_payment_and_no_iban():
    tenant = make_tenant(payments=[Payment(on=dt.date(2026, 10, 3), amount="600.00")])
    made = letter(
        EventKind.HERINNERING, HERINNERING_ON, tenant=tenant, landlord=make_landlord(iban="")
    )
    assert "€ 250,00 (restant van € 850,00)" in made.text
    assert "€ 1.100,00" in made.text
    assert "op de rekening waarop u gewoonlijk de huur betaalt" in made.text


def test_address_block_filename_and_salutation():
    made = letter(EventKind.HERINNERING, HERINNERING_ON)
    assert made.recipient == ("M. van Dĳk-Öztürk", "Groenstraat 12 A", "7523 AB  Enschede")
    assert made.filename_stem == "2026-11-05_herinnering_van-dijk-ozturk"
    assert made.salutation == "Geachte heer/mevrouw Van Dĳk-Öztürk,"
    assert made.sender[0] == "Brouwer Vastgoedbeheer"
    assert "2311 EZ  Leiden" in made.sender
    assert slug("'t Hoëf") == "t-hoef"


def test_tenant_information_names_the_landlord():
    text = tenant_information_text(make_landlord(name="Verhuur Zoë de Boer"))
    assert text.startswith("Voorkomen en vroegsignalering van huurschulden\n")
    assert (
        "Verhuur Zoë de Boer wil voorkomen dat u door een betalingsachterstand in de problemen komt."
        in text
    )
    assert "VGM" not in text and "dan wel" not in text and "{" not in text
    assert "tenzij u hier bezwaar tegen maakt" in text
    assert "https://vroegsignaleringshv.nl/" in text


def test_tenant_information_meets_avg_article_13_in_plain_dutch():
    """Issue 13.10; AVG art. 13: controller and contact (lid 1 a), legal basis (lid 1 c: Wgs art. 3a and
    the Besluit), recipients (lid 1 e: gemeente and meldpunt), retention (lid 2 a), rights (lid 2 b),
    complaint to the Autoriteit Persoonsgegevens (lid 2 d), and how to object by e-mail and post
    (LCV 2.2). No stale dates, short sentences (B1)."""
    text = tenant_information_text(make_landlord(), retention_months=18)
    assert "Wij zijn verantwoordelijk" in text and "Ruïnelaan 4" in text
    assert "info@brouwer-vastgoed.nl" in text and "071 2345678" in text
    assert "artikel 3a van de Wet gemeentelijke schuldhulpverlening" in text
    assert "Besluit gemeentelijke schuldhulpverlening" in text
    assert "De gemeente waar u woont" in text and "digitale meldpunt" in text
    assert "tot 18 maanden nadat uw huur is geëindigd" in text
    assert "verbeteren of te verwijderen" in text
    assert "Autoriteit Persoonsgegevens" in text
    assert "per e-mail aan bezwaar@brouwer-vastgoed.nl" in text
    assert "per post aan Brouwer Vastgoedbeheer, Ruïnelaan 4, 2311 EZ Leiden." in text
    assert not re.search(r"\b(19|20)\d\d\b", text)  # no dates that go stale
    sentences = [s for s in re.split(r"[.?!]\s", text.replace("\n", " ")) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 40
