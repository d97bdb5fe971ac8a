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


TEXTUAL_DESCRIPTIONS: dict[str, str] = {
    "Bottom": "Naar onderen",
    "Copy": "Kopiëren",
    "Copy selected text": "Gekozen tekst kopiëren",
    "Cursor Down": "Omlaag",
    "Cursor Up": "Omhoog",
    "Cursor down": "Omlaag",
    "Cursor up": "Omhoog",
    "Cursor left": "Naar links",
    "Cursor right": "Naar rechts",
    "Cursor line end": "Naar einde regel",
    "Cursor line start": "Naar begin regel",
    "Cursor page down": "Pagina omlaag",
    "Cursor page up": "Pagina omhoog",
    "Cursor word left": "Woord naar links",
    "Cursor word right": "Woord naar rechts",
    "Cut": "Knippen",
    "Cut selected text": "Gekozen tekst knippen",
    "Delete all to the left": "Alles links wissen",
    "Delete all to the right": "Alles rechts wissen",
    "Delete character left": "Teken links wissen",
    "Delete character right": "Teken rechts wissen",
    "Delete left to start of word": "Woord links wissen",
    "Delete right to start of word": "Woord rechts wissen",
    "Delete line": "Regel wissen",
    "Delete to line end": "Wissen tot einde regel",
    "Delete to line start": "Wissen tot begin regel",
    "Dismiss menu": "Menu sluiten",
    "Down": "Omlaag",
    "End": "Naar het einde",
    "Exit the command palette": "Opdrachten sluiten",
    "First": "Eerste",
    "Focus Next": "Volgend veld",
    "Focus Previous": "Vorig veld",
    "Go to bottom": "Naar onderen",
    "Go to end": "Naar het einde",
    "Go to start": "Naar het begin",
    "Go to top": "Naar boven",
    "Home": "Naar het begin",
    "Last": "Laatste",
    "Maximize": "Vergroten",
    "Move cursor left": "Naar links",
    "Move cursor left a word": "Woord naar links",
    "Move cursor right": "Naar rechts",
    "Move cursor right a word": "Woord naar rechts",
    "Move cursor right or accept the completion suggestion": "Naar rechts of suggestie overnemen",
    "Next command": "Volgende opdracht",
    "Next option": "Volgende keuze",
    "Next page": "Volgende pagina",
    "Next tab": "Volgend tabblad",
    "Open link": "Link openen",
    "Page Down": "Pagina omlaag",
    "Page Up": "Pagina omhoog",
    "Page down": "Pagina omlaag",
    "Page up": "Pagina omhoog",
    "Page Left": "Pagina naar links",
    "Page Right": "Pagina naar rechts",
    "Paste": "Plakken",
    "Paste text from the clipboard": "Plakken",
    "Press button": "Knop indrukken",
    "Previous command": "Vorige opdracht",
    "Previous option": "Vorige keuze",
    "Previous page": "Vorige pagina",
    "Previous tab": "Vorig tabblad",
    "Quit": "Afsluiten",
    "Redo": "Opnieuw",
    "Screenshot": "Schermafdruk",
    "Scroll Down": "Omlaag",
    "Scroll End": "Naar het einde",
    "Scroll Home": "Naar het begin",
    "Scroll Left": "Naar links",
    "Scroll Right": "Naar rechts",
    "Scroll Up": "Omhoog",
    "Select": "Kiezen",
    "Select all": "Alles selecteren",
    "Select line": "Regel selecteren",
    "Select line end": "Selecteren tot einde regel",
    "Select line start": "Selecteren tot begin regel",
    "Show menu": "Menu openen",
    "Submit": "Bevestigen",
    "Toggle": "Aan of uit",
    "Toggle collapsible": "Open- of dichtklappen",
    "Toggle option": "Keuze aan of uit",
    "Top": "Naar boven",
    "Undo": "Ongedaan maken",
    "Up": "Omhoog",
}
"""Textual's own key descriptions (its widgets' bindings) in Dutch, for the footer and F1 → Toetsen."""


def dutch_description(description: str) -> str:
    """A binding's description as the landlord reads it: Textual's English ones translated, the
    app's own (already Dutch) unchanged; an English one missing here is caught by the Dutch-texts test."""
    return TEXTUAL_DESCRIPTIONS.get(description, description)
