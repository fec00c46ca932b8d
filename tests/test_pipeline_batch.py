"""Pipeline.process_many: a step's batch form gives what the step gives article by article."""

from __future__ import annotations

import sys
from dataclasses import replace

from marsad.memo import ARTICLES_AT_ONCE, RecentTexts
from marsad.model import Article, Entity
from marsad.pipeline import Pipeline
from test_engine_local import SENTENCES  # written for the tests, in news style

CALLS: list[int] = []


def _articles(n: int) -> list[Article]:
    return [Article.create(SENTENCES[i % len(SENTENCES)], id=f"n{i}") for i in range(n)]


def _fail_third(article: Article) -> Article:
    if int(article.id.removeprefix("n")) % 3 == 2:
        raise ValueError("third article")
    return article


def _mark(article: Article) -> Article:
    end = article.text.index(" ")
    if article.id == "n4":
        raise ValueError("bad article")
    return replace(article, entities=(Entity(0, end, article.text[:end], "MISC"),))


def _mark_all(articles: list[Article]) -> list[Article]:
    CALLS.append(len(articles))
    return [_mark(a) for a in articles]


def _pipelines() -> tuple[Pipeline, Pipeline]:
    steps = (("fail", _fail_third), ("mark", _mark), ("title", lambda a: replace(a, title=a.id)))
    return Pipeline(steps), Pipeline(steps, {"mark": _mark_all})


def test_batch_form_gives_the_one_by_one_results_with_errors_per_article() -> None:
    one, batched = _pipelines()
    articles = _articles(ARTICLES_AT_ONCE + 9)
    CALLS.clear()
    expected = [one.process(a) for a in articles]
    got = batched.process_many(articles)
    assert got == expected
    # the batch raised on n4 (first chunk): that chunk fell back to one by one, n4 alone failing
    assert got[4].error == "mark: ValueError: bad article" and got[6].error is None
    assert got[2].error == "fail: ValueError: third article"  # earlier errors skip the batch step
    assert all(a.title == a.id for a in got if a.error is None)
    # chunks of ARTICLES_AT_ONCE; the failed articles of the first step are not passed on
    assert CALLS == [ARTICLES_AT_ONCE - ARTICLES_AT_ONCE // 3 - (ARTICLES_AT_ONCE % 3 == 2),
                     9 - 3]  # fmt: skip


def _copies(articles: list[Article]) -> list[Article]:
    """The same articles with new text objects: the memos shared between steps are keyed by
    the text's identity, so a reference run on copies cannot read what the other run left."""
    return [replace(a, text="".join(list(a.text))) for a in articles]


def test_default_pipeline_batched_equals_one_by_one() -> None:
    pipeline = Pipeline.default()
    assert "entities" in pipeline.batch_steps
    articles = _articles(7)
    expected = [pipeline.process(a) for a in _copies(articles)]
    assert pipeline.process_many(articles) == expected


def _short(articles: list[Article]) -> list[Article]:
    return articles[:-1]


def test_a_batch_form_returning_too_few_articles_is_redone_one_by_one() -> None:
    one, _ = _pipelines()
    short = Pipeline(one.steps, {"mark": _short})
    articles = _articles(5)
    assert short.process_many(articles) == [one.process(a) for a in articles]


def test_recent_texts_stay_bounded_under_threads() -> None:
    from concurrent.futures import ThreadPoolExecutor

    memo: RecentTexts[int] = RecentTexts(size=4)
    texts = ["".join(["نص", str(i)]) for i in range(40_000)]

    def fill(part: int) -> None:
        for t in texts[part::8]:
            memo.put(t, 1)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # switch threads often, as a loaded server might
    try:
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(fill, range(8)))  # a racing eviction raised here, or grew the memo
    finally:
        sys.setswitchinterval(interval)
    assert len(memo._items) <= 4


def test_recent_texts_keyed_by_identity_and_bounded() -> None:
    memo: RecentTexts[int] = RecentTexts(size=2)
    a, b, c = ("نص " * 3).strip(), "".join(["نص ", "آخر"]), "ثالث"
    memo.put(a, 1)
    assert memo.get(a) == 1
    assert memo.get("".join(["نص", " نص", " نص"])) is None  # an equal text, another object
    memo.put(b, 2)
    memo.put(c, 3)  # the oldest (a) goes
    assert (memo.get(a), memo.get(b), memo.get(c)) == (None, 2, 3)
    memo.clear()
    assert (memo.get(b), memo.get(c)) == (None, None)
