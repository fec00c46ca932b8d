"""Joint strikes and listed towns (rules after dev4), on sentences written for this file
(default pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code
from marsad.events.placing import coordinated
from marsad.model import Place


def test_a_joint_strike_is_one_event_per_state_with_the_toll_split() -> None:
    events = code("شنت طائرات حربية سورية وروسية، أمس الثلاثاء، غارات جوية على مدينة دوما، ما أدى إلى مقتل 7 مدنيين.")
    assert sorted((e.actor1, e.fatalities) for e in events) == [
        ("Military Forces of Russia (2000-)", 3), ("Military Forces of Syria (2000-)", 4)]
    assert {(e.location, e.event_date, e.sub_event_type) for e in events} == {("Duma", "2018-03-13", "Air/drone strike")}


def test_one_state_named_is_one_event() -> None:
    (event,) = code("وقتل خمسة مدنيين في غارات جوية روسية على بلدة سراقب، أمس الثلاثاء.")
    assert (event.actor1, event.fatalities) == ("Military Forces of Russia (2000-)", 5)


def test_each_listed_town_of_one_province_is_an_event() -> None:
    events = code("وتعرضت بلدات نوى وطفس الغربية والشيخ مسكين وإنخل لقصف مدفعي عنيف من قوات النظام، الثلاثاء.")
    assert {e.location for e in events} == {"Nawa", "Tafs", "Sheikh Miskine", "Ankhal"}
    assert {(e.sub_event_type, e.event_date, e.actor1) for e in events} == {
        ("Shelling/artillery/missile attack", "2018-03-13", "Military Forces of Syria (2000-)")}


def test_an_undated_list_of_towns_keeps_a_place_noun_link() -> None:
    events = code("وتعرضت مدن وبلدات سراقب ومعرة النعمان وكفرنبل وبلدة التح وخان شيخون لغارات جوية عنيفة.")
    assert len({e.location for e in events}) == 5 and {e.admin1 for e in events} == {"Idleb"}


def test_an_undated_list_over_several_provinces_is_a_summary() -> None:
    assert code("وتعرضت مدن دوما وسراقب والرستن لغارات جوية عنيفة.") == []


def _place(text: str, start: int, name: str) -> Place:
    return Place(start, start + len(name), name, name, name, "SY", admin1="Idleb", geo_precision=1)


def test_a_preposition_or_clause_ends_a_list() -> None:
    text = "سيطرت على سراقب وقبلها على كفرنبل"
    a, b = _place(text, text.index("سراقب"), "سراقب"), _place(text, text.index("كفرنبل"), "كفرنبل")
    assert coordinated([a, b], text, a) == [a]
    text = "قصفت سراقب والشيخ سعد وكفرنبل"
    a, b = _place(text, text.index("سراقب"), "سراقب"), _place(text, text.index("كفرنبل"), "كفرنبل")
    assert coordinated([a, b], text, a) == [a, b]


def test_counted_villages_listed_in_the_next_sentence_are_one_event_each() -> None:
    events = code("سيطرت قوات الجيش التركي وفصائل المعارضة، الثلاثاء، على ثلاث قرى في ريف عفرين. "
                  "وأوضحت مصادر ميدانية أن القرى الثلاث هي بافليون وأرندة وحاج خليل في عفرين.")
    assert {e.location for e in events} == {"Bafelyun", "Mazineh - Aranda", "Haj Khalil"}  # not the situating Afrin
    assert {(e.actor1, e.actor2, e.event_date) for e in events} == {
        ("Military Forces of Turkey (2016-)", "", "2018-03-13")}  # the ally joined by «و» is no target
    events = code("حرر الجيش السوري، الثلاثاء، بلدتين في ريف حماة. وأكدت المصادر أن البلدتين هما كرناز وكفرنبودة.")
    assert sorted(e.location for e in events) == ["Kafr Nabutha", "Karnaz"]
    assert {e.sub_event_type for e in events} == {"Government regains territory"}


def test_an_uncounted_plural_keeps_its_own_place_and_a_clash_keeps_both_sides() -> None:
    (event,) = code("سيطرت قوات الجيش التركي، الثلاثاء، على قرى في ريف عفرين. وأوضحت مصادر أن المعارك امتدت إلى بافليون وأرندة.")
    assert event.location == "Afrin"
    (clash,) = code("اشتبكت قوات النظام وفصائل المعارضة، الثلاثاء، في بلدة كرناز.")
    assert (clash.actor1, clash.actor2) == ("Military Forces of Syria (2000-)", "Opposition Rebels (Syria)")


def test_an_accusation_of_a_dated_attack_reports_it_with_the_accused_as_attacker() -> None:
    (strike,) = code("واتهمت الحكومة السورية إسرائيل بقصف مطار التيفور العسكري في ريف حمص، الأحد.")
    assert (strike.actor1, strike.event_date, strike.admin1) == ("Military Forces of Israel", "2018-03-11", "Homs")
    (gas,) = code("واتهمت منظمات الإغاثة قوات النظام السوري بشن هجوم بالغازات السامة، الأحد، على مدينة دوما.")
    assert (gas.sub_event_type, gas.actor1, gas.location) == (
        "Chemical weapon", "Military Forces of Syria (2000-)", "Duma")


def test_an_undated_accusation_or_one_of_plans_is_no_event() -> None:
    assert code("واتهمت دمشق إسرائيل بشن غارات جوية على مطار التيفور.") == []
    assert code("واتهمت المعارضة قوات النظام بالتخطيط لشن هجوم على مدينة دوما الأحد.") == []


def test_the_dead_of_strikes_on_listed_towns_make_every_town_a_civilian_target() -> None:
    events = code("وتعرضت بلدات نوى وطفس وإنخل، الثلاثاء، لغارات جوية عنيفة أوقعت قتلى.")
    assert len(events) == 3 and {e.actor2 for e in events} == {"Civilians (Syria)"}
    assert sum(e.fatalities for e in events) == 3  # «قتلى» = 3, split over the towns
    events = code("وتعرضت بلدات نوى وطفس وإنخل، الثلاثاء، لغارات جوية عنيفة.")
    assert len(events) == 3 and {e.actor2 for e in events} == {""}


def test_two_states_strikes_in_one_phrase_are_separate_and_share_their_target() -> None:
    events = code("وقالت فرق الإسعاف، الثلاثاء، إن سكانا سقطوا قتلى جراء قصف سوري بالبراميل المتفجرة وغارات روسية "
                  "بالقنابل على الأحياء السكنية في بلدتي سراقب وكفرنبل.")
    assert sorted((e.actor1, e.location) for e in events) == [
        ("Military Forces of Russia (2000-)", "Kafr Nobol"), ("Military Forces of Russia (2000-)", "Saraqab"),
        ("Military Forces of Syria (2000-)", "Kafr Nobol"), ("Military Forces of Syria (2000-)", "Saraqab")]


def test_a_site_renamed_without_its_article_is_the_place_named_before() -> None:
    events = code('وقصفت طائرات حربية، الأحد، قاعدة التيفور الجوية في ريف حمص.\n'
                  'واتهمت دمشق إسرائيل بالوقوف وراء هجوم صاروخي، فجر الاثنين، استهدف قاعدة "تيفور".')
    assert ("Military Forces of Israel", "Tiyas (T4) airbase", "2018-03-12") in {
        (e.actor1, e.location, e.event_date) for e in events}


def test_an_alleged_attack_that_happened_on_its_own_day_is_coded_on_that_day() -> None:
    (event,) = code("واجتمع مندوبو الدول الأعضاء، الاثنين، في جلسة عاجلة لبحث الهجوم الكيماوي المفترض الذي حصل، "
                    "السبت، في مدينة دوما السورية وخلف عشرات الضحايا.")
    assert (event.sub_event_type, event.location, event.event_date) == ("Chemical weapon", "Duma", "2018-03-10")
    assert code("وناقش المجلس، الاثنين، الهجوم المفترض على بلدة سراقب.") == []


def test_rumours_of_a_clash_are_no_event() -> None:
    assert code("وتداول ناشطون، الثلاثاء، شائعات عن وقوع اشتباكات في بلدة سراقب.") == []
    (clash,) = code("ووقعت، الثلاثاء، اشتباكات في بلدة سراقب بين فصائل المعارضة وقوات النظام.")
    assert clash.sub_event_type == "Armed clash"


def test_a_towns_outskirts_list_with_other_towns() -> None:
    events = code("وقصفت قوات النظام، الثلاثاء، أطراف مدينة سراقب وبلدة كفرنبل.")
    assert sorted(e.location for e in events) == ["Kafr Nobol", "Saraqab"]


def test_a_second_air_force_named_with_the_first_strikes_too() -> None:
    events = code("وذكرت مصادر محلية أن غارات شنتها مقاتلات روسية وبراميل ألقتها مروحيات سورية استهدفت، "
                  "الجمعة، أحياء في بلدة سراقب.")
    assert "Military Forces of Syria (2000-)" not in {e.actor2 for e in events}
    assert events and events[0].actor1 == "Military Forces of Russia (2000-)"


def _at(text: str, name: str, admin1: str, lat: float, lon: float, pcode: str = "C1", feature: str = "community",
        name_en: str = "") -> Place:
    start = text.index(name)
    return Place(start, start + len(name), name, name, name_en or name, "Syria", admin1=admin1, pcode=pcode,
                 latitude=lat, longitude=lon, feature=feature, geo_precision=1)


def test_a_province_named_after_a_list_situates_its_far_namesakes() -> None:
    from marsad.events.listed_places import situated

    text = "سيطرت القوات على قرى البستان، والشومرية شرقي درعا أمس"
    far = _at(text, "البستان", "Al-Hasakeh", 36.5, 40.7)
    other = _at(text, "الشومرية", "Homs", 34.6, 37.1)
    seat = _at(text, "درعا", "Dar'a", 32.62, 36.10, pcode="C6000", name_en="Dar'a")
    moved = situated([far, other], [far, other, seat], text)
    assert [(p.admin1, p.geo_precision) for p in moved] == [("Dar'a", 3), ("Dar'a", 3)]
    near = _at(text, "الشومرية", "Rural Damascus", 33.2, 36.3)  # within reach of Daraa: the geocoder's choice stays
    assert situated([far, near], [far, near, seat], text)[1] == near


def test_a_town_s_bearing_or_a_list_of_regions_situates_nothing() -> None:
    from marsad.events.listed_places import situated

    text = "وجود في التنف جنوب غربي البوكمال قرب الحدود"
    tanf = _at(text, "التنف", "Homs", 33.5, 38.6)
    town = _at(text, "البوكمال", "Deir-ez-Zor", 34.45, 40.92, name_en="Abu Kamal")
    assert situated([tanf], [tanf, town], text) == [tanf]
    text = "في شمالي وشرقي حلب، وغربي محافظة الرقة"
    city = _at(text, "حلب", "Aleppo", 36.2, 37.15, name_en="Aleppo")
    raqqa = _at(text, "الرقة", "Ar-Raqqa", 35.95, 39.0, feature="admin1")
    assert situated([city], [city, raqqa], text) == [city]


def test_a_strike_after_a_joint_one_is_struck_by_both_states_a_car_bomb_by_neither() -> None:
    lead = "شنت طائرات حربية روسية وسورية، الثلاثاء، غارات جوية على ريف إدلب الجنوبي. "
    events = code(lead + "وقتل ثمانية مدنيين في قصف على مدينة خان شيخون.")
    assert sorted((e.actor1, e.fatalities) for e in events if e.location == "Khan Shaykun") == [
        ("Military Forces of Russia (2000-)", 4), ("Military Forces of Syria (2000-)", 4)]
    events = code(lead + "وقتل ثمانية مدنيين في انفجار سيارة مفخخة في مدينة سراقب.")
    assert [e.actor1 for e in events if e.location == "Saraqab"] == ["Unidentified Armed Group (Syria)"]
    events = code("شنت طائرات حربية روسية، الثلاثاء، غارات جوية على ريف إدلب الجنوبي. "
                  "وقتل ثمانية مدنيين في قصف على مدينة خان شيخون.")
    assert [e.actor1 for e in events if e.location == "Khan Shaykun"] == ["Military Forces of Russia (2000-)"]
