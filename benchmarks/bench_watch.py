#!/usr/bin/env python
"""Latency of `marsad watch`: from a new file in the folder to its article in the store.

Writes the first ``--n`` articles of a corpus (default ../shared ant2018_syria.jsonl)
one at a time as .txt files into a watched temporary folder and times each, from
the write to the end of its upsert (poll interval, stability wait, read, analyse,
store). The pipeline is loaded before the clock starts, as in a running watcher.
Last line: ``latency_ms: N`` (the median).

    .venv/bin/python benchmarks/bench_watch.py --n 20
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

from marsad.engines.local import one_blas_thread

# As `marsad` does: one BLAS thread, or the tagger's second thread spins and its CPU
# time counts twice (process_time sums every thread of the process).
one_blas_thread()

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def main() -> int:
    from marsad.engines.local import upsert_stream
    from marsad.engines.watch import watch_folder
    from marsad.ingest import read_inputs
    from marsad.pipeline import warm_up
    from marsad.store import Store

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--n", type=int, default=20, help="articles to drop in, one at a time")
    parser.add_argument("--interval", type=float, default=0.1, help="poll interval (as watch)")
    args = parser.parse_args()
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus} (needs ../shared)", file=sys.stderr)
        return 2
    texts = [a.text for a in islice(read_inputs([args.corpus]), args.n)]
    warm_up()  # models load outside the timing
    done: dict[str, float] = {}
    latencies: list[float] = []
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "inbox"
        inbox.mkdir()
        store = Store(str(Path(tmp) / "watch.db"))

        def handle(path: Path) -> None:
            list(upsert_stream(read_inputs([str(path)]), store))
            done[path.name] = time.perf_counter()

        stop = threading.Event()
        thread = threading.Thread(
            target=watch_folder, args=(inbox, handle),
            kwargs={"interval": args.interval, "stop": stop.is_set},
        )  # fmt: skip
        thread.start()
        for i, text in enumerate(texts):
            name = f"a{i}.txt"
            start = time.perf_counter()
            (inbox / name).write_text(text, encoding="utf-8")
            while name not in done and time.perf_counter() - start < 30:
                time.sleep(0.002)
            latencies.append(1000 * (done.get(name, float("nan")) - start))
        stop.set()
        thread.join()
        store.close()
    print(f"articles: {len(latencies)}; poll interval {args.interval * 1000:.0f} ms")
    print(f"latency ms: min {min(latencies):.0f}, max {max(latencies):.0f}")
    print(f"latency_ms: {statistics.median(latencies):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
