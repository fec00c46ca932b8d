"""A name lexicon learned by tagging unlabelled news with a first model (self-training).

Why: ANERcorp is small and a third of the test names are unseen in training. A first
CRF tags thousands of ANT news articles; a word that it labels, say, PERS in most of
its occurrences is very likely a name word even where its local context is weak, so
the final model gets that vote as a feature (``lx=PERS``). To keep the final model
from trusting the vote more than it deserves, each half of the training data gets
the lexicon of a model trained on the *other* half (two-fold cross-labelling); at
run time the lexicon of the model trained on all the data is used. Only word counts
over the corpus are kept, never its texts.
"""

from __future__ import annotations

import gzip
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from marsad.ner.clusters import corpus_sentences

_SENT_END = re.compile(r"^[.!?؟]$")


class _Tags(Protocol):
    def tag(self, sentences: list[list[str]]) -> list[list[str]]: ...


def _sentences(tokens: list[str], max_len: int = 60) -> Iterator[list[str]]:
    sent: list[str] = []
    for tok in tokens:
        sent.append(tok)
        if _SENT_END.match(tok) or len(sent) >= max_len:
            yield sent
            sent = []
    if sent:
        yield sent


def learn_name_lexicon(
    tagger: _Tags, corpus: str | Path, *, every: int = 4, min_count: int = 3
) -> dict[str, str]:
    """``word -> TYPE`` (or ``TYPE+`` when nearly always so) for words the tagger puts
    in one entity type in most of their occurrences in every ``every``-th article."""
    seen: Counter[str] = Counter()
    typed: dict[str, Counter[str]] = defaultdict(Counter)
    for i, tokens in enumerate(corpus_sentences(corpus)):
        if i % every:
            continue
        sents = list(_sentences(tokens))
        for sent, tags in zip(sents, tagger.tag(sents), strict=True):
            seen.update(sent)
            for word, label in zip(sent, tags, strict=True):
                if label != "O":
                    typed[word][label[2:]] += 1
    out: dict[str, str] = {}
    for word, counts in typed.items():
        kind, n = counts.most_common(1)[0]
        if n >= min_count and n * 2 > seen[word]:
            out[word] = kind + ("+" if n * 5 >= seen[word] * 4 else "")
    return out


def write_lexicon(path: str | Path, lexicon: dict[str, str]) -> None:
    """Gzipped ``word<TAB>type`` lines, sorted (byte-stable)."""
    lines = "".join(f"{w}\t{k}\n" for w, k in sorted(lexicon.items()))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(lines.encode("utf-8"))
