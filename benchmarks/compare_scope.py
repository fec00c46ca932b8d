#!/usr/bin/env python
"""Do the entity scopes give the same analysis? Events, quotes and places, article by article.

The entity tagger reads only the sentences the event coder can read by default
(``entity_scope="events"``, :func:`marsad.ner.step.event_sentences`). This runs
the pipeline twice at the same commit, with scope ``"all"`` (every sentence tagged)
and ``"events"``, over the first ``--limit`` articles of ``--corpus`` and over the
articles of each ``--gold`` file (read from ``--news`` by docno, as ``marsad eval
events`` does), and counts the articles whose events, quotes or places differ. It
also prints the CPU time of the entity step in each scope. Differences are listed
by article id and field (no article text).

    .venv/bin/python benchmarks/compare_scope.py --limit 500 --gold gold/events_dev.jsonl

``--dump FILE`` instead writes each article's events, quotes, entities and places in the
default scope as JSON lines: run it at two commits over the same data and ``cmp`` the
files to show that a speed-up left the output identical.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any, TextIO

from marsad.engines.local import fewer_collections, one_blas_thread
from marsad.model import Article

one_blas_thread()

ROOT = Path(__file__).resolve().parents[1]
NEWS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"
FIELDS = ("events", "quotes", "places")


def corpus_articles(corpus: str, limit: int, offset: int = 0) -> Iterator[Article]:
    from marsad.ingest import read_inputs

    return islice(read_inputs([corpus]), offset, offset + limit)


def gold_articles(golds: list[str], news: Path) -> Iterator[Article]:
    """The gold files' articles, built as ``marsad eval events`` builds them."""
    from marsad.eval.events import gold_article_ids, read_jsonl
    from marsad.ingest.fields import parse_datetime

    wanted = {i for g in golds for i in gold_article_ids(list(read_jsonl(g)))}
    for row in read_jsonl(news):
        if row.get("docno") in wanted:
            when = parse_datetime(row.get("time") or "")
            yield Article.create(
                row.get("text", ""), id=row["docno"], title=row.get("title", ""), published=when
            )


def analyse(article: Article, spent: dict[str, float]) -> dict[str, dict[str, Any]]:
    """The article's events, quotes and places in each scope; CPU of the entity step."""
    from marsad.pipeline import default_pipeline

    out: dict[str, dict[str, Any]] = {}
    for scope in ("all", "events"):
        done = article
        for name, step in default_pipeline(scope).steps:
            start = time.process_time()
            done = step(done)
            if name == "entities":
                spent[scope] = spent.get(scope, 0.0) + time.process_time() - start
        if done.error:
            raise RuntimeError(f"{done.id}: {done.error}")
        record = done.to_dict()
        out[scope] = {f: record.get(f) for f in FIELDS}
    return out


def compare(articles: Iterator[Article], label: str) -> int:
    """Print the differing articles of one set and a summary line; return their count."""
    spent: dict[str, float] = {}
    n = events = 0
    differ: dict[str, int] = dict.fromkeys(FIELDS, 0)
    for article in articles:
        n += 1
        both = analyse(article, spent)
        events += len(both["all"]["events"] or ())
        for field in FIELDS:
            if json.dumps(both["all"][field]) != json.dumps(both["events"][field]):
                differ[field] += 1
                print(f"  {label}: {article.id}: {field} differ")
    cpu = ", ".join(f"{s} {1000 * spent.get(s, 0.0) / max(n, 1):.2f}" for s in ("all", "events"))
    counts = ", ".join(f"{f} {c}" for f, c in differ.items())
    print(f"{label}: {n} articles, {events} events (scope all); articles differing: {counts}; "
          f"entity step CPU ms/article: {cpu}")
    return differ["events"] + differ["quotes"]


def dump(articles: Iterator[Article], out: TextIO) -> int:
    """Write one JSON line per article (default pipeline); return the count."""
    from marsad.pipeline import default_pipeline

    n = 0
    for article in articles:
        done = default_pipeline().process(article)
        record = done.to_dict()
        row = {"id": done.id, "error": done.error, **{f: record.get(f) for f in (*FIELDS, "entities")}}
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(NEWS), help="input any `marsad run` reads")
    parser.add_argument("--limit", type=int, default=500, help="first N corpus articles (0: none)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N corpus articles")
    parser.add_argument("--gold", action="append", default=[], help="gold events JSONL (repeatable)")
    parser.add_argument("--news", default=str(NEWS), help="news JSONL holding the gold's docnos")
    parser.add_argument("--dump", help="write the default scope's output to this JSONL file instead")
    args = parser.parse_args()
    for path in (args.corpus, args.news):
        if not Path(path).exists():
            print(f"not found: {path} (needs ../shared)", file=sys.stderr)
            return 2
    if args.dump:
        with fewer_collections(), open(args.dump, "w", encoding="utf-8") as out:
            start = time.process_time()
            n = sum(dump(gold_articles([g], Path(args.news)), out) for g in args.gold)
            n += dump(corpus_articles(args.corpus, args.limit, args.offset), out)
        print(f"{n} articles written to {args.dump} ({1000 * (time.process_time() - start) / max(n, 1):.1f} "
              f"ms/article CPU)")
        return 0
    bad = 0
    with fewer_collections():
        for gold in args.gold:
            bad += compare(gold_articles([gold], Path(args.news)), Path(gold).name)
        if args.limit:
            bad += compare(
                corpus_articles(args.corpus, args.limit, args.offset), Path(args.corpus).name
            )
    print(f"articles whose events or quotes differ: {bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
