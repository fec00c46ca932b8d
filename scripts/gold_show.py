"""Print gold-set articles for annotators: id, source, publication time, title and
text with the character offset of each paragraph (offsets index the `text` field).

Usage: python scripts/gold_show.py [DOCNO ...]   (default: every id in gold/articles.txt)
Reads ../shared/data/news/ant2018_syria.jsonl; prints nothing into the repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"


def main(ids: list[str]) -> int:
    wanted = ids or (ROOT / "gold" / "articles.txt").read_text().split()
    rows = {}
    with CORPUS.open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["docno"] in wanted:
                rows[row["docno"]] = row
    for docno in wanted:
        row = rows[docno]
        print(f"=== {docno} | {row['src']} | {row['time']} | {row['title']}")
        offset = 0
        for para in row["text"].split("\n"):
            if para.strip():
                print(f"[{offset}] {para}")
            offset += len(para) + 1
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
