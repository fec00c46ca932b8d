"""Homonyms settled by the places named beside them, and places added to the gazetteer
(sentences written for these tests, news style)."""

from __future__ import annotations

import pytest

from marsad.geo import geocode_text, lookup
from marsad.geo.comention import is_homonym
from marsad.geo.gazetteer import gazetteer
from marsad.geo.step import mentions_of
from marsad.model import Span


def where(text: str) -> list[tuple[str, str, str, int]]:
    """(mention, governorate or country, feature, precision) of each resolved place."""
    return [(p.text, p.admin1 if p.country == "Syria" else p.country, p.feature, p.geo_precision)
            for p in geocode_text(text)]


@pytest.mark.parametrize("text", [
    "تسلل مسلحون إلى قرى دوما وتيما والمتونة قبل أن تصدهم القوات.",
    "قصفت طائرات مجهولة قرى المتونة ودوما وتيما في ريف السويداء الشرقي.",
    "أحبط الجنود هجوما على قريتي دوما وتيما. وقال مصدر في دمشق إن الهجوم فشل.",
])
def test_a_homonym_is_the_one_beside_the_places_of_its_sentence(text: str) -> None:
    duma = next(p for p in geocode_text(text) if p.text == "دوما")
    assert (duma.admin1, duma.feature) == ("As-Sweida", "community")


def test_the_arabic_steps_sentences_settle_a_homonym_as_those_split_here() -> None:
    from marsad.arabic.sentences import split_sentences
    from marsad.geo.step import geocode_text as geocode

    text = "تسلل مسلحون إلى قريتي تيما والمتونة. وفي سياق آخر، قصفت الطائرات مدينة دوما وقرية دوما."
    given = geocode(text, (), tuple(split_sentences(text)))
    assert given == geocode(text) and any(p.text.endswith("دوما") for p in given)
    # the sentences given are read, not split again: a boundary between Duma and Tima parts them
    beside = "أحبط الجنود هجوما على قريتي دوما وتيما. وقال مصدر في دمشق إن الهجوم فشل."
    cut = beside.index("وتيما")
    assert geocode(beside)[0].admin1 == "As-Sweida"
    assert geocode(beside, (), (Span(0, cut), Span(cut, len(beside))))[0].admin1 == "Rural Damascus"


def test_a_homonym_alone_keeps_its_best_known_reading() -> None:
    # the other sentence's villages say nothing of this one
    text = "تسلل مسلحون إلى قريتي تيما والمتونة. وفي سياق آخر، قصفت الطائرات مدينة دوما."
    assert ("دوما", "Rural Damascus", "community", 1) in where(text)
    assert where("قتل ثلاثة مدنيين في مدينة دوما بالغوطة الشرقية.")[0][1] == "Rural Damascus"


def test_the_governorate_named_in_the_sentence_settles_a_homonym() -> None:
    found = where("سقطت قذائف على قرية دوما في ريف حماة الشمالي.")
    assert found[0][:2] == ("دوما", "Hama")


def test_a_governorate_name_is_no_homonym() -> None:
    # «القنيطرة» after two villages of Quneitra stays the governorate, said bare
    text = "استهدف القصف أطراف تل كروم جبا وبلدة حضر في القنيطرة."
    assert where(text)[-1] == ("القنيطرة", "Quneitra", "admin1", 3)
    assert not any(is_homonym(m) for m in mentions_of(text) if m.key == "القنيطره")
    assert any(is_homonym(m) for m in mentions_of("دوما"))


def test_a_town_abroad_situated_in_a_district_of_another_country_is_not_taken() -> None:
    text = "شنت مقاتلات التحالف غارات على مواقع الحوثيين في منطقة العريش بمديرية موزع في اليمن."
    assert [(t, c) for t, c, _, _ in where(text)] == [("موزع", "Yemen"), ("اليمن", "Yemen")]
    # in its own country's story it stays
    assert where("قتل عشرة مسلحين في مدينة العريش شرقي مصر.")[0][:2] == ("العريش", "Egypt")


def test_a_yemeni_district_is_its_seat_at_precision_two() -> None:
    found = where("تقدمت القوات في مديرية موزع غرب تعز في اليمن.")
    assert found[0] == ("موزع", "Yemen", "city", 2)
    assert where("وقال مدير مديرية الصحة في إدلب إن المستشفى تضرر.") == [("إدلب", "Idleb", "admin1", 3)]


def test_a_town_abroad_of_several_words_after_a_town_word() -> None:
    # no country named: a two-word name after «منطقة» is that town; a one-word one needs more
    found = where("طالت صواريخ مبنى للحزب في منطقة كوي سنجق التابعة لإقليم كردستان.")
    assert found == [("كوي سنجق", "Iraq", "city", 1), ("إقليم كردستان", "Iraq", "region", 3)]


@pytest.mark.parametrize(("text", "expected"), [
    ("قتل عشرة مسلحين في مدينة العريش بمحافظة شمال سيناء.", ("شمال سيناء", "Egypt", "admin1", 3)),
    ("نشط التنظيم في شبه جزيرة سيناء منذ سنوات.", ("شبه جزيرة سيناء", "Egypt", "region", 3)),
    ("قتل جنود في ولاية هلمند جنوب أفغانستان.", ("هلمند", "Afghanistan", "admin1", 3)),
    ("وصل الوزير إلى الخرطوم أمس.", ("الخرطوم", "Sudan", "capital", 1)),
])
def test_places_added_to_the_gazetteer(text: str, expected: tuple[str, str, str, int]) -> None:
    assert expected in where(text)


def test_an_organisation_named_after_a_region_is_no_province() -> None:
    assert where("أعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم.") == []
    assert [c.name_en for c in lookup("الخرطوم")] == ["Khartoum"]
    assert gazetteer().get("سيناء")[0].feature == "region"


def test_a_town_abroad_carries_the_province_of_the_table_it_lies_in() -> None:
    # GeoNames' admin1 unit of a province seat names the towns of that unit
    assert lookup("المخا")[0].admin1 == "Taiz"
    assert lookup("العريش")[0].admin1 == "North Sinai"
    # Gaza and North Gaza are one GeoNames unit: its towns name neither
    assert [c.admin1 for c in lookup("خان يونس") if c.feature == "city"] == [""]


@pytest.mark.parametrize("text", [
    "اعتقل رجل في مدينة طرابلس بشمال لبنان أمس.",
    "اعتقل رجل في طرابلس في شمال لبنان أمس.",
    "اعتقل رجل في طرابلس، لبنان أمس.",
])
def test_a_country_after_a_bearing_settles_the_town(text: str) -> None:
    assert where(text)[0][:2] == ("طرابلس", "Lebanon")


def test_a_country_named_later_is_no_hint() -> None:
    assert where("زار الوفد طرابلس ثم توجه إلى لبنان.")[0][:2] == ("طرابلس", "Libya")
