"""Which transaction is whose rent: matching, suggestions, storno, and never counting twice."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from lcv_testing import TODAY
from pydantic import ValidationError

from lcv_tui.domain import actions, ledger
from lcv_tui.domain.bank import (
    Assignment,
    BankTransaction,
    LineKind,
    Statement,
    plan_bank_import,
    transaction_identities,
)
from lcv_tui.domain.models import Payment, Tenant
from lcv_tui.exports.bank import demo_statements, read_statement

NOW = dt.datetime(2026, 11, 23, 10, 0)
OWN = "NL91ABNA0417164300"


def tx(day, amount, iban="", name="", text="", reversal=False):
    return BankTransaction(
        booked=dt.date(2026, 11, day),
        amount=Decimal(amount),
        account=OWN,
        counter_iban=iban,
        counter_name=name,
        description=text,
        reversal=reversal,
    )


def by_number(data, number):
    return next(t for t in data.tenants if t.klantnummer == number)


def record(data, statement, assignments=()):
    plan = plan_bank_import(data, statement, today=TODAY)
    return plan, actions.record_bank_import(data, plan, assignments, now=NOW, actor="test")


def test_demo_statement_plan(demo):
    plan = plan_bank_import(demo, read_statement(demo_statements()[0]), today=TODAY)
    kinds = [
        (line.kind, line.tenant_id and demo.tenant(line.tenant_id).klantnummer)
        for line in plan.lines
    ]
    assert kinds == [
        (LineKind.MATCHED, "H-1003"),  # by IBAN
        (LineKind.MATCHED, "H-1006"),  # by klantnummer in the description
        (LineKind.SUGGESTED, None),  # name and amount only
        (LineKind.UNMATCHED, None),
        (LineKind.MATCHED, "H-1004"),  # storno by IBAN
        (LineKind.IGNORED, None),  # an outgoing payment
        (LineKind.MATCHED, "H-1010"),
    ]
    assert [demo.tenant(t).klantnummer for t in plan.lines[2].candidates] == ["H-1007"]
    assert "naam en bedrag" in plan.lines[2].reason
    assert not plan.all_matched


def test_matched_credits_become_payments_and_arrears_follow(demo):
    before = ledger.arrears(by_number(demo, "H-1003"), TODAY).amount
    _, result = record(demo, read_statement(demo_statements()[0]))
    assert len(result.payments) == 4 and result.reversals == 1
    hart = by_number(demo, "H-1003")
    payment = hart.payments[-1]
    assert (payment.on, payment.amount, payment.reversal) == (
        dt.date(2026, 11, 3),
        Decimal("1040.00"),
        False,
    )
    assert payment.bank_ref.startswith("bank:") and payment.note == "Bank: Huur oktober"
    assert ledger.arrears(hart, TODAY).amount == before - Decimal("1040.00")


def test_storno_is_a_negative_payment(demo):
    ozturk = by_number(demo, "H-1004")
    before = ledger.arrears(ozturk, TODAY).amount
    record(demo, read_statement(demo_statements()[0]))
    storno = ozturk.payments[-1]
    assert storno.amount == Decimal("-865.50") and storno.reversal
    assert ledger.arrears(ozturk, TODAY).amount == before + Decimal("865.50")


def test_storno_without_a_payment_to_reverse_is_not_recorded(demo):
    tenant = by_number(demo, "H-1003")
    tenant.payments.clear()
    plan = plan_bank_import(
        demo, Statement("t", (tx(5, "-100.00", tenant.ibans[0], reversal=True),)), today=TODAY
    )
    assert (
        plan.lines[0].kind == LineKind.UNMATCHED and "geen eerdere betaling" in plan.lines[0].reason
    )
    # ... but a payment and its storno in one statement are both recorded
    plan, result = record(
        demo,
        Statement(
            "t",
            (tx(6, "-100.00", tenant.ibans[0], reversal=True), tx(5, "100.00", tenant.ibans[0])),
        ),
    )
    assert [line.kind for line in plan.lines] == [LineKind.MATCHED, LineKind.MATCHED]
    assert sorted(p.amount for p in tenant.payments) == [Decimal("-100.00"), Decimal("100.00")]


def test_reading_twice_equals_reading_once(demo):
    statement = read_statement(demo_statements()[0])
    record(demo, statement)
    once = demo.model_dump()
    audit_once = len(demo.audit)
    plan, result = record(demo, statement)
    assert plan.counts()["already_read"] == 4 and not plan.matched
    assert result.payments == [] and demo.model_dump() == once and len(demo.audit) == audit_once
    # every other format of the same statement is read before as well
    for path in demo_statements()[1:]:
        _, result = record(demo, read_statement(path))
        assert result.payments == []
    assert demo.model_dump() == once


def test_overlapping_statements_count_each_transaction_once(demo):
    whole = read_statement(demo_statements()[0]).transactions
    first, second = Statement("a", whole[:5]), Statement("b", whole[2:])
    _, a = record(demo, first)
    _, b = record(demo, second)
    assert len(a.payments) == 3 and len(b.payments) == 1  # H-1010 on 20-11 is the only new one
    refs = [p.bank_ref for t in demo.tenants for p in t.payments if p.bank_ref]
    assert len(refs) == len(set(refs)) == 4


def test_equal_transactions_on_one_day_are_two_transactions(demo):
    iban = by_number(demo, "H-1003").ibans[0]
    twice = Statement("t", (tx(3, "50.00", iban), tx(3, "50.00", iban)))
    ids = transaction_identities(twice.transactions)
    assert len(set(ids)) == 2
    _, result = record(demo, twice)
    assert len(result.payments) == 2
    _, again = record(demo, Statement("t", twice.transactions[:1] + twice.transactions))
    assert len(again.payments) == 1  # the later statement has a third one that day


def test_an_iban_on_two_tenants_is_only_a_suggestion(demo):
    shared = by_number(demo, "H-1003").ibans[0]
    other = by_number(demo, "H-1005")
    other.ibans = [shared]
    plan, result = record(demo, Statement("t", (tx(3, "1040.00", shared, "M. 't Hart"),)))
    line = plan.lines[0]
    assert (
        line.kind == LineKind.SUGGESTED
        and len(line.candidates) == 2
        and "2 huurders" in line.reason
    )
    assert result.payments == []


def test_two_klantnummers_in_a_description_is_only_a_suggestion(demo):
    plan = plan_bank_import(
        demo, Statement("t", (tx(3, "100.00", text="huur H-1001 en H-1002"),)), today=TODAY
    )
    assert plan.lines[0].kind == LineKind.SUGGESTED and len(plan.lines[0].candidates) == 2


def test_klantnummer_is_matched_as_a_whole_word_only(demo):
    def kind(text):
        plan = plan_bank_import(demo, Statement("t", (tx(3, "12.34", text=text),)), today=TODAY)
        return plan.lines[0].kind

    assert kind("Huur h-1001 nov") == LineKind.MATCHED
    assert kind("Huur/H-1001/nov") == LineKind.MATCHED
    assert kind("Huur H-10010") == LineKind.UNMATCHED
    assert kind("HuurH-1001x") == LineKind.UNMATCHED


def test_iban_goes_before_klantnummer(demo):
    iban = by_number(demo, "H-1003").ibans[0]
    plan = plan_bank_import(
        demo, Statement("t", (tx(3, "10.00", iban, text="voor H-1001"),)), today=TODAY
    )
    assert demo.tenant(plan.lines[0].tenant_id).klantnummer == "H-1003"


def test_suggestion_recorded_only_when_assigned_and_iban_remembered(demo):
    statement = read_statement(demo_statements()[0])
    plan, result = record(demo, statement)
    suggestion, unmatched = plan.suggested[0], plan.unmatched[0]
    bakker = by_number(demo, "H-1007")
    assert not any(p.bank_ref == suggestion.identity for p in bakker.payments)
    plan = plan_bank_import(demo, statement, today=TODAY)
    result = actions.record_bank_import(
        demo,
        plan,
        [Assignment(suggestion.identity, bakker.id, remember_iban=True)],
        now=NOW,
        actor="test",
    )
    assert result.payments == [(bakker.id, bakker.payments[-1].id)]
    assert bakker.ibans == ["NL84DEMO0100007007"] and result.ibans_remembered == [bakker.id]
    # next time the same payer is matched by IBAN
    later = Statement("t", (tx(21, "815.00", "NL84DEMO0100007007", "J. Bakker"),))
    assert plan_bank_import(demo, later, today=TODAY).lines[0].kind == LineKind.MATCHED
    # an unmatched line assigned without remembering
    plan = plan_bank_import(demo, statement, today=TODAY)
    actions.record_bank_import(
        demo, plan, [Assignment(unmatched.identity, bakker.id)], now=NOW, actor="test"
    )
    assert (
        bakker.payments[-1].amount == Decimal("150.00") and "NL04DEMO0100009999" not in bakker.ibans
    )


def test_assignment_refused_for_a_line_not_waiting_or_an_unknown_tenant(demo):
    plan = plan_bank_import(demo, read_statement(demo_statements()[0]), today=TODAY)
    before = demo.model_dump()
    with pytest.raises(ValueError, match="wacht niet op een keuze"):
        actions.record_bank_import(
            demo,
            plan,
            [Assignment(plan.matched[0].identity, demo.tenants[0].id)],
            now=NOW,
            actor="t",
        )
    with pytest.raises(ValueError, match="bestaat niet"):
        actions.record_bank_import(
            demo, plan, [Assignment(plan.unmatched[0].identity, "nobody")], now=NOW, actor="t"
        )
    assert demo.model_dump() == before


def test_future_dates_and_debits_are_skipped(demo):
    iban = by_number(demo, "H-1003").ibans[0]
    plan = plan_bank_import(
        demo,
        Statement(
            "t",
            (
                BankTransaction(dt.date(2026, 11, 30), Decimal("5.00"), OWN, iban, "", ""),
                tx(4, "-5.00", iban),
            ),
        ),
        today=TODAY,
    )
    assert [line.kind for line in plan.lines] == [LineKind.IGNORED, LineKind.IGNORED]
    assert plan.all_matched


def test_one_audit_entry_per_import_without_personal_data(demo):
    before = len(demo.audit)
    record(demo, read_statement(demo_statements()[0]))
    assert len(demo.audit) == before + 1
    entry = demo.audit[-1]
    assert entry.action == "bank.import" and entry.actor == "test" and entry.tenant_id is None
    text = entry.model_dump_json()
    for secret in ("NL08DEMO", "Hart", "1040", "Huur"):
        assert secret not in text


def test_now_and_actor_are_required(demo):
    plan = plan_bank_import(demo, read_statement(demo_statements()[0]), today=TODAY)
    with pytest.raises(TypeError):
        actions.record_bank_import(demo, plan, now=NOW)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        actions.record_bank_import(demo, plan, actor="x")  # type: ignore[call-arg]


def test_payment_amount_is_negative_only_for_a_reversal():
    day = dt.date(2026, 11, 2)
    assert Payment(on=day, amount=Decimal("-10"), reversal=True).amount == Decimal("-10.00")
    for amount, reversal, message in (
        ("-10", False, "groter zijn dan € 0,00"),
        ("0", False, "groter zijn dan € 0,00"),
        ("0", True, "groter zijn dan € 0,00"),
        ("10", True, "negatief bedrag"),
        ("-0.001", True, "2 cijfers"),
    ):
        with pytest.raises(ValidationError, match=message):
            Payment(on=day, amount=Decimal(amount), reversal=reversal)


def test_tenant_ibans_are_normalised_and_checked(demo):
    data = demo.tenants[0].model_dump()
    tenant = Tenant.model_validate(
        {**data, "ibans": ["nl91 abna 0417 1643 00", "NL91ABNA0417164300"]}
    )
    assert tenant.ibans == ["NL91ABNA0417164300"]
    with pytest.raises(ValidationError, match="Dit IBAN klopt niet: controleer NL91ABNA0417164301"):
        Tenant.model_validate({**data, "ibans": ["NL91ABNA0417164301"]})


def test_matching_is_linear_in_vault_and_statement():
    """10,000 tenants and 10,000 transactions: indexes, not a scan per transaction."""
    from stdnum import iban as stdnum_iban

    def account(n):
        bban = f"DEMO{n:010d}"
        return "NL" + stdnum_iban.calc_check_digits("NL00" + bban) + bban

    base = {
        "surname": "Jansen",
        "house_number": 1,
        "postcode": "3511 AX",
        "gemeente": "Utrecht",
        "rent": "900",
        "tenancy_start": dt.date(2025, 1, 1),
    }
    tenants = [Tenant(klantnummer=f"K{n:05d}", ibans=[account(n)], **base) for n in range(10_000)]
    from lcv_tui.domain.models import VaultData

    data = VaultData(tenants=tenants)
    statement = Statement(
        "t",
        tuple(
            tx(2, "900.00", account(n) if n % 2 else "", text=f"huur K{n:05d}")
            for n in range(10_000)
        ),
    )
    started = time.perf_counter()
    plan = plan_bank_import(data, statement, today=TODAY)
    actions.record_bank_import(data, plan, now=NOW, actor="test")
    assert time.perf_counter() - started < 5
    assert len(plan.matched) == 10_000


def test_remembering_an_iban_of_another_tenant_does_not_share_it(demo):
    hart = by_number(demo, "H-1003")
    bakker = by_number(demo, "H-1007")
    shared = hart.ibans[0]
    hart.ibans = []
    statement = Statement("t", (tx(3, "12.00", shared, "M. 't Hart", "gift"),))
    plan = plan_bank_import(demo, statement, today=TODAY)
    hart.ibans = [shared]  # registered meanwhile (e.g. in the form)
    actions.record_bank_import(
        demo,
        plan,
        [Assignment(plan.lines[0].identity, bakker.id, remember_iban=True)],
        now=NOW,
        actor="t",
    )
    assert bakker.ibans == [] and bakker.payments[-1].amount == Decimal("12.00")


def test_an_unmatched_storno_assigned_by_the_landlord_is_a_negative_payment(demo):
    bakker = by_number(demo, "H-1007")
    statement = Statement(
        "t", (tx(6, "-815.00", "NL84DEMO0100007007", "J. Bakker", reversal=True),)
    )
    plan = plan_bank_import(demo, statement, today=TODAY)
    assert plan.lines[0].kind == LineKind.UNMATCHED and "storno" in plan.lines[0].reason
    actions.record_bank_import(
        demo, plan, [Assignment(plan.lines[0].identity, bakker.id)], now=NOW, actor="t"
    )
    assert (bakker.payments[-1].amount, bakker.payments[-1].reversal) == (Decimal("-815.00"), True)


def test_a_years_lines_from_one_payer_are_one_choice(demo):
    """A statement over months asks once per payer: lines from one IBAN that suggest the same
    tenant are one group; another tenant suggested from the same IBAN, and a line without an IBAN,
    stay apart (order of first appearance)."""
    from lcv_tui.domain.bank import describe, describe_group, payer_groups

    parent = "NL02ABNA0123456789"
    statement = Statement(
        "test",
        [
            tx(2, "815.00", parent, "J. Bakker", "Huur"),
            tx(3, "12.50", name="Contant"),
            tx(9, "815.00", parent, "J. Bakker", "Huur"),
            tx(10, "12.50", name="Contant"),
            tx(16, "815.00", parent, "J. Bakker", "Huur"),
        ],
    )
    plan = plan_bank_import(demo, statement, today=TODAY)
    waiting = plan.suggested + plan.unmatched
    assert len(waiting) == 5
    groups = payer_groups(waiting)
    assert [len(group.lines) for group in groups] == [3, 1, 1]
    bakker = groups[0]
    assert bakker.iban == parent and bakker.total == Decimal("2445.00")
    assert bakker.candidates and all(line.candidates == bakker.candidates for line in bakker.lines)
    assert describe_group(bakker) == (
        "J. Bakker: 3 transacties, samen € 2.445,00, 02-11-2026 t/m 16-11-2026"
    )
    single = groups[1].lines[0]
    assert describe_group(groups[1]) == describe(single)  # a single line reads as before

    # The same IBAN suggesting another tenant (another amount) is a group of its own.
    from lcv_tui.domain.bank import BankLine

    other = BankLine(
        waiting[0].transaction, "other", LineKind.SUGGESTED, "naam", candidates=("someone",)
    )
    assert [len(g.lines) for g in payer_groups([*bakker.lines, other])] == [3, 1]
