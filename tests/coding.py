"""The event coder on sentences written for a test: the default pipeline without the
entity tagger (its model is not what these tests are about), built once per session."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache

from marsad.model import Article, Event
from marsad.pipeline import Pipeline

#: The publication time the tests' relative dates («أمس»، «الثلاثاء») are read against.
WEDNESDAY = datetime(2018, 3, 14, 10)


@lru_cache(maxsize=1)
def pipeline() -> Pipeline:
    return Pipeline.default(skip=("entities",))


def code(text: str, title: str = "", published: datetime = WEDNESDAY) -> list[Event]:
    """The events of ``text`` published at ``published`` (the article must not fail)."""
    article = pipeline().process(Article.create(text, id="t", title=title, published=published))
    assert article.error is None
    return list(article.events)
