"""Annotated news: ANT articles labelled by `docs/ner-guideline.md` (training only).

Why: the tagger's learning curve on ANERcorp is steep, so labelled sentences are worth
more than anything else its training can add. The annotation files hold no article
text, only each name's sentence, token span, type and (for checking) its words; the
sentences are rebuilt from the shared corpus, in the layout the annotators saw
(:func:`marsad.ner.distil.article_sentences`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.ner.conll import Sentence
from marsad.ner.distil import article_sentences
from marsad.ner.text import corpus_articles

if TYPE_CHECKING:
    from marsad.ner.lexicon import Lexicon
    from marsad.ner.nntrain import Vocab


def read_annotations(paths: Iterable[str | Path]) -> dict[str, dict[int, list[tuple[int, int, str, str]]]]:
    """docno -> sentence number -> names ``(start, end, type, words)`` (end exclusive),
    from JSONL files written by ``scripts/ner_news_gold.py merge``. An article listed
    with no names is kept (its sentences are all ``O``)."""
    out: dict[str, dict[int, list[tuple[int, int, str, str]]]] = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                rec = json.loads(line)
                names = out.setdefault(rec["docno"], {})
                for s, start, end, label, words in rec["names"]:
                    names.setdefault(int(s), []).append((int(start), int(end), str(label), str(words)))
    return out


def labelled_articles(
    annotations: dict[str, dict[int, list[tuple[int, int, str, str]]]], corpus: str | Path
) -> list[list[Sentence]]:
    """Every annotated article (in corpus order) as its sentences with BIO labels.
    Raises ``ValueError`` when a name's words are not the corpus's (the corpus or the
    tokeniser changed since the annotation)."""
    out: list[list[Sentence]] = []
    for docno, text in corpus_articles(corpus):
        names = annotations.get(docno)
        if names is None:
            continue
        article: list[Sentence] = []
        for k, words in enumerate(article_sentences(text)):
            tags = ["O"] * len(words)
            for start, end, label, expect in names.get(k, []):
                if " ".join(words[start:end]) != expect:
                    raise ValueError(f"{docno} sentence {k}: tokens {start}-{end} are not {expect!r}")
                tags[start:end] = [f"B-{label}"] + [f"I-{label}"] * (end - start - 1)
            article.append((words, tags))
        out.append(article)
    if len(out) < len(annotations):
        raise ValueError(f"{len(annotations) - len(out)} annotated articles are not in {corpus}")
    return out


def news_training(
    vocab: Vocab, lexicon: Lexicon, train: list[Sentence], articles: list[list[Sentence]],
    log: Callable[[str], None] = print,
) -> tuple[list[Sentence], list[np.ndarray]]:
    """The annotated sentences and their document features, from the tags of a CRF
    trained on ``train`` (the gold part), each article its own document: like
    ANERcorp's stand-in first pass, the network learns from a first pass's errors."""
    from marsad.ner.nntrain import doc_features
    from marsad.ner.tagger import Pass
    from marsad.ner.train import fit_crf

    base = replace(lexicon, names={})
    crf = Pass(fit_crf([(base, train, None)], log=log), base)
    sents: list[Sentence] = []
    docs: list[np.ndarray] = []
    for article in articles:
        docs += doc_features(vocab, article, crf.tag([ws for ws, _ in article]))
        sents += article
    return sents, docs
