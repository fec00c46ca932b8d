"""marsad.arabic.numbers: digits, number words, compounds, ACLED vague quantities."""

from __future__ import annotations

import pytest

from marsad.arabic.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("٣", 3),
        ("۱۲", 12),
        ("1,200", 1200),
        ("ثلاثة", 3),
        ("ثلاث", 3),
        ("عشرين", 20),
        ("عشرون", 20),
        ("خمسة وعشرين", 25),
        ("إحدى وعشرين", 21),
        ("أحد عشر", 11),
        ("خمسة عشر", 15),
        ("مئة", 100),
        ("مائة", 100),
        ("مئة وخمسون", 150),
        ("ثلاثمائة", 300),
        ("ثلاث مئة", 300),
        ("مائتي", 200),
        ("ألف", 1000),
        ("ألفين", 2000),
        ("ثلاثة آلاف وخمسمئة", 3500),
        ("خمسة عشر ألفا", 15000),
        ("2.5 مليون", 2_500_000),
        ("١٥٠ ألف", 150_000),
        ("عدة", 3),
        ("عدد من", 3),
        ("بضعة", 3),
        ("العديد من", 3),
        ("عشرات", 12),
        ("مئات", 100),
    ],
)
def test_parse_number(phrase: str, value: int) -> None:
    assert parse_number(phrase) == value


def test_parse_number_none_without_a_number() -> None:
    assert parse_number("قصفت الطائرات البلدة") is None
    assert parse_number("عدد القتلى") is None  # عدد needs من to be a vague quantity


def test_find_numbers_offsets_vagueness_and_qualifiers() -> None:
    text = "قتل نحو 20 مدنيا وأصيب عشرات آخرون، فيما قضى أكثر من خمسة وعشرين مقاتلا وعدد من الجنود."
    found = find_numbers(text)
    assert [(m.text, m.value, m.vague, m.qualifier) for m in found] == [
        ("20", 20, False, "نحو"),
        ("عشرات", 12, True, ""),
        ("خمسة وعشرين", 25, False, "أكثر من"),
        ("عدد من", 3, True, ""),
    ]
    for mention in found:
        assert text[mention.start : mention.end] == mention.text


def test_separate_numbers_are_not_merged() -> None:
    found = find_numbers("مقتل ثلاثة مدنيين وإصابة خمسة آخرين")
    assert [m.value for m in found] == [3, 5]


def test_vague_with_scale() -> None:
    (mention,) = find_numbers("نزح عشرات الآلاف من السكان")
    assert (mention.text, mention.value, mention.vague) == ("عشرات الآلاف", 12000, True)


def test_short_words_with_a_leading_clitic_letter_are_not_numbers() -> None:
    # لست ("I am not") is not ل + ست ("six"); وستة is و + ستة.
    found = find_numbers("لست متأكدا من مقتل وستة آخرين")
    assert [(m.text, m.value) for m in found] == [("ستة", 6)]
