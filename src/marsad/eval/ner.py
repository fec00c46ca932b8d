"""Entity-level NER scoring, as conlleval computes it.

An entity is a maximal chunk of tokens with one type: it starts at ``B-X``, or at
``I-X`` after anything that is not ``B-X``/``I-X`` (conlleval's rule for an I- without
a B-). A predicted entity counts only when its span and type both match a gold one
exactly; precision, recall and F1 are micro-averaged over all entities.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

Chunk = tuple[int, int, str]  # start token, end token (exclusive), type


def chunks(tags: Sequence[str]) -> list[Chunk]:
    """The entities of one BIO sequence (conlleval chunking)."""
    out: list[Chunk] = []
    start, kind = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, t = tag.partition("-")
        continues = prefix == "I" and t == kind and start >= 0
        if start >= 0 and not continues:
            out.append((start, i, kind))
            start, kind = -1, ""
        if prefix in ("B", "I") and not continues:
            start, kind = i, t
    return out


@dataclass
class NerScore:
    """Counts of gold, predicted and correct entities, overall and per type."""

    gold: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)

    def add(self, gold_tags: Sequence[str], pred_tags: Sequence[str]) -> None:
        if len(gold_tags) != len(pred_tags):
            raise ValueError("gold and predicted sequences differ in length")
        g, p = set(chunks(gold_tags)), set(chunks(pred_tags))
        self.gold.update(c[2] for c in g)
        self.pred.update(c[2] for c in p)
        self.correct.update(c[2] for c in g & p)

    def prf(self, kind: str | None = None) -> tuple[float, float, float]:
        """Precision, recall, F1 in percent for one type, or overall when ``kind`` is None."""
        if kind is None:
            n_c, n_p, n_g = (sum(c.values()) for c in (self.correct, self.pred, self.gold))
        else:
            n_c, n_p, n_g = self.correct[kind], self.pred[kind], self.gold[kind]
        p = 100.0 * n_c / n_p if n_p else 0.0
        r = 100.0 * n_c / n_g if n_g else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    def types(self) -> list[str]:
        return sorted(set(self.gold) | set(self.pred))

    def report(self) -> str:
        """Per-type and overall lines; the last line is ``f1: NN.NN``."""
        lines = [f"{'type':<8}{'prec':>8}{'rec':>8}{'f1':>8}{'gold':>7}{'pred':>7}"]
        for kind in [*self.types(), None]:
            p, r, f = self.prf(kind)
            name = kind or "overall"
            g = self.gold[kind] if kind else sum(self.gold.values())
            n = self.pred[kind] if kind else sum(self.pred.values())
            lines.append(f"{name:<8}{p:8.2f}{r:8.2f}{f:8.2f}{g:7d}{n:7d}")
        lines.append(f"f1: {self.prf()[2]:.2f}")
        return "\n".join(lines)


def score(pairs: Iterable[tuple[Sequence[str], Sequence[str]]]) -> NerScore:
    """Score ``(gold_tags, predicted_tags)`` sentence pairs."""
    result = NerScore()
    for gold_tags, pred_tags in pairs:
        result.add(gold_tags, pred_tags)
    return result
