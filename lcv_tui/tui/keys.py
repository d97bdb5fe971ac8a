"""Keys named in texts come from the bindings, so a hint never names a key that does something else.

``key_text(SomeScreen, "tenants.new")`` gives "Ctrl+N" for the binding with that id;
``section_key_text("melden")`` gives "F4". Use them in every toast, hint and button label that
names a key.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding, BindingType

_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "delete": "Delete",
    "backspace": "Backspace",
    "pageup": "PageUp",
    "pagedown": "PageDown",
    "home": "Home",
    "end": "End",
    "tab": "Tab",
    "space": "spatie",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
}


def describe_key(key: str) -> str:
    """A Textual key name as a landlord reads it: ``ctrl+o`` → "Ctrl+O", ``f4`` → "F4"."""
    *modifiers, name = key.split("+")
    if name in _NAMES:
        shown = _NAMES[name]
    elif len(name) == 1:
        shown = name.upper() if modifiers else name
    else:
        shown = name.upper() if name[:1] == "f" and name[1:].isdigit() else name.capitalize()
    return "+".join([*(m.capitalize() for m in modifiers), shown])


def find_binding(bindings: Iterable[BindingType], binding_id: str) -> Binding:
    """The binding with ``binding_id`` among ``bindings`` (a ``BINDINGS`` list)."""
    for binding in Binding.make_bindings(bindings):
        if binding.id == binding_id:
            return binding
    raise KeyError(binding_id)


def key_text(owner: type | object, binding_id: str) -> str:
    """The first key of the binding ``binding_id`` in ``owner.BINDINGS`` (a class or an instance),
    as a landlord reads it."""
    bindings: list[BindingType] = []
    for cls in type.mro(owner if isinstance(owner, type) else type(owner)):
        bindings += cls.__dict__.get("BINDINGS", [])
    binding = find_binding(bindings, binding_id)
    return describe_key(binding.key.split(",")[0].strip())


def section_key_text(mode: str) -> str:
    """The key that opens a section, e.g. "F4" for Melden."""
    from lcv_tui.tui.sections import section

    return describe_key(section(mode).key)


def section_hint(mode: str) -> str:
    """ "Melden, F4": a section named with its key, for texts that send the landlord there."""
    from lcv_tui.tui.sections import section

    return f"{section(mode).title}, {section_key_text(mode)}"
