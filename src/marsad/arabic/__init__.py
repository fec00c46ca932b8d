"""marsad.arabic: the Arabic text layer.

``normalize`` (matching form), ``tokenize`` (tokens with offsets, normalised
forms and clitic-free stems), ``split_sentences`` (sentence spans). Numbers and
dates live in :mod:`marsad.arabic.numbers` and :mod:`marsad.arabic.dates`.
Importing this package is cheap: the word-count table behind clitic
segmentation is read on the first tokenisation.
"""

from __future__ import annotations

from marsad.arabic.normalize import normalize
from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import tokenize

__all__ = ["normalize", "split_sentences", "tokenize"]
