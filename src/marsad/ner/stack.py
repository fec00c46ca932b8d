"""Document-level evidence for the second tagging pass.

Why: in news a name is introduced once in a telling context ("الرئيس الفرنسي جاك
شيراك") and then repeated bare ("وقال شيراك"), where a sentence-level tagger misses
it. A first pass tags every sentence; the second pass sees, for each word, the entity
types the first pass gave that word in the sentences around it (±``WINDOW``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from marsad.eval.ner import chunks
from marsad.ner.features import DocTypes, FeatureExtractor

WINDOW = 10


def typed_words(fx: FeatureExtractor, words: list[str], tags: list[str]) -> list[tuple[str, str]]:
    """``(word key, type)`` for the normalised form and stem of every entity token."""
    out: list[tuple[str, str]] = []
    for i, j, kind in chunks(tags):
        for w in words[i:j]:
            wf = fx.word(w)
            out.append((wf.norm, kind))
            if wf.stem != wf.norm:
                out.append((wf.stem, kind))
    return out


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
