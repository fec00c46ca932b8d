"""Events located only by their country («اعتقلت السلطات البحرينية، السبت، 14 شخصا»).

The codebook codes an event whose report names no town, only the country where it
happened, to that country with the lowest geographic precision (3); marsad places it
at the capital's coordinates, as the dev gold does. Two kinds of evidence name the
country: a country named as the locative of the clause («في البحرين»، «بهولندا»), and
the nationality of the authority that acts at home («الشرطة الهولندية»، «النيابة
التشيكية»). A country that is the subject («أطلقت إسرائيل») is an actor, not a place.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.actors.text import norm, variants
from marsad.events import spans
from marsad.model import Actor, Place

Words = list[tuple[int, int, str]]

#: Authorities that act in their own country (their nationality adjective locates the event).
_HOME_AGENTS = ("سلطات", "الشرطه", "شرطه", "النيابه", "نيابه", "الامن", "امن", "المحكمه", "محكمه",
                "القضاء", "الداخليه", "داخليه", "السلطات", "الاستخبارات", "المخابرات")
#: Adjectives that are also common words («مالي» financial, «عماني» …) are not used.
_AMBIGUOUS = frozenset({"مالي", "ماليه", "تشادي", "كوبي", "توغولي"})
_LOCATIVE = frozenset({"في", "داخل", "بانحاء", "انحاء", "اراضي"})
#: «جنوب إسرائيل»، «شمال العراق»: a part of the country, never its government.
_SIDES = frozenset({"جنوب", "شمال", "شرق", "غرب", "جنوبي", "شمالي", "شرقي", "غربي", "وسط"})
#: Plural or land nouns a nationality adjective locates («عدة مدن إيرانية»، «الأراضي السورية»).
_LANDS = frozenset({"مدن", "المدن", "قري", "القري", "بلدات", "البلدات", "مناطق", "المناطق", "اراضي", "الاراضي",
                    "محافظات", "المحافظات"})


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """Nationality adjective (normalised, no article) -> ISO code, derived from the country names."""
    from marsad.geo.countries_ar import COUNTRY_NAMES_AR

    out: dict[str, str] = {}
    for iso, names in COUNTRY_NAMES_AR.items():
        for name in names:
            if " " in name:
                continue
            base = norm(name[2:] if name.startswith("ال") else name)  # «ألمانيا»'s «أل» is no article
            base = base[:-1] if base.endswith("ا") else base
            if len(base) < 3:
                continue
            forms = (base, base + "ه") if norm(name).endswith("يا") else (base + "ي", base + "يه")  # روسيا: روسي، روسية
            for adj in forms:
                if adj not in _AMBIGUOUS:
                    out.setdefault(adj, iso)
    for adj, iso in _IRREGULAR.items():  # not derivable from the country's name
        for form in (norm(adj), norm(adj) + "ه"):
            out.setdefault(form, iso)
    return out


#: Nationality adjectives whose country name does not yield them (أفغانستان، السعودية، الجزائر).
_IRREGULAR = {"أفغاني": "AF", "سعودي": "SA", "جزائري": "DZ", "إسرائيلي": "IL", "باكستاني": "PK"}
#: Plural and dual endings of a masculine adjective («جنود عراقيين»، «جنديان تركيان»).
_PLURAL_ENDINGS = ("يين", "يون", "يان")


@lru_cache(maxsize=256)
def capital_place(iso: str) -> Place | None:
    """The country's capital as a precision-3 place, from the shipped gazetteer (which
    keeps every capital GeoNames names, even those without an Arabic name)."""
    from marsad.geo import capital, lookup
    from marsad.geo.countries_ar import COUNTRY_NAMES_AR

    names = COUNTRY_NAMES_AR.get(iso)
    entry = capital(iso)
    if not names or entry is None or entry.latitude is None or entry.longitude is None:
        return None
    found = [c for c in lookup(names[0]) if c.feature == "country"]
    country = found[0].country if found else entry.country
    return Place(0, 0, names[0], names[0], entry.name_en, country, geonames_id=entry.geonames_id,
                 latitude=entry.latitude, longitude=entry.longitude, geo_precision=3, feature="country")


@lru_cache(maxsize=512)
def adjective_country(word: str) -> str | None:
    """«العراقي» -> "Iraq": the country a nationality adjective (normalised) names, as the gazetteer spells it."""
    from marsad.geo import lookup
    from marsad.geo.countries_ar import COUNTRY_NAMES_AR

    w = word.removeprefix("و").removeprefix("ال")
    w = w[:-3] + "ه" if w.endswith(("تان", "تين")) else w
    iso = _adjectives().get(w)
    if iso is None and w.endswith(_PLURAL_ENDINGS):
        iso = _adjectives().get(w[:-2])
    if iso is None:
        return None
    found = [c for c in lookup(COUNTRY_NAMES_AR[iso][0]) if c.feature == "country"]
    return found[0].country if found else None


def _iso_of(place: Place) -> str | None:
    from marsad.geo import lookup

    found = [c for c in lookup(place.text) if c.feature == "country"]
    return found[0].cc if found else None


def country_of_clause(places: Sequence[Place], actors: Sequence[Actor], toks: Words, lo: int, hi: int) -> Place | None:
    """The one country where the clause's event happened, as its capital at precision 3."""
    start, end = toks[lo][0], toks[hi - 1][1]
    isos: set[str] = set()
    for p in spans.starting_in(places, start, end):
        if p.feature != "country" or p.start == end:
            continue
        k = next((i for i, t in enumerate(toks) if t[0] <= p.start < t[1] + 1), None)
        word = toks[k][2] if k is not None else ""
        prev = variants(toks[k - 1][2]) if k else frozenset()
        if prev & _SIDES or not spans.covers(actors, p.start) and (
                prev & _LOCATIVE or (word[:1] == "ب" and not p.text.startswith("ب"))):  # «على جنوب إسرائيل»
            iso = _iso_of(p)
            if iso:
                isos.add(iso)
    adjectives = _adjectives()
    agents: set[str] = set()
    for k in range(lo + 1, hi):
        adj = toks[k][2].removeprefix("ال")
        if adj not in adjectives:
            continue
        if any(toks[j][2].removeprefix("و").startswith(_HOME_AGENTS) for j in range(max(lo, k - 2), k)):
            agents.add(adjectives[adj])
        elif variants(toks[k - 1][2]) & _LANDS:
            isos.add(adjectives[adj])  # «عدة مدن إيرانية»، «داخل الأراضي السورية»
    if agents:  # «اعتقلت الشرطة التركية طلابا … على التدخل التركي في سوريا»: the authority acts at home
        isos = agents
    elif "SY" in isos:  # «قصف غرفة عمليات داخل الأراضي السورية»: in Syria, too vague a location
        return None
    return capital_place(isos.pop()) if len(isos) == 1 else None
