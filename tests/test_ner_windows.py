"""Entity scope "events": the tagger reads token windows around place mentions, and its
document layer still counts sentences (pieces of one sentence are one)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.model import Article, Span
from marsad.ner.crf import merged
from marsad.ner.lexicon import DATA_DIR, Lexicon
from marsad.ner.neural import DOC_TYPES, MODEL_FILE, NeuralTagger
from marsad.ner.nntrain import LABELS
from marsad.ner.step import (
    CONTEXT,
    _pieces,
    event_sentences,
    find_entities,
    mention_windows,
    tag_article,
)
from test_ner_neural import ROUNDING, SENTENCES, _network

# Written for these tests: a lead, a long sentence with a place far from its trigger, filler.
LEAD = "وصل وزير الخارجية الروسي سيرغي لافروف إلى باريس صباح اليوم."
LONG = ("وقال المتحدث باسم الدفاع المدني في مؤتمر صحفي عقده بعد ظهر يوم الأحد إن فرق الإنقاذ "
        "عملت طوال الليل على انتشال الضحايا من تحت الأنقاض بعد أن قصفت الطائرات بلدة كفرنبل في ريف إدلب.")
TEXT = "\n".join([LEAD, "وتحدث الوزير عن التعاون الاقتصادي.", LONG, "وغادر الضيوف دمشق."])

needs_model = pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).exists(), reason="shipped NER model missing")


def _annotated() -> Article:
    from marsad.arabic.step import annotate

    return annotate(Article.create(TEXT))


def test_windows_hold_each_mention_with_its_context_inside_its_sentence() -> None:
    from marsad.geo.step import mentions_of

    article = _annotated()
    tokens = [(t.start, t.end) for t in article.tokens]
    kept = event_sentences(article)
    ranges = mention_windows(TEXT, tokens, kept)
    windows = [Span(tokens[a][0], tokens[b - 1][1]) for a, b in ranges]
    starts = [a for a, _ in tokens]
    assert windows and all(any(s.start <= w.start and w.end <= s.end for s in kept) for w in windows)
    assert all(a.end < b.start for a, b in zip(windows, windows[1:], strict=False))  # sorted, disjoint, merged
    for m in mentions_of(TEXT):
        sentence = next((s for s in kept if s.start <= m.start < s.end), None)
        if sentence is None:
            continue
        inside = [i for i, a in enumerate(starts) if sentence.start <= a < sentence.end]
        first = next(i for i in inside if starts[i] <= m.start < tokens[i][1] + 1)
        last = max(i for i in inside if starts[i] < m.end)
        wanted = [i for i in inside if first - CONTEXT <= i <= last + CONTEXT]
        assert all(any(w.start <= starts[i] < w.end for w in windows) for i in wanted)
        assert len(wanted) < len(inside) or sentence.end - sentence.start < 100
    # the long sentence's opening words are far from any mention: not tagged
    assert not any(w.start <= TEXT.index("المتحدث") < w.end for w in windows)


def test_pieces_split_runs_at_windows_and_name_their_run() -> None:
    tokens = [(0, 2), (3, 5), (6, 8), (9, 11), (12, 14), (15, 17), (18, 20)]
    ends = [4, 6, 7]  # runs: tokens 0-3, 4-5, 6
    pieces, groups = _pieces(tokens, [(0, 2), (3, 5), (5, 6)], ends)
    assert pieces == [[(0, 2), (3, 5)], [(9, 11)], [(12, 14)], [(15, 17)]]
    assert groups == [0, 0, 1, 1]
    pieces, groups = _pieces(tokens, [(6, 7)], ends)  # runs before it without a window still count
    assert pieces == [[(18, 20)]] and groups == [2]


def test_kept_runs_slice_what_the_sentence_pass_finds() -> None:
    from itertools import accumulate

    from marsad.arabic.step import annotate
    from marsad.ner.step import _MAX_SENT, _kept_runs, _runs, _token_spans, _window_pieces

    filler = " ".join(["هذا"] * (_MAX_SENT + 7))  # a sentence longer than a run, its place near the cut
    text = "\n".join([LEAD, f"{filler[: 4 * (_MAX_SENT - 3)]}دمشق {filler[4 * (_MAX_SENT - 3) :]}.", LONG, "وغادر الضيوف دمشق."])
    article = annotate(Article.create(text))
    every = article.sentences
    for only in (every, every[1:2], (every[0], every[2]), every[-1:]):
        runs = _runs(text, _token_spans(article), article.sentences, only)
        assert _kept_runs(article, only) == ([t for run in runs for t in run], list(accumulate(map(len, runs))))
    pieces, groups = _window_pieces(article, every[1:3])
    assert groups[:2] == [0, 1]  # the window around دمشق is cut where the first run ends
    assert len(pieces[0]) + len(pieces[1]) == 2 * CONTEXT + 1 and groups[-1] == 2


def test_merged_joins_the_pieces_of_a_group_and_keeps_empty_groups() -> None:
    assert merged([[1], [2, 3], [4]], [0, 0, 2]) == [[1, 2, 3], [], [4]]


def test_document_layer_counts_a_group_of_pieces_as_one_sentence(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=True)
    tagger = NeuralTagger(path, Lexicon())
    word = "سمير"
    sentences = [[word] for _ in range(13)]
    tagger._fill([word])
    _, starts, _ = tagger._layout(sentences)
    spans = [(s, s + 1) for s in starts]
    rows = spans[-1][1] + tagger.gap
    paths = [[LABELS.index("B-PERS")]] + [[LABELS.index("O")]] * 12  # only the first piece types the word
    pers = DOC_TYPES.index("PERS")
    keys = [[(word, word)] for _ in sentences]
    alone = tagger._doc_features(keys, paths, spans, rows)
    grouped = tagger._doc_features(keys, paths, spans, rows, [0, *(1 + k // 2 for k in range(12))])
    assert alone[spans[10][0], pers] == 1 and alone[spans[12][0], pers] == 0  # 12 sentences away
    assert grouped[spans[12][0], pers] == 1  # 6 sentences away: pieces of one sentence are one


@needs_model
def test_windows_keep_the_entities_over_place_mentions() -> None:
    from marsad.geo.step import mentions_of

    article = _annotated()
    tokens = [(t.start, t.end) for t in article.tokens]
    kept = event_sentences(article)
    spans = [(m.start, m.end) for m in mentions_of(TEXT)]

    def at(entities: list) -> list:
        return [(e.start, e.end, e.label) for e in entities if any(a < e.end and e.start < b for a, b in spans)]

    sentences = find_entities(TEXT, tokens, article.sentences, kept)
    windowed = tag_article(article, scope="events").entities
    assert at(list(windowed)) == at(sentences) and at(sentences)
    assert len(windowed) <= len(sentences)


def _same_scored(got: list, want: list) -> bool:
    """The same labels, and marginals equal up to BLAS's rounding (see ROUNDING)."""
    return len(got) == len(want) and all(
        g[0] == w[0] and np.allclose(g[1], w[1], **ROUNDING) for g, w in zip(got, want, strict=True)
    )


def test_documents_tagged_together_get_what_each_gets_alone(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=True)
    tagger = NeuralTagger(path, Lexicon(), cache_size=6)  # documents evict each other's words
    sents = [w for w, _ in SENTENCES]
    docs: list[tuple[list[list[str]], list[int] | None]] = [
        (sents, None),
        ([[], ["جديد", "سمير", "قال"], *sents[::-1]], None),
        ([], None),
        ([[]], None),
        ([sents[0][:2], sents[0][2:], sents[1]], [0, 0, 1]),  # pieces of sentences
    ]
    want = [NeuralTagger(path, Lexicon()).scored_document(s, True, g) for s, g in docs]
    got = tagger.scored_documents(docs)
    assert len(got) == len(docs) and all(_same_scored(g, w) for g, w in zip(got, want, strict=True))
    labels = tagger.scored_documents(docs, scores=False)
    assert [[tags for tags, _ in d] for d in labels] == [[tags for tags, _ in d] for d in want]


@needs_model
def test_articles_tagged_together_get_what_each_gets_alone() -> None:
    from marsad.ner.step import tag_articles

    articles = [_annotated(), Article.create(""), Article.create(LONG + "\n" + LEAD), _annotated()]
    for scope in ("events", "all"):
        want = [tag_article(a, scope=scope).entities for a in articles]
        got = [a.entities for a in tag_articles(articles, scope=scope)]
        assert any(want) and [[(e.start, e.end, e.label) for e in g] for g in got] == [
            [(e.start, e.end, e.label) for e in w] for w in want
        ]
        assert all(abs(a.score - b.score) < 1e-4 for g, w in zip(got, want, strict=True) for a, b in zip(g, w, strict=True))


def test_the_tagger_reads_the_arabic_steps_offsets_without_building_its_tokens() -> None:
    from marsad.arabic.tokenize import Tokens, tokenize
    from marsad.ner.step import _token_spans

    article = _annotated()
    assert isinstance(article.tokens, Tokens)
    expected = [(t.start, t.end) for t in tokenize(TEXT)]
    assert _token_spans(article) == expected
    assert article.tokens._built is None  # read without building the Token objects
    assert len(article.tokens) == len(expected)  # now built: read from them, the same
    assert _token_spans(article) == expected
    assert _token_spans(article.evolve(tokens=tuple(article.tokens))) == expected  # a plain tuple, as unpickled
    from marsad.arabic.step import annotate
    from marsad.ner.step import _own_tokens

    blank = annotate(Article.create("\n \n"))
    assert not blank.tokens  # no token: the tagger's own tokeniser, as before
    assert _token_spans(blank) == _own_tokens("\n \n")
