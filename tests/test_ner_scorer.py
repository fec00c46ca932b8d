"""The conlleval-style entity scorer on hand-made cases with known answers."""

from __future__ import annotations

import pytest

from marsad.eval.ner import chunks, score


def test_chunks_follow_conlleval_rules() -> None:
    tags = ["I-PERS", "I-PERS", "O", "B-LOC", "I-ORG", "B-LOC", "B-LOC", "I-LOC"]
    assert chunks(tags) == [(0, 2, "PERS"), (3, 4, "LOC"), (4, 5, "ORG"), (5, 6, "LOC"), (6, 8, "LOC")]


def test_exact_match_scores_100() -> None:
    s = score([(["B-PERS", "I-PERS", "O", "B-LOC"], ["B-PERS", "I-PERS", "O", "B-LOC"])])
    assert s.prf() == (100.0, 100.0, 100.0)


def test_partial_span_counts_as_both_a_miss_and_a_false_alarm() -> None:
    s = score([(["B-PERS", "I-PERS", "O"], ["B-PERS", "O", "O"])])
    assert s.prf() == (0.0, 0.0, 0.0)
    assert (s.gold["PERS"], s.pred["PERS"], s.correct["PERS"]) == (1, 1, 0)


def test_wrong_type_is_wrong() -> None:
    s = score([(["O", "B-LOC", "I-LOC"], ["O", "B-ORG", "I-ORG"])])
    assert s.prf("LOC") == (0.0, 0.0, 0.0)
    assert s.pred["ORG"] == 1 and s.correct["ORG"] == 0


def test_i_without_b_starts_an_entity() -> None:
    s = score([(["B-LOC", "I-LOC", "O"], ["I-LOC", "I-LOC", "O"])])
    assert s.prf() == (100.0, 100.0, 100.0)


def test_micro_average_over_types_and_sentences() -> None:
    gold = [["B-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    pred = [["B-PERS", "O", "B-ORG"], ["B-ORG", "O", "B-MISC"]]
    s = score(zip(gold, pred, strict=True))
    p, r, f = s.prf()
    assert (round(p, 2), round(r, 2), round(f, 2)) == (25.0, 33.33, 28.57)
    assert s.report().splitlines()[-1] == "f1: 28.57"
    assert s.prf("PERS") == (100.0, 100.0, 100.0)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score([(["O", "O"], ["O"])])
