"""``marsad eval events``: score the event coder against a gold file."""

from __future__ import annotations

import argparse
from typing import Any

from marsad.cli import Commands

DEFAULT_NEWS = "../shared/data/news/ant2018_syria.jsonl"


def register(commands: Commands) -> None:
    p = commands.eval.add_parser(
        "events",
        help="Event precision/recall/F1 against a gold file (docs/events-guideline.md).",
    )
    p.add_argument("--gold", required=True, help="gold JSONL (gold/events_dev.jsonl)")
    p.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL holding the gold's docnos")
    p.add_argument("--system", help="events already extracted (JSONL of events with article_id, or of articles)")
    p.add_argument("--skip", action="append", default=[], metavar="STEP",
                   help="leave a pipeline step out (e.g. entities while its model is not built)")
    p.add_argument("--thresholds", action="store_true", help="also print precision/recall at confidence 0.3/0.5/0.7")
    p.set_defaults(func=_eval_events)
    t = commands.train.add_parser(
        "events-confidence",
        help="Fit the event confidence model on dev golds (writes marsad/data/events/confidence.json).",
    )
    t.add_argument("--gold", action="append", default=[], metavar="FILE",
                   help="gold JSONL (repeatable; default: gold/events_dev.jsonl, .a, dev2, dev3.f/.g, dev4.h/.i, dev5.j/.k)")
    t.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL holding the gold's docnos")
    t.add_argument("--out", default="", help="table to write (default: the package's)")
    t.set_defaults(func=_train_confidence)


def _eval_events(args: argparse.Namespace) -> int:
    from pathlib import Path

    from marsad.eval.events import (
        gold_article_ids,
        read_jsonl,
        score,
        system_events,
        threshold_table,
    )

    gold = list(read_jsonl(args.gold))
    ids = gold_article_ids(gold)
    if args.system:
        system: list[dict[str, Any]] = []
        for row in read_jsonl(args.system):
            if "events" in row and "id" in row:
                system.extend({**e, "article_id": row["id"]} for e in row["events"])
            else:
                system.append(row)
        system = [e for e in system if str(e.get("article_id")) in set(ids)]
    else:
        news = Path(args.news)
        if not news.is_file():
            raise FileNotFoundError(f"news file not found: {news}")
        system = system_events(ids, news, tuple(args.skip))
    if args.thresholds:
        print(threshold_table(system, gold))
    print(score(system, gold).report())
    return 0


def _train_confidence(args: argparse.Namespace) -> int:
    from pathlib import Path

    from marsad.events.train_confidence import DEFAULT_GOLDS, PACKAGE_TABLE, train

    golds = args.gold or list(DEFAULT_GOLDS)
    out = Path(args.out) if args.out else PACKAGE_TABLE
    print(train(golds, Path(args.news), out))
    return 0
