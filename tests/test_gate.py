"""Entity scope: the tagger reads only the sentences the event coder can read, unless told all."""

from __future__ import annotations

import pickle

import pytest

from marsad.model import Article
from marsad.ner.lexicon import DATA_DIR
from marsad.ner.neural import MODEL_FILE
from marsad.ner.step import AFTER, BEFORE, event_sentences, tag_article
from marsad.pipeline import Pipeline, default_pipeline
from marsad.settings import DEFAULT_ENTITY_SCOPE, ENTITY_SCOPES

# Written for these tests: one lead, filler, one sentence with a trigger (قصف), filler.
LEAD = "وصل وزير الخارجية الروسي سيرغي لافروف إلى باريس."
FILLER = [
    "وقال لافروف إن المحادثات كانت مفيدة.",
    "وتحدث الوزير عن التعاون الاقتصادي مع فرنسا.",
    "وزار لافروف متحفا في مدينة ليون.",
    "ثم التقى رئيس بلدية ليون.",
]
TRIGGER = "وقصفت الطائرات بلدة كفرنبل في ريف إدلب."
AFTERWARDS = ["وأعلن المرصد أن أحمد الخطيب أصيب في معرة النعمان.", "وفي بيروت افتتح معرض للكتاب.", "وغادر الضيوف دمشق."]
SENTENCES = [LEAD, *FILLER, TRIGGER, *AFTERWARDS]
TEXT = "\n".join(SENTENCES)

needs_model = pytest.mark.skipif(not (DATA_DIR / MODEL_FILE).exists(), reason="shipped NER model missing")


def test_event_sentences_are_the_lead_and_the_trigger_with_neighbours_holding_a_place() -> None:
    article = Article.create(TEXT)
    kept = [TEXT[s.start : s.end].strip() for s in event_sentences(article)]
    t = SENTENCES.index(TRIGGER)
    context = [*SENTENCES[: AFTER + 1], *SENTENCES[t - BEFORE : t + AFTER + 1]]
    assert kept == [s for s in context if s != FILLER[0]]  # the one without a place name
    assert SENTENCES[-1] not in kept and FILLER[1] not in kept


def test_a_text_without_triggers_has_no_event_sentences() -> None:
    assert event_sentences(Article.create("\n".join([LEAD, *FILLER]))) == ()


def test_the_default_scope_is_a_known_one() -> None:
    assert DEFAULT_ENTITY_SCOPE in ENTITY_SCOPES == ("events", "all")


@needs_model
def test_events_scope_tags_only_event_sentences_and_all_tags_every_one() -> None:
    from marsad.arabic.step import annotate

    article = annotate(Article.create(TEXT))
    spans = event_sentences(article)
    scoped = tag_article(article, scope="events").entities
    every = tag_article(article, scope="all").entities
    assert scoped and all(any(s.start <= e.start < s.end for s in spans) for e in scoped)
    assert {e.text for e in every} - {e.text for e in scoped} >= {"دمشق"}
    assert tag_article(article).entities == every  # called directly, the step tags everything


@needs_model
def test_pipeline_scopes_differ_only_in_entities_outside_event_context() -> None:
    gated = default_pipeline().process(Article.create(TEXT))
    full = Pipeline.default(entity_scope="all").process(Article.create(TEXT))
    assert gated.events == full.events and gated.quotes == full.quotes
    # Spans and labels: a window of ±CONTEXT tokens may move a score's last digits
    # (0.9997 against 1.0 at CONTEXT 4), never which names are found here.
    def found(article: Article) -> set[tuple[int, int, str]]:
        return {(e.start, e.end, e.label) for e in article.entities}

    assert found(gated) < found(full)


def test_a_pipeline_with_a_scope_pickles_for_the_workers() -> None:
    pipeline = Pipeline.default(skip=("entities",), entity_scope="all")
    assert [n for n, _ in pickle.loads(pickle.dumps(pipeline)).steps] == [n for n, _ in pipeline.steps]
    full = Pipeline.default(entity_scope="all")
    entities = dict(pickle.loads(pickle.dumps(full)).steps)["entities"]
    assert getattr(entities, "keywords", None) == {"scope": "all"}


@needs_model
def test_extract_all_entities_adds_entities_outside_event_context(tmp_path) -> None:
    import json

    from marsad.cli import main

    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "a", "text": TEXT}, ensure_ascii=False) + "\n", encoding="utf-8")
    found = {}
    for flag in ([], ["--all-entities"]):
        out = tmp_path / f"out{len(flag)}.jsonl"
        assert main(["extract", "--input", str(source), "--output", str(out), "--workers", "1", *flag]) == 0
        record = json.loads(out.read_text(encoding="utf-8"))
        found[bool(flag)] = ({e["text"] for e in record["entities"]}, record["events"])
    assert found[False][0] < found[True][0] and found[False][1] == found[True][1]


def test_the_warm_up_text_reaches_the_entity_tagger() -> None:
    from marsad.pipeline import WARM_UP_TEXT

    assert event_sentences(Article.create(WARM_UP_TEXT))


def test_the_trigger_pass_is_shared_per_text_and_never_stale() -> None:
    from dataclasses import replace

    from marsad.events.coder import trigger_pass

    article = Article.create(TEXT)
    spans, passed = trigger_pass(article)
    assert [i for i, _, _ in passed] == [SENTENCES.index(TRIGGER)]
    # a later step's article keeps its text: the same pass, not a new search
    assert trigger_pass(replace(article, entities=()))[1] is passed
    quiet = Article.create("\n".join([LEAD, *FILLER]))
    assert trigger_pass(quiet)[1] == ()
    # an equal text in a new object is searched again, with the same result
    again = trigger_pass(Article.create("".join(list(TEXT))))
    assert again[1] is not passed and again == (spans, passed)


def test_the_trigger_gate_reads_the_words_as_it_reads_the_text() -> None:
    from marsad.actors.text import words
    from marsad.arabic.step import annotate
    from marsad.events.coder import trigger_pass
    from marsad.events.triggers import candidates_of, might_trigger

    # marks, tatweel, a bidi mark and a ligature (written for this test)
    text = "\n".join([LEAD, "وقَصَـفت الطائرات\u200f بلدةً في ريف إدلب.", "ﻻ جديد في المحادثات.", TRIGGER])
    tagged = annotate(Article.create(text))
    for s in tagged.sentences:  # the gate on a sentence's words says what it says on its text
        sentence = text[s.start : s.end]
        assert any(candidates_of([w for _, _, w in words(sentence)])) == might_trigger(sentence)
    bare = Article.create("".join(list(text)))  # no Arabic layer: the text's own sentences
    hits = [(i, [(h.start, h.definition) for h in found]) for i, _, found in trigger_pass(tagged)[1]]
    assert [found for _, found in hits] == [[(h.start, h.definition) for h in found]
                                            for _, _, found in trigger_pass(bare)[1]]
    assert [i for i, _ in hits] == [1, 3]
    # the sentences' words come from the whole text's, in article offsets, as from each sentence
    for i, toks, _ in trigger_pass(tagged)[1]:
        s = tagged.sentences[i]
        assert toks == [(a + s.start, b + s.start, w) for a, b, w in words(text[s.start : s.end])]


def test_a_word_without_a_trigger_stem_is_answered_by_the_gate_alone() -> None:
    """The gate lets a word through only when one of its clitic readings may start a trigger, so
    the gated answer equals the readings' own, for every first word of the lexicon under each
    clitic (the لل that hides ال included) and for words of no trigger."""
    from marsad.actors.text import variants
    from marsad.events.trigger_lexicon import lexicon
    from marsad.events.triggers import _candidates, _word_candidates

    stems = [k.rstrip("*") + ("ات" if k.endswith("*") else "") for k in lexicon()]
    clitics = ("", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "ولل", "فب")
    others = ["ناقش", "الوزير", "الميزانيه", "مع", "نظيره", "في", "العاصمه", "يوم", "قال", "سوريا"]
    words = {c + s for s in stems for c in clitics} | set(others)
    gated = [w for w in words if _word_candidates(w)]
    assert all(_word_candidates(w) == _candidates(variants(w)) for w in words)
    assert len(gated) >= len(stems) and not any(_word_candidates(w) for w in others)
