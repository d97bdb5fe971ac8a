"""The evidence dossier: built from recorded events, each checked against the audit log."""

from __future__ import annotations

import datetime as dt
import os
import re
import weakref
from decimal import Decimal

import pytest
from lcv_testing import assert_mode
from letter_fixtures import make_landlord, make_tenant
from pypdf import PdfReader

from lcv_tui.domain import audit, ledger
from lcv_tui.domain.dossier import NOT_IN_LOG, build_dossier
from lcv_tui.domain.letters import build_letter
from lcv_tui.domain.models import (
    Agreement,
    AuditLog,
    Channel,
    Event,
    EventKind,
    FeedbackStatus,
    Meldpunt,
    Payment,
    Route,
    Settings,
    VaultData,
)
from lcv_tui.exports.dossier_pdf import write_dossier

ON = dt.date(2027, 3, 1)


def record(data: VaultData, tenant, event: Event, *, log: bool = True) -> Event:
    tenant.events.append(event)
    if log:
        audit.append(
            data.audit,
            at=dt.datetime.combine(event.on, dt.time(10)),
            action=f"record_{event.kind.value}",
            actor="app",
            tenant_id=tenant.id,
            ref=event.id,
            content=audit.digest(event.model_dump_json()),
        )
    return event


def letter_event(data, tenant, kind, on) -> Event:
    text = build_letter(
        kind,
        landlord=data.landlord,
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=data.settings,
    ).text
    return record(data, tenant, Event(kind=kind, on=on, channel=Channel.POST, letter_text=text))


def build_case() -> tuple[VaultData, object]:
    """A worked case: reminder, contact, demand, an unlogged debt-help step, summons, signal, help accepted."""
    tenant = make_tenant()
    data = VaultData(
        landlord=make_landlord(),
        settings=Settings(),
        tenants=[tenant],
        agreements=[
            Agreement(
                gemeente="Enschede", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2026, 1, 15)
            )
        ],
    )
    tenant = data.tenants[0]
    letter_event(data, tenant, EventKind.HERINNERING, dt.date(2026, 11, 5))
    record(
        data,
        tenant,
        Event(
            kind=EventKind.PERSOONLIJK_CONTACT,
            on=dt.date(2026, 11, 10),
            channel=Channel.TELEFOON,
            note="Gebeld; voicemail ingesproken met verzoek om terug te bellen.",
        ),
    )
    letter_event(data, tenant, EventKind.AANMANING, dt.date(2026, 11, 16))
    record(
        data,
        tenant,
        Event(
            kind=EventKind.SCHULDHULP_GEWEZEN,
            on=dt.date(2026, 11, 20),
            channel=Channel.BEZOEK,
            note="Folder schuldhulp afgegeven.",
        ),
        log=False,
    )
    letter_event(data, tenant, EventKind.SOMMATIE, dt.date(2026, 12, 7))
    record(
        data,
        tenant,
        Event(
            kind=EventKind.SIGNAAL,
            on=dt.date(2026, 12, 21),
            route=Route.UPLOAD,
            amount=Decimal("2550.00"),
            months=3,
        ),
    )
    record(
        data,
        tenant,
        Event(
            kind=EventKind.TERUGKOPPELING,
            on=dt.date(2027, 1, 11),
            feedback=FeedbackStatus.HULP_GEACCEPTEERD,
        ),
    )
    return data, tenant


@pytest.fixture
def case() -> tuple[VaultData, object]:
    return build_case()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_worked_case(case):
    data, tenant = case
    dossier = build_dossier(data, tenant.id, ON)
    text = dossier.text
    assert dossier.since == dt.date(2026, 10, 2)
    assert len(dossier.items) == 7
    assert not dossier.audit_problems
    # the one event never logged is flagged, the others are not
    missing = dossier.not_in_log
    assert [item.event.kind for item in missing] == [EventKind.SCHULDHULP_GEWEZEN]
    assert not dossier.verified
    assert "LET OP: 1 van de 7 gebeurtenissen staan niet (ongewijzigd) in het logboek" in text
    assert f"{NOT_IN_LOG}: deze gebeurtenis is nooit in het logboek vastgelegd" in text
    assert "Logboek: vastgelegd in regel 1 op 05-11-2026 10:00 (app)." in text
    # ledger position at each step
    assert (
        "Achterstand op 05-11-2026: € 1.700,00, 2 maanden, oudste onbetaalde vervaldatum 01-10-2026 (35 dagen)."
        in text
    )
    assert "Achterstand op 07-12-2026: € 2.550,00, 3 maanden" in text
    # LCV 2.1 a–d
    assert (
        "LCV 2.1 a — ten minste eenmaal een schriftelijke betalingsherinnering gestuurd: "
        "05-11-2026 (herinnering verstuurd)"
    ) in text
    assert "LCV 2.1 b — zich ingespannen om in persoonlijk contact te treden: 10-11-2026" in text
    assert "20-11-2026 (gewezen op schuldhulpverlening; niet in logboek)" in text
    # letters with date, channel and a copy of their text
    assert "Herinnering verstuurd op 05-11-2026, per post." in text
    assert "    | Betreft: Sommatie: betaling huurachterstand binnen 5 dagen" in text
    assert (
        "    | Heeft u er bezwaar tegen dat wij uw gegevens delen?" not in text
    )  # quoted line by line, wrapped as sent
    assert "bezwaar@brouwer-vastgoed.nl" in text
    # objection: none by the deadline of text 2
    assert (
        "Geen bezwaar ontvangen: de bezwaartermijn van de sommatie van 07-12-2026 liep tot en met 16-12-2026"
        in text
    )
    # the signal, its route, and two months after
    assert (
        "Signaal afgegeven op 21-12-2026 via uploadbestand (meldpunt RIS Matching "
        "(Inforing)): € 2.550,00, 3 maanden achterstand."
    ) in text
    # Advice for the landlord is on a page of its own, not in the exhibit (issue 13.7).
    assert "kantonrechters" not in text
    advice = dossier.advice_text
    assert "Geen onderdeel van het bewijsdossier." in advice
    assert (
        "Twee maanden na het signaal van 21-12-2026: 21-02-2027 (verstreken op 01-03-2027)."
        in advice
    )
    assert "kantonrechters" in advice and "incassobureau en deurwaarder on hold" in advice
    # feedback and the 30-day suspension
    assert "11-01-2027: terugkoppeling van de gemeente: Hulp geaccepteerd." in text
    assert "tot en met 10-02-2027 (afgelopen op 01-03-2027)" in text
    assert dossier.filename_stem == "2027-03-01_bewijsdossier_van-dijk-ozturk"


def test_event_changed_after_logging_is_flagged(case):
    data, tenant = case
    tenant.events[1].note = "Achteraf aangepast."
    dossier = build_dossier(data, tenant.id, ON)
    assert {item.event.kind for item in dossier.not_in_log} == {
        EventKind.PERSOONLIJK_CONTACT,
        EventKind.SCHULDHULP_GEWEZEN,
    }
    assert "gewijzigd na vastleggen" in dossier.text


def test_broken_audit_chain_is_reported(case):
    data, tenant = case
    lines = list(data.audit)
    lines[2] = lines[2].model_copy(
        update={"action": "iets anders"}
    )  # lines are frozen: tamper by replacing one
    data.attach_audit(AuditLog(lines))
    dossier = build_dossier(data, tenant.id, ON)
    assert dossier.audit_problems
    assert "LET OP: het logboek is niet intact." in dossier.text
    assert "Regel 3: inhoud gewijzigd na vastleggen." in dossier.text


def test_open_objection_window_and_pending_two_months(case):
    data, tenant = case
    dossier = build_dossier(data, tenant.id, dt.date(2026, 12, 10))
    text = dossier.text
    assert (
        "Nog geen bezwaar ontvangen; de bezwaartermijn van de sommatie van 07-12-2026 loopt tot en met 16-12-2026."
        in text
    )
    assert "Er is geen signaal vastgelegd." in text
    assert len(dossier.items) == 5  # events after the date are left out


def test_objection_is_shown(case):
    data, tenant = case
    record(
        data,
        tenant,
        Event(
            kind=EventKind.BEZWAAR,
            on=dt.date(2026, 12, 11),
            channel=Channel.EMAIL,
            note="Per e-mail.",
            recorded_at=dt.datetime(2026, 12, 12, 9, 30, tzinfo=dt.UTC),
        ),
    )
    text = build_dossier(data, tenant.id, dt.date(2026, 12, 12)).text
    # the date stated and when it was recorded, side by side (issue 13.7)
    assert (
        "11-12-2026: Bezwaar ontvangen (per e-mail). Vastgelegd op 12-12-2026 09:30. Notitie: Per e-mail."
        in text
    )
    assert "LCV 2.2" in text and "Geen bezwaar ontvangen" not in text


def test_write_dossier_pdf_and_text(case, tmp_path):
    data, tenant = case
    dossier = build_dossier(data, tenant.id, ON)
    old = os.umask(0o022)
    try:
        pdf, txt = write_dossier(dossier, tmp_path / "dossiers")
    finally:
        os.umask(old)
    assert pdf.name == "2027-03-01_bewijsdossier_van-dijk-ozturk.pdf"
    assert txt.read_text(encoding="utf-8") == dossier.text
    for path in (pdf, txt):
        assert_mode(path, 0o600)
    text = flat("\n".join(page.extract_text() for page in PdfReader(str(pdf)).pages))
    for needle in (
        "niet in logboek",
        "€ 2.550,00",
        "Brieven zoals verstuurd",
        "Dĳk-Öztürk",
        "bezwaar@brouwer-vastgoed.nl",
        "Bewijsdossier vroegsignalering",
    ):
        assert needle in text


def test_objection_from_an_earlier_episode_is_still_in_force():
    tenant = make_tenant(payments=[Payment(on=dt.date(2026, 10, 25), amount=Decimal("850.00"))])
    data = VaultData(landlord=make_landlord(), tenants=[tenant])
    tenant = data.tenants[0]
    record(
        data, tenant, Event(kind=EventKind.BEZWAAR, on=dt.date(2026, 10, 20), channel=Channel.EMAIL)
    )
    letter_event(data, tenant, EventKind.HERINNERING, dt.date(2026, 11, 5))
    dossier = build_dossier(data, tenant.id, dt.date(2026, 12, 10))
    assert dossier.since == dt.date(2026, 11, 2)
    assert [item.event.kind for item in dossier.items] == [EventKind.HERINNERING]
    assert "Bezwaar van 20-10-2026 (vóór deze achterstand) is nog van kracht" in dossier.text
    assert "Geen overeenkomst met de gemeente Enschede vastgelegd." in dossier.text
    whole = build_dossier(data, tenant.id, dt.date(2026, 12, 10), whole_file=True)
    assert whole.since is None and len(whole.items) == 2


def test_the_exhibit_names_each_letter_as_sent_with_its_hash_and_attaches_the_pdf(tmp_path):
    """README "Betrouwbaarheid en veiligheid", promise 18. Issue 13.7: copies of the letters as
    sent, with hashes; what each printed and how it went out;
    the advice for the landlord in a file of its own, not in the exhibit."""
    import hashlib

    from lcv_tui.domain import actions, ledger
    from lcv_tui.domain.letters import build_letter
    from lcv_tui.domain.models import Settings
    from lcv_tui.exports.dossier_pdf import write_dossier_bundle

    tenant = make_tenant()
    data = VaultData(landlord=make_landlord(), tenants=[tenant])
    on = dt.date(2026, 11, 5)
    letter = build_letter(
        EventKind.HERINNERING,
        landlord=data.landlord,
        tenant=tenant,
        arrears=ledger.arrears(tenant, on),
        on=on,
        settings=Settings(),
    )
    pdf = b"%PDF-1.4 the letter as sent"
    sha = hashlib.sha256(pdf).hexdigest()
    actions.record_letter(
        data,
        tenant.id,
        EventKind.HERINNERING,
        on,
        Channel.POST,
        now=dt.datetime(2026, 11, 5, 16, 0, tzinfo=dt.UTC),
        letter=letter,
        document_sha256=sha,
        proof="RR123456785NL",
        actor="app",
    )
    dossier = build_dossier(data, tenant.id, dt.date(2026, 11, 20))
    text = dossier.text
    assert f"Verstuurde brief (PDF): bijlage 1, SHA-256 {sha}." in text
    assert "Datum in de brief: 05-11-2026, geschreven per post." in text
    assert "In de brief: betalen uiterlijk 16-11-2026." in text
    assert "Bewijs van verzending: RR123456785NL." in text
    assert "Vastgelegd op 05-11-2026 16:00." in text
    paths, missing = write_dossier_bundle(dossier, tmp_path, {sha: pdf})
    assert missing == []
    names = [p.name for p in paths]
    assert (
        "2026-11-20_bewijsdossier_van-dijk-ozturk_bijlage-1_herinnering-van-05-11-2026.pdf" in names
    )
    attached = next(p for p in paths if "bijlage-1" in p.name)
    assert hashlib.sha256(attached.read_bytes()).hexdigest() == sha
    _, missing = write_dossier_bundle(dossier, tmp_path / "zonder", {})
    assert missing == ["Bijlage 1 (Herinnering van 05-11-2026) ontbreekt: de PDF is niet gevonden."]


def _streamed_with_foreign_lines(data: VaultData, tenant, foreign: int, tamper: int | None = None):
    """``data``'s log rebuilt with ``foreign`` lines of another tenant before the case's lines, as a
    stored log whose loader makes each entry anew as it is read (as the store does), counting how
    many of the entries it made are alive at once."""
    from lcv_tui.domain.models import AuditEntry

    rebuilt = AuditLog()
    for index in range(foreign):
        audit.append(
            rebuilt,
            at=dt.datetime(2026, 1, 1, 9) + dt.timedelta(minutes=index),
            action="payment.add",
            tenant_id="someone-else",
            ref=f"payment-{index}",
            content=audit.digest(str(index)),
        )
    for entry in data.audit:
        audit.append(
            rebuilt,
            at=entry.at,
            action=entry.action,
            actor=entry.actor,
            tenant_id=entry.tenant_id,
            ref=entry.ref,
            content=entry.digest,
        )
    rows = [entry.model_dump() for entry in rebuilt]
    if tamper is not None:
        rows[tamper]["action"] = "iets anders"
    alive: weakref.WeakSet[AuditEntry] = weakref.WeakSet()
    peak = [0]

    def loader():
        for row in rows:
            entry = AuditEntry(**row)
            alive.add(entry)
            peak[0] = max(peak[0], len(alive))
            yield entry

    data.attach_audit(AuditLog.stored(len(rows), *rebuilt.last, loader=loader))
    return peak


def test_a_dossier_reads_a_long_log_without_holding_it(case):
    """Promise (issue 16.4): the dossier checks the whole chain but keeps only its tenant's lines."""
    data, tenant = case
    own = len(data.audit)
    peak = _streamed_with_foreign_lines(data, tenant, foreign=5_000)
    dossier = build_dossier(data, tenant.id, ON)
    assert not dossier.audit_problems
    assert [item.event.kind for item in dossier.not_in_log] == [EventKind.SCHULDHULP_GEWEZEN]
    assert f"Het logboek ({5_000 + own} regels) is intact" in dossier.text
    assert "Logboek: vastgelegd in regel 5001 op 05-11-2026 10:00 (app)." in dossier.text
    assert peak[0] <= own + 2, f"{peak[0]} audit entries alive at once"
    assert not data.audit.decoded


@pytest.mark.parametrize("where", [0, 2_500, 5_002])
def test_a_broken_chain_anywhere_in_a_streamed_log_is_reported(case, where):
    data, tenant = case
    _streamed_with_foreign_lines(data, tenant, foreign=5_000, tamper=where)
    dossier = build_dossier(data, tenant.id, ON)
    assert f"Regel {where + 1}: inhoud gewijzigd na vastleggen." in dossier.audit_problems
    assert "LET OP: het logboek is niet intact." in dossier.text
