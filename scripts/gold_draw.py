"""Draw a fresh gold article list from ant2018_syria, excluding every list already in gold/.

Conflict-heavy articles (>= 3 conflict cue matches) are drawn 7 per outlet, then topped up at
random, 400-3,000 characters each, so a set has events to score and articles without any.
Usage: python scripts/gold_draw.py SEED N_HEAVY N_TOTAL [OWN_LIST] > gold/NEW_articles.txt
Every gold/*articles.txt but OWN_LIST is excluded (to redraw dev5:
`python scripts/gold_draw.py 2026 35 50 dev5_articles.txt`). Prints ids only, nothing of the texts.
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"
CUES = re.compile("قتل|غار|قصف|اشتباك|انفجار|مفخخ|استهدف|معارك|سيطر|اعتقال|تظاهر|احتج|مقتل")


def draw(seed: int, n_heavy: int, n_total: int, own: str = "") -> list[str]:
    used: set[str] = set()
    for path in sorted((ROOT / "gold").glob("*articles.txt")):
        if path.name != own:
            used |= set(path.read_text().split())
    with CORPUS.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    cand = [r for r in rows if r["docno"] not in used and 400 <= len(r["text"]) <= 3000]
    heavy = [r for r in cand if len(CUES.findall(r["text"])) >= 3]
    rnd = random.Random(seed)
    rnd.shuffle(heavy)
    by_src: dict[str, list[dict]] = {}
    for r in heavy:
        by_src.setdefault(r["src"], []).append(r)
    pick = [r for src in sorted(by_src) for r in by_src[src][:7]][:n_heavy]
    rest = [r for r in cand if r not in pick]
    rnd.shuffle(rest)
    pick += rest[: n_total - len(pick)]
    rnd.shuffle(pick)
    return [r["docno"] for r in pick]


if __name__ == "__main__":
    seed, n_heavy, n_total = (int(a) for a in sys.argv[1:4])
    own = sys.argv[4] if len(sys.argv) > 4 else ""
    print("\n".join(draw(seed, n_heavy, n_total, own)))
