"""Pipeline step: named entities (PERS, LOC, ORG, MISC) as character spans.

Uses the Arabic step's tokens and sentences when present, else the tagger's own
tokeniser; tags sentence by sentence (CRF cost grows with sequence length) and turns
BIO runs into :class:`marsad.model.Entity` spans scored by the CRF's mean marginal.

The tagger is most of the pipeline's cost, and downstream only the geocoder reads
its output (an entity over a place mention confirms or vetoes it), which the event
coder then reads around its triggers. With scope ``"events"`` (the default,
:mod:`marsad.settings`) only the tokens around the place mentions of the sentences that
coder can read are tagged (:func:`event_sentences`, :func:`mention_windows`); ``"all"``
tags every sentence, for readers of entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from itertools import accumulate
from typing import TYPE_CHECKING

from marsad.eval.ner import chunks
from marsad.model import Article, Entity, Span
from marsad.settings import EntityScope

if TYPE_CHECKING:
    from marsad.ner.crf import Scored

_MAX_SENT = 120
_SENT_END = re.compile(r"^[.!?؟…]+$")

TokenSpan = tuple[int, int]


def _own_tokens(text: str) -> list[TokenSpan]:
    from marsad.ner.text import tokenize

    return tokenize(text)


def _token_spans(article: Article) -> list[TokenSpan]:
    """The Arabic step's token offsets (read without building its tokens: the tagger needs
    nothing else of them), or the tagger's own tokens' where that step did not run."""
    from marsad.arabic.tokenize import Tokens

    if not article.tokens:
        return _own_tokens(article.text)
    if isinstance(article.tokens, Tokens):
        return article.tokens.spans()
    return [(t.start, t.end) for t in article.tokens]


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
    text: str,
    tokens: list[TokenSpan] | None = None,
    sentences: tuple[Span, ...] = (),
    only: tuple[Span, ...] | None = None,
) -> list[Entity]:
    """Entities of ``text``, given token spans (default: the tagger's tokeniser); with
    ``only``, of the tokens inside those spans (one batched call all the same)."""
    from marsad.ner.tagger import load_tagger

    runs = _runs(text, tokens, sentences, only)
    return _entities(text, runs, load_tagger().scored_document(_words(text, runs)))


def _runs(
    text: str, tokens: list[TokenSpan] | None, sentences: tuple[Span, ...], only: tuple[Span, ...] | None = None
) -> list[list[TokenSpan]]:
    """The token runs of the sentences (inside ``only``): what the tagger reads."""
    toks = tokens if tokens is not None else _own_tokens(text)
    if only is not None:
        toks = _inside(toks, only)
    return list(_sentences(text, toks, sentences))


def _words(text: str, runs: list[list[TokenSpan]]) -> list[list[str]]:
    return [[text[a:b] for a, b in run] for run in runs]


def _entities(text: str, runs: list[list[TokenSpan]], scored: Scored) -> list[Entity]:
    """Entities of the tagged runs: BIO chunks scored by their labels' mean marginal."""
    out: list[Entity] = []
    for run, (tags, probs) in zip(runs, scored, strict=True):
        for i, j, label in chunks(tags):
            start, end = run[i][0], run[j - 1][1]
            score = sum(probs[i:j]) / (j - i)
            out.append(Entity(start, end, text[start:end], label, round(score, 4)))
    return out


def _pieces(
    tokens: list[TokenSpan], windows: list[tuple[int, int]], ends: list[int]
) -> tuple[list[list[TokenSpan]], list[int]]:
    """The ``tokens`` of each window (index ranges, sorted, disjoint) cut where a run ends
    (``ends``: each run's end index, increasing), and the run each piece comes from."""
    pieces: list[list[TokenSpan]] = []
    groups: list[int] = []
    run = 0
    for a, b in windows:
        while ends[run] <= a:
            run += 1
        while True:
            cut = min(b, ends[run])
            pieces.append(tokens[a:cut])
            groups.append(run)
            if cut == b:
                break
            a, run = cut, run + 1
    return pieces, groups


def _inside(tokens: list[TokenSpan], spans: tuple[Span, ...]) -> list[TokenSpan]:
    """The tokens that start inside one of ``spans`` (sorted, disjoint)."""
    out: list[TokenSpan] = []
    it = iter(spans)
    span = next(it, None)
    for tok in tokens:
        while span is not None and tok[0] >= span.end:
            span = next(it, None)
        if span is None:
            break
        if tok[0] >= span.start:
            out.append(tok)
    return out


#: Sentences before and after a trigger's that the event coder reads: the two before
#: (an anaphoric «البلدة» or the paragraph's place, events.where), the one after (its
#: elaboration: «وكانت الغارات استهدفت …»).
BEFORE, AFTER = 2, 1


def event_sentences(article: Article) -> tuple[Span, ...]:
    """The sentences whose entities can reach an event. Entities reach it only through the
    geocoder, over a place mention: so the sentences holding a mention among the lead and
    each sentence holding a trigger, each with its neighbours (:data:`BEFORE`,
    :data:`AFTER`); none in an article without a trigger (it has no events)."""
    from marsad.events.coder import trigger_pass

    spans, passed = trigger_pass(article)  # the coder's own search, reused by it
    keep = [False] * len(spans)
    for i, _, _ in passed:
        for k in range(max(0, i - BEFORE), min(len(spans), i + AFTER + 1)):
            keep[k] = True
    if passed:
        keep[: AFTER + 1] = [True] * min(len(spans), AFTER + 1)
    return _with_mentions(article.text, tuple(s for s, k in zip(spans, keep, strict=True) if k))


def _with_mentions(text: str, spans: tuple[Span, ...]) -> tuple[Span, ...]:
    """The spans that hold the start of a place mention (the geocoder's, cached for it)."""

    from marsad.geo.step import mentions_of

    starts = [m.start for m in mentions_of(text)] if spans else []
    return tuple(s for s in spans if (j := bisect_left(starts, s.start)) < len(starts) and starts[j] < s.end)


#: Tokens tagged on each side of a place mention in scope ``"events"``: the network's
#: receptive field, ±4 tokens (three width-3 convolutions, dilations 1, 2, 1); the
#: document layer's neighbour types (±5) and the CRF's transitions reach further, but
#: weakly: at 4 instead of 8 no place, actor, event or quote changes over ant2018_syria
#: and ant2018_all 1-3,000 (docs/scaling.md, "Entity scope").
CONTEXT = 4


def mention_windows(text: str, tokens: list[TokenSpan], spans: tuple[Span, ...]) -> list[tuple[int, int]]:
    """Index ranges of ``tokens`` (sorted; the sentences' own, or the whole text's) within
    :data:`CONTEXT` tokens of each place mention that starts in one of ``spans`` (sorted,
    disjoint sentences), clipped to its sentence; overlapping or touching windows merged.
    All the geocoder reads of the entities lies inside."""

    from marsad.geo.step import mentions_of

    starts = [a for a, _ in tokens]
    out: list[tuple[int, int]] = []
    mentions = mentions_of(text)
    at = [m.start for m in mentions]
    for s in spans:
        lo, hi = bisect_left(starts, s.start), bisect_left(starts, s.end)
        own = len(out)  # this sentence's windows start here: none merge across sentences
        for m in mentions[bisect_left(at, s.start) :]:
            if m.start >= s.end:
                break
            first = max(lo, bisect_right(starts, m.start) - 1 - CONTEXT)
            end = min(hi, bisect_left(starts, m.end) + CONTEXT)
            if len(out) > own and first <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], end))
            else:
                out.append((first, end))
    return [(a, b) for a, b in out if a < b]


def _window_pieces(article: Article, only: tuple[Span, ...]) -> tuple[list[list[TokenSpan]], list[int]]:
    """What scope ``"events"`` tags of an article: the tokens of its sentences ``only``
    around their place mentions (:func:`mention_windows`), one piece per window and run,
    and each piece's run."""
    kept, ends = _kept_runs(article, only)
    return _pieces(kept, mention_windows(article.text, kept, only), ends)


def _kept_runs(article: Article, only: tuple[Span, ...]) -> tuple[list[TokenSpan], list[int]]:
    """The tokens of the sentences ``only`` end to end, and where each of their runs ends
    (:func:`_sentences`' runs: with the Arabic layer's sentences, each sentence cut every
    ``_MAX_SENT`` tokens, found by slicing instead of a pass over every token)."""

    tokens = _token_spans(article)
    if not (article.tokens and article.sentences):  # runs end at end marks and line breaks
        runs = _runs(article.text, tokens, (), only)
        return [t for run in runs for t in run], list(accumulate(map(len, runs)))
    kept: list[TokenSpan] = []
    ends: list[int] = []
    for s in only:  # sentences of the Arabic layer (``event_sentences`` keeps some of them)
        toks = tokens[bisect_left(tokens, (s.start,)) : bisect_left(tokens, (s.end,))]
        ends += range(len(kept) + _MAX_SENT, len(kept) + len(toks), _MAX_SENT)
        kept += toks
        if toks:
            ends.append(len(kept))
    return kept, ends


def tag_article(article: Article, scope: EntityScope = "all") -> Article:
    """Set ``article.entities`` from the article text: every sentence, or with scope
    ``"events"`` only the tokens around the place mentions of :func:`event_sentences`
    (:func:`mention_windows`; the default pipeline's scope is
    :data:`marsad.settings.DEFAULT_ENTITY_SCOPE`)."""
    return tag_articles([article], scope)[0]


def tag_articles(articles: list[Article], scope: EntityScope = "all") -> list[Article]:
    """:func:`tag_article` of each article, tagged in one call
    (:meth:`marsad.ner.neural.NeuralTagger.scored_documents`): its decoding costs per
    position of the longest sentence, so a batch costs about what one article does
    there. The same labels as one by one; scores may move by about 1e-16."""
    from marsad.ner.tagger import load_tagger

    todo: list[tuple[int, list[list[TokenSpan]], list[int] | None]] = []
    out = list(articles)
    for k, article in enumerate(articles):
        if not article.text:
            continue
        if scope == "all":
            sentences = article.sentences if article.tokens else ()
            todo.append((k, _runs(article.text, _token_spans(article), sentences), None))
        elif only := event_sentences(article):
            todo.append((k, *_window_pieces(article, only)))
        elif article.entities:  # most articles have nothing to tag and no entities yet
            out[k] = article.evolve(entities=())
    if not todo:
        return out
    scored = load_tagger().scored_documents([(_words(articles[k].text, runs), groups) for k, runs, groups in todo])
    for (k, runs, _), done in zip(todo, scored, strict=True):
        out[k] = articles[k].evolve(entities=tuple(_entities(articles[k].text, runs, done)))
    return out
