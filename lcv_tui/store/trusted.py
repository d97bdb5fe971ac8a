"""The trusted load: validators for a document this schema version wrote and the vault authenticated.

Such a document was validated and normalised when it was made (AES-GCM proves it is the one the
app wrote), so running the normalisers and cross-field checks again only costs time: a Python call
per value from pydantic-core, 26 per tenant with a year of payments, a tenth of a vault's load.
``trusted_validator(tp)`` takes pydantic's own core schema for ``tp`` (the public
``TypeAdapter(tp).core_schema``) and leaves out every function validator the domain marked
``models.NORMALISER``; pydantic-core still checks every type, range, length and unknown field.
A document that needed a migration is validated in full by the models themselves.

Two memory savings for loaded models live here too: equal stored amounts share one ``Decimal``
(``AmountTable``), and loaded models share one fields-set record per type (``share_fields_set``).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic_core import SchemaValidator
from pydantic_core import core_schema as cs

from lcv_tui.domain.models import NORMALISER, POSITIVE_AMOUNT


class AmountTable(dict[str, Decimal]):
    """One shared ``Decimal`` per distinct stored amount text (``"780.50"``).

    Most payments are the rent, so at 10,000 tenants this keeps 12 MB of equal ``Decimal`` objects
    out of memory, and skips parsing them. Keyed on the text, so ``780.5`` and ``780.50`` never mix;
    the JSON parser hands out one ``str`` per distinct short text, so a lookup that hits is a C-level
    ``dict`` lookup and only a text not seen before reaches Python. Bounded: past ``LIMIT`` texts a
    new one is parsed but not remembered.
    """

    LIMIT = 65_536

    def __missing__(self, text: object) -> Decimal:
        if type(text) is not str:
            raise ValueError("Bedrag is onleesbaar.")
        try:
            amount = Decimal(text)
        except ArithmeticError:
            raise ValueError("Bedrag is onleesbaar.") from None
        if not amount.is_finite():
            raise ValueError("Bedrag is onleesbaar.")
        if len(self) < self.LIMIT:
            self[text] = amount
        return amount


AMOUNTS = AmountTable()


def trusted_validator(tp: Any) -> SchemaValidator:
    """A validator for ``tp`` as written by this schema version: pydantic's core schema for ``tp``
    without the validators marked ``models.NORMALISER``, and with each ``positive_money`` amount
    (marked ``models.POSITIVE_AMOUNT``) looked up in the shared amount table."""
    return SchemaValidator(_without_normalisers(TypeAdapter(tp).core_schema))


def _without_normalisers(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_normalisers(item) for item in node]
    if not isinstance(node, dict):
        return node
    kind = node.get("type")
    if kind in ("function-after", "function-before", "function-wrap"):
        # A field validator declared as a classmethod arrives bound; a bound method reads the
        # attributes of its function, so the mark is found either way.
        function = node["function"]["function"]
        if getattr(function, NORMALISER, False):
            return _without_normalisers(node["schema"])
        if getattr(function, POSITIVE_AMOUNT, False):
            return cs.no_info_plain_validator_function(AMOUNTS.__getitem__)
    return {key: _without_normalisers(value) for key, value in node.items()}


_FULL_FIELDS: dict[type[BaseModel], set[str]] = {}


def share_fields_set(model: BaseModel) -> None:
    """Let ``model`` use one fields-set record shared by all models of its type that have every
    field set, as every model loaded from the vault does (the store writes all fields).

    Pydantic keeps a ``set`` of the fields given per model instance (2 kB for a tenant's 19 fields,
    20 MB at 10,000 tenants). Setting a field adds its name to that set, and the shared set already
    holds every name, so it never changes: ``model_fields_set`` stays exactly right.
    """
    cls = type(model)
    full = _FULL_FIELDS.get(cls)
    if full is None:
        full = _FULL_FIELDS[cls] = set(cls.model_fields)
    if len(model.__pydantic_fields_set__) == len(full):
        object.__setattr__(model, "__pydantic_fields_set__", full)
