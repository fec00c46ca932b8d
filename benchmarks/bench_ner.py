"""Tagging speed of the shipped NER model (features + CRF) on one core.

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

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


def news_sentences(path: Path, n_articles: int) -> list[list[str]]:
    from marsad.ner.step import _sentences
    from marsad.ner.text import tokenize

    out: list[list[str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n_articles:
                break
            text = json.loads(line).get("text") or ""
            out += [[text[a:b] for a, b in run] for run in _sentences(text, tokenize(text), ())]
    return out


def timed(tagger: object, sentences: list[list[str]]) -> float:
    """Tokens per CPU second, from an empty feature cache."""
    tagger.features.clear_cache()  # type: ignore[attr-defined]
    tag = tagger.tag  # type: ignore[attr-defined]
    t0 = time.process_time()
    for words in sentences:
        tag(words)
    return sum(map(len, sentences)) / (time.process_time() - t0)


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
    from marsad.ner.tagger import Tagger, load_tagger

    tagger = Tagger(args.model) if args.model else load_tagger()
    test_sents = [words for words, _ in read_conll(test)]
    print(f"ANERcorp test ({sum(map(len, test_sents))} tokens), cold cache: "
          f"{max(timed(tagger, test_sents) for _ in range(3)):.0f} tokens/s")
    stream = news_sentences(news, args.articles)
    n = sum(map(len, stream))
    print(f"news stream: {args.articles} articles, {len(stream)} sentences, {n} tokens")
    print(f"tokens/s: {timed(tagger, stream):.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
