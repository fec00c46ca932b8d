"""Score coded events against a gold file written with docs/events-guideline.md.

A system event matches a gold event of the same article when: same event type;
same place (same P-code / GeoNames id, within 10 km, or same admin1 when either
side has geo_precision 3); dates within one day. Matching is greedy, best pairs
first. Prints precision, recall, F1, then sub-event-type accuracy, actor accuracy
and fatality exact-match on matched pairs; the F1 last (``event_f1: 0.81``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Scores:
    tp: int
    n_system: int
    n_gold: int
    sub_ok: int
    actor_ok: int
    toll_ok: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_system if self.n_system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        def rate(n: int) -> float:
            return n / self.tp if self.tp else 0.0

        return "\n".join((
            f"gold events: {self.n_gold}  system events: {self.n_system}  matched: {self.tp}",
            f"precision: {self.precision:.3f}",
            f"recall: {self.recall:.3f}",
            f"sub_event_type_accuracy: {rate(self.sub_ok):.3f}",
            f"actor_accuracy: {rate(self.actor_ok):.3f}",
            f"fatalities_exact: {rate(self.toll_ok):.3f}",
            f"event_f1: {self.f1:.2f}",
        ))


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    try:
        la1, lo1, la2, lo2 = (math.radians(float(x)) for x in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return math.inf
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, h)))


def same_place(s: dict[str, Any], g: dict[str, Any]) -> bool:
    if s.get("pcode") and s.get("pcode") == g.get("pcode"):
        return True
    if s.get("geonames_id") and s.get("geonames_id") == g.get("geonames_id"):
        return True
    if _km(s, g) <= 10.0:
        return True
    coarse = 3 in (s.get("geo_precision"), g.get("geo_precision"))
    a1, a2 = _norm_admin(s.get("admin1")), _norm_admin(g.get("admin1"))
    return coarse and bool(a1) and a1 == a2


def _norm_admin(value: Any) -> str:
    text = str(value or "").lower().replace("-", "").replace(" ", "").replace("'", "")
    return {"idlib": "idleb", "latakia": "lattakia", "deirezzor": "deirezzor", "daraa": "dara"}.get(text, text)


def matches(s: dict[str, Any], g: dict[str, Any]) -> bool:
    if s.get("event_type") != g.get("event_type"):
        return False
    try:
        days = abs((date.fromisoformat(s["event_date"]) - date.fromisoformat(g["event_date"])).days)
    except (KeyError, ValueError):
        return False
    return days <= 1 and same_place(s, g)


def score(system: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]) -> Scores:
    """Greedy one-to-one matching per article (sub-type and actors break ties)."""
    sys_by: dict[str, list[dict[str, Any]]] = {}
    gold_by: dict[str, list[dict[str, Any]]] = {}
    for e in system:
        sys_by.setdefault(str(e["article_id"]), []).append(e)
    for e in gold:
        if not e.get("no_events"):
            gold_by.setdefault(str(e["article_id"]), []).append(e)
    tp = sub_ok = actor_ok = toll_ok = 0
    for art in set(sys_by) | set(gold_by):
        pairs = [
            (_affinity(s, g), i, j)
            for i, s in enumerate(sys_by.get(art, []))
            for j, g in enumerate(gold_by.get(art, []))
            if matches(s, g)
        ]
        used_s: set[int] = set()
        used_g: set[int] = set()
        for _, i, j in sorted(pairs, reverse=True):
            if i in used_s or j in used_g:
                continue
            used_s.add(i)
            used_g.add(j)
            s, g = sys_by[art][i], gold_by[art][j]
            tp += 1
            sub_ok += s.get("sub_event_type") == g.get("sub_event_type")
            actor_ok += _actors(s) == _actors(g)
            toll_ok += int(s.get("fatalities") or 0) == int(g.get("fatalities") or 0)
    n_sys = sum(len(v) for v in sys_by.values())
    n_gold = sum(len(v) for v in gold_by.values())
    return Scores(tp, n_sys, n_gold, sub_ok, actor_ok, toll_ok)


def _actors(e: dict[str, Any]) -> frozenset[str]:
    return frozenset(x for x in (e.get("actor1"), e.get("actor2")) if x)


def _affinity(s: dict[str, Any], g: dict[str, Any]) -> int:
    return 2 * (s.get("sub_event_type") == g.get("sub_event_type")) + len(_actors(s) & _actors(g))


def gold_article_ids(gold: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for e in gold:
        seen.setdefault(str(e["article_id"]), None)
    return list(seen)


def system_events(article_ids: list[str], news: Path, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Run the default pipeline (minus ``skip`` steps) on the gold's articles, read by docno."""
    from marsad.ingest.fields import parse_datetime
    from marsad.model import Article, event_to_dict
    from marsad.pipeline import Pipeline

    wanted = set(article_ids)
    pipeline = Pipeline.default(skip=skip)
    out: list[dict[str, Any]] = []
    for row in read_jsonl(news):
        if row.get("docno") not in wanted:
            continue
        when = parse_datetime(row.get("time") or "")
        art = Article.create(row.get("text", ""), id=row["docno"], title=row.get("title", ""), published=when)
        done = pipeline.process(art)
        if done.error:
            raise RuntimeError(f"{done.id}: {done.error}")
        out.extend({**event_to_dict(e, done.text), "article_id": done.id} for e in done.events)
    return out
