"""Tagging speed of the shipped NER model (features + CRF) on one core.

Reads ANERcorp test.txt from ../shared (words only), tags it sentence by sentence
a few times over with a fresh feature cache each round, and prints ``tokens/s: N``
last. Usage: ``python benchmarks/bench_ner.py [--model PATH] [--rounds N]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    parser.add_argument("--data", default=str(SHARED / "data/ner/anercorp/test.txt"))
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not Path(args.data).exists():
        print(f"skipped: {args.data} not found (needs ../shared)", file=sys.stderr)
        return 0
    from marsad.ner.conll import read_conll
    from marsad.ner.tagger import Tagger, load_tagger

    sentences = [words for words, _ in read_conll(args.data)]
    n_tokens = sum(map(len, sentences))
    tagger = Tagger(args.model) if args.model else load_tagger()
    best = float("inf")
    for _ in range(args.rounds):
        tagger.features.clear_cache()
        t0 = time.perf_counter()
        for words in sentences:
            tagger.tag(words)
        best = min(best, time.perf_counter() - t0)
    warm = time.perf_counter()
    for words in sentences:
        tagger.tag(words)
    warm = time.perf_counter() - warm
    print(f"sentences: {len(sentences)}  tokens: {n_tokens}")
    print(f"warm-cache tokens/s: {n_tokens / warm:.0f}")
    print(f"tokens/s: {n_tokens / best:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
