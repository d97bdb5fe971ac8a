"""Shared by the bank statement tests: where the golden files are, and the test vault's passphrase."""

from __future__ import annotations

import pathlib

GOLDEN = pathlib.Path(__file__).parent / "golden"
PASSPHRASE = "geheime wachtzin voor de test"
