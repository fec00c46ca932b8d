#!/usr/bin/env python
"""End-to-end throughput: read, analyse and store a news corpus, and compare to tokenising.

Runs on ../shared/data/news/ant2018_syria.jsonl by default (4,113 articles), or
``--corpus PATH`` (any input ``marsad run`` reads, e.g. ant2018_all.jsonl.gz).
It times reading only and reading + tokenising (the floor any analysis pays) in
this process; then, each in a fresh process, the whole pipeline into a new
temporary SQLite store at each worker count of ``--workers`` (e.g. ``1,2``),
through the local engine as ``marsad run`` and ``watch`` use it. Prints per pass
articles/s, CPU ms/article of all its processes, and peak memory (max RSS of the
pass's main process, which reads and writes the store, and of its largest
worker); then the scaling efficiency between the first and last worker counts
and the ratio of pipeline time to tokenise-only time. ``--profile`` adds the CPU
time of each step in one fresh process (models loaded first, word caches cold, as
in a pass). Last line: ``articles/s: N`` for the last worker count.

    .venv/bin/python benchmarks/bench_pipeline.py --limit 500 --workers 1,2
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from marsad.engines.local import one_blas_thread
from marsad.model import Article

if TYPE_CHECKING:
    from marsad.pipeline import Pipeline, Step

# As `marsad run` does: one BLAS thread per process, inherited by each spawned pass,
# so the in-process 1-worker pass does not spin on the other core.
one_blas_thread()

_T = TypeVar("_T")
ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def read(corpus: str, limit: int | None) -> Iterator[Article]:
    from marsad.ingest import read_inputs

    return islice(read_inputs([corpus]), limit)


def timed_read(corpus: str, limit: int | None) -> tuple[int, float, float]:
    """(articles, seconds, CPU seconds) to read the corpus."""
    start, cpu = time.perf_counter(), time.process_time()
    n = sum(1 for _ in read(corpus, limit))
    return n, time.perf_counter() - start, time.process_time() - cpu


def timed_tokenise(corpus: str, limit: int | None) -> tuple[int, float, float]:
    """(articles, seconds, CPU seconds) to read and tokenise the corpus."""
    from marsad.arabic.tokenize import tokenize

    tokenize("تحميل")  # load lexicons outside the timing
    start, cpu = time.perf_counter(), time.process_time()
    n = 0
    for article in read(corpus, limit):
        tokenize(article.title)
        tokenize(article.text)
        n += 1
    return n, time.perf_counter() - start, time.process_time() - cpu


def peak_mb(pid: int | str = "self") -> float:
    """A process's peak RSS in MB since it started its program (Linux ``VmHWM``; 0 elsewhere).

    Not ``ru_maxrss``: Linux carries that across ``exec``, so a spawned process
    would report its parent's peak.
    """
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class WorkerPeaks:
    """Polls the peak RSS of this process's children (the engine's workers) while it runs."""

    def __init__(self, interval: float = 0.5) -> None:
        import threading

        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, args=(interval,), daemon=True)
        self._thread.start()

    def _poll(self, interval: float) -> None:
        import multiprocessing

        while not self._stop.wait(interval):
            for child in multiprocessing.active_children():
                if child.pid is not None:
                    self.peak = max(self.peak, peak_mb(child.pid))

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return self.peak


Pass = tuple[int, int, int, float, float, float, float, float]


def timed_pipeline(
    corpus: str, limit: int | None, workers: int, batch_size: int, skip: list[str]
) -> Pass:
    """Read + analyse + store, in a fresh process (run through :func:`in_child`).

    Returns (articles, events, failed, seconds, CPU seconds of this process, of its
    workers, peak RSS MB of this process, of its largest worker).
    """
    from marsad.engines.local import upsert_stream
    from marsad.pipeline import Pipeline
    from marsad.store import Store

    pipeline = Pipeline.default(skip=skip) if skip else None
    n = events = failed = 0
    peaks = WorkerPeaks()
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        stream = upsert_stream(
            read(corpus, limit), store, workers=workers, batch_size=batch_size, pipeline=pipeline
        )
        for article, _ in stream:
            n += 1
            events += len(article.events)
            failed += article.error is not None
        seconds = time.perf_counter() - start
    own, kids = (
        resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    )
    cpu_own, cpu_kids = own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime
    return n, events, failed, seconds, cpu_own, cpu_kids, peak_mb(), peaks.stop()


def in_child(function: Callable[..., _T], *args: object) -> _T:
    """``function(*args)`` in a spawned process: each pass starts cold, with its own peak RSS
    and word caches."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def step_profile(corpus: str, limit: int | None, skip: list[str]) -> dict[str, float]:
    """CPU seconds spent reading, in each step and in the store over the corpus, in this process.

    Run in a fresh process (:func:`in_child`): the models are loaded first, outside the
    timing (a pass's one-off cost, in its all-process CPU), and the word caches start
    empty, as in a pass (the tokenise-only pass of this process used to fill them).
    """
    from marsad.engines.local import _finish, fewer_collections
    from marsad.pipeline import Pipeline, warm_up
    from marsad.store import Store

    spent: dict[str, float] = {}
    pipeline = warm_up(Pipeline.default(skip=skip))
    clock = time.process_time  # CPU time: robust while other jobs share the machine

    def add(name: str, start: float) -> None:
        spent[name] = spent.get(name, 0.0) + clock() - start

    with (
        tempfile.TemporaryDirectory() as tmp,
        Store(str(Path(tmp) / "p.db")) as store,
        fewer_collections(),  # as the engine runs the steps
    ):
        stream = read(corpus, limit)
        while True:
            start = clock()
            batch = list(islice(stream, 64))  # a batch at once, as the engine reads
            add("read", start)
            if not batch:
                break
            done = [_finish(a) for a in profiled_many(pipeline, batch, add, clock)]
            start = clock()
            store.upsert_many(done)
            add("store", start)
    return spent


def profiled_many(
    pipeline: Pipeline, batch: list[Article], add: Callable[[str, float], None], clock: Callable[[], float]
) -> list[Article]:
    """``Pipeline.process_many`` on one batch (at most ``ARTICLES_AT_ONCE``), each step's time
    added to its name: a step with a batch form is timed once for the batch."""
    for name, steps in pipeline.stages():
        if name:
            start = clock()
            batch = pipeline.run_batched(name, batch)
            add(name, start)
        else:
            batch = [profiled(article, steps, add, clock) for article in batch]
    return batch


def profiled(
    article: Article,
    steps: Sequence[tuple[str, Step]],
    add: Callable[[str, float], None],
    clock: Callable[[], float],
) -> Article:
    """``Pipeline.process``, each step's time added to its name (``add(name, start)``); also
    ``bench_html``'s per-step timing."""
    for name, step in steps:
        if article.error is not None:
            break
        start = clock()
        try:
            article = step(article)
        except Exception as exc:  # noqa: BLE001 - as Pipeline.process does
            article = article.with_error(f"{name}: {exc}")
        add(name, start)
    return article


def print_profile(spent: dict[str, float], n: int) -> None:
    """Each step's CPU ms/article and share, then their sum."""
    total = sum(spent.values())
    for name, secs in spent.items():
        share = 100 * secs / total
        print(f"  step {name:10s} {1000 * secs / n:7.2f} ms/article CPU ({share:4.1f}%)")
    print(f"  all steps  {1000 * total / n:7.2f} ms/article CPU (one process)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="input file or directory")
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (1,2)")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--skip", action="append", default=[], help="leave out a step (profiling)")
    parser.add_argument(
        "--profile", action="store_true", help="also time each step separately (one process)"
    )
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    counts = [int(w) for w in args.workers.split(",")]

    n, secs, cpu = timed_read(args.corpus, args.limit)
    print(f"corpus: {args.corpus} ({n} articles)")
    print(
        f"read only: {n / secs:.1f} articles/s ({secs:.1f} s; CPU {1000 * cpu / n:.2f} ms/article)"
    )
    n, tok_secs, tok_cpu = timed_tokenise(args.corpus, args.limit)
    print(
        f"read + tokenise: {n / tok_secs:.1f} articles/s ({tok_secs:.1f} s; "
        f"CPU {1000 * tok_cpu / n:.2f} ms/article)"
    )

    if args.profile:
        print_profile(in_child(step_profile, args.corpus, args.limit, args.skip), n)
    rates: list[float] = []
    secs = 0.0
    for workers in counts:
        n, events, failed, secs, cpu_main, cpu_workers, own, child = in_child(
            timed_pipeline, args.corpus, args.limit, workers, args.batch_size, args.skip
        )
        cpu = cpu_main + cpu_workers
        rates.append(n / secs)
        print(
            f"pipeline, {workers} worker(s): {n} articles in {secs:.1f} s = {rates[-1]:.1f} "
            f"articles/s; {events} events; {failed} failed; CPU {1000 * cpu / n:.1f} ms/article "
            f"(all processes; main {1000 * cpu_main / n:.2f}, workers {1000 * cpu_workers / n:.2f}); "
            f"peak RSS main {own:.0f} MB, largest worker {child:.0f} MB"
        )
    if len(counts) > 1:
        eff = rates[-1] / rates[0] / (counts[-1] / counts[0])
        print(f"scaling efficiency {counts[0]} -> {counts[-1]} workers: {eff:.2f}")
    print(
        f"pipeline / tokenise-only ({counts[-1]} worker(s)): {secs / tok_secs:.1f}x the time, "
        f"{cpu / tok_cpu:.1f}x the CPU"
    )
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average (1, 5, 15 min) at the end: {load} on {os.cpu_count()} CPUs")
    print(f"articles/s: {rates[-1]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
