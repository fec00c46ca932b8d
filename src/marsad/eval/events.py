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
from typing import TYPE_CHECKING, Any

from marsad.geo.distance import great_circle_km

if TYPE_CHECKING:
    from marsad.model import Article


def f1_of(tp: int, n_system: int, n_gold: int) -> float:
    """Event F1 from counts (2PR / (P + R) = 2·tp / (system + gold)), for every scorer of sets."""
    return 2 * tp / (n_system + n_gold) if tp else 0.0


@dataclass(frozen=True)
class Matched:
    """Counts of a one-to-one matching of system to gold items, and their P/R/F1 (the events'
    and the quotes' scorers extend it with their field accuracies on matched pairs)."""

    tp: int
    n_system: int
    n_gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.n_system if self.n_system else 0.0

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return f1_of(self.tp, self.n_system, self.n_gold)

    def lines(self, items: str, rates: dict[str, float]) -> str:
        """The report: counts, precision, recall, each count of ``rates`` per matched pair,
        then the F1 last (``<noun>_f1``, the line scripts read)."""
        per_pair = (f"{name}: {n / self.tp if self.tp else 0.0:.3f}" for name, n in rates.items())
        return "\n".join((
            f"gold {items}s: {self.n_gold}  system {items}s: {self.n_system}  matched: {self.tp}",
            f"precision: {self.precision:.3f}",
            f"recall: {self.recall:.3f}",
            *per_pair,
            f"{items}_f1: {self.f1:.2f}",
        ))


@dataclass(frozen=True)
class Scores(Matched):
    sub_ok: int
    actor_ok: int
    toll_ok: int

    def report(self) -> str:
        return self.lines("event", {
            "sub_event_type_accuracy": self.sub_ok, "actor_accuracy": self.actor_ok,
            "fatalities_exact": self.toll_ok,
        })  # fmt: skip


def read_jsonl(path: str | Path) -> Iterator[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _km(a: dict[str, Any], b: dict[str, Any]) -> float:
    try:
        la1, lo1, la2, lo2 = (float(x) for x in (a["latitude"], a["longitude"], b["latitude"], b["longitude"]))
    except (KeyError, TypeError, ValueError):
        return math.inf
    return great_circle_km(la1, lo1, la2, lo2)


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


def pairs_by_article(
    system: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]]
) -> Iterator[tuple[dict[str, Any] | None, dict[str, Any] | None]]:
    """Greedy one-to-one matching per article (sub-type and actors break ties): yields
    ``(system, gold)`` for matches, ``(system, None)`` and ``(None, gold)`` for the rest.
    A ``no_events`` line is no event on either side (a second annotator's file as system)."""
    sys_by: dict[str, list[dict[str, Any]]] = {}
    gold_by: dict[str, list[dict[str, Any]]] = {}
    for e in system:
        if not e.get("no_events"):
            sys_by.setdefault(str(e["article_id"]), []).append(e)
    for e in gold:
        if not e.get("no_events"):
            gold_by.setdefault(str(e["article_id"]), []).append(e)
    for art in sorted(set(sys_by) | set(gold_by)):
        ss, gs = sys_by.get(art, []), gold_by.get(art, [])
        pairs = [(_affinity(s, g), i, j) for i, s in enumerate(ss) for j, g in enumerate(gs) if matches(s, g)]
        used_s: dict[int, int] = {}
        used_g: set[int] = set()
        for _, i, j in sorted(pairs, reverse=True):
            if i not in used_s and j not in used_g:
                used_s[i] = j
                used_g.add(j)
        for i, s in enumerate(ss):
            yield s, (gs[used_s[i]] if i in used_s else None)
        yield from ((None, g) for j, g in enumerate(gs) if j not in used_g)


def score(system: Iterable[dict[str, Any]], gold: Iterable[dict[str, Any]], min_confidence: float = 0.0) -> Scores:
    """Precision, recall and field accuracies of the system events at or above ``min_confidence``."""
    tp = sub_ok = actor_ok = toll_ok = n_sys = n_gold = 0
    for s, g in pairs_by_article(system, gold):
        kept = s is not None and float(s.get("confidence", 1.0)) >= min_confidence
        n_sys += kept
        n_gold += g is not None
        if kept and s is not None and g is not None:
            tp += 1
            sub_ok += s.get("sub_event_type") == g.get("sub_event_type")
            actor_ok += _actors(s) == _actors(g)
            toll_ok += int(s.get("fatalities") or 0) == int(g.get("fatalities") or 0)
    return Scores(tp, n_sys, n_gold, sub_ok, actor_ok, toll_ok)


def threshold_table(system: list[dict[str, Any]], gold: list[dict[str, Any]],
                    thresholds: Iterable[float] = (0.3, 0.5, 0.7)) -> str:
    """Precision and recall of the events kept at each confidence threshold."""
    rows = []
    for t in thresholds:
        sc = score(system, gold, t)
        rows.append(f"confidence>={t:.1f}: kept {sc.n_system} precision {sc.precision:.3f} recall {sc.recall:.3f}")
    return "\n".join(rows)


def _actors(e: dict[str, Any]) -> frozenset[str]:
    return frozenset(x for x in (e.get("actor1"), e.get("actor2")) if x)


def _affinity(s: dict[str, Any], g: dict[str, Any]) -> int:
    return 2 * (s.get("sub_event_type") == g.get("sub_event_type")) + len(_actors(s) & _actors(g))


def gold_article_ids(gold: list[dict[str, Any]]) -> list[str]:
    seen: dict[str, None] = {}
    for e in gold:
        seen.setdefault(str(e["article_id"]), None)
    return list(seen)


def system_rows(path: str | Path, field: str, article_ids: list[str]) -> list[dict[str, Any]]:
    """A ``--system`` file's ``field`` items ("events", "quotes") of the gold's articles: item
    lines with ``article_id`` as they are, or articles (``marsad extract`` output, with ``id``
    and ``field``) unrolled."""
    wanted = set(article_ids)
    out: list[dict[str, Any]] = []
    for row in read_jsonl(path):
        items = [{**e, "article_id": row["id"]} for e in row[field]] if field in row and "id" in row else [row]
        out.extend(e for e in items if str(e.get("article_id")) in wanted)
    return out


def analysed_articles(article_ids: list[str], news: Path, skip: tuple[str, ...] = ()) -> Iterator[Article]:
    """The gold's articles, read by docno from ``news``, through the default pipeline (minus
    ``skip`` steps); an article the pipeline fails on stops the scoring (every scorer of sets)."""
    from marsad.ingest.fields import parse_datetime
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    wanted = set(article_ids)
    pipeline = Pipeline.default(skip=skip)
    for row in read_jsonl(news):
        if row.get("docno") not in wanted:
            continue
        when = parse_datetime(row.get("time") or "")
        art = Article.create(row.get("text", ""), id=row["docno"], title=row.get("title", ""), published=when)
        done = pipeline.process(art)
        if done.error:
            raise RuntimeError(f"{done.id}: {done.error}")
        yield done


def system_events(article_ids: list[str], news: Path, skip: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The events the default pipeline codes on the gold's articles, with ``article_id``."""
    from marsad.model import event_to_dict

    return [
        {**event_to_dict(e, done.text), "article_id": done.id}
        for done in analysed_articles(article_ids, news, skip)
        for e in done.events
    ]
