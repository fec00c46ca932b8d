"""Who did what to whom: actor constructions on sentences written for this file
(default pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code
from marsad.actors import link_text
from marsad.actors.text import words
from marsad.events import roles


def pairs(text: str) -> set[tuple[str, str]]:
    return {(e.actor1, e.actor2) for e in code(text)}


def test_a_speaker_who_names_the_strikes_nationality_is_no_side() -> None:
    text = "الغارة التي قال حزب الله إنها إسرائيلية، واستهدفت مطارا عسكريا"
    anchor = text.index("واستهدفت")
    agent, _ = roles.pick_actors(link_text(text), words(text), 0, len(text), anchor)
    assert agent is None  # the speaker is dropped; the adjective names the agent
    toks = words(text)
    assert roles.nationality_actors(toks, 0, len(toks), "Syria")[0].name == "Military Forces of Israel"


def test_a_speakers_office_is_no_side() -> None:
    text = "وذكر أحمد سالم، رئيس الشرطة في المدينة، أن امرأة فجرت نفسها في سوق مدينة الرقة، الثلاثاء."
    assert all(not e.actor1.startswith("Police") for e in code(text))


def test_every_accuser_of_a_list_is_no_side() -> None:
    text = ("واتهم كل من جيش الإسلام، والمرصد السوري، قوات النظام السوري بشن هجوم بغاز الكلور "
            "الثلاثاء على مدينة دوما، ما أدى إلى مقتل 12 مدنيا.")
    events = code(text)
    assert events and all(e.actor1 == "Military Forces of Syria (2000-)" for e in events)


def test_a_nationality_noun_names_the_attacker() -> None:
    text = "وقتل القيادي في تنظيم داعش الثلاثاء بضربة جوية للروس على مغارة في بلدة السخنة."
    assert any(e.actor1 == "Military Forces of Russia (2000-)" for e in code(text))


def test_injured_and_gassed_civilians_are_the_target() -> None:
    gassed = "وسجلت حالات اختناق بين المدنيين الثلاثاء إثر قصف جوي شنته قوات النظام على بلدة كفرنبل."
    assert ("Military Forces of Syria (2000-)", "Civilians (Syria)") in pairs(gassed)
    hurt = "وأدى قصف مدفعي لقوات النظام الثلاثاء على بلدة كفرنبل إلى إصابة أكثر من 20 شخصا من المدنيين."
    assert ("Military Forces of Syria (2000-)", "Civilians (Syria)") in pairs(hurt)


def test_the_group_whose_pocket_a_town_is_is_no_target() -> None:
    text = "شنت طائرات النظام الجمعة غارات على مدينة حرستا، آخر جيب للفصائل المعارضة قرب العاصمة دمشق."
    assert all(e.actor2 != "Opposition Rebels (Syria)" for e in code(text))


def test_a_coalitions_leader_is_part_of_its_name() -> None:
    text = "اتهمت وسائل الإعلام التحالف الدولي، بقيادة الولايات المتحدة، بشن الضربة"
    assert [a.name for a in link_text(text)] == ["Global Coalition Against Daesh"]


def test_civil_defence_and_civil_society_are_no_civilians() -> None:
    assert [a.name for a in link_text("وقال الدفاع المدني ومنظمات المجتمع المدني إن مدنيين قتلوا")] == [
        "Civilians (Syria)"]


def test_the_side_accused_of_an_unattributed_strike_carried_it_out() -> None:
    text = ("قتل 12 عنصرا من القوات الموالية لدمشق في غارة جوية الثلاثاء على بلدة الهري. "
            "واتهمت وكالة الأنباء الرسمية التحالف الدولي، بقيادة واشنطن، بشن الغارة.")
    assert any(e.actor1 == "Global Coalition Against Daesh" for e in code(text))


def test_the_accuser_named_before_the_accused_is_not_blamed() -> None:
    text = ("قتل 12 عنصرا من القوات الموالية لدمشق في غارة جوية الثلاثاء على بلدة الهري. "
            "وهي المرة الأولى التي تتهم فيها القوات التركية إيران بقصف مواقع حلفائها.")
    assert all(e.actor1 != "Military Forces of Turkey (2016-)" for e in code(text))


def test_a_source_that_says_it_struck_is_the_agent() -> None:
    text = "وكان الجيش الإسرائيلي قد أعلن، الثلاثاء، أنه نفذ سلسلة غارات جوية على مواقع إيرانية قرب دمشق."
    anchor = text.index("غارات")
    agent, _ = roles.pick_actors(link_text(text), words(text), 0, len(text), anchor)
    assert agent is not None and agent.name == "Military Forces of Israel"


def test_members_of_a_group_among_the_dead_make_it_the_target() -> None:
    text = "وأكد مسؤول مقتل 7 أشخاص في الهجوم، اثنان منهم عناصر في الحشد العشائري"
    anchor = text.index("الهجوم")
    agent, target = roles.pick_actors(link_text(text, "Iraq"), words(text), 0, len(text), anchor)
    assert agent is None and target is not None and target.name == "Popular Mobilization Forces"


def test_a_deal_one_armed_group_concluded_was_made_with_the_state() -> None:
    text = ("واصلت قوات النظام حصار مدينة دوما. وتحدثت وسائل الإعلام الرسمية عن عقد اتفاق مع جيش "
            "الإسلام الثلاثاء يسمح لمقاتليه بمغادرة دوما.")
    deals = [e for e in code(text) if e.sub_event_type == "Agreement"]
    assert deals and {deals[0].actor1, deals[0].actor2} == {"Military Forces of Syria (2000-)", "Jaish al-Islam"}


def test_a_deal_with_a_named_country_takes_no_state_forces() -> None:
    text = "وتوصلت فصائل المعارضة الثلاثاء إلى اتفاق مع روسيا لإجلاء مقاتليها من بلدة الرستن."
    assert all(e.actor1 != "Military Forces of Syria (2000-)" for e in code(text))


def test_a_battle_naming_no_side_is_the_storys_nearest_fight() -> None:
    text = "هاجم عناصر من تنظيم داعش الثلاثاء مواقع لقوات النظام شرق السويداء، بينما هاجم آخرون الثلاثاء قرية الشبكي."
    pair = {"Military Forces of Syria (2000-)", "Islamic State (Syria)"}
    assert [{e.actor1, e.actor2} for e in code(text) if e.sub_event_type == "Armed clash"] == [pair, pair]


def test_its_air_defences_are_the_sources_own_forces() -> None:
    text = "أعلن الجيش الإسرائيلي الثلاثاء أن دفاعاته الجوية أسقطت طائرة سورية فوق القنيطرة."
    assert ("Military Forces of Israel", "Military Forces of Syria (2000-)") in pairs(text)


def test_names_and_descriptions_are_not_people() -> None:
    assert [a.name for a in link_text("وسيطرت القوات على صالة نادي عمال القنيطرة")] == []
    assert [a.name for a in link_text("قتل ستة أشخاص من حلفاء النظام في انفجار")] == [
        "NDF: National Defence Forces"]


def test_who_planted_the_mines_is_the_agent_of_their_blast() -> None:
    text = ("وقالت مصادر محلية إن الألغام التي زرعتها ميليشيات الحوثي تنتشر في الأحياء. "
            "وقتل ثلاثة مدنيين الثلاثاء في انفجار لغم في مدينة الحديدة.")
    assert any(e.actor1 == "Military Forces of Yemen (2017-) Supreme Political Council" for e in code(text))


def test_generic_fighters_leaving_are_the_one_faction_the_story_names() -> None:
    text = ("وأعلنت حركة أحرار الشام التوصل إلى اتفاق لإجلاء مقاتليها. "
            "وبدأ مقاتلون معارضون الثلاثاء مغادرة بلدة حرستا.")
    leaving = [e for e in code(text) if e.sub_event_type == "Non-violent transfer of territory"]
    assert leaving and leaving[0].actor1 == "Ahrar al-Sham"


def test_fire_from_afar_by_generic_fighters_stays_generic() -> None:
    text = ("وتسيطر حركة أحرار الشام على البلدة. وقتل طفل الثلاثاء في حي جوبر بدمشق جراء قصف "
            "نفذته فصائل معارضة.")
    assert all(e.actor1 != "Ahrar al-Sham" for e in code(text))


def test_the_men_of_a_force_among_the_dead_make_it_the_target() -> None:
    text = "وقتل ثمانية من رجال الشرطة في هجوم على حاجز"
    anchor = text.index("هجوم")
    agent, target = roles.pick_actors(link_text(text, "Egypt"), words(text), 0, len(text), anchor)
    assert agent is None and target is not None and target.name == "Police Forces of Egypt"
    assert [a.name for a in link_text("قتل نحو مئتين من المرتزقة الروس في مواجهات")] == ["Wagner Group"]


def test_a_state_named_as_a_neighbour_is_no_side() -> None:
    text = "حيث تدور اشتباكات عنيفة في منطقة موقعها الحدودي مع إسرائيل والأردن"
    anchor = text.index("اشتباكات")
    assert roles.pick_actors(link_text(text), words(text), 0, len(text), anchor) == (None, None)


def test_the_front_refers_back_to_the_syrian_liberation_front() -> None:
    text = "أعلنت جبهة تحرير سوريا بدء هجوم. وشهدت المنطقة معارك بين الجبهة وهيئة تحرير الشام"
    assert [a.name for a in link_text(text)] == [
        "Syrian Liberation Front", "Syrian Liberation Front", "Hayat Tahrir al-Sham"]


def test_yemen_theatre_names() -> None:
    yemen = [a.name for a in link_text(
        "تقدمت المقاومة اليمنية المشتركة وعلى رأسها ألوية العمالقة بعد إطلاق صاروخ من قبل الميليشيا الحوثية", "Yemen")]
    assert yemen == ["Military Forces of Yemen (2016-) Hadi Government", "Giants Brigades",
                     "Military Forces of Yemen (2017-) Supreme Political Council"]
    assert [(a.name, a.inter) for a in link_text("أطلقت الفصائل في غزة صواريخ", "Palestine")] == [
        ("Unidentified Armed Group (Palestine)", 3)]


def test_the_passives_agent_after_min_qibal_fires() -> None:
    text = "رصدت الدفاعات الجوية إطلاق صاروخ باليستي من قبل الميليشيا الحوثية على جازان"
    anchor = text.index("صاروخ")
    agent, _ = roles.pick_actors(link_text(text, "Yemen"), words(text), 0, len(text), anchor)
    assert agent is not None and agent.name == "Military Forces of Yemen (2017-) Supreme Political Council"


def test_yemens_air_strikes_are_the_coalitions_and_a_leader_is_no_target() -> None:
    text = "وسيطرت المقاومة اليمنية المشتركة، وعلى رأسها ألوية العمالقة، الثلاثاء على مطار الحديدة بعد معارك مع الحوثيين."
    events = code(text)
    assert events and all(e.actor2 != "Giants Brigades" for e in events)
    strike = "وشنت قوات الجيش الوطني اليمني الثلاثاء غارات جوية على مواقع الحوثيين في مدينة الحديدة."
    assert any(e.actor1 == "Operation Restoring Hope" for e in code(strike))


def test_who_announces_a_strike_on_it_reports_but_who_claims_one_struck() -> None:
    text = "أعلن الجيش السوري، الخميس، عن تعرض مطار عسكري لقصف صاروخي"
    anchor = text.index("لقصف")
    assert roles.pick_actors(link_text(text), words(text), 0, len(text), anchor)[0] is None
    claim = "أعلن الحرس الثوري الإيراني، الجمعة، مسؤوليته، عن إطلاق صواريخ باتجاه معسكر للحزب"
    agent, _ = roles.pick_actors(link_text(claim, "Iraq"), words(claim), 0, len(claim), claim.index("إطلاق"))
    assert agent is not None and agent.name == "Islamic Revolutionary Guard Corps"


def test_who_helps_another_take_a_town_is_no_target() -> None:
    text = "وقد ساعدت القوات الروسية قوات الأسد في استعادة قرى كان يسيطر عليها تنظيم داعش"
    toks = words(text)
    actors = link_text(text)
    assert roles.supports(actors[0], actors[1], toks)


def test_an_outside_strikers_unnamed_target_is_its_nearest_enemy_in_the_story() -> None:
    gaza = ("وأعلنت حركة حماس مسؤوليتها عن إطلاق قذائف. "
            "وقصفت إسرائيل بالمدفعية والطائرات، الثلاثاء، أكثر من 50 هدفا في مدينة غزة.")
    assert ("Military Forces of Israel", "Hamas Movement") in pairs(gaza)


def test_a_western_state_only_mentioned_is_no_second_striker() -> None:
    # one striking state and another only named: one event (a joint strike needs each named as striking)
    text = ("شنت الولايات المتحدة، الثلاثاء، غارات على مواقع للنظام في حمص. "
            "وقالت فرنسا إنها لم تشارك في العملية.")
    assert {e.actor1 for e in code(text)} == {"Military Forces of the United States"}
    # the three conjoined before their strikes: each its own event
    text = "وشنت الولايات المتحدة وبريطانيا وفرنسا، الثلاثاء، ضربات على مواقع للنظام في حمص."
    assert len({e.actor1 for e in code(text)}) == 3


def test_a_blast_on_no_named_side_takes_the_civilian_dead_of_its_other_report() -> None:
    (blast,) = code("استهدف تفجير انتحاري الثلاثاء تجمعا في بلدة الباب. "
                    "وقتل خمسة مدنيين في تفجير انتحاري بسيارة مفخخة في بلدة الباب الثلاثاء.")
    assert (blast.sub_event_type, blast.actor2, blast.fatalities) == ("Suicide bomb", "Civilians (Syria)", 5)


def test_a_strike_the_lead_attributes_to_an_outside_state_hits_the_enemy_the_lead_named() -> None:
    (strike,) = code("شنت الولايات المتحدة، السبت، ضربات على مواقع للنظام السوري. "
                     "واستهدفت الضربات مركزا للبحوث في مدينة حمص.")
    assert (strike.actor1, strike.actor2) == ("Military Forces of the United States", "Military Forces of Syria (2000-)")


def test_two_states_named_by_their_capitals_as_allies_strike_one_event_each() -> None:
    events = code("تسببت غارات شنتها دمشق مع حليفتها موسكو الثلاثاء بمقتل 7 مدنيين في بلدة حمورية.")
    assert sorted((e.actor1, e.fatalities) for e in events) == [("Military Forces of Russia (2000-)", 3),
                                                                ("Military Forces of Syria (2000-)", 4)]
    # a capital only visited is no second striker
    events = code("شنت دمشق الثلاثاء غارات على بلدة حمورية مع وصول وفد إلى موسكو.")
    assert {e.actor1 for e in events} <= {"Military Forces of Syria (2000-)"}


def test_a_strike_on_a_named_airbase_hits_the_states_forces() -> None:
    (strike,) = code("استهدفت غارات مجهولة الثلاثاء مطار الشعيرات في ريف حمص.")
    assert strike.actor2 == "Military Forces of Syria (2000-)"
    assert not strike.actor1.startswith("Military Forces of Syria")  # nobody strikes its own base


def test_a_western_state_that_denies_striking_is_no_striker() -> None:
    text = ("قصفت صواريخ الثلاثاء مطار الشعيرات في ريف حمص. "
            "وأعلنت هيئة الأركان أن الجيش الفرنسي لم يشن ضربات على المطار.")
    assert all(e.actor1 != "Military Forces of France" for e in code(text))


def test_gunmen_after_inna_are_the_subject_and_men_of_a_named_group_are_that_group() -> None:
    (attack,) = code("وقال الجيش إن مسلحين فتحوا النار على عدد من المدنيين في بلدة الباب الثلاثاء.")
    assert (attack.sub_event_type, attack.actor1, attack.actor2) == (
        "Attack", "Unidentified Armed Group (Syria)", "Civilians (Syria)")
    (strike,) = code("وقال الجيش إن طائراته قصفت مسلحين في بلدة الباب الثلاثاء.")
    assert strike.actor2 == "Unidentified Armed Group (Syria)"  # after the verb they are still its object
    (fight,) = code("قال مصدر أمني إن مسلحين من تنظيم داعش هاجموا الثلاثاء حاجزا للجيش في بلدة الباب.")
    assert fight.actor1 == "Islamic State (Syria)"


def test_a_state_fighting_at_home_lends_its_name_to_no_strike_abroad() -> None:
    events = code("قصفت قوات النظام السوري الثلاثاء بلدة كفرنبل. "
                  "وفي العراق، قصفت الطائرة الحربية الثلاثاء مواقع لداعش في الموصل.")
    (mosul,) = [e for e in events if e.location == "Mosul"]
    assert mosul.actor1 != "Military Forces of Syria (2000-)"


def test_the_story_agent_is_not_lent_to_a_strike_on_its_ally() -> None:
    text = ("أعلن الجيش الروسي السبت عدم وقوع ضحايا جراء الضربات العسكرية على مواقع تابعة للنظام السوري. "
            "وفي وسط البلاد، استهدفت صواريخ السبت مستودعات للجيش غرب مدينة حمص.")
    assert all(e.actor1 != "Military Forces of Russia (2000-)" for e in code(text))
