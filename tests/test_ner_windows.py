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
from test_ner_neural import _network

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
    windows = mention_windows(TEXT, tokens, kept)
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
    runs = [[(0, 2), (3, 5), (6, 8), (9, 11)], [(12, 14), (15, 17)]]
    windows = (Span(0, 5), Span(9, 14), Span(15, 17))
    pieces, groups = _pieces(runs, windows)
    assert pieces == [[(0, 2), (3, 5)], [(9, 11)], [(12, 14)], [(15, 17)]]
    assert groups == [0, 0, 1, 1]


def test_merged_joins_the_pieces_of_a_group_and_keeps_empty_groups() -> None:
    assert merged([[1], [2, 3], [4]], [0, 0, 2]) == [[1, 2, 3], [], [4]]


def test_document_layer_counts_a_group_of_pieces_as_one_sentence(tmp_path: Path) -> None:
    path, _, _ = _network(tmp_path, with_doc=True)
    tagger = NeuralTagger(path, Lexicon())
    word = "سمير"
    sentences = [[word] for _ in range(13)]
    _, starts, _ = tagger._layout(sentences)
    spans = [(s, s + 1) for s in starts]
    rows = spans[-1][1] + tagger.gap
    ems = [np.full((1, len(LABELS)), -5.0, np.float32) for _ in sentences]
    ems[0][0, LABELS.index("B-PERS")] = 5.0  # only the first piece types the word
    for em in ems[1:]:
        em[0, LABELS.index("O")] = 5.0
    pers = DOC_TYPES.index("PERS")
    alone = tagger._doc_features(sentences, ems, spans, rows)
    grouped = tagger._doc_features(sentences, ems, spans, rows, [0, *(1 + k // 2 for k in range(12))])
    assert alone[spans[10][0], pers] == 1 and alone[spans[12][0], pers] == 0  # 12 sentences away
    assert grouped[spans[12][0], pers] == 1  # 6 sentences away: pieces of one sentence are one


@needs_model
def test_windows_keep_the_entities_over_place_mentions() -> None:
    from marsad.geo.step import mentions_of

    article = _annotated()
    tokens = [(t.start, t.end) for t in article.tokens]
    kept = event_sentences(article)
    spans = [(m.start, m.end) for m in mentions_of(TEXT)]

    def at(entities: list) -> list:  # type: ignore[type-arg]
        return [(e.start, e.end, e.label) for e in entities if any(a < e.end and e.start < b for a, b in spans)]

    sentences = find_entities(TEXT, tokens, article.sentences, kept)
    windowed = tag_article(article, scope="events").entities
    assert at(list(windowed)) == at(sentences) and at(sentences)
    assert len(windowed) <= len(sentences)
