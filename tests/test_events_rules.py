"""Coding rules of the events guideline, each on sentences written for this file.

The whole default pipeline runs (minus the entity tagger, which these rules do not need).
"""

from __future__ import annotations

import pytest

from coding import code
from marsad.actors.text import words
from marsad.events.fatalities import count_deaths


@pytest.mark.parametrize("phrase, deaths", [
    ("وأسفر القصف عن سقوط قتيلين من المدنيين", 2),
    ("ما أدى إلى مقتل شخصين وإصابة آخرين", 2),
    ("قتل مدنيين اثنين في الغارة", 2),
    ("مقتل امرأتين في القصف", 2),
    ("قتل شخصان وأصيب ثلاثة آخرون بجروح", 2),
    ("مقتل مدنيين في القصف", 3),  # مدنيين alone may be a plural: the codebook's 3
    ("قتل مدني وأصيب أربعة", 1),
])
def test_dual_nouns_count_two_and_injured_numbers_do_not_count(phrase: str, deaths: int) -> None:
    assert count_deaths(words(phrase)) == deaths


def test_event_takes_the_place_named_earlier_in_the_paragraph() -> None:
    text = ("تشهد بلدة كفرنبل بريف إدلب الجنوبي توترا كبيرا منذ أسابيع. "
            "وشنت طائرات حربية روسية، أمس الثلاثاء، غارات عنيفة أسفرت عن مقتل ثلاثة مدنيين.")
    (event,) = code(text)
    assert (event.sub_event_type, event.location, event.event_date) == ("Air/drone strike", "Kafr Nobol", "2018-03-13")
    assert event.fatalities == 3 and event.actor1 == "Military Forces of Russia (2000-)"


def test_event_with_no_place_in_its_paragraph_takes_the_headline_place() -> None:
    title = "غارات على سراقب في ريف إدلب"
    text = "قالت مصادر محلية إن طائرات حربية شنت صباح اليوم غارات مكثفة، ما أدى إلى دمار واسع."
    (event,) = code(text, title=title)
    assert event.location == "Saraqab" and event.admin1 == "Idleb"
    located = code("شنت طائرات حربية صباح اليوم غارات مكثفة على بلدة سراقب في ريف إدلب.")
    assert event.confidence < located[0].confidence  # a borrowed place is weaker evidence


def test_undated_sentence_does_not_borrow_a_place() -> None:
    text = "تقع بلدة سراقب في ريف إدلب. وتعرضت المنطقة لغارات جوية مكثفة."
    assert code(text) == []


def test_pluperfect_recap_of_an_earlier_week_is_not_an_event() -> None:
    text = ("وكانت طائرات حربية إسرائيلية قد شنت يوم الخميس 8 آذار غارات على مواقع عسكرية "
            "في محيط بلدة سراقب بريف إدلب.")
    assert code(text) == []
    today = "وكانت طائرات حربية إسرائيلية قد شنت أمس غارات على مواقع عسكرية في محيط بلدة سراقب بريف إدلب."
    assert [e.sub_event_type for e in code(today)] == ["Air/drone strike"]


def test_country_name_as_subject_is_its_military() -> None:
    (event,) = code("أطلقت إسرائيل صاروخا اليوم على طائرة بدون طيار اقتربت من هضبة الجولان.")
    assert (event.sub_event_type, event.actor1) == ("Disrupted weapons use", "Military Forces of Israel")


def test_source_that_says_it_shot_down_a_jet_is_the_attacker() -> None:
    (event,) = code("قالت إسرائيل إنها أسقطت اليوم طائرة مقاتلة سورية اخترقت أجواء هضبة الجولان.")
    assert event.event_type == "Battles"
    assert (event.actor1, event.actor2) == ("Military Forces of Israel", "Military Forces of Syria (2000-)")


def test_hashtag_place_names_are_places() -> None:
    (event,) = code("قتل خمسة جنود في الضربة الجوية التي استهدفت فجر اليوم #مطار_التيفور العسكري.")
    assert event.location == "Tiyas (T4) airbase" and event.admin1 == "Homs" and event.geo_precision == 2


def test_clash_between_two_named_sides_keeps_their_order() -> None:
    text = ("اندلعت اشتباكات عنيفة اليوم بين مقاتلين من هيئة تحرير الشام، التي تضم عناصر سابقين من "
            "الجبهة الوطنية للتحرير، ومقاتلين من حركة أحرار الشام في بلدة سراقب بريف إدلب.")
    (event,) = code(text)
    assert (event.actor1, event.actor2) == ("Hayat Tahrir al-Sham", "Ahrar al-Sham")


def test_elaborating_sentence_names_the_sides_of_a_clash() -> None:
    text = ("واندلعت أمس اشتباكات عنيفة بين الطرفين.\n"
            "وقال المرصد إن القتال بدأ بين مقاتلين من هيئة تحرير الشام ومقاتلين من حركة أحرار الشام في بلدة سراقب.")
    (event,) = code(text)
    assert event.location == "Saraqab" and event.event_date == "2018-03-13"
    assert (event.actor1, event.actor2) == ("Hayat Tahrir al-Sham", "Ahrar al-Sham")


def test_islamic_state_adjective_names_the_target() -> None:
    (event,) = code("شنت القوة الجوية العراقية اليوم غارات على مواقع لقيادات داعشية قرب مدينة البوكمال.")
    assert (event.actor1, event.actor2) == ("Military Forces of Iraq (2014-)", "Islamic State (Syria)")


def test_a_toll_that_raises_a_running_tally_is_still_an_event() -> None:
    text = ("وقال مدير المرصد إن القصف على بلدتي سراقب وكفرنبل أسفر عن مقتل ستة مدنيين، "
            "لترتفع بذلك حصيلة القتلى منذ مطلع الشهر إلى 300.")
    found = sorted((e.location, e.fatalities) for e in code(text))
    assert found == [("Kafr Nobol", 3), ("Saraqab", 3)]


def test_rebels_leaving_a_town_hand_it_to_the_state() -> None:
    text = ("بدأ مقاتلون معارضون اليوم مغادرة بلدة سراقب مع عائلاتهم بموجب اتفاق مع الحكومة، "
            "على أن تدخلها قوات النظام بعد اكتمال الإجلاء.")
    (event,) = code(text)
    assert event.sub_event_type == "Non-violent transfer of territory"
    assert (event.actor1, event.actor2) == ("Opposition Rebels (Syria)", "Military Forces of Syria (2000-)")


def test_a_tally_led_lead_with_its_cause_reports_the_days_strikes() -> None:
    lead = ("أفادت مصادر طبية بارتفاع حصيلة القتلى إلى 12 مدنياً، إثر غارات جوية روسية "
            "على مدينة سراقب.")
    assert [(e.sub_event_type, e.location, e.fatalities) for e in code(lead)] == [("Air/drone strike", "Saraqab", 12)]
    since = "وارتفعت حصيلة القتلى منذ بدء الحملة إلى 300 مدني، إثر غارات جوية روسية على مدينة سراقب."
    assert code(since) == []  # a tally over a period is no event


def test_conjoined_strikes_of_two_states_share_the_towns_named_after_them() -> None:
    text = ("وذكر مسعفون في ريف إدلب، الثلاثاء، أن مدنيين قضوا في قصف سوري بالبراميل المتفجرة "
            "وغارات روسية بالقنابل العنقودية على بلدتي سراقب وكفرنبل.")
    found = sorted((e.actor1, e.location, e.sub_event_type) for e in code(text))
    assert found == [
        ("Military Forces of Russia (2000-)", "Kafr Nobol", "Air/drone strike"),
        ("Military Forces of Russia (2000-)", "Saraqab", "Air/drone strike"),
        ("Military Forces of Syria (2000-)", "Kafr Nobol", "Air/drone strike"),
        ("Military Forces of Syria (2000-)", "Saraqab", "Air/drone strike"),
    ]


@pytest.mark.parametrize("text", [
    "وكانت الوكالة قد ذكرت أن غارات جوية روسية استهدفت مدينة سراقب.",
    "وكانت الوكالة ذكرت في وقت سابق أن طائرات روسية قصفت مدينة سراقب.",
])
def test_an_earlier_report_of_todays_strike_is_no_recap(text: str) -> None:
    """The pluperfect or «في وقت سابق» of the reporting verb dates the report, not the strike."""
    assert [(e.actor1, e.location) for e in code(text)] == [("Military Forces of Russia (2000-)", "Saraqab")]


def test_a_recalled_strike_is_still_background() -> None:
    assert code("وكانت طائرات روسية قد قصفت مدينة سراقب.") == []
    assert code("وتعرضت مدينة سراقب في وقت سابق لعدة غارات روسية.") == []


def test_the_killing_a_protest_is_about_is_not_its_toll() -> None:
    (event,) = code("وخرج المئات في تظاهرة سلمية في مدينة سراقب، الثلاثاء، احتجاجا على مقتل 60 مدنيا في غارات.")
    assert (event.sub_event_type, event.fatalities) == ("Peaceful protest", 0)
    (event,) = code("قتل ثلاثة متظاهرين برصاص الشرطة خلال تظاهرة في مدينة سراقب، الثلاثاء.")
    assert (event.sub_event_type, event.fatalities) == ("Excessive force against protesters", 3)


def test_an_attack_verb_with_its_weapon_is_remote_violence() -> None:
    (event,) = code("وهاجم مسلحون بطائرة مسيرة، الثلاثاء، مطار حماة العسكري.")
    assert event.sub_event_type == "Air/drone strike"


def test_a_match_report_is_no_strike() -> None:
    assert code("وسدد اللاعب بضربة قوية في الزاوية اليمنى لكن الكرة خرجت بعيدا عن المرمى في مباراة حماة.") == []


def test_a_past_year_after_the_trigger_makes_it_history() -> None:
    assert code("وصلت الاثنين رفات 38 عاملا خطفوا وقتلوا في مدينة سراقب عام 2014.") == []
    kept = code("قتل خمسة مدنيين الاثنين في غارة على مدينة سراقب التي سيطرت عليها المعارضة عام 2012.")
    assert [e.location for e in kept] == ["Saraqab"]  # the year belongs to the relative clause


def test_who_received_strikes_in_yemen_was_hit_by_the_coalition() -> None:
    (event,) = code("تلقت ميليشيات الحوثي، الثلاثاء، سلسلة غارات جوية في مدينة الحديدة.")
    assert (event.actor1, event.actor2) == (
        "Operation Restoring Hope", "Military Forces of Yemen (2017-) Supreme Political Council")


def test_a_weak_strike_noun_needs_more_than_itself() -> None:
    assert code("وتمثل السيطرة على مدينة سراقب، الثلاثاء، ضربة قاصمة للمعارضة.") == []
    (event,) = code("ونفذ الطيران الروسي، الثلاثاء، ضربة موجعة ضد موقع للمعارضة قرب مدينة سراقب.")
    assert (event.sub_event_type, event.location) == ("Air/drone strike", "Saraqab")


def test_a_day_of_the_month_is_no_toll() -> None:
    assert count_deaths(words("كما قتلت في 25 من الشهر الجاري الناشطة بإطلاق نار")) == 1
    assert count_deaths(words("قتل خمسة في 7 آذار")) == 5


def test_charges_condemnations_and_past_attacks_are_background() -> None:
    assert code("وكان بين المفرج عنهم 11 مدانا بجرائم إرهاب، ما بين تفجير سيارات مفخخة في مدينة سراقب.") == []
    text = "وقع انفجار، الثلاثاء، قرب فندق في مدينة سراقب، كان هدفا لهجمات في السابق شنتها فصائل متطرفة."
    assert [e.sub_event_type for e in code(text)] == ["Remote explosive/landmine/IED"]
    kept = code("اغتال مسلحون، الثلاثاء، الرئيس السابق للمجلس المحلي في مدينة سراقب.")
    assert [e.location for e in kept] == ["Saraqab"]


@pytest.mark.parametrize("text", [
    "استهدفت قوات النظام وروسيا، الثلاثاء، مدينة سراقب بعشرات الصواريخ والغارات الجوية.",
    "قصفت روسيا والنظام السوري، الثلاثاء، مدينة سراقب بالطائرات.",
])
def test_the_state_and_its_conjoined_ally_strike_together(text: str) -> None:
    assert sorted(e.actor1 for e in code(text)) == ["Military Forces of Russia (2000-)", "Military Forces of Syria (2000-)"]


def test_allied_militias_are_no_second_striker() -> None:
    found = code("قصفت قوات النظام والميليشيات الإيرانية، الثلاثاء، مدينة سراقب.")
    assert [e.actor1 for e in found] == ["Military Forces of Syria (2000-)"]


def test_an_interception_names_its_object_after_the_subject() -> None:
    (event,) = code("أسقطت الدفاعات الجوية السورية، الثلاثاء، طائرة مسيرة قرب مدينة حماة.")
    assert (event.sub_event_type, event.actor1) == ("Disrupted weapons use", "Military Forces of Syria (2000-)")


def test_a_risen_tally_counts_its_new_figure() -> None:
    assert count_deaths(words("ارتفع عدد القتلى جراء الغارات على مدينة سراقب، الثلاثاء، إلى 12 مدنيا")) == 12
    assert count_deaths(words("وصل عدد القتلى إلى نحو 40 شخصا وأصيب 3")) == 40


def test_a_government_inside_an_actors_name_governs_nothing_after_it() -> None:
    (event,) = code("اندلعت اشتباكات، الثلاثاء، بين قوات حكومة الوفاق وقوات حفتر في طرابلس.")
    assert {event.actor1, event.actor2} == {
        "Military Forces of Libya (2016-) Government of National Accord", "Libyan National Army"}


def test_martyrdom_words_count_the_dead() -> None:
    assert count_deaths(words("استشهد ثلاثة فلسطينيين برصاص الجيش")) == 3
    assert count_deaths(words("سقوط 4 شهداء في القصف")) == 4
    period = "بارتفاع عدد قتلى المسلحين خلال المعارك إلى أكثر من 250 شخصا منذ بدء العملية"
    assert count_deaths(words(period)) != 250  # a period's tally is no event's toll


def test_places_with_their_own_tolls_keep_them() -> None:
    found = code("وقُتل 6 مدنيين في سراقب و3 في كفرنبل جراء غارات روسية، الثلاثاء.")
    assert sorted((e.location, e.fatalities) for e in found) == [("Kafr Nobol", 3), ("Saraqab", 6)]
    found = code("قتل 9 مدنيين، الثلاثاء، في غارات روسية استهدفت سراقب، بينهم 5 في كفرنبل.")
    assert sorted((e.location, e.fatalities) for e in found) == [("Kafr Nobol", 5), ("Saraqab", 4)]


def test_an_advance_is_no_handover_even_in_a_deal_story() -> None:
    text = ("وتوصلت الفصائل إلى اتفاق تسوية مع الحكومة الأسبوع الماضي. "
            "وتقدمت القوات الحكومية، الثلاثاء، في مدينة سراقب بعد تراجع مسلحي المعارضة، وسيطرت على عدد من الأحياء.")
    assert [e.sub_event_type for e in code(text) if e.location == "Saraqab"] == ["Government regains territory"]


def test_a_date_of_what_happened_to_the_victims_before_is_not_the_events() -> None:
    found = code("أعدم تنظيم داعش أحد الرهائن الذين خطفهم من مدينة سراقب الشهر الماضي.")
    assert [(e.sub_event_type, e.event_date) for e in found] == [("Attack", "2018-03-14")]


def test_an_unattributed_abduction_in_a_groups_attack_story_is_that_groups() -> None:
    text = ("شن تنظيم داعش، الثلاثاء، هجوما انتحاريا على مدينة سراقب أوقع 20 قتيلا. "
            "وخطف مسلحون، الثلاثاء، 30 مدنيا من قرية كفرنبل.")
    abductions = [e for e in code(text) if e.sub_event_type == "Abduction/forced disappearance"]
    assert [(e.actor1, e.actor2) for e in abductions] == [("Islamic State (Syria)", "Civilians (Syria)")]


def test_a_strike_back_is_its_own_event_in_the_strip() -> None:
    text = ("أطلق مسلحون من حماس، الثلاثاء، عشرات القذائف الصاروخية من قطاع غزة باتجاه جنوب إسرائيل. "
            "فيما قصفت إسرائيل جوا وبالمدفعية نحو 40 موقعا في القطاع.")
    found = {(e.actor1, e.sub_event_type, e.location) for e in code(text)}
    assert ("Military Forces of Israel", "Air/drone strike", "Gaza Strip") in found  # «في القطاع»، «جوا»
    assert "Hamas Movement" in {a for a, _, _ in found}  # the rockets are no restatement of the strike


def test_died_counts_the_dead() -> None:
    assert count_deaths(words("قضى 4 مدنيين في قصف مدفعي")) == 4


def test_a_manned_aircraft_downed_after_the_subject_is_a_clash() -> None:
    (event,) = code("أسقط الجيش الإسرائيلي، الثلاثاء، طائرة مقاتلة سورية من نوع سوخوي فوق الجولان.")
    assert (event.sub_event_type, event.actor1) == ("Armed clash", "Military Forces of Israel")


def test_two_days_each_with_its_own_toll_are_two_events_one_toll_restated_is_one() -> None:
    two = code("قتل 11 مدنياً، الثلاثاء، في غارة تركية استهدفت مدينة عفرين. "
               "وأسفر القصف التركي، الاثنين، عن مقتل 43 مدنياً في عفرين.")
    assert sorted((e.event_date, e.fatalities) for e in two) == [("2018-03-12", 43), ("2018-03-13", 11)]
    one = code("قتل 11 مدنياً، الثلاثاء، في غارة تركية استهدفت مدينة عفرين. "
               "وأسفر القصف التركي، الاثنين، عن مقتل 11 مدنياً في عفرين.")
    assert len(one) == 1
