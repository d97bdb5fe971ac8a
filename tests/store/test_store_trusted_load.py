"""A trusted load (an authenticated document this schema version wrote) skips the normalisers but
not the type checks, and shares what it can: amounts and fields-set records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from lcv_tui.domain import actions, demo
from lcv_tui.domain.models import Tenant, share_fields_set, trusted_load, trusted_validator
from lcv_tui.store import Vault

TODAY = dt.date(2026, 11, 23)
NOW = dt.datetime(2026, 11, 23, 10, 0)
TRUSTED = trusted_validator(Tenant)


def _tenant_json(**changes) -> bytes:
    tenant = demo.build_demo(TODAY).tenants[0]
    return tenant.model_copy(update=changes).model_dump_json().encode()


def test_the_trusted_validator_builds_the_same_tenants():
    """Promise: the trusted path reads back exactly what was written (compared over the demo data)."""
    for tenant in demo.build_demo(TODAY).tenants:
        line = tenant.model_dump_json()
        with trusted_load():
            loaded = TRUSTED.validate_json(line)
        assert (
            type(loaded) is Tenant
            and loaded == tenant
            and loaded == Tenant.model_validate_json(line)
        )
        assert [type(p.amount) for p in loaded.payments] == [Decimal] * len(loaded.payments)


def test_the_trusted_validator_skips_only_the_normalisers():
    line = _tenant_json().replace(b'"postcode":"', b'"postcode":"  ', 1)
    with trusted_load():
        assert TRUSTED.validate_json(line).postcode.startswith("  ")  # passed through, as written
    assert not Tenant.model_validate_json(line).postcode.startswith(
        " "
    )  # normalised on an ordinary load


@pytest.mark.parametrize(
    "damage",
    [
        (b'"house_number":', b'"house_number":"x",'),
        (b'"rent":"', b'"rent":"abc'),
        (b'"due_day":', b'"due_day":99,'),
        (b'"surname":', b'"unknown_field":1,"surname":'),
    ],
)
def test_the_trusted_validator_still_checks_types_ranges_and_fields(damage):
    old, new = damage
    line = _tenant_json()
    start = line.index(old)
    end = line.index(b",", start) + 1 if new.endswith(b",") else start + len(old)
    with trusted_load(), pytest.raises(ValidationError):
        TRUSTED.validate_json(line[:start] + new + line[end:])


def test_loaded_tenants_share_one_fields_set_that_stays_right(vault, locations, data, passphrase):
    """Promise (memory): one fields-set record for all loaded tenants, and it never goes wrong."""
    actions.record_payment(data, data.tenants[0].id, TODAY, "10.00", now=NOW, actor="app")
    vault.save(data)
    opened = Vault.open(locations, passphrase)[1]
    first, second = opened.tenants[0], opened.tenants[1]
    assert first.__pydantic_fields_set__ is second.__pydantic_fields_set__
    assert first.model_fields_set == set(Tenant.model_fields)
    first.town = "Utrecht"  # validated assignment adds a name that is already there
    assert first.town == "Utrecht" and second.town == data.tenants[1].town
    assert second.model_fields_set == set(Tenant.model_fields)
    copy = first.model_copy()
    copy.email = "nieuw@voorbeeld.example"
    assert first.model_fields_set == set(Tenant.model_fields)
    assert opened.tenants[0].model_dump(exclude_unset=True) == opened.tenants[0].model_dump()


def test_a_model_with_fields_left_unset_keeps_its_own_record():
    tenant = Tenant(
        surname="Jansen",
        house_number=1,
        postcode="1234 AB",
        gemeente="Utrecht",
        rent="500",
        tenancy_start=dt.date(2026, 1, 1),
    )
    own = tenant.__pydantic_fields_set__
    share_fields_set(tenant)
    assert tenant.__pydantic_fields_set__ is own and "email" not in tenant.model_fields_set
