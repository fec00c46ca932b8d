"""Locating an event whose own sentence names no place.

A careful coder reads on: a report often names the town once («في بلدة كفرنبل …»)
and tells what happened there in the following sentences of the paragraph, or
names the place only in the headline. The rule, in order: the nearest usable
place before the sentence in the same paragraph; else the article's dominant
place (headline included). Both are weaker evidence than a place in the sentence,
so the event's confidence is lowered.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from marsad.actors.text import words
from marsad.events import roles, spans
from marsad.events.listed_places import DIRECTIONS
from marsad.model import Actor, Article, Place, Span

#: How much a borrowed place lowers an event's confidence.
PENALTY = 0.15
_NOT_LOCATIONS = frozenset({"country", "capital_metonym"})


def paragraph_start(text: str, pos: int) -> int:
    """Offset where the paragraph holding ``pos`` begins (after the last line break)."""
    return text.rfind("\n", 0, pos) + 1


def preceding_place(article: Article, places: Sequence[Place], sentence_start: int) -> Place | None:
    """The nearest usable place before the sentence, in the same paragraph."""
    lo = paragraph_start(article.text, sentence_start)
    before = sorted((p for p in spans.within(places, lo, sentence_start) if p.feature not in _NOT_LOCATIONS),
                    key=lambda p: p.start)
    if not before:
        return None
    best = before[-1]
    for p in reversed(before[:-1]):  # «بلدة كفرنبل بريف إدلب»: the governorate only situates the town
        if 0 <= best.start - p.end <= 15 and p.geo_precision < best.geo_precision:
            best = p
        else:
            break
    return best


def dominant_place(article: Article, places: Sequence[Place]) -> Place | None:
    """The place the story is about: the one named most often (headline included), a
    town before a province at equal counts, the first named on a tie (the coder asks it
    once per article: ``draft.Story.dominant_place``)."""
    pool = [p for p in title_places(article) if p.feature not in _NOT_LOCATIONS] + [
        p for p in places if p.feature not in _NOT_LOCATIONS and not _situates(article.text, p)]
    if not pool:
        return None
    counts = Counter(_ref(p) for p in pool)
    best = max(counts.values())
    if best < 2 and not title_places(article):
        return None  # one passing mention is no story place
    top = [p for p in pool if counts[_ref(p)] == best]
    return min(top, key=lambda p: p.geo_precision)


#: «خارج دمشق»، «في ضواحي دمشق»، «قرب حمص»: a place after these only situates another one.
_SITUATING = frozenset({"قرب", "بالقرب", "خارج", "ضواحي", "بضواحي", "شمال", "جنوب", "شرق", "غرب", "شمالي",
                        "جنوبي", "شرقي", "غربي"})


def _situates(text: str, place: Place) -> bool:
    """The mention is a reference point for another place, not a place the story is about."""
    return _ends_situating(text[max(0, place.start - 20) : place.start])


@lru_cache(maxsize=4096)
def _ends_situating(before_text: str) -> bool:
    """Remembered: each place of the article is asked again for every unplaced trigger."""
    before = words(before_text)
    return bool(before) and before[-1][2] in _SITUATING


def title_places(article: Article) -> list[Place]:
    """Usable places of the headline (geocoded on their own; no offsets into the text)."""
    if not article.title:
        return []
    from marsad.geo import geocode_text

    return [p for p in geocode_text(article.title) if p.feature not in _NOT_LOCATIONS]


def _ref(p: Place) -> str:
    return p.pcode or (str(p.geonames_id) if p.geonames_id else p.name_en)


_CAPITAL_NAMES = frozenset({"Damascus", "Baghdad", "Beirut", "Ankara", "Tehran", "Moscow", "Amman", "Cairo", "Sanaa"})
_TOWN_NOUNS = frozenset({"البلده", "المدينه", "القريه", "بالبلده", "بالمدينه", "بالقريه", "للبلده", "للمدينه",
                         "القطاع", "بالقطاع"})


def anaphoric_place(article: Article, places: Sequence[Place], words: list[tuple[int, int, str]],
                    sentence_start: int) -> Place | None:
    """«شنت هجمات على البلدة»: a bare definite town noun refers to the last town named in
    the two sentences before (across a paragraph break)."""
    near = any(w in _TOWN_NOUNS and k > 0 and _bearing(words[k - 1][2]) for k, (_, _, w) in enumerate(words))
    if not near and not any(w in _TOWN_NOUNS and (w.startswith("ب") or k > 0 and words[k - 1][2] in ("علي", "في", "داخل"))
                            and not (k > 1 and words[k - 2][2].startswith(("المسيطر", "يسيطر", "تسيطر", "الخاضع", "سيطر")))
                            for k, (_, _, w) in enumerate(words)):
        return None  # only as the place of the act («على البلدة»، «في المدينة»), not «مقبرة المدينة»
    lo = max(0, sentence_start - 400)
    if any(w in ("القطاع", "بالقطاع") for _, _, w in words):  # «أكثر من 50 هدفاً في القطاع»: the Gaza Strip
        strips = [p for p in places if p.start < sentence_start and "قطاع" in p.text]
        return strips[-1] if strips else None
    before = [p for p in places if lo <= p.start < sentence_start and p.geo_precision == 1
              and p.feature not in _NOT_LOCATIONS and p.feature != "capital" and p.name_en not in _CAPITAL_NAMES]
    if not before:
        return None
    town = max(before, key=lambda p: p.start)
    return replace(town, geo_precision=2) if near else town  # «بشمال شرق المدينة»: near the town


def _bearing(word: str) -> bool:
    """«شرق»، «بشمال»، «وغربي»: a compass bearing (from the town named after it)."""
    return word in DIRECTIONS or word[:1] in "بو" and word[1:] in DIRECTIONS


_ELABORATE = ("وقال", "وافاد", "واضاف", "واوضح", "وذكر", "وافادت", "وقالت", "واضافت", "واوضحت", "وذكرت")


def elaboration_place(article: Article, nxt: Span, usable: Sequence[Place] | None = None) -> Place | None:
    """«… اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ في بلدة كفر حلب»: the next sentence,
    when it elaborates (a reporting verb first) and names one place, locates the event — a place
    that is ``usable`` (not where the words were said: «وقال للصحفيين بعد اجتماع …، في موسكو، إن»)."""
    head = words(article.text[nxt.start : nxt.end])[:2]
    if not head or not head[0][2].startswith(_ELABORATE):
        return None
    found = {p.name_en: p for p in spans.starting_in(article.places, nxt.start, nxt.end - 1)
             if p.feature not in ("country", "capital_metonym")}
    if len(found) != 1:
        return None
    place = next(iter(found.values()))
    return place if usable is None or any(u.start == place.start for u in usable) else None


def elaboration_actors(article: Article, nxt: Span) -> tuple[Actor | None, Actor | None]:
    """The parties the elaborating sentence names (its reporting source aside)."""
    toks = [(a + nxt.start, b + nxt.start, w) for a, b, w in words(article.text[nxt.start : nxt.end])]
    return roles.pick_actors(article.actors, toks, nxt.start, nxt.end, toks[-1][1] if toks else -1)


_COUNTED = ("قري", "بلدات", "مدن", "قريتين", "بلدتين", "مدينتين", "قريتان", "بلدتان", "مناطق")


def enumerated_places(article: Article, clause: list[tuple[int, int, str]], nxt: Span | None) -> list[Place]:
    """«حررت القوات أربع قرى في منطقة عفرين. وقالت الوكالة إن القرى الأربع هي بافليون وأرندة …»:
    a counted plural of villages or towns whose names the next sentence lists is an event in
    each of them (as many as counted; not a place that only situates another, «ببلدة شران»)."""
    if nxt is None:
        return []
    count = _counted(clause)
    if count is None:
        return []
    found: list[Place] = []
    for p in sorted(article.places, key=lambda p: p.start):
        if not nxt.start <= p.start < nxt.end or p.geo_precision != 1 or p.feature in _NOT_LOCATIONS:
            continue
        before = words(article.text[max(nxt.start, p.start - 8) : p.start])[-1:]
        if before and before[0][2].startswith(("بب", "بمدين", "بقري", "بناحي")):
            continue  # «وجبلها ببلدة شران»: the town a listed place belongs to
        if found and before and before[0][2] == "في" and p.start - found[-1].end <= 6:
            continue  # «قرية حاج خليل في عفرين»: the place that situates the one just listed
        if all(f.name_en != p.name_en for f in found):
            found.append(p)
    found = found[:count] if count > 0 else found
    return found if len(found) >= 2 else []


def _counted(clause: list[tuple[int, int, str]]) -> int | None:
    """The count of a plural of villages or towns in the clause (0 when vague, «عدة قرى»)."""
    from marsad.arabic.numbers import parse_number

    for k, (_, _, w) in enumerate(clause):
        if w.removeprefix("ال") not in _COUNTED:
            continue
        if w.endswith(("تين", "تان")):
            return 2
        before = clause[k - 1][2] if k else ""
        value = parse_number(before) if before else None
        if value is not None:
            return 0 if before in ("عده", "عدة", "عشرات") else value
    return None


_SITE_NOUNS = frozenset({"قاعده", "مطار", "بلده", "مدينه", "قريه", "مخيم", "حي", "منطقه"})


def renamed_place(article: Article, clause: list[tuple[int, int, str]]) -> Place | None:
    """«قصفت قاعدة "التيفور" … استهدف قاعدة "تيفور"»: a name after a site noun in the clause that
    the geocoder missed there but resolved elsewhere in the article, with or without «ال»."""
    if not clause:
        return None
    start, end = clause[0][0], clause[-1][1]
    named = {w.removeprefix("ال") for k, (_, _, w) in enumerate(clause)
             if k and clause[k - 1][2].removeprefix("و").removeprefix("ب").removeprefix("ل") in _SITE_NOUNS}
    if not named:
        return None  # no site noun: no need to read every place of the article
    for p in article.places:
        if start <= p.start < end or p.feature in _NOT_LOCATIONS or p.geo_precision == 3:
            continue
        name = words(p.text)[-1:]  # «قاعدة التيفور» → التيفور
        if name and name[0][2].removeprefix("ال") in named:
            return p
    return None

