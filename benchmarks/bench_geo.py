"""Geocoder speed: gazetteer lookups per second and mentions resolved per second.

Lookups use names drawn from the gazetteer itself (every kind of entry); the
running-text figure geocodes the Syria news corpus from ../shared when present.
Last line: ``lookups/s: N``.

Usage: python benchmarks/bench_geo.py [--articles 300]
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from marsad.geo import geocode_text, lookup
from marsad.geo.gazetteer import gazetteer

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def bench_lookups(n: int = 200_000) -> float:
    gaz = gazetteer()
    names = [e.name_ar for e in random.Random(7).sample(gaz.entries, 2000)]
    names += ["غير موجود", "قرية مجهولة"] * 50
    start = time.perf_counter()
    done = 0
    while done < n:
        for name in names:
            lookup(name)
        done += len(names)
    return done / (time.perf_counter() - start)


def bench_text(n_articles: int) -> None:
    if not CORPUS.exists():
        print(f"text: skipped ({CORPUS} not found)")
        return
    texts = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line in fh:
            texts.append(json.loads(line)["text"])
            if len(texts) >= n_articles:
                break
    chars = sum(map(len, texts))
    start = time.perf_counter()
    mentions = sum(len(geocode_text(t)) for t in texts)
    took = time.perf_counter() - start
    print(f"articles: {len(texts)}  chars: {chars}  mentions: {mentions}  seconds: {took:.2f}")
    print(f"articles/s: {len(texts) / took:.1f}")
    print(f"mentions/s: {mentions / took:.0f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()
    start = time.perf_counter()
    gaz = gazetteer()
    print(f"gazetteer: {len(gaz.entries)} entries, {len(gaz.index)} keys, loaded in {time.perf_counter() - start:.2f} s")
    bench_text(args.articles)
    rate = bench_lookups()
    print(f"us/lookup: {1e6 / rate:.2f}")
    print(f"lookups/s: {rate:.0f}")


if __name__ == "__main__":
    main()
