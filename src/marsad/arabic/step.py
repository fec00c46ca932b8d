"""Pipeline step: language, tokens and sentences for an article."""

from __future__ import annotations

import re

from marsad.arabic.sentences import split_sentences
from marsad.arabic.tokenize import Tokens
from marsad.model import Article

_ARABIC_RUN = re.compile("[\u0621-\u064a\u0671-\u06d3\ufb50-\ufdff\ufe70-\ufefc]+")
_LATIN_RUN = re.compile("[A-Za-z]+")
_ENGLISH = re.compile(r"\b(?:the|and|of|to|in|is|that|for|with|was|on)\b", re.IGNORECASE)
_SAMPLE = 20_000


def detect_language(text: str) -> str:
    """ "ar" when Arabic letters dominate; "en" for Latin-script English; else "other".

    Arabic letters are counted only until they reach the Latin ones: in Arabic
    news that is the first run or two, not every letter of the sample.
    """
    sample = text[:_SAMPLE]
    latin = sum(map(len, _LATIN_RUN.findall(sample)))
    arabic = 0
    for run in _ARABIC_RUN.finditer(sample):
        arabic += run.end() - run.start()
        if arabic >= latin:
            return "ar"
    if latin and len(_ENGLISH.findall(sample)) * 25 >= latin:
        return "en"  # roughly one common English function word per 25 letters
    return "other"


def annotate(article: Article) -> Article:
    """Set ``language``, ``tokens`` (built when first read) and ``sentences`` (the title is
    not tokenised)."""
    return article.evolve(
        language=detect_language(article.text or article.title),
        tokens=Tokens(article.text),
        sentences=tuple(split_sentences(article.text)),
    )
