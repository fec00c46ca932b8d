"""The CoNLL loader: sentence splitting, ANERcorp labels and the AQMAR mapping."""

from __future__ import annotations

from pathlib import Path

from marsad.ner.conll import detect_format, parse_conll, read_conll

# Sentences written for these tests.
ANER = """زار B-PERS
سامي I-PERS
مدينة O
حلب B-LOC

أعلنت O
وزارة B-ORG
الصحة I-ORG
"""

AQMAR = """كتب O
خالد B-PER
عن O
الأندلس B-LOC
في O
موسوعة B-MIS1
المعرفة I-MIS1
و O
نادي B-ORG
الوحدة I--ORG
الإسباني B-SPANISH
X OO
"""


def test_anercorp_sentences_and_labels() -> None:
    sents = parse_conll(ANER.splitlines())
    assert [len(w) for w, _ in sents] == [4, 3]
    assert sents[0][1] == ["B-PERS", "I-PERS", "O", "B-LOC"]
    assert sents[1] == (["أعلنت", "وزارة", "الصحة"], ["O", "B-ORG", "I-ORG"])


def test_aqmar_is_detected_and_mapped() -> None:
    lines = AQMAR.splitlines()
    assert detect_format(lines) == "aqmar"
    assert detect_format(ANER.splitlines()) == "anercorp"
    (words, tags), = parse_conll(lines)
    assert len(words) == 12
    assert tags == ["O", "B-PERS", "O", "B-LOC", "O", "O", "O", "O", "B-ORG", "I-ORG", "O", "O"]


def test_read_conll_reads_a_folder(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(AQMAR, encoding="utf-8")
    (tmp_path / "b.txt").write_text(AQMAR, encoding="utf-8")
    assert len(read_conll(tmp_path)) == 2
    assert read_conll(tmp_path / "a.txt", "anercorp")[0][1][1] == "O"  # PER is not an ANERcorp type
