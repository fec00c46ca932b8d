"""Linear-chain CRF inference in numpy, from weights trained by crfsuite.

Why not crfsuite's own tagger: passing ~40 feature strings per token into C costs
more than the tagging itself, and its decoder cannot be biased. Here each word's
feature ids are computed once (cached by the feature extractor), a sentence's
emission scores are one gather and one segmented sum, and Viterbi runs over the 9
labels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import numpy as np


@dataclass
class CRFWeights:
    """Attribute index, state weights ``[attribute, label]``, transitions ``[from, to]``."""

    labels: list[str]
    attrs: dict[str, int]
    state: np.ndarray
    trans: np.ndarray

    @classmethod
    def from_crfsuite(cls, path: str | Path) -> CRFWeights:
        """Read a model file written by crfsuite's trainer."""
        import pycrfsuite

        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        info = tagger.info()
        labels = sorted(info.labels, key=lambda x: (x != "O", x))
        li = {x: i for i, x in enumerate(labels)}
        names = sorted({a for a, _ in info.state_features})
        attrs = {a: i for i, a in enumerate(names)}
        state = np.zeros((len(names), len(labels)), dtype=np.float32)
        for (a, lab), w in info.state_features.items():
            state[attrs[a], li[lab]] = w
        trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
        for (a, b), w in info.transitions.items():
            trans[li[a], li[b]] = w
        return cls(labels, attrs, state, trans)

    def save(self, path: str | Path) -> None:
        """Compressed ``.npz``: labels, attribute names, float16 weights."""
        with open(path, "wb") as f:
            np.savez_compressed(
                f,
                labels=np.array(self.labels),
                attrs=np.array(list(self.attrs)),
                state=self.state.astype(np.float16),
                trans=self.trans,
            )

    @classmethod
    def load(cls, path: str | Path) -> CRFWeights:
        with np.load(path) as z:
            attrs = {str(a): i for i, a in enumerate(z["attrs"].tolist())}
            return cls(
                [str(x) for x in z["labels"].tolist()], attrs, z["state"].astype(np.float32),
                z["trans"].astype(np.float32),
            )


def emissions(state: np.ndarray, ids: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """Per-token label scores: the sum of the state weights of each token's attributes.

    ``ids`` holds all tokens' attribute ids back to back; ``offsets[i]`` is where token
    ``i`` starts (every token must have at least one attribute)."""
    result: np.ndarray = np.add.reduceat(state[ids], offsets, axis=0)
    return result


def viterbi(em: np.ndarray, trans: np.ndarray) -> list[int]:
    """Best label path for emission scores ``[n, labels]``."""
    n = len(em)
    back = np.empty((n, em.shape[1]), dtype=np.intp)
    score = em[0]
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + em[i]
    best = int(score.argmax())
    path = [best]
    for i in range(n - 1, 0, -1):
        best = int(back[i, best])
        path.append(best)
    return path[::-1]


def marginals(em: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Label marginal probabilities ``[n, labels]`` (forward-backward in log space)."""
    n, k = em.shape
    alpha = np.empty((n, k))
    beta = np.zeros((n, k))
    alpha[0] = em[0]
    for i in range(1, n):
        alpha[i] = np.logaddexp.reduce(alpha[i - 1][:, None] + trans, axis=0) + em[i]
    for i in range(n - 2, -1, -1):
        beta[i] = np.logaddexp.reduce(trans + (em[i + 1] + beta[i + 1])[None, :], axis=1)
    logz = np.logaddexp.reduce(alpha[-1])
    return np.exp(alpha + beta - logz)


def _padded(ems: list[np.ndarray], dtype: type) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Sentences longest first as one position-major array ``[position, sentence, label]``
    (zero-padded), their order, lengths, and how many are still running at each
    position (a prefix of the batch, since they are sorted)."""
    lens = np.array([len(e) for e in ems])
    order = np.argsort(-lens, kind="stable")
    lengths = lens[order]
    em: np.ndarray = np.zeros((int(lengths[0]), len(ems), ems[0].shape[1]), dtype=dtype)
    for row, b in enumerate(order.tolist()):
        em[: lengths[row], row] = ems[b]
    live = np.searchsorted(-lengths, -np.arange(len(em)), side="left").tolist()
    return em, order, lengths, live


def viterbi_batch(ems: list[np.ndarray], trans: np.ndarray) -> list[list[int]]:
    """:func:`viterbi` for many sentences at once: one numpy step per position, not per
    position and sentence (ties go to the lowest label, as in :func:`viterbi`)."""
    if not ems:
        return []
    em, order, lengths, live = _padded(ems, np.float32)
    n, b, k = em.shape
    dtype = np.result_type(np.float32, trans.dtype)
    t_from = trans.astype(dtype)[:, None, :]
    best = np.empty((n, b, k), dtype=dtype)  # each position's best score ending in each label
    best[0] = em[0]
    buf = np.empty(k * b * k, dtype=dtype)
    maximum = np.maximum.reduce
    m = 0
    for i in range(1, n):
        if live[i] != m:  # a view for the running sentences, made again when one ends
            m = live[i]
            c = buf[: k * m * k].reshape(k, m, k)
        # [from, sentence, to]: the max runs over the outer axis, elementwise over
        # contiguous rows (numpy reduces a short inner axis slowly).
        np.add(best[i - 1, :m].T[:, :, None], t_from, out=c)
        maximum(c, axis=0, out=best[i, :m])  # the ufunc itself: ``c.max`` adds a Python call per step
        best[i, :m] += em[i, :m]
    return _backtrack(best, trans.astype(dtype).T.copy(), order, lengths, live)


def _backtrack(
    best: np.ndarray, t_to: np.ndarray, order: np.ndarray, lengths: np.ndarray, live: list[int]
) -> list[list[int]]:
    """The best paths from :func:`viterbi_batch`'s scores: each position's label is the
    argmax, over the labels before, of their score plus the transition to the label
    after (the same sums as the forward pass, so the same ties). Only the path's back
    pointers are found, not every label's: an argmax over ``[sentences, labels]``
    instead of ``[labels, sentences, labels]`` at each position."""
    n, b, _ = best.shape
    paths = np.zeros((n, b), dtype=np.intp)
    rows = np.arange(b)
    paths[lengths - 1, rows] = best[lengths - 1, rows].argmax(axis=1)
    for i in range(n - 1, 0, -1):
        m = live[i]
        cand = best[i - 1, :m] + t_to[paths[i, :m]]
        cand.argmax(axis=1, out=paths[i - 1, :m])
    cols = paths.T.tolist()
    out: list[list[int]] = [[] for _ in range(b)]
    for row, s in enumerate(order.tolist()):
        out[s] = cols[row][: lengths[row]]
    return out


def marginals_batch(ems: list[np.ndarray], trans: np.ndarray) -> list[np.ndarray]:
    """:func:`marginals` for many sentences at once, one numpy step per position (the
    running sentences a prefix of the batch, as in :func:`viterbi_batch`). In
    probabilities rescaled at each position rather than logs: a step is one small
    matmul instead of a log-sum-exp over every label pair, and the result agrees
    with :func:`marginals` to about 1e-12 (labels never depend on it)."""
    if not ems:
        return []
    em, order, lengths, live = _padded(ems, np.float64)
    n = len(em)
    t = trans.astype(np.float64)
    step = np.exp(t - t.max())  # a constant factor: the rescaling removes it
    p = np.exp(em - em.max(axis=2, keepdims=True))
    alpha = np.ones_like(p)  # ones past a sentence's end: harmless, sliced off
    beta = np.ones_like(p)
    alpha[0] = p[0] / p[0].sum(axis=1, keepdims=True)
    total = np.add.reduce  # the ufunc itself: ``a.sum`` adds a Python call per step
    m = 0
    for i in range(1, n):
        if live[i] != m:  # views for the running sentences, as in viterbi_batch
            m = live[i]
            alpha_m, p_m = alpha[:, :m], p[:, :m]
        a = alpha_m[i - 1] @ step
        a *= p_m[i]
        np.divide(a, total(a, axis=1, keepdims=True), out=alpha_m[i])
    m, step_t = 0, step.T.copy()
    for i in range(n - 2, -1, -1):
        if live[i + 1] != m:
            m = live[i + 1]
            beta_m, p_m = beta[:, :m], p[:, :m]
        b = (p_m[i + 1] * beta_m[i + 1]) @ step_t
        np.divide(b, total(b, axis=1, keepdims=True), out=beta_m[i])
    probs = alpha * beta
    probs /= probs.sum(axis=2, keepdims=True)
    out: list[np.ndarray] = [probs[:0, 0]] * len(ems)
    for row, s in enumerate(order.tolist()):
        out[s] = probs[: lengths[row], row]
    return out


Scored = list[tuple[list[str], list[float]]]
T = TypeVar("T")


def merged(items: list[list[T]], groups: list[int]) -> list[list[T]]:
    """The items of each group end to end (pieces of one sentence, ``groups`` sorted, as
    :func:`decode_document` takes them); a group without items stays, empty."""
    out: list[list[T]] = [[] for _ in range(max(groups, default=-1) + 1)]
    for g, item in zip(groups, items, strict=True):
        out[g] += item
    return out


def decode(ems: list[np.ndarray], trans: np.ndarray, labels: list[str], scores: bool) -> Scored:
    """Labels and (with ``scores``) each label's marginal probability for each emission
    matrix, all in one batch (each matrix's result is its own: the steps are
    elementwise over the batch)."""
    margs = marginals_batch(ems, trans) if scores else []
    out: Scored = []
    for n, path in enumerate(viterbi_batch(ems, trans)):
        probs = margs[n][np.arange(len(path)), path].tolist() if scores else []
        out.append(([labels[i] for i in path], probs))
    return out


def decode_document(
    sentences: list[list[str]],
    emissions_of: Callable[[list[list[str]], list[int] | None], list[np.ndarray]],
    trans: np.ndarray,
    labels: list[str],
    scores: bool,
    groups: list[int] | None = None,
) -> Scored:
    """Labels and (with ``scores``) each label's marginal probability, per sentence, from
    a tagger's emission scores: the decoding every tagger here shares. ``groups``: the
    document sentence of each item, where items are pieces of sentences (its document
    layer reads sentences); by default each item is one."""
    out: Scored = [([], []) for _ in sentences]
    keep = [k for k, words in enumerate(sentences) if words]
    if not keep:
        return out
    ems = emissions_of([sentences[k] for k in keep], [groups[k] for k in keep] if groups is not None else None)
    for k, done in zip(keep, decode(ems, trans, labels, scores), strict=True):
        out[k] = done
    return out


class DocumentTagging:
    """``tag_document`` and ``tag`` for a tagger that defines ``scored_document``."""

    def scored_document(
        self, sentences: list[list[str]], scores: bool = True, groups: list[int] | None = None
    ) -> Scored:
        """Labels and (with ``scores``) their marginals per sentence, or per piece of a
        sentence with ``groups`` (see :func:`decode_document`)."""
        raise NotImplementedError

    def scored_documents(
        self, documents: list[tuple[list[list[str]], list[int] | None]], scores: bool = True
    ) -> list[Scored]:
        """:meth:`scored_document` of each ``(sentences, groups)``; a tagger may decode
        them together, with the same results."""
        return [self.scored_document(sentences, scores, groups) for sentences, groups in documents]

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence of one document."""
        return [tags for tags, _ in self.scored_document(sentences, scores=False)]

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence on its own."""
        return self.tag_document([words])[0]
