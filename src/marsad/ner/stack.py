"""Document-level evidence for the second tagging pass.

Why: in news a name is introduced once in a telling context ("الرئيس الفرنسي جاك
شيراك") and then repeated bare ("وقال شيراك"), where a sentence-level tagger misses
it. A first pass tags every sentence; the second pass sees, for each word, the entity
types the first pass gave that word in the sentences around it (±``WINDOW``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

import numpy as np

from marsad.eval.ner import chunks
from marsad.ner.features import DocTypes, FeatureExtractor

WINDOW = 10


def typed_words(fx: FeatureExtractor, words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """``(word key, type)`` for the normalised form and stem of every entity token."""
    keys = [(wf.norm, wf.stem) if t != "O" and (wf := fx.word(w)) else ("", "") for w, t in zip(words, tags, strict=True)]
    return typed_keys(keys, tags)


def typed_keys(keys: Sequence[tuple[str, str]], tags: Sequence[str]) -> list[tuple[str, str]]:
    """:func:`typed_words` from each token's ``(normalised form, stem)``, known already."""
    out: list[tuple[str, str]] = []
    for i, j, kind in chunks(tags):
        for norm, stem in keys[i:j]:
            out.append((norm, kind))
            if stem != norm:
                out.append((stem, kind))
    return out


def window_types(
    keys: Sequence[Sequence[tuple[str, str]]], typed: Sequence[list[tuple[str, str]]], kinds: Sequence[str],
    window: int = WINDOW,
) -> np.ndarray:
    """``[tokens, kinds]`` 0/1 for all tokens of the document end to end: the types that
    sentences ``i - window .. i + window`` gave the token's form or stem. What
    :func:`doc_windows` tells, without building a mapping per sentence: a word is
    looked up in the sentences that typed it, few for most words, none for the rest."""
    seen: dict[str, list[tuple[int, int]]] = {}
    col = {k: c for c, k in enumerate(kinds)}
    for s, pairs in enumerate(typed):
        for key, kind in pairs:
            seen.setdefault(key, []).append((s, col[kind]))
    m = np.zeros((sum(map(len, keys)), len(kinds)), np.float32)
    row = 0
    get = seen.get
    for i, sent in enumerate(keys):
        for norm, stem in sent:
            hits = get(norm)
            if stem != norm and (more := get(stem)):
                hits = hits + more if hits else more
            if hits:
                for s, c in hits:
                    if -window <= s - i <= window:
                        m[row, c] = 1.0
            row += 1
    return m


def doc_windows(typed: list[list[tuple[str, str]]], window: int = WINDOW) -> Iterator[DocTypes]:
    """For each sentence, the word types seen in sentences ``i - window .. i + window``."""
    counts: Counter[tuple[str, str]] = Counter()
    n = len(typed)
    for k in range(min(window, n - 1) + 1):
        counts.update(typed[k])
    for i in range(n):
        doc: DocTypes = {}
        for (key, kind), c in counts.items():
            if c > 0:
                doc.setdefault(key, set()).add(kind)
        yield doc
        if i + window + 1 < n:
            counts.update(typed[i + window + 1])
        if i - window >= 0:
            counts.subtract(typed[i - window])
