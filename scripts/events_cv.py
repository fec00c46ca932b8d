"""Leave-one-gold-set-out table of the event confidence model and its filter.

Usage: python scripts/events_cv.py [--sets dev,dev2,...] [--refresh]

Runs the coder on the dev gold sets' articles (the slow steps cached as by
``scripts/events_errors.py``), labels each event by the scorer's matching, and prints, per
held-out set, event F1 without the filter, with the old 14-feature model's filter and with
the lexical model's (threshold and ridge chosen by inner cross-validation on the other
sets), and both AUCs; then the (l2, threshold) a leave-one-set-out over all sets chooses,
the values to ship. Never reads dev7, the test set or dev8 (``train_confidence.UNSEEN``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))


def rows_for(sets: list[str], refresh: bool) -> tuple[list, dict]:
    import events_errors

    from marsad.eval.events import gold_article_ids
    from marsad.events import features_lex
    from marsad.events.train_confidence import GOLD_SETS, labelled_rows, read_gold, set_files
    from marsad.pipeline import Pipeline

    unknown = [s for s in sets if s not in GOLD_SETS]
    if unknown:
        raise SystemExit(f"not a training set: {unknown} (allowed: {', '.join(GOLD_SETS)})")
    features_lex.ALL_CUES = True  # the all-cues row compares them
    golds = {s: read_gold(set_files(s, ROOT / "gold")) for s in sets}
    ids = {a for g in golds.values() for a in gold_article_ids(g)}
    early = events_errors.prepared_articles(ids, refresh)
    actors = Pipeline.default(skip=(*events_errors.EARLY, "events", "quotes"))
    arts = {i: actors.process(a) for i, a in early.items()}
    return [r for s in sets for r in labelled_rows(s, golds[s], arts)], golds


def main(argv: list[str]) -> int:
    from marsad.events.cv_confidence import choose, compare, report
    from marsad.events.train_confidence import GOLD_SETS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(GOLD_SETS), help="comma-separated dev set names")
    ap.add_argument("--refresh", action="store_true", help="rebuild the cache of slow steps")
    args = ap.parse_args(argv)
    if not (ROOT.parent / "shared" / "data" / "news").is_dir():
        print("../shared not found; nothing to score", file=sys.stderr)
        return 2
    sets = args.sets.split(",")
    rows, golds = rows_for(sets, args.refresh)
    print(f"{len(rows)} coded events, {sum(r.label for r in rows)} matched, sets {', '.join(sets)}")
    print(report(compare(rows, golds)))
    l2, t = choose(rows, sets, golds, lexical=True)
    print(f"shipped recipe, leave-one-set-out over all sets: l2 {l2:g}, threshold {t:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
