"""Mention replacement: more training sentences in ANERcorp's conventions.

The learning curve of the tagger is steep (a quarter more of ANERcorp's sentences is worth
about four F1 points) and a quarter of the names in its test set are never seen in
training. Copies of the gold sentences whose names are swapped for other names of the same
type (Dai and Adel, 2020, "An Analysis of Simple Data Augmentation for Named Entity
Recognition") keep the contexts and the conventions of the gold data and show the network
more names in them. Training only (``scripts/ner_gpu.py finetune``, cfg ``augment``):
nothing here runs in the shipped tagger, and no shipped network uses it, because one copy
measured no gain (ANERcorp dev 77.88 against 77.87 without, from scratch with the news;
docs/ner.md).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from marsad.eval.ner import chunks
from marsad.ner.conll import Sentence
from marsad.ner.neural import DOC_TYPES, neighbour_columns

#: Names of one type, each a tuple of tokens.
Pool = dict[str, list[tuple[str, ...]]]


def mention_pool(sentences: Sequence[Sentence]) -> Pool:
    """Every distinct name of each type in ``sentences`` (in first-seen order, so that a
    seeded draw is reproducible)."""
    seen: dict[str, dict[tuple[str, ...], None]] = {}
    for words, tags in sentences:
        for start, end, kind in chunks(tags):
            seen.setdefault(kind, {})[tuple(words[start:end])] = None
    return {kind: list(names) for kind, names in seen.items()}


def _doc_rows(doc: np.ndarray, spans: list[tuple[int, int, int]], n: int) -> np.ndarray:
    """Document features of the new sentence: each new name's tokens carry the types the
    first pass gave the name's first token; neighbour columns are recomputed."""
    k = len(DOC_TYPES)
    rows = np.zeros((n, doc.shape[1]), doc.dtype)
    for old, new, length in spans:
        rows[new : new + length, :k] = doc[old, :k]
    return neighbour_columns(rows)


def replace_mentions(
    sentence: Sentence, doc: np.ndarray, pool: Pool, rng: np.random.Generator, rate: float = 1.0,
) -> tuple[Sentence, np.ndarray]:
    """``sentence`` with each name, with probability ``rate``, swapped for a random name of
    the same type from ``pool``; its document features follow the tokens."""
    words, tags = sentence
    out_w: list[str] = []
    out_t: list[str] = []
    spans: list[tuple[int, int, int]] = []  # old position, new position, length (every token)
    names = {start: (end, kind) for start, end, kind in chunks(tags)}
    i = 0
    while i < len(words):
        end, kind = names.get(i, (i + 1, ""))
        choice = tuple(words[i:end])
        if kind and pool.get(kind) and rng.random() < rate:
            choice = pool[kind][int(rng.integers(len(pool[kind])))]
        labels = [f"B-{kind}", *[f"I-{kind}"] * (len(choice) - 1)] if kind else list(tags[i:end])
        spans.append((i, len(out_w), len(choice)))
        out_w.extend(choice)
        out_t.extend(labels)
        i = end
    return (out_w, out_t), _doc_rows(doc, spans, len(out_w))


def augment(
    sentences: Sequence[Sentence], docs: Sequence[np.ndarray], pool: Pool, copies: float, seed: int,
) -> tuple[list[Sentence], list[np.ndarray]]:
    """``copies`` times the sentences that hold a name (a fraction takes a seeded share),
    each with its names replaced: to be added to the gold sentences."""
    rng = np.random.default_rng(seed)
    named = [k for k, (_, tags) in enumerate(sentences) if any(t != "O" for t in tags)]
    want = round(copies * len(named))
    order = np.concatenate([rng.permutation(named) for _ in range(int(np.ceil(copies)) or 1)])[:want]
    out = [replace_mentions(sentences[int(k)], docs[int(k)], pool, rng) for k in order]
    return [s for s, _ in out], [d for _, d in out]


def student_data(
    gold: list[Sentence], gold_docs: list[np.ndarray], news: list[Sentence], news_docs: list[np.ndarray],
    copies: float, seed: int,
) -> tuple[list[Sentence], list[np.ndarray]]:
    """A student's sentences and document features: the gold, ``copies`` of it with
    names swapped for names of the gold and the news, then the news."""
    extra, extra_docs = augment(gold, gold_docs, mention_pool(gold + news), copies, seed) if copies else ([], [])
    return gold + extra + news, gold_docs + extra_docs + news_docs
