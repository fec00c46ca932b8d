"""``load_tagger``, and the two-pass CRF tagger (``marsad train ner --crf``; the shipped
model is the network of :mod:`marsad.ner.neural`, whose stand-in first pass in
training is :class:`Pass`). The CRF: two linear-chain passes over cached word features.

The first pass tags each sentence alone; the second also sees which entity types the
first pass gave each word in the surrounding sentences (:mod:`marsad.ner.stack`).
Both passes read one per-word feature cache and one attribute index (their weight
matrices are aligned to it), so a word's features are built once. A document's
sentences are scored with one gather and decoded together.
``load_tagger()`` loads the packaged model once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from marsad.ner.crf import (
    CRFWeights,
    DocumentTagging,
    Scored,
    decode_document,
    emissions,
    merged,
    viterbi_batch,
)
from marsad.ner.features import DocTypes, FeatureExtractor
from marsad.ner.lexicon import DATA_DIR, Lexicon

if TYPE_CHECKING:
    from marsad.ner.neural import NeuralTagger

MODEL_PATH = DATA_DIR / "crf.npz"
FIRST_PASS = "crf1.npz"

Batch = tuple[np.ndarray, np.ndarray]


def _aligned(w: CRFWeights, index: dict[str, int]) -> np.ndarray:
    """State weights re-indexed to ``index`` (plus a zero row for the padding id)."""
    state = np.zeros((len(index) + 1, len(w.labels)), dtype=np.float32)
    rows = np.array([index[a] for a in w.attrs], dtype=np.intp)
    state[rows] = w.state[np.array(list(w.attrs.values()), dtype=np.intp)]
    return state


def _batch(pairs: list[tuple[list[int], list[int]]]) -> Batch:
    """Concatenate per-sentence ``(ids, offsets)`` into one pair of arrays."""
    flat: list[int] = []
    offsets: list[int] = []
    for ids, offs in pairs:
        base = len(flat)
        flat += ids
        offsets += [base + o for o in offs]
    return np.array(flat, dtype=np.intp), np.array(offsets, dtype=np.intp)


class Pass:
    """One CRF with its own feature extractor (used for training-time tagging)."""

    def __init__(self, weights: CRFWeights, lexicon: Lexicon) -> None:
        self.labels = weights.labels
        self.trans = weights.trans
        self.features = FeatureExtractor(lexicon, weights.attrs)
        self.state = _aligned(weights, weights.attrs)

    def tag(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels of each non-empty sentence."""
        ids, offs = _batch([self.features.sentence_ids(w) for w in sentences])
        lengths = np.cumsum([len(w) for w in sentences])[:-1]
        ems = np.split(emissions(self.state, ids, offs), lengths)
        return [[self.labels[i] for i in p] for p in viterbi_batch(ems, self.trans)]


class Tagger(DocumentTagging):
    """BIO tagger over PERS/LOC/ORG/MISC; tags a document (a list of sentences) at once."""

    def __init__(self, model: str | Path = MODEL_PATH, lexicon: Lexicon | None = None) -> None:
        path, first = Path(model), Path(model).with_name(FIRST_PASS)
        for p in (path, first):
            if not p.is_file():
                raise FileNotFoundError(f"NER model not found: {p} (run `marsad train ner`)")
        final_w, first_w = CRFWeights.load(path), CRFWeights.load(first)
        if final_w.labels != first_w.labels:
            raise ValueError("the two NER passes have different label sets")
        index = {a: i for i, a in enumerate(sorted(set(final_w.attrs) | set(first_w.attrs)))}
        self.labels = final_w.labels
        self.trans1, self.trans2 = first_w.trans, final_w.trans
        self.state1, self.state2 = _aligned(first_w, index), _aligned(final_w, index)
        lex = lexicon if lexicon is not None else Lexicon.load(path.parent)
        self.features = FeatureExtractor(lex, index)

    def clear_cache(self) -> None:
        self.features.clear_cache()

    def _emissions(self, sentences: list[list[str]], groups: list[int] | None = None) -> list[np.ndarray]:
        """Second-pass label scores of each (non-empty) sentence of a document (or piece
        of a sentence: ``groups``, as in :func:`marsad.ner.crf.decode_document`)."""
        from marsad.ner.stack import doc_windows, typed_words

        fx = self.features
        cuts = np.cumsum([len(w) for w in sentences])[:-1]
        ids, offs = _batch([fx.sentence_ids(w) for w in sentences])
        first = np.split(emissions(self.state1, ids, offs), cuts)
        paths = viterbi_batch(first, self.trans1)
        typed = [
            typed_words(fx, w, [self.labels[i] for i in p])
            for w, p in zip(sentences, paths, strict=True)
        ]
        if groups is None:
            docs: list[DocTypes] = list(doc_windows(typed))
        else:
            by_group = list(doc_windows(merged(typed, groups)))
            docs = [by_group[g] for g in groups]
        d_ids, d_offs = _batch([fx.doc_ids(w, d) for w, d in zip(sentences, docs, strict=True)])
        em = emissions(self.state2, ids, offs) + emissions(self.state2, d_ids, d_offs)
        return np.split(em, cuts)

    def scored_document(
        self, sentences: list[list[str]], scores: bool = True, groups: list[int] | None = None
    ) -> Scored:
        """Labels and (with ``scores``) each label's marginal probability, per sentence."""
        return decode_document(sentences, self._emissions, self.trans2, self.labels, scores, groups)


@lru_cache(maxsize=4)
def load_tagger(model: str | None = None) -> Tagger | NeuralTagger:
    """The tagger for a model file, a network (``.npz`` with ``w_inp``) or a CRF, loaded
    once; by default the packaged network."""
    from marsad.ner.neural import MODEL_FILE, NeuralTagger, is_network

    path = Path(model) if model else DATA_DIR / MODEL_FILE
    if not path.is_file():
        raise FileNotFoundError(f"NER model not found: {path} (run `marsad train ner`)")
    return NeuralTagger(path) if is_network(path) else Tagger(path)
