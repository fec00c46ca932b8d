"""The local engine: the pipeline over a stream, in this process or in a pool.

With ``workers > 1`` articles travel in batches to spawned worker processes
(each builds its pipeline once) and come back in input order, so the output is
the same as one worker's. At most ``2 * workers`` batches are in flight, which
keeps memory flat however long the stream. The input may hold HTML pages not yet
extracted (:class:`~marsad.model.RawPage`, from ``read_records``): the process that
analyses a page extracts it first, so with N workers N pages are extracted at once. Analysed articles are returned
without their working state (tokens, sentences): nothing downstream needs it
and it would dominate the cost of sending articles between processes.

While analysing (and in the process that reads and stores for a pool), the cyclic
garbage collector runs less often (:data:`GC_THRESHOLD`):
an article allocates thousands of short-lived objects (tokens, features) that
reference counting frees anyway, and with the default thresholds the collector
kept re-scanning the long-lived models and word caches, about 7% of the CPU time.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from itertools import chain, islice
from multiprocessing.pool import AsyncResult
from typing import TYPE_CHECKING, TypeVar

from marsad.ingest.html import as_article
from marsad.model import Article, InputRecord
from marsad.pipeline import Pipeline, default_pipeline

if TYPE_CHECKING:
    from marsad.store import Store

_T = TypeVar("_T")
_WORKER_PIPELINE: Pipeline | None = None
_WORKER_ERROR: BaseException | None = None
#: Collector thresholds while analysing (Python's defaults: 700, 10, 10). A young collection
#: comes when live new objects outnumber the first: a batch of 64 articles holds tens of
#: thousands at once (its tokens, where built, ~17,000) and frees them at its end, so at
#: 10,000 the collector scanned each batch's working state several times over (0.2-0.3
#: ms/article of CPU, and it found no garbage: the analysis makes no reference cycles);
#: above a batch's peak it runs only as the word caches grow (0.02-0.04 ms/article).
GC_THRESHOLD = (100_000, 20, 20)
#: Thread counts for numeric libraries in workers, unless the caller set them: the
#: workers are the parallelism, and BLAS threads of several workers on the same cores
#: spin against each other (the network tagger cost 21 instead of 11 ms of CPU per
#: article with one process; three times the CPU with two workers on two cores).
WORKER_THREADS = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def one_blas_thread() -> None:
    """:data:`WORKER_THREADS` for this process too, unless the user chose otherwise.

    The tagger's matrices are small: a second BLAS thread only spins (a 1-worker run
    burnt twice its CPU time on the other core). Must run before numpy is imported;
    the ``marsad`` command and the benchmarks call it first thing.
    """
    for key, value in WORKER_THREADS.items():
        os.environ.setdefault(key, value)


@contextmanager
def _worker_environment() -> Iterator[None]:
    """:data:`WORKER_THREADS` in the environment that spawned workers copy, then restored."""
    added = {k: v for k, v in WORKER_THREADS.items() if k not in os.environ}
    os.environ.update(added)
    try:
        yield
    finally:
        for key in added:
            os.environ.pop(key, None)


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Run the block with :data:`GC_THRESHOLD`, then restore the caller's thresholds.

    Used inside generators, so two runs may interleave: a run restores only what it set,
    and only when nobody has changed the thresholds since.
    """
    old = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLD)
    try:
        yield
    finally:
        if gc.get_threshold() == GC_THRESHOLD and old != GC_THRESHOLD:
            gc.set_threshold(*old)


def _finish(article: Article) -> Article:
    if article.tokens or article.sentences:
        return article.evolve(tokens=(), sentences=())
    return article


def _init_worker(pipeline: Pipeline | None) -> None:
    # An initializer that raises makes Pool respawn workers forever; keep the
    # error and raise it from the first batch instead, so the caller sees it.
    global _WORKER_PIPELINE, _WORKER_ERROR
    gc.set_threshold(*GC_THRESHOLD)  # a worker process only ever analyses
    try:
        _WORKER_PIPELINE = pipeline if pipeline is not None else default_pipeline()
    except BaseException as exc:  # noqa: BLE001 - re-raised in _process_batch
        _WORKER_ERROR = exc


def _process_batch(batch: list[InputRecord]) -> list[Article]:
    if _WORKER_ERROR is not None:
        raise RuntimeError(f"worker could not build its pipeline: {_WORKER_ERROR!r}")
    pipeline = _WORKER_PIPELINE or default_pipeline()
    return [_finish(a) for a in pipeline.process_many([as_article(r) for r in batch])]


def batches(articles: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Consecutive lists of at most ``size`` articles (or input records)."""
    stream = iter(articles)
    while batch := list(islice(stream, size)):
        yield batch


def run_local(
    articles: Iterable[InputRecord],
    *,
    workers: int = 1,
    batch_size: int = 64,
    pipeline: Pipeline | None = None,
) -> Iterator[Article]:
    """Analyse ``articles`` and yield them in input order (multiprocess when ``workers > 1``);
    a :class:`~marsad.model.RawPage` is extracted where it is analysed."""
    if batch_size < 1:
        raise ValueError("batch_size must be >= 1")
    if workers <= 1:
        steps = pipeline if pipeline is not None else default_pipeline()
        with fewer_collections():
            # A batch read at once, as the pool's feeder reads them: reading one record
            # between two analyses cost 0.19 instead of 0.06 ms/article on ant2018_all
            # (the reader's and zlib's state fall out of the CPU caches in between).
            for batch in batches(articles, batch_size):
                yield from map(_finish, steps.process_many([as_article(r) for r in batch]))
        return
    stream = batches(articles, batch_size)
    first = next(stream, [])
    second = next(stream, [])
    if not second:  # one batch: starting processes would cost more than it saves
        yield from run_local(first, workers=1, pipeline=pipeline)
        return
    yield from _run_pool(chain([first, second], stream), workers, pipeline)


def upsert_stream(
    articles: Iterable[InputRecord],
    store: Store,
    *,
    workers: int = 1,
    batch_size: int = 64,
    pipeline: Pipeline | None = None,
) -> Iterator[tuple[Article, str]]:
    """Analyse ``articles`` with :func:`run_local` and upsert them (:func:`store_stream`).

    The path from input to store for ``watch`` and the benchmarks.
    """
    analysed = run_local(articles, workers=workers, batch_size=batch_size, pipeline=pipeline)
    yield from store_stream(analysed, store, batch_size)


def store_stream(
    analysed: Iterable[Article], store: Store, batch_size: int = 64
) -> Iterator[tuple[Article, str]]:
    """Upsert already analysed articles, one transaction per batch, whatever engine made them.

    Yields each article with its store status ("inserted", "unchanged", "replaced").
    The one way articles reach the store: ``run`` (local or Ray), ``watch``, the API.
    """
    for batch in batches(analysed, batch_size):
        yield from zip(batch, store.upsert_many(batch), strict=True)


def _run_pool(
    stream: Iterable[list[InputRecord]], workers: int, pipeline: Pipeline | None
) -> Iterator[Article]:
    # spawn: the same behaviour on every OS, and no copy of the parent's state
    # (open store connections, caches) in the children.
    context = multiprocessing.get_context("spawn")
    max_in_flight = 2 * workers
    with _worker_environment():
        pool = context.Pool(workers, initializer=_init_worker, initargs=(pipeline,))
    # The reading and writing process too: it unpickles thousands of records per batch,
    # and the default thresholds re-scanned its FTS word cache (0.031 -> 0.003 ms/article).
    with pool, fewer_collections():
        pending: deque[AsyncResult[list[Article]]] = deque()
        for batch in stream:
            pending.append(pool.apply_async(_process_batch, (batch,)))
            if len(pending) >= max_in_flight:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
