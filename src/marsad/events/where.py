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

from marsad.actors.text import words
from marsad.events import roles
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
    before = sorted((p for p in places if lo <= p.start and p.end <= sentence_start
                     and p.feature not in _NOT_LOCATIONS), key=lambda p: p.start)
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
    town before a province at equal counts, the first named on a tie."""
    pool = [p for p in (*title_places(article), *places) if p.feature not in _NOT_LOCATIONS]
    if not pool:
        return None
    counts = Counter(_ref(p) for p in pool)
    best = max(counts.values())
    if best < 2 and not title_places(article):
        return None  # one passing mention is no story place
    top = [p for p in pool if counts[_ref(p)] == best]
    return min(top, key=lambda p: p.geo_precision)


def title_places(article: Article) -> list[Place]:
    """Usable places of the headline (geocoded on their own; no offsets into the text)."""
    if not article.title:
        return []
    from marsad.geo import geocode_text

    return [p for p in geocode_text(article.title) if p.feature not in _NOT_LOCATIONS]


def _ref(p: Place) -> str:
    return p.pcode or (str(p.geonames_id) if p.geonames_id else p.name_en)


_CAPITAL_NAMES = frozenset({"Damascus", "Baghdad", "Beirut", "Ankara", "Tehran", "Moscow", "Amman", "Cairo", "Sanaa"})
_TOWN_NOUNS = frozenset({"البلده", "المدينه", "القريه", "بالبلده", "بالمدينه", "بالقريه", "للبلده", "للمدينه"})


def anaphoric_place(article: Article, places: Sequence[Place], words: list[tuple[int, int, str]],
                    sentence_start: int) -> Place | None:
    """«شنت هجمات على البلدة»: a bare definite town noun refers to the last town named in
    the two sentences before (across a paragraph break)."""
    if not any(w in _TOWN_NOUNS and (w.startswith("ب") or k > 0 and words[k - 1][2] in ("علي", "في", "داخل"))
               and not (k > 1 and words[k - 2][2].startswith(("المسيطر", "يسيطر", "تسيطر", "الخاضع", "سيطر")))
               for k, (_, _, w) in enumerate(words)):
        return None  # only as the place of the act («على البلدة»، «في المدينة»), not «مقبرة المدينة»
    lo = max(0, sentence_start - 400)
    before = [p for p in places if lo <= p.start < sentence_start and p.geo_precision == 1
              and p.feature not in _NOT_LOCATIONS and p.feature != "capital" and p.name_en not in _CAPITAL_NAMES]
    return max(before, key=lambda p: p.start) if before else None


_ELABORATE = ("وقال", "وافاد", "واضاف", "واوضح", "وذكر", "وافادت", "وقالت", "واضافت", "واوضحت", "وذكرت")


def elaboration_place(article: Article, nxt: Span) -> Place | None:
    """«… اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ في بلدة كفر حلب»: the next sentence,
    when it elaborates (a reporting verb first) and names one place, locates the event."""
    head = words(article.text[nxt.start : nxt.end])[:2]
    if not head or not head[0][2].startswith(_ELABORATE):
        return None
    found = {p.name_en: p for p in article.places
             if nxt.start <= p.start < nxt.end and p.feature not in ("country", "capital_metonym")}
    return next(iter(found.values())) if len(found) == 1 else None


def elaboration_actors(article: Article, nxt: Span) -> tuple[Actor | None, Actor | None]:
    """The parties the elaborating sentence names (its reporting source aside)."""
    toks = [(a + nxt.start, b + nxt.start, w) for a, b, w in words(article.text[nxt.start : nxt.end])]
    return roles.pick_actors(article.actors, toks, nxt.start, nxt.end, toks[-1][1] if toks else -1)
