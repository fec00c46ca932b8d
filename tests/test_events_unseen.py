"""Structure that recurs in any news (round two of issue 6), on sentences written for this file:
killings by a named armed side, protesters shot, events outside Syria (default pipeline without
the entity tagger)."""

from __future__ import annotations

from coding import code
from marsad.actors.kb import by_name, country_name, inter_for


def test_protesters_killed_by_security_forces_is_excessive_force() -> None:
    (event,) = code("وقتل ثلاثة متظاهرين برصاص قوات الأمن، الثلاثاء، في مدينة البصرة جنوبي العراق.")
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Excessive force against protesters", "Protesters (Iraq)", "Police Forces of Iraq", 3)


def test_an_army_that_fires_on_protesters_is_their_opponent() -> None:
    (event,) = code("وأطلق الجيش العراقي، أمس الثلاثاء، النار على متظاهرين في مدينة البصرة فقتل اثنين منهم.")
    assert (event.sub_event_type, event.actor2, event.country) == (
        "Excessive force against protesters", "Military Forces of Iraq (2014-)", "Iraq")


def test_people_shot_dead_by_a_named_army_are_civilians_attacked() -> None:
    (event,) = code("وقالت الوزارة إن فلسطينيين اثنين قتلا برصاص الجيش الإسرائيلي، الثلاثاء، شرقي مدينة خان يونس.")
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Attack", "Military Forces of Israel", "Civilians (Palestine)", 2)


def test_a_killed_member_of_an_armed_side_is_not_its_attack() -> None:
    assert code("وأعلن الجيش العراقي، الثلاثاء، مقتل ضابط رفيع في مدينة الموصل.") == []


def test_geonames_country_names_take_acled_spelling() -> None:
    assert country_name("Palestinian Territory") == "Palestine"
    assert country_name("PS") == "Palestine"
    israel = by_name("Military Forces of Israel")
    assert israel is not None and inter_for(israel, "Palestine") == 1 and inter_for(israel, "Syria") == 8


def test_a_concluded_evacuation_deal_is_an_agreement_between_both_parties() -> None:
    (event,) = code("وتوصلت فصائل المعارضة وقوات النظام، الثلاثاء، إلى اتفاق يقضي بإجلاء المقاتلين من مدينة دوما.")
    assert (event.sub_event_type, event.actor1, event.actor2, event.event_date) == (
        "Agreement", "Opposition Rebels (Syria)", "Military Forces of Syria (2000-)", "2018-03-13")


def test_a_ceasefire_deal_is_one_agreement_not_a_clash() -> None:
    (event,) = code("وأبرمت فصائل المعارضة، الثلاثاء، اتفاقا لوقف إطلاق النار في مدينة بصرى الشام.")
    assert (event.sub_event_type, event.location) == ("Agreement", "Busra Esh-Sham")


def test_a_deal_mentioned_or_planned_is_no_agreement() -> None:
    assert code("وقال المتحدث إن الاتفاق يقضي بإجلاء المقاتلين من مدينة دوما.") == []
    assert code("وتسعى روسيا، الثلاثاء، إلى اتفاق لوقف إطلاق النار في مدينة دوما.") == []


def test_the_first_convoy_of_fighters_leaving_is_a_transfer_of_territory() -> None:
    (event,) = code("وخرجت، الثلاثاء، الدفعة الأولى من مقاتلي فصائل المعارضة من مدينة دوما بموجب اتفاق مع الجانب الروسي.")
    assert (event.sub_event_type, event.actor1, event.location) == (
        "Non-violent transfer of territory", "Opposition Rebels (Syria)", "Duma")
    assert code("ووصلت، الثلاثاء، الدفعة الأولى من المساعدات إلى مدينة دوما.") == []


def test_plural_and_dual_nationality_adjectives_name_the_target_state() -> None:
    (event,) = code("وقتل 4 جنود عراقيين، الثلاثاء، في هجوم لتنظيم داعش على نقطة تفتيش في كركوك.")
    assert (event.actor1, event.actor2, event.fatalities) == ("Islamic State (Iraq)", "Military Forces of Iraq (2014-)", 4)


def test_an_army_named_by_a_nationality_outside_the_base_is_that_state_s() -> None:
    from marsad.actors.linker import link_text

    assert [a.name for a in link_text("هاجم مسلحو حركة طالبان نقطة تفتيش للجيش الأفغاني")] == [
        "Taliban", "Military Forces of Afghanistan"]
    assert [a.name for a in link_text("واعتقلت الشرطة السعودية رجلين")] == ["Police Forces of Saudi Arabia"]


def test_positions_held_by_a_group_make_it_the_target() -> None:
    (event,) = code("وشن الطيران الحربي، الثلاثاء، غارات على مواقع تسيطر عليها الفصائل في بلدة كفرنبل.")
    assert event.actor2 == "Opposition Rebels (Syria)"
    (event,) = code("وشن الطيران الحربي، الثلاثاء، غارات على مناطق تسيطر عليها الفصائل في بلدة كفرنبل.")
    assert event.actor2 == ""  # the areas it holds are no side


def test_outside_syria_a_clash_takes_the_local_state_named_before() -> None:
    text = ("أعلن الجيش التركي، الثلاثاء، مقتل جنديين. وقالت مصادر إن اشتباكات اندلعت، الثلاثاء، "
            "مع مسلحي حزب العمال الكردستاني في مدينة ديار بكر.")
    (event,) = code(text)
    assert (event.actor1, event.actor2) == ("PKK: Kurdistan Workers Party", "Military Forces of Turkey (2016-)")


def test_yemen_government_forces_and_a_backing_coalition() -> None:
    (event,) = code("وشن الجيش اليمني، الثلاثاء، مسنودا بالتحالف العربي هجوما واسعا على مواقع الحوثيين في مدينة الحديدة.")
    assert (event.actor1, event.actor2) == (
        "Military Forces of Yemen (2016-) Hadi Government", "Military Forces of Yemen (2017-) Supreme Political Council")
    (event,) = code("واستعادت القوات الحكومية، الثلاثاء، السيطرة على مدينة الحديدة.")
    assert event.actor1 == "Military Forces of Yemen (2016-) Hadi Government"


def test_a_nationality_dual_counts_two_dead() -> None:
    from marsad.actors.text import words
    from marsad.events.fatalities import count_deaths

    assert count_deaths(words("قتل فلسطينيان وأصيب مئات آخرون")) == 2


def test_a_strike_named_by_its_genitive_attacker_never_hits_an_ally() -> None:
    events = code("وقتل نحو 40 مسلحا خلال مواجهات مع القوات الحكومية وغارات لطائرات التحالف استهدفت تعزيزاتهم، "
                  "الثلاثاء، في مدينة الحديدة.")
    strike = next(e for e in events if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 == "Operation Restoring Hope"
    assert strike.actor2 != "Military Forces of Yemen (2016-) Hadi Government"


def test_an_armed_force_after_an_active_kill_verb_acts_and_its_count_follows_the_day() -> None:
    (event,) = code("وقتلت الشرطة السعودية، الثلاثاء، ثلاثة مسلحين في اشتباك في مدينة القطيف.")
    assert (event.actor1, event.actor2, event.fatalities) == (
        "Police Forces of Saudi Arabia", "Unidentified Armed Group (Saudi Arabia)", 3)


def test_a_town_handed_over_is_a_transfer_from_who_hands_it() -> None:
    for text in ("وسلمت وحدات حماية الشعب، الثلاثاء، مدينة منبج لقوات النظام.",
                 "وتسلمت قوات النظام، الثلاثاء، مدينة منبج من وحدات حماية الشعب."):
        (event,) = code(text)
        assert (event.sub_event_type, event.actor1, event.actor2) == (
            "Non-violent transfer of territory", "YPG: Kurdish People's Protection Units", "Military Forces of Syria (2000-)")
    assert code("وسلمت الوزارة، الثلاثاء، رسالة إلى السفير في مدينة منبج.") == []


def test_a_reported_arrest_noun_is_an_arrest_but_an_order_to_arrest_is_not() -> None:
    (event,) = code("ووفق الوكالة فإنه تم، الثلاثاء، القبض على اثنين من المتورطين في الهجوم في مدينة أبها.")
    assert (event.sub_event_type, event.actor1) == ("Arrests", "Police Forces of Saudi Arabia")
    assert code("وأمرت المحكمة، الثلاثاء، بالقبض على اثنين من المتورطين في مدينة أبها.") == []


def test_a_truce_with_a_state_named_as_a_country_is_their_agreement() -> None:
    (event,) = code("ومع الضغط العسكري، أبرمت روسيا وفصائل معارضة، الثلاثاء، اتفاق هدنة ينص على تسليم "
                    "الفصائل لسلاحها الثقيل في مدينة درعا.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Agreement", "Opposition Rebels (Syria)", "Military Forces of Russia (2000-)")


def test_definite_victims_are_those_the_previous_sentence_counted() -> None:
    text = ("قالت مصادر طبية إن ما لا يقل عن 15 مدنياً، قتلوا بغارات جوية على مدن وبلدات الغوطة الشرقية المحاصرة. "
            "وقال الدفاع المدني، الثلاثاء، إن المدنيين قتلوا بقصف بالبراميل المتفجرة على بلدات مسرابا وجسرين ودوما.")
    towns = {e.location: e.fatalities for e in code(text) if e.location in ("Misraba", "Jisrein")}
    assert towns == {"Misraba": 5, "Jisrein": 5}


def test_among_the_dead_is_no_reference_to_an_earlier_toll() -> None:
    from marsad.actors.text import words
    from marsad.events.fatalities import told_before

    assert told_before(words("وقال المرصد إن من بين القتلى الذين سقطوا بغارات نساء وأطفال"), 60) is None
    assert told_before(words("وقال المرصد إن المدنيين قتلوا بغارات على البلدة"), 60) == 60


def test_an_arrest_verb_and_its_object_noun_are_one_verbal_cue() -> None:
    from marsad.actors.text import words
    from marsad.events.coder import _kept_hits
    from marsad.events.triggers import find_triggers

    toks = words("وألقت السلطات القبض على رجلين في مدينة إسطنبول")
    (hit,) = _kept_hits(find_triggers(toks), toks)
    assert hit.definition.sub_event_type == "Arrests" and hit.definition.verbal


def test_firing_at_people_at_protesters_or_at_forces() -> None:
    (event,) = code("وأطلق مسلحون، الثلاثاء، النار على حافلة تقل مدنيين في مدينة العريش، ما أدى إلى مقتل 7 أشخاص.")
    assert (event.sub_event_type, event.actor2, event.fatalities) == ("Attack", "Civilians (Egypt)", 7)
    (event,) = code("وأطلق مسلحون النار على دورية للشرطة المصرية، الثلاثاء، في مدينة العريش.")
    assert (event.sub_event_type, event.actor2) == ("Armed clash", "Police Forces of Egypt")
    (event,) = code("وأطلقت قوات الأمن، الثلاثاء، النار على متظاهرين في مدينة البصرة.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert code("وأطلق الجيش النار على الحدود، الثلاثاء، في مدينة العريش.") == []


def test_a_protest_and_the_force_used_against_it_are_one_event() -> None:
    text = ("قتل ثلاثة شبان فلسطينيين وجرح نحو 250 آخرين برصاص القوات الإسرائيلية خلال احتجاجات قرب مدينة غزة. "
            "وتظاهر آلاف الفلسطينيين في مدينة غزة الثلاثاء.")
    (event,) = code(text)
    assert (event.sub_event_type, event.actor2, event.fatalities) == (
        "Excessive force against protesters", "Military Forces of Israel", 3)
