"""The evidence dossier (bewijsdossier) of one tenant's case, built from what was recorded.

LCV 2.1 puts the burden of proof on the landlord: each step of the socially responsible
collection needs a date and evidence. The dossier lists the parties, the ledger position at each
step, the LCV 2.1 steps, each letter with a copy of its text, the objection (or that none came by
the deadline of text 2), the signal and its route, the feedback and the 30-day suspension
(LCV 3.13, 4), and the date two months after the signal.

It is generated only from recorded events, and every event is checked against the hash-chained
audit log: the chain must verify, and the event's id must appear as ``ref`` of an entry whose
digest equals the digest of the event's JSON. An event that fails that check is shown but
flagged "niet in logboek". So the dossier can show only what was recorded.

Pure: the date is passed in, nothing is read or written here (``exports.dossier_pdf`` writes it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from lcv_tui.domain import articles, audit, deadlines, ledger, workflow
from lcv_tui.domain.calendar import add_months
from lcv_tui.domain.case import Case
from lcv_tui.domain.letters import slug
from lcv_tui.domain.models import (
    LETTER_KINDS,
    Adjustment,
    AuditEntry,
    Correction,
    Event,
    EventKind,
    FeedbackStatus,
    Payment,
    Tenant,
    VaultData,
)
from lcv_tui.domain.validation import format_date, format_date_long, format_money, format_phone

NOT_IN_LOG = "niet in logboek"
SUSPENSION_DAYS = 30  # LCV 4.2 a: collection suspended for at most 30 days
FEEDBACK_WEEKS = 4  # LCV 3.13: first talk with the tenant at the latest 4 weeks after the signal
COURT_WAIT_MONTHS = 2  # several district courts expect two months between signal and summons


@dataclass(frozen=True)
class Block:
    """One block of a section. ``style``: ``text`` (a paragraph), ``quote`` (a copy of a letter),
    ``alert`` (something the reader must notice)."""

    text: str
    style: str = "text"


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DossierItem:
    """One recorded event with the ledger position on its date and its audit-log check."""

    event: Event
    arrears: ledger.Arrears
    in_log: bool
    log_note: str


@dataclass(frozen=True)
class Attachment:
    """Bijlage ``number``: the PDF of a letter as sent, known by its SHA-256."""

    number: int
    sha256: str
    label: str  # "Herinnering van 05-11-2026"

    @property
    def filename_part(self) -> str:
        return f"bijlage-{self.number}_{slug(self.label)}"


@dataclass(frozen=True)
class Dossier:
    tenant_id: str
    surname: str
    on: dt.date
    since: dt.date | None
    title: str
    items: tuple[DossierItem, ...]
    audit_problems: tuple[str, ...]
    sections: tuple[Section, ...] = field(default=())
    advice: tuple[Section, ...] = field(default=())
    """Advice for the landlord: not part of the exhibit, written on a page of its own."""
    attachments: tuple[Attachment, ...] = field(default=())
    """The letters as sent (the PDFs kept by the store), numbered as the exhibit names them."""

    @property
    def not_in_log(self) -> tuple[DossierItem, ...]:
        return tuple(item for item in self.items if not item.in_log)

    @property
    def verified(self) -> bool:
        """The audit chain is intact and every event in the dossier is in it."""
        return not self.audit_problems and not self.not_in_log

    @property
    def generated(self) -> str:
        return f"Gemaakt op {format_date_long(self.on)} met lcv-tui."

    @property
    def filename_stem(self) -> str:
        return f"{self.on.isoformat()}_bewijsdossier_{slug(self.surname)}"

    @property
    def text(self) -> str:
        """The plain-text twin of the PDF (the exhibit only; see ``advice_text``)."""
        return _sections_text(self.title, self.generated, self.sections)

    @property
    def advice_title(self) -> str:
        return f"Aanwijzingen voor de verhuurder — {self.title.split(' — ', 1)[-1]}"

    @property
    def advice_text(self) -> str:
        """Advice for the landlord, apart from the exhibit."""
        return _sections_text(
            self.advice_title,
            "Geen onderdeel van het bewijsdossier. " + self.generated,
            self.advice,
        )


def _sections_text(title: str, generated: str, sections: tuple[Section, ...]) -> str:
    out = [title, "=" * len(title), generated, ""]
    for section in sections:
        out += [section.title, "-" * len(section.title)]
        for block in section.blocks:
            if block.style == "quote":
                out += ["    | " + line if line else "    |" for line in block.text.splitlines()]
            else:
                out.append(block.text)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


# --- audit check ---------------------------------------------------------------------------


def check_event(event: Event, entries_by_ref: dict[str, list[AuditEntry]]) -> tuple[bool, str]:
    """Whether ``event`` is in the audit log with a matching digest, and a Dutch note saying so."""
    entries = entries_by_ref.get(event.id, [])
    if not entries:
        return False, f"{NOT_IN_LOG}: deze gebeurtenis is nooit in het logboek vastgelegd"
    expected = audit.digest(event.model_dump_json())
    for entry in entries:
        if entry.digest == expected:
            return (
                True,
                f"vastgelegd in regel {entry.seq} op {format_date(entry.at.date())} {entry.at:%H:%M} ({entry.actor})",
            )
    return (
        False,
        f"{NOT_IN_LOG}: de inhoud wijkt af van wat in het logboek is vastgelegd (gewijzigd na vastleggen)",
    )


def check_log(
    log: Iterable[AuditEntry], refs: Collection[str]
) -> tuple[tuple[str, ...], dict[str, list[AuditEntry]]]:
    """The problems of the whole chain (:func:`audit.verify`) and the entries whose ``ref`` is one
    of ``refs``, by ref, in one pass over ``log``.

    Only those entries are kept: the log of a large vault runs to millions of lines, which the
    store hands over as a stream, so one tenant's dossier holds that tenant's lines and no others.
    """
    by_ref: dict[str, list[AuditEntry]] = {}

    def keeping(entries: Iterable[AuditEntry]) -> Iterator[AuditEntry]:
        for entry in entries:
            if entry.ref is not None and entry.ref in refs:
                by_ref.setdefault(entry.ref, []).append(entry)
            yield entry

    problems = tuple(audit.verify(keeping(log)))
    return problems, by_ref


def _record_summary(record: Payment | Adjustment | Event) -> str:
    """``Betaling van 01-11-2026: € 850,00``: what a corrected record said, for the dossier."""
    if isinstance(record, Payment):
        text = f"Betaling van {format_date(record.on)}: {format_money(record.amount)}"
    elif isinstance(record, Adjustment):
        text = f"{record.kind.label} van {format_date(record.on)}: {format_money(record.amount)}"
    else:
        text = f"{record.kind.label} op {format_date(record.on)}{_channel(record)}"
        if record.kind == EventKind.SIGNAAL and record.amount is not None:
            text += f": {format_money(record.amount)}, {record.months} maand(en)"
        if record.feedback is not None:
            text += f": {record.feedback.label}"
    if record.note:
        text += f" (notitie: {record.note})"
    return text


def _record_json(record: Payment | Adjustment | Event) -> str:
    return record.to_json() if isinstance(record, Payment) else record.model_dump_json()


def correction_blocks(
    tenant: Tenant, corrections: list[Correction], entries_by_ref: dict[str, list[AuditEntry]]
) -> list[Block]:
    """Each correction: the original marked "vervallen" or "gecorrigeerd", what replaced it, the
    reason, when and by whom, and whether both the original and the correction are in the log."""
    replacements: dict[str, Payment | Adjustment | Event] = {p.id: p for p in tenant.payments}
    replacements.update((a.id, a) for a in tenant.adjustments)
    replacements.update((e.id, e) for e in tenant.events)
    blocks = []
    for correction in corrections:
        original = correction.original
        lines = [f"{_record_summary(original)} — {correction.status_label.upper()}"]
        if correction.replacement_tenant_id is not None:
            lines.append("Overgebracht naar het dossier van de juiste huurder (hier niet genoemd).")
        elif not correction.voided:
            replacement = replacements.get(correction.replacement_id or "")
            if replacement is not None:
                lines.append(f"Vervangen door: {_record_summary(replacement)}.")
            else:
                lines.append("Vervangen door een gegeven dat later zelf is gecorrigeerd.")
        at = correction.recorded_at
        lines.append(
            f"{'Vervallen verklaard' if correction.voided else correction.status_label.capitalize()} op "
            f"{format_date(at.date())} {at:%H:%M} ({correction.actor}). "
            f"Reden: {correction.reason}"
        )
        entries = entries_by_ref.get(original.id, [])
        original_digest = audit.digest(_record_json(original))
        correction_digest = audit.digest(correction.model_dump_json())
        first = next((e for e in entries if e.digest == original_digest), None)
        second = next((e for e in entries if e.digest == correction_digest), None)
        in_log = first is not None and second is not None
        lines.append(
            "Logboek: "
            + (f"oorspronkelijk vastgelegd in regel {first.seq}" if first else NOT_IN_LOG)
            + "; "
            + (f"correctie in regel {second.seq}" if second else f"correctie {NOT_IN_LOG}")
            + "."
        )
        blocks.append(Block("\n".join(lines), "text" if in_log else "alert"))
    return blocks


# --- helpers ---------------------------------------------------------------------------------


def _arrears_line(position: ledger.Arrears) -> str:
    if not position.in_arrears:
        return f"Achterstand op {format_date(position.on)}: geen."
    assert position.oldest_due is not None  # an amount in arrears has an oldest unpaid charge
    return (
        f"Achterstand op {format_date(position.on)}: {format_money(position.amount)}, "
        f"{position.months} {'maand' if position.months == 1 else 'maanden'}, oudste onbetaalde vervaldatum "
        f"{format_date(position.oldest_due)} ({position.days_overdue} dagen)."
    )


def _channel(event: Event) -> str:
    return f" ({event.channel.label})" if event.channel else ""


def _first(items: list[DossierItem], *kinds: EventKind) -> list[DossierItem]:
    return [item for item in items if item.event.kind in kinds]


def _dates(items: list[DossierItem]) -> str:
    return ", ".join(
        f"{format_date(i.event.on)} ({i.event.kind.label.lower()}{'; ' + NOT_IN_LOG if not i.in_log else ''})"
        for i in items
    )


TITLE_OF = {
    EventKind.HERINNERING: articles.HERINNERING,
    EventKind.AANMANING: "Aanmaning",
    EventKind.SOMMATIE: "Sommatie",
}


def _recorded(event: Event) -> str:
    """When the fact was recorded, beside the date stated for it (a court weighs both)."""
    if event.recorded_at is None:
        return "Vastgelegd: tijdstip onbekend."
    return f"Vastgelegd op {event.recorded_at.strftime('%d-%m-%Y %H:%M')}."


def _printed_lines(event: Event) -> list[str]:
    """What a recorded letter printed, and how it went out (issue 13.1)."""
    lines = []
    if event.letter_date is not None:
        written_for = f", geschreven {event.letter_channel.label}" if event.letter_channel else ""
        lines.append(f"Datum in de brief: {format_date(event.letter_date)}{written_for}.")
    printed = []
    if event.pay_by is not None:
        printed.append(f"betalen uiterlijk {format_date(event.pay_by)}")
    if event.objection_deadline is not None:
        printed.append(f"bezwaar uiterlijk {format_date(event.objection_deadline)}")
    if event.report_after is not None:
        printed.append(f"melden na {format_date(event.report_after)}")
    if printed:
        lines.append("In de brief: " + "; ".join(printed) + ".")
    if event.proof:
        lines.append(f"Bewijs van verzending: {event.proof}.")
    lines.append(_recorded(event))
    return lines


def current_case(data: VaultData, tenant: Tenant, on: dt.date) -> Case | None:
    return workflow.case_for(
        tenant, on, settings=data.settings, agreement=data.agreement_for(tenant.gemeente)
    )


# --- the dossier -----------------------------------------------------------------------------


def build_dossier(
    data: VaultData,
    tenant_id: str,
    on: dt.date,
    *,
    since: dt.date | None = None,
    whole_file: bool = False,
) -> Dossier:
    """The dossier of ``tenant_id`` as of ``on``.

    By default it covers the current case (the arrears episode open on ``on``; when none is open,
    the whole file). ``since`` starts it on another date; ``whole_file`` includes every event.
    Events after ``on`` are left out.
    """
    tenant = data.tenant(tenant_id)
    settings = data.settings
    case = current_case(data, tenant, on)
    if whole_file:
        since = None
    elif since is None:
        since = case.opened_on if case is not None else None

    refs = {event.id for event in tenant.events}
    refs.update(correction.original.id for correction in tenant.corrections)
    if case is not None and case.objection is not None:
        refs.add(case.objection.id)
    problems, by_ref = check_log(data.audit, refs)

    events = sorted(
        (e for e in tenant.events if e.on <= on and (since is None or e.on >= since)),
        key=lambda e: (e.on, e.recorded_at or dt.datetime.min),
    )
    items: list[DossierItem] = []
    for event in events:
        ok, note = check_event(event, by_ref)
        items.append(
            DossierItem(
                event=event, arrears=ledger.arrears(tenant, event.on), in_log=ok, log_note=note
            )
        )

    agreement = data.agreement_for(tenant.gemeente)
    sections: list[Section] = []

    # 1. parties
    landlord = data.landlord
    parties: list[Block] = []
    if landlord is not None:
        lines = [f"Verhuurder: {landlord.name}"]
        if landlord.contact_person:
            lines.append(f"Contactpersoon: {landlord.contact_person}")
        lines += landlord.address_lines
        if landlord.kvk:
            lines.append(f"KvK-nummer: {landlord.kvk}")
        if landlord.phone:
            lines.append(f"Telefoon: {format_phone(landlord.phone)}")
        if landlord.email:
            lines.append(f"E-mail: {landlord.email}")
        if landlord.objection_email:
            lines.append(f"E-mailadres voor bezwaar (tekst 2): {landlord.objection_email}")
        parties.append(Block("\n".join(lines)))
    else:
        parties.append(Block("Verhuurder: niet ingevuld in de instellingen.", "alert"))
    lines = [f"Huurder: {tenant.display_name}"]
    if tenant.co_tenants:
        lines.append("Medehuurder(s): " + ", ".join(co.display_name for co in tenant.co_tenants))
    if tenant.klantnummer:
        lines.append(f"Klantnummer: {tenant.klantnummer}")
    lines.append(f"Adres: {tenant.address_line}, {tenant.postcode}  {tenant.town}".rstrip())
    lines.append(f"Gemeente: {tenant.gemeente}")
    lines.append(
        f"Huur: {format_money(tenant.rent)} per maand, te betalen op dag {tenant.due_day} van de maand"
    )
    tenancy = f"Huurovereenkomst sinds {format_date(tenant.tenancy_start)}"
    if tenant.tenancy_end:
        tenancy += f", geëindigd op {format_date(tenant.tenancy_end)}"
    lines.append(tenancy)
    parties.append(Block("\n".join(lines)))
    if agreement is not None:
        parties.append(
            Block(
                f"Overeenkomst met de gemeente {agreement.gemeente}: meldpunt {agreement.meldpunt.label}, "
                f"getekend op {format_date(agreement.signed_on)}; melden vanaf "
                f"{agreement.threshold_days} dagen achterstand."
            )
        )
    else:
        parties.append(Block(f"Geen overeenkomst met de gemeente {tenant.gemeente} vastgelegd."))
    scope = (
        (
            f"Dit dossier betreft de achterstand die begon op {format_date(since)} en toont "
            f"wat is vastgelegd tot en met {format_date(on)}."
        )
        if since
        else f"Dit dossier toont alles wat in het huurdersdossier is vastgelegd tot en met {format_date(on)}."
    )
    parties.append(Block(scope))
    sections.append(Section("Partijen", tuple(parties)))

    # 2. audit check
    check: list[Block] = []
    if problems:
        check.append(
            Block(
                "LET OP: het logboek is niet intact. Wat hieronder staat, kan niet met het logboek worden bewezen.",
                "alert",
            )
        )
        check.extend(Block(problem, "alert") for problem in problems)
    else:
        check.append(
            Block(
                f"Het logboek ({len(data.audit)} regels) is intact: de hashketen (SHA-256) "
                f"klopt van de eerste tot de laatste regel."
            )
        )
    missing = [item for item in items if not item.in_log]
    if missing:
        check.append(
            Block(
                f"LET OP: {len(missing)} van de {len(items)} gebeurtenissen staan niet (ongewijzigd) in het logboek; "
                f"zij zijn hieronder gemarkeerd met '{NOT_IN_LOG}'.",
                "alert",
            )
        )
    elif items:
        check.append(
            Block(
                f"Alle {len(items)} gebeurtenissen in dit dossier staan in het logboek met "
                f"een overeenkomende vingerafdruk."
            )
        )
    check.append(
        Block(
            "Dit dossier is gemaakt uit de vastgelegde gebeurtenissen. Wat niet is vastgelegd, staat er niet in."
        )
    )
    sections.append(Section("Controle tegen het logboek", tuple(check)))

    # 3. ledger
    now = ledger.arrears(tenant, on)
    ledger_blocks = [Block(_arrears_line(now))]
    statement = ledger.statement(tenant, on)
    first_day = min(
        [d for d in (since, now.oldest_due, events[0].on if events else None) if d is not None],
        default=None,
    )
    if first_day is not None:
        start = add_months(first_day, -1)
        before = [line for line in statement if line.on < start]
        shown = [line for line in statement if line.on >= start]
        rows = []
        if before:
            rows.append(
                f"{format_date(before[-1].on)}  Saldo tot {format_date(start)}: {format_money(before[-1].balance)}"
            )
        for line in shown:
            amount = (
                f"+{format_money(line.debit)}" if line.debit else f"-{format_money(line.credit)}"
            )
            rows.append(
                f"{format_date(line.on)}  {line.description}: {amount}  (saldo {format_money(line.balance)})"
            )
        if rows:
            ledger_blocks.append(
                Block(
                    "Rekeningoverzicht (positief saldo: de huurder is verschuldigd):\n"
                    + "\n".join(rows)
                )
            )
    sections.append(Section(f"Huurstand op {format_date(on)}", tuple(ledger_blocks)))

    # 4. LCV 2.1 steps
    written = _first(items, *LETTER_KINDS)
    contact = _first(items, EventKind.PERSOONLIJK_CONTACT)
    debt_help = _first(items, EventKind.SCHULDHULP_GEWEZEN, EventKind.AANMANING, EventKind.SOMMATIE)
    offered = _first(items, EventKind.GEGEVENS_AANGEBODEN, EventKind.AANMANING, EventKind.SOMMATIE)
    steps = (
        ("a", "ten minste eenmaal een schriftelijke betalingsherinnering gestuurd", written),
        ("b", "zich ingespannen om in persoonlijk contact te treden", contact),
        ("c", "gewezen op de mogelijkheden voor schuldhulpverlening (ook tekst 1 en 2)", debt_help),
        ("d", "aangeboden gegevens door te geven aan de gemeente (ook tekst 1 en 2)", offered),
    )
    step_blocks = []
    for letter, what, found in steps:
        if found:
            step_blocks.append(Block(f"LCV 2.1 {letter} — {what}: {_dates(found)}."))
        else:
            step_blocks.append(Block(f"LCV 2.1 {letter} — {what}: niet vastgelegd.", "alert"))
    sections.append(Section("Maatschappelijk verantwoorde incasso (LCV 2.1)", tuple(step_blocks)))

    # 5. chronology
    replaced = {c.replacement_id for c in tenant.corrections if c.replacement_id}
    chronology = []
    for item in items:
        event = item.event
        lines = [f"{format_date(event.on)} — {event.kind.label}{_channel(event)}"]
        if event.note:
            lines.append(f"Notitie: {event.note}")
        if event.kind == EventKind.SIGNAAL:
            assert event.route is not None and event.amount is not None  # Event._consistent
            lines.append(
                f"Gemeld: {format_money(event.amount)}, {event.months} "
                f"{'maand' if event.months == 1 else 'maanden'} achterstand, "
                f"via {event.route.label}."
            )
        if event.kind == EventKind.TERUGKOPPELING and event.feedback is not None:
            lines.append(f"Terugkoppeling: {event.feedback.label}.")
        if event.id in replaced:
            lines.append("Dit is een correctie van een eerder vastgelegd gegeven: zie Correcties.")
        lines.append(_arrears_line(item.arrears))
        lines.append(f"Logboek: {item.log_note}.")
        chronology.append(Block("\n".join(lines), "text" if item.in_log else "alert"))
    if not chronology:
        chronology.append(Block("Er zijn geen gebeurtenissen vastgelegd.", "alert"))
    sections.append(Section("Verloop", tuple(chronology)))

    # 6. letters as sent: what each printed, how it went out, the PDF kept (by SHA-256) and its text
    letter_blocks: list[Block] = []
    attachments: list[Attachment] = []
    for item in written:
        event = item.event
        channel = event.channel.label if event.channel else "kanaal niet vastgelegd"
        flag = f" — {NOT_IN_LOG}" if not item.in_log else ""
        lines = [f"{event.kind.label} op {format_date(event.on)}, {channel}{flag}."]
        lines += _printed_lines(event)
        if event.document_sha256:
            number = next(
                (a.number for a in attachments if a.sha256 == event.document_sha256),
                len(attachments) + 1,
            )
            if number > len(attachments):
                attachments.append(
                    Attachment(
                        number,
                        event.document_sha256,
                        f"{TITLE_OF.get(event.kind, event.kind.label)} van "
                        f"{format_date(event.letter_date or event.on)}",
                    )
                )
            lines.append(
                f"Verstuurde brief (PDF): bijlage {number}, SHA-256 {event.document_sha256}."
            )
        else:
            lines.append("Geen PDF van de verstuurde brief bewaard; alleen de tekst hieronder.")
        letter_blocks.append(Block("\n".join(lines), "text" if item.in_log else "alert"))
        if event.letter_text:
            letter_blocks.append(Block(event.letter_text.rstrip("\n"), "quote"))
        else:
            letter_blocks.append(Block("Geen kopie van de brieftekst vastgelegd.", "alert"))
    if not letter_blocks:
        letter_blocks.append(Block("Er zijn geen brieven vastgelegd.", "alert"))
    sections.append(Section("Brieven zoals verstuurd", tuple(letter_blocks)))

    # 7. objection
    objection_blocks: list[Block] = []
    summonses = _first(items, EventKind.SOMMATIE)
    objections = _first(items, EventKind.BEZWAAR, EventKind.BEZWAAR_INGETROKKEN)
    for item in objections:
        event = item.event
        flag = f" — {NOT_IN_LOG}" if not item.in_log else ""
        text = f"{format_date(event.on)}: {event.kind.label}{_channel(event)}{flag}."
        text += f" {_recorded(event)}"
        if event.note:
            text += f" Notitie: {event.note}"
        objection_blocks.append(Block(text))
    earlier = case.objection if case is not None else None
    if earlier is not None and all(item.event.id != earlier.id for item in objections):
        ok, note = check_event(earlier, by_ref)
        objection_blocks.append(
            Block(
                f"Bezwaar van {format_date(earlier.on)} (vóór deze achterstand) is nog van kracht: "
                f"de gegevens van deze huurder mogen niet in een signaal worden opgenomen (LCV 2.2). "
                f"Logboek: {note}.",
                "alert",
            )
        )
    if objections and objections[-1].event.kind == EventKind.BEZWAAR:
        objection_blocks.append(
            Block(
                "De huurder heeft bezwaar gemaakt: zijn of haar gegevens mogen niet in een signaal "
                "worden opgenomen zolang het bezwaar niet is ingetrokken (LCV 2.2).",
                "alert",
            )
        )
    if summonses:
        last = summonses[-1].event
        deadline = deadlines.effective_objection_deadline(last, settings)
        received_in_time = [
            i for i in objections if i.event.kind == EventKind.BEZWAAR and i.event.on <= deadline
        ]
        if not objections:
            if deadline < on:
                objection_blocks.append(
                    Block(
                        f"Geen bezwaar ontvangen: de bezwaartermijn van de sommatie van {format_date(last.on)} "
                        f"liep tot en met {format_date(deadline)} (tekst 2: {settings.objection_window_days} dagen "
                        "na ontvangst)."
                    )
                )
            else:
                objection_blocks.append(
                    Block(
                        f"Nog geen bezwaar ontvangen; de bezwaartermijn van de sommatie van {format_date(last.on)} "
                        f"loopt tot en met {format_date(deadline)}."
                    )
                )
        elif not received_in_time:
            objection_blocks.append(
                Block(
                    f"Binnen de bezwaartermijn (tot en met {format_date(deadline)}) kwam geen bezwaar."
                )
            )
    elif not objections:
        objection_blocks.append(
            Block(
                "Er is geen sommatie (tekst 2) vastgelegd, dus ook geen bezwaartermijn; geen bezwaar vastgelegd."
            )
        )
    sections.append(Section("Bezwaar (LCV 2.2)", tuple(objection_blocks)))

    # 8. signal (advice on when to go to court goes to the landlord's page, not the exhibit)
    signal_blocks: list[Block] = []
    advice_blocks: list[Block] = []
    signals = _first(
        items, EventKind.SIGNAAL, EventKind.SIGNAAL_INGETROKKEN, EventKind.SIGNAAL_GENEGEERD
    )
    for item in signals:
        event = item.event
        flag = f" — {NOT_IN_LOG}" if not item.in_log else ""
        if event.kind == EventKind.SIGNAAL:
            meldpunt = f" (meldpunt {agreement.meldpunt.label})" if agreement is not None else ""
            assert event.route is not None and event.amount is not None  # Event._consistent
            text = (
                f"Signaal afgegeven op {format_date(event.on)} via {event.route.label}{meldpunt}: "
                f"{format_money(event.amount)}, {event.months} "
                f"{'maand' if event.months == 1 else 'maanden'} achterstand{flag}."
            )
            signal_blocks.append(Block(text, "text" if item.in_log else "alert"))
            shared = []
            if event.shared_fields:
                shared.append(
                    "Gedeeld (kolommen die gevuld waren): " + ", ".join(event.shared_fields) + "."
                )
            if event.upload_sha256:
                shared.append(f"Uploadbestand: SHA-256 {event.upload_sha256}.")
            if event.meldpunt_reference:
                shared.append(f"Kenmerk van het meldpunt: {event.meldpunt_reference}.")
            shared.append(_recorded(event))
            signal_blocks.append(Block("\n".join(shared)))
            feedback_due = event.on + dt.timedelta(weeks=FEEDBACK_WEEKS)
            signal_blocks.append(
                Block(
                    f"De gemeente streeft ernaar uiterlijk {FEEDBACK_WEEKS} weken na het signaal, op "
                    f"{format_date(feedback_due)}, het eerste gesprek met de huurder te hebben (LCV 3.13)."
                )
            )
            two_months = add_months(event.on, COURT_WAIT_MONTHS)
            state = "verstreken" if two_months <= on else "nog niet verstreken"
            advice_blocks.append(
                Block(
                    f"Twee maanden na het signaal van {format_date(event.on)}: {format_date(two_months)} ({state} op "
                    f"{format_date(on)}). Verschillende kantonrechters verwachten dat er ten minste twee maanden "
                    "verstreken zijn tussen het signaal aan de gemeente en de dagvaarding van de huurder; dagvaard "
                    "niet eerder.",
                    "text" if two_months <= on else "alert",
                )
            )
        elif event.kind == EventKind.SIGNAAL_GENEGEERD:
            text = (
                f"Het meldpunt heeft het signaal genegeerd (vastgelegd op {format_date(event.on)}{flag}): "
                "het telt niet als gemeld (werkinstructie stap 3)."
            )
            if event.note:
                text += f" Notitie: {event.note}"
            signal_blocks.append(Block(text, "alert"))
        else:
            text = f"Signaal ingetrokken op {format_date(event.on)}{_channel(event)}{flag}."
            if event.note:
                text += f" Notitie: {event.note}"
            signal_blocks.append(Block(text))
    if not signals:
        signal_blocks.append(Block("Er is geen signaal vastgelegd."))
    sections.append(Section("Signaal aan de gemeente (LCV 3.1, 3.4)", tuple(signal_blocks)))

    # 9. feedback and suspension
    feedback_blocks: list[Block] = []
    for item in _first(items, EventKind.TERUGKOPPELING):
        event = item.event
        flag = f" — {NOT_IN_LOG}" if not item.in_log else ""
        assert event.feedback is not None  # Event._consistent: feedback is always recorded
        feedback_blocks.append(
            Block(
                f"{format_date(event.on)}: terugkoppeling van de gemeente: {event.feedback.label}{flag}.",
                "text" if item.in_log else "alert",
            )
        )
        if event.feedback == FeedbackStatus.HULP_GEACCEPTEERD:
            # The case's facts, so the dossier says what the agenda and the tenant file say.
            current = (
                case is not None and case.accepted is not None and case.accepted.id == event.id
            )
            lapsed = ""
            if current and case is not None and case.suspension_until is not None:
                end = case.suspension_until
                if case.collection_may_resume and end >= on:
                    state = "vervallen"
                    lapsed = case.collection_note
                else:
                    state = "loopt nog" if case.suspension_in_force else "afgelopen"
            else:
                end = event.on + dt.timedelta(days=SUSPENSION_DAYS)
                state = "loopt nog" if end >= on else "afgelopen"
            feedback_blocks.append(
                Block(
                    f"Hulp geaccepteerd: het incassotraject is opgeschort voor ten hoogste "
                    f"{SUSPENSION_DAYS} dagen, tot en met "
                    f"{format_date(end)} ({state} op {format_date(on)}) (LCV 4.1, 4.2 a)."
                    + (f" {lapsed}" if lapsed else "")
                )
            )
            advice_blocks.append(
                Block(
                    f"Tijdens de opschorting tot en met {format_date(end)}: geen aanmaningen, geen verdere "
                    "buitengerechtelijke incassokosten, incassobureau en deurwaarder on hold (LCV 4.2 a–c). De "
                    "opschorting geldt alleen zolang de nieuwe huur wordt betaald (LCV 4.1 d, 4.3)."
                )
            )
    if not feedback_blocks:
        feedback_blocks.append(
            Block(
                "Geen terugkoppeling vastgelegd. De gemeente koppelt alleen terug als de huurder hulp "
                "accepteert (LCV 3.13); zonder terugkoppeling is er geen opschorting."
            )
        )
    sections.append(Section("Terugkoppeling en opschorting (LCV 3.13, 4)", tuple(feedback_blocks)))

    # 10. corrections: the originals stay in the dossier, marked (issue 12.5)
    corrections = [
        c
        for c in tenant.corrections
        if c.recorded_at.date() <= on
        and (since is None or c.original.on >= since or c.recorded_at.date() >= since)
    ]
    if corrections:
        sections.append(
            Section(
                "Correcties",
                (
                    Block(
                        "Wat hieronder als vervallen of gecorrigeerd staat, telt niet meer mee in de "
                        "stand en de stappen hierboven; het blijft hier en in het logboek bewaard."
                    ),
                    *correction_blocks(tenant, corrections, by_ref),
                ),
            )
        )

    return Dossier(
        tenant_id=tenant.id,
        surname=tenant.surname,
        on=on,
        since=since,
        title=f"Bewijsdossier vroegsignalering — {tenant.display_name}",
        items=tuple(items),
        audit_problems=problems,
        sections=tuple(sections),
        advice=(Section("Aanwijzingen", tuple(advice_blocks)),) if advice_blocks else (),
        attachments=tuple(attachments),
    )
