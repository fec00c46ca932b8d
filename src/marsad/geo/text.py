"""Normalising keys and splitting running text into words with offsets.

Uses :func:`marsad.arabic.normalize` when the Arabic layer provides it, so that
gazetteer keys and text agree with the rest of the pipeline; a small local
normaliser with the same contract is the fallback.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_TABLE = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و",
        "ئ": "ي", "ک": "ك", "ی": "ي", "ے": "ي", "ۀ": "ه", "ہ": "ه", "ھ": "ه",
    }
)
_WORD = re.compile(
    "[\u0621-\u063a\u0641-\u064a\u064b-\u065f\u0670\u0671-\u06d3\u0640A-Za-z0-9]+"
)
#: Proclitic sequences that may precede a name, longest first.
PROCLITICS = ("وبال", "وال", "فال", "بال", "ولل", "وب", "ول", "فب", "فل", "لل", "و", "ف", "ب", "ل")
#: The letters a proclitic can begin with: a word starting with none has no other reading.
CLITIC_LETTERS = tuple({c[0] for c in PROCLITICS})


def _local_normalize(text: str) -> str:
    text = _INVISIBLE.sub("", _DIACRITICS.sub("", text))
    return text.translate(_TABLE)


@lru_cache(maxsize=1)
def _normalizer() -> Callable[[str], str]:
    try:
        from marsad.arabic.normalize import normalize
    except ImportError:
        return _local_normalize
    return lambda text: _local_normalize(normalize(text))


@lru_cache(maxsize=1 << 15)  # news reuses few words; bounded memory
def norm(text: str) -> str:
    """Matching form of ``text`` (the project's Arabic normaliser)."""
    form = _normalizer()(text)
    return text if form == text else form  # cached: an unchanged word is not stored twice


def key(name: str) -> str:
    """Gazetteer key: normalised, spaces, hyphens and tatweel removed."""
    return "".join(_WORD.findall(norm(name)))


def advance(raw: str, n: int) -> int:
    """Index in ``raw`` after its first ``n`` letters that survive normalisation."""
    i = 0
    while n > 0 and i < len(raw):
        if norm(raw[i]):
            n -= 1
        i += 1
    while i < len(raw) and not norm(raw[i]):
        i += 1
    return i


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, normalised word)`` for each word of ``text``."""
    return [(m.start(), m.end(), norm(m.group())) for m in _WORD.finditer(text)]


@lru_cache(maxsize=1 << 12)  # 4k entries: ~10 MB less than 32k for +0.004 ms/article (31k corpus)
def strip_variants(word: str) -> tuple[tuple[int, str], ...]:
    """``(chars removed, rest)`` readings of a word without its proclitics.

    ``للرقة`` (li + al-) also yields ``الرقة``, whose article lost its alef.
    """
    if not word.startswith(CLITIC_LETTERS):
        return ((0, word),)  # most words: no proclitic can be cut
    out = [(0, word)]
    for clitic in PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            rest = word[len(clitic) :]
            if clitic.endswith("ال"):
                out.append((len(clitic) - 2, "ال" + rest))
            elif clitic.endswith("لل"):
                out.append((len(clitic) - 1, "ا" + word[len(clitic) - 1 :]))
            else:
                out.append((len(clitic), rest))
    return tuple(dict.fromkeys(out))


def clitic_tails(word: str) -> tuple[str, ...]:
    """Every form that a ``rest`` of :func:`strip_variants` can take: the word, the word less
    its first one or two letters (a proclitic's rest; «وال», «فال», «بال», «وبال» keep the
    article), or «ا» before the word less one or two (after «لل», «ولل»). A superset, built
    in a few slices: a caller can rule out every reading of a new word without computing them."""
    tails = (word, word[1:], word[2:])
    return tails + ("ا" + word[1:], "ا" + word[2:]) if word.startswith(("لل", "ولل")) else tails


_START = itemgetter(0)
_NORMAL = itemgetter(2)


@lru_cache(maxsize=16)
def indexed_words(text: str) -> tuple[list[tuple[int, int, str]], list[str]]:
    """:func:`words` of a whole text and the list of their normal forms (what the per-word
    lookups read), cached for the text at hand.

    Where no character of the text splits or normalises differently here and in
    :mod:`marsad.actors.text` (almost every article), they are that module's ``text_split``,
    which the trigger search and the actor linker read too: one split and normalisation per
    article instead of two. Callers must not mutate them."""
    if _differs().search(text) is None:
        from marsad.actors.text import text_split

        return text_split(text)
    ws = words(text)
    return ws, list(map(_NORMAL, ws))


@lru_cache(maxsize=16)
def word_starts(text: str) -> list[int]:
    """The start offsets of :func:`indexed_words`, for the rules that bisect them (a few
    mentions an article): not built for every text searched."""
    return list(map(_START, indexed_words(text)[0]))


@lru_cache(maxsize=1)
def _differs() -> re.Pattern[str]:
    """The characters that :func:`words` and :func:`marsad.actors.text.words` treat apart:
    a word character of one only (Arabic-Indic digits, rare letters), or one normalised
    otherwise (ے folds to ي only here). Both word classes lie below U+0700."""
    from marsad.actors.text import _WORD as ACTOR_WORD
    from marsad.actors.text import norm as actor_norm

    odd = []
    for ch in map(chr, range(0x700)):
        ours, theirs = _WORD.fullmatch(ch) is not None, ACTOR_WORD.fullmatch(ch) is not None
        if ours != theirs or (ours and norm(ch) != actor_norm(ch)):
            odd.append(re.escape(ch))
    return re.compile("[" + "".join(odd) + "]") if odd else re.compile("(?!)")
