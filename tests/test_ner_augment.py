"""Mention replacement keeps labels, contexts and document features aligned."""

from __future__ import annotations

import numpy as np

from marsad.eval.ner import chunks
from marsad.ner.augment import augment, mention_pool, replace_mentions, student_data

SENTS = [
    (["زار", "كوفي", "أنان", "السودان", "أمس"], ["O", "B-PERS", "I-PERS", "B-LOC", "O"]),
    (["قال", "مبارك", "في", "القاهرة"], ["O", "B-PERS", "O", "B-LOC"]),
    (["لا", "أسماء", "هنا"], ["O", "O", "O"]),
]


def _doc(tags: list[str]) -> np.ndarray:
    """Document features as a first pass that found the gold names would give them."""
    kinds = ("LOC", "ORG", "PERS", "MISC")
    m = np.zeros((len(tags), 12), np.uint8)
    for i, t in enumerate(tags):
        if t != "O":
            m[i, kinds.index(t[2:])] = 1
    m[1:, 4:8] = m[:-1, :4]
    m[:-1, 8:] = m[1:, :4]
    return m


def test_pool_collects_names_by_type() -> None:
    pool = mention_pool(SENTS)
    assert pool["PERS"] == [("كوفي", "أنان"), ("مبارك",)]
    assert pool["LOC"] == [("السودان",), ("القاهرة",)]


def test_replacement_keeps_context_and_types() -> None:
    pool = {"PERS": [("مبارك",)], "LOC": [("دار", "السلام")]}
    (words, tags), doc = replace_mentions(SENTS[0], _doc(SENTS[0][1]), pool, np.random.default_rng(0))
    assert words == ["زار", "مبارك", "دار", "السلام", "أمس"]
    assert chunks(tags) == [(1, 2, "PERS"), (2, 4, "LOC")]
    assert doc.shape == (5, 12)
    assert doc[:, :4].tolist() == [[0, 0, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0]]
    assert doc[4, 4:8].tolist() == [1, 0, 0, 0]  # the left neighbour of the last word is a place
    assert doc[0, 8:].tolist() == [0, 0, 1, 0]


def test_rate_zero_changes_nothing() -> None:
    sent, doc = replace_mentions(SENTS[1], _doc(SENTS[1][1]), mention_pool(SENTS), np.random.default_rng(0), rate=0.0)
    assert sent == SENTS[1]
    assert np.array_equal(doc, _doc(SENTS[1][1]))


def test_augment_draws_named_sentences_only_and_is_seeded() -> None:
    docs = [_doc(t) for _, t in SENTS]
    a, da = augment(SENTS, docs, mention_pool(SENTS), 1.5, seed=3)
    b, _ = augment(SENTS, docs, mention_pool(SENTS), 1.5, seed=3)
    assert a == b and len(a) == 3  # 1.5 copies of the two sentences with names
    assert all(any(t != "O" for t in tags) for _, tags in a)
    assert [len(ws) for ws, _ in a] == [len(d) for d in da]


def test_student_data_is_gold_then_swapped_copies_then_news() -> None:
    gold, news = SENTS[:2], SENTS[2:]
    gd, nd = [_doc(t) for _, t in gold], [_doc(t) for _, t in news]
    plain, _ = student_data(gold, gd, news, nd, 0.0, seed=1)
    assert plain == gold + news
    sents, docs = student_data(gold, gd, news, nd, 1.0, seed=1)
    assert sents[:2] == gold and sents[-1:] == news and len(sents) == 5
    assert [len(ws) for ws, _ in sents] == [len(d) for d in docs]
