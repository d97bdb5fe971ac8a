"""Fixtures for the domain tests; the builders themselves live in ``domain_builders``."""

from __future__ import annotations

import datetime as dt
import pathlib
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

from domain_builders import NOW


@pytest.fixture
def now() -> dt.datetime:
    return NOW
