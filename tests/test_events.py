"""Event coder on news-style sentences written for the project (places built by hand)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from marsad.actors.step import link_article
from marsad.events.step import code_article
from marsad.model import Article, Event, Place

GAZ = {
    "كفرنبل": ("Kafr Nabl", "Idleb", "C4140", 1, "community"),
    "اللطامنة": ("Latamneh", "Hama", "C3062", 1, "community"),
    "منبج": ("Menbij", "Aleppo", "C1780", 1, "community"),
    "سراقب": ("Saraqab", "Idleb", "C4270", 1, "community"),
    "معرة النعمان": ("Maarrat An Nu'man", "Idleb", "C4154", 1, "community"),
    "دوما": ("Duma", "Rural Damascus", "C2305", 1, "community"),
    "إدلب": ("Idleb", "Idleb", "", 3, "admin1"),
    "حماة": ("Hama", "Hama", "", 3, "admin1"),
    "حلب": ("Aleppo", "Aleppo", "", 3, "admin1"),
    "الموصل": ("Mosul", "Ninewa", "", 1, "city"),
    "أنقرة": ("Ankara", "", "", 1, "capital_metonym"),
}


def code(text: str, published: datetime | None = datetime(2018, 3, 14, 10)) -> list[Event]:
    places = []
    for name, (en, admin1, pcode, precision, feature) in GAZ.items():
        country = "Iraq" if en == "Mosul" else "Turkey" if en == "Ankara" else "Syria"
        for m in re.finditer(name, text):
            places.append(Place(m.start(), m.end(), name, name, en, country, admin1=admin1,
                                pcode=pcode, geo_precision=precision, feature=feature))
    places.sort(key=lambda p: p.start)
    article = replace(Article.create(text, id="t", published=published), places=tuple(places))
    return list(code_article(link_article(article)).events)


def test_air_strike_with_weekday_toll_and_nationality_adjective() -> None:
    (e,) = code("قتل خمسة مدنيين، الثلاثاء، في غارات جوية روسية على بلدة كفرنبل بريف إدلب الجنوبي.")
    assert (e.event_date, e.time_precision) == ("2018-03-13", 1)
    assert (e.event_type, e.sub_event_type) == ("Explosions/Remote violence", "Air/drone strike")
    assert (e.actor1, e.actor2) == ("Military Forces of Russia (2000-)", "Civilians (Syria)")
    assert (e.inter1, e.inter2, e.interaction) == (8, 7, 78)
    assert e.location == "Kafr Nabl" and e.fatalities == 5
    assert (e.plover_type, e.plover_mode) == ("ASSAULT", "aerial")
    assert e.notes.startswith("On 13 March 2018, Military Forces of Russia (2000-)")
    assert 0.0 <= e.confidence <= 1.0


def test_unreal_events_are_not_coded() -> None:
    texts = [
        "وقال المسؤول إنه إذا شنت القوات التركية هجوما على منبج فإن بلاده سترد.",
        "وتهدد أنقرة بمهاجمة منبج لطرد المقاتلين الأكراد منها.",
        "ونفت وزارة الدفاع أن تكون طائراتها قد نفذت غارات على سراقب.",
        "ومن المقرر أن تبدأ القوات عملية عسكرية في ريف حماة الأسبوع المقبل.",
        "وشهدت الأسابيع الأخيرة غارات متكررة على ريف حماة وإدلب.",
        "وأدان الوزير الغارات على دوما.",
    ]
    for text in texts:
        assert code(text) == [], text


def test_tactics_of_one_actor_place_day_merge_by_priority() -> None:
    (e,) = code("ونفذت قوات النظام، الأحد، قصفا مدفعيا وغارات جوية على بلدة اللطامنة.")
    assert e.sub_event_type == "Air/drone strike"
    assert e.actor1 == "Military Forces of Syria (2000-)"
    assert e.event_date == "2018-03-11"


def test_territory_and_battle_merge_into_one_event() -> None:
    (e,) = code("وسيطرت قوات النظام، أمس، على بلدة اللطامنة بعد معارك عنيفة مع فصائل المعارضة.")
    assert e.sub_event_type == "Government regains territory"
    assert {e.actor1, e.actor2} == {"Military Forces of Syria (2000-)", "Opposition Rebels (Syria)"}
    assert e.event_date == "2018-03-13"


def test_background_reference_and_its_toll_stay_out() -> None:
    (e,) = code(
        "وانفجرت عبوة ناسفة، الاثنين، في مدينة سراقب، وذلك بعد ثلاثة أيام من تفجير أوقع عشرات القتلى في المدينة."
    )
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert e.actor1 == "Unidentified Armed Group (Syria)" and e.actor2 == ""
    assert e.fatalities == 0 and e.event_date == "2018-03-12"


def test_vague_tolls() -> None:
    (e,) = code("وأسفر قصف صاروخي لقوات النظام على مدينة دوما عن سقوط عشرات القتلى.")
    assert e.fatalities == 12 and e.sub_event_type == "Shelling/artillery/missile attack"
    (e,) = code("وأصيب سبعة مدنيين بجروح في قصف مدفعي على مدينة دوما.")
    assert e.fatalities == 0


def test_protest_and_arrest() -> None:
    (p,) = code("وتظاهر مئات الأشخاص، الجمعة، في مدينة معرة النعمان ضد هيئة تحرير الشام.")
    assert (p.event_type, p.sub_event_type) == ("Protests", "Peaceful protest")
    assert (p.actor1, p.actor2, p.interaction) == ("Protesters (Syria)", "", 60)
    (a,) = code("واعتقلت القوات العراقية، الأحد، خمسة مشتبه بهم في مدينة الموصل.")
    assert a.sub_event_type == "Arrests" and a.actor1 == "Military Forces of Iraq (2014-)"
    assert a.country == "Iraq"


def test_capital_metonym_is_not_a_location_and_ids_are_stable() -> None:
    text = "وقصفت المدفعية التركية، الخميس، مواقع للوحدات الكردية في منبج، بحسب ما أعلنت أنقرة."
    first, second = code(text), code(text)
    assert [e.location for e in first] == ["Menbij"]
    assert first[0].event_id == second[0].event_id
    assert first[0].actor2 == "YPG: Kurdish People's Protection Units"


def test_toll_over_listed_places_is_split() -> None:
    events = code("وقتل تسعة مدنيين، الأحد، في غارات لطيران النظام على مدينتي دوما وسراقب.")
    assert sorted((e.location, e.fatalities) for e in events) == [("Duma", 5), ("Saraqab", 4)]
    assert {e.actor1 for e in events} == {"Military Forces of Syria (2000-)"}


def test_story_agent_and_anaphoric_toll() -> None:
    text = (
        "وشنت طائرات حربية روسية، الاثنين، غارات على مدينة سراقب. "
        "وأسفرت الغارات عن مقتل سبعة مدنيين.\n"
        "وقال المرصد إن غارات أخرى استهدفت، الاثنين، بلدة كفرنبل."
    )
    events = code(text)
    by_place = {e.location: e for e in events}
    assert by_place["Saraqab"].fatalities == 7
    assert by_place["Kafr Nabl"].actor1 == "Military Forces of Russia (2000-)"


def test_old_events_recalled_in_news_are_not_coded() -> None:
    assert code("وكانت قوات النظام قد سيطرت على بلدة اللطامنة في 3 يناير 2018.") == []


def test_hit_military_site_names_the_state_forces_as_target() -> None:
    (e,) = code("واستهدفت صواريخ إسرائيلية، الأحد، موقعا عسكريا قرب مدينة سراقب.")
    assert (e.actor1, e.actor2) == ("Military Forces of Israel", "Military Forces of Syria (2000-)")
    assert e.interaction == 18


def test_weak_cue_counts_when_the_strong_one_is_negated() -> None:
    text = "وقتل خمسة عناصر، الأحد، في انفجار بمدينة سراقب، فيما لم تتبن أي جهة الهجوم."
    (e,) = code(text)
    assert e.sub_event_type == "Remote explosive/landmine/IED" and e.fatalities == 5


def test_protesters_who_storm_and_burn_are_rioters() -> None:
    (e,) = code("واقتحم محتجون، الجمعة، مبنى المحافظة في مدينة الموصل وأضرموا النار فيه.")
    assert (e.event_type, e.sub_event_type) == ("Riots", "Violent demonstration")
    assert (e.actor1, e.inter1, e.interaction) == ("Rioters (Iraq)", 5, 50)


def test_without_publication_time_only_dates_with_their_year_resolve() -> None:
    """Deterministic coding: no clock is read when the article carries no publication time."""
    (e,) = code("قتل خمسة مدنيين، الثلاثاء، في غارات جوية روسية على بلدة كفرنبل بريف إدلب الجنوبي.", None)
    assert (e.event_date, e.time_precision) == ("", 3)
    assert "unknown date" in e.notes
    (e,) = code("قتل خمسة مدنيين في 12 آذار/مارس 2018 في غارات جوية روسية على بلدة كفرنبل بريف إدلب.", None)
    assert (e.event_date, e.time_precision) == ("2018-03-12", 1)
    assert e.notes.startswith("On 12 March 2018")
