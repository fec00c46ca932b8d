"""Fit the event confidence model (``marsad train events-confidence``).

Runs the pipeline on the dev gold sets' articles, labels each coded event 1 when the
scorer matches it to a gold event (``marsad.eval.events``) and 0 otherwise, and fits an
L2-regularised logistic regression (Newton steps, deterministic: no sampling, no seed
needed) over the coder's evidence flags (``confidence.FEATURES``) and the lexical cues
(``features_lex``) seen in at least ``MIN_COUNT`` training events. Writes the table the
coder ships. ``events/cv_confidence.py`` scores the same recipe leave-one-set-out.
The unseen sets (dev7, the test set, dev8, dev9) are refused: they measure the result.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.events.confidence import FEATURES, SIGNS

GOLD_DIR = Path("gold")
#: The dev gold sets the model learns from, by name (dev.a/.b re-annotate dev's articles).
GOLD_SETS: dict[str, tuple[str, ...]] = {
    "dev": ("events_dev.jsonl",),
    "dev2": ("events_dev2.jsonl",),
    "dev3": ("events_dev3.f.jsonl", "events_dev3.g.jsonl"),
    "dev4": ("events_dev4.h.jsonl", "events_dev4.i.jsonl"),
    "dev5": ("events_dev5.j.jsonl", "events_dev5.k.jsonl"),
    "dev6": ("events_dev6.jsonl",),
}
#: Gold files that score the coder at the end, never learned from.
UNSEEN = ("dev7", "events_test", "dev8", "dev9")
PACKAGE_TABLE = Path(__file__).resolve().parent.parent / "data" / "events" / "confidence.json"
#: Ridge strength (chosen by inner cross-validation among ``L2_GRID``; see docs/gold.md).
L2 = 0.25
L2_GRID = (0.25, 1.0, 4.0)
#: The kinds of cue the model reads, of ``features_lex.PREFIXES``: the sub-event type, the
#: sentence's place, the event's age, other events of its type that day, a place abroad, a
#: district-level place, the article's number of events. Adding the words and word pairs of
#: the clause, the trigger and its context (``PREFIXES``, "all-cues" in ``scripts/events_cv.py``)
#: ranked held-out events worse; its filter gained a little F1 but dropped events the rule
#: tests expect (docs/gold.md, "Learned confidence").
STRUCTURAL = ("sub:", "type:", "sent:", "age:", "same:", "abroad", "geo:", "n:")
CUE_KINDS: tuple[str, ...] = STRUCTURAL
#: How many times stronger the ridge on the clause's words and word pairs is (there are many).
WORD_RIDGE = 1.0
#: A lexical cue gets a weight only when the events of this many training articles carry it
#: (counting events would let one article's list of twenty towns make its words cues).
MIN_COUNT = 3


@dataclass(frozen=True)
class Row:
    """One coded event: its gold set, features, whether it matched, and the event itself."""

    gold_set: str
    features: Mapping[str, float]
    label: int
    event: dict[str, Any]


def check_allowed(path: str | Path) -> None:
    """Refuse a gold file of the unseen sets."""
    if any(u in Path(path).name for u in UNSEEN):
        raise ValueError(f"{path}: an unseen gold set is never trained on")


def read_gold(files: Iterable[str | Path]) -> list[dict[str, Any]]:
    from marsad.eval.events import read_jsonl

    out: list[dict[str, Any]] = []
    for f in files:
        check_allowed(f)
        out.extend(read_jsonl(f))
    return out


def set_files(name: str, gold_dir: Path = GOLD_DIR) -> list[Path]:
    return [gold_dir / f for f in GOLD_SETS[name]]


def prepared_articles(ids: set[str], news: Path) -> dict[str, Any]:
    """The gold articles through the pipeline up to the actors (the events step is run by the caller)."""
    from marsad.eval.events import read_jsonl
    from marsad.ingest.fields import parse_datetime
    from marsad.model import Article
    from marsad.pipeline import Pipeline

    pipeline = Pipeline.default(skip=("events", "quotes"))
    out: dict[str, Any] = {}
    for row in read_jsonl(news):
        if row.get("docno") in ids:
            art = Article.create(row.get("text", ""), id=row["docno"], title=row.get("title", ""),
                                 published=parse_datetime(row.get("time") or ""))
            out[row["docno"]] = pipeline.process(art)
    return out


def labelled_rows(name: str, gold: list[dict[str, Any]], articles: Mapping[str, Any]) -> list[Row]:
    """(features, matched?) for every event the coder codes, unfiltered, on the gold's articles."""
    from marsad.eval.events import gold_article_ids, pairs_by_article
    from marsad.events.coder import draft_events
    from marsad.events.merge import merge_with_features
    from marsad.model import event_to_dict

    system: list[dict[str, Any]] = []
    feats: dict[int, dict[str, float]] = {}
    for aid in gold_article_ids(gold):
        art = articles[aid]
        if art.error:
            raise RuntimeError(f"{aid}: {art.error}")
        events, by_id = merge_with_features(draft_events(art), art.id, min_confidence=0.0)
        for e in events:
            d = {**event_to_dict(e, art.text), "article_id": art.id}
            feats[id(d)] = by_id[e.event_id]
            system.append(d)
    return [Row(name, feats[id(s)], int(g is not None), s) for s, g in pairs_by_article(system, gold) if s is not None]


def vocabulary(rows: Sequence[Row], lexical: bool = True, min_count: int = MIN_COUNT) -> list[str]:
    """The model's columns: the named features, then the lexical cues of ``min_count`` articles."""
    if not lexical:
        return list(FEATURES)
    seen = {(str(r.event.get("article_id", i)), k) for i, r in enumerate(rows) for k in r.features
            if k not in FEATURES and k.startswith(CUE_KINDS)}
    counts = Counter(k for _, k in seen)
    return list(FEATURES) + sorted(k for k, n in counts.items() if n >= min_count)


def row_weights(rows: Sequence[Row]) -> np.ndarray:
    """1/n for the n events an article codes from one evidence span (a list of towns is one
    decision of the coder, right or wrong together, so it counts as one example)."""
    def key(i: int, r: Row) -> tuple[str, str]:
        return str(r.event.get("article_id", i)), str(r.event.get("evidence_text") or r.event.get("evidence") or i)

    n = Counter(key(i, r) for i, r in enumerate(rows))
    return np.array([1.0 / n[key(i, r)] for i, r in enumerate(rows)])


def design(rows: Sequence[Row], columns: Sequence[str]) -> np.ndarray:
    """The design matrix: a bias column, then ``columns``."""
    x = np.zeros((len(rows), len(columns) + 1))
    x[:, 0] = 1.0
    index = {c: k + 1 for k, c in enumerate(columns)}
    for i, r in enumerate(rows):
        for k, v in r.features.items():
            if k in index:
                x[i, index[k]] = v
    return x


def fit(x: np.ndarray, y: np.ndarray, l2: float | np.ndarray | None = None, steps: int = 50,
        sample: np.ndarray | None = None) -> np.ndarray:
    """Weighted logistic regression by Newton's method; column 0 is the (unpenalised) bias;
    ``l2`` one ridge strength or one per column."""
    w = np.zeros(x.shape[1])
    s = np.ones(len(y)) if sample is None else sample
    penalty = np.array(np.broadcast_to(L2 if l2 is None else l2, x.shape[1]), dtype=float)
    penalty[0] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        grad = x.T @ (s * (p - y)) + penalty * w
        hess = (x.T * (s * p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if float(np.abs(step).max()) < 1e-8:
            break
    return w


def fit_signed(x: np.ndarray, y: np.ndarray, signs: Sequence[int], l2: float | np.ndarray | None = None,
               sample: np.ndarray | None = None) -> np.ndarray:
    """``fit`` with each of the first ``len(signs)`` weights after the bias kept to its expected
    sign (``confidence.SIGNS``; lexical columns after them are free): a weight of the wrong sign
    is fixed at zero and the rest refitted, until none is."""
    active = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        ridge = l2[active] if isinstance(l2, np.ndarray) else l2
        w[active] = fit(x[:, active], y, ridge, sample=sample)
        wrong = [k + 1 for k, s in enumerate(signs) if active[k + 1] and s * w[k + 1] < 0]
        if not wrong:
            return w
        active[max(wrong, key=lambda k: abs(w[k]))] = False


@dataclass(frozen=True)
class Model:
    columns: tuple[str, ...]
    w: np.ndarray

    def predict(self, rows: Sequence[Row]) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-design(rows, self.columns) @ self.w)))


def fit_rows(rows: Sequence[Row], l2: float = L2, lexical: bool = True) -> Model:
    """The model fitted on ``rows``."""
    columns = vocabulary(rows, lexical)
    y = np.array([float(r.label) for r in rows])
    ridge = np.array([l2] + [l2 * WORD_RIDGE if c.startswith(("w:", "b:")) else l2 for c in columns])
    w = fit_signed(design(rows, columns), y, [SIGNS[k] for k in FEATURES], ridge, row_weights(rows))
    return Model(tuple(columns), w)


def table(model: Model, rows: Sequence[Row], sets: Sequence[str], l2: float) -> dict[str, Any]:
    named = dict(zip(model.columns, model.w[1:], strict=True))
    return {
        "about": "logistic model of P(event matches gold); marsad train events-confidence",
        "trained_on": list(sets),
        "events": len(rows),
        "positives": int(sum(r.label for r in rows)),
        "l2": l2,
        "min_count": MIN_COUNT,
        "bias": round(float(model.w[0]), 4),
        "weights": {k: round(float(named[k]), 4) for k in FEATURES},
        "lexical": {k: round(float(v), 4) for k, v in named.items() if k not in FEATURES and round(float(v), 4)},
    }


def all_rows(sets: Sequence[str], news: Path, gold_dir: Path = GOLD_DIR,
             articles: Mapping[str, Any] | None = None) -> list[Row]:
    """The labelled events of every set in ``sets`` (``articles``: prepared ones, else run here)."""
    from marsad.eval.events import gold_article_ids

    golds = {s: read_gold(set_files(s, gold_dir)) for s in sets}
    if articles is None:
        ids = {a for g in golds.values() for a in gold_article_ids(g)}
        articles = prepared_articles(ids, news)
    return [r for s in sets for r in labelled_rows(s, golds[s], articles)]


def train(sets: Sequence[str], news: Path, out: Path, gold_dir: Path = GOLD_DIR) -> str:
    """Fit on ``sets`` and write the table to ``out``; returns a one-line summary."""
    rows = all_rows(sets, news, gold_dir)
    if not rows:
        raise ValueError("no coded events in the gold articles")
    model = fit_rows(rows)
    data = table(model, rows, sets, L2)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    from marsad.events.confidence import clear

    clear()
    return (f"trained on {len(rows)} events ({data['positives']} matched), {len(data['lexical'])} lexical "
            f"cues -> {out}")
