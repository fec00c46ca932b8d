"""The cue search in the split words (quote_cues.find_cues) finds exactly what a scan of the
whole text with CUE_RE finds, next to marks, tatweel and characters the split leaves out."""

from __future__ import annotations

import random

import pytest

from marsad.events.quote_cues import CUE_RE, find_cues


def _scan(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(1)) for m in CUE_RE.finditer(text)]


def _found(text: str) -> list[tuple[tuple[int, int], str]]:
    return [(m.span(), m.group(1)) for m in find_cues(text)]


@pytest.mark.parametrize(
    "text",
    [
        "قال الوزير إن الوضع مستقر",  # a cue opening the text
        "وأضافت المصادر، مؤكدةً أن القصف استمر",  # tanween after a participle
        "وَقالَ الوزير إن",  # a mark after «و»: «قال» starts inside the split word
        "قالَها مرتين",  # a mark after the cue: it ends inside the split word
        "حذّر الجيش وحذّرت الوزارة وحذّرتْ",  # the shadda inside the cue
        "ًقال الوزير",  # a word that opens with a mark
        "قال_ الوزير _قال",  # «_» is a word character the split leaves out
        "قالé وéقال",  # so is a Latin letter with an accent
        "قالە ەقال",  # and the Kurdish ae (U+06D5), beyond the split's letters
        "قـال الوزير قالـ",  # the tatweel is a word character
        "بإعدام 75 متهما، وقال 3قال",  # digits next to a cue
        "المقالة قولهم ذكرى يؤكد يوكد",  # words that hold a cue's letters without being one
    ],
)
def test_the_same_cues_as_a_scan_of_the_whole_text(text: str) -> None:
    assert _found(text) == _scan(text)


def test_cues_inside_words_after_marks_are_found() -> None:
    assert [g for _, g in _found("وَقالَ الوزير قالَها")] == ["قال", "قال"]


def test_random_texts_of_cue_pieces_marks_and_neighbours() -> None:
    pieces = ["قال", "قالت", "وأضاف", "أكد", "اكد", "حذّر", "مشيرا", "مؤكدة", "يؤكد", "ذكرى", "بيان", "قوله",
              "ب", "و", "ال", "ت", "ة", "ها", "ً", "َ", "ّ", "ْ", "ـ", "_", "é", "ە", "ی", "7", "٣", "ﻗ"]
    gaps = [" ", "", "", "، ", ": \"", "\n", "-", "."]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) + rng.choice(gaps) for _ in range(rng.randint(1, 8)))
        assert _found(text) == _scan(text), text


def test_the_cue_finder_marks_are_the_split_words_non_word_characters() -> None:
    """``quote_cues._MARKS`` and ``_LETTERS`` copy ``actors.text._WORD``'s class in two parts:
    the characters of a split word that are no regex word characters, and those that are. If the split changes, this fails rather than
    the cue finder missing cues silently."""
    import re

    from marsad.actors.text import _WORD
    from marsad.events.quote_cues import _LETTERS, _MARKS

    marks, letters = re.compile(f"[{_MARKS}]"), re.compile(f"[{_LETTERS}]")
    word = re.compile(r"\w")
    in_split = {chr(c) for c in range(0x10000) if _WORD.fullmatch(chr(c))}
    assert {c for c in in_split if not word.match(c)} == {chr(c) for c in range(0x10000) if marks.match(chr(c))}
    assert {c for c in in_split if word.match(c)} == {chr(c) for c in range(0x10000) if letters.match(chr(c))}
