"""``marsad eval events``: score the event coder against a gold file."""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.cli import Commands

DEFAULT_NEWS = "../shared/data/news/ant2018_syria.jsonl"


def register(commands: Commands) -> None:
    p = commands.eval.add_parser(
        "events",
        help="Event precision/recall/F1 against a gold file (docs/events-guideline.md).",
    )
    add_gold_arguments(p, "events", "gold JSONL (gold/events_dev.jsonl)")
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


def add_gold_arguments(p: argparse.ArgumentParser, items: str, gold_help: str) -> None:
    """The options of every ``marsad eval`` of items coded from the gold's articles."""
    p.add_argument("--gold", required=True, help=gold_help)
    p.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL holding the gold's docnos")
    p.add_argument("--system", help=f"{items} already extracted (JSONL of {items} with article_id, or of articles)")
    p.add_argument("--skip", action="append", default=[], metavar="STEP",
                   help="leave a pipeline step out (e.g. entities while its model is not built)")


def news_file(args: argparse.Namespace) -> Path:
    """``--news``, which must exist: the pipeline reads the gold's articles from it."""
    news = Path(args.news)
    if not news.is_file():
        raise FileNotFoundError(f"news file not found: {news}")
    return news


def _eval_events(args: argparse.Namespace) -> int:
    from marsad.eval.events import (
        gold_article_ids,
        read_jsonl,
        score,
        system_events,
        system_rows,
        threshold_table,
    )

    gold = list(read_jsonl(args.gold))
    ids = gold_article_ids(gold)
    if args.system:
        system = system_rows(args.system, "events", ids)
    else:
        system = system_events(ids, news_file(args), tuple(args.skip))
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
