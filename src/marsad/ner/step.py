"""Pipeline step: named entities (PERS, LOC, ORG, MISC) as character spans.

Uses the Arabic step's tokens and sentences when present, else the tagger's own
tokeniser; tags sentence by sentence (CRF cost grows with sequence length) and turns
BIO runs into :class:`marsad.model.Entity` spans scored by the CRF's mean marginal.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from marsad.eval.ner import chunks
from marsad.model import Article, Entity, Span

_MAX_SENT = 120
_SENT_END = re.compile(r"^[.!?؟…]+$")

TokenSpan = tuple[int, int]


def _own_tokens(text: str) -> list[TokenSpan]:
    from marsad.ner.text import tokenize

    return tokenize(text)


def _sentences(
    text: str, tokens: list[TokenSpan], sentences: tuple[Span, ...]
) -> Iterator[list[TokenSpan]]:
    """Token runs per sentence: the given sentence spans, else split at end marks and
    line breaks; long runs are cut so one sentence never costs more than ``_MAX_SENT``."""
    run: list[TokenSpan] = []
    bounds = iter(sorted(s.end for s in sentences))
    limit = next(bounds, None)
    for tok in tokens:
        if run and limit is not None and tok[0] >= limit:
            yield run
            run = []
        while limit is not None and tok[0] >= limit:
            limit = next(bounds, None)
        if run and not sentences and "\n" in text[run[-1][1] : tok[0]]:
            yield run
            run = []
        run.append(tok)
        if len(run) >= _MAX_SENT or (not sentences and _SENT_END.match(text[tok[0] : tok[1]])):
            yield run
            run = []
    if run:
        yield run


def find_entities(
    text: str, tokens: list[TokenSpan] | None = None, sentences: tuple[Span, ...] = ()
) -> list[Entity]:
    """Entities of ``text``, given token spans (default: the tagger's tokeniser)."""
    from marsad.ner.tagger import load_tagger

    runs = list(_sentences(text, tokens if tokens is not None else _own_tokens(text), sentences))
    scored = load_tagger().scored_document([[text[a:b] for a, b in run] for run in runs])
    out: list[Entity] = []
    for run, (tags, probs) in zip(runs, scored, strict=True):
        for i, j, label in chunks(tags):
            start, end = run[i][0], run[j - 1][1]
            score = sum(probs[i:j]) / (j - i)
            out.append(Entity(start, end, text[start:end], label, round(score, 4)))
    return out


def tag_article(article: Article) -> Article:
    """Set ``article.entities`` from the article text."""
    if not article.text:
        return article
    tokens = [(t.start, t.end) for t in article.tokens] if article.tokens else None
    entities = find_entities(article.text, tokens, article.sentences if tokens else ())
    return replace(article, entities=tuple(entities))
