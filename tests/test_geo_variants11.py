"""Gazetteer spellings (issue #6): the other final «ة»/«ا» of a Syrian name and a farm's name
without «مزرعة» (sentences written for these tests)."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pytest

from marsad.geo import geocode_text, lookup
from marsad.geo.spellings import add_spelling_variants
from marsad.geo.text import key


def pcodes(text: str) -> list[tuple[str, str]]:
    """(mention, P-code) of each resolved Syrian place."""
    return [(p.text, p.pcode) for p in geocode_text(text) if p.pcode]


@pytest.mark.parametrize("text, mention, pcode", [
    ("سيطرت القوات الحكومية على بلدة مسرابة في الغوطة الشرقية.", "مسرابة", "C2344"),  # OCHA «مسرابا»
    ("خرجت الحافلات من بلدتي كفريا والفوعا في ريف إدلب.", "الفوعا", "C3905"),  # OCHA «الفوعة»
    ("أسقطت المضادات الأرضية مسيّرة قرب دير العشائر غربي دمشق ليلة أمس.", "دير العشائر", "C2442"),
    ("دوّت انفجارات ليلًا فوق دير العشاير بريف دمشق قرب الحدود.", "دير العشاير", "C2442"),
])
def test_a_news_spelling_of_a_syrian_name_is_that_place(text: str, mention: str, pcode: str) -> None:
    assert (mention, pcode) in pcodes(text)


def test_a_spelling_shared_with_another_village_is_read_by_its_governorate() -> None:
    # «شقرا» is a village of Dar'a in OCHA and the news spelling of «شقرة» of Deir-ez-Zor
    east = pcodes("سيطرت القوات الحكومية على قرية شقرا في ريف دير الزور الشرقي.")
    assert ("شقرا", "C5088") in east
    south = pcodes("سيطرت القوات الحكومية على قرية شقرا في ريف درعا.")
    assert ("شقرا", "C6099") in south  # the exact name is not shadowed
    assert [c.pcode for c in lookup("شقرا")][:1] == ["C6099"]


@pytest.mark.parametrize("text, word", [
    ("سيطرت القوات على 20 جبلا في ريف اللاذقية الشمالي.", "جبلا"),  # "mountains", not «جبلة»
    ("تكدست أكياس الرمل حينا في شوارع ريف دمشق.", "حينا"),  # "at times", not «حينة»
    ("قال صالح مسلم إن القوات ستبقى في مدينة القامشلي بالحسكة.", "مسلم"),  # of «مزرعة مسلم»
])
def test_a_word_form_is_no_new_spelling(text: str, word: str) -> None:
    assert word in text and word not in [p.text for p in geocode_text(text)]


def test_a_farms_name_is_no_homonym_of_a_village() -> None:
    # «العامود» names a village of Lattakia; the Aleppo farm «مزرعة العامود» does not join it
    assert [c.pcode for c in lookup("العامود")] == ["C3828"]


def _row(name: str, rank: int) -> list[Any]:
    return [name, name, "community", "Syria", "", "", "", "", 0, None, None, rank, "SY"]


def test_a_spelling_files_after_the_exact_name_and_a_town_joins_no_villages_key() -> None:
    entries = [_row("شقرا", 0), _row("شقرة", 0), _row("كفرة", 0), _row("كفرا", 2), _row("مزرعة كفرا", 0)]
    names = [[e[0]] for e in entries]
    index: dict[str, list[int]] = defaultdict(list)  # as the build files them
    for i, alternatives in enumerate(names):
        index[key(alternatives[0])].append(i)
    added, evidence = add_spelling_variants(index, entries, names, Counter())
    assert index[key("شقرا")] == [0, 1] and index[key("شقرة")] == [1, 0]
    assert index[key("كفرة")] == [2]  # the town «كفرا» (rank 2) would outrank the village «كفرة»
    assert index[key("كفرا")] == [3, 2]
    assert index[key("الكفرا")] == [3] and key("الكفرا") in added  # a town's article form
    assert evidence == set()  # the farm's «كفرا» is an exact name already: not added


def test_a_one_word_farm_name_needs_evidence() -> None:
    entries = [_row("مزرعة مسلم", 0)]
    index: dict[str, list[int]] = defaultdict(list, {key("مزرعة مسلم"): [0]})
    added, evidence = add_spelling_variants(index, entries, [["مزرعة مسلم"]], Counter())
    assert index[key("مسلم")] == [0] and evidence == {key("مسلم")} == added
