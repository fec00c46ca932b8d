"""Tolls written as compound number words («خمسة وعشرين») count whole (issue #6, fatalities)."""

from __future__ import annotations

import pytest

from marsad.actors.text import words
from marsad.events.fatalities import count_deaths


@pytest.mark.parametrize(
    ("sentence", "deaths"),
    [
        ("أسفر القصف عن مقتل سبعة وثلاثين مدنيا في البلدة", 37),  # units then tens, after the killing word
        ("قتل أربعة وعشرون عنصرا في الهجوم", 24),
        ("وسقط ستة وأربعون شخصا قتلى في الاشتباكات", 46),  # before «قتلى»
        ("أدت الغارة إلى مقتل مئتين وثلاثة وخمسين شخصا", 253),  # hundreds, units, tens
        ("مقتل أحد عشر جنديا", 11),
        ("مقتل تسعة عشر مقاتلا", 19),  # a teen, as before
        ("قتل 31 مدنيا", 31),  # digits, as before
    ],
)
def test_compound_number_words_count_whole(sentence: str, deaths: int) -> None:
    assert count_deaths(words(sentence)) == deaths


def test_parts_of_one_magnitude_are_two_counts_not_one_number() -> None:
    # «ثمانية وأربعة»: two counts of units side by side, not 12 (nor a compound)
    assert count_deaths(words("مقتل ثمانية وأربعة آخرين")) == 8
