"""The Dutch municipalities (gemeenten), shipped with the app and versioned.

Which list this is, honestly: the gemeentelijke indeling of CBS on **1 January 2025**, 342 gemeenten,
with the official CBS spelling ("Bergen (NH.)", "Hengelo (O.)", "'s-Gravenhage", "Súdwest-Fryslân").

How it was compiled and checked (no network access at build time):
- Base: the CBS municipality list with GM codes as published by the Dutch government's own
  corona dashboard (github.com/minvws/nl-covid19-data-dashboard, packages/common/src/data/gm.ts),
  which holds the 345 gemeenten of 1 January 2022.
- Changes applied since, per CBS announcements: Weesp joined Amsterdam on 24 March 2022;
  Brielle, Hellevoetsluis and Westvoorne merged into Voorne aan Zee (GM1992) on 1 January 2023.
  No boundary changes took effect on 1 January 2024 or 1 January 2025.
- The result, 342, matches the count of CBS's Wijk- en Buurtkaart 2025 / StatLine table 86059NED
  ("Gebieden in Nederland 2025": 342 gemeenten).
- 2026: no merger taking effect on 1 January 2026 could be verified from a source available here,
  so this list is named "CBS 2025", not 2026. If CBS publishes changes, ship a new tuple and VERSION.

Lookups are case-insensitive and forgiving about apostrophes, accents and the province suffixes
that tell apart Bergen (NH.) and Bergen (L.): "bergen nh", "Bergen (Noord-Holland)" and
"Sudwest-Fryslan" all find the official name. "Bergen" alone is ambiguous and finds nothing.
"""

from __future__ import annotations

import re
import unicodedata

VERSION = "CBS 2025"
"""Which official list this is. Checked against 2026: no change verified (see the module text)."""

MUNICIPALITIES: tuple[str, ...] = (
    "Aa en Hunze",
    "Aalsmeer",
    "Aalten",
    "Achtkarspelen",
    "Alblasserdam",
    "Albrandswaard",
    "Alkmaar",
    "Almelo",
    "Almere",
    "Alphen aan den Rijn",
    "Alphen-Chaam",
    "Altena",
    "Ameland",
    "Amersfoort",
    "Amstelveen",
    "Amsterdam",
    "Apeldoorn",
    "Arnhem",
    "Assen",
    "Asten",
    "Baarle-Nassau",
    "Baarn",
    "Barendrecht",
    "Barneveld",
    "Beek (L.)",
    "Beekdaelen",
    "Beesel",
    "Berg en Dal",
    "Bergeijk",
    "Bergen (L.)",
    "Bergen (NH.)",
    "Bergen op Zoom",
    "Berkelland",
    "Bernheze",
    "Best",
    "Beuningen",
    "Beverwijk",
    "De Bilt",
    "Bladel",
    "Blaricum",
    "Bloemendaal",
    "Bodegraven-Reeuwijk",
    "Boekel",
    "Borger-Odoorn",
    "Borne",
    "Borsele",
    "Boxtel",
    "Breda",
    "Bronckhorst",
    "Brummen",
    "Brunssum",
    "Bunnik",
    "Bunschoten",
    "Buren",
    "Capelle aan den IJssel",
    "Castricum",
    "Coevorden",
    "Cranendonck",
    "Culemborg",
    "Dalfsen",
    "Dantumadiel",
    "Delft",
    "Deurne",
    "Deventer",
    "Diemen",
    "Dijk en Waard",
    "Dinkelland",
    "Doesburg",
    "Doetinchem",
    "Dongen",
    "Dordrecht",
    "Drechterland",
    "Drimmelen",
    "Dronten",
    "Druten",
    "Duiven",
    "Echt-Susteren",
    "Edam-Volendam",
    "Ede",
    "Eemnes",
    "Eemsdelta",
    "Eersel",
    "Eijsden-Margraten",
    "Eindhoven",
    "Elburg",
    "Emmen",
    "Enkhuizen",
    "Enschede",
    "Epe",
    "Ermelo",
    "Etten-Leur",
    "De Fryske Marren",
    "Geertruidenberg",
    "Geldrop-Mierlo",
    "Gemert-Bakel",
    "Gennep",
    "Gilze en Rijen",
    "Goeree-Overflakkee",
    "Goes",
    "Goirle",
    "Gooise Meren",
    "Gorinchem",
    "Gouda",
    "'s-Gravenhage",
    "Groningen",
    "Gulpen-Wittem",
    "Haaksbergen",
    "Haarlem",
    "Haarlemmermeer",
    "Halderberge",
    "Hardenberg",
    "Harderwijk",
    "Hardinxveld-Giessendam",
    "Harlingen",
    "Hattem",
    "Heemskerk",
    "Heemstede",
    "Heerde",
    "Heerenveen",
    "Heerlen",
    "Heeze-Leende",
    "Heiloo",
    "Den Helder",
    "Hellendoorn",
    "Helmond",
    "Hendrik-Ido-Ambacht",
    "Hengelo (O.)",
    "'s-Hertogenbosch",
    "Heumen",
    "Heusden",
    "Hillegom",
    "Hilvarenbeek",
    "Hilversum",
    "Hoeksche Waard",
    "Hof van Twente",
    "Het Hogeland",
    "Hollands Kroon",
    "Hoogeveen",
    "Hoorn",
    "Horst aan de Maas",
    "Houten",
    "Huizen",
    "Hulst",
    "IJsselstein",
    "Kaag en Braassem",
    "Kampen",
    "Kapelle",
    "Katwijk",
    "Kerkrade",
    "Koggenland",
    "Krimpen aan den IJssel",
    "Krimpenerwaard",
    "Laarbeek",
    "Land van Cuijk",
    "Landgraaf",
    "Landsmeer",
    "Lansingerland",
    "Laren (NH.)",
    "Leeuwarden",
    "Leiden",
    "Leiderdorp",
    "Leidschendam-Voorburg",
    "Lelystad",
    "Leudal",
    "Leusden",
    "Lingewaard",
    "Lisse",
    "Lochem",
    "Loon op Zand",
    "Lopik",
    "Losser",
    "Maasdriel",
    "Maasgouw",
    "Maashorst",
    "Maassluis",
    "Maastricht",
    "Medemblik",
    "Meerssen",
    "Meierijstad",
    "Meppel",
    "Middelburg (Z.)",
    "Midden-Delfland",
    "Midden-Drenthe",
    "Midden-Groningen",
    "Moerdijk",
    "Molenlanden",
    "Montferland",
    "Montfoort",
    "Mook en Middelaar",
    "Neder-Betuwe",
    "Nederweert",
    "Nieuwegein",
    "Nieuwkoop",
    "Nijkerk",
    "Nijmegen",
    "Nissewaard",
    "Noardeast-Fryslân",
    "Noord-Beveland",
    "Noordenveld",
    "Noordoostpolder",
    "Noordwijk",
    "Nuenen, Gerwen en Nederwetten",
    "Nunspeet",
    "Oegstgeest",
    "Oirschot",
    "Oisterwijk",
    "Oldambt",
    "Oldebroek",
    "Oldenzaal",
    "Olst-Wijhe",
    "Ommen",
    "Oost Gelre",
    "Oosterhout",
    "Ooststellingwerf",
    "Oostzaan",
    "Opmeer",
    "Opsterland",
    "Oss",
    "Oude IJsselstreek",
    "Ouder-Amstel",
    "Oudewater",
    "Overbetuwe",
    "Papendrecht",
    "Peel en Maas",
    "Pekela",
    "Pijnacker-Nootdorp",
    "Purmerend",
    "Putten",
    "Raalte",
    "Reimerswaal",
    "Renkum",
    "Renswoude",
    "Reusel-De Mierden",
    "Rheden",
    "Rhenen",
    "Ridderkerk",
    "Rijssen-Holten",
    "Rijswijk (ZH.)",
    "Roerdalen",
    "Roermond",
    "De Ronde Venen",
    "Roosendaal",
    "Rotterdam",
    "Rozendaal",
    "Rucphen",
    "Schagen",
    "Scherpenzeel",
    "Schiedam",
    "Schiermonnikoog",
    "Schouwen-Duiveland",
    "Simpelveld",
    "Sint-Michielsgestel",
    "Sittard-Geleen",
    "Sliedrecht",
    "Sluis",
    "Smallingerland",
    "Soest",
    "Someren",
    "Son en Breugel",
    "Stadskanaal",
    "Staphorst",
    "Stede Broec",
    "Steenbergen",
    "Steenwijkerland",
    "Stein (L.)",
    "Stichtse Vecht",
    "Súdwest-Fryslân",
    "Terneuzen",
    "Terschelling",
    "Texel",
    "Teylingen",
    "Tholen",
    "Tiel",
    "Tilburg",
    "Tubbergen",
    "Twenterand",
    "Tynaarlo",
    "Tytsjerksteradiel",
    "Uitgeest",
    "Uithoorn",
    "Urk",
    "Utrecht",
    "Utrechtse Heuvelrug",
    "Vaals",
    "Valkenburg aan de Geul",
    "Valkenswaard",
    "Veendam",
    "Veenendaal",
    "Veere",
    "Veldhoven",
    "Velsen",
    "Venlo",
    "Venray",
    "Vijfheerenlanden",
    "Vlaardingen",
    "Vlieland",
    "Vlissingen",
    "Voerendaal",
    "Voorne aan Zee",
    "Voorschoten",
    "Voorst",
    "Vught",
    "Waadhoeke",
    "Waalre",
    "Waalwijk",
    "Waddinxveen",
    "Wageningen",
    "Wassenaar",
    "Waterland",
    "Weert",
    "West Betuwe",
    "West Maas en Waal",
    "Westerkwartier",
    "Westerveld",
    "Westervoort",
    "Westerwolde",
    "Westland",
    "Weststellingwerf",
    "Wierden",
    "Wijchen",
    "Wijdemeren",
    "Wijk bij Duurstede",
    "Winterswijk",
    "Woensdrecht",
    "Woerden",
    "De Wolden",
    "Wormerland",
    "Woudenberg",
    "Zaanstad",
    "Zaltbommel",
    "Zandvoort",
    "Zeewolde",
    "Zeist",
    "Zevenaar",
    "Zoetermeer",
    "Zoeterwoude",
    "Zuidplas",
    "Zundert",
    "Zutphen",
    "Zwartewaterland",
    "Zwijndrecht",
    "Zwolle",
)

# Everyday or older names → the official CBS name. Only unambiguous ones.
ALIASES: dict[str, str] = {
    "Den Haag": "'s-Gravenhage",
    "The Hague": "'s-Gravenhage",
    "Den Bosch": "'s-Hertogenbosch",
    "Nuenen": "Nuenen, Gerwen en Nederwetten",
    "Hengelo": "Hengelo (O.)",
    "Rijswijk": "Rijswijk (ZH.)",
    "Middelburg": "Middelburg (Z.)",
    "Beek": "Beek (L.)",
    "Stein": "Stein (L.)",
    "Laren": "Laren (NH.)",
    "Zuidwest-Friesland": "Súdwest-Fryslân",
    "Noordoost-Friesland": "Noardeast-Fryslân",
    "De Friese Meren": "De Fryske Marren",
    "Tietjerksteradeel": "Tytsjerksteradiel",
}

# Province suffixes as people write them, folded to the CBS abbreviation.
_SUFFIXES = {
    "nh": "nh",
    "noord-holland": "nh",
    "noord holland": "nh",
    "l": "l",
    "lb": "l",
    "limburg": "l",
    "zh": "zh",
    "zuid-holland": "zh",
    "zuid holland": "zh",
    "o": "o",
    "ov": "o",
    "overijssel": "o",
    "z": "z",
    "zld": "z",
    "zeeland": "z",
}
_SUFFIX_RE = re.compile(
    r"^(?P<base>.*?)\s*(?:\((?P<paren>[^)]*)\)|\s(?P<bare>nh|zh|l|lb|o|ov|z)\.?)$"
)


def _fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key; 'Bergen (NH.)' → 'bergen (nh)'."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'").replace("´", "'")
    text = " ".join(text.casefold().split())
    if text.startswith("s-"):  # "s-Hertogenbosch" typed without the apostrophe
        text = "'" + text
    match = _SUFFIX_RE.match(text)
    if match:
        suffix = (match.group("paren") or match.group("bare") or "").strip().rstrip(".").strip()
        folded = _SUFFIXES.get(suffix)
        if folded:
            return f"{match.group('base').strip()} ({folded})"
    return text


_INDEX: dict[str, str] = {_fold(name): name for name in MUNICIPALITIES}
_INDEX.update({_fold(alias): name for alias, name in ALIASES.items()})


def _strip_article(folded: str) -> str:
    return re.sub(r"^('s-|de |den |het )", "", folded)


# Municipalities that merged since the base list, for a helpful message when an old name is typed.
FORMER: dict[str, str] = {
    "Weesp": "Amsterdam",  # 24 March 2022
    "Brielle": "Voorne aan Zee",  # 1 January 2023
    "Hellevoetsluis": "Voorne aan Zee",
    "Westvoorne": "Voorne aan Zee",
    "Heerhugowaard": "Dijk en Waard",  # 1 January 2022
    "Langedijk": "Dijk en Waard",
    "Uden": "Maashorst",
    "Landerd": "Maashorst",
    "Boxmeer": "Land van Cuijk",
    "Cuijk": "Land van Cuijk",
    "Grave": "Land van Cuijk",
    "Mill en Sint Hubert": "Land van Cuijk",
    "Sint Anthonis": "Land van Cuijk",
    "Beemster": "Purmerend",
}
_FORMER_INDEX = {_fold(old): new for old, new in FORMER.items()}


def successor(name: str) -> str | None:
    """The current gemeente a former one merged into (since 2022), or ``None``."""
    return _FORMER_INDEX.get(_fold(name)) if name else None


def unknown_message(name: str) -> str:
    """Dutch message for a name that is not a gemeente: names the successor when there is one."""
    new = successor(name)
    shown = " ".join(str(name).split())
    shown = (
        shown if len(shown) <= 40 else shown[:39] + "…"
    )  # a message quotes, it does not echo a whole paste
    if new:
        return f"'{shown}' is geen gemeente meer: die is opgegaan in {new}. Kies {new}."
    return f"'{shown}' staat niet in de lijst van gemeenten ({VERSION}): kies een gemeente uit de lijst."


def canonical(name: str) -> str | None:
    """The official CBS name for ``name``, or ``None`` when it is not (unambiguously) a gemeente."""
    if not name or not str(name).strip():
        return None
    return _INDEX.get(_fold(name))


def checked(name: str) -> str:
    """The official name for a gemeente typed by the landlord; raises ``ValueError`` with a Dutch
    message (naming the successor of a merged gemeente) when it is not one."""
    official = canonical(name)
    if official is None:
        raise ValueError(
            unknown_message(name) if str(name).strip() else "Kies de gemeente waar de woning ligt."
        )
    return official


def is_municipality(name: str) -> bool:
    return canonical(name) is not None


def match(prefix: str, limit: int | None = None) -> list[str]:
    """Official names that start with ``prefix`` (or whose name after "De", "Den", "Het", "'s-"
    does), then those that merely contain it; for type-ahead in forms."""
    key = _fold(prefix)
    if not key:
        return list(MUNICIPALITIES[:limit] if limit else MUNICIPALITIES)
    starts: list[str] = []
    contains: list[str] = []
    for name in MUNICIPALITIES:
        folded = _fold(name)
        if folded.startswith(key) or _strip_article(folded).startswith(key):
            starts.append(name)
        elif key in folded:
            contains.append(name)
    for alias, name in ALIASES.items():
        folded = _fold(alias)
        if (
            folded.startswith(key) or _strip_article(folded).startswith(key)
        ) and name not in starts:
            starts.append(name)
    result = starts + [name for name in contains if name not in starts]
    return result[:limit] if limit else result
