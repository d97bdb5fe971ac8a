"""Fixtures for the wizard tests: the shared unlocked app and demo vaults (root conftest)."""

from __future__ import annotations

import pytest


@pytest.fixture
def wizard_app(unlocked_app):
    return unlocked_app
