"""Score the event coder on the dev gold sets and list every error with its likely cause.

Usage: python scripts/events_errors.py [--sets dev5,dev4] [--list] [--refresh]

The slow steps (cleaning, Arabic layer, entities, places) run once per article and are
cached in ``out/`` under a digest of their sources and data (``--refresh`` rebuilds it); actors, events and quotes run live,
so the figures are those of ``marsad eval events`` for the current code. Prints one
F1 line per set, a table of error causes per set, and with ``--list`` each false
negative / false positive with its cause and the sentence it came from (to the
terminal only: nothing of the article text is written into the repository).

Causes are assigned mechanically against the other side's unmatched events of the
same article: ``place`` (same type and day, another place), ``date`` (same type and
place, another day), ``type`` (same place and day, another type), ``duplicate`` (a
system event matching an already matched gold event), ``no-gold-article`` (a system
event in an article the gold says has none), ``abroad`` (a gold event outside Syria
that nothing approached), ``list`` (a missed gold event sharing its evidence with
another gold event), else ``missed`` / ``spurious``.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections import Counter
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "news" / "ant2018_syria.jsonl"
#: What the cached slow steps depend on: a change to any of these starts a new cache.
#: Every source the slow steps read, the entity gate's trigger pass included (events.coder.
#: trigger_pass, with the word splitter and memo it reads): a change to any of them must
#: rebuild the cache, or articles cached before and after it mix in one run.
CACHE_INPUTS = ("ner", "geo", "arabic", "ingest", "data/ner", "data/geo", "events/triggers.py", "events/trigger_lexicon.py",
                "events/trigger_filters.py", "events/coder.py", "events/context.py", "actors/text.py", "memo.py",
                "pipeline.py", "settings.py")


def _sets() -> dict[str, tuple[str, ...]]:
    """The training sets of the confidence model (one table: ``train_confidence.GOLD_SETS``),
    dev's two re-annotations, and the sets scored unseen first and opened since."""
    from marsad.events.train_confidence import GOLD_SETS

    rest = {k: v for k, v in GOLD_SETS.items() if k != "dev"}
    return {"dev": GOLD_SETS["dev"], "dev.a": ("events_dev.a.jsonl",), "dev.b": ("events_dev.b.jsonl",),
            **rest, "dev7": ("events_dev7.jsonl",),
            "dev8": ("events_dev8.jsonl",),  # dev8: scored unseen at the end of the 30 Nov night session
            "dev9": ("events_dev9.jsonl",),  # dev9: scored unseen at the start and end of the next session
            "dev10": ("events_dev10.jsonl",)}  # dev10: scored unseen at the start and end of the fifth session


SETS: dict[str, tuple[str, ...]] = _sets()
EARLY = ("clean", "arabic", "entities", "places")


def load_gold(name: str) -> list[dict[str, Any]]:
    from marsad.eval.events import read_jsonl

    return [row for f in SETS[name] for row in read_jsonl(ROOT / "gold" / f)]


def cache_path() -> Path:
    """``out/events_errors_<digest>.pkl``, the digest over the sources and data of the
    slow steps, so that a changed tagger, gazetteer or trigger list never reads a stale cache."""
    import hashlib

    digest = hashlib.sha1()
    pkg = ROOT / "src" / "marsad"
    for name in CACHE_INPUTS:
        base = pkg / name
        for f in sorted(base.rglob("*") if base.is_dir() else [base]):
            if f.is_file() and "__pycache__" not in f.parts:
                digest.update(str(f.relative_to(pkg)).encode() + f.read_bytes())
    return ROOT / "out" / f"events_errors_{digest.hexdigest()[:12]}.pkl"


def prepared_articles(ids: set[str], refresh: bool, path: Path | None = None) -> dict[str, Any]:
    """The articles after the slow steps, from the cache (``path``, default :func:`cache_path`)
    when it holds them all."""
    from marsad.ingest.fields import parse_datetime
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    cache: dict[str, Any] = {}
    path = path or cache_path()
    if path.is_file() and not refresh:
        cache = pickle.loads(path.read_bytes())
    missing = ids - set(cache)
    if missing:
        early = Pipeline.default(skip=[n for n in ("actors", "events", "quotes")])
        assert tuple(n for n, _ in early.steps) == EARLY
        with NEWS.open(encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["docno"] in missing:
                    art = Article.create(row.get("text", ""), id=row["docno"], title=row.get("title", ""),
                                         published=parse_datetime(row.get("time") or ""))
                    cache[row["docno"]] = early.process(art)
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(pickle.dumps(cache))
    return {i: cache[i] for i in ids}


def code(articles: Iterable[Any]) -> list[dict[str, Any]]:
    from marsad.model import event_to_dict
    from marsad.pipeline import Pipeline

    late = Pipeline.default(skip=EARLY)
    out: list[dict[str, Any]] = []
    for art in articles:
        done = late.process(art)
        if done.error:
            raise RuntimeError(f"{done.id}: {done.error}")
        out.extend({**event_to_dict(e, done.text), "article_id": done.id} for e in done.events)
    return out


def _days(a: dict[str, Any], b: dict[str, Any]) -> int:
    try:
        return abs((date.fromisoformat(a["event_date"]) - date.fromisoformat(b["event_date"])).days)
    except (KeyError, ValueError, TypeError):
        return 99


def cause(ev: dict[str, Any], others: list[dict[str, Any]], matched_others: list[dict[str, Any]],
          side: str, gold_art: bool, same_side: list[dict[str, Any]]) -> str:
    """The likeliest reason ``ev`` (a FN when side == "gold") found no partner."""
    from marsad.eval.events import matches, same_place

    if side == "system":
        if not gold_art:
            return "no-gold-article"
        if any(matches(ev, g) for g in matched_others):
            return "duplicate"
    for o in others:
        if o["event_type"] == ev["event_type"] and _days(o, ev) <= 1:
            return "place"
    for o in others:
        if o["event_type"] == ev["event_type"] and same_place(o, ev):
            return "date"
    for o in others:
        if _days(o, ev) <= 1 and same_place(o, ev):
            return "type"
    if side == "gold":
        if not ev.get("pcode") and ev.get("geonames_id"):
            return "abroad"
        ev_text = ev.get("evidence_text") or ""
        if ev_text and sum((g.get("evidence_text") or "") == ev_text for g in same_side) > 1:
            return "list"
        return "missed"
    return "spurious"


def analyse(name: str, system: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[Any, list[tuple[str, str, dict[str, Any]]]]:
    from marsad.eval.events import pairs_by_article, score

    gold_ids = {str(g["article_id"]) for g in gold}
    system = [e for e in system if str(e["article_id"]) in gold_ids]
    with_events = {str(g["article_id"]) for g in gold if not g.get("no_events")}
    pairs = list(pairs_by_article(system, gold))
    errors: list[tuple[str, str, dict[str, Any]]] = []
    for art in sorted({str(e["article_id"]) for s, g in pairs for e in (s, g) if e}):
        mine = [(s, g) for s, g in pairs if (s or g or {}).get("article_id") == art]
        un_s = [s for s, g in mine if s is not None and g is None]
        un_g = [g for s, g in mine if s is None and g is not None]
        got_g = [g for s, g in mine if s is not None and g is not None]
        all_g = [g for _, g in mine if g is not None]
        for s in un_s:
            errors.append(("FP", cause(s, un_g, got_g, "system", art in with_events, []), s))
        for g in un_g:
            errors.append(("FN", cause(g, un_s, [], "gold", True, all_g), g))
    return score(system, gold), errors


def _sentence(text: str, spans: list[dict[str, Any]] | None, needle: str) -> str:
    if spans:
        return " | ".join(str(s.get("text", ""))[:300] for s in spans)
    return needle


def describe(kind: str, why: str, ev: dict[str, Any]) -> str:
    actors = " vs ".join(x for x in (ev.get("actor1"), ev.get("actor2")) if x)
    place = ev.get("location") or ev.get("location_text") or ""
    ev_text = _sentence("", ev.get("evidence"), ev.get("evidence_text") or "")
    return (f"{kind} {why:16} {ev['article_id']} {ev.get('event_date')} {ev.get('sub_event_type')} | "
            f"{place} ({ev.get('admin1')}, p{ev.get('geo_precision')}) | {actors} | "
            f"{ev.get('fatalities')}\n      {ev_text}")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated set names")
    ap.add_argument("--list", action="store_true", help="list every error with its sentence")
    ap.add_argument("--refresh", action="store_true", help="rebuild the cache of slow steps")
    args = ap.parse_args(argv)
    if not NEWS.is_file():
        print(f"../shared not found ({NEWS}); nothing to score", file=sys.stderr)
        return 2
    names = args.sets.split(",")
    golds = {n: load_gold(n) for n in names}
    ids = {str(g["article_id"]) for gold in golds.values() for g in gold}
    arts = prepared_articles(ids, args.refresh)
    system = code(arts[i] for i in sorted(ids))
    for n in names:
        sc, errors = analyse(n, system, golds[n])
        table = Counter(f"{k} {w}" for k, w, _ in errors)
        print(f"{n:6} P {sc.precision:.3f} R {sc.recall:.3f} F1 {sc.f1:.3f} "
              f"(gold {sc.n_gold}, system {sc.n_system}, matched {sc.tp}; actors {sc.actor_ok}/{sc.tp}) "
              + ", ".join(f"{k}: {v}" for k, v in sorted(table.items())))
        if args.list:
            for k, w, ev in sorted(errors, key=lambda x: (x[2]["article_id"], x[0])):
                print("   " + describe(k, w, ev))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
