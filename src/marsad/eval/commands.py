"""``marsad eval quotes``: score the quote extractor against a gold file (docs/quotes-guideline.md)."""

from __future__ import annotations

import argparse

from marsad.cli import Commands


def register(commands: Commands) -> None:
    from marsad.events.commands import add_gold_arguments

    p = commands.eval.add_parser(
        "quotes",
        help="Quote precision/recall/F1, speaker and kind accuracy against a gold file (docs/quotes-guideline.md).",
    )
    add_gold_arguments(p, "quotes", "gold JSONL (one quote or no_quotes line per line)")
    p.set_defaults(func=_eval_quotes)


def _eval_quotes(args: argparse.Namespace) -> int:
    from marsad.eval.events import gold_article_ids, read_jsonl, system_rows
    from marsad.eval.quotes import score, system_quotes
    from marsad.events.commands import news_file

    gold = list(read_jsonl(args.gold))
    ids = gold_article_ids(gold)
    if args.system:
        system = system_rows(args.system, "quotes", ids)
    else:
        system = system_quotes(ids, news_file(args), tuple(args.skip))
    print(score(system, gold).report())
    return 0
