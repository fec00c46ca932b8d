"""Matching forms for actor and trigger lookup: normalised words with clitic variants.

Words are normalised by ``marsad.arabic.normalize``, so that aliases and article text
always go through the same function; a text's words read their forms from the bounded
memo of normal forms that :func:`marsad.arabic.tokenize.normalised` keeps.
"""

from __future__ import annotations

import re
from collections.abc import Container
from functools import lru_cache
from itertools import accumulate

from marsad.arabic.tokenize import normalised
from marsad.memo import RecentTexts

_WORD = re.compile(r"[\u0621-\u065F\u0670-\u06D3\u0640A-Za-z0-9\u0660-\u0669]+")
_SPLIT = re.compile(f"({_WORD.pattern})")  # words at the odd places of a split


def norm(word: str) -> str:
    """The matching form of one word (no diacritics, unified alef/yeh/teh marbuta, Western
    digits). A local fold after ``normalize`` changed no code point, so there is none."""
    return normalised((word,))[0]


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, normalised)`` for every word of ``text``, in C-level passes (the pipeline
    splits every article once, and the event coder many snippets): the split's pieces alternate
    gap and word, so their running lengths are the words' offsets."""
    return split(text)[0]


Words = list[tuple[int, int, str]]


def split(text: str) -> tuple[Words, list[str]]:
    """:func:`words` of ``text`` and the list of their normal forms, in order: the split builds
    that list anyway, and the per-word lookups over a whole text (the geocoder's, the linker's)
    read it instead of picking the forms out of the words again."""
    pieces = _SPLIT.split(text)
    ends = [0, *accumulate(map(len, pieces))]
    forms = normalised(pieces[1::2])
    return list(zip(ends[1:-1:2], ends[2::2], forms, strict=True)), forms


#: The last texts passed to :func:`text_split` and their words and forms (the text is held, so
#: its identity is never reused by another string while remembered).
_RECENT_WORDS: RecentTexts[tuple[Words, list[str]]] = RecentTexts()


def text_split(text: str) -> tuple[Words, list[str]]:
    """:func:`split` of an article's whole text, remembered for the next caller with the same
    text object (the trigger pass reads its sentences' words from it, then the geocoder and the
    linker the whole). Callers must not mutate the lists."""
    found = _RECENT_WORDS.get(text)
    return found if found is not None else _RECENT_WORDS.put(text, split(text))


def text_words(text: str) -> Words:
    """The words of :func:`text_split`."""
    return text_split(text)[0]


def known_split(text: str) -> tuple[Words, list[str]]:
    """:func:`text_split` of a text remembered, else :func:`split` of it, not remembered: the
    linker reads the article's words kept by the trigger search, and the speakers that the
    quote step hands it (a batch has more than it has articles) would otherwise push the
    batch's next articles out, to be split again."""
    found = _RECENT_WORDS.get(text)
    return found if found is not None else split(text)


def core(word: str) -> str:
    """An alias word without its definite article (aliases carry no other clitic)."""
    w = norm(word)
    if w.startswith("ال") and len(w) > 4:
        return w[2:]
    return w


#: The beginnings of every form :func:`variants` removes something from: a word that begins
#: with none is its only form.
CLITIC_STARTS = ("و", "ف", "ب", "ل", "ك", "ال")
#: Every letter :func:`variants` may remove from the front of a word.
VARIANT_LETTERS = "".join(dict.fromkeys("".join(CLITIC_STARTS)))  # و ف ب ل ك ا


def may_read_as(word: str, tails: Container[str]) -> bool:
    """Whether a form of :func:`variants` of ``word`` may lie in a set of forms, given those
    forms and the tails of those that begin with ال as ``tails``. Every form is the word
    less some of its first letters (all clitic letters), or ال before such a rest; so this
    test never says no wrongly, and it answers a new word without building its forms."""
    cut = len(word) - len(word.lstrip(VARIANT_LETTERS))
    return any(word[k:] in tails for k in range(cut + 1))


@lru_cache(maxsize=1 << 15)  # ~13 MB less than 64k for +0.008 ms/article (store/engine helper, 31k corpus)
def variants(word: str) -> frozenset[str]:
    """Forms a text word may match: itself and with و/ف, ب/ل/ك and ال removed."""
    if not word.startswith(CLITIC_STARTS):
        return frozenset((word,))  # most words: nothing to remove
    out = {word}
    stack = [word]
    while stack:
        w = stack.pop()
        cands = []
        if w.startswith(("و", "ف")) and len(w) > 3:
            cands.append(w[1:])
        if w.startswith(("ب", "ل", "ك")) and len(w) > 3:
            cands.append(w[1:])
        if w.startswith("لل") and len(w) > 4:
            cands.append(w[2:])
            cands.append("ال" + w[2:])  # لـ + الـ
        if w.startswith("ال") and len(w) > 4:
            cands.append(w[2:])
        for c in cands:
            if c not in out:
                out.add(c)
                stack.append(c)
    return frozenset(out)
