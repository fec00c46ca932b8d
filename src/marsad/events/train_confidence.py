"""Fit the event confidence model (``marsad train events-confidence``).

Runs the pipeline on the gold files' articles, labels each coded event 1 when the
scorer matches it to a gold event (``marsad.eval.events``) and 0 otherwise, and fits
an L2-regularised logistic regression over ``confidence.FEATURES`` (Newton steps,
deterministic). Writes the (bias, weights) table the coder ships. dev3 (articles the
coder was not tuned on) was held out to check the fit, then added to the default, as were dev4
and dev5 (the best picture of unseen news).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.events.confidence import FEATURES, SIGNS

DEFAULT_GOLDS = ("gold/events_dev.jsonl", "gold/events_dev.a.jsonl", "gold/events_dev2.jsonl",
                 "gold/events_dev3.f.jsonl", "gold/events_dev3.g.jsonl",
                 "gold/events_dev4.h.jsonl", "gold/events_dev4.i.jsonl",
                 "gold/events_dev5.j.jsonl", "gold/events_dev5.k.jsonl")  # dev sets only, never the test set
PACKAGE_TABLE = Path(__file__).resolve().parent.parent / "data" / "events" / "confidence.json"
#: Ridge strength: the golds hold about a hundred coded events, so weights stay small.
L2 = 1.0


def labelled_events(gold_path: str, news: Path) -> list[tuple[dict[str, float], int]]:
    """(features, matched?) for every event the pipeline codes on the gold's articles."""
    from marsad.eval.events import gold_article_ids, pairs_by_article, read_jsonl
    from marsad.events.coder import draft_events
    from marsad.events.merge import merge_with_features
    from marsad.ingest.fields import parse_datetime
    from marsad.model import Article, event_to_dict
    from marsad.pipeline import Pipeline

    gold = list(read_jsonl(gold_path))
    wanted = set(gold_article_ids(gold))
    pipeline = Pipeline.default(skip=("events", "quotes"))
    system: list[dict[str, Any]] = []
    feats: dict[int, dict[str, float]] = {}
    for row in read_jsonl(news):
        if row.get("docno") not in wanted:
            continue
        art = Article.create(row.get("text", ""), id=row["docno"], title=row.get("title", ""),
                             published=parse_datetime(row.get("time") or ""))
        done = pipeline.process(art)
        events, by_id = merge_with_features(draft_events(done), done.id)
        for e in events:
            d = {**event_to_dict(e, done.text), "article_id": done.id}
            feats[id(d)] = by_id[e.event_id]
            system.append(d)
    return [(feats[id(s)], int(g is not None)) for s, g in pairs_by_article(system, gold) if s is not None]


def fit(x: np.ndarray, y: np.ndarray, l2: float | None = None, steps: int = 50) -> np.ndarray:
    """Logistic regression by Newton's method; column 0 is the (unpenalised) bias."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2 if l2 is None else l2)
    penalty[0] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-9:
            break
    return w


def fit_signed(x: np.ndarray, y: np.ndarray, signs: Sequence[int]) -> np.ndarray:
    """``fit`` with each weight kept to its expected sign (column 0, the bias, is free): a
    weight of the wrong sign is fixed at zero and the rest refitted, until none is."""
    active = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        w[active] = fit(x[:, active], y)
        wrong = [k + 1 for k, s in enumerate(signs) if active[k + 1] and s * w[k + 1] < 0]
        if not wrong:
            return w
        active[max(wrong, key=lambda k: abs(w[k]))] = False


def train(golds: Sequence[str], news: Path, out: Path) -> str:
    """Fit on ``golds`` and write the table to ``out``; returns a one-line summary."""
    rows = [r for g in golds for r in labelled_events(g, news)]
    if not rows:
        raise ValueError("no coded events in the gold articles")
    x = np.array([[1.0] + [f[k] for k in FEATURES] for f, _ in rows])
    y = np.array([float(lab) for _, lab in rows])
    w = fit_signed(x, y, [SIGNS[k] for k in FEATURES])
    table = {
        "about": "logistic model of P(event matches gold); marsad train events-confidence",
        "trained_on": [Path(g).name for g in golds],
        "events": len(rows),
        "positives": int(y.sum()),
        "l2": L2,
        "bias": round(float(w[0]), 4),
        "weights": {k: round(float(v), 4) for k, v in zip(FEATURES, w[1:], strict=True)},
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(table, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from marsad.events.confidence import weights

    weights.cache_clear()
    return f"trained on {len(rows)} events ({int(y.sum())} matched) -> {out}"
