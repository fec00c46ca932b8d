"""A pipeline is a list of steps over a stream of articles.

Each step is a plain callable ``Article -> Article`` with one job. A step that
raises on one article records the error on that article (``Article.error``) and
the stream goes on with the next article; later steps skip a failed article.
The same :class:`Pipeline` runs under the local and the Ray executors.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import partial

from marsad.model import Article
from marsad.settings import DEFAULT_ENTITY_SCOPE, EntityScope

Step = Callable[[Article], Article]

#: The analysis steps, in order, as ``(name, "module:function")``. Resolved lazily
#: so that importing marsad stays cheap and each area owns its own step.
DEFAULT_STEPS: tuple[tuple[str, str], ...] = (
    ("clean", "marsad.ingest.boilerplate:clean_article"),
    ("arabic", "marsad.arabic.step:annotate"),
    ("entities", "marsad.ner.step:tag_article"),
    ("places", "marsad.geo.step:geocode_article"),
    ("actors", "marsad.actors.step:link_article"),
    ("events", "marsad.events.step:code_article"),
    ("quotes", "marsad.events.quotes:extract_quotes"),
)


def resolve(target: str) -> Step:
    """Import ``"package.module:function"`` and return the function."""
    module_name, _, attr = target.partition(":")
    step: Step = getattr(importlib.import_module(module_name), attr)
    return step


@dataclass(frozen=True)
class Pipeline:
    """Named steps applied in order to each article of a stream."""

    steps: tuple[tuple[str, Step], ...]

    @classmethod
    def default(
        cls, skip: Sequence[str] = (), entity_scope: EntityScope = DEFAULT_ENTITY_SCOPE
    ) -> Pipeline:
        """The full analysis pipeline, minus the named steps; the entity tagger reads
        the sentences of ``entity_scope`` (:mod:`marsad.settings`)."""
        steps: list[tuple[str, Step]] = []
        for name, target in DEFAULT_STEPS:
            if name not in skip:
                step: Callable[..., Article] = resolve(target)
                steps.append((name, partial(step, scope=entity_scope) if name == "entities" else step))
        return cls(tuple(steps))

    def process(self, article: Article) -> Article:
        """Run every step on one article, turning an exception into ``Article.error``."""
        for name, step in self.steps:
            if article.error is not None:
                break
            try:
                article = step(article)
            except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
                article = article.with_error(f"{name}: {type(exc).__name__}: {exc}")
        return article

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.process(article)


_DEFAULT: dict[EntityScope, Pipeline] = {}


def default_pipeline(entity_scope: EntityScope = DEFAULT_ENTITY_SCOPE) -> Pipeline:
    """The process-wide default pipeline (per entity scope), built on first use."""
    if entity_scope not in _DEFAULT:
        _DEFAULT[entity_scope] = Pipeline.default(entity_scope=entity_scope)
    return _DEFAULT[entity_scope]


#: A sentence that reaches every model (a trigger beside a place, so the entity tagger
#: reads it even in scope "events"): analysing it loads them all.
WARM_UP_TEXT = "قصفت الطائرات بلدة دوما في ريف دمشق."


def warm_up(pipeline: Pipeline | None = None) -> Pipeline:
    """Load every model now rather than on the first article (``watch``, benchmarks)."""
    steps = pipeline if pipeline is not None else default_pipeline()
    steps.process(Article.create(WARM_UP_TEXT))
    return steps


def analyze(
    text: str,
    *,
    published: datetime | str | None = None,
    title: str = "",
    url: str = "",
    source: str = "",
    id: str = "",
    entity_scope: EntityScope = DEFAULT_ENTITY_SCOPE,
) -> Article:
    """Analyse one text and return the article with its entities, places, events and quotes
    (entities of every sentence with ``entity_scope="all"``)."""
    from marsad.ingest.fields import parse_datetime

    when = parse_datetime(published) if isinstance(published, str) else published
    article = Article.create(text, id=id, title=title, url=url, source=source, published=when)
    return default_pipeline(entity_scope).process(article)
