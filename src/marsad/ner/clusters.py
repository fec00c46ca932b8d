"""Learn word clusters from unlabelled Arabic news (training time only).

Why: ANERcorp is small, so most names at test time were never seen in training.
Words that occur in the same contexts in a large news corpus (ANT, 31k articles)
fall in the same cluster, which lets the tagger generalise from a seen name to an
unseen one. Method, numpy only: direction-aware co-occurrence counts with the most
frequent context words (±1, ±2), positive PMI with context smoothing, a randomized
truncated SVD fitted on the frequent words (rarer words folded in), then spherical
k-means at several granularities. The result is a table ``word -> cluster ids``.
"""

from __future__ import annotations

import gzip
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import numpy as np

from marsad.ner.text import TOKEN_RE, corpus_texts, normalize

OFFSETS = (-2, -1, 1, 2)


def corpus_sentences(path: str | Path, limit: int = 0) -> Iterator[list[str]]:
    """Normalised token lists of each article (title, then text) of a JSONL(.gz) file."""
    for text in corpus_texts(path, limit):
        yield TOKEN_RE.findall(normalize(text))


def _pair_counts(
    docs: list[np.ndarray], n_ctx: int, n_vocab: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sorted unique keys ``word * (4 * n_ctx) + slot * n_ctx + ctx`` and their counts."""
    width = len(OFFSETS) * n_ctx
    keys_all: list[np.ndarray] = []
    cnts_all: list[np.ndarray] = []
    batch: list[np.ndarray] = []

    def flush() -> None:
        if batch:
            k, c = np.unique(np.concatenate(batch), return_counts=True)
            keys_all.append(k)
            cnts_all.append(c)
            batch.clear()

    for n, ids in enumerate(docs):
        for slot, d in enumerate(OFFSETS):
            w, c = (ids[-d:], ids[:d]) if d < 0 else (ids[:-d], ids[d:])
            ok = (w < n_vocab) & (c < n_ctx)
            batch.append(w[ok].astype(np.int64) * width + slot * n_ctx + c[ok])
        if n % 2000 == 1999:
            flush()
    flush()
    keys, inv = np.unique(np.concatenate(keys_all), return_inverse=True)
    counts = np.bincount(inv, weights=np.concatenate(cnts_all)).astype(np.float64)
    return keys, counts


def _ppmi_rows(
    keys: np.ndarray, counts: np.ndarray, rows: range, width: int, ctx_p: np.ndarray
) -> np.ndarray:
    """Dense PPMI matrix for a range of word ids."""
    lo = np.searchsorted(keys, rows.start * width)
    hi = np.searchsorted(keys, rows.stop * width)
    m = np.zeros((len(rows), width), dtype=np.float32)
    k = keys[lo:hi]
    m[k // width - rows.start, k % width] = counts[lo:hi]
    tot = m.sum(axis=1, keepdims=True)
    tot[tot == 0] = 1.0
    with np.errstate(divide="ignore"):
        pmi = np.log(m / tot / ctx_p[None, :])
    return np.maximum(pmi, 0.0).astype(np.float32)


def _svd(m: np.ndarray, dim: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Randomized truncated SVD: ``(U * S, Vt)`` with ``dim`` components."""
    omega = rng.standard_normal((m.shape[1], dim + 20)).astype(np.float32)
    q, _ = np.linalg.qr(m @ omega)
    q, _ = np.linalg.qr(m @ (m.T @ q))
    u_b, s, vt = np.linalg.svd(q.T @ m, full_matrices=False)
    return (q @ u_b[:, :dim]) * s[:dim], vt[:dim]


def kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iters: int = 25) -> np.ndarray:
    """Spherical k-means on unit rows (k-means++-lite init from random rows); labels."""
    cent = x[rng.choice(len(x), size=k, replace=False)].copy()
    labels = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        labels = np.concatenate(
            [np.argmax(x[i : i + 20000] @ cent.T, axis=1) for i in range(0, len(x), 20000)]
        )
        for j in range(cent.shape[1]):
            cent[:, j] = np.bincount(labels, weights=x[:, j], minlength=k)
        norms = np.linalg.norm(cent, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        cent[empty] = x[rng.choice(len(x), size=int(empty.sum()), replace=False)]
        norms[empty] = 1.0
        cent /= norms
    return labels


def _embed(
    keys: np.ndarray, counts: np.ndarray, slots: tuple[int, ...], n_ctx: int, n_words: int,
    n_fit: int, dim: int, rng: np.random.Generator,
) -> np.ndarray:
    """Unit-length SVD embeddings of every word from the PPMI over the given context slots."""
    width_all = len(OFFSETS) * n_ctx
    col = keys % width_all
    keep = np.isin(col // n_ctx, slots)
    remap = np.full(len(OFFSETS), -1)
    remap[list(slots)] = np.arange(len(slots))
    width = len(slots) * n_ctx
    k2 = (keys[keep] // width_all) * width + remap[col[keep] // n_ctx] * n_ctx + col[keep] % n_ctx
    c2 = counts[keep]
    ctx = np.bincount(k2 % width, weights=c2, minlength=width) ** 0.75
    ctx_p = (ctx / ctx.sum()).astype(np.float32) + 1e-12
    n_fit = min(n_fit, n_words)
    us, vt = _svd(_ppmi_rows(k2, c2, range(0, n_fit), width, ctx_p), dim, rng)
    emb = [us]  # vt rows are orthonormal, so a rarer word folds in as m @ vt.T
    for lo in range(n_fit, n_words, 20000):
        rows = range(lo, min(lo + 20000, n_words))
        emb.append(_ppmi_rows(k2, c2, rows, width, ctx_p) @ vt.T)
    x = np.concatenate(emb).astype(np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)
    return x


#: Cluster sets: (context slots of OFFSETS, cluster counts). Both sides, then left-only
#: and right-only contexts (what precedes a name differs from what follows it).
CLUSTER_SETS: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = (
    ((0, 1, 2, 3), (32, 128, 512, 2048)),
    ((0, 1), (256, 1024)),
    ((2, 3), (256, 1024)),
)


def learn_clusters(
    corpus: str | Path,
    *,
    seed: int = 13,
    min_count: int = 5,
    n_fit: int = 40_000,
    n_ctx: int = 1000,
    dim: int = 120,
    sets: tuple[tuple[tuple[int, ...], tuple[int, ...]], ...] = CLUSTER_SETS,
    limit: int = 0,
) -> tuple[list[str], np.ndarray, Counter[str]]:
    """Words (by frequency), their cluster ids (one column per k) and word counts."""
    rng = np.random.default_rng(seed)
    docs_tok = list(corpus_sentences(corpus, limit))
    freq: Counter[str] = Counter()
    for toks in docs_tok:
        freq.update(toks)
    vocab = [w for w, c in freq.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    unk = len(vocab) + n_ctx
    docs = [np.fromiter((index.get(t, unk) for t in toks), np.int64, len(toks)) for toks in docs_tok]
    del docs_tok
    keys, counts = _pair_counts(docs, n_ctx, len(vocab))
    columns = []
    for slots, ks in sets:
        x = _embed(keys, counts, slots, n_ctx, len(vocab), n_fit, dim, rng)
        columns += [kmeans(x, k, rng) for k in ks]
    return vocab, np.stack(columns, axis=1), freq


def write_table(path: str | Path, vocab: list[str], labels: np.ndarray) -> None:
    """Gzipped TSV ``word<TAB>id_k1<TAB>id_k2...`` (mtime 0, so builds are byte-stable)."""
    lines = "".join(w + "\t" + "\t".join(map(str, row)) + "\n" for w, row in zip(vocab, labels.tolist(), strict=True))
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(lines.encode("utf-8"))
