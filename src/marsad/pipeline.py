"""A pipeline is a list of steps over a stream of articles.

Each step is a plain callable ``Article -> Article`` with one job. A step that
raises on one article records the error on that article (``Article.error``) and
the stream goes on with the next article; later steps skip a failed article.
The same :class:`Pipeline` runs under the local and the Ray executors.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from marsad.memo import ARTICLES_AT_ONCE
from marsad.model import Article
from marsad.settings import DEFAULT_ENTITY_SCOPE, EntityScope

Step = Callable[[Article], Article]
BatchStep = Callable[[list[Article]], list[Article]]

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

#: Steps with a form that takes a batch of articles at once, as ``name: "module:function"``
#: (``list[Article] -> list[Article]``, the same results as the step on each): the entity
#: tagger decodes a batch's windows together, which costs about what one article does.
BATCH_STEPS: dict[str, str] = {"entities": "marsad.ner.step:tag_articles"}


def resolve(target: str) -> Step:
    """Import ``"package.module:function"`` and return the function."""
    step: Step = _load(target)
    return step


def _load(target: str) -> Any:
    module_name, _, attr = target.partition(":")
    return getattr(importlib.import_module(module_name), attr)


@dataclass(frozen=True)
class Pipeline:
    """Named steps applied in order to each article of a stream."""

    steps: tuple[tuple[str, Step], ...]
    batch_steps: Mapping[str, BatchStep] = field(default_factory=dict)

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
        batch: dict[str, BatchStep] = {}
        for name, _ in steps:
            if name in BATCH_STEPS:
                many: Callable[..., list[Article]] = _load(BATCH_STEPS[name])
                batch[name] = partial(many, scope=entity_scope)
        return cls(tuple(steps), batch)

    def process(self, article: Article) -> Article:
        """Run every step on one article, turning an exception into ``Article.error``."""
        return _run(article, self.steps)

    def process_many(self, articles: Sequence[Article]) -> list[Article]:
        """:meth:`process` of each article, a step with a batch form (:data:`BATCH_STEPS`)
        run on all of them at once (in chunks of :data:`marsad.memo.ARTICLES_AT_ONCE`, as many
        as the per-article memos shared between steps remember); the same results."""
        if not self.batch_steps:
            return [self.process(a) for a in articles]
        out: list[Article] = []
        for i in range(0, len(articles), ARTICLES_AT_ONCE):
            chunk = list(articles[i : i + ARTICLES_AT_ONCE])
            for name, steps in self.stages():
                chunk = self.run_batched(name, chunk) if name else [_run(a, steps) for a in chunk]
            out.extend(chunk)
        return out

    def stages(self) -> list[tuple[str, tuple[tuple[str, Step], ...]]]:
        """Runs of one-article steps (name ``""``) between the steps run as a batch."""
        stages: list[tuple[str, tuple[tuple[str, Step], ...]]] = [("", ())]
        for name, step in self.steps:
            if name in self.batch_steps:
                stages += [(name, ()), ("", ())]
            else:
                stages[-1] = ("", (*stages[-1][1], (name, step)))
        return [s for s in stages if s[0] or s[1]]

    def run_batched(self, name: str, articles: list[Article]) -> list[Article]:
        """The batch form of step ``name`` on the articles without an error; if it raises,
        the step article by article, so only the failing one records the error."""
        todo = [k for k, a in enumerate(articles) if a.error is None]
        try:
            done = self.batch_steps[name]([articles[k] for k in todo])
            if len(done) != len(todo):
                raise ValueError(f"{name}: the batch form returned {len(done)} of {len(todo)} articles")
        except Exception:  # noqa: BLE001 - one bad article must not stop a batch
            done = [_run(articles[k], tuple(s for s in self.steps if s[0] == name)) for k in todo]
        out = list(articles)
        for k, article in zip(todo, done, strict=True):
            out[k] = article
        return out

    def __call__(self, articles: Iterable[Article]) -> Iterator[Article]:
        for article in articles:
            yield self.process(article)


def _run(article: Article, steps: Sequence[tuple[str, Step]]) -> Article:
    """``steps`` in order on one article, an exception turned into ``Article.error``."""
    for name, step in steps:
        if article.error is not None:
            break
        try:
            article = step(article)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a batch
            article = article.with_error(f"{name}: {type(exc).__name__}: {exc}")
    return article


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
