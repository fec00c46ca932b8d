"""Where the event coder loses gold events and makes false ones, pooled over the dev sets.

Usage: python scripts/events_trace.py [--sets dev,dev2,...] [--filters] [--losses] [--list]

``--losses``: each missed gold event is put down to the stage that lost it — no trigger in
its evidence sentence (``lexicon``, or a trigger-level filter), a named filter that dropped
every trigger there (``filter:NAME``, the filters of ``events.newsworthy`` and the clause
ones of ``events.context``), no place or sub-type found, the drafts' wrong type, place or
date, a matching draft lost in merging (``merged away``), or a system event that matches it
but went to another gold event (``taken``: by one told in the same evidence — a second place,
side or state not coded —, by one a day apart, or by another report); each false event gets the
cause ``scripts/events_errors.py`` gives it. ``--filters``: each filter is switched off in
turn and the coder rerun; the true events it removes are the matched events gained, the
false ones the unmatched events gained (pooled). A filter that removes as many true as
false events is not earning its place. The coder's other rule families (joined triggers,
type changes, places from the next sentence or a list, one event per state) are switched off
the same way. Uses the cache of ``events_errors.py``; prints to
the terminal only (``--list`` shows the evidence phrases of the gold files).

Switching a trigger-level filter off lets sentences through that the entity scope did not
tag (the cached steps ran with the filter on), so those rows undercount a little.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import events_errors as ee

POOLED = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7")


def _off(module: Any, attr: str, value: Any) -> Callable[[], Any]:
    """A switch that replaces ``module.attr`` with ``value`` while it is on."""
    @contextmanager
    def switch() -> Iterator[None]:
        old = getattr(module, attr)
        setattr(module, attr, value)
        try:
            yield
        finally:
            setattr(module, attr, old)
    return switch


def switches() -> dict[str, Callable[[], Any]]:
    """Every filter that can be switched off, by name, in the order the coder meets them."""
    from marsad.events import (
        cells,
        coder,
        context,
        hit,
        merge,
        newsworthy,
        timeframe,
        trigger_filters,
        triggers,
    )

    never = lambda *a, **k: False  # noqa: E731
    out: dict[str, Callable[[], Any]] = {
        "trigger:adjectival": _off(trigger_filters, "adjectival", never),
        "trigger:figurative": _off(trigger_filters, "figurative", never),
        "trigger:not-done": _off(triggers, "_not_done", never),
        "coder:sport": _off(coder, "_sport", never),
        "clause:unreal": _off(context, "is_unreal", never),
        "clause:background": _off(context, "is_background", never),
    }
    for name, _ in newsworthy.NEWS_FILTERS:
        kept = tuple(f for f in newsworthy.NEWS_FILTERS if f[0] != name)
        out[f"news:{name}"] = _off(newsworthy, "NEWS_FILTERS", kept)
    out["hit:age"] = _off(hit, "MAX_AGE_DAYS", 10**5)
    out["hit:pluperfect"] = _off(timeframe, "pluperfect", never)
    out["hit:undated-list"] = _off(cells, "spread", never)
    out["merge:restatement"] = _off(merge, "_drop_restatements", lambda events, cues=None: events)
    out.update(rule_switches())
    return out


def rule_switches() -> dict[str, Callable[[], Any]]:
    """The coder's other rule families (type changes, places found elsewhere, splits), each
    switched off: what it adds or changes is counted like a filter's, with the opposite sign
    (a rule that is right gains matched events, so switching it off removes them)."""
    from marsad.events import cells, coder, hit, merge, placing, where

    none = lambda *a, **k: None  # noqa: E731
    return {
        "rule:joined-triggers": _off(coder, "_kept_hits", lambda hits, toks: hits),
        "rule:front-attack": _off(coder, "_on_front", lambda h, toks: h),
        "rule:one-sided-attack": _off(hit, "one_sided_attack", lambda *a: False),
        "rule:air-launched": _off(hit, "air_launched", lambda sub, *a: sub),
        "place:next-sentence": _off(where, "elaboration_place", none),
        "place:anaphoric": _off(where, "anaphoric_place", none),
        "place:renamed": _off(where, "renamed_place", none),
        "place:enumerated": _off(where, "enumerated_places", lambda *a: []),
        "place:coordinated": _off(placing, "coordinated", lambda *a: []),
        "place:list-province": _off(placing, "in_list_province", lambda listed: listed),
        "place:situated-list": _off(placing, "situated", lambda listed, places, text: listed),
        "split:joint-states": _off(cells, "joint", lambda draft, *a, **k: [draft]),
        "split:story-joint": _off(cells, "joint", _without_story(cells.joint)),
        "split:western-allies": _off(cells, "allies", lambda draft, article: [draft]),
        "merge:fill-opponents": _off(merge, "_fill_opponents", lambda drafts: drafts),
        "merge:own-days": _off(merge, "_own_days", lambda *a: False),
    }


def _without_story(joint: Callable[..., Any]) -> Callable[..., Any]:
    """``cells.joint`` blind to the states an earlier sentence named striking together."""
    def call(draft: Any, toks: Any, seg: Any, country: str, article: Any = None, story: Any = None) -> Any:
        return joint(draft, toks, seg, country, article, None)
    return call


def run(arts: dict[str, Any]) -> list[dict[str, Any]]:
    """The coder's events on all articles (the trigger memo cleared: a switch may change it)."""
    from marsad.events import coder

    coder._RECENT_PASSES.clear()
    return ee.code(arts[i] for i in sorted(arts))


def tally(system: list[dict[str, Any]], gold: list[dict[str, Any]]) -> tuple[int, int]:
    """(matched, unmatched) system events."""
    from marsad.eval.events import score

    sc = score(system, gold)
    return sc.tp, sc.n_system - sc.tp


def filter_table(arts: dict[str, Any], golds: dict[str, list[dict[str, Any]]], branches: bool) -> None:
    """Each filter switched off in turn: the matched and the false events it gains (pooled);
    with ``branches``, the released events split by the branch of the clause filter that had
    dropped their trigger. The split is only a pointer: with the whole filter off, the later
    branches are off too, so removing one branch alone can release fewer (check it so)."""
    pooled = [g for gold in golds.values() for g in gold]
    rec = Recorder()
    with rec.on():
        base = run(arts)
    tp0, fp0 = tally(base, pooled)
    n_gold = sum(1 for g in pooled if not g.get("no_events"))
    print(f"baseline pooled: matched {tp0}, false {fp0}, gold {n_gold}, F1 {_f1(tp0, fp0, n_gold):.3f}")
    print(f"{'filter':24} {'true removed':>12} {'false removed':>13}  pooled F1 if off"
          "  (negative: switching it off loses events the rule adds)")
    for name, switch in switches().items():
        with switch():
            system = run(arts)
        tp, fp = tally(system, pooled)
        print(f"{name:24} {tp - tp0:12d} {fp - fp0:13d}  {_f1(tp, fp, n_gold):.3f}")
        if branches and name.startswith("clause:"):
            for stage, (t, f) in sorted(_released(base, system, pooled, rec).items()):
                print(f"    {stage:40} {t:5d} {f:5d}  {_branch_source(stage)}")


def _released(base: list[dict[str, Any]], system: list[dict[str, Any]], gold: list[dict[str, Any]],
              rec: Recorder) -> dict[str, tuple[int, int]]:
    """The events ``system`` has and ``base`` lacks, (true, false) by their trigger's stage in ``base``."""
    from marsad.eval.events import pairs_by_article

    def key(e: dict[str, Any]) -> tuple[Any, ...]:
        return (e["article_id"], e["event_type"], e["event_date"], e["location"], e["evidence"][0]["start"])

    had = {key(e) for e in base}
    out: dict[str, list[int]] = {}
    for s, g in pairs_by_article(system, gold):
        if s is None or key(s) in had:
            continue
        ev = s["evidence"][0]
        stages = [st for st in rec.stage_at(s["article_id"], ev["start"], ev["end"]) if st.startswith("filter:")]
        row = out.setdefault(stages[0] if stages else "?", [0, 0])
        row[g is None] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def _branch_source(stage: str) -> str:
    """The source line of a clause filter's branch (``filter:clause:unreal@165``)."""
    import linecache

    from marsad.events import context

    if "@" not in stage:
        return ""
    return linecache.getline(context.__file__, int(stage.rsplit("@", 1)[1])).strip()[:70]


def _f1(tp: int, fp: int, n_gold: int) -> float:
    from marsad.eval.events import f1_of

    return f1_of(tp, tp + fp, n_gold)


def returning_line(func: Callable[..., Any], *args: Any) -> tuple[Any, int]:
    """``func(*args)`` and the line of the ``return`` it left by (which branch of a filter fired)."""
    line = [0]
    code = func.__code__

    def local(frame: Any, event: str, arg: Any) -> Any:
        if event == "return":
            line[0] = frame.f_lineno
        return local

    old = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local if frame.f_code is code else None)
    try:
        out = func(*args)
    finally:
        sys.settrace(old)
    return out, line[0]


class Recorder:
    """While on: for each trigger the coder tries, the stage at which it ended (with the line
    of the clause filter's branch that fired), and each article's drafts before merging."""

    def __init__(self) -> None:
        self.outcomes: dict[str, list[tuple[int, int, str]]] = {}  # article -> (start, end, stage)
        self.drafts: dict[str, list[Any]] = {}
        self.stage = ""

    def _clause_filter(self, name: str, func: Callable[..., bool]) -> Callable[..., bool]:
        def wrapped(*args: Any) -> bool:
            out, line = returning_line(func, *args)
            if out:
                self.stage = f"filter:clause:{name}@{line}"
            return bool(out)
        return wrapped

    def _code_hit(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(article: Any, toks: Any, hits: Any, k: int, *rest: Any) -> Any:
            self.stage = "dropped after the sub-type (age, pluperfect, chemical, actors, undated list)"
            out = func(article, toks, hits, k, *rest)
            stage = "coded" if out else self.stage
            self.outcomes.setdefault(article.id, []).append((hits[k].start, hits[k].end, stage))
            return out
        return wrapped

    def _not_news(self) -> Callable[..., bool]:
        from marsad.events import newsworthy

        def wrapped(*args: Any) -> bool:
            for name, f in newsworthy.NEWS_FILTERS:
                if f(*args):
                    self.stage = f"filter:news:{name}"
                    return True
            return False
        return wrapped

    def _none_is(self, stage: str, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(*args: Any) -> Any:
            out = func(*args)
            if out is None:
                self.stage = stage
            return out
        return wrapped

    def _drafts(self, func: Callable[..., Any]) -> Callable[..., Any]:
        def wrapped(article: Any) -> Any:
            out = func(article)
            self.drafts[article.id] = out
            return out
        return wrapped

    @contextmanager
    def on(self) -> Iterator[None]:
        from marsad.events import coder, context, hit, step

        patches = [
            (coder, "code_hit", self._code_hit(hit.code_hit)),
            (context, "is_unreal", self._clause_filter("unreal", context.is_unreal)),
            (context, "is_background", self._clause_filter("background", context.is_background)),
            (hit, "not_news", self._not_news()),
            (hit, "_locate", self._none_is("no place", hit._locate)),
            (hit, "_sub_type", self._none_is("no sub-type", hit._sub_type)),
            (step, "draft_events", self._drafts(step.draft_events)),
        ]
        old = [(m, a, getattr(m, a)) for m, a, _ in patches]
        for m, a, v in patches:
            setattr(m, a, v)
        try:
            yield
        finally:
            for m, a, v in old:
                setattr(m, a, v)

    def stage_at(self, article: str, start: int, end: int) -> list[str]:
        """The stages of the triggers tried between ``start`` and ``end``."""
        return [st for a, b, st in self.outcomes.get(article, []) if a < end and b > start]


def _evidence_span(text: str, phrase: str) -> tuple[int, int] | None:
    """Where a gold evidence phrase lies in the article (whitespace-insensitive)."""
    import re

    words = phrase.split()
    if not words:
        return None
    m = re.search(r"\s+".join(re.escape(w) for w in words), text)
    return (m.start(), m.end()) if m else None


def _sentence_of(art: Any, span: tuple[int, int]) -> tuple[int, int]:
    from marsad.events.coder import sentence_spans

    inside = [s for s in sentence_spans(art) if s.start < span[1] and s.end > span[0]]
    return (inside[0].start, inside[-1].end) if inside else span


def _found_trigger(art: Any, sent: tuple[int, int]) -> bool:
    """Whether the trigger pass found a trigger in a sentence overlapping ``sent``."""
    from marsad.events.coder import trigger_pass

    spans, passed = trigger_pass(art)
    return any(spans[i].start < sent[1] and spans[i].end > sent[0] for i, _, _ in passed)


def _has_filtered_trigger(art: Any, sent: tuple[int, int]) -> str | None:
    """The trigger-level filter that removed a trigger in the sentence, if one did."""
    from marsad.actors.text import words
    from marsad.events.triggers import find_triggers

    toks = [(a + sent[0], b + sent[0], w) for a, b, w in words(art.text[sent[0] : sent[1]])]
    for name, switch in switches().items():
        if name.startswith("trigger:"):
            with switch():
                if find_triggers(toks):
                    return name
    return None


def _draft_dicts(art: Any, drafts: list[Any]) -> list[dict[str, Any]]:
    from marsad.events.merge import merge_drafts
    from marsad.model import event_to_dict

    return [event_to_dict(e, art.text) for d in drafts for e in merge_drafts([d], art.id)]


def lost_at(g: dict[str, Any], art: Any, rec: Recorder, system: list[dict[str, Any]],
            gold: list[dict[str, Any]] | None = None) -> str:
    """The stage that lost gold event ``g``."""
    from marsad.eval.events import matches, same_place

    taken = [e for e in system if e["article_id"] == art.id and matches(e, g)]
    if taken:
        return _taken_by(g, taken, gold or [])
    drafts = _draft_dicts(art, rec.drafts.get(art.id, []))
    if any(matches(d, g) for d in drafts):
        return "merged away (a draft matched; merging dropped it)"
    span = _evidence_span(art.text, g.get("evidence_text") or "")
    if span is None:
        return "evidence not found"
    sent = _sentence_of(art, span)
    stages = rec.stage_at(art.id, *sent)
    if not stages:
        if _found_trigger(art, sent):
            return "trigger not tried (sport page, or a stronger cue of the sentence coded)"
        return _has_filtered_trigger(art, sent) or "lexicon: no trigger"
    near = [d for d in drafts if d["evidence"] and d["evidence"][0]["start"] < sent[1] and d["evidence"][0]["end"] > sent[0]]
    if near:
        same = [d for d in near if d["event_type"] == g["event_type"]]
        if not same:
            return "wrong type"
        if any(same_place(d, g) for d in same):
            return "wrong date"
        return "wrong place"
    return stages[0]


def _taken_by(g: dict[str, Any], taken: list[dict[str, Any]], gold: list[dict[str, Any]]) -> str:
    """Why a system event that matches ``g`` went to another gold event: the other is told by
    the same evidence (a second place, side or state of one report was not coded), lies a day
    apart (a neighbouring day's event took the match), or is another report of the place."""
    from marsad.eval.events import matches

    others = [o for o in gold if o is not g and o.get("article_id") == g.get("article_id")
              and any(matches(e, o) for e in taken)]
    if any(o.get("evidence_text") == g.get("evidence_text") for o in others):
        return "taken: 2nd place/side/state of the same report not coded"
    if any(o.get("event_date") != g.get("event_date") for o in others):
        return "taken: a day-apart event of the place took the match"
    return "taken: another report of the place took the match"


def losses(arts: dict[str, Any], golds: dict[str, list[dict[str, Any]]], show: bool) -> None:
    from marsad.eval.events import pairs_by_article

    rec = Recorder()
    with rec.on():
        system = run(arts)
    fn: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    for name, gold in golds.items():
        _, errors = ee.analyse(name, system, gold)
        for kind, why, ev in errors:
            art = arts[str(ev["article_id"])]
            if kind == "FN":
                stage = lost_at(ev, art, rec, system, gold)
                fn[stage] += 1
            else:
                start = ev["evidence"][0]["start"] if ev.get("evidence") else 0
                stage = f"{why} ({'definite ' if _definite(art, start) else ''}trigger)"
                fp[why] += 1
            if show:
                print(f"   {name:5} {kind} {stage:40} " + ee.describe(kind, why, ev).replace("\n", "\n" + " " * 52))
    for title, table in (("missed gold events, by the stage that lost them", fn),
                         ("false events, by cause", fp)):
        print(f"{title} (pooled: {sum(table.values())})")
        for stage, n in table.most_common():
            print(f"  {n:4d}  {stage}")
    del pairs_by_article


def _definite(art: Any, start: int) -> bool:
    return art.text[start : start + 2] == "ال"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default=",".join(POOLED), help="comma-separated set names (events_errors.SETS)")
    ap.add_argument("--filters", action="store_true", help="switch each filter off in turn; true/false removed")
    ap.add_argument("--losses", action="store_true", help="the stage that lost each missed gold event")
    ap.add_argument("--list", action="store_true", help="each error with its stage (--losses); released events by branch (--filters)")
    args = ap.parse_args(argv)
    if not ee.NEWS.is_file():
        print(f"../shared not found ({ee.NEWS}); nothing to trace", file=sys.stderr)
        return 2
    golds = {n: ee.load_gold(n) for n in args.sets.split(",")}
    ids = {str(g["article_id"]) for gold in golds.values() for g in gold}
    arts = ee.prepared_articles(ids, False)
    if args.losses or not args.filters:
        losses(arts, golds, args.list)
    if args.filters:
        filter_table(arts, golds, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
