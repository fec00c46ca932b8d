"""Check a quotes gold file (docs/quotes-guideline.md) before it is committed or scored.

Every line must be a quote or a ``no_quotes`` line of a known article; offsets inside the
text, ``quote_text`` equal to the text at ``start`` (at most 15 words), no quotation mark or
space at the span's ends, no span twice, and every id of the article list present.
Usage: python scripts/quotes_gold_check.py FILE [--list gold/quotes_articles.txt] [--news NEWS]
Exit status 1 and one line per problem when something is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from marsad.eval.events import read_jsonl
from marsad.eval.quotes import check_gold

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def article_texts(news: Path) -> dict[str, str]:
    """docno -> text, the field ``marsad`` reads and the offsets count in."""
    return {str(r["docno"]): r.get("text", "") for r in read_jsonl(news)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--list", default=str(ROOT / "gold" / "quotes_articles.txt"),
                        help="ids that must all appear ('' for none)")
    parser.add_argument("--news", default=str(CORPUS))
    args = parser.parse_args()
    try:
        records = list(read_jsonl(args.file))
    except json.JSONDecodeError as exc:
        print(f"{args.file}: not JSON lines: {exc}")
        return 1
    listed = Path(args.list).read_text(encoding="utf-8").split() if args.list else []
    errors = check_gold(records, article_texts(Path(args.news)), listed)
    for e in errors:
        print(e)
    quotes = [r for r in records if not r.get("no_quotes")]
    arts = {str(r.get("article_id")) for r in records}
    print(f"{args.file}: {len(records)} lines, {len(quotes)} quotes, {len(arts)} articles, "
          f"{len(errors)} problems", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
