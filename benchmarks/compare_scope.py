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

``--dump FILE`` instead writes each article's events, quotes, places, entities and the
entities over a place mention (all the geocoder reads of them) in the default scope as
JSON lines; ``--against FILE`` runs the default scope again and counts, per field, the
articles that differ from such a dump (made at another commit over the same data);
``at_places_unscored`` compares the entities over mentions without their score, keeping
only whether it reaches the geocoder's 0.5.
``--ids FILE`` (repeatable) adds the articles of a docno list (``gold/*articles.txt``).

    .venv/bin/python benchmarks/compare_scope.py --dump before.jsonl --ids gold/dev2_articles.txt --limit 0
    .venv/bin/python benchmarks/compare_scope.py --against before.jsonl --ids gold/dev2_articles.txt --limit 0
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
DUMPED = (*FIELDS, "entities", "at_places")


def corpus_articles(corpus: str, limit: int, offset: int = 0) -> Iterator[Article]:
    from marsad.ingest import read_inputs

    return islice(read_inputs([corpus]), offset, offset + limit)


def gold_articles(golds: list[str], news: Path) -> Iterator[Article]:
    """The gold files' articles, built as ``marsad eval events`` builds them."""
    from marsad.eval.events import gold_article_ids, read_jsonl

    return news_articles({i for g in golds for i in gold_article_ids(list(read_jsonl(g)))}, news)


def listed_articles(lists: list[str], news: Path) -> Iterator[Article]:
    """The articles of docno lists (one id a line), as :func:`gold_articles` builds them."""
    return news_articles({i for f in lists for i in Path(f).read_text(encoding="utf-8").split()}, news)


def news_articles(wanted: set[str], news: Path) -> Iterator[Article]:
    from marsad.eval.events import read_jsonl
    from marsad.ingest.fields import parse_datetime

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


def rows(articles: Iterator[Article]) -> Iterator[dict[str, Any]]:
    """Each article's :data:`DUMPED` fields in the default pipeline; ``at_places``: the
    entities that overlap a gazetteer mention, the only ones the geocoder reads."""
    from marsad.geo.step import mentions_of
    from marsad.pipeline import default_pipeline

    for article in articles:
        done = default_pipeline().process(article)
        record = done.to_dict()
        spans = [(m.start, m.end) for m in mentions_of(done.text)]
        at = [e for e in record.get("entities") or () if any(a < e["end"] and e["start"] < b for a, b in spans)]
        yield {"id": done.id, "error": done.error, **{f: record.get(f) for f in DUMPED[:-1]}, "at_places": at}


def dump(articles: Iterator[Article], out: TextIO) -> int:
    """Write one JSON line per article (default pipeline); return the count."""
    n = 0
    for row in rows(articles):
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\n")
        n += 1
    return n


def _unscored(entities: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entities without their score, but with what the geocoder reads of it (PERS and
    ORG vetoes need 0.5)."""
    return [
        {**{k: v for k, v in e.items() if k != "score"}, "veto": e["label"] in ("PERS", "ORG") and e["score"] >= 0.5}
        for e in entities
    ]


def against(articles: Iterator[Article], path: str, label: str) -> int:
    """Count per field the articles whose output differs from the dump at ``path`` (by
    id); return those whose events or quotes differ (or are missing from it)."""
    with open(path, encoding="utf-8") as f:
        old = {r["id"]: r for r in map(json.loads, f)}
    differ: dict[str, int] = dict.fromkeys((*DUMPED, "at_places_unscored"), 0)
    n = missing = 0
    for row in rows(articles):
        n += 1
        before = old.get(row["id"])
        if before is None:
            missing += 1
            continue
        for field, was, now in [(f, before.get(f), row[f]) for f in DUMPED] + [
            ("at_places_unscored", _unscored(before["at_places"]), _unscored(row["at_places"]))
        ]:
            if json.dumps(was, sort_keys=True) != json.dumps(now, sort_keys=True):
                differ[field] += 1
                if field not in ("entities", "at_places"):
                    print(f"  {label}: {row['id']}: {field} differ")
    counts = ", ".join(f"{f} {c}" for f, c in differ.items())
    print(f"{label}: {n} articles ({missing} not in {path}); articles differing: {counts}")
    return differ["events"] + differ["quotes"] + missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(NEWS), help="input any `marsad run` reads")
    parser.add_argument("--limit", type=int, default=500, help="first N corpus articles (0: none)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N corpus articles")
    parser.add_argument("--gold", action="append", default=[], help="gold events JSONL (repeatable)")
    parser.add_argument("--ids", action="append", default=[], help="docno list, one a line (repeatable)")
    parser.add_argument("--news", default=str(NEWS), help="news JSONL holding the gold's docnos")
    parser.add_argument("--dump", help="write the default scope's output to this JSONL file instead")
    parser.add_argument("--against", help="compare the default scope's output with this --dump file instead")
    args = parser.parse_args()
    for path in (args.corpus, args.news):
        if not Path(path).exists():
            print(f"not found: {path} (needs ../shared)", file=sys.stderr)
            return 2
    sets = [(Path(g).name, gold_articles([g], Path(args.news))) for g in args.gold]
    sets += [(Path(f).name, listed_articles([f], Path(args.news))) for f in args.ids]
    if args.limit:
        sets.append((Path(args.corpus).name, corpus_articles(args.corpus, args.limit, args.offset)))
    if args.dump:
        with fewer_collections(), open(args.dump, "w", encoding="utf-8") as out:
            start = time.process_time()
            n = sum(dump(articles, out) for _, articles in sets)
        print(f"{n} articles written to {args.dump} ({1000 * (time.process_time() - start) / max(n, 1):.1f} "
              f"ms/article CPU)")
        return 0
    if args.against:
        with fewer_collections():
            bad = sum(against(articles, args.against, label) for label, articles in sets)
        print(f"articles whose events or quotes differ: {bad}")
        return 0
    with fewer_collections():
        bad = sum(compare(articles, label) for label, articles in sets)
    print(f"articles whose events or quotes differ: {bad}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
