"""Silver training data: ANT news tagged by an ensemble of trained networks (training only).

Why: one network of the shipped size is what inference can afford (an ensemble would
cost each member's convolutions again), but an ensemble of a few is more accurate.
Sentences of unlabelled news on which every member agrees are added to ANERcorp's
training sentences for one student network of the shipped size: it learns from many
more names and contexts than ANERcorp holds, at no cost at run time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from marsad.ner.conll import Sentence
from marsad.ner.neural import NeuralTagger
from marsad.ner.nntrain import Vocab, doc_features
from marsad.ner.text import TOKEN_RE, corpus_texts


def ant_articles(path: str | Path, every: int, max_len: int = 100) -> Iterator[list[list[str]]]:
    """Every ``every``-th article of a JSONL(.gz) file as sentences of raw tokens (split
    after ".", as ANERcorp is, and at ``max_len`` tokens)."""
    for i, text in enumerate(corpus_texts(path)):
        if i % every == 0:
            yield article_sentences(text, max_len)


def article_sentences(text: str, max_len: int = 100) -> list[list[str]]:
    """An article's raw tokens as sentences: split after ".", as ANERcorp is, and at
    ``max_len`` tokens (the layout of the silver data and of the annotated news)."""
    sents: list[list[str]] = [[]]
    for tok in TOKEN_RE.findall(text):
        sents[-1].append(tok)
        if tok == "." or len(sents[-1]) >= max_len:
            sents.append([])
    return [ws for ws in sents if ws]


def silver(
    teachers: list[NeuralTagger], vocab: Vocab, corpus: str | Path, every: int = 6, plain: float = 0.2, seed: int = 13,
) -> tuple[list[Sentence], list[np.ndarray]]:
    """The sentences all ``teachers`` tag alike (with a name, or ``plain`` of those
    without), with their document features from the first teacher's tags."""
    rng = np.random.default_rng(seed)
    kept: list[Sentence] = []
    docs: list[np.ndarray] = []
    for sents in ant_articles(corpus, every):
        tags = [t.tag_document(sents) for t in teachers]
        feats = doc_features(vocab, [(ws, []) for ws in sents], tags[0])
        for i, ws in enumerate(sents):
            named = any(t != "O" for t in tags[0][i])
            if all(tt[i] == tags[0][i] for tt in tags[1:]) and (named or rng.random() < plain):
                kept.append((ws, tags[0][i]))
                docs.append(feats[i])
    return kept, docs


def mix(
    train: list[Sentence], docs: list[np.ndarray], extra: list[Sentence], more: list[np.ndarray],
    ratio: float, seed: int,
) -> tuple[list[Sentence], list[np.ndarray]]:
    """``train`` plus silver sentences drawn at random (``seed``) up to ``ratio`` times
    its tokens."""
    budget, pick = ratio * sum(len(ws) for ws, _ in train), []
    for i in np.random.default_rng(seed).permutation(len(extra)):
        if budget <= 0:
            break
        pick.append(int(i))
        budget -= len(extra[i][0])
    return train + [extra[i] for i in pick], docs + [more[i] for i in pick]
