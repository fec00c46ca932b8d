"""The network's feature ids found by field and value (:class:`FeatureIndex`) are the ids
of the feature strings themselves, for known and unknown features alike."""

from __future__ import annotations

from marsad.ner.features import FeatureExtractor, FeatureIndex
from marsad.ner.lexicon import Lexicon

# Words and clusters written for this test.
LEXICON = Lexicon(
    clusters={"بيروت": ("3", "17", "5"), "قال": ("1", "2", "9"), "سمير": ("4", "4", "4")},
    rank={"بيروت": 40, "قال": 2, "سمير": 900, "الرئيس": 7},
    places=frozenset({"بيروت"}),
    place_parts=frozenset({"جبل"}),
)
WORDS = ["قال", "الرئيس", "سمير", "في", "بيروت", "وبيروت", "جبل", "Paris", "UN", "2024", "،", "x", "للرئيس"]


def test_ids_by_field_are_the_ids_of_the_strings() -> None:
    fx = FeatureExtractor(LEXICON, windows=False)
    strings = sorted({f for w in WORDS for f in fx.word(w).own})
    # A model that kept every other feature, and only the first two cluster columns.
    kept = [f for i, f in enumerate(strings) if i % 2 == 0 and not f.startswith(("c2=", "s2="))]
    ids = {f: i + 1 for i, f in enumerate(kept)}
    index = FeatureIndex(ids)
    for word in WORDS + ["غير", "Beirut"]:
        expected = [ids.get(f, 0) for f in fx.word(word).own]
        assert index.own_ids(fx.own_values(word)) == expected, word
    assert any(x == 0 for w in WORDS for x in index.own_ids(fx.own_values(w)))  # unknowns met
    assert len({x for w in WORDS for x in index.own_ids(fx.own_values(w))}) > 10


def test_values_spell_the_strings() -> None:
    fx = FeatureExtractor(LEXICON)
    v = fx.own_values("وبيروت")
    wf = fx.word("وبيروت")
    assert (v.values[0], v.values[1]) == (wf.norm, wf.stem)
    assert "gL" in v.marks and "gL" in wf.own and f"-1st={wf.stem}" in wf.left1
