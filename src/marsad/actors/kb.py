"""The actor knowledge base shipped as package data (``marsad/data/actors/actors.json``).

Each entry: ACLED-style canonical name, actor type, home inter code, home country
and Arabic aliases. Names with ``{country}`` are generic (civilians, protesters,
unidentified armed group...) and take the country of the event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from marsad.actors.text import core, norm

#: ISO codes the geocoder may give, to the English names the actor names use.
ISO_COUNTRY = {
    "SY": "Syria", "IQ": "Iraq", "YE": "Yemen", "LY": "Libya", "PS": "Palestine",
    "TR": "Turkey", "RU": "Russia", "IL": "Israel", "LB": "Lebanon", "IR": "Iran",
    "US": "United States", "SA": "Saudi Arabia", "JO": "Jordan", "EG": "Egypt",
    "FR": "France", "GB": "United Kingdom", "AF": "Afghanistan", "AE": "United Arab Emirates", "SD": "Sudan",
}


@dataclass(frozen=True, slots=True)
class KBActor:
    name: str
    actor_type: str
    inter: int
    country: str
    aliases: tuple[str, ...]


#: GeoNames' country names that ACLED spells otherwise (actor names and home countries use ACLED's).
_ACLED_SPELLING = {"Palestinian Territory": "Palestine", "Syrian Arab Republic": "Syria", "Türkiye": "Turkey"}
#: Where a state's forces are not external: Israel's in the Palestinian territories (ACLED).
_HOME_TOO = {("Israel", "Palestine")}


def country_name(value: str) -> str:
    """English country name (ACLED's spelling) from an ISO code or a name."""
    if len(value) == 2:
        return ISO_COUNTRY.get(value.upper(), value)
    return _ACLED_SPELLING.get(value, value)


@lru_cache(maxsize=1)
def load_kb() -> tuple[KBActor, ...]:
    raw = resources.files("marsad").joinpath("data/actors/actors.json").read_text("utf-8")
    return tuple(
        KBActor(a["name"], a["actor_type"], int(a["inter"]), a["country"], tuple(a["aliases"]))
        for a in json.loads(raw)["actors"]
    )


@lru_cache(maxsize=1)
def alias_index() -> dict[str, list[tuple[tuple[str, ...], KBActor]]]:
    """First alias word -> [(alias words, actor)], longest alias first."""
    index: dict[str, list[tuple[tuple[str, ...], KBActor]]] = {}
    for actor in load_kb():
        for alias in actor.aliases:
            words = alias.split()
            key = tuple(core(w) for w in words)
            if len(words) == 1 and core(words[0]) != norm(words[0]):
                key = ("ال" + key[0],)  # a one-word definite alias («التحالف») needs its article
            index.setdefault(key[0], []).append((key, actor))
    for entries in index.values():
        entries.sort(key=lambda e: -len(e[0]))
    return index


#: «التحالف» is the Saudi-led coalition in Yemen and the anti-IS coalition elsewhere.
_THEATRE_NAMES = {
    ("Global Coalition Against Daesh", "Yemen"): "Operation Restoring Hope",
    ("Al Qaeda", "Yemen"): "AQAP: Al Qaeda in the Arabian Peninsula",
    ("Syrian National Army", "Yemen"): "Military Forces of Yemen (2016-) Hadi Government",  # «الجيش الوطني»
    ("Syrian National Army", "Libya"): "Libyan National Army",
    **{("Opposition Rebels (Syria)", c): f"Unidentified Armed Group ({c})"  # «الفصائل في غزة»: not Syria's
       for c in ("Palestine", "Yemen", "Libya", "Iraq")},
}
#: The group ACLED names by the country where it acts: «داعش» is "Islamic State (Iraq)" in Iraq and
#: "Islamic State (France)" in France (dev9's gold), whether or not the base has that entry; in
#: Lebanon it is the Syrian war's spill-over (dev7 coded an arrest there so).
_BRANCHED = "Islamic State ("
_BRANCH_OF = {"Lebanon": "Syria"}
#: The government's forces where a country has two claimants («القوات الحكومية» in Yemen are Hadi's).
_GOVERNMENT = {"Yemen": "Military Forces of Yemen (2016-) Hadi Government"}


def resolve_name(actor: KBActor, country: str) -> str:
    """Canonical name for a use in ``country`` (fills generic names)."""
    if (actor.name, country) in _THEATRE_NAMES:
        return _THEATRE_NAMES[(actor.name, country)]
    if actor.name.startswith(_BRANCHED) and country:
        return f"{_BRANCHED}{_BRANCH_OF.get(country_name(country), country_name(country))})"
    if "{country}" not in actor.name:
        return actor.name
    country = country or "Syria"
    if country.startswith("The "):
        country = country[4:] if actor.name.startswith(("Civilians", "Protesters", "Rioters", "Unidentified")) else country
    if actor.name == "Military Forces of {country}":
        if country in _GOVERNMENT:
            return _GOVERNMENT[country]
        for other in load_kb():
            if other.country == country and other.name.startswith("Military Forces of"):
                return other.name
    return actor.name.replace("{country}", country).replace("of The ", "of the ")  # «Police Forces of the Netherlands»


def inter_for(actor: KBActor, country: str) -> int:
    """ACLED inter code in a country: a state's forces abroad are external (8)."""
    if actor.inter == 1 and actor.country and country and actor.country != country \
            and (actor.country, country) not in _HOME_TOO:
        return 8
    return actor.inter


def branch_family(name: str) -> KBActor | None:
    """The base's entry for a branch named outside the base («Islamic State (France)» → the
    group), so that an event renames it for its own country; None for any other name."""
    return by_name("Islamic State (Syria)") if name.startswith(_BRANCHED) else None


def by_name(name: str) -> KBActor | None:
    for actor in load_kb():
        if actor.name == name:
            return actor
    return None
