"""Initials as they appear in a letter (issue 15.9)."""

from __future__ import annotations

import pytest

from lcv_tui.domain.validation import normalise_initials


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("k", "K."),
        ("jp", "J.P."),
        ("J.P.", "J.P."),
        ("j.p", "J.P."),
        ("a m", "A.M."),
        ("th j", "Th.J."),
        ("Th.", "Th."),
        ("ij", "IJ."),
        ("j.-p.", "J.-P."),
        ("", ""),
    ],
)
def test_initials_are_normalised(typed, shown):
    assert normalise_initials(typed) == shown


def test_initials_refuse_digits_with_a_dutch_message():
    with pytest.raises(ValueError, match="Voorletters"):
        normalise_initials("J2")
