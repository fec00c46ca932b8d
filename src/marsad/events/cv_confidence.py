"""Leave-one-gold-set-out evaluation of the confidence model and its filter.

For each dev set: fit on the others, score the held-out one (AUC of the confidence, and
event F1 with the events below a threshold dropped, against F1 with all events). The ridge
strength and the threshold are chosen by an inner leave-one-set-out over the training sets
only (pooled inner F1), never by looking at the held-out set. ``scripts/events_cv.py`` prints
the table; ``marsad train events-confidence --cv`` too.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import numpy as np

from marsad.eval.events import f1_of
from marsad.events import train_confidence
from marsad.events.features_lex import PREFIXES
from marsad.events.train_confidence import L2_GRID, Row, fit_rows

#: Thresholds the inner cross-validation chooses among (0: no filter).
THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
Golds = Mapping[str, list[dict[str, Any]]]


def compare(rows: Sequence[Row], golds: Golds) -> dict[str, list[Fold]]:
    """The shipped recipe against the coder's 14 evidence flags alone and against every cue
    (the clause's words and word pairs, the trigger and its context too), each fold by fold."""
    return {"shipped": loso(rows, golds), "old-14": loso(rows, golds, lexical=False),
            "all-cues": loso(rows, golds, kinds=PREFIXES)}


@contextmanager
def cue_kinds(kinds: tuple[str, ...]) -> Iterator[None]:
    """Fit with these cue kinds instead of the shipped ones (for the comparison rows)."""
    old = train_confidence.CUE_KINDS
    train_confidence.CUE_KINDS = kinds
    try:
        yield
    finally:
        train_confidence.CUE_KINDS = old


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """The probability that a random matched event outranks a random unmatched one (ties half)."""
    pos, neg = scores[labels == 1], scores[labels == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def counts(rows: Sequence[Row], preds: np.ndarray, gold: list[dict[str, Any]], t: float) -> tuple[int, int, int]:
    """(matched, system, gold) events of one set when events below ``t`` are dropped (the scorer reruns)."""
    from marsad.eval.events import score

    sc = score([r.event for r, p in zip(rows, preds, strict=True) if p >= t], gold)
    return sc.tp, sc.n_system, sc.n_gold


def f1(c: Sequence[int]) -> float:
    """F1 of (matched, system, gold) counts."""
    return f1_of(c[0], c[1], c[2])


def _sum(cs: Sequence[Sequence[int]]) -> tuple[int, int, int]:
    return (sum(c[0] for c in cs), sum(c[1] for c in cs), sum(c[2] for c in cs))


def out_of_fold(rows: Sequence[Row], sets: Sequence[str], l2: float, lexical: bool) -> np.ndarray:
    """Each row's confidence from a model fitted on the other sets."""
    preds = np.zeros(len(rows))
    for held in sets:
        train = [r for r in rows if r.gold_set != held]
        idx = [i for i, r in enumerate(rows) if r.gold_set == held]
        if idx:
            preds[idx] = fit_rows(train, l2, lexical).predict([rows[i] for i in idx])
    return preds


def choose(rows: Sequence[Row], sets: Sequence[str], golds: Golds, lexical: bool) -> tuple[float, float]:
    """(l2, threshold) with the best pooled F1 of a leave-one-set-out over ``sets``."""
    best = (-1.0, L2_GRID[0], 0.0)
    for l2 in L2_GRID:
        preds = out_of_fold(rows, sets, l2, lexical)
        for t in THRESHOLDS:
            pooled = _sum([counts(*_of(rows, preds, s), golds[s], t) for s in sets])
            if f1(pooled) > best[0] + 1e-9:
                best = (f1(pooled), l2, t)
    return best[1], best[2]


def _of(rows: Sequence[Row], preds: np.ndarray, s: str) -> tuple[list[Row], np.ndarray]:
    idx = [i for i, r in enumerate(rows) if r.gold_set == s]
    return [rows[i] for i in idx], preds[idx]


@dataclass(frozen=True)
class Fold:
    held: str
    l2: float
    threshold: float
    auc: float
    without: tuple[int, int, int]
    with_filter: tuple[int, int, int]
    scores: tuple[float, ...] = ()
    labels: tuple[int, ...] = ()


def loso(rows: Sequence[Row], golds: Golds, lexical: bool = True, kinds: tuple[str, ...] | None = None) -> list[Fold]:
    """The outer leave-one-set-out: one ``Fold`` per set (``kinds``: the cue kinds read, default
    ``train_confidence.CUE_KINDS``)."""
    if kinds is not None:
        with cue_kinds(kinds):
            return loso(rows, golds, lexical)
    sets = list(golds)
    out = []
    for held in sets:
        train = [r for r in rows if r.gold_set != held]
        inner = [s for s in sets if s != held]
        l2, t = choose(train, inner, golds, lexical)
        test = [r for r in rows if r.gold_set == held]
        preds = fit_rows(train, l2, lexical).predict(test) if test else np.zeros(0)
        labels = np.array([r.label for r in test])
        out.append(Fold(held, l2, t, auc(preds, labels), counts(test, preds, golds[held], 0.0),
                        counts(test, preds, golds[held], t), tuple(preds.tolist()), tuple(labels.tolist())))
    return out


def report(models: Mapping[str, Sequence[Fold]]) -> str:
    """The table: per held-out set, F1 without the filter, then each model's F1 with its filter
    (threshold, ridge) and its AUC; the last row pools the sets (F1 over all their events, and
    the AUC of all held-out confidences together)."""
    names = list(models)
    head = "| set | F1 no filter | " + " | ".join(f"F1 {n} (t, l2) | AUC {n}" for n in names) + " |"
    lines = [head, "|---" * (2 + 2 * len(names)) + "|"]
    first = models[names[0]]
    for k, fold in enumerate(first):
        cells = [f"{f1(fs[k].with_filter):.3f} ({fs[k].threshold:.2f}, {fs[k].l2:g}) | {fs[k].auc:.3f}"
                 for fs in models.values()]
        lines.append(f"| {fold.held} | {f1(fold.without):.3f} | " + " | ".join(cells) + " |")
    cells = [f"{f1(_sum([f.with_filter for f in fs])):.3f} | {pooled_auc(fs):.3f}" for fs in models.values()]
    lines.append(f"| pooled | {f1(_sum([f.without for f in first])):.3f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def pooled_auc(folds: Sequence[Fold]) -> float:
    """AUC of every set's held-out confidences together."""
    return auc(np.array([s for f in folds for s in f.scores]), np.array([k for f in folds for k in f.labels]))
