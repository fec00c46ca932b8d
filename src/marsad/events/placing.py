"""Choosing the event's place inside its segment: usable mentions, locatives, lists, quotations."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import itemgetter

from marsad.actors.text import text_words, variants, words
from marsad.events import spans
from marsad.events.context import REPLY, protest_word
from marsad.events.listed_places import DIRECTIONS as _DIRECTIONS
from marsad.model import Actor, Entity, Place

Words = list[tuple[int, int, str]]

_ORIGIN = frozenset({"المتمركزه", "المتمركز", "انطلاقا", "متمركزه", "اطلقت", "مثل", "بشار", "حافظ", "ماهر", "مقره", "مقرها",
                     "الرئيس", "رئيس", "الشيخ", "السيد"})
_SKIP_FEATURES = frozenset({"country", "actor", "organisation", "organization", "capital_metonym", "metonym"})


def ends_by(toks: Words, start: int) -> int:
    """How many words end by ``start`` (word ends rise, so a bisection, not a scan per call)."""
    return bisect_right(toks, start, key=lambda t: t[1])


def starts_from(toks: Words, pos: int) -> int:
    """The index of the first word starting at or after ``pos``."""
    return bisect_left(toks, pos, key=lambda t: t[0])


def words_before(toks: Words, start: int, n: int) -> list[frozenset[str]]:
    """The variant forms of the ``n`` words ending before ``start``."""
    hi = ends_by(toks, start)
    return [variants(w) for _, _, w in toks[max(0, hi - n) : hi]]


def pick_place(
    places: Sequence[Place], actors: Sequence[Actor], toks: Words, lo: int, hi: int, anchor: int,
    skip_before: int = 0, talks: bool = False,
) -> Place | None:
    """The place of the event: nearest after the trigger in the segment, else nearest before.

    Places that are really actors (a capital or country standing for its
    government), origins («المتمركزة في …») and countries are skipped; so is where words were
    said (:data:`_TALK`) unless ``talks`` (a deal is made where its meeting is).
    """
    start, end = max(toks[lo][0], skip_before), toks[hi - 1][1]
    named = spans.within(places, start, end)
    inside = [p for p in named if _usable(p, actors, toks, talks) and not _reference_point(p, named, toks)
              and not _in_reply(p, toks, anchor)]
    plain = [p for p in inside if not _grievance(p, toks)]
    if plain:
        inside = plain
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


def dateline_end(text: str) -> int:
    """End of a dateline such as «دبي، الإمارات (CNN)--» (places there are where the story was filed)."""
    head = text[:120]
    for marker in ("(CNN)", "--", "(رويترز)", "(أ ف ب)", "(أ.ف.ب)", "(الأناضول)"):
        pos = head.find(marker)
        if pos >= 0:
            return pos + len(marker)
    return 0


_CAPITALS = frozenset({"Tel Aviv", "Jerusalem", "Damascus", "Moscow", "Ankara", "Tehran", "Washington", "Baghdad", "Beirut", "Riyadh", "Paris", "London", "Cairo", "Amman", "Sanaa", "Doha", "Abu Dhabi"})
_LOCATIVE = frozenset({"في", "قرب", "الي", "من", "علي", "داخل", "محيط", "اطراف", "مدينه", "العاصمه", "جنوب", "شمال", "شرق", "غرب", "ريف", "حول"})


def _usable(place: Place, actors: Sequence[Actor], toks: Words, talks: bool = False) -> bool:
    if place.feature in _SKIP_FEATURES:
        return False
    # «حي القدم»: a district of the capital is a location (the gazetteer's neighbourhoods
    # cover the name only, so their feature says it)
    district = place.feature == "neighbourhood" or place.text.startswith(("حي ", "حى "))
    if (place.feature == "capital" or place.name_en in _CAPITALS) and not district and not _locative(place, toks):
        return False
    if spans.covers(actors, place.start):
        return False
    near = words_before(toks, place.start, 3)
    if near and near[-1] & {"الي", "نحو"} and not _fired_at(toks, place.start):
        return False  # a destination («خروجهم إلى جرابلس»), not where it happened
    if not talks and _said_at(toks, place):
        return False  # «قال للصحفيين في موسكو»، «قبل ساعات من قمة في طهران»: where it was said
    if place.name_en == "West Bank" and any(w.startswith(("لنهر", "للنهر", "نهر")) for a, _, w in toks
                                            if place.end <= a <= place.end + 8):
        return False  # «الضفة الغربية لنهر الفرات»: a river bank
    return not any(f & _ORIGIN for f in near)


_FIRED = ("اطلق", "قذائف", "قذيفه", "صواريخ", "صاروخ", "مسيره", "مسيرات")


def _fired_at(toks: Words, start: int) -> bool:
    """«أطلقها مسلحون نحو قاعدة حميميم»، «صواريخ نحو مطار المزة»: what is fired «نحو» a place is aimed
    at it, so the place is the attack's (not a destination as «خروجهم نحو إدلب» is)."""
    near = words_before(toks, start, 4)
    return bool(near) and "نحو" in near[-1] and any(f.startswith(_FIRED) for forms in near[:-1] for f in forms)


#: Conferences, summits, meetings and press briefings: a place just after one is where words were said
#: («مراسل … في دوما» is left out: a reporter in a town reports on it; «المقابلة» is also «opposite»).
_TALK = frozenset({"مؤتمر", "موتمر", "المؤتمر", "الموتمر", "قمه", "القمه", "اجتماع", "الاجتماع",
                   "للصحفيين", "للصحافيين", "منتدي", "ندوه"})


#: «قمة» is also a peak: «على قمة النبي يونس»، «قمة جبل …»، «قمة تل …».
_SUMMIT = frozenset({"قمه", "القمه"})
_PEAK = frozenset({"جبل", "تل", "النبي"})


def _said_at(toks: Words, place: Place) -> bool:
    """A conference, summit, meeting or briefing in the four words before the place (eight when
    no «إن/أن» comes between: «قال للصحفيين بعد اجتماع مع نظيره الطاجيكي، في موسكو، إن»); «قمة»
    with a hill or the place itself right after it is a peak, no summit."""
    hi = ends_by(toks, place.start)
    before = list(range(max(0, hi - 8), hi))
    that = [k for k, i in enumerate(before) if toks[i][2] in ("ان", "بان")]
    before = before[that[-1] + 1 :] if that else before
    for n, i in enumerate(before[::-1]):
        if n >= 4 and not _SPEAKS & {w.removeprefix("و") for _, _, w in toks[max(0, i - 3) : i + 1]}:
            continue
        forms = variants(toks[i][2])
        if not forms & _TALK:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if forms & _SUMMIT and nxt is not None and (nxt[0] >= place.start or variants(nxt[2]) & _PEAK):
            continue
        return True
    return False


#: The briefing words that open a speaker's frame («للصحفيين بعد اجتماع …»).
_SPEAKS = frozenset({"قال", "قالت", "للصحفيين", "للصحافيين", "تصريحات", "صرح", "صرحت"})


_PLACE_NOUNS = frozenset({"منطقه", "بلده", "مدينه", "قريه", "حي", "مخيم", "ناحيه", "محافظه", "مطار", "قاعده"})


_REGION = frozenset({"Syria", "Iraq", "Yemen", "Libya", "Palestine", "Palestinian Territory", "Lebanon", "Turkey",
                     "Israel", "Jordan", "Egypt", "Iran", "Saudi Arabia", "Afghanistan", "Somalia", "Sudan"})
#: Common words the gazetteer can mistake for places.
_NOT_PLACES = frozenset({"مدرسة", "مدرسه", "المدرسة", "طراز", "حصار", "الأسد", "الاسد", "البيضاء", "الحصار", "بشار الأسد",
                         "جديدة", "جديده", "السوق", "سوق", "رأس", "راس", "الرأس", "الراس",
                         "الكنائس", "كنائس", "الكنيسة", "كنيسة", "شباب", "الشباب"})  # «ودخلت قرى جديدة»: an adjective
#: «المنطقة المعروفة باسم "الغوطة الشرقية"»: a quoted name the text gives a place.
_NAMING = frozenset({"اسم", "باسم", "المسماه", "المسمي", "مسماه"})
_QUOTED_SHORT = re.compile(r"[\"“”«]([^\"“”«»\n]{2,40})[\"“”»]")
_NAMES_PLACE = _PLACE_NOUNS | _NAMING


def _names_place(text: str, pos: int) -> bool:
    """Whether the word before a quotation at ``pos`` gives it a place («منطقة "تل رفعت"»، «باسم»)."""
    before = words(text[max(0, pos - 12) : pos])[-1:]
    return bool(before) and bool(variants(before[0][2]) & _NAMES_PLACE)


def usable_places(text: str, places: Sequence[Place], entities: Sequence[Entity] = ()) -> list[Place]:
    """Places that can locate an event: not inside a short quoted name («"الخوذ البيضاء"»,
    unless «منطقة "تل رفعت"» introduces it) and not part of a person or organisation name."""
    names = [(m.start(), m.end()) for m in _QUOTED_SHORT.finditer(text)
             if len(m.group(1).split()) <= 3 and not _names_place(text, m.start())]
    name_starts = [a for a, _ in names]  # in order, never overlapping (finditer)
    # a person's or organisation's name: sorted, with the furthest end reached so far (bisect, not a scan per place)
    blocking = sorted((e.start, e.end) for e in entities if e.label in ("PERS", "ORG"))
    block_starts, reach = [a for a, _ in blocking], list(accumulate((b for _, b in blocking), max))
    out = []
    countries = {p.country for p in places if p.feature == "country"}
    adjectives: set[str] | None = None  # read only for a lone far-away hit: ~1 article in 9 that asks
    counts: dict[str, int] = {}
    for p in places:
        counts[p.country] = counts.get(p.country, 0) + 1
    for p in places:
        i = bisect_right(name_starts, p.start) - 1
        if i >= 0 and p.start < names[i][1] or p.text in _NOT_PLACES and not _introduced(text, p):
            continue
        if not p.pcode and counts.get(p.country, 0) < 2 and p.country not in countries and p.country not in _REGION:
            adjectives = _adjective_countries(text) if adjectives is None else adjectives
            if p.country not in adjectives:
                continue  # a lone far-away gazetteer hit («من طراز» -> Taraz) is a false match
        j = bisect_right(block_starts, p.start) - 1
        if j >= 0 and p.start < reach[j] or _government(text, p):
            continue
        out.append(p)
    return out


_UNITS = frozenset({"محافظه", "مدينه", "مديريه", "بلده", "قريه", "ولايه"})


def _introduced(text: str, place: Place) -> bool:
    """«في محافظة البيضاء»، «مدينة الباب»: a name that is also a common word («البيضاء» white) is
    a place when a unit noun introduces it."""
    before = words(text[max(0, place.start - 16) : place.start])[-1:]
    return bool(before) and any(f.removeprefix("و").removeprefix("ب") in _UNITS or f in _UNITS
                                for f in variants(before[0][2]))


def _government(text: str, place: Place) -> bool:
    """«أنقرة تهدد»، «طالبت واشنطن»: a capital named for its government locates nothing, so no
    sentence borrows it nor counts it toward the story's place (pick_place's own rule, :func:`_usable`);
    nor does one where words were said («قال للصحفيين بعد اجتماع …، في موسكو»)."""
    if not (place.feature == "capital" or place.name_en in _CAPITALS) or place.text.startswith(("حي ", "حى ")):
        return False
    lo = max(0, place.start - 120)
    toks = [(a + lo, b + lo, w) for a, b, w in words(text[lo : place.end])]
    return not _locative(place, toks) or _said_at(toks, place)  # «قال للصحفيين … في موسكو»: words said there


def _adjective_countries(text: str) -> set[str]:
    """Countries the text names by a nationality adjective («مدينة لييج البلجيكية»). The whole
    text's words are the trigger pass's (:func:`text_words`, not split again), and each distinct
    word is tested once: news repeats its words."""
    from marsad.events.abroad import adjective_country

    distinct = set(map(itemgetter(2), text_words(text)))
    found = {adjective_country(w) for w in distinct if w.startswith("ال") and w.endswith(("ي", "يه"))}
    return {c for c in found if c}


def _in_reply(place: Place, toks: Words, anchor: int) -> bool:
    """«شنت … ضربات على أهداف للنظام، رداً على هجوم كيماوي في دوما»: a place after «رداً على»
    is where the earlier event answered happened, not this event's place; so is one after a
    «بعدما/بعد أن» that follows the trigger («قصفت مخابئهم شمال المدينة بعدما أحبط الجنود
    تسللهم إلى قرى …»: the infiltration's villages)."""
    between = [w for _, _, w in toks[starts_from(toks, anchor) : starts_from(toks, place.start)]]
    return any(variants(w) & REPLY for w in between) or any(
        w == "بعدما" or w == "بعد" and nxt == "ان" and prev != "عن"  # «عن بعد» remote; «أن» is folded to «ان»
        for prev, w, nxt in zip(["", *between], between, [*between[1:], ""], strict=False))


#: What protesters oppose or back («المعارضين للتدخل التركي في عفرين»، «تنديداً بالهجوم على …»).
_GRIEVANCE = ("احتجاجا", "تنديدا", "رفضا", "تضامنا", "المعارضين", "المناهضين", "المنددين", "الرافضين", "المؤيدين")
#: «محتجون … معارضون للتدخل التركي في عفرين»: an intervention is a grievance only with a crowd just before it.
_INTERVENTION = ("للتدخل", "بالتدخل", "التدخل")
_CROWD = ("محتج", "متظاهر", "معارض", "مناهض", "مندد", "رافض")


def _grievance(place: Place, toks: Words) -> bool:
    """A place named in what a crowd opposes or supports, a few words before it, is the
    grievance's place, not where the crowd is (when the segment names another place)."""
    hi = ends_by(toks, place.start)
    for i in range(max(0, hi - 4), hi):
        forms = variants(toks[i][2])
        if any(f.startswith(_GRIEVANCE) for f in forms):
            return True
        if any(f.startswith(_INTERVENTION) for f in forms) and _crowd_before(toks, i):
            return True
    return protested(toks, place.start)


def _crowd_before(toks: Words, i: int) -> bool:
    """A protest or protesters within the four words before word ``i``."""
    return any(protest_word(toks, k) or any(f.startswith(_CROWD) for f in variants(toks[k][2]))
               for k in range(max(0, i - 4), i))


def protested(toks: Words, start: int) -> bool:
    """Whether ``start`` lies in what a crowd protests against: after a protest word
    (:func:`marsad.events.context.protest_word`) and «ضد/على» within eight words («أثناء احتجاج
    للأكراد ضد الهجمات التي يشنها الجيش التركي في عفرين»)."""
    hi = ends_by(toks, start)
    lo = max(0, hi - 8)
    k = next((i for i in range(hi - 1, lo - 1, -1) if protest_word(toks, i)), None)
    return k is not None and any(variants(w) & {"ضد", "علي"} for _, _, w in toks[k + 1 : hi])


def _reference_point(place: Place, named: list[Place], toks: Words) -> bool:
    """«الغوطة الشرقية قرب دمشق»، «الغوطة الشرقية خارج دمشق»: the place after «قرب» only situates
    the one just named, even when that one cannot locate the event itself («تدخل إلى الغوطة
    الشرقية المحاصرة قرب دمشق» is a destination: Damascus is still no event place)."""
    before = words_before(toks, place.start, 1)
    if not before or not before[-1] & ({"قرب", "بالقرب", "خارج"} | _DIRECTIONS):
        return False  # «في محافظتي كركوك ونينوى في شمال بغداد»: the direction situates the others
    k = ends_by(toks, place.start)  # the one word that may hold the place's start
    if k < len(toks) and toks[k][0] < place.start < toks[k][1] and toks[k][2].startswith("ب"):
        return False  # «ريف إدلب الغربي بجسر الشغور»: «بـ» names where, the direction was an adjective
    return any(0 < place.start - other.end <= 40 for other in named)


def _locative(place: Place, toks: Words) -> bool:
    """A capital is a location only after a preposition («في دمشق»، «بدمشق»), else it is its government."""
    word = next((w for a, _, w in toks if a <= place.start < a + len(w) + 2), "")
    if word[:1] in ("ب", "ل") and not place.text.startswith(word[:1]):
        return True
    before = words_before(toks, place.start, 3)
    if before and before[-1] & _LOCATIVE:
        return True
    # «في العاصمة الفرنسية باريس»، «في العاصم التشيكية، براغ»: a locative phrase with the capital's title
    return any(f & {"في"} for f in before)


def coordinated(places: Sequence[Place], text: str, place: Place) -> list[Place]:
    """The chosen place and those listed with it («بلدتي عربين ومصرابا»، «بريفي حماة وحلب»)."""
    ordered, starts = spans.ordered(places)
    k = bisect_left(starts, place.start)  # an equal place starts where it does
    while k < len(ordered) and ordered[k].start == place.start and ordered[k] != place:
        k += 1
    if k == len(ordered) or ordered[k] != place:
        return [place]

    def joined(a: Place, b: Place) -> bool:
        return (a.geo_precision == b.geo_precision or max(a.geo_precision, b.geo_precision) <= 2) and _list_gap(
            text[a.end : b.start])  # «أطراف مخيم اليرموك وبلدة يلدا»: a town's outskirts list with towns

    lo = k
    while lo > 0 and joined(ordered[lo - 1], ordered[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(ordered) and joined(ordered[hi], ordered[hi + 1]):
        hi += 1
    if text[max(0, ordered[lo].start - 5) : ordered[lo].start].strip().endswith("بين"):
        return [place]  # «بين حمص وتدمر» locates one point between two places
    group: list[Place] = []
    for p in ordered[lo : hi + 1]:
        if all(p.name_en != g.name_en for g in group):
            group.append(p)
    return group



def sole_place(
    places: Sequence[Place], actors: Sequence[Actor], toks: Words, anchor: int, skip_before: int = 0,
    talks: bool = False,
) -> Place | None:
    """The sentence's only usable place before the trigger («في الغوطة الشرقية حيث … غارات»)."""
    named = spans.starting_in(places, toks[0][0], toks[-1][1])
    found = {p.name_en: p for p in named if skip_before <= p.start < anchor
             and _usable(p, actors, toks, talks) and not _reference_point(p, named, toks)}
    if len(found) == 1:
        return next(iter(found.values()))
    towns = [p for p in found.values() if p.geo_precision == 1 and p.feature not in ("capital", "admin1")]
    return towns[0] if len(towns) == 1 else None  # «في مدينة دوما … بالغوطة الشرقية قرب دمشق»


_QUOTE_SPAN = re.compile(r"[“\"«]([^“”\"«»]{15,}?)[”\"»]")


def quote_around(text: str, start: int, end: int, pos: int) -> tuple[int, int] | None:
    """The quotation (within ``[start, end)``) that contains ``pos``, if any."""
    for m in _QUOTE_SPAN.finditer(text, start, end):
        if m.start(1) <= pos < m.end(1):
            return m.start(1), m.end(1)
    return None


_LIST_NOUNS = _PLACE_NOUNS | {"بلدات", "قري", "مدن", "احياء", "مناطق", "محيط", "اطراف"}  # «… والمراشدة ومحيط السوسة»
_NOT_IN_LIST = frozenset({"في", "علي", "من", "الي", "حيث", "التي", "الذي", "قرب", "بين", "مع", "عن", "بعد", "قبل",
                          "ضد", "ثم", "او", "كما", "بينما", "فيما"})


def _list_gap(gap: str) -> bool:
    """What separates two items of a list of places: «و», «وبلدة», or a few words of a name
    the geocoder did not resolve ahead of «و» («… وطفس والشيخ سعد وبصرى الشام واليادودة ومنطقة غرز
    وتل السمن»), never a preposition, a relative or punctuation."""
    gap = gap.strip(" ،,")
    if gap in ("و", ""):
        return True
    if any(c in gap for c in ".:؛;()\n"):
        return False
    inner = [w for _, _, w in words(gap)]
    if gap.endswith(" و"):
        inner = inner[:-1]
    elif not (len(inner) == 1 and inner[0].startswith("و") and inner[0][1:] in _LIST_NOUNS):
        return False  # «… وبلدة التح»: a place noun may introduce the next item
    return len(inner) <= 4 and not any(_function_word(w.removeprefix("و")) for w in inner)


def _function_word(word: str) -> bool:
    """A preposition or connective, bare or with a pronoun («وقبلها»، «منها»)."""
    return word in _NOT_IN_LIST or any(word.endswith(suffix) and word[: -len(suffix)] in _NOT_IN_LIST
                                       for suffix in ("ها", "هم", "هما", "ه"))

