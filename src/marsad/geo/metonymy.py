"""Names that are not locations: capitals standing for governments, names inside
organisation and operation names.

«واشنطن ترفض», «موقف موسكو», «القوات المدعومة من أنقرة» use a capital for its
government: the geocoder still resolves it but marks it ``capital_metonym``. A
capital after a locative preposition («في موسكو», «بموسكو») is a place.
«قوات سوريا الديمقراطية», «درع الفرات», «مجلس منبج العسكري» are names of
organisations or operations: their place words are not mentions at all.
"""

from __future__ import annotations

from marsad.geo.gazetteer import Candidate
from marsad.geo.matcher import Mention
from marsad.geo.text import strip_variants, words

_LOCATIVE = {"في", "الي", "داخل", "من", "عبر", "وسط", "خارج", "حتي", "نحو", "ضواحي", "زار", "زياره", "قمه", "مطار", "العاصمه"}
_GOVERNMENT_NOUNS = {
    "دعم", "موقف", "مواقف", "قرار", "حلفاء", "حليفه", "حليف", "رد", "اتهامات", "تهديدات", "علاقات",
    "ضغوط", "سياسه", "مطالب", "تحذير", "تحذيرات", "رفض", "طلب", "مبادره", "اعلان", "تصريحات", "دور",
    "نفوذ", "اتهام", "ادانه", "ترحيب", "انتقادات", "تهديد", "حكومه", "وساطه", "مساعي", "اتفاق",
}
_BACKED = {"المدعومه", "المدعومين", "المدعوم", "المدعومون", "مدعومه", "مدعومين", "مدعوم", "بدعم", "المواليه", "الموالين", "الموالي"}
_SPEECH_PAST = {
    "اعلنت", "اكدت", "قالت", "رفضت", "نفت", "حذرت", "اتهمت", "دعت", "طالبت", "هددت", "ردت", "اعتبرت",
    "ارسلت", "سحبت", "فرضت", "نددت", "ادانت", "رحبت", "وافقت", "قررت", "اعربت", "ابدت", "تعهدت",
}
_ORG_BEFORE = {"تحرير", "درع", "غصن", "جيش", "لواء", "فيلق", "جبهه", "حركه", "احرار", "صقور", "مجلس", "مجلسي", "ثوار", "شهداء", "فجر", "نبع", "عمليه"}
_ORG_AFTER = {"الديمقراطيه", "العسكري", "الحر", "العسكريه", "الثوري"}


def _word_before(text: str, start: int, k: int = 1) -> list[str]:
    return [w for _, _, w in words(text[max(0, start - 60) : start])][-k:]


def _word_after(text: str, end: int) -> str:
    following = words(text[end : end + 40])
    return following[0][2] if following else ""


def _bare(word: str) -> set[str]:
    return {rest for _, rest in strip_variants(word)}


def is_capital(c: Candidate) -> bool:
    return c.feature == "capital" or (c.cc == "SY" and c.admin1 == "Damascus" and c.feature in ("admin1", "community"))


def is_metonym(text: str, m: Mention, c: Candidate) -> bool:
    """True when a capital stands for its government rather than a location."""
    if not is_capital(c):
        return False
    raw = text[m.start : m.end]
    if m.start > 0 and text[m.start - 1] in "بل" and not text[m.start - 1 : m.start].isspace():
        return False  # «بموسكو», «لموسكو»: a place
    before = _word_before(text, m.start, 2)
    prev = before[-1] if before else ""
    if prev == "من" and len(before) == 2 and before[0] in _BACKED:
        return True
    if prev in _LOCATIVE:
        return False
    if _bare(prev) & _GOVERNMENT_NOUNS:
        return True
    after = _word_after(text, m.end)
    verb = (after.startswith("ت") and len(after) >= 4) or after in _SPEECH_PAST
    return bool(raw) and verb


def inside_name(text: str, m: Mention) -> bool:
    """True when the mention is part of an organisation or operation name."""
    before = _word_before(text, m.start)
    if before and _bare(before[-1]) & _ORG_BEFORE:
        return True
    return _word_after(text, m.end) in _ORG_AFTER
