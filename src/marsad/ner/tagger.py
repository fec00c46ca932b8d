"""The shipped entity tagger: a CRF over cached word features (python-crfsuite, in C).

``load_tagger()`` loads the packaged model once per process, on first use.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from marsad.ner.features import FeatureExtractor
from marsad.ner.lexicon import DATA_DIR, Lexicon

MODEL_PATH = DATA_DIR / "crf.model"


class Tagger:
    """BIO tagger over PERS/LOC/ORG/MISC for one sentence of words at a time."""

    def __init__(self, model: str | Path = MODEL_PATH, lexicon: Lexicon | None = None) -> None:
        import pycrfsuite

        path = Path(model)
        if not path.is_file():
            raise FileNotFoundError(f"NER model not found: {path} (run `marsad train ner`)")
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(path))
        known = frozenset(attr for attr, _ in self._crf.info().state_features)
        lex = lexicon if lexicon is not None else Lexicon.load(path.parent)
        self.features = FeatureExtractor(lex, known | {"BOS", "EOS"})

    def tag(self, words: list[str]) -> list[str]:
        """BIO labels for one sentence."""
        if not words:
            return []
        tags: list[str] = self._crf.tag(self.features.sentence(words))
        return tags

    def tag_with_scores(self, words: list[str]) -> tuple[list[str], list[float]]:
        """BIO labels and each label's marginal probability."""
        tags = self.tag(words)
        marginal = self._crf.marginal
        return tags, [marginal(t, i) for i, t in enumerate(tags)]


@lru_cache(maxsize=4)
def load_tagger(model: str | None = None) -> Tagger:
    """The tagger for ``model`` (default: the packaged one), loaded once."""
    return Tagger(Path(model) if model else MODEL_PATH)
