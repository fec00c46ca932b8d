"""Tokenisation with character offsets, normalised forms and clitic-free stems.

One compiled regular expression finds the tokens; the per-word work (normalising,
segmenting clitics, locating the stem inside the original characters) is done
once per distinct surface form and cached, which is what makes the tokenizer fast
on real text where a few thousand forms make up most of the running words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import fields

from marsad.arabic.normalize import char_map, normalize, one_to_one
from marsad.model import Token, TokenKind

_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc"
)
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
_DIGITS = "0-9\u0660-\u0669\u06f0-\u06f9"
_SKIPPED = "\\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u061c"

#: An Arabic word: a letter followed by letters and marks (diacritics, tatweel, ZWJ/ZWNJ).
ARABIC_WORD = re.compile(f"[{_LETTERS}][{_LETTERS}{_MARKS}]*")

_TOKEN = re.compile(
    f"([{_LETTERS}][{_LETTERS}{_MARKS}]*)"  # 1 Arabic word
    f"|([{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*)"  # 2 number
    "|([A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*(?:['\u2019][A-Za-z]+)?)"  # 3 Latin word
    f"|([^{_SKIPPED}])"  # 4 anything else, one character
)

_GROUP_KIND: dict[int, TokenKind] = {1: "word", 2: "number", 3: "latin"}

#: surface -> (norm, stem, chars before the stem, chars after the stem)
_WORD_CACHE: dict[str, tuple[str, str, int, int]] = {}
_OTHER_CACHE: dict[str, tuple[str, TokenKind]] = {}
_CACHE_LIMIT = 100_000  # ~25 MB per cache when full; a news corpus hits >95% below it


_FIELDS = ("start", "end", "text", "norm", "stem", "kind", "stem_start", "stem_end")


def _token_factory() -> Callable[[int, int, str, str, str, TokenKind, int, int], Token]:
    """A positional Token constructor that fills the slots directly.

    A frozen dataclass assigns each field through ``object.__setattr__`` in its
    ``__init__``, which costs more than the rest of tokenisation together; the slot
    descriptors do the same assignment at half the cost. Falls back to ``Token``
    itself if the model's Token ever stops being a slotted class with these fields.
    """
    names = tuple(f.name for f in fields(Token))
    slots = [Token.__dict__.get(name) for name in names]
    if names != _FIELDS or not all(type(d).__name__ == "member_descriptor" for d in slots):
        return Token
    s0, s1, s2, s3, s4, s5, s6, s7 = (d.__set__ for d in slots)  # type: ignore[union-attr]
    new = object.__new__

    def make(a: int, b: int, c: str, d: str, e: str, f: TokenKind, g: int, h: int) -> Token:
        token = new(Token)
        s0(token, a)
        s1(token, b)
        s2(token, c)
        s3(token, d)
        s4(token, e)
        s5(token, f)
        s6(token, g)
        s7(token, h)
        return token

    return make


_make_token = _token_factory()


def _analyse_word(surface: str) -> tuple[str, str, int, int]:
    """Normalise a word, segment its clitics, and find the stem's extent in ``surface``."""
    from marsad.arabic.clitics import segment

    norm = normalize(surface)
    norm = surface if norm == surface else norm  # cached: share equal strings (~8 MB when full)
    stem, prefix_len, suffix_len = segment(surface, norm)
    stem = norm if stem == norm else stem
    if one_to_one(surface):  # the counts of normalised characters are counts of characters
        start = min(prefix_len, len(surface))
        return norm, stem, start, len(surface) - max(start, len(surface) - suffix_len)
    # Map the counts of normalised characters removed back to original characters.
    pieces = char_map(surface)
    start, seen = 0, 0
    while prefix_len and start < len(pieces) and seen + len(pieces[start]) <= prefix_len:
        seen += len(pieces[start])
        start += 1
    end, seen = len(pieces), 0
    while suffix_len and end > start and seen + len(pieces[end - 1]) <= suffix_len:
        seen += len(pieces[end - 1])
        end -= 1
    return norm, stem, start, len(surface) - end


def _word_info(surface: str) -> tuple[str, str, int, int]:
    info = _WORD_CACHE.get(surface)
    if info is None:
        if len(_WORD_CACHE) >= _CACHE_LIMIT:
            _WORD_CACHE.clear()
        info = _WORD_CACHE[surface] = _analyse_word(surface)
    return info


def _other_info(surface: str, group: int) -> tuple[str, TokenKind]:
    info = _OTHER_CACHE.get(surface)
    if info is None:
        if group == 4:
            kind: TokenKind = "punct" if unicodedata.category(surface).startswith("P") else "symbol"
        else:
            kind = _GROUP_KIND[group]
        if len(_OTHER_CACHE) >= _CACHE_LIMIT:
            _OTHER_CACHE.clear()
        info = _OTHER_CACHE[surface] = (normalize(surface), kind)
    return info


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word, number, Latin, punctuation and symbol tokens with offsets.

    For Arabic words ``norm`` is the matching form and ``stem`` the matching form
    without proclitics, article and pronoun suffix (only where the corpus lexicon
    confirms the split); ``stem_start``/``stem_end`` locate it in ``text``.
    """
    tokens: list[Token] = []
    append = tokens.append
    cached = _WORD_CACHE.get
    make = _make_token
    for match in _TOKEN.finditer(text):
        start = match.start()
        end = match.end()
        surface = text[start:end]
        if match.lastindex == 1:
            norm, stem, before, after = cached(surface) or _word_info(surface)
            append(make(start, end, surface, norm, stem, "word", start + before, end - after))
        else:
            norm, kind = _other_info(surface, match.lastindex or 4)
            append(make(start, end, surface, norm, norm, kind, start, end))
    return tokens
