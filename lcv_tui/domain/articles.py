"""Every article citation shown on its own in the app, and the letters' names, defined once.

A rule, a step, a dialog or a wizard page that names its article takes it from here, so the same
article reads the same everywhere (``tests/domain/test_articles_once.py`` refuses a copy of one
of these strings elsewhere in ``lcv_tui``). Citations inside a Dutch sentence ("... (LCV 2.2).")
stay part of that sentence.

Sources: the Landelijk Convenant Vroegsignalering (``LCV``) and its werkinstructie for landlords.
"""

from __future__ import annotations

# --- the convenant (LCV) ----------------------------------------------------------------------

LCV_2_1_A = "LCV 2.1 a"  # a written reminder
LCV_2_1_A_3_1 = "LCV 2.1 a, 3.1"
LCV_2_1_A_TO_D = "LCV 2.1 a–d"  # maatschappelijk verantwoorde incasso
LCV_2_1_B = "LCV 2.1 b"  # personal contact
LCV_2_1_C = "LCV 2.1 c"  # pointed to debt help
LCV_2_1_D = "LCV 2.1 d"  # offered to pass the data on
LCV_2_2 = "LCV 2.2"  # objection
LCV_3_1 = "LCV 3.1"  # arrears
LCV_3_1_D = "LCV 3.1 d"  # more than 30 days
LCV_3_1_D_3_4 = "LCV 3.1 d, 3.4"  # the signal
LCV_3_1_D_AGREEMENT = "LCV 3.1 d, 6 (overeenkomst)"
LCV_3_2 = "LCV 3.2"  # repeated signal
LCV_3_2_3_4 = "LCV 3.2, 3.4"
LCV_3_13 = "LCV 3.13"  # feedback
LCV_3_13_4 = "LCV 3.13, 4.1–4.3"  # feedback and suspension
LCV_4_1_4_2_A = "LCV 4.1, 4.2 a"
LCV_4_1_4_2_A_TO_C = "LCV 4.1, 4.2 a–c"  # suspension
LCV_4_1_D_4_3 = "LCV 4.1 d, 4.3"  # collection resumes
LCV_4_2_A = "LCV 4.2 a"
LCV_4_2_B = "LCV 4.2 b"
LCV_4_2_C = "LCV 4.2 c"
LCV_7_1 = "LCV 7.1"  # end of the tenancy
LCV_RESIDENT = "LCV definities (inwoner), werkinstructie stap 3"

# --- the werkinstructie ---------------------------------------------------------------------

WI_STEP_1 = "werkinstructie stap 1"  # agreement with the municipality
WI_STEP_1_ROUTE = "werkinstructie stap 1; LCV 3.4"
WI_STEP_2 = "werkinstructie stap 2"  # the letters
WI_STEP_2_TEXT_1 = "werkinstructie stap 2 (tekst 1)"
WI_STEP_2_TEXT_2 = "werkinstructie stap 2 (tekst 2)"
LCV_2_2_TEXT_2 = "LCV 2.2; werkinstructie stap 2 (tekst 2)"  # the objection window
WI_STEP_3 = "werkinstructie stap 3"  # signal, threat, ignored row
WI_STEP_3_WITHDRAW = "werkinstructie stap 3 (intrekken)"
WI_STEP_3_TEXTS = "werkinstructie stap 3; tekst 1 en 2"  # what may be shared

# --- the letters' names -----------------------------------------------------------------------

HERINNERING = "Herinnering"
AANMANING = "Aanmaning met tekst 1"
SOMMATIE = "Sommatie met tekst 2"
AANMANING_SHORT = "Aanmaning (tekst 1)"
SOMMATIE_SHORT = "Sommatie (tekst 2)"
