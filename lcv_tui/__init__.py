"""lcv-tui: early signalling of rent arrears (vroegsignalering) for small Dutch landlords."""

__version__ = "0.1.0"
