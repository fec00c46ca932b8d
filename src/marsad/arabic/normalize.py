"""Normalisation of Arabic text into a matching form.

The matching form folds spelling variants that news writers use interchangeably
(hamza seats, alef forms, final yeh/alef maqsura, taa marbuta/heh, Persian and
Urdu look-alike letters, digits of three scripts) and drops marks that carry no
letters (diacritics, tatweel, bidi and zero-width controls). It is computed with
one ``str.replace`` per distinct character to change, so it is fast; the original
text is never changed: callers keep offsets into the original and normalise per
token or per span.
"""

from __future__ import annotations

import re
import unicodedata

#: Code points removed outright: harakat, Quranic marks, tatweel, bidi and zero-width marks.
_REMOVED = [
    *range(0x0610, 0x061B),
    *range(0x064B, 0x0660),
    0x0670,
    *range(0x06D6, 0x06EE),
    0x0640,
] + [0x061C, *range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF]

#: Letter foldings (source characters -> target).
_FOLD = {
    "ا": "أإآٱٲٳٵ",
    "ي": "ىیێېۍئٸ",
    "ه": "ةۀۃہھە",
    "و": "ؤۄۅۆۇۈۉۋٶ",
    "ك": "کڪگ",
    "ف": "ڤ",
    "ب": "پ",
    "ج": "چ",
    "ز": "ژ",
}

#: Same table without the two foldings that erase grammatical information (ة, ى):
#: clitic segmentation works on this "light" form so that a taa marbuta is never
#: mistaken for the pronoun suffix ه.
_LIGHT_KEEP = "ةى"


def _digit_map() -> dict[int, str]:
    table: dict[int, str] = {}
    for zero in (0x0660, 0x06F0):
        for i in range(10):
            table[zero + i] = str(i)
    table[0x066B] = "."  # Arabic decimal separator
    table[0x066C] = ","  # Arabic thousands separator
    return table


def _presentation_forms() -> dict[int, str]:
    """NFKC expansions of Arabic presentation forms (e.g. the ligature ﻻ -> لا)."""
    table: dict[int, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFEFF)]:
        ch = chr(cp)
        expanded = unicodedata.normalize("NFKC", ch)
        if expanded != ch and not unicodedata.category(ch).startswith("C"):
            table[cp] = expanded.replace(" ", "")
    return table


def _build(light: bool) -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for target, sources in _FOLD.items():
        for ch in sources:
            if light and ch in _LIGHT_KEEP:
                continue
            table[ord(ch)] = target
    table.update(_digit_map())
    # Presentation forms expand to base letters, which are then folded themselves.
    for cp, expanded in _presentation_forms().items():
        folded = expanded.translate(table)
        table[cp] = "".join(c for c in folded if ord(c) not in _REMOVED)
    for cp in _REMOVED:
        table[cp] = None
    return table


_TABLE = _build(light=False)
_LIGHT_TABLE = _build(light=True)


def table() -> dict[int, str | None]:
    """A copy of normalisation's table (code point -> replacement, None where dropped)."""
    return dict(_TABLE)


def replacements(mapping: dict[int, str | None]) -> tuple[re.Pattern[str], dict[str, str]]:
    """A character table as (a class of its characters, what each becomes) for
    :func:`replace_chars`. No replacement may hold a character of the table; an empty
    table gives a pattern that matches nothing."""
    changes = {chr(cp): mapped or "" for cp, mapped in mapping.items()}
    return re.compile("[" + "".join(map(re.escape, changes)) + "]" if changes else "(?!)"), changes


def replace_chars(text: str, changed: re.Pattern[str], changes: dict[str, str]) -> str:
    """``text.translate`` of the table :func:`replacements` made ``changed`` and ``changes`` of.

    ``translate`` looks every character up in a dict (75 ns each in Arabic text); finding the
    few distinct characters to change (~7 an article, ~1 a word) and replacing each in turn
    takes a third of that on a word and a quarter on an article. In turn is safe, as no
    replacement holds a character to change.
    """
    for char in set(changed.findall(text)):
        text = text.replace(char, changes[char])
    return text


_CHANGED, _CHANGES = replacements(_TABLE)
_LIGHT_CHANGED, _LIGHT_CHANGES = replacements(_LIGHT_TABLE)


def normalize(text: str) -> str:
    """The matching form of ``text``: same words, variants folded, marks dropped.

    :func:`replace_chars` written out: most calls are on one word, where a call more shows."""
    for char in set(_CHANGED.findall(text)):
        text = text.replace(char, _CHANGES[char])
    return text


def normalize_light(text: str) -> str:
    """Like :func:`normalize` but keeping ة and ى (used for clitic segmentation)."""
    return replace_chars(text, _LIGHT_CHANGED, _LIGHT_CHANGES)


def finish_light(light: str) -> str:
    """Turn a light form into the full matching form (fold ة and ى): two ``replace`` calls,
    8x faster than a ``translate`` on a word (clitic segmentation asks ~4 times a new word)."""
    return light.replace("ة", "ه").replace("ى", "ي")


def char_map(text: str) -> list[str]:
    """The normalised string contributed by each character of ``text`` ('' if dropped)."""
    table = _TABLE
    out: list[str] = []
    for ch in text:
        mapped = table.get(ord(ch), ch)
        out.append("" if mapped is None else mapped)
    return out


#: Characters that normalise to other than one character (dropped or expanded).
_UNEVEN = re.compile(
    "[" + "".join(re.escape(chr(cp)) for cp, mapped in sorted(_TABLE.items()) if mapped is None or len(mapped) != 1) + "]"
)


def one_to_one(text: str) -> bool:
    """Whether each character of ``text`` normalises to exactly one: then offsets into
    :func:`normalize`'s result are offsets into ``text``."""
    return _UNEVEN.search(text) is None


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of its source character.

    The list ends with an extra entry, ``len(text)``; use :func:`span_back` to map a
    normalised range back to the original. Runs between the few dropped or expanded
    characters map one to one, so they are copied as ranges.
    """
    offsets: list[int] = []
    at = 0
    for match in _UNEVEN.finditer(text):
        index = match.start()
        offsets.extend(range(at, index))
        mapped = _TABLE[ord(text[index])]
        offsets.extend([index] * len(mapped or ""))
        at = index + 1
    offsets.extend(range(at, len(text) + 1))
    return normalize(text), offsets


def span_back(offsets: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a normalised range ``[start, end)`` to a range of the original text."""
    if end <= start:
        return offsets[start], offsets[start]
    return offsets[start], offsets[end - 1] + 1
