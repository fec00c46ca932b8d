"""The shipped entity tagger: two linear-chain CRF passes over cached word features.

The first pass tags each sentence alone; the second also sees which entity types the
first pass gave each word in the surrounding sentences (:mod:`marsad.ner.stack`).
``load_tagger()`` loads the packaged models once per process, on first use.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from marsad.ner.crf import CRFWeights, emissions, marginals, viterbi
from marsad.ner.features import DocTypes, FeatureExtractor
from marsad.ner.lexicon import DATA_DIR, Lexicon

MODEL_PATH = DATA_DIR / "crf.npz"
FIRST_PASS = "crf1.npz"


class Pass:
    """One CRF with its feature extractor."""

    def __init__(self, weights: CRFWeights, lexicon: Lexicon) -> None:
        self.labels = weights.labels
        self.trans = weights.trans
        # A zero row for the padding attribute that every token carries.
        self.state = np.vstack([weights.state, np.zeros((1, len(self.labels)), np.float32)])
        self.features = FeatureExtractor(lexicon, weights.attrs)

    def emissions(self, words: list[str], doc: DocTypes | None = None) -> np.ndarray:
        flat, offsets = self.features.sentence_ids(words, doc)
        return emissions(self.state, np.array(flat, dtype=np.intp), np.array(offsets, dtype=np.intp))

    def tag(self, words: list[str], doc: DocTypes | None = None) -> list[str]:
        if not words:
            return []
        labels = self.labels
        return [labels[i] for i in viterbi(self.emissions(words, doc), self.trans)]


class Tagger:
    """BIO tagger over PERS/LOC/ORG/MISC; tags a document (a list of sentences) at once."""

    def __init__(self, model: str | Path = MODEL_PATH, lexicon: Lexicon | None = None) -> None:
        path = Path(model)
        if not path.is_file():
            raise FileNotFoundError(f"NER model not found: {path} (run `marsad train ner`)")
        lex = lexicon if lexicon is not None else Lexicon.load(path.parent)
        self.final = Pass(CRFWeights.load(path), lex)
        first = path.with_name(FIRST_PASS)
        self.first = Pass(CRFWeights.load(first), replace(lex, names={})) if first.is_file() else None
        self.features = self.final.features

    def clear_cache(self) -> None:
        self.final.features.clear_cache()
        if self.first:
            self.first.features.clear_cache()

    def documents(self, sentences: list[list[str]]) -> list[DocTypes | None]:
        """Per sentence, the first pass's entity types of nearby words (None without one)."""
        if self.first is None:
            return [None] * len(sentences)
        from marsad.ner.stack import doc_windows, typed_words

        first, fx = self.first, self.first.features
        typed = [typed_words(fx, words, first.tag(words)) for words in sentences]
        return list(doc_windows(typed))

    def tag_document(self, sentences: list[list[str]]) -> list[list[str]]:
        """BIO labels for each sentence of one document."""
        docs = self.documents(sentences)
        return [self.final.tag(words, doc) for words, doc in zip(sentences, docs, strict=True)]

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence on its own."""
        return self.tag_document([words])[0]

    def scored_document(
        self, sentences: list[list[str]]
    ) -> list[tuple[list[str], list[float]]]:
        """Labels and each label's marginal probability, for each sentence."""
        out: list[tuple[list[str], list[float]]] = []
        for words, doc in zip(sentences, self.documents(sentences), strict=True):
            if not words:
                out.append(([], []))
                continue
            em = self.final.emissions(words, doc)
            path = viterbi(em, self.final.trans)
            probs = marginals(em, self.final.trans)
            labels = [self.final.labels[i] for i in path]
            out.append((labels, [float(probs[t, i]) for t, i in enumerate(path)]))
        return out


@lru_cache(maxsize=4)
def load_tagger(model: str | None = None) -> Tagger:
    """The tagger for ``model`` (default: the packaged one), loaded once."""
    return Tagger(Path(model) if model else MODEL_PATH)
