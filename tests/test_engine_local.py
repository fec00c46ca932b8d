"""The local engine: same output in the same order with 1 and 2 workers, bounded streaming."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count, islice

import pytest

from marsad.engines.local import batches, run_local
from marsad.model import Article, Entity
from marsad.pipeline import Pipeline

# Written for these tests, in news style.
SENTENCES = [
    "قتل ثلاثة مدنيين في قصف جوي استهدف بلدة كفرنبل بريف إدلب الجنوبي صباح اليوم.",
    "اندلعت اشتباكات بين قوات النظام وفصائل معارضة على أطراف مدينة درعا.",
    "انفجرت سيارة مفخخة في سوق مدينة عفرين ما أسفر عن مقتل خمسة أشخاص.",
    "تظاهر العشرات في مدينة السويداء احتجاجا على تردي الأوضاع المعيشية.",
    "قال المرصد السوري إن غارات روسية استهدفت مستشفى في ريف حماة الشمالي.",
]


def _first_word(article: Article) -> Article:
    """A test step: tag the first word (picklable: a module-level function)."""
    end = article.text.index(" ")
    return article.evolve(entities=(Entity(0, end, article.text[:end], "MISC"),))


def _fail_on_odd(article: Article) -> Article:
    if int(article.id.removeprefix("n")) % 3 == 1:
        raise ValueError("odd article")
    return article


TEST_PIPELINE = Pipeline((("first", _first_word), ("fail", _fail_on_odd)))


def _threads_in_title(article: Article) -> Article:
    """A test step: the BLAS thread setting of the process that analysed the article."""
    import os

    return article.evolve(title=str(os.environ.get("OPENBLAS_NUM_THREADS")))


def _articles(n: int) -> list[Article]:
    return [Article.create(SENTENCES[i % len(SENTENCES)], id=f"n{i}") for i in range(n)]


def test_one_and_two_workers_give_identical_output() -> None:
    articles = _articles(23)
    one = list(run_local(articles, workers=1, batch_size=4, pipeline=TEST_PIPELINE))
    two = list(run_local(articles, workers=2, batch_size=4, pipeline=TEST_PIPELINE))
    assert one == two
    assert [a.id for a in two] == [a.id for a in articles]
    assert [a.error is not None for a in two] == [i % 3 == 1 for i in range(23)]
    assert two[0].entities[0].text == SENTENCES[0].split()[0]


def test_default_pipeline_same_with_two_workers() -> None:
    articles = _articles(12)
    one = list(run_local(articles, workers=1, batch_size=3))
    two = list(run_local(articles, workers=2, batch_size=3))
    assert one == two
    assert all(not a.tokens and not a.sentences for a in two)


def _endless(pulled: Iterator[int]) -> Iterator[Article]:
    """Articles without end, numbered by ``pulled`` (what the test reads back tells how many were read)."""
    while True:
        i = next(pulled)
        yield Article.create(SENTENCES[i % len(SENTENCES)], id=f"n{i}")


def test_streaming_keeps_few_batches_in_flight() -> None:
    pulled = count()

    out = run_local(_endless(pulled), workers=2, batch_size=5, pipeline=TEST_PIPELINE)
    first = list(islice(out, 7))
    out.close()
    assert [a.id for a in first] == [f"n{i}" for i in range(7)]
    # at most 2 * workers batches in flight plus the one being formed
    assert next(pulled) <= (2 * 2 + 2) * 5


def test_in_process_run_reads_one_batch_ahead() -> None:
    """One process reads a batch before analysing it (as a pool's feeder does), never more."""
    pulled = count()

    out = run_local(_endless(pulled), workers=1, batch_size=5, pipeline=TEST_PIPELINE)
    first = list(islice(out, 6))
    out.close()
    assert [a.id for a in first] == [f"n{i}" for i in range(6)]
    assert next(pulled) == 10  # two batches of 5 read for six articles


def test_small_input_with_workers_runs_in_process() -> None:
    articles = _articles(3)
    assert list(run_local(articles, workers=4, batch_size=8, pipeline=TEST_PIPELINE)) == list(
        run_local(articles, workers=1, pipeline=TEST_PIPELINE)
    )


def test_batches() -> None:
    assert [len(b) for b in batches(_articles(7), 3)] == [3, 3, 1]
    assert list(batches([], 3)) == []


def test_analysed_article_pickles_to_an_equal_article() -> None:
    """Articles cross process boundaries as (class, values): every record and field survives."""
    import pickle

    from marsad.pipeline import analyze

    article = analyze(SENTENCES[0], published="2018-03-04T10:00:00+03:00", id="p1")
    assert article.events and article.places and article.tokens and article.sentences
    back = pickle.loads(pickle.dumps(article, protocol=pickle.HIGHEST_PROTOCOL))
    assert back == article
    assert (back.tokens, back.sentences) == (article.tokens, article.sentences)
    assert type(back.events[0].evidence[0]) is type(article.events[0].evidence[0])
    assert repr(back) == repr(article)


def test_evolve_copies_an_article_as_dataclasses_replace() -> None:
    """Steps copy articles with ``Article.evolve``: the article ``replace`` makes, every field
    (tokens and sentences too) the same object, the original untouched, unknown names refused."""
    from dataclasses import FrozenInstanceError, fields, replace

    from marsad.pipeline import analyze

    article = analyze(SENTENCES[0], published="2018-03-04T10:00:00+03:00", id="e1")
    for changes in ({}, {"places": ()}, {"error": "x", "tokens": (), "title": "t"}, {"id": "e2"}):
        new, old = article.evolve(**changes), replace(article, **changes)
        assert type(new) is Article and new == old and repr(new) == repr(old)
        assert all(getattr(new, f.name) is getattr(old, f.name) for f in fields(Article)), changes
    assert article.places and article.error is None
    with pytest.raises(TypeError, match="pages"):
        article.evolve(pages=())
    with pytest.raises(FrozenInstanceError):
        article.evolve().id = "x"


def test_in_process_run_restores_the_callers_gc_thresholds() -> None:
    import gc

    from marsad.engines.local import GC_THRESHOLD

    before = gc.get_threshold()
    seen = []
    for _ in run_local(_articles(3), workers=1, pipeline=TEST_PIPELINE):
        seen.append(gc.get_threshold())
    assert seen == [GC_THRESHOLD] * 3
    assert gc.get_threshold() == before


def test_pool_run_collects_less_in_the_reading_process_and_restores() -> None:
    import gc

    from marsad.engines.local import GC_THRESHOLD

    before = gc.get_threshold()
    seen = {
        gc.get_threshold()
        for _ in run_local(_articles(9), workers=2, batch_size=3, pipeline=TEST_PIPELINE)
    }
    assert seen == {GC_THRESHOLD}
    assert gc.get_threshold() == before


def test_workers_run_numeric_libraries_on_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    pipeline = Pipeline((("threads", _threads_in_title),))
    out = list(run_local(_articles(6), workers=2, batch_size=2, pipeline=pipeline))
    assert {a.title for a in out} == {"1"}
    assert "OPENBLAS_NUM_THREADS" not in os.environ  # the caller's environment is left as it was


def test_parquet_shards_of_an_earlier_run_are_cleared(tmp_path) -> None:
    import pyarrow.parquet as pq

    from marsad.engines.parquet import ParquetShards
    from marsad.model import Event

    def articles(n: int) -> list[Article]:
        event = Event(
            event_id="e",
            event_date="2019-01-23",
            time_precision=1,
            event_type="Battles",
            sub_event_type="Armed clash",
            actor1="Military Forces of Syria (2000-)",
        )
        return [Article(id=f"a{i}", text=SENTENCES[0], events=(event,)) for i in range(n)]

    out = tmp_path / "shards"
    list(ParquetShards(out, chunk_size=1).tee(articles(3)))  # 3 shards
    list(ParquetShards(out, chunk_size=1).tee(articles(1)))  # a smaller re-run: 1 shard
    rows = [r for p in sorted(out.glob("events-*.parquet")) for r in pq.read_table(p).to_pylist()]
    assert [r["article_id"] for r in rows] == ["a0"]


def test_interleaved_runs_leave_the_gc_thresholds_as_they_found_them() -> None:
    import gc

    from marsad.engines.local import fewer_collections

    before = gc.get_threshold()
    a, b = fewer_collections(), fewer_collections()
    a.__enter__()
    b.__enter__()
    a.__exit__(None, None, None)  # the first run ends while the second is still going
    b.__exit__(None, None, None)
    assert gc.get_threshold() == before


def test_warc_pages_extracted_by_two_workers_as_by_the_reader(tmp_path) -> None:
    """Pages travel raw and the workers extract them: the same articles as extracting them
    while reading (the path before), a broken record failed with its reason, the rest analysed."""
    from marsad.ingest import read_inputs, read_records
    from test_ingest_warc_feeds import BROKEN_URIS, write_crawl

    path = str(write_crawl(tmp_path / "crawl.warc.gz"))
    read_first = list(run_local(read_inputs([path]), workers=1))
    one = list(run_local(read_records([path]), workers=1, batch_size=3))
    two = list(run_local(read_records([path]), workers=2, batch_size=3))
    assert [a.to_dict() for a in one] == [a.to_dict() for a in read_first]
    assert [a.to_dict() for a in two] == [a.to_dict() for a in read_first]
    failed = [a.id for a in two if a.error]
    assert failed == list(BROKEN_URIS)
    assert two[-1].error is None and two[-1].events, "pages after the broken ones are analysed"
