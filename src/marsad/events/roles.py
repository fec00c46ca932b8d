"""Choosing the event's place and actors inside its segment."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.actors.text import variants
from marsad.model import Actor, Place

Words = list[tuple[int, int, str]]

_TARGET_BEFORE = frozenset(
    {"علي", "ضد", "صفوف", "مواقع", "موقع", "تابعه", "نقاط", "نقطه", "مقرات", "مقر", "رتل", "رتلا",
     "تجمع", "تجمعات", "من", "معاقل", "مناطق", "اهداف", "عناصر", "مسلحي", "مقاتلي"}
)
_CONTROL = frozenset({"تسيطر", "يسيطر", "سيطره", "الخاضعه", "خاضعه", "تحت", "المدعومه", "المدعوم", "الموالیه", "الموالية", "بقياده", "تقوده"})
_ORIGIN = frozenset({"المتمركزه", "المتمركز", "انطلاقا", "متمركزه", "اطلقت"})
_SKIP_FEATURES = frozenset({"country", "actor", "organisation", "organization"})


def _words_before(toks: Words, start: int, n: int) -> list[frozenset[str]]:
    before = [t for t in toks if t[1] <= start]
    return [variants(w) for _, _, w in before[-n:]]


def pick_place(
    places: Sequence[Place], actors: Sequence[Actor], toks: Words, lo: int, hi: int, anchor: int
) -> Place | None:
    """The place of the event: nearest after the trigger in the segment, else nearest before.

    Places that are really actors (a capital or country standing for its
    government), origins («المتمركزة في …») and countries are skipped.
    """
    start, end = toks[lo][0], toks[hi - 1][1]
    inside = [p for p in places if start <= p.start and p.end <= end and _usable(p, actors, toks)]
    if not inside:
        return None
    after = [p for p in inside if p.start >= anchor]
    before = [p for p in inside if p.start < anchor]
    specific = sorted(after, key=lambda p: (p.geo_precision, p.start))
    if specific and specific[0].geo_precision < 3:
        return specific[0]
    pool = after + before[::-1]
    pool.sort(key=lambda p: (p.geo_precision, abs(p.start - anchor)))
    return pool[0]


def _usable(place: Place, actors: Sequence[Actor], toks: Words) -> bool:
    if place.feature in _SKIP_FEATURES:
        return False
    if any(a.start <= place.start < a.end for a in actors):
        return False
    near = _words_before(toks, place.start, 3)
    return not any(f & _ORIGIN for f in near)


def pick_actors(
    actors: Sequence[Actor], toks: Words, start: int, end: int
) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2) inside ``[start, end)``: the agent first, the target second."""
    found = [a for a in actors if start <= a.start and a.end <= end]
    found = [a for a in found if not _controls_only(a, toks)]
    agents: list[Actor] = []
    targets: list[Actor] = []
    for a in found:
        (targets if _is_target(a, toks) else agents).append(a)
    ordered = _dedupe(agents + targets)
    if not ordered:
        return None, None
    if not agents:
        return None, ordered[0]
    return ordered[0], (ordered[1] if len(ordered) > 1 else None)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


def _is_target(actor: Actor, toks: Words) -> bool:
    if actor.text.startswith(("ل", "لل")) and not actor.text.startswith(("لاجئ",)):
        first = actor.text.split()[0]
        if first.startswith("لل") or (first.startswith("ل") and first[1:2] != "ا" and len(first) > 3):
            return True
    if actor.actor_type == "civilians":
        return True
    near = _words_before(toks, actor.start, 2)
    return any(f & _TARGET_BEFORE for f in near[-1:]) if near else False


def _controls_only(actor: Actor, toks: Words) -> bool:
    near = _words_before(toks, actor.start, 4)
    return any(f & _CONTROL for f in near)


_NATIONALITY = {
    "روسي": "Russia", "روسيه": "Russia", "تركي": "Turkey", "تركيه": "Turkey",
    "اسرايلي": "Israel", "اسرايليه": "Israel", "امريكي": "United States", "اميركي": "United States",
    "امريكيه": "United States", "اميركيه": "United States", "سوري": "Syria", "سوريه": "Syria",
    "عراقي": "Iraq", "عراقيه": "Iraq", "ايراني": "Iran", "ايرانيه": "Iran", "فرنسي": "France",
    "فرنسيه": "France", "بريطاني": "United Kingdom", "بريطانيه": "United Kingdom",
    "سعودي": "Saudi Arabia", "سعوديه": "Saudi Arabia",
}
_ADJ_SKIP = frozenset({"جويه", "جوي", "صاروخيه", "صاروخي", "مدفعي", "مدفعيه", "عنيفه", "عنيف", "مكثفه", "مكثف", "حربيه", "جديده"})


def adjective_actor(toks: Words, last: int, country: str) -> Actor | None:
    """«غارات روسية»، «قصف تركي»: the nationality adjective after a trigger names the state's forces."""
    from marsad.actors.kb import inter_for, load_kb

    k = last + 1
    while k < len(toks) and k <= last + 3:
        word = toks[k][2].removeprefix("ال")
        if word in _NATIONALITY:
            home = _NATIONALITY[word]
            for kb in load_kb():
                if kb.country == home and kb.name.startswith("Military Forces of"):
                    s, e, _ = toks[k]
                    return Actor(s, e, toks[k][2], kb.name, kb.actor_type, inter_for(kb, country), home)
            return None
        if word not in _ADJ_SKIP:
            return None
        k += 1
    return None
