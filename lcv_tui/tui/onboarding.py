"""What the app tells a landlord who starts with tenants already living in their homes (issue 12.1):
one text for the empty tenant list and the first-run screen, so both say the same."""

from __future__ import annotations

EXISTING_TENANTS = (
    "Hebt u al huurders? Voer ze in met 'Betaald t/m': alle huur die op of vóór die datum verviel, "
    "telt als betaald. Had een huurder toen al een achterstand, vul dan ook die beginachterstand in."
)

EMPTY_VAULT = "Nog geen huurders in de kluis. " + EXISTING_TENANTS
