"""Right event, wrong place or actor (issue #6, round eleven): the speaker's «قواتنا», an actor
that only describes another, the group a phrase names over "Unidentified", the pro-government
militia among the dead, and places the sentence's own province settles (sentences written for
this file; default pipeline without the entity tagger)."""

from __future__ import annotations

from datetime import datetime

from coding import code


def test_our_forces_in_a_statement_are_the_speaker() -> None:
    (taken,) = code('وقالت قوات سوريا الديمقراطية في بيان، الثلاثاء، "دخلت قوات النظام قرية الجنينة بريف دير الزور صباحا، '
                    'غير أن قواتنا ردت بهجوم معاكس واستعادت القرية من قبضة النظام".')
    assert (taken.actor1, taken.actor2) == ("SDF: Syrian Democratic Forces", "Military Forces of Syria (2000-)")


def test_an_actor_in_a_relative_clause_on_another_only_describes_it() -> None:
    (taken,) = code('وقالت قسد، التي تهيمن عليها وحدات حماية الشعب، في بيانها الصادر الثلاثاء "إن قواتنا '
                    'استعادت قرية الجنينة بريف دير الزور من قبضة النظام".')
    assert taken.actor1 == "SDF: Syrian Democratic Forces"
    (strike,) = code("وقصفت الطائرات الروسية، الثلاثاء، مواقع الفصائل التي تدعمها تركيا في بلدة كفرنبل.")
    assert strike.actor1 == "Military Forces of Russia (2000-)" and strike.actor2 != "Military Forces of Turkey (2016-)"


def test_gunmen_backed_by_turkey_are_the_national_army() -> None:
    (looting,) = code("ووقعت عمليات نهب في مدينة عفرين، الثلاثاء، على أيدي مسلحين مدعومين من تركيا.")
    assert looting.actor1 == "Syrian National Army"


def test_fighters_loyal_to_the_regime_among_the_dead_are_its_militia() -> None:
    (clash,) = code("وأفاد المرصد بأن 17 على الأقل من المسلحين الموالين للحكومة السورية قتلوا، الثلاثاء، في هجوم "
                    "مباغت شنه تنظيم الدولة على حاجز قرب بلدة تلول الصفا بمحافظة السويداء.")
    assert (clash.actor1, clash.actor2) == ("Islamic State (Syria)", "NDF: National Defence Forces")


def test_yemens_national_resistance_is_the_government() -> None:
    (clash,) = code("وشنت قوات المقاومة الوطنية اليمنية، مساء الثلاثاء، هجوما عنيفا على مواقع للحوثيين شرقي مدينة تعز.")
    assert clash.actor1 == "Military Forces of Yemen (2016-) Hadi Government"


def test_a_common_word_introduced_by_a_unit_noun_is_the_place() -> None:
    (strike,) = code("وشنت طائرات التحالف في اليمن، الثلاثاء، غارات على مواقع ميليشيات الحوثي في محافظة البيضاء.")
    assert (strike.admin1, strike.geo_precision) == ("Al Bayda", 3)


def test_a_village_listed_with_those_of_the_storys_province_is_not_a_namesake_far_away() -> None:
    events = code("وأعلنت قوات سوريا الديمقراطية، الثلاثاء، أنها طردت قوات النظام من عدة قرى في محافظة دير الزور. "
                  "وكانت قوات النظام قد سيطرت، الثلاثاء، على قرى شقرا والجيعة والجنينة، الواقعة شرقي نهر الفرات.")
    assert events and {e.admin1 for e in events} == {"Deir-ez-Zor"}


def test_an_ally_joined_to_the_agent_is_no_opponent() -> None:
    events = code("وأكدت وحدات حماية الشعب الكردية أنها أحبطت تقدما نحو قرية قرب عفرين. وتدور معارك ضارية، "
                  "الثلاثاء، في محيط عفرين في مسعى من قبل القوات التركية والفصائل للتقدم نحو المدينة.")
    assert [(e.actor1, e.actor2) for e in events] == [
        ("Military Forces of Turkey (2016-)", "YPG: Kurdish People's Protection Units")]
    (clash,) = code("واشتبكت فرقة الحمزة وأحرار الشرقية، الثلاثاء، في مدينة عفرين.")
    assert (clash.actor1, clash.actor2) == ("Hamza Division", "Ahrar al-Sharqiya")


def test_the_subject_of_a_cause_clause_is_not_among_the_dead() -> None:
    (attack,) = code("وأكد مسعفون أن عشرات السكان قتلوا بعدما ألقت طائرات الحكومة السورية، مساء الثلاثاء، براميل "
                     "محملة بغاز الكلور فوق مدينة سراقب.")
    assert attack.actor1 == "Military Forces of Syria (2000-)"


def test_a_place_after_a_later_act_is_not_the_strikes_and_a_bearing_from_the_city_is_near_it() -> None:
    events = code("هاجم تنظيم داعش، الثلاثاء، مدينة السويداء من عدة محاور. وأوردت وسائل إعلام حكومية أن مقاتلات "
                  "النظام استهدفت أوكار المسلحين بشمال شرق المدينة بعدما تصدى الجنود لمتسللين من التنظيم حاولوا "
                  "دخول قريتي عراجة ونمرة.")
    strikes = [e for e in events if e.sub_event_type == "Air/drone strike"]
    assert [(e.location, e.geo_precision) for e in strikes] == [("As-Sweida", 2)]


def test_who_mourns_a_commander_and_the_group_of_a_dead_commander_are_the_target() -> None:
    (strike,) = code("نعت حركة أحرار الشام قائدها الذي قتل الثلاثاء بغارة جوية على بلدة كفرنبل.")
    assert strike.actor2 == "Ahrar al-Sham"
    (strike,) = code("وقتل قائد عسكري في حركة أحرار الشام، الثلاثاء، بغارة جوية على بلدة كفرنبل.")
    assert strike.actor2 == "Ahrar al-Sham"


def test_the_place_of_what_protesters_oppose_is_not_where_they_are() -> None:
    (riot,) = code("اشتبك محتجون أكراد معارضون للتدخل التركي في عفرين مع عناصر من الشرطة الألمانية ومع أتراك "
                   "داخل محطة القطارات الرئيسية في مدينة كولونيا مساء الأحد.", published=datetime(2018, 3, 12, 10))
    assert (riot.country, riot.actor1) == ("Germany", "Rioters (Germany)")


def test_security_men_among_the_dead_are_the_police() -> None:
    (clash,) = code("قتل أربعة عناصر أمن سعوديين، الثلاثاء، عندما تعرضت نقطة تفتيش في مدينة أبها لإطلاق نار.")
    assert clash.actor2 == "Police Forces of Saudi Arabia"


def test_an_outside_states_capture_takes_the_enemy_the_story_names_later() -> None:
    (taken,) = code("وسيطرت القوات التركية والجيش الحر، الثلاثاء، على قرية ميدانكي في ناحية شران. وأوضحت أنقرة "
                    "أن هدف العملية هو وحدات حماية الشعب الكردية.")
    assert (taken.actor1, taken.actor2) == ("Military Forces of Turkey (2016-)", "YPG: Kurdish People's Protection Units")


def test_fighters_of_a_side_after_an_are_the_subject_unless_they_were_killed() -> None:
    (deal,) = code("وذكرت مصادر أهلية بأن مقاتلين من المعارضة في مدينة نوى وافقوا يوم الثلاثاء على تسليم أسلحتهم الثقيلة.")
    assert deal.actor1 == "Opposition Rebels (Syria)"
    (clash,) = code("وقال المرصد إن عناصر من قوات النظام قتلوا، الثلاثاء، في هجوم على بلدة كفرنبل.")
    assert clash.actor2 == "Military Forces of Syria (2000-)"


def test_a_group_named_for_its_links_and_a_sides_media_are_no_sides() -> None:
    (shelling,) = code('وذكرت وكالة سانا أن وحدات الجيش شرعت، الثلاثاء، في قصف تحصينات لهيئة تحرير الشام "المرتبطة '
                       'بتنظيم القاعدة" في بلدة المسمية.')
    assert shelling.actor2 == "Hayat Tahrir al-Sham"
    (downed,) = code("وأعلن الإعلام الحربي لحزب الله أن الدفاعات الجوية السورية أسقطت، الثلاثاء، عدة صواريخ كانت "
                     "متجهة نحو مطار التيفور العسكري في ريف حمص.")
    assert "Hezbollah" not in (downed.actor1, downed.actor2)


def test_what_a_crowd_protests_against_is_no_side_and_the_clash_partner_is() -> None:
    events = code("واعتقلت الشرطة الألمانية خمسة أشخاص في مدينة بريمن، الثلاثاء، خلال اشتباكات مع الشرطة وقعت في "
                  "احتجاج للأكراد ضد العملية التي يخوضها الجيش التركي.")
    riots = [e for e in events if e.sub_event_type == "Violent demonstration"]
    assert [(e.actor1, e.actor2) for e in riots] == [("Rioters (Germany)", "Police Forces of Germany")]
    assert all("Military Forces of Turkey (2016-)" not in (e.actor1, e.actor2) for e in events)
    (clash,) = code("اندلعت، الثلاثاء، اشتباكات مع قوات النظام في بلدة كفرنبل.")
    assert clash.actor2 == "Military Forces of Syria (2000-)"
