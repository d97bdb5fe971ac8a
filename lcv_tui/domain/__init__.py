"""The domain: pure Python, no Textual, no I/O. Correctness lives here.

Article numbers (``LCV 2.1 a``, ``LCV 3.1 d`` …) refer to the standard agreement (Overeenkomst)
of the Landelijk Convenant Vroegsignalering; "werkinstructie" is the working instruction for
private landlords, v1.0, May 2021.
"""
