"""Finding place-name mentions in running text, with the words around them.

A mention is the longest run of up to five words (the first one possibly carrying
proclitics: و ف ب ل ك and the article) whose normalised, space-free form is a
gazetteer key. The word before it tells the construction: «مدينة X» (the place),
«ريف X» (its countryside), «قرب/جنوب X» (near it), «محافظة X» (the province).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import compress

from marsad.geo.gazetteer import Candidate, Gazetteer, prominence
from marsad.geo.text import advance, indexed_words, strip_variants

#: Construction words before a name -> construction.
TRIGGERS: dict[str, str] = {
    **dict.fromkeys((
        "مدينه", "بلده", "قريه", "مخيم", "مدن", "بلدات", "قري", "مزرعه", "بلدتي", "قريتي", "مدينتي",
        "مركز", "قاعده", "مطار", "معركه",
    ), "town"),
    **dict.fromkeys(("حي", "احياء", "حيي"), "town"),
    **dict.fromkeys(("منطقه", "مناطق", "منطقتي"), "area"),
    **dict.fromkeys(("محافظه", "محافظات", "محافظتي", "ولايه"), "province"),
    **dict.fromkeys(("ريف", "ارياف", "ريفي"), "rural"),
    "ناحيه": "admin3", "قضاء": "admin2", "مديريه": "admin2", "بين": "between",
    **dict.fromkeys((
        "قرب", "القرب", "محيط", "اطراف", "ضواحي", "مشارف", "جنوب", "شمال", "شرق", "غرب", "جنوبي",
        "شمالي", "شرقي", "غربي", "قريبه", "القريبه", "مقربه", "تخوم", "جوار", "معبر",
    ), "near"),
}
#: Words between a trigger and the name that keep the trigger («بالقرب من X», «شمال شرق X»).
_GLUE = {"من", "العاصمه", "مدينه", "بلده", "ريف", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي"}
#: Words that are gazetteer keys somewhere but never place names here.
STOP_KEYS = frozenset(TRIGGERS) | frozenset(_GLUE) | {"المدينه", "البلاد", "دوله", "الدوله", "اب", "وان", "انه"} | {
    # first words of longer names («عين زارة», «تل كروم»): alone they name nothing
    "عين", "تل", "دير", "جبل", "راس", "كفر", "بيت", "ام", "ابو", "بير", "خربه", "قصر", "جسر", "باب",
    "سوق", "وادي", "نهر", "بحيره", "ساحه", "حي", "شارع",
}
_LOCATIVE = {"في", "من", "الي", "قرب", "داخل", "نحو", "وفي", "ومن", "والي", "حتي", "عند"}
_SEPARATOR = re.compile(r"^[\s،,و]*$")
#: What may stand between a place and its country: «عمان، الأردن», «عمان بالأردن», «طرابلس
#: بشمال لبنان», «العريش شمال شرقي مصر» (a bearing inside the country).
#: («جوبر في سوريا», «صعدة في اليمن» say where the story is, not which namesake is meant.)
_HINT_GAP = re.compile(r"^\s*(?:[،,]\s*|ب)?(?:(?:ب|في\s+)?(?:شمال|جنوب|شرق|غرب)ي?(?:\s+(?:شرق|غرب)ي?)?\s+)?$")


@dataclass(slots=True)
class Mention:
    """A span of text whose words form a gazetteer key, with its construction.

    Treated as immutable (the mentions of a text are cached and shared by two steps), but not
    frozen: a frozen dataclass sets each field through ``object.__setattr__``, which made
    creating one ~3 µs, ~0.04 ms per article (an article has ~15 mentions)."""

    start: int
    end: int
    first: int  # index of the first word
    last: int  # index of the last word
    candidates: tuple[Candidate, ...]
    construction: str  # "", town, area, province, rural, admin2, admin3, near, between
    conjoined: bool  # the name carries the conjunction و
    key: str = ""  # the gazetteer key matched
    locative: str = ""  # the locative preposition before it («في», «من», «الي») or «ب»
    listed: bool = False  # follows another mention with only «و» or a comma between
    inherited: bool = False  # construction taken from the previous, coordinated name
    country_hint: str = ""  # ISO code of a country named right after it («عمان، الأردن»)
    capital_of: bool = False  # after «عاصمة» without the article: what has a capital is no town


def find_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """All longest gazetteer matches in ``text``, left to right, not overlapping."""
    ws, forms = indexed_words(text)
    out: list[Mention] = []
    i = 0  # the first word not yet read
    heads = gaz.heads_of(forms)
    for at, readings in compress(enumerate(heads), heads):  # only the words that can start a name
        if at < i:
            continue
        i = at
        found = _longest_at(text, ws, i, gaz, readings)
        if found is None:
            i += 1
            continue
        n, cut, cands, k = found
        if k in STOP_KEYS or (i > 0 and _water_body(ws[i - 1][2])):
            i += n  # «بحيرة طبريا» is the lake, not the town
            continue
        start = ws[i][0] + advance(text[ws[i][0] : ws[i][1]], cut)
        construction = _construction(ws, i) or _head_trigger(k, ws[i][2], cut)
        conj = cut > 0 and ws[i][2].startswith("و")
        listed = bool(out) and _adjacent(text, out[-1].end, start)
        inherited = not construction and conj and listed and bool(out[-1].construction)
        if inherited:
            construction = out[-1].construction
        locative = "ب" if cut > 0 and ws[i][2].lstrip("وف").startswith("ب") else ""
        if i > 0 and ws[i - 1][2] in _LOCATIVE:
            locative = ws[i - 1][2].removeprefix("و")
        capital_of = i > 0 and ws[i - 1][2] in _CAPITAL_OF
        out.append(Mention(start, ws[i + n - 1][1], i, i + n - 1, cands, construction, conj, k,
                           locative, listed, inherited, capital_of=capital_of))
        i += n
    return _country_hints(text, out)


#: «فريدريكتون، عاصمة نيو برونزويك»: the capital of a province or country («العاصمة دمشق» is the
#: capital itself).
_CAPITAL_OF = frozenset({"عاصمه", "وعاصمه"})
#: Water bodies: a name after them names the lake or river, not a town (guideline §2).
_WATER = frozenset({"بحيره", "نهر", "بحر", "سد"})


@lru_cache(maxsize=1 << 14)  # asked for the word before each mention
def _water_body(word: str) -> bool:
    return any(rest in _WATER for _, rest in strip_variants(word))


def _country_hints(text: str, mentions: list[Mention]) -> list[Mention]:
    """«عمان، الأردن», «طرابلس بشمال لبنان»: a place followed by its country takes that
    country as a hint. A bearing in Syria («إدلب شمال غربي سوريا», «عالقين جنوب سوريا») is
    none: it situates the story, not the namesake, and would outrank the governorate."""
    out = list(mentions)
    for j in range(len(out) - 1):
        nxt = out[j + 1]
        gap, country = text[out[j].end : nxt.start], nxt.candidates[0]
        plain = gap.strip() in ("،", ",") or gap == " ب"
        if country.feature == "country" and (plain or country.cc != "SY" and _HINT_GAP.match(gap) and gap.strip()):
            out[j] = replace(out[j], country_hint=country.cc)
    return out


def _longest_at(
    text: str, ws: list[tuple[int, int, str]], i: int, gaz: Gazetteer, readings: tuple[tuple[int, str], ...]
) -> tuple[int, int, tuple[Candidate, ...], str] | None:
    """(word count, proclitic chars, candidates, key) of the longest key starting at word ``i``,
    whose :meth:`Gazetteer.heads` are ``readings``.

    Walks forward only while the words read so far begin some multi-word name
    (``gaz.prefixes``), so the cost is one or two dict probes per word.
    """
    hits: list[tuple[int, int, str]] = []
    index, prefixes = gaz.index, gaz.prefixes
    for cut, head in readings:
        k, n = head, 1
        while True:
            if (cut == 0 or len(k) >= 3) and k in index:
                hits.append((n, cut, k))
            nxt = i + n
            if k not in prefixes or nxt >= len(ws):
                break
            longer = k + ws[nxt][2]  # read on only if it names or begins a name (most do not)
            if (longer not in index and longer not in prefixes) or not _joined(text, ws[nxt - 1][1], ws[nxt][0]):
                break
            k, n = longer, n + 1
    if not hits:
        return None
    if len(hits) > 1:
        longest = max(h[0] for h in hits)
        # «ولبنان»: و + لبنان (a country), not ول + بنان (a village)
        hits = [max((h for h in hits if h[0] == longest),
                    key=lambda h: (max(prominence(c) for c in gaz.candidates(h[2])), -h[1]))]
    n, cut, k = hits[0]
    return n, cut, gaz.candidates(k), k


#: Opening quotation marks that may stand between a facility noun and its name («مطار "تيفور"»).
_OPEN_QUOTES = frozenset('"«“”„\'')


def _joined(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    if gap[-1:] in _OPEN_QUOTES:  # a quote opening right on the next word: the name goes on inside it
        gap = gap[:-1] or " "
    return gap in (" ", "-", " - ", "", "_") or (gap.isspace() and "\n" not in gap)  # «#مطار_التيفور»


def _adjacent(text: str, end: int, start: int) -> bool:
    return start - end < 12 and bool(_SEPARATOR.match(text[end:start]))


@lru_cache(maxsize=1 << 14)  # asked for up to four words before each mention
def bare(word: str) -> str:
    """The word without proclitics, if that gives a known construction word."""
    for _, rest in strip_variants(word):
        if rest in TRIGGERS or rest in _GLUE:
            return rest
    return word


def _head_trigger(k: str, word: str, cut: int) -> str:
    """The construction carried by a name that starts with a trigger word («مخيم اليرموك»)."""
    head = word[cut:] if cut else word
    return TRIGGERS.get(head, "") if len(k) > len(head) else ""


def _construction(ws: list[tuple[int, int, str]], i: int) -> str:
    """The construction word before word ``i`` (skipping glue such as «من»)."""
    j = i - 1
    seen_glue = 0
    while j >= 0 and seen_glue <= 2:
        word = bare(ws[j][2])
        if word in TRIGGERS:
            if TRIGGERS[word] == "town":
                outer = _construction(ws, j)  # «قرب مدينة منبج», «بالقرب من مدينة البعث»
                if outer in ("near", "between"):
                    return outer
            return TRIGGERS[word]
        if word not in _GLUE:
            break
        seen_glue += 1
        j -= 1
    return ""
