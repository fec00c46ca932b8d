"""Light Arabic text handling for the tagger: normalisation, word shape, tokens.

Kept local (and tiny) so that the tagger's features are frozen with its weights: a
change in the general Arabic layer must not silently shift a trained model's inputs.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterator
from pathlib import Path

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
_MAP = str.maketrans(
    {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
        "ک": "ك", "ی": "ي", "ي": "ي", "ہ": "ه", "ۀ": "ه",
        **{chr(0x660 + i): str(i) for i in range(10)},
        **{chr(0x6F0 + i): str(i) for i in range(10)},
    }
)

#: Words, numbers, Latin runs and single punctuation marks, as ANERcorp splits them.
TOKEN_RE = re.compile(
    "[\u0610-\u061a\u0620-\u065f\u066e-\u06d3\u06d5-\u06ef\u06fa-\u06ff\u0750-\u077f"
    "\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u200c\u200d]+"
    "|[0-9\u0660-\u0669\u06f0-\u06f9]+(?:[.,\u066b][0-9\u0660-\u0669\u06f0-\u06f9]+)*"
    "|[A-Za-z]+|\\S"
)
_ARABIC_PUNCT = re.compile(r"^[\u060c\u061b\u061f\u066a-\u066d\u06d4]+$")


def normalize(word: str) -> str:
    """Matching form: no diacritics or tatweel, alef/ya/ta-marbuta/hamza seats unified."""
    return _DIACRITICS.sub("", word).translate(_MAP)


def shape(word: str) -> str:
    """Coarse word class: arabic, digit, latin, punct or other."""
    c = word[0]
    if "\u0600" <= c <= "\u06ff" and not _ARABIC_PUNCT.match(word):
        return "ar"
    if c.isdigit():
        return "num"
    if c.isascii() and c.isalpha():
        return "lat"
    if not c.isalnum():
        return "punct"
    return "other"


def tokenize(text: str) -> list[tuple[int, int]]:
    """Token character spans ``(start, end)`` of a raw text."""
    return [m.span() for m in TOKEN_RE.finditer(text)]


def corpus_articles(path: str | Path, limit: int = 0) -> Iterator[tuple[str, str]]:
    """``(docno, title and text)`` of each article of a JSONL(.gz) news file, at most
    ``limit`` (0: all)."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        for i, line in enumerate(f):
            if limit and i >= limit:
                break
            rec = json.loads(line)
            yield str(rec.get("docno")), f"{rec.get('title') or ''}\n{rec.get('text') or ''}"


def corpus_texts(path: str | Path, limit: int = 0) -> Iterator[str]:
    """Title and text of each article (the unlabelled data the clusters, the pretraining
    and the silver data all read)."""
    return (text for _, text in corpus_articles(path, limit))
