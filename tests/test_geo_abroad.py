"""Places abroad (issue #6): regions, transliterated spellings, small capitals, capitals for
their governments, names inside body names (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.geo import geocode_text, lookup
from marsad.model import Entity


def where(text: str) -> list[tuple[str, str, str, int]]:
    """(mention, English name, feature, precision) of each resolved place."""
    return [(p.text, p.name_en, p.feature, p.geo_precision) for p in geocode_text(text)]


@pytest.mark.parametrize("text, mention", [
    ("قصفت مقاتلات تركية قرى حدودية في إقليم كردستان أمس.", "إقليم كردستان"),
    ("قصفت مقاتلات تركية قرى حدودية في كردستان أمس.", "كردستان"),
    ("احتفل السكان في أنحاء كوردستان بعيد النوروز.", "كوردستان"),
])
def test_iraqi_kurdistan_is_a_region(text: str, mention: str) -> None:
    assert (mention, "Kurdistan Region", "region", 3) in where(text)


def test_kurdistan_of_iraq_is_the_region_and_the_country() -> None:
    found = where("زار الوفد كردستان العراق الأسبوع الماضي.")
    assert [(t, f) for t, _, f, _ in found] == [("كردستان", "region"), ("العراق", "country")]


def test_a_kurdish_name_of_a_part_of_syria_is_not_iraqi_kurdistan() -> None:
    assert where("وقال بيان لقوات غرب كردستان إن المقاتلين صدوا الهجوم.") == []


@pytest.mark.parametrize("spelling", ["هامبورج", "هامبورغ"])
def test_a_g_is_written_either_way_in_a_foreign_name(spelling: str) -> None:
    assert (spelling, "Hamburg", "city", 1) in where(f"تظاهر مئات الأشخاص في {spelling} وبرلين في ألمانيا.")
    assert lookup(spelling)[0].country == "Germany"


def test_an_arab_towns_name_gets_no_other_spelling() -> None:
    # «غ» of an Arabic name is a ghain, not a «g»: no «بجداد» for Baghdad
    assert lookup("بجداد") == []


def test_a_small_capital_needs_its_country_named() -> None:
    # «روسو» is a man's name in a story that never names Dominica
    assert where("وذكرت عائلته في إيطاليا أن روسو اتصل بها مساء الأحد.") == [
        ("إيطاليا", "Italy", "country", 3)]
    assert ("فاليتا", "Valletta", "capital", 1) in where("وصل رئيس الوزراء إلى فاليتا عاصمة مالطا.")
    # a capital of millions needs nothing, nor one that is its country
    assert where("وصل الوزير إلى نيروبي أمس.") == [("نيروبي", "Nairobi", "capital", 1)]
    assert where("رست السفينة في جبل طارق أمس.") == [("جبل طارق", "Gibraltar", "capital", 1)]


@pytest.mark.parametrize("text", [
    "وقال المتحدث إن الخرطوم أنشأت لجنة لمتابعة العقوبات.",
    "وقال المتحدث إن الخرطوم لا تربطها علاقات بالحكومة الكورية.",
    "وزادت الحكومة الأمريكية ضغوطها على الخرطوم لقطع تلك العلاقات.",
])
def test_a_capital_that_acts_or_is_pressed_is_its_government(text: str) -> None:
    (khartoum,) = [p for p in geocode_text(text) if p.text == "الخرطوم"]
    assert khartoum.feature == "capital_metonym"


def test_a_capital_where_something_happens_stays_a_place() -> None:
    assert where("وصل المبعوث الأمريكي إلى الخرطوم أمس.")[0] == ("الخرطوم", "Khartoum", "capital", 1)
    # «ما» after the name is no particle of its verb («ما يشبه»: "what looks like")
    assert where("وشهدت سماء الخرطوم ما يشبه الألعاب النارية.")[0][2] == "capital"


def test_a_place_inside_the_name_of_a_development_body_is_no_mention() -> None:
    assert where("وقال مساعد رئيس جهاز تنمية سيناء إن المشروع تأخر.") == []
    assert where("قتل جنديان في هجوم في شمال سيناء.")[0][:2] == ("شمال سيناء", "North Sinai")


def test_what_has_a_capital_is_no_town() -> None:
    # «عاصمة X» names a province or country: not a US town of that name, even tagged LOC in a
    # story that names the United States
    text = "قتل أربعة أشخاص في إطلاق نار في عاصمة نيو برونزويك. وعلقت الولايات المتحدة على الحادث."
    name = "نيو برونزويك"
    tag = Entity(text.index(name), text.index(name) + len(name), name, "LOC", 0.9)
    assert [p.text for p in geocode_text(text, [tag])] == ["الولايات المتحدة"]
    assert "نيو برونزويك" in [p.text for p in geocode_text(text.replace("عاصمة ", "مدينة "), [tag])]
    assert ("إقليم كردستان", "Kurdistan Region", "region", 3) in where("وصل إلى أربيل عاصمة إقليم كردستان.")
    # «العاصمة X» is the capital itself
    assert where("وصل الوزير إلى العاصمة الأمريكية واشنطن.")[0][:3] == ("واشنطن", "Washington", "capital")


def test_a_nationality_beside_a_town_names_its_country() -> None:
    said = "أعلنت الشرطة الكندية مقتل رجلين في إطلاق نار في فريدريكتون مساء الجمعة."
    assert ("فريدريكتون", "Fredericton", "city", 1) in where(said)
    # without it, or with another country's, a town of 60,000 people is no place of the story
    assert where(said.replace("الكندية", "المحلية")) == []
    assert where(said.replace("الكندية", "الفرنسية")) == []


def test_nationalities_are_read_from_the_country_names() -> None:
    from marsad.geo.countries_ar import nationality
    from marsad.geo.text import norm

    found = [nationality(norm(w)) for w in ("الكندية", "الألماني", "والأميركية", "السعودية", "مالي", "عماني")]
    assert found == ["CA", "DE", "US", "SA", None, None]


def test_nationalities_of_many_words_answer_as_one_word_at_a_time() -> None:
    from marsad.geo.countries_ar import _nationalities, nationalities, nationality

    words = [p + adj for adj in _nationalities() for p in ("", "ال", "و", "وال", "ب", "لل", "الال")]
    words += ["الباني", "الالباني", "والالباني", "دمشق", "", "و", "ال"]
    assert nationalities(words) == [nationality(w) for w in words]
    assert nationalities(["الالباني", "الباني"])[1] == nationality("الباني")
