"""Tagging speed of the shipped NER model (features, network or CRF, decoding) on one core.

Two measures, both from an empty feature cache: ANERcorp test.txt (small, many
distinct words: the pessimistic case) and a stream of real news articles from the
ANT corpus (pre-tokenised and split into sentences, as the pipeline step does;
the per-word cache warms up as it would in a long run). Prints ``tokens/s: N``
last, for the news stream. Needs ../shared.

Usage: ``python benchmarks/bench_ner.py [--model PATH] [--articles N]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

from marsad.engines.local import one_blas_thread

# One core, as the issue measures it: BLAS threads would add their spinning to the CPU time.
one_blas_thread()

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def news_documents(path: Path, n_articles: int) -> list[list[list[str]]]:
    """Articles as lists of tokenised sentences, as the pipeline step splits them."""
    from marsad.ner.step import _sentences
    from marsad.ner.text import tokenize

    out: list[list[list[str]]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n_articles:
                break
            text = json.loads(line).get("text") or ""
            out.append([[text[a:b] for a, b in run] for run in _sentences(text, tokenize(text), ())])
    return out


def timed(tagger: object, documents: list[list[list[str]]]) -> float:
    """Tokens per CPU second (features and both passes), from empty caches."""
    tagger.clear_cache()  # type: ignore[attr-defined]
    tag = tagger.tag_document  # type: ignore[attr-defined]
    t0 = time.process_time()
    for doc in documents:
        tag(doc)
    return sum(len(s) for doc in documents for s in doc) / (time.process_time() - t0)


def machine_reference() -> str:
    """How fast this core runs plain Python and a float32 matmul, printed beside the
    figures: the tagger is mostly Python, so tokens/s moves with the core (the same
    code measured 74,099 tokens/s on one 2-core machine and 34,208 on another)."""
    import numpy as np

    t0 = time.process_time()
    total = 0
    for i in range(10**7):
        total += i
    loop = time.process_time() - t0
    a = np.ones((2000, 256), np.float32)
    b = np.ones((256, 256), np.float32)
    t0 = time.process_time()
    for _ in range(50):
        a @ b
    gflops = 50 * 2 * 2000 * 256 * 256 / (time.process_time() - t0) / 1e9
    return f"machine: Python loop of 1e7 additions {loop:.2f} CPU s, float32 matmul {gflops:.0f} GFLOP/s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=3000)
    args = parser.parse_args()
    test = SHARED / "data/ner/anercorp/test.txt"
    news = SHARED / "data/news/ant2018_all.jsonl.gz"
    if not test.exists() or not news.exists():
        print(f"skipped: {SHARED} data not found", file=sys.stderr)
        return 0
    from marsad.ner.conll import read_conll
    from marsad.ner.tagger import load_tagger

    print(machine_reference())
    tagger = load_tagger(args.model)
    test_doc = [[words for words, _ in read_conll(test)]]
    print(f"ANERcorp test ({sum(map(len, test_doc[0]))} tokens), cold cache: "
          f"{max(timed(tagger, test_doc) for _ in range(3)):.0f} tokens/s")
    docs = news_documents(news, args.articles)
    n = sum(len(s) for doc in docs for s in doc)
    print(f"news stream: {len(docs)} articles, {sum(map(len, docs))} sentences, {n} tokens")
    print(f"tokens/s: {timed(tagger, docs):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
