"""Choosing the entry a mention refers to, and its ACLED geo_precision.

The rules, in order: the construction decides the kind of place (province,
town, countryside); a governorate name said bare is the governorate; otherwise
candidates are scored by prominence (capital level, population) and by the
story's context (governorates and countries named elsewhere in the article).
Minor places and names that are also common words need evidence (a construction
word, an LOC entity, their governorate named nearby) or are dropped.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from marsad.geo.comention import Comentions, is_homonym, nearness, other_country
from marsad.geo.gazetteer import Candidate, prominence
from marsad.geo.matcher import Mention

_PROVINCE_LEVEL = ("country", "admin1", "region")
#: Features coded at geo_precision 2 whatever the construction: districts, subdistricts, and
#: sites filed under a community they are not in (bases, crossings, localities).
_SITE_FEATURES = ("admin2", "admin3", "airbase", "base", "crossing", "locality")
#: A capital of fewer people needs the evidence of a town abroad (Roseau, Valletta, Vaduz).
SMALL_CAPITAL = 100_000
#: A nationality adjective this close (characters) names the country of a town after «في».
NATIONAL_WINDOW = 120
#: Governorates that news treats as one area.
_NEIGHBOURS = (("Damascus", "Rural Damascus"), ("Rural Damascus", "Damascus"))


class Spans:
    """Character spans with a logarithmic overlap test (each mention asks up to four times)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self.spans = ordered
        self.starts = [s for s, _ in ordered]
        self.reach = list(accumulate((e for _, e in ordered), max))  # furthest end so far

    def overlaps(self, m: Mention) -> bool:
        """Whether some span has ``start < m.end`` and ``m.start < end``."""
        j = bisect_left(self.starts, m.end)
        return j > 0 and self.reach[j - 1] > m.start

    def nests(self, m: Mention) -> bool:
        """Whether some span holds the mention or lies within it. A span across its edge
        («سعد وبصرى» tagged PERS over «الشيخ سعد وبصرى الشام») is a tagger's slip, not a name."""
        # the spans overlapping it lie from the first whose reach passes its start to the last
        # starting before its end
        near = self.spans[bisect_right(self.reach, m.start) : bisect_left(self.starts, m.end)]
        return self.overlaps(m) and any(
            s <= m.start and m.end <= e or m.start <= s and e <= m.end for s, e in near if s < m.end and m.start < e
        )


@dataclass
class Context:
    """What the article says elsewhere: governorates and countries it names."""

    admin1: set[str] = field(default_factory=set)
    admin1_at: dict[str, list[int]] = field(default_factory=dict)  # governorate -> sorted offsets
    admin2: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    #: country -> offsets of its nationality adjectives, or how to find them (:meth:`nationals_of`)
    nationals: dict[str, list[int]] | Callable[[], dict[str, list[int]]] = field(default_factory=dict)
    points: list[tuple[int, float, float]] = field(default_factory=list)  # (offset, lat, lon) by offset
    abroad: list[int] = field(default_factory=list)  # sorted offsets of towns abroad («مدينة تعز»)
    syria: bool = False
    loc_spans: Spans = field(default_factory=Spans)
    other_spans: Spans = field(default_factory=Spans)
    co: Comentions = field(default_factory=Comentions)  # the certain places of each sentence

    def nationals_of(self, cc: str) -> list[int]:
        """The sorted offsets of country ``cc``'s nationality adjectives. Given as a function, they
        are found on the first question: only a minor town abroad after «في» asks (a few
        articles in a hundred), and finding them reads every word of the article."""
        if callable(self.nationals):
            self.nationals = self.nationals()
        return self.nationals.get(cc, [])


def build_context(mentions: Sequence[Mention], loc: Sequence[tuple[int, int]] = (),
                  other: Sequence[tuple[int, int]] = (), common: frozenset[str] = frozenset()) -> Context:
    """Context from the mentions whose reading is not in doubt (one prominent candidate)."""
    ctx = Context(loc_spans=Spans(loc), other_spans=Spans(other))
    readings = list(zip(mentions, map(_reading, mentions), strict=True))
    ctx.co = Comentions(homonyms=frozenset(m.start for m, (_, _, homonym) in readings if homonym))
    for m, (_, top, _) in readings:
        if m.key in common:
            continue
        if top.feature == "admin1" and top.cc != "SY" and m.first == m.last:
            continue  # a one-word province abroad («ديالى») does not set the story in its country
        if top.feature in ("admin1", "country") or (top.cc == "SY" and top.rank >= 1):
            ctx.countries.add(top.cc)
            if top.feature == "region" and top.latitude is not None and top.longitude is not None:
                ctx.points.append((m.start, top.latitude, top.longitude))
            if top.cc == "SY":
                ctx.admin1.add(top.admin1)
                ctx.admin1_at.setdefault(top.admin1, []).append(m.start)
                ctx.syria = True
                if top.feature != "admin1":
                    ctx.admin2.add(top.admin2)
    for a, b in _NEIGHBOURS:
        if a in ctx.admin1:
            ctx.admin1.add(b)
    ctx.points.sort(key=lambda p: p[0])  # the mentions' order; the queries bisect on the offsets
    for offsets in ctx.admin1_at.values():
        offsets.sort()
    return ctx


_Reading = tuple[tuple[Candidate, ...], Candidate, bool]
#: Per key: its candidates (the gazetteer's tuple, :meth:`Gazetteer.candidates`), the most
#: prominent and whether they are homonyms. Held with the tuple, so an answer is read only for
#: that very tuple; at most one entry per gazetteer key.
_READINGS: dict[str, _Reading] = {}
_READINGS_LIMIT = 1 << 16


def _reading(m: Mention) -> _Reading:
    """The mention's most prominent candidate and :func:`is_homonym`, remembered per key (~1.5 µs
    a mention computed, ~15 mentions an article, and news names the same places again)."""
    found = _READINGS.get(m.key)
    if found is None or found[0] is not m.candidates:
        if len(_READINGS) >= _READINGS_LIMIT:
            _READINGS.clear()  # only callers that build their own candidate tuples get here
        found = _READINGS[m.key] = (m.candidates, max(m.candidates, key=prominence), is_homonym(m))
    return found


def _near(offsets: list[int], pos: int, radius: int) -> list[int]:
    """The sorted ``offsets`` within ``radius`` of ``pos``, by bisect: every mention asks about
    the places named near it, and a scan of the whole article's made long ones quadratic."""
    return offsets[bisect_left(offsets, pos - radius) : bisect_right(offsets, pos + radius)]


def score(c: Candidate, m: Mention, ctx: Context) -> float:
    """Plausibility of one candidate for one mention (higher is better)."""
    if c.feature == "country":
        return 20.0
    if c.feature == "admin1" and c.cc != "SY":
        # «محافظة الحديدة» is the province; said bare, a namesake city (its seat) comes first
        if m.construction == "province":
            return 16.0
        seat = any(o.feature in ("city", "capital") and o.cc == c.cc for o in m.candidates)
        return -5.0 if seat else 4.0 + (4.0 if c.cc in ctx.countries else 0.0)
    if c.feature == "admin1":
        if c.pcode == "SY01" and m.construction != "province":
            return 2.0  # Damascus governorate is the city itself: resolve to the city
        return 15.0 if m.construction in ("", "province", "rural", "area") else 2.0
    if c.feature == "region":
        return 12.0
    hint = 10.0 if m.country_hint and c.cc == m.country_hint else 0.0
    if c.cc == "SY":
        s = 3.0 + 1.5 * c.rank + (3.0 if c.admin1 in ctx.admin1 else 0.0)
        s += (2.0 if c.admin2 in ctx.admin2 else 0.0) + (1.5 if ctx.syria else 0.0)
        # a district of a city of millions is better known than a namesake hamlet, even one in a
        # governorate the story names («مركز البحوث في برزة» in a story about strikes near Homs)
        s += _proximity(c, m, ctx) + (3.5 if c.feature == "neighbourhood" else 0.0)
        s += nearness(c, m, ctx.co)  # a homonym is the one beside the places of its sentence
        if c.feature in ("admin2", "admin3"):
            s += 5.0 if m.construction == c.feature else -4.0
        return s + hint
    s = 1.5 * math.log10(max(c.rank, 10)) - 3.0
    s += (4.0 if c.rank >= 100_000 else 0.5) if c.cc in ctx.countries else 0.0
    return s + (3.0 if c.feature == "capital" else 0.0) + hint


def _proximity(c: Candidate, m: Mention, ctx: Context) -> float:
    """Up to +2 for a candidate within 50 km of a place named in the same passage."""
    if c.latitude is None or c.longitude is None:
        return 0.0
    best = 0.0
    lo = bisect_left(ctx.points, m.start - 299, key=lambda p: p[0])
    hi = bisect_right(ctx.points, m.start + 299, key=lambda p: p[0])
    for pos, lat, lon in ctx.points[lo:hi]:
        if pos != m.start:
            km = math.hypot(lat - c.latitude, (lon - c.longitude) * 0.83) * 111
            best = max(best, 2.0 * max(0.0, 1 - km / 50))
    return best


def _nearby(admin1: str, m: Mention, ctx: Context, window: int = 400) -> bool:
    """Whether the governorate (or a place in it) is named within ``window`` characters."""
    names = [admin1, *(b for a, b in _NEIGHBOURS if a == admin1)]
    return any(_near(ctx.admin1_at.get(n, []), m.start, window) for n in names)


def choose(m: Mention, ctx: Context, common: bool) -> tuple[Candidate, int] | None:
    """The best candidate and its geo_precision, or None when the evidence is too weak."""
    if ctx.other_spans.nests(m):
        return None
    cands = list(m.candidates)
    if m.construction in ("town", "admin2", "admin3"):
        # a region keeps its towns: «بلدات الغوطة», «مركز الغوطة» are not a hamlet of Ar-Raqqa
        kinds = ("country", "admin1") if m.construction == "town" else _PROVINCE_LEVEL
        local = [c for c in cands if c.feature not in kinds]
        cands = local or cands
    if m.capital_of:  # «عاصمة نيو برونزويك» is Canada's province, not the US town
        cands = [c for c in cands if c.cc == "SY" or c.feature != "city"]
        if not cands:
            return None
    if m.construction in ("province", "rural"):
        province = [c for c in cands if c.feature == "admin1" and (c.cc == "SY" or m.construction == "province")]
        if m.construction == "province" and not province:
            return None  # a province outside Syria: not annotated
        cands = province or cands
    ranked = sorted(cands, key=lambda c: score(c, m, ctx), reverse=True) if len(cands) > 1 else cands
    for best in ranked[:3]:
        if _enough_evidence(best, m, ctx, common):
            return best, _precision(best, m)
    return None


def _enough_evidence(c: Candidate, m: Mention, ctx: Context, common: bool) -> bool:
    """Prominent places need none; minor ones and common words need context."""
    if c.cc == "SY" and c.rank < 3 and any(pos != m.start for pos in _near(ctx.abroad, m.start, 39)):
        return False  # «حي الروضة شرقي مدينة تعز»: right next to a town abroad
    said = m.construction not in ("", "between") and not m.inherited
    said = said or (bool(m.country_hint) and c.cc == m.country_hint)
    strong = said or ctx.loc_spans.overlaps(m)
    if c.feature == "admin1" and c.cc != "SY":  # «ديالى», «صعدة»: in a story set in Iraq, Yemen
        named = m.construction == "province" or c.cc == m.country_hint  # not «منطقة المرج» (Ghouta)
        return named or c.cc in ctx.countries and (not common or strong)  # no easier than its seat
    if common:
        if c.cc == "SY":
            near = bool(m.locative) or m.listed
            in_list = m.inherited and m.listed  # «مدن وبلدات دوما وحرستا ومديرا»
            # an LOC tag alone does not make a hamlet of a common word («مدرسة», «الأسد») a place
            return said or c.rank >= 1 and strong or ((c.rank >= 1 and near or in_list) and c.admin1 in ctx.admin1)
        # a common word is a town abroad only when the text says so or the story is set there
        # (an LOC tag alone does not make «طراز» or «حصار» a city, nor «في مشهد» Mashhad)
        # («مدينة الفحيص» is a town; «منطقة حربية», «مناطق فقيرة», «شمال سوري» are not)
        big = c.rank >= 1_000_000 and m.locative not in ("", "ب")  # «في جدة», not «باكرا»
        there = c.cc in ctx.countries
        return said and (there or c.rank >= 100_000 or m.construction == "town") or there and (strong or big)
    # the capital of a small country is no better known than a town («من روسو» is a man, not Roseau),
    # unless it is the country itself (Gibraltar, Monaco)
    small_capital = c.feature == "capital" and c.rank < SMALL_CAPITAL and c.name_en != c.country
    if c.feature in ("country", "admin1", "region", "capital", "airbase", "base", "crossing") and not small_capital:
        return True
    if c.feature in ("admin2", "admin3"):
        return strong
    if c.cc == "SY":
        if not ctx.syria and (c.rank == 0 or c.rank < 3 and ctx.countries):
            return False  # a Syrian village in a story set elsewhere
        major = c.rank >= 1 or len(c.name_ar.split()) > 1
        # an LOC tag alone does not send a hamlet to a governorate the story never names
        # («تلول الصفا» of As-Sweida tagged LOC is not «الصفا» of Al-Hasakeh)
        elsewhere = bool(ctx.admin1 - {""}) and c.admin1 not in ctx.admin1
        strong = said or strong and not elsewhere
        return major or strong or _nearby(c.admin1, m, ctx) or (m.inherited and m.listed)
    # a city abroad: named as a place, or in a country the story names
    if c.cc not in ctx.countries and other_country(c, m, ctx.co):
        return False  # «العريش بمديرية موزع»: situated in a district of another country
    if c.rank < 100_000:
        # a name of several words after a town word is that town («منطقة كوي سنجق»), as in Syria
        # or by a nationality beside it («أعلنت السلطات الكندية … في فريدريكتون»)
        beside = m.locative == "في" and bool(_near(ctx.nationals_of(c.cc), m.start, NATIONAL_WINDOW))
        named = c.cc in ctx.countries or beside or said and m.last > m.first
        return (strong or bool(m.locative)) and named
    if strong or c.cc in ctx.countries:
        return True
    return (c.rank >= 1_000_000 and bool(m.locative)) or m.locative == "في"


def _precision(c: Candidate, m: Mention) -> int:
    """ACLED geo_precision; «منطقة X» of a town is coded to the town itself (1), a district
    or subdistrict said so («ناحية X», «مديرية موزع») to its seat (2)."""
    if c.feature in _PROVINCE_LEVEL:
        return 3
    if m.construction in ("near", "rural", "between", "admin2", "admin3") or c.feature in _SITE_FEATURES:
        return 2
    return 1
