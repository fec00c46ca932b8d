"""The FTS document: normalising the whole text at once gives the word-by-word document."""

from __future__ import annotations

import random

from marsad.store import search

#: Letters, clitic-laden words, marks and tatweel, invisible and bidi controls, digits of
#: three scripts with the Arabic separators, presentation forms (a ligature, an isolated
#: fatha that normalises to nothing, the rial sign that becomes a word), Latin and gaps.
_PIECES = (
    "قصف", "بإدلب", "والرقة", "لل", "للقوات", "مدينتهم", "الله", "ب", "ا", "ـ", "\u064e", "\u0651",
    "\u200c", "\u200f", "\u061c", "\u202b", "\u2067", "\ufeff", "٣", "۴", "7", "\u066b", "\u066c",
    "\ufefb", "\ufe70", "\ufdfc", "\ufdfa", "ک", "ی", "News", "_", "x_y", " ", " ", "\n", ".", "،",
    "؛", "«", "»", "-", "٪", "۔",
)  # fmt: skip


def _texts(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_PIECES, k=rng.randint(0, 30))) for _ in range(n)]


def test_the_whole_text_document_equals_the_word_by_word_one() -> None:
    texts = _texts(8, 4000)
    shortcut = [t for t in texts if not search._odd_characters().search(t)]
    assert len(shortcut) > 200  # both paths are exercised...
    assert any("\u064e" in t or "ـ" in t for t in shortcut)  # ...marks inside words too
    for text in texts:
        assert search.fts_document("x", text) == search._document_by_word(f"x\n{text}"), ascii(text)


def test_cases_the_shortcut_must_leave_to_the_word_by_word_document() -> None:
    # a lone mark or tatweel is an empty word (two spaces); a bidi mark between letters does
    # not join them; the rial sign is a word only when normalised alone
    for text in ("قصف\u202bحلب", "قصف\ufeffحلب", "10 \ufdfc"):
        assert search._odd_characters().search(text), ascii(text)
    for text in ("قصف ـ حلب", "قصف \u064e حلب", "قصف\u202bحلب", "قصف\ufeffحلب", "10 \ufdfc"):
        assert search.fts_document("", text) == search._document_by_word(f"\n{text}")
    assert search.fts_document("", "قصف ـ حلب").startswith("قصف  حلب")
    assert search.fts_document("", "قصف\u202bحلب").startswith("قصف حلب")


def test_every_character_normalisation_changes_is_in_the_blocks_the_shortcut_checks() -> None:
    from marsad.arabic.normalize import _TABLE

    assert set(_TABLE) <= set(search._NORMALISED)
