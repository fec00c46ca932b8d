"""The FTS document's per-word forms: the one-part shortcut gives the general answer."""

from __future__ import annotations

import random

from marsad.arabic.normalize import normalize
from marsad.store import search

#: Letters, clitic-laden words, marks and tatweel, invisible and bidi controls, digits of
#: three scripts, presentation forms (a ligature, an isolated fatha that normalises to
#: nothing), Latin and the underscore.
_PIECES = (
    "قصف", "بإدلب", "والرقة", "لل", "للقوات", "مدينتهم", "الله", "ب", "ا", "ـ", "\u064e", "\u0651",
    "\u200c", "\u200f", "٣", "۴", "7", "\ufefb", "\ufe70", "\ufdfa", "ک", "ی", "News", "_", "x_y",
)  # fmt: skip


def _general(raw: str) -> tuple[str, str]:
    """Every part of the normalised word, then the parts' stems that are not parts."""
    parts = search._WORD.findall(normalize(raw))
    return " ".join(parts), " ".join(s for s in map(search.stem, parts) if s not in parts)


def test_a_raw_words_forms_are_its_parts_and_their_new_stems() -> None:
    rng = random.Random(8)
    raws = {"".join(rng.choices(_PIECES, k=rng.randint(1, 6))) for _ in range(3000)}
    words = {w for raw in raws for w in search._RAW_WORD.findall(raw)}
    one_part = [w for w in words if normalize(w).isalnum()]
    assert len(one_part) > 500 and len(words) - len(one_part) > 50  # both paths run
    for word in words:
        assert search._word_forms.__wrapped__(word) == _general(word), ascii(word)
    assert search._word_forms("بإدلب") == ("بادلب", "ادلب")
