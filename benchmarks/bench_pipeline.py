#!/usr/bin/env python
"""End-to-end throughput: read, analyse and store a news corpus, and compare to tokenising.

Runs on ../shared/data/news/ant2018_syria.jsonl by default (4,113 articles), or
``--corpus PATH`` (any input ``marsad run`` reads, e.g. ant2018_all.jsonl.gz).
In one process it times: reading only; reading + tokenising (the floor any
analysis pays); then the whole pipeline into a fresh temporary SQLite store at
each worker count of ``--workers`` (e.g. ``1,2``). Prints articles/s per pass,
the scaling efficiency between the first and last worker counts, the ratio of
pipeline time to tokenise-only time, and peak memory (max RSS of this process
and of the largest worker). Last line: ``articles/s: N`` for the last worker count.

    .venv/bin/python benchmarks/bench_pipeline.py --limit 500 --workers 1,2
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

from marsad.model import Article

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def read(corpus: str, limit: int | None) -> Iterator[Article]:
    from marsad.ingest import read_inputs

    return islice(read_inputs([corpus]), limit)


def timed_read(corpus: str, limit: int | None) -> tuple[int, float]:
    start = time.perf_counter()
    n = sum(1 for _ in read(corpus, limit))
    return n, time.perf_counter() - start


def timed_tokenise(corpus: str, limit: int | None) -> tuple[int, float]:
    from marsad.arabic.tokenize import tokenize

    tokenize("تحميل")  # load lexicons outside the timing
    start = time.perf_counter()
    n = 0
    for article in read(corpus, limit):
        tokenize(article.title)
        tokenize(article.text)
        n += 1
    return n, time.perf_counter() - start


def timed_pipeline(
    corpus: str, limit: int | None, workers: int, batch_size: int, skip: list[str]
) -> tuple[int, int, int, float]:
    """(articles, events, failed, seconds) for read + analyse + store."""
    from marsad.engines.local import batches, run_local
    from marsad.pipeline import Pipeline
    from marsad.store import Store

    pipeline = Pipeline.default(skip=skip) if skip else None

    n = events = failed = 0
    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "bench.db")) as store:
        start = time.perf_counter()
        stream = run_local(
            read(corpus, limit), workers=workers, batch_size=batch_size, pipeline=pipeline
        )
        for batch in batches(stream, batch_size):
            store.upsert_many(batch)
            n += len(batch)
            events += sum(len(a.events) for a in batch)
            failed += sum(a.error is not None for a in batch)
        seconds = time.perf_counter() - start
    return n, events, failed, seconds


def step_profile(corpus: str, limit: int | None, skip: list[str]) -> dict[str, float]:
    """Seconds spent in each step (and in the store) over the corpus, in this process."""
    from marsad.pipeline import Pipeline
    from marsad.store import Store

    spent: dict[str, float] = {}
    steps = Pipeline.default(skip=skip).steps

    def clock(name: str, start: float) -> None:
        spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp, Store(str(Path(tmp) / "p.db")) as store:
        batch: list[Article] = []
        for article in read(corpus, limit):
            for name, step in steps:
                if article.error is not None:
                    break
                start = time.perf_counter()
                try:
                    article = step(article)
                except Exception as exc:  # noqa: BLE001 - as Pipeline.process does
                    article = article.with_error(f"{name}: {exc}")
                clock(name, start)
            batch.append(article)
            if len(batch) == 64:
                start = time.perf_counter()
                store.upsert_many(batch)
                clock("store", start)
                batch = []
        start = time.perf_counter()
        store.upsert_many(batch)
        clock("store", start)
    return spent


def peak_mb() -> tuple[float, float]:
    """Max RSS in MB of this process and of the largest finished child (Linux: KB units)."""
    scale = 1024 * 1024 if sys.platform == "darwin" else 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / scale
    return own, child


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

    n, secs = timed_read(args.corpus, args.limit)
    print(f"corpus: {args.corpus} ({n} articles)")
    print(f"read only: {n / secs:.1f} articles/s ({secs:.1f} s)")
    n, tok_secs = timed_tokenise(args.corpus, args.limit)
    print(f"read + tokenise: {n / tok_secs:.1f} articles/s ({tok_secs:.1f} s)")

    if args.profile:
        spent = step_profile(args.corpus, args.limit, args.skip)
        total = sum(spent.values())
        for name, secs in spent.items():
            print(
                f"  step {name:10s} {1000 * secs / n:7.2f} ms/article ({100 * secs / total:4.1f}%)"
            )
    rates: list[float] = []
    secs = 0.0
    for workers in counts:
        n, events, failed, secs = timed_pipeline(
            args.corpus, args.limit, workers, args.batch_size, args.skip
        )
        rates.append(n / secs)
        print(
            f"pipeline, {workers} worker(s): {n} articles in {secs:.1f} s = {rates[-1]:.1f} "
            f"articles/s; {events} events; {failed} failed"
        )
    if len(counts) > 1:
        eff = rates[-1] / rates[0] / (counts[-1] / counts[0])
        print(f"scaling efficiency {counts[0]} -> {counts[-1]} workers: {eff:.2f}")
    print(f"pipeline / tokenise-only time ({counts[-1]} worker(s)): {secs / tok_secs:.1f}x")
    own, child = peak_mb()
    print(f"peak memory: main process {own:.0f} MB, largest worker {child:.0f} MB")
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average (1, 5, 15 min) at the end: {load} on {os.cpu_count()} CPUs")
    print(f"articles/s: {rates[-1]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
