"""``marsad eval quotes``: score the quote extractor against a gold file (docs/quotes-guideline.md)."""

from __future__ import annotations

import argparse

from marsad.cli import Commands


def register(commands: Commands) -> None:
    from marsad.events.commands import DEFAULT_NEWS

    p = commands.eval.add_parser(
        "quotes",
        help="Quote precision/recall/F1, speaker and kind accuracy against a gold file (docs/quotes-guideline.md).",
    )
    p.add_argument("--gold", required=True, help="gold JSONL (one quote or no_quotes line per line)")
    p.add_argument("--news", default=DEFAULT_NEWS, help="news JSONL holding the gold's docnos")
    p.add_argument("--system", help="quotes already extracted (JSONL of quotes with article_id, or of articles)")
    p.add_argument("--skip", action="append", default=[], metavar="STEP",
                   help="leave a pipeline step out (e.g. entities while its model is not built)")
    p.set_defaults(func=_eval_quotes)


def _eval_quotes(args: argparse.Namespace) -> int:
    from pathlib import Path

    from marsad.eval.events import gold_article_ids, read_jsonl
    from marsad.eval.quotes import quotes_of_rows, score, system_quotes

    gold = list(read_jsonl(args.gold))
    ids = gold_article_ids(gold)
    if args.system:
        wanted = set(ids)
        system = [q for q in quotes_of_rows(read_jsonl(args.system)) if str(q.get("article_id")) in wanted]
    else:
        news = Path(args.news)
        if not news.is_file():
            raise FileNotFoundError(f"news file not found: {news}")
        system = system_quotes(ids, news, tuple(args.skip))
    print(score(system, gold).report())
    return 0
