"""A vault written before the tenant's ledger fields existed ('Betaald t/m', opening arrears, rent
changes) opens: the fields take their defaults, on the trusted path and on the full one."""

from __future__ import annotations

import datetime as dt
import json
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from lcv_tui.domain import demo, ledger
from lcv_tui.domain.models import Tenant
from lcv_tui.store import Vault, fileformat, sections
from lcv_tui.store.trusted import trusted_validator

TODAY = dt.date(2026, 11, 23)
NEW_FIELDS = ("paid_through", "opening_arrears", "opening_arrears_due", "rent_changes")


def _old_line(tenant: Tenant) -> bytes:
    doc = json.loads(tenant.model_dump_json())
    for name in NEW_FIELDS:
        del doc[name]
    return json.dumps(doc).encode()


def test_an_old_tenant_line_loads_with_the_defaults():
    for tenant in demo.build_demo(TODAY).tenants:
        line = _old_line(tenant)
        trusted = trusted_validator(Tenant).validate_json(line)
        full = Tenant.model_validate_json(line)
        for loaded in (trusted, full):
            assert loaded.paid_through is None and loaded.opening_arrears is None
            assert loaded.opening_arrears_due is None and loaded.rent_changes == []
            assert ledger.arrears(loaded, TODAY) == ledger.arrears(tenant, TODAY)


def test_an_existing_demo_vault_opens(vault, locations, passphrase):
    """The demo vault as the previous release wrote it (format 2, tenants without the new fields)."""
    data = demo.build_demo(TODAY)
    head = data.model_dump_json(exclude={"tenants"}).encode()
    document = sections.compress_document(head, [_old_line(t) for t in data.tenants], sections.ZLIB)
    plaintext = sections.pack(
        document, sections.chunk_all(list(data.audit), sections.ZLIB), data.audit.last
    )
    nonce = os.urandom(fileformat.NONCE_SIZE)
    core_bytes = fileformat.Core(vault.vault_id, nonce, "zlib").to_bytes()
    body = AESGCM(vault._data_key).encrypt(nonce, plaintext, fileformat.data_aad(core_bytes, 2))
    locations.vault_path.write_bytes(fileformat.assemble(core_bytes, vault._file.slots, body, 2))
    reopened, opened = Vault.open(locations, passphrase)
    assert len(opened.tenants) == len(data.tenants)
    assert all(t.rent_changes == [] and t.paid_through is None for t in opened.tenants)
    assert [t.model_dump() for t in opened.tenants] == [t.model_dump() for t in data.tenants]
    reopened.save(opened)
    assert Vault.open(locations, passphrase)[1].tenants == opened.tenants


def test_the_new_fields_round_trip_through_the_trusted_load():
    from decimal import Decimal

    from lcv_tui.domain.models import RentChange

    tenant = (
        demo.build_demo(TODAY)
        .tenants[0]
        .model_copy(
            update={
                "paid_through": dt.date(2026, 10, 31),
                "opening_arrears": Decimal("123.45"),
                "opening_arrears_due": dt.date(2026, 9, 1),
                "rent_changes": [RentChange(on=dt.date(2026, 7, 1), amount=Decimal("901.10"))],
            }
        )
    )
    line = tenant.model_dump_json()
    loaded = trusted_validator(Tenant).validate_json(line)
    assert loaded == tenant == Tenant.model_validate_json(line)
    assert loaded.opening_arrears == Decimal("123.45")
    assert loaded.rent_changes[0].amount == Decimal("901.10")
