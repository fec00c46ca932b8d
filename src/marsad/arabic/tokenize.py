"""Tokenisation with character offsets, normalised forms and clitic-free stems.

One compiled regular expression finds the tokens; the per-word work (normalising,
segmenting clitics, locating the stem inside the original characters) is done
once per distinct surface form and cached, which is what makes the tokenizer fast
on real text where a few thousand forms make up most of the running words.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import fields
from itertools import accumulate, repeat
from operator import add, sub
from typing import overload

from marsad.arabic.clitics import segment
from marsad.arabic.normalize import char_map, normalize, one_to_one
from marsad.memo import lookup_many
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

_KINDS = (
    f"[{_LETTERS}][{_LETTERS}{_MARKS}]*",  # 1 Arabic word
    f"[{_DIGITS}]+(?:[.,\u066b\u066c][{_DIGITS}]+)*",  # 2 number
    "[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f]*(?:['\u2019][A-Za-z]+)?",  # 3 Latin word
    f"[^{_SKIPPED}]",  # 4 anything else, one character
)
#: One token; the group that matched tells its kind.
_TOKEN = re.compile("|".join(f"({kind})" for kind in _KINDS))
#: The same tokens as one group: a split's pieces alternate gap and token.
_SPLIT = re.compile("(" + "|".join(_KINDS) + ")")

_GROUP_KIND: dict[int, TokenKind] = {1: "word", 2: "number", 3: "latin"}

#: surface -> (norm, stem, chars before the stem, chars after the stem, kind); a surface's
#: kind follows from its first character, so one memo serves every kind of token
_Info = tuple[str, str, int, int, TokenKind]
_CACHE: dict[str, _Info] = {}
_CACHE_LIMIT = 100_000  # ~25 MB when full; a news corpus hits >95% below it
_FIELDS = ("start", "end", "text", "norm", "stem", "kind", "stem_start", "stem_end")


def _analyse(surface: str) -> _Info:
    """The per-surface fields of a token (``surface`` is one whole token)."""
    group = _TOKEN.match(surface).lastindex  # type: ignore[union-attr]
    if group == 1:
        return (*_analyse_word(surface), "word")
    if group == 4:
        kind: TokenKind = "punct" if unicodedata.category(surface).startswith("P") else "symbol"
    else:
        kind = _GROUP_KIND[group or 4]
    form = normalize(surface)
    return form, form, 0, 0, kind


def _analyse_word(surface: str) -> tuple[str, str, int, int]:
    """Normalise a word, segment its clitics, and find the stem's extent in ``surface``."""
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


def _fill(
    tokens: list[Token], values: Iterable[object], setter: Callable[[Token, object], None]
) -> None:
    deque(map(setter, tokens, values), 0)


def _slot_setters() -> tuple[Callable[[Token, object], None], ...] | None:
    """The slot descriptors' setters of Token's fields, in :data:`_FIELDS` order; None if the
    model's Token ever stops being a slotted class with these fields."""
    names = tuple(f.name for f in fields(Token))
    slots = [Token.__dict__.get(name) for name in names]
    if names != _FIELDS or not all(type(d).__name__ == "member_descriptor" for d in slots):
        return None
    return tuple(d.__set__ for d in slots)  # type: ignore[union-attr]


_SETTERS = _slot_setters()


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word, number, Latin, punctuation and symbol tokens with offsets.

    For Arabic words ``norm`` is the matching form and ``stem`` the matching form
    without proclitics, article and pronoun suffix (only where the corpus lexicon
    confirms the split); ``stem_start``/``stem_end`` locate it in ``text``.

    Built in C-level passes: the tokens' offsets are the running lengths of one split (no
    match object per token), their per-surface fields come from one memo read per text, and
    the slot descriptors fill each field of every token in one ``map`` (a frozen dataclass's
    ``__init__`` assigns through ``object.__setattr__``, and even a Python helper filling
    the slots cost more than the rest of tokenisation).
    """
    pieces = _SPLIT.split(text)
    bounds = list(accumulate(map(len, pieces)))
    starts, ends, surfaces = bounds[0:-1:2], bounds[1::2], pieces[1::2]
    infos = lookup_many(_CACHE, surfaces, _analyse, _CACHE_LIMIT)
    if not infos:
        return []
    norms, stems, befores, afters, kinds = zip(*infos, strict=True)  # one C-level transpose
    columns: tuple[Iterable[object], ...] = (
        starts, ends, surfaces, norms, stems, kinds, map(add, starts, befores), map(sub, ends, afters),
    )  # fmt: skip
    if _SETTERS is None:
        return list(map(Token, *columns))
    tokens = list(map(object.__new__, repeat(Token, len(surfaces))))
    deque(map(_fill, repeat(tokens), columns, _SETTERS), 0)
    return tokens


def token_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each token of :func:`tokenize` without building the tokens (0.08
    against 0.48 ms an article on ant2018_all, memo cold): for a reader of the offsets
    alone, as the entity tagger is."""
    bounds = list(accumulate(map(len, _SPLIT.split(text))))
    return list(zip(bounds[0:-1:2], bounds[1::2], strict=True))


#: surface -> normal form, for :func:`normalised` (its own memo: the token memo fills only
#: where tokens are built); ~200 B an entry, and a miss costs one ``normalize``
_NORMS: dict[str, str] = {}
_NORMS_LIMIT = 50_000


def normalised(words: Sequence[str]) -> list[str]:
    """:func:`normalize` of each word, remembered: the other word splitters of an article
    (``marsad.actors.text``) normalise the same words over and over."""
    return lookup_many(_NORMS, words, normalize, _NORMS_LIMIT)


class Tokens(Sequence[Token]):
    """The tokens of a text (:func:`tokenize`), built when first read.

    The pipeline reads an article's tokens only where the entity tagger tags it (under
    half of the articles, and then only their offsets), so building every article's
    ``Token`` objects, clitic segmentation included, would be more than half of the Arabic
    step's time spent on nothing. A ``Tokens`` equals the tuple of its tokens and pickles as
    that tuple.
    """

    __slots__ = ("_text", "_built")

    def __init__(self, text: str) -> None:
        self._text = text
        self._built: tuple[Token, ...] | None = None

    def _tokens(self) -> tuple[Token, ...]:
        if self._built is None:
            self._built = tuple(tokenize(self._text))
        return self._built

    def __bool__(self) -> bool:
        return _TOKEN.search(self._text) is not None  # whether there is a first token

    def spans(self) -> list[tuple[int, int]]:
        """The tokens' ``(start, end)``, without building the tokens where they are not built
        yet (:func:`token_spans`): the entity tagger reads nothing else of them."""
        if self._built is not None:
            return [(t.start, t.end) for t in self._built]
        return token_spans(self._text)

    def __len__(self) -> int:
        return len(self._tokens())

    @overload
    def __getitem__(self, index: int) -> Token: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...
    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        return self._tokens()[index]

    def __iter__(self) -> Iterator[Token]:
        return iter(self._tokens())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens | tuple):
            return self._tokens() == tuple(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # equal to a tuple, yet changes nothing: as a list

    def __repr__(self) -> str:
        return repr(self._tokens())

    def __reduce__(self) -> tuple[type[tuple[Token, ...]], tuple[tuple[Token, ...]]]:
        return tuple, (self._tokens(),)
