"""Numpy CRF decoding against brute force on small random problems."""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

from marsad.ner.crf import CRFWeights, emissions, marginals, viterbi, viterbi_batch


def _path_score(em: np.ndarray, trans: np.ndarray, path: tuple[int, ...]) -> float:
    return float(sum(em[i, y] for i, y in enumerate(path)) + sum(trans[a, b] for a, b in zip(path, path[1:], strict=False)))


def test_viterbi_and_marginals_match_brute_force() -> None:
    rng = np.random.default_rng(0)
    for n in (1, 2, 4):
        em = rng.normal(size=(n, 3))
        trans = rng.normal(size=(3, 3))
        paths = list(itertools.product(range(3), repeat=n))
        scores = np.array([_path_score(em, trans, p) for p in paths])
        assert tuple(viterbi(em, trans)) == paths[int(scores.argmax())]
        probs = np.exp(scores - scores.max())
        probs /= probs.sum()
        expected = np.zeros((n, 3))
        for p, pr in zip(paths, probs, strict=True):
            for i, y in enumerate(p):
                expected[i, y] += pr
        np.testing.assert_allclose(marginals(em, trans), expected, atol=1e-9)


def test_emissions_sum_each_tokens_attribute_weights() -> None:
    state = np.array([[1.0, 0.0], [0.0, 2.0], [0.5, 0.5], [0.0, 0.0]])
    em = emissions(state, np.array([3, 0, 2, 3, 1, 1]), np.array([0, 3]))
    np.testing.assert_allclose(em, [[1.5, 0.5], [0.0, 4.0]])


def test_weights_round_trip(tmp_path: Path) -> None:
    w = CRFWeights(["O", "B-LOC"], {"w=a": 0, "w=b": 1}, np.eye(2, dtype=np.float32), np.ones((2, 2), np.float32))
    w.save(tmp_path / "m.npz")
    back = CRFWeights.load(tmp_path / "m.npz")
    assert back.labels == w.labels and back.attrs == w.attrs
    np.testing.assert_allclose(back.state, w.state)


def test_batched_viterbi_matches_one_by_one() -> None:
    rng = np.random.default_rng(1)
    ems = [rng.normal(size=(n, 9)).astype(np.float32) for n in (1, 5, 3, 17, 2, 17)]
    trans = rng.normal(size=(9, 9)).astype(np.float32)
    assert viterbi_batch(ems, trans) == [viterbi(e, trans) for e in ems]


def test_batched_viterbi_breaks_ties_as_one_by_one() -> None:
    # Small integers: many paths score alike, and both must pick the lowest labels.
    rng = np.random.default_rng(2)
    ems = [rng.integers(0, 2, size=(n, 9)).astype(np.float32) for n in (4, 1, 9, 2, 9, 6)]
    trans = rng.integers(-1, 2, size=(9, 9)).astype(np.float32)
    paths = viterbi_batch(ems, trans)
    assert paths == [viterbi(e, trans) for e in ems]
    assert len({tuple(p) for p in paths}) > 1
    flat = np.zeros((3, 9), np.float32)
    assert viterbi_batch([flat], np.zeros((9, 9), np.float32)) == [[0, 0, 0]]


def test_marginals_batch_matches_one_by_one() -> None:
    from marsad.ner.crf import marginals_batch

    rng = np.random.default_rng(1)
    trans = rng.normal(size=(4, 4))
    ems = [rng.normal(size=(n, 4)) for n in (3, 1, 7, 5, 7)]
    for em, got in zip(ems, marginals_batch(ems, trans), strict=True):
        np.testing.assert_allclose(got, marginals(em, trans), rtol=1e-9, atol=1e-12)
    assert marginals_batch([], trans) == []
