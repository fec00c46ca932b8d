"""Numbers in Arabic news: digits in any script, number words, vague quantities.

Number words are read with their agreement forms (ثلاثة/ثلاث, عشرون/عشرين,
مئة/مائة, ألف/آلاف/ألفين) and combined the way Arabic composes them: units
before tens joined by و (خمسة وعشرين = 25), teens (خمسة عشر = 15), hundreds
(ثلاثمئة, ثلاث مئة), scales that multiply what precedes (ثلاثة آلاف, 2.5 مليون).
Vague quantities take the values the ACLED codebook uses for fatalities: عدة,
عدد من, بضعة, العديد من -> 3; عشرات -> 12; مئات -> 100 (آلاف alone -> 1000);
approximations (نحو, قرابة, حوالي, أكثر من ...) keep their number and are
recorded as the mention's ``qualifier``.
"""

from __future__ import annotations

from dataclasses import dataclass

from marsad.arabic.normalize import normalize
from marsad.model import Token


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A quantity found in text: ``[start, end)`` covers the number words or digits."""

    start: int
    end: int
    value: int
    vague: bool
    text: str
    qualifier: str = ""


def _forms(spec: str, value: int) -> dict[str, int]:
    """Table entries in matching form (so مئة and مائة become ميه and مايه)."""
    return dict.fromkeys(normalize(spec).split(), value)


UNITS: dict[str, int] = {
    **_forms("واحد واحده احد احدي", 1),
    **_forms("اثنان اثنين اثنتان اثنتين اثنا اثني اثنتا اثنتي", 2),
    **_forms("ثلاث ثلاثه", 3),
    **_forms("اربع اربعه", 4),
    **_forms("خمس خمسه", 5),
    **_forms("ست سته", 6),
    **_forms("سبع سبعه", 7),
    **_forms("ثمان ثماني ثمانيه", 8),
    **_forms("تسع تسعه", 9),
}
TEN = frozenset(("عشر", "عشره"))
TENS: dict[str, int] = {
    f"{stem}{ending}": value
    for stem, value in (
        ("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50),
        ("ست", 60), ("سبع", 70), ("ثمان", 80), ("تسع", 90),
    )
    for ending in ("ون", "ين")
}  # fmt: skip
HUNDREDS: dict[str, int] = {
    **_forms("مئه مائه", 100),
    **_forms("مئتان مئتين مائتان مائتين مئتا مائتا مئتي مائتي", 200),
    **{
        f"{unit}{hundred}": value * 100
        for unit, value in (
            ("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6),
            ("سبع", 7), ("ثمان", 8), ("ثماني", 8), ("تسع", 9),
        )
        for hundred in normalize("مئه مائه").split()
    },
}  # fmt: skip
SCALES: dict[str, int] = {
    **_forms("الف الفا الاف", 1000),
    **_forms("مليون مليونا ملايين", 1_000_000),
    **_forms("مليار مليارا مليارات بليون", 1_000_000_000),
}
DUAL_SCALES: dict[str, int] = {
    **_forms("الفان الفين", 2000),
    **_forms("مليونان مليونين", 2_000_000),
    **_forms("ملياران مليارين", 2_000_000_000),
}
#: Vague quantities (ACLED fatality conventions); "needs من" ones only count before من.
VAGUE: dict[str, int] = {
    **_forms("عده بضع بضعه", 3),
    **_forms("عشرات العشرات", 12),
    **_forms("مئات المئات", 100),
    **_forms("الالاف", 1000),
}
#: Plural scales standing alone are vague ("آلاف" = thousands).
VAGUE_ALONE = {normalize("آلاف"): 1000, "ملايين": 1_000_000}
_VAGUE_SCALES = {**VAGUE_ALONE, normalize("الآلاف"): 1000, "الملايين": 1_000_000}
VAGUE_BEFORE_MIN = {"عدد": 3, "العديد": 3}
QUALIFIERS = (
    ("ما", "لا", "يقل", "عن"), ("ما", "يزيد", "عن"), ("ما", "يزيد", "علي"), ("ما", "يقارب"),
    ("اكثر", "من"), ("اقل", "من"), ("نحو",), ("قرابه",), ("حوالي",), ("زهاء",), ("قراب",),
)  # fmt: skip

_PROCLITICS = "وبلفك"


_KINDS: tuple[tuple[str, dict[str, int]], ...] = (
    ("unit", UNITS),
    ("ten", dict.fromkeys(TEN, 10)),
    ("tens", TENS),
    ("hundred", HUNDREDS),
    ("scale", SCALES),
    ("dual", DUAL_SCALES),
    ("vague", VAGUE),
    ("vague_min", VAGUE_BEFORE_MIN),
)


@dataclass(frozen=True, slots=True)
class _Atom:
    kind: str
    value: float
    joined: bool  # written with a leading و/ف (joins a compound: خمسة وعشرين)
    clitic: bool = False  # a proclitic letter precedes the number word (وعدد, بعشرات)


def _digits_value(norm: str) -> float:
    """Value of a digit token in ASCII form: 1,200 -> 1200; 3.5 or 3,5 -> 3.5."""
    if "," in norm:
        parts = norm.split(",")
        if all(len(p) == 3 for p in parts[1:]):
            norm = "".join(parts)
        else:
            norm = norm.replace(",", ".", 1).replace(",", "")
    head, _, tail = norm.partition(".")
    return float(f"{head}.{tail.replace('.', '')}" if tail else head)


def _atom(token: Token) -> _Atom | None:
    if token.kind == "number":
        return _Atom("digits", _digits_value(token.norm), False)
    if token.kind != "word":
        return None
    norm = token.norm
    keys = [(norm, False, False)]
    if len(norm) > 3 and norm[0] in _PROCLITICS:  # not لست ("I am not") -> ل + ست
        keys.append((norm[1:], norm[0] in "وف", True))
    for key, joined, clitic in keys:
        for kind, table in _KINDS:
            if key in table:
                return _Atom(kind, table[key], joined, clitic)
    return None


def _start_after_clitic(text: str, token: Token) -> int:
    """Offset just after the proclitic letter (and its diacritics) of ``token``."""
    start = token.start + 1
    while start < token.end and not normalize(text[start]):
        start += 1
    return start


def _compose(tokens: list[Token], i: int, first: _Atom) -> tuple[float, int]:
    """Read a compound number word sequence from ``tokens[i]``; return (value, end index)."""
    total, current, last = 0.0, first.value, first
    if first.kind in ("scale", "dual"):
        total, current = first.value, 0.0
    j = i + 1
    while j < len(tokens):
        nxt = _atom(tokens[j])
        if nxt is None:
            break
        if nxt.kind == "ten" and last.kind == "unit" and not nxt.joined:
            current += 10  # teens: خمسة عشر
        elif nxt.kind in ("unit", "tens", "hundred") and nxt.joined and last.kind != "digits":
            current += nxt.value  # خمسة وعشرين, مئة وخمسون
        elif nxt.kind == "hundred" and nxt.value == 100 and last.kind == "unit" and not nxt.joined:
            current += last.value * 99  # ثلاث مئة
        elif nxt.kind == "scale" and not nxt.joined and last.kind not in ("scale", "dual"):
            total += (current or 1) * nxt.value
            current = 0.0
        else:
            break
        last = nxt
        j += 1
    return total + current, j


def _qualifier(tokens: list[Token], i: int, text: str) -> str:
    """The approximation words right before ``tokens[i]`` (نحو, أكثر من ...), if any."""
    for words in QUALIFIERS:
        k = i - len(words)
        if k >= 0 and all(tokens[k + n].norm == w for n, w in enumerate(words)):
            return text[tokens[k].start : tokens[i - 1].end]
        first = tokens[k].norm if k >= 0 else ""
        if k >= 0 and first[:1] in "وب" and first[1:] == words[0]:
            if all(tokens[k + n].norm == w for n, w in enumerate(words) if n):
                return text[tokens[k].start : tokens[i - 1].end]
    return ""


def _read(tokens: list[Token], i: int) -> tuple[int, bool, int] | None:
    """(value, vague, end index) of the number starting at ``tokens[i]``, if one does."""
    first = _atom(tokens[i])
    if first is None:
        return None
    nxt = _atom(tokens[i + 1]) if i + 1 < len(tokens) else None
    if first.kind == "vague_min":
        if i + 1 < len(tokens) and tokens[i + 1].norm == "من":
            return int(first.value), True, i + 2
        return None
    if first.kind == "vague" or tokens[i].norm in VAGUE_ALONE and first.kind == "scale":
        value = first.value if first.kind == "vague" else VAGUE_ALONE[tokens[i].norm]
        scale = _VAGUE_SCALES.get(tokens[i + 1].norm, 0) if nxt is not None else 0
        if scale:  # عشرات الآلاف
            return int(value * scale), True, i + 2
        return int(value), True, i + 1
    if first.kind == "digits":
        if nxt is not None and nxt.kind == "scale" and not nxt.joined:
            return int(round(first.value * nxt.value)), False, i + 2
        return int(first.value), False, i + 1
    value, end = _compose(tokens, i, first)
    return int(value), False, end


def find_numbers(text: str) -> list[NumberMention]:
    """Every number in ``text``: digits, number words, vague quantities, with offsets."""
    from marsad.arabic.tokenize import tokenize

    tokens = tokenize(text)
    found: list[NumberMention] = []
    i = 0
    while i < len(tokens):
        read = _read(tokens, i)
        if read is None:
            i += 1
            continue
        value, vague, end = read
        first = _atom(tokens[i])
        start = _start_after_clitic(text, tokens[i]) if first and first.clitic else tokens[i].start
        stop = tokens[end - 1].end
        found.append(
            NumberMention(start, stop, value, vague, text[start:stop], _qualifier(tokens, i, text))
        )
        i = end
    return found


def parse_number(phrase: str) -> int | None:
    """The value of the first number in ``phrase`` ("خمسة وعشرين" -> 25), or None."""
    found = find_numbers(phrase)
    return found[0].value if found else None
