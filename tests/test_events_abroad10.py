"""Causes of false events abroad found on random corpus samples (issue #6, abroad precision round):
a borrowed place in another country than the clause names, a capital named for its government,
history told without a day, the Islamic State's branch (sentences written for this file; default
pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code

#: A story set in Washington: its place is what an undated or unplaced sentence would borrow.
_WASHINGTON = "وقال مسؤولون في واشنطن، الاثنين، إن العقوبات الجديدة بدأت. "


def test_cities_named_by_a_nationality_locate_the_event_in_that_country() -> None:
    (protest,) = code(_WASHINGTON + "وخرجت تظاهرات، الأحد، في عدة مدن عراقية احتجاجا على انقطاع الكهرباء.")
    assert (protest.country, protest.geo_precision, protest.actor1) == ("Iraq", 3, "Protesters (Iraq)")


def test_an_event_the_clause_puts_in_syria_gets_no_country_abroad() -> None:
    assert code("وقصفت الطائرات العراقية، الأحد، مواقع للتنظيم داخل الأراضي السورية، وقال بيان إنها كانت "
                "تعد لهجمات داخل العراق.") == []


def test_an_authority_at_home_keeps_its_country_when_syria_is_only_the_grievance() -> None:
    (arrest,) = code("واعتقلت الشرطة الأردنية، الأحد، خمسة شبان لاحتجاجهم على التدخل في سوريا.")
    assert (arrest.sub_event_type, arrest.country, arrest.geo_precision) == ("Arrests", "Jordan", 3)


def test_an_act_that_dates_another_is_history() -> None:
    assert code("عندما سيطرت القوات الحكومية على مدينة سرت فر معظم المسلحين نحو الجنوب.") == []
    assert code("وعندما اقتحمت القوات بلدة كفرنبل غادرها معظم السكان.") == []
    (strike,) = code("وقصفت الطائرات الروسية، الثلاثاء، بلدة كفرنبل عندما كان الأهالي في السوق.")
    assert strike.sub_event_type == "Air/drone strike"


def test_a_capture_that_lasted_years_is_a_state_not_a_take_over() -> None:
    assert code("وسيطر تنظيم داعش على مدينة سرت أربع سنوات قبل طرده منها.") == []
    assert code("وسيطرت الفصائل على بلدة كفرنبل لمدة عامين قبل أن تخسرها.") == []
    (taken,) = code("وسيطرت قوات النظام، الثلاثاء، على بلدة كفرنبل بعد حصار دام ثلاث سنوات.")
    assert taken.sub_event_type == "Government regains territory"
    (arrest,) = code("واعتقلت الشرطة العراقية، الجمعة، شابا في مدينة الموصل بعد ملاحقته لمدة شهرين.")
    assert arrest.sub_event_type == "Arrests"


def test_how_long_another_side_held_the_place_leaves_the_capture() -> None:
    (taken,) = code("وسيطرت قوات النظام، الثلاثاء، على بلدة كفرنبل، وهي بلدة سيطر عليها المعارضون لمدة ثلاث سنوات.")
    assert (taken.sub_event_type, taken.actor1) == ("Government regains territory", "Military Forces of Syria (2000-)")


def test_the_islamic_state_is_named_for_the_country_of_its_event() -> None:
    (attack,) = code("وهاجم مسلحو داعش، الثلاثاء، نقطة للشرطة في مدينة مرسيليا الفرنسية.")
    assert attack.actor1 == "Islamic State (France)"
    (attack,) = code("وقال مسؤولون في واشنطن إن الحملة مستمرة. وهاجم مسلحو داعش، الثلاثاء، نقطة للجيش في مدينة تدمر.")
    assert attack.actor1 == "Islamic State (Syria)"  # not the story's country


def test_a_capital_named_for_its_government_lends_no_place() -> None:
    story = "وتوترت العلاقات بين بغداد وأنقرة، وانتقد البرلمان قيام أنقرة بنشر قوات، ورفض استغلال أنقرة للأزمة. "
    assert code(story + "وشنت الطائرات، الخميس، غارات على قرى حدودية.") == []  # was at Ankara
    (arrest,) = code("وتظاهر آلاف، الاثنين، في بغداد ضد الفساد. واعتقلت الشرطة، الثلاثاء، عشرة من المتظاهرين.")[1:]
    assert (arrest.sub_event_type, arrest.location) == ("Arrests", "Baghdad")  # a capital named as a place still is one
