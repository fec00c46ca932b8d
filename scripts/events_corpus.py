"""The event coder on unlabelled news: its misses and a sample of its events, for rules that generalise.

Usage: python scripts/events_corpus.py misses [--n N] [--seed S] [--show STAGE] [--abroad] [--corpus C]
       python scripts/events_corpus.py sample [--n N] [--seed S] [--events K] [--abroad] [--corpus C]

Runs over ``ant2018_syria`` minus every article listed in ``gold/*articles.txt`` (gold and
unseen sets are never read here), ``--n`` random articles of it (all by default).
``misses``: the sentences with an event cue («قتل، قصف، سيطر، تظاهر …») and a Syrian place
that yield no event, counted by the stage that dropped their triggers
(``events_trace.Recorder``; ``lexicon: no trigger`` when there was none); ``--show`` lists
those of one stage. ``--abroad``: the cue sentences whose places are all outside Syria
(Iraq, Yemen, Libya, Palestine, Europe …), plus ``no place resolved`` for a cue sentence
with a location entity and no place; in ``sample``, only events outside Syria.
``--corpus other500`` reads ``ant2018_other500`` instead (no Syrian place in it). ``sample``: ``--events`` random system events with their sentences, to
judge by the guideline. A rule earns its place when its group has five or more hits here and
it is right on at least 8 of 10 hits read (docs/events-guideline.md, section 10). Prints to
the terminal only: nothing of the article text is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from typing import Any

import events_errors as ee
import events_trace as et

#: Event cues of a sentence, on normalised text (a miss is a cue sentence with no event).
CUE = re.compile(r"(قتل|مقتل|قتلي|استهدف|قصف|سيطر|تظاهر|اشتباك|اشتبك|غاره|غارات|انفجار|تفجير|اعتقل|هجوم|معارك"
                 r"|قذايف|حرر|استعاد|اغتيال|مظاهر|احتجاج|صاروخ|مفخخ|دخلت|تقدم|استشهد|قتيل|دمر)")


def use_corpus(name: str) -> None:
    """Read ``ant2018_<name>.jsonl`` (``syria`` or ``other500``) from here on."""
    ee.NEWS = ee.NEWS.with_name(f"ant2018_{name}.jsonl")


def _cache_name(stem: str) -> str:
    corpus = ee.NEWS.stem.removeprefix("ant2018_")
    return stem.replace("events_errors", "events_corpus" if corpus == "syria" else f"events_corpus_{corpus}")


def unlabelled_ids(n: int | None, seed: int) -> list[str]:
    """The corpus articles no gold or unseen list names, shuffled, the first ``n``."""
    listed: set[str] = set()
    for f in (ee.ROOT / "gold").glob("*articles.txt"):
        listed |= {ln.split()[0] for ln in f.read_text(encoding="utf-8").splitlines()
                   if ln.strip() and not ln.startswith("#")}
    with ee.NEWS.open(encoding="utf-8") as fh:
        ids = [d for d in (json.loads(line)["docno"] for line in fh) if d not in listed]
    random.Random(seed).shuffle(ids)
    return ids[:n] if n else ids


def prepared(ids: list[str]) -> dict[str, Any]:
    """The articles after the slow steps, cached beside ``events_errors``' cache (same digest)."""
    path = ee.cache_path().with_name(_cache_name(ee.cache_path().stem) + ".pkl")
    found = ee.prepared_articles(set(ids), refresh=False, path=path)
    return {i: found[i] for i in ids}  # in the drawn order


def coded(arts: dict[str, Any], rec: et.Recorder) -> dict[str, Any]:
    """Each article through the late steps (actors, events, quotes) with the recorder on."""
    from marsad.pipeline import Pipeline

    late = Pipeline.default(skip=ee.EARLY)
    with rec.on():
        return {i: late.process(a) for i, a in arts.items()}


def _stage(art: Any, rec: et.Recorder, start: int, end: int) -> str:
    stages = rec.stage_at(art.id, start, end)
    if stages:
        return re.sub(r"@\d+", "", Counter(stages).most_common(1)[0][0])
    if et._found_trigger(art, (start, end)):
        return "trigger not tried"
    return et._has_filtered_trigger(art, (start, end)) or "lexicon: no trigger"


def _syrian(p: Any) -> bool:
    return p.country in ("SY", "Syria")


def _where(art: Any, start: int, end: int, abroad: bool) -> str | None:
    """Why a sentence is read: ``syria``, ``abroad``, ``unresolved`` (a location entity and no
    place), or None (not read in this mode)."""
    places = [p for p in art.places if start <= p.start < end]
    if not abroad:
        return "syria" if any(_syrian(p) for p in places) else None
    if places:
        return "abroad" if not any(_syrian(p) for p in places) else None
    locs = [e for e in art.entities if e.label == "LOC" and start <= e.start < end]
    return "unresolved" if locs else None


def misses(done: dict[str, Any], rec: et.Recorder, show: str, abroad: bool = False) -> None:
    """Cue sentences with a Syrian place (or, ``abroad``, places outside Syria only) and no event, by stage."""
    from marsad.arabic.normalize import normalize
    from marsad.events.coder import sentence_spans

    table: Counter[str] = Counter()
    rows: list[tuple[str, str, str]] = []
    for art in done.values():
        evidence = [(s.start, s.end) for e in art.events for s in e.evidence]
        for sp in sentence_spans(art):
            text = art.text[sp.start : sp.end]
            where = _where(art, sp.start, sp.end, abroad)
            if not where or not CUE.search(normalize(text)) or any(a < sp.end and b > sp.start for a, b in evidence):
                continue
            stage = "no place resolved" if where == "unresolved" else _stage(art, rec, sp.start, sp.end)
            table[stage] += 1
            places = ", ".join(f"{p.text}/{p.country}" for p in art.places if sp.start <= p.start < sp.end)
            rows.append((stage, art.id, f"{{{places}}} " + text.replace("\n", " ")[:400]))
    what = "places outside Syria only" if abroad else "a Syrian place"
    print(f"cue sentences with {what} and no event: {sum(table.values())} in {len(done)} articles")
    for stage, n in table.most_common():
        print(f"  {n:5d}  {stage}")
    for stage, art_id, text in sorted(rows):
        if show and show in stage:
            print(f"[{stage}] {art_id}  {text}")


def sample(done: dict[str, Any], k: int, seed: int, abroad: bool = False) -> None:
    """``k`` random system events (``abroad``: outside Syria) with the sentence of their evidence."""
    from marsad.model import event_to_dict

    events = [(a, e) for a in done.values() for e in a.events
              if not abroad or e.country not in ("SY", "Syria", "")]
    print(f"system events: {len(events)} in {len(done)} articles; {min(k, len(events))} drawn (seed {seed})")
    for n, (art, ev) in enumerate(random.Random(seed).sample(events, min(k, len(events)))):
        d = event_to_dict(ev, art.text)
        span = (ev.evidence[0].start, ev.evidence[0].end) if ev.evidence else (0, 0)
        sent = et._sentence_of(art, span)
        print(f"#{n} {art.id} | {d['event_date']} {d['sub_event_type']} | {d['actor1']} vs {d['actor2']} | "
              f"{d['location']} p{d['geo_precision']} | {d['fatalities']}")
        print("     " + art.text[sent[0] : sent[1]].replace("\n", " ")[:400])


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("misses", "sample"))
    ap.add_argument("--n", type=int, default=0, help="random articles to run (0: all unlabelled ones)")
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--show", default="", help="misses: list the sentences of the stages containing this")
    ap.add_argument("--events", type=int, default=60, help="sample: how many events to draw")
    ap.add_argument("--abroad", action="store_true", help="places outside Syria only")
    ap.add_argument("--corpus", choices=("syria", "other500"), default="syria")
    args = ap.parse_args(argv)
    use_corpus(args.corpus)
    if not ee.NEWS.is_file():
        print(f"../shared not found ({ee.NEWS}); nothing to run", file=sys.stderr)
        return 2
    rec = et.Recorder()
    done = coded(prepared(unlabelled_ids(args.n or None, args.seed)), rec)
    if args.mode == "misses":
        misses(done, rec, args.show, args.abroad)
    else:
        sample(done, args.events, args.seed, args.abroad)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
