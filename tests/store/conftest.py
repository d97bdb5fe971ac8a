"""Store fixtures: in-memory and deliberately unsafe keyring backends, sample data, a ready vault.

The cheap KDF comes from the root conftest (``_cheap_kdf``, autouse); no test here reaches the real keyring.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from keyring.backend import KeyringBackend
from lcv_testing import MemoryKeyring

from lcv_tui.domain.models import Agreement, Landlord, Meldpunt, Payment, Tenant, VaultData
from lcv_tui.store.vault import Vault

PASSPHRASE = "correct paard batterij nietje"


class PlaintextKeyring(MemoryKeyring):
    """Pretends to be ``keyrings.alt.file.PlaintextKeyring``: it would write secrets to a file in the clear."""

    priority = 0.5


PlaintextKeyring.__module__ = "keyrings.alt.file"


class HighPriorityPlaintext(MemoryKeyring):
    """A plaintext store that claims a high priority: refused by its module, not by its priority."""

    priority = 9


HighPriorityPlaintext.__module__ = "keyrings.alt.file"


class FailingKeyring(KeyringBackend):
    """A keyring that is there but breaks on every call (locked, D-Bus gone, ...)."""

    priority = 10

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def get_password(self, service, username):
        self.calls += 1
        raise RuntimeError("keyring locked")

    def set_password(self, service, username, password):
        self.calls += 1
        raise RuntimeError("keyring locked")

    def delete_password(self, service, username):
        self.calls += 1
        raise RuntimeError("keyring locked")


class FakeChainer(KeyringBackend):
    """Looks like ``keyring.backends.chainer.ChainerBackend`` with a fixed list of backends."""

    priority = 10

    def __init__(self, backends) -> None:
        super().__init__()
        self.backends = list(backends)

    def get_password(self, service, username):
        raise AssertionError("the chainer itself must not be used")

    def set_password(self, service, username, password):
        raise AssertionError("the chainer itself must not be used")

    def delete_password(self, service, username):
        raise AssertionError("the chainer itself must not be used")


FakeChainer.__module__ = "keyring.backends.chainer"


def make_tenant(surname: str = "de Vries-Ëlberg", number: int = 12, **extra) -> Tenant:
    fields = {
        "surname": surname,
        "initials": "J.",
        "street": "Kerkstraat",
        "house_number": number,
        "postcode": "1234 AB",
        "town": "Utrecht",
        "gemeente": "Utrecht",
        "rent": Decimal("875.50"),
        "tenancy_start": dt.date(2020, 1, 1),
        "phones": ["06-12345678"],
        "email": "huurder@example.nl",
    }
    fields.update(extra)
    return Tenant(**fields)


def make_data(version: int = 0, tenants: int = 2) -> VaultData:
    """Small but realistic data; ``version`` is written into the landlord's contact person to tell saves apart."""
    data = VaultData(
        landlord=Landlord(name="Verhuur Ĳsselmonde B.V.", contact_person=f"Versie {version}"),
        agreements=[
            Agreement(
                gemeente="Utrecht", meldpunt=Meldpunt.RIS_MATCHING, signed_on=dt.date(2025, 1, 1)
            )
        ],
    )
    for index in range(tenants):
        tenant = make_tenant("Çelik" if index % 2 else "de Vries-Ëlberg", number=index + 1)
        tenant.payments.append(Payment(on=dt.date(2026, 1, 3), amount=Decimal("875.50")))
        data.tenants.append(tenant)
    return data


def version_of(data: VaultData) -> int:
    assert data.landlord is not None
    return int(data.landlord.contact_person.split()[1])


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def backends() -> SimpleNamespace:
    """The keyring backend classes, for tests that need fresh instances or several kinds."""
    return SimpleNamespace(
        Memory=MemoryKeyring,
        Plaintext=PlaintextKeyring,
        HighPriorityPlaintext=HighPriorityPlaintext,
        Failing=FailingKeyring,
        Chainer=FakeChainer,
    )


@pytest.fixture
def sample():
    """Factories for data: ``sample.data(version, tenants)``, ``sample.tenant(...)``, ``sample.version(data)``."""
    return SimpleNamespace(data=make_data, tenant=make_tenant, version=version_of)


@pytest.fixture
def data() -> VaultData:
    return make_data()


@pytest.fixture
def vault(locations, data) -> Vault:
    return Vault.create(locations, PASSPHRASE, data)
