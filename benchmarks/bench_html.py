#!/usr/bin/env python
"""What marsad's analysis adds to trafilatura's own extraction time on HTML pages.

On ../shared/data/html/*.html (repeated ``--rounds`` times for stable timing), times
(a) trafilatura's extraction alone (the same ``bare_extraction`` call with metadata
and dates that marsad's HTML reader makes, on the decoded page) and (b) marsad's
whole path: read the file (decode + that extraction) and run the full pipeline.
The overhead is (b - a) / a, in CPU time. The first round is also shown on its own:
there the per-word caches of the analysis are cold. Then where marsad's time goes
(reading = decode + extraction, and each step). Last line: ``html_overhead: N``.

Both (a) and (b) run with the engine's collector thresholds
(:data:`marsad.engines.local.GC_THRESHOLD`), as ``marsad run`` extracts and analyses.
With Python's defaults a full collection (~100-125 ms: it walks the models' and word
caches' containers) fell every third to fifth round, in one timed part only, and
swung that round's overhead from ~0.23 to ~0.45 (or to ~0: issue #8's alternating
rounds); the engine pays such a collection far more rarely. Each round prints the
full collections that fell in it.

    .venv/bin/python benchmarks/bench_html.py --rounds 5
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from pathlib import Path

from marsad.engines.local import fewer_collections, one_blas_thread

# As `marsad` does: one BLAS thread, or the tagger's second thread spins and its CPU
# time counts twice (process_time sums every thread of the process).
one_blas_thread()

ROOT = Path(__file__).resolve().parents[1]
HTML_DIR = ROOT.parent / "shared" / "data" / "html"


CLOCK = time.process_time  # CPU time: robust while other jobs share the machine


class FullCollections:
    """Counts the collector's full (generation 2) collections while installed."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "stop" and info["generation"] == 2:
            self.count += 1


def time_trafilatura(pages: list[tuple[str, str]]) -> float:
    from marsad.ingest.html import _extract

    start = CLOCK()
    for _, html in pages:
        _extract(html, "")
    return CLOCK() - start


def time_marsad(paths: list[Path], spent: dict[str, float]) -> tuple[float, int, int]:
    """(seconds, articles, events) to read and fully analyse every page; adds to ``spent``
    the seconds of reading (decode + extraction) and of each step."""
    from bench_pipeline import profiled  # this folder is on sys.path when run as a script
    from marsad.ingest import read_inputs
    from marsad.pipeline import default_pipeline

    steps = default_pipeline().steps

    def add(name: str, begun: float) -> None:
        spent[name] = spent.get(name, 0.0) + CLOCK() - begun

    start = CLOCK()
    articles = []
    stream = read_inputs([str(p) for p in paths])
    while True:
        t = CLOCK()
        article = next(stream, None)
        add("read", t)
        if article is None:
            break
        articles.append(profiled(article, steps, add, CLOCK))
    seconds = CLOCK() - start
    return seconds, len(articles), sum(len(a.events) for a in articles)


def main() -> int:
    from marsad.ingest.html import decode_html
    from marsad.pipeline import warm_up

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default=str(HTML_DIR), help="folder of .html pages")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    paths = sorted(Path(args.dir).glob("*.html"))
    if not paths:
        print(f"no HTML pages in {args.dir} (needs ../shared)", file=sys.stderr)
        return 2
    pages = [(p.name, decode_html(p.read_bytes())) for p in paths]
    time_trafilatura(pages)  # imports and trafilatura's lazy set-up outside the timing
    warm_up()  # models load outside the timing
    ratios: list[float] = []
    spent: dict[str, float] = {}
    traf = 0.0
    full = FullCollections()
    gc.callbacks.append(full)
    try:
        with fewer_collections():
            for r in range(args.rounds):
                full.count = 0
                tr = time_trafilatura(pages)
                in_traf = full.count
                traf += tr
                ms, n, events = time_marsad(paths, spent)
                ratios.append((ms - tr) / tr)
                print(
                    f"round {r + 1}: {len(pages)} pages; trafilatura {1000 * tr:.0f} ms; marsad read + "
                    f"analysis {1000 * ms:.0f} ms ({n} articles, {events} events); "
                    f"overhead {ratios[-1]:.2f}; full collections: trafilatura {in_traf}, "
                    f"marsad {full.count - in_traf}"
                )
    finally:
        gc.callbacks.remove(full)
    print(f"first round (cold word caches) overhead: {ratios[0]:.2f}")
    per_page = 1000 / (args.rounds * len(pages))
    print(f"trafilatura alone: {traf * per_page:.1f} ms/page CPU; marsad, by part:")
    for name, secs in spent.items():
        print(f"  {name:10s} {secs * per_page:6.1f} ms/page ({secs / traf:.2f} of trafilatura)")
    print(f"html_overhead: {statistics.median(ratios):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
