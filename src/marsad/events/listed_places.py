"""Places listed together: a list of villages lies in the province named right after it, in
the province of most of its members, or in the one the story has just named; a member the
gazetteer puts far away is its namesake there, else the province (precision 3). Split from
:mod:`marsad.events.placing`, which re-exports :func:`situated` and :func:`in_list_province`."""

from __future__ import annotations

import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from marsad.actors.text import variants, words
from marsad.events import spans
from marsad.geo.distance import great_circle_km
from marsad.model import Place

#: Compass bearings («شرقي درعا»): after a list they situate it from a city.
DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})
_SITUATING = frozenset({"في", "ريف", "بريف", "محافظه", "بمحافظه", "شرقي", "غربي", "شمالي", "جنوبي", "شرق", "غرب",
                        "شمال", "جنوب", "الشرقي", "الغربي", "الشمالي", "الجنوبي"})


def situated(listed: list[Place], places: Sequence[Place], text: str) -> list[Place]:
    """«استعادت قرى الكرم، والنجمة شرقي درعا»، «قرية هداج في ريف الحسكة»: a province named
    right after a list of Syrian villages («ريف X»، «محافظة X», or a direction from the city
    that names the province) situates them all: a member the geocoder put far (over
    ``_FAR_KM``) from it is its namesake there, else a place of it the gazetteer lacks, coded
    to the province (precision 3). A near one stays («أورم الكبرى بريف إدلب» lies in Aleppo)."""
    if not listed:
        return listed
    last = max(listed, key=lambda p: p.end)
    ordered, starts = spans.ordered(places)
    k = bisect_left(starts, last.end)
    after = ordered[k] if k < len(ordered) else None
    if after is None or after.country != "Syria" or not after.admin1 or after.latitude is None:
        return _story_province(listed, places)
    between = text[last.end : after.start]
    forms = [variants(w) for _, _, w in words(between)]
    if not forms or len(forms) > 3 or any(c in between for c in ".:؛;()\n") \
            or not all(w in _SITUATING for _, _, w in words(between)):
        return _story_province(listed, places)  # «في غربي وجنوبي حلب، وشمالي محافظة إدلب»: regions listed
    province = any(f & {"ريف", "محافظه"} for f in forms) or after.feature == "admin1"
    if not province and not (after.name_en == after.admin1 and any(f & (DIRECTIONS | _DIRECTIONS_ANY) for f in forms)):
        return listed  # «التنف جنوب غربي البوكمال»: a town's bearing, not its province
    # the Damascus governorate is the city: what lies around it is Rural Damascus («الدوير شمال دمشق»)
    home = "Rural Damascus" if after.admin1 == "Damascus" and not province else after.admin1
    return [p if not p.pcode.startswith("C") or p.admin1 == home or p.name_en == p.admin1 or _km(p, after) <= _FAR_KM
            else _namesake(p, home) for p in listed]


_FAR_KM = 100.0
#: How far back (characters) the story's province is looked for (:func:`_story_province`).
_PROVINCE_BEFORE = 600


def _story_province(listed: list[Place], places: Sequence[Place]) -> list[Place]:
    """«… 4 قرى في ريف دير الزور … على قرى شقرا والحصان والجيعة والجنينة»: villages listed
    with others of a province the story has just named (all members but one lie in it, and the
    province itself is named in the ``_PROVINCE_BEFORE`` characters before the list) lie in it:
    the one the gazetteer puts far away is its namesake there, else a village of it the
    gazetteer lacks (the province, precision 3)."""
    villages = [p for p in listed if p.pcode.startswith("C")]
    counts = Counter(p.admin1 for p in villages)
    if len(villages) < 3 or not counts:
        return listed
    home, n = counts.most_common(1)[0]
    first = min(p.start for p in listed)
    named = any(p.feature == "admin1" and p.admin1 == home and first - _PROVINCE_BEFORE <= p.start < first
                for p in places)
    if n < len(villages) - 1 or n == len(villages) or not named:
        return listed
    mates = [p for p in villages if p.admin1 == home]
    return [p if not p.pcode.startswith("C") or p.admin1 == home or min(_km(p, m) for m in mates) <= _FAR_KM
            else _namesake(p, home) for p in listed]
_DIRECTIONS_ANY = frozenset({"شرق", "غرب", "شمال", "جنوب"})


def _km(a: Place, b: Place) -> float:
    """Great-circle distance between two places (infinite when one has no coordinates)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return great_circle_km(a.latitude, a.longitude, b.latitude, b.longitude)


def in_list_province(listed: list[Place]) -> list[Place]:
    """«وتعرضت مدن وبلدات نوى وكحيل … وصيدا … وتل السمن»: towns listed with those of one
    province (three quarters of a list of four or more) lie in it: a member the geocoder put
    elsewhere is its namesake there («صيدا» of Daraa, not of Quneitra), else a place of that
    province the gazetteer lacks, coded to the province (precision 3)."""
    counts = Counter(p.admin1 for p in listed if p.pcode.startswith("C"))
    if len(listed) < 4 or not counts:
        return listed
    home, n = counts.most_common(1)[0]
    if n * 4 < len(listed) * 3:
        return listed
    return [p if not p.pcode.startswith("C") or p.admin1 == home else _namesake(p, home) for p in listed]


def _namesake(place: Place, home: str) -> Place:
    from marsad.geo import lookup
    from marsad.geo.gazetteer import gazetteer

    found = [c for c in lookup(place.name_ar) if c.admin1 == home and c.pcode.startswith("C")]
    province = found[0] if len(found) == 1 else next(
        (c for c in gazetteer().entries if c.feature == "admin1" and c.cc == "SY" and c.admin1 == home), None)
    if province is None:
        return place
    return replace(place, name_ar=province.name_ar, name_en=province.name_en, admin1=province.admin1,
                   admin2=province.admin2, admin3=province.admin3, pcode=province.pcode, latitude=province.latitude,
                   longitude=province.longitude, feature=province.feature,
                   geo_precision=place.geo_precision if found else 3)
