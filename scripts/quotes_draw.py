"""Draw the quotes gold article list (issue #6) from ant2018_syria: 40 ids at random.

Candidates are the corpus's articles of 400-3,000 characters, in file order, that are in
no gold/*articles.txt but the list being drawn (gold/quotes_articles.txt, so a redraw gives
the same ids); ``random.Random(SEED).sample`` picks N of them. Plain random, not stratified:
the gold then shows how often news carries quotes, articles without any included.
Usage: python scripts/quotes_draw.py [SEED=6] [N=40] > gold/quotes_articles.txt
Prints ids only, nothing of the texts.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"
OWN = "quotes_articles.txt"


def draw(seed: int, n: int) -> list[str]:
    used: set[str] = set()
    for path in sorted((ROOT / "gold").glob("*articles.txt")):
        if path.name != OWN:
            used |= set(path.read_text(encoding="utf-8").split())
    with CORPUS.open(encoding="utf-8") as f:
        rows = (json.loads(line) for line in f if line.strip())
        cand = [r["docno"] for r in rows if r["docno"] not in used and 400 <= len(r["text"]) <= 3000]
    return random.Random(seed).sample(cand, n)


if __name__ == "__main__":
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 6
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    print("\n".join(draw(seed, n)))
