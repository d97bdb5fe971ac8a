"""A trusted load (an authenticated document this schema version wrote) skips the normalisers but
not the type checks, and shares what it can: amounts and fields-set records."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from lcv_tui.domain import actions, demo
from lcv_tui.domain.models import Tenant
from lcv_tui.store import Vault
from lcv_tui.store.trusted import share_fields_set, trusted_validator

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
        loaded = TRUSTED.validate_json(line)
        assert (
            type(loaded) is Tenant
            and loaded == tenant
            and loaded == Tenant.model_validate_json(line)
        )
        assert [type(p.amount) for p in loaded.payments] == [Decimal] * len(loaded.payments)


def test_the_trusted_validator_skips_only_the_normalisers():
    line = _tenant_json().replace(b'"postcode":"', b'"postcode":"  ', 1)
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
    with pytest.raises(ValidationError):
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


def test_the_trusted_validator_leaves_out_the_cross_field_checks_but_the_models_keep_them():
    """The domain models are plain pydantic models: their checks always run (no context switch);
    only the store's trusted validator leaves the marked ones out."""
    tenant = demo.build_demo(TODAY).tenants[0]
    line = tenant.model_dump_json().replace('"tenancy_end":null', '"tenancy_end":"2000-01-01"', 1)
    assert '"tenancy_end":"2000-01-01"' in line
    assert TRUSTED.validate_json(line).tenancy_end == dt.date(
        2000, 1, 1
    )  # written by the app: trusted
    with pytest.raises(ValidationError, match="einddatum van de huur"):
        Tenant.model_validate_json(line)


def test_every_validator_the_models_declare_is_marked_as_a_normaliser():
    """The trusted validator leaves out what the domain marks: a new field or model validator
    must be marked too (or be kept on purpose, and this test told why)."""
    from lcv_tui.domain import models

    kinds = [
        value
        for value in vars(models).values()
        if isinstance(value, type) and hasattr(value, "__pydantic_decorators__")
    ]
    found = 0
    for kind in kinds:
        decorators = kind.__pydantic_decorators__
        for decorator in [
            *decorators.field_validators.values(),
            *decorators.model_validators.values(),
        ]:
            found += 1
            assert getattr(decorator.func, models.NORMALISER, False), (
                kind.__name__,
                decorator.cls_var_name,
            )
    assert found >= 25
