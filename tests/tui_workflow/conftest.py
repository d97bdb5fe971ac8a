"""Fixtures for the workflow screens: the demo vault and apps that unlock at once, shared with the
safety tests (tests/tui/demo_app_fixtures.py)."""

from __future__ import annotations

import pathlib
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent.parent / "tui"))

from demo_app_fixtures import demo_vault, keyring_backend, new_app

__all__ = ["demo_vault", "keyring_backend", "new_app"]
