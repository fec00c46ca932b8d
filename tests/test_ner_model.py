"""The shipped NER model: loading, tagging, the pipeline step, and its F1 on a fixed slice."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import Article
from marsad.ner.lexicon import DATA_DIR
from marsad.ner.neural import MODEL_FILE, NeuralTagger
from marsad.ner.step import tag_article
from marsad.ner.tagger import load_tagger

pytestmark = pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).exists(), reason="shipped NER model missing")

# Written for these tests, in news style.
TEXT = (
    "قال الرئيس الفرنسي إيمانويل ماكرون في باريس إن الاتحاد الأوروبي سيدعم لبنان.\n"
    "وأعلنت وزارة الخارجية الروسية أن سيرغي لافروف سيزور دمشق الأسبوع المقبل."
)
LABELS = {"O"} | {f"{p}-{t}" for p in "BI" for t in ("PERS", "LOC", "ORG", "MISC")}


def test_load_tagger_is_cached_and_tags_bio() -> None:
    tagger = load_tagger()
    assert load_tagger() is tagger and isinstance(tagger, NeuralTagger)
    assert tagger.tag([]) == []
    words = TEXT.split()
    tags = tagger.tag(words)
    assert len(tags) == len(words) and set(tags) <= LABELS


def test_step_sets_entities_with_exact_offsets() -> None:
    article = tag_article(Article.create(TEXT))
    assert article.entities
    for e in article.entities:
        assert article.text[e.start : e.end] == e.text
        assert e.label in ("PERS", "LOC", "ORG", "MISC") and 0.0 < e.score <= 1.0
    found = {(e.text, e.label) for e in article.entities}
    assert ("باريس", "LOC") in found
    assert ("دمشق", "LOC") in found
    assert any(label == "PERS" and "ماكرون" in text for text, label in found)


def test_step_uses_the_arabic_tokens_when_present() -> None:
    from marsad.arabic.step import annotate

    article = annotate(Article.create(TEXT))
    assert article.tokens, "the Arabic step sets tokens"
    tagged = tag_article(article)
    for e in tagged.entities:
        assert TEXT[e.start : e.end] == e.text
    assert ("دمشق", "LOC") in {(e.text, e.label) for e in tagged.entities}
    assert tagged.tokens == article.tokens


def test_shipped_model_f1_on_test_slice(shared_dir: Path) -> None:
    from marsad.eval.ner import score
    from marsad.ner.conll import read_conll

    sentences = read_conll(shared_dir / "data/ner/anercorp/test.txt", "anercorp")[:300]
    pred = load_tagger().tag_document([words for words, _ in sentences])
    f1 = score((tags, p) for (_, tags), p in zip(sentences, pred, strict=True)).prf()[2]
    assert f1 >= 72.0, f"F1 on the first 300 test sentences fell to {f1:.2f} (shipped: see docs/ner.md)"
