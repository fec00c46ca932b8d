"""Throughput of Arabic tokenisation plus normalisation on real news text.

Usage: python benchmarks/bench_arabic.py [corpus.jsonl] [--limit N]
Reads ../shared/data/news/ant2018_syria.jsonl by default, warms the per-word
cache on the first pass (the lexicon load is not timed), then times one pass of
``tokenize(text)`` and ``normalize(text)`` over every article text on one core.
The last line is ``chars/s: N``.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from marsad.arabic import normalize, tokenize
from marsad.arabic.clitics import word_counts

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/news/ant2018_syria.jsonl"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=0, help="read only the first N articles")
    parser.add_argument("--cold", action="store_true", help="time the first pass (empty cache)")
    args = parser.parse_args()
    texts: list[str] = []
    with open(args.corpus, encoding="utf-8") as lines:
        for line in lines:
            texts.append(json.loads(line).get("text") or "")
            if args.limit and len(texts) >= args.limit:
                break
    chars = sum(len(t) for t in texts)
    word_counts()
    if not args.cold:
        for text in texts:
            tokenize(text)
    t0 = time.perf_counter()
    n_tokens = sum(len(tokenize(text)) for text in texts)
    t1 = time.perf_counter()
    for text in texts:
        normalize(text)
    t2 = time.perf_counter()
    print(f"articles: {len(texts)}  chars: {chars}  tokens: {n_tokens}")
    print(f"tokenize: {chars / (t1 - t0):,.0f} chars/s ({n_tokens / (t1 - t0):,.0f} tokens/s)")
    print(f"normalize: {chars / (t2 - t1):,.0f} chars/s")
    print(f"chars/s: {chars / (t2 - t0):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
