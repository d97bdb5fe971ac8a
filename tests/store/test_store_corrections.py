"""Corrections, co-tenants and the landlord's new details survive a save and a (trusted) load, and a
vault written before these fields existed still opens (issue 12.1, 12.5, 12.7)."""

from __future__ import annotations

import datetime as dt
import json

from lcv_tui.domain import actions, audit
from lcv_tui.domain.models import (
    CoTenant,
    Landlord,
    Tenant,
    VaultData,
)
from lcv_tui.store import Vault
from lcv_tui.store.trusted import trusted_validator

NOW = dt.datetime(2026, 11, 23, 10, 0)


def test_a_correction_round_trips_through_the_vault(vault, locations, data, passphrase):
    tenant = data.tenants[0]
    payment = tenant.payments[0]
    actions.correct_record(
        data,
        tenant.id,
        payment.id,
        replacement={"on": dt.date(2026, 1, 2)},
        reason="Boekdatum, niet valutadatum",
        now=NOW,
        actor="app",
    )
    actions.update_tenant(
        data,
        tenant.id,
        {"co_tenants": [{"initials": "p.", "surname": "de Boer"}]},
        now=NOW,
        actor="app",
    )
    data.landlord = Landlord(
        name="Verhuur B.V.",
        iban="NL91ABNA0417164300",
        kvk="12345678",
        statutory_seat="Utrecht",
        privacy_url="https://verhuur.example/privacy",
        objection_email="bezwaar@verhuur.example",
        objection_address="Postbus 1, 3500 AA Utrecht",
    )
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    loaded = opened.tenant(tenant.id)
    assert loaded.corrections == data.tenant(tenant.id).corrections
    assert loaded.corrections[0].original == payment
    assert [p.on for p in loaded.payments] == [dt.date(2026, 1, 2)]
    assert loaded.co_tenants == [CoTenant(initials="p.", surname="de Boer")]
    assert opened.landlord == data.landlord
    assert audit.verify(opened.audit) == []
    assert [e.action for e in opened.audit][-3:] == [
        "correction.replace",
        "payment.add",
        "tenant.update",
    ]


def test_documents_without_the_new_fields_still_load():
    """A tenant line and a landlord written before co-tenants, corrections, KvK and the rest existed."""
    tenant = Tenant(
        surname="Jansen",
        house_number=1,
        postcode="1234 AB",
        gemeente="Utrecht",
        rent="500",
        tenancy_start=dt.date(2026, 1, 1),
    )
    line = json.loads(tenant.model_dump_json())
    del line["co_tenants"], line["corrections"]
    loaded = trusted_validator(Tenant).validate_json(json.dumps(line))
    assert loaded.co_tenants == [] and loaded.corrections == []
    head = json.loads(VaultData(landlord=Landlord(name="Oud")).model_dump_json())
    for name in ("kvk", "statutory_seat", "objection_address"):
        del head["landlord"][name]
    data = trusted_validator(VaultData).validate_json(json.dumps(head))
    assert data.landlord is not None and data.landlord.kvk == ""
