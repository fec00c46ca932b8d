"""Score the geocoder against a gold file of place mentions (docs/geo-guideline.md).

Gold: JSON Lines, one mention per line: ``article_id``, ``start``, ``end``, ``text``,
one of ``pcode`` / ``geonames_id`` / ``admin1``, ``geo_precision``, optional
``metonym``. Offsets index the ``text`` field of the article in the news corpus.

Metric. A gold mention (not a metonym) is **correct** when a system place overlaps
its span and refers to the same entry: same P-code, same GeoNames id, or, for an
``admin1`` gold reference, a Syrian place in that governorate. ``accuracy`` =
correct / gold mentions (a missed mention counts as wrong). ``recall`` = gold
mentions overlapped by any system place. ``precision`` = system places (except
those marked ``capital_metonym`` and those on gold metonyms) that are correct for
the gold mention they overlap / all such system places in the gold articles.
``precision_agreement`` = correct mentions whose geo_precision equals gold's.
Metonyms (capitals standing for governments) are reported apart: a gold metonym
is handled when the system marks it ``capital_metonym`` or outputs nothing there.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.model import Article, Place


def read_jsonl(path: str | Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def same_entry(gold: Mapping[str, Any], place: Place) -> bool:
    """Whether ``place`` resolves the gold mention to the same gazetteer entry."""
    if gold.get("pcode"):
        return place.pcode == gold["pcode"]
    if gold.get("geonames_id"):
        return place.geonames_id == int(gold["geonames_id"])
    return place.country == "Syria" and place.admin1 == gold.get("admin1")


def _overlapping(gold: Mapping[str, Any], places: Sequence[Place]) -> list[Place]:
    return [p for p in places if p.start < gold["end"] and gold["start"] < p.end]


@dataclass
class GeoScores:
    n_gold: int = 0
    correct: int = 0
    detected: int = 0
    same_precision: int = 0
    n_system: int = 0
    system_correct: int = 0
    n_metonym: int = 0
    metonym_ok: int = 0

    def report(self) -> str:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 0.0

        return "\n".join((
            f"gold mentions: {self.n_gold} (+{self.n_metonym} metonyms)  system places: {self.n_system}",
            f"precision: {ratio(self.system_correct, self.n_system):.3f}",
            f"recall: {ratio(self.detected, self.n_gold):.3f}",
            f"precision_agreement: {ratio(self.same_precision, self.correct):.3f}",
            f"metonyms_handled: {ratio(self.metonym_ok, self.n_metonym):.3f}",
            f"accuracy: {ratio(self.correct, self.n_gold):.3f}",
        ))


def score(gold: Iterable[Mapping[str, Any]], system: Mapping[str, Sequence[Place]]) -> GeoScores:
    """Compare gold mentions with the system's places per article."""
    s = GeoScores()
    by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for g in gold:
        by_article[g["article_id"]].append(g)
    for article_id, mentions in by_article.items():
        places = system.get(article_id, ())
        for g in mentions:
            hits = _overlapping(g, places)
            if g.get("metonym"):
                s.n_metonym += 1
                s.metonym_ok += all(p.feature == "capital_metonym" for p in hits)
                continue
            s.n_gold += 1
            s.detected += bool(hits)
            good = [p for p in hits if same_entry(g, p)]
            s.correct += bool(good)
            s.same_precision += any(p.geo_precision == g.get("geo_precision") for p in good)
        metonym_spans = [g for g in mentions if g.get("metonym")]
        for p in places:
            if p.feature == "capital_metonym" or _overlapping_gold(p, metonym_spans):
                continue
            s.n_system += 1
            s.system_correct += any(same_entry(g, p) for g in _overlapping_gold(p, mentions))
    return s


def _overlapping_gold(p: Place, mentions: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    return [g for g in mentions if p.start < g["end"] and g["start"] < p.end]


def load_articles(corpus: str | Path, ids: set[str]) -> dict[str, Article]:
    """The gold articles, built from the corpus's ``docno`` and ``text`` fields."""
    out = {}
    for rec in read_jsonl(corpus):
        if rec["docno"] in ids:
            out[rec["docno"]] = Article.create(rec["text"], id=rec["docno"], source=rec.get("src", ""))
    return out


def evaluate(gold_path: str | Path, corpus: str | Path, *, with_ner: bool = False) -> GeoScores:
    """Geocode the gold articles (optionally after the entity tagger) and score them."""
    from marsad.geo.step import geocode_article

    gold = read_jsonl(gold_path)
    articles = load_articles(corpus, {g["article_id"] for g in gold})
    missing = {g["article_id"] for g in gold} - set(articles)
    if missing:
        raise ValueError(f"gold articles not in {corpus}: {sorted(missing)[:5]}")
    system = {}
    tagger = None
    if with_ner:
        from marsad.pipeline import Pipeline

        # every sentence: the geocoder is scored on all its places, not only around events
        tagger = Pipeline.default(skip=("clean", "places", "actors", "events", "quotes"), entity_scope="all")
    for article_id, article in articles.items():
        if tagger is not None:
            tagged = tagger.process(article)
            if tagged.error:
                raise ValueError(f"entity tagging failed: {tagged.error}")
            article = tagged
        system[article_id] = list(geocode_article(article).places)
    return score(gold, system)
