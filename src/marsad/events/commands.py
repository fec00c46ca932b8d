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
        help="Fit the event confidence model on the dev gold sets (writes marsad/data/events/confidence.json).",
    )
    t.add_argument("--set", action="append", default=[], metavar="NAME", dest="sets",
                   help="dev gold set to learn from (repeatable; default: dev, dev2, dev3, dev4, dev5, dev6)")
    t.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL holding the gold's docnos")
    t.add_argument("--out", default="", help="table to write (default: the package's)")
    t.add_argument("--cv", action="store_true",
                   help="print the leave-one-set-out table instead (F1 with/without the filter, AUC)")
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

    from marsad.events.train_confidence import (
        GOLD_SETS,
        PACKAGE_TABLE,
        all_rows,
        read_gold,
        set_files,
        train,
    )

    sets = args.sets or list(GOLD_SETS)
    if args.cv:
        from marsad.events import features_lex
        from marsad.events.cv_confidence import compare, report

        features_lex.ALL_CUES = True  # the all-cues row compares them; off again for later drafts
        try:
            rows = all_rows(sets, Path(args.news))
        finally:
            features_lex.ALL_CUES = False
        golds = {s: read_gold(set_files(s)) for s in sets}
        print(report(compare(rows, golds)))
        return 0
    out = Path(args.out) if args.out else PACKAGE_TABLE
    print(train(sets, Path(args.news), out))
    return 0
