"""What both the app and the command line do to a vault: edits, recording signals, imports.

A service takes a ``store.workspace.Workspace`` and explicit dates (``on``, ``now``), never a Textual
app; it changes ``workspace.data`` (through ``domain.actions`` or an audited replacement), marks the
workspace dirty, and leaves saving to the caller (``LcvApp.commit()`` or the CLI's
``workspace.commit()``), so a failed save is reported once, by the layer that talks to the user.
Refusals are Dutch: raised as the domain's or exports' errors, or returned as messages.
"""
