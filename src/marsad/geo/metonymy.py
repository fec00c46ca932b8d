"""Names that are not locations: capitals standing for governments, names inside
organisation and operation names.

«واشنطن ترفض», «موقف موسكو», «القوات المدعومة من أنقرة» use a capital for its
government: the geocoder still resolves it but marks it ``capital_metonym``. A
capital after a locative preposition («في موسكو», «بموسكو») is a place.
«قوات سوريا الديمقراطية», «درع الفرات», «مجلس منبج العسكري» are names of
organisations or operations: their place words are not mentions at all.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from collections.abc import Container
from functools import lru_cache

from marsad.geo.gazetteer import Candidate
from marsad.geo.matcher import Mention
from marsad.geo.text import indexed_words, strip_variants, word_starts

_LOCATIVE = {"في", "الي", "داخل", "من", "عبر", "وسط", "خارج", "حتي", "نحو", "ضواحي", "زار", "زياره", "قمه", "مطار", "العاصمه"}
_GOVERNMENT_NOUNS = {
    "دعم", "موقف", "مواقف", "قرار", "حلفاء", "حليفه", "حليف", "رد", "اتهامات", "تهديدات", "علاقات",
    "ضغوط", "سياسه", "مطالب", "تحذير", "تحذيرات", "رفض", "طلب", "مبادره", "اعلان", "تصريحات", "دور",
    "نفوذ", "اتهام", "ادانه", "ترحيب", "انتقادات", "تهديد", "حكومه", "وساطه", "مساعي", "اتفاق", "فعل", "بقياده", "قياده",
}
_BACKED = {"بطلب", "طلب", "الدعم", "دعما", "المدعومه", "المدعومين", "المدعوم", "المدعومون", "مدعومه", "مدعومين", "مدعوم", "بدعم", "المواليه", "الموالين", "الموالي"}
_SPEECH_PAST = {
    "اعلنت", "اكدت", "قالت", "رفضت", "نفت", "حذرت", "اتهمت", "دعت", "طالبت", "هددت", "ردت", "اعتبرت",
    "ارسلت", "سحبت", "فرضت", "نددت", "ادانت", "رحبت", "وافقت", "قررت", "اعربت", "ابدت", "تعهدت",
}
_ORG_BEFORE = {"قناه", "شبكه", "صحيفه", "تحرير", "درع", "غصن", "جيش", "لواء", "فيلق", "جبهه", "حركه", "احرار", "صقور", "مجلس", "مجلسي", "ثوار", "شهداء", "فجر", "نبع", "عمليه"}
_ORG_AFTER = {"الديموقراطيه", "الديمقراطيه", "الحر", "الثوري"}
#: «جهاز/صندوق تنمية سيناء»: a body or programme named after the place it develops.
_ORG_BEFORE |= {"تنميه"}
#: Bearings that make a Kurdish name of a part of Kurdistan in another country («غرب كردستان»).
_KURDISH_PARTS = frozenset({"غرب", "شرق", "شمال"})


_FOR_GOVERNMENT = {"وفقا", "طبقا", "الموالين", "موالين", "الموالية", "مواليه", "الموالي", "حليفه", "حليف", "تابعه", "التابعه", "دعما", "تاييدا"}
_ACTOR_WORDS = {"قوات", "النظام", "الحكومه", "الفصائل", "المعارضه"}
_PREPOSITIONS = {"يا", "ايها", "اما", "لا", "ما", "في", "من", "الي", "علي", "عن", "حول", "داخل", "خارج", "نحو", "مع", "بين", "لدي", "عبر", "ضد", "تجاه", "قرب", "اتجاه", "غير"}
_NOT_VERBS = {"وقت", "بيت", "صوت", "موت", "تحت", "بيروت", "ذات"}
_PRONOUN_PREPS = {"به", "بها", "لها", "له", "عليه", "عليها"}


def _words_before(text: str, start: int, k: int = 2) -> list[str]:
    """The ``k`` words before the word that holds ``start`` (its proclitics excluded)."""
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    ws, starts = indexed_words(text)[0], word_starts(text)
    i = bisect_left(starts, start)
    return [w for _, _, w in ws[max(0, i - k) : i]]


def _prev_word(text: str, start: int) -> str:
    """The word before the word that holds ``start`` ("" at the text's start)."""
    before = _words_before(text, start, 1)
    return before[-1] if before else ""


def _around(text: str, m: Mention) -> tuple[str, str]:
    """:func:`_words_before`'s last word and :func:`_word_after` of a mention of
    :func:`marsad.geo.matcher.find_mentions`, read at its word indices (no walk back, no
    bisect): asked of every mention. The walk back passes the mention's first word only where a
    letter outside the split's words («ە») joins it to the text before; that reads as there."""
    ws = indexed_words(text)[0]
    if not (m.last < len(ws) and ws[m.last][1] == m.end and ws[m.first][0] <= m.start < ws[m.first][1]):
        return _walked(text, m)  # not a mention of this text's words: read as the walk does
    first = ws[m.first][0]
    if m.first and _in_word(text[first - 1]):
        prev = _prev_word(text, m.start)
    else:
        prev = ws[m.first - 1][2] if m.first else ""
    j = m.last + 1
    return prev, ws[j][2] if j < len(ws) and ws[j][0] - m.end < 40 else ""


def _walked(text: str, m: Mention) -> tuple[str, str]:
    """:func:`_around` by walking back from the mention and bisecting, for any span."""
    return _prev_word(text, m.start), _word_after(text, m.end)


def _word_after(text: str, end: int) -> str:
    ws, starts = indexed_words(text)[0], word_starts(text)
    i = bisect_left(starts, end)
    return ws[i][2] if i < len(ws) and ws[i][0] - end < 40 else ""


@lru_cache(maxsize=1 << 14)  # asked for the words around each mention
def _bare(word: str) -> frozenset[str]:
    return frozenset(rest for _, rest in strip_variants(word))


def _verb_like(word: str) -> bool:
    """A finite verb form whose subject or object the capital is («حذرت أنقرة», «تقوده واشنطن»)."""
    w = word[1:] if word[:1] in "وفل" and len(word) > 4 else word
    if w.startswith(("ال", "ب")) or w in _NOT_VERBS or w.endswith("ات") or len(w) < 4:
        return False
    return w.endswith(("ت", "ته", "تها", "تهم")) or w.startswith(("ت", "ي", "ست"))


#: Cities that news uses for a government although they are not its capital (Tel Aviv).
_SEAT_IDS = {293397}


def is_capital(c: Candidate) -> bool:
    return c.feature == "capital" or c.geonames_id in _SEAT_IDS or (c.cc == "SY" and c.admin1 == "Damascus" and c.feature in ("admin1", "community"))


def is_metonym(text: str, m: Mention, c: Candidate, after_metonym: bool = False) -> bool:
    """True when a capital stands for its government rather than a location."""
    if not is_capital(c):
        return False
    if after_metonym and m.listed:
        return True  # «دمشق وطهران وموسكو», «بين موسكو وأنقرة»
    if m.construction not in ("", "between"):
        return False  # «قرب دمشق», «مدينة دمشق»
    before = _words_before(text, m.start, 3)
    prev = before[-1] if before else ""
    clitic = text[m.start - 1 : m.start] if m.start else ""
    if clitic in ("ل", "ب"):
        return clitic == "ل" and prev in _FOR_GOVERNMENT  # «وفقا لدمشق», «بموسكو»
    if prev in _PRONOUN_PREPS and len(before) >= 2:
        before, prev = before[:-1], before[-2]
    if prev == "من" and len(before) >= 2 and before[-2] in _BACKED:
        return True
    after = _word_after(text, m.end)
    if prev in ("مع", "بين"):
        return prev == "مع" or _bare(after) & _ACTOR_WORDS != set() or after.startswith("و")
    if m.conjoined and _bare(prev) & _ACTOR_WORDS:
        return True  # «النظام وموسكو»
    if prev in _LOCATIVE:
        return False
    if _bare(prev) & _GOVERNMENT_NOUNS or _verb_like(prev):
        return True
    if prev in _AGAINST and len(before) >= 2 and before[-2].startswith(_PRESSURE):
        return True  # «ضغوطها على الخرطوم», «عقوبات على موسكو»
    if text[m.end : m.end + 3].lstrip(" \"«“'")[:1] in "،,.:؛;(":
        return False  # «طرابلس، استخدمت فيها»: the verb belongs to another clause
    return after in _SPEECH_PAST or (_verb_like(after) and not after.startswith(("ي", "و", "ف"))) or _acts(text, m.end)


#: «ضغوط/عقوبات على X»: what one government puts on another.
_AGAINST = {"علي", "ضد"}
_PRESSURE = ("ضغوط", "ضغط", "عقوبات", "العقوبات", "الضغوط", "الضغط")
#: A particle before the capital's verb («الخرطوم لا تربطها», «موسكو لن تسمح»).
_PARTICLES = {"لا", "لم", "لن", "قد"}


def _acts(text: str, end: int) -> bool:
    """The capital is the subject of the verb after it: a verb of a root ending in hamza
    («الخرطوم أنشأت», «بدأت»; «أت» ends no plural, unlike «ات»), or a verb after a particle."""
    ws, starts = indexed_words(text)[0], word_starts(text)
    i = bisect_left(starts, end)
    if i >= len(ws) or ws[i][0] - end > 3:
        return False
    if text[ws[i][0] : ws[i][1]].endswith(("أت", "ئت")):
        return True
    return ws[i][2] in _PARTICLES and i + 1 < len(ws) and _verb_like(ws[i + 1][2]) and not ws[i + 1][2].startswith("و")


_TANWEEN = frozenset("\u064b\u064c\u064d")


def inside_name(text: str, m: Mention) -> bool:
    """True when the mention is part of an organisation, operation or process name,
    or is written with tanween («دوماً»: "always"), which proper names never take."""
    if not _TANWEEN.isdisjoint(text[m.start : m.end + 2]):
        return True
    prev, after = _around(text, m)
    if prev and _bare(prev) & _ORG_BEFORE:
        return True
    if m.key == "العراق" and after == "والشام":
        return True  # «الدولة الإسلامية في العراق والشام»
    if m.key == "كردستان" and prev and _bare(prev) & _KURDISH_PARTS:
        return True  # «غرب كردستان» names north-eastern Syria, not Iraq's Kurdistan Region
    tail = text[m.end : m.end + 3]
    numbered = tail[:1] == " " and tail[1:2].isdigit() and m.candidates[0].cc != "SY"  # «أستانا 4»
    return after in _ORG_AFTER or numbered


def is_adjective(text: str, m: Mention, keys: Container[str]) -> bool:
    """«مصادر سورية», «الخارجية السعودية», «وفدا تركيا»: a nisba adjective, not the country.

    ``keys`` are the gazetteer keys: a preceding place name makes a list, not a noun phrase.
    """
    if m.candidates[0].feature != "country" or not m.key.endswith(("يه", "يا")):
        return False
    prev = _prev_word(text, m.start)
    if not prev or prev in _PREPOSITIONS or _verb_like(prev) or prev in keys:
        return False
    word_start = m.start
    while word_start > 0 and _in_word(text[word_start - 1]):
        word_start -= 1
    if word_start < m.start:  # «وسورية» after another adjective: «روسية وسورية»
        return text[word_start] == "و" and m.key.endswith("يه") and prev.endswith("يه")
    j = word_start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == word_start or not (j and _in_word(text[j - 1])):
        return False  # punctuation or a line break before the name
    if m.key.endswith("يه"):
        return prev.startswith("ال") == m.key.startswith("ال")
    return len(prev) >= 3 and prev.endswith("ا") and not prev.startswith("ال")


@lru_cache(maxsize=4096)  # asked for the characters before each mention
def _in_word(ch: str) -> bool:
    return ch.isalpha() or unicodedata.category(ch) == "Mn"
