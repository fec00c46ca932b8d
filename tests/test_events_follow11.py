"""Round eleven's follow-ups (issue #6): dual nouns and number words in tolls, the sides of
fighters leaving with civilians, air defences, a suicide bombing's perpetrator, and a reply's
strikes at their own place (sentences written for this file)."""

from __future__ import annotations

import pytest

from coding import code
from marsad.actors.text import words
from marsad.events.fatalities import count_deaths


@pytest.mark.parametrize(("sentence", "toll"), [
    ("وقتل شرطيان في هجوم على حاجز قرب المدينة.", 2),  # a nisba noun's dual
    ("ولقي مراهقان فلسطينيان حتفهما برصاص الجنود.", 2),  # «حتفهما»: their (two) death
    ("وقتل الطياران في سقوط المروحية.", 2),  # a definite dual
    ("وقالت الوكالة إن مئتي مسلح قتلوا في المعارك.", 200),  # the number layer's hundreds
    ("وأسفر القصف عن مقتل سبعين شخصا.", 70),
    ("وقتل ثلاثة عشر مدنيا في الغارات.", 13),  # a teen
    ("وأعلن المرصد أن ثمانية مدنيين قتلوا الاثنين في الغارات.", 8),  # Monday is no «اثنين»
    ("وقتلت إحدى الغارات 30 شخصا الأحد.", 30),  # «إحدى»، «الأحد»: no count
    ("وأعلنت الوحدات الاثنين مصرع مقاتلة بريطانية.", 1),
])
def test_tolls_read_duals_and_number_words(sentence: str, toll: int) -> None:
    assert count_deaths(words(sentence)) == toll


@pytest.mark.parametrize("word", ["بيان", "كيان", "طغيان", "سفيان", "البيان"])
def test_short_stems_in_yan_are_no_duals(word: str) -> None:
    assert count_deaths(words(f"وأكد {word} مقتل مدني")) == 1


def test_a_suicide_bombing_takes_the_group_a_toll_update_names() -> None:
    (bombing,) = code("وصلت إلى 40 قتيلا حصيلة الهجمات والتفجيرات التي نفذها داعش، الثلاثاء، بمحافظة السويداء. "
                      "ومن بينها تفجيران انتحاريان قرب ساحة عامة في مدينة السويداء.")
    assert bombing.sub_event_type == "Suicide bomb" and bombing.actor1 == "Islamic State (Syria)"


def test_fighters_leaving_with_civilians_are_the_transfers_side() -> None:
    (leaving,) = code("وخرج الثلاثاء مئات المقاتلين والمدنيين من بلدة نوى بريف درعا باتجاه إدلب.")
    assert leaving.sub_event_type == "Non-violent transfer of territory"
    assert leaving.actor1 == "Opposition Rebels (Syria)"


def test_air_defences_are_the_states_military() -> None:
    (intercepted,) = code("وتصدت الدفاعات الجوية، الثلاثاء، لصواريخ إسرائيلية استهدفت مطار الشعيرات بريف حمص.")
    assert intercepted.actor1 == "Military Forces of Syria (2000-)"


def test_who_intercepts_a_strike_is_no_side_of_it() -> None:
    events = code("واستهدف هجوم صاروخي، الثلاثاء، مواقع للجيش في مدينة القصير بريف حمص، وتصدت له الدفاعات الجوية.")
    strike = next(e for e in events if e.sub_event_type == "Shelling/artillery/missile attack")
    assert strike.actor1 != "Military Forces of Syria (2000-)"


def test_a_replys_strikes_keep_their_own_place() -> None:
    events = code("وقال الجيش الإسرائيلي إنه شن ضربات على مواقع إيرانية داخل سوريا، ردا على إطلاق صواريخ على "
                  "مواقعه في الجولان، فجر الثلاثاء. وقال مصدر عسكري إن الصواريخ الإسرائيلية استهدفت مواقع في "
                  "ريف دمشق.")
    places = {e.location for e in events}
    assert "Rural Damascus" in places, places


def test_what_is_fired_towards_a_place_hits_it() -> None:
    (strike,) = code("وأسقطت الدفاعات الجوية الروسية، الثلاثاء، طائرة مسيرة أرسلها مسلحون نحو قاعدة حميميم.")
    assert strike.location == "Hmeimim airbase"
    (leaving,) = code("وخرج الثلاثاء مئات المقاتلين من بلدة نوى بريف درعا نحو إدلب.")
    assert leaving.location != "Idleb"
