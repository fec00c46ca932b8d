"""Rules that make the coder generalise beyond the dev articles, each on sentences
written for this file (default pipeline without the entity tagger)."""

from __future__ import annotations

import pytest

from coding import WEDNESDAY, code, pipeline
from marsad.actors.text import words
from marsad.events.fatalities import count_deaths
from marsad.model import Article
from marsad.pipeline import Pipeline


def _features(text: str) -> dict[str, float]:
    """The confidence model's features of the text's single event."""
    from marsad.events.coder import draft_events
    from marsad.events.merge import merge_with_features

    article = Pipeline.default(skip=("entities", "events", "quotes")).process(
        Article.create(text, id="g", published=WEDNESDAY))
    _, feats = merge_with_features(draft_events(article), "g")
    (one,) = feats.values()
    return one


@pytest.mark.parametrize("phrase, deaths", [
    ("أسفر الهجوم عن مقتل 6 مسلحين موالين للنظام، مقابل 3 من مقاتلي الهيئة", 9),
    ("ما أدى إلى مقتل 4 جنود و2 مدنيين", 6),
    ("مقتل 5 أشخاص و10 جرحى", 5),
    ("مقتل 5 أشخاص وإصابة 10 آخرين", 5),
    ("مقتل 20 مدنيا، بينهم 4 أطفال و3 نساء", 20),
])
def test_both_sides_add_up_but_injured_and_subsets_do_not(phrase: str, deaths: int) -> None:
    assert count_deaths(words(phrase)) == deaths


@pytest.mark.parametrize("text", [
    "نشرت السلطات عددا كبيرا من رجال الشرطة في مدينة حلب تحسبا لأعمال عنف قد تقع خلال مسيرات الجمعة.",
    "وأظهر مقطع الفيديو، الذي نشره ناشطون أمس، قصفاً جوياً عنيفاً على الأحياء السكنية في مدينة دوما.",
    "ورفضت المحكمة تسليمه إلى دمشق رغم مذكرة توقيف صادرة بحقه من القضاء السوري.",
    "وقال محلل إن توجيه ضربة عسكرية أمريكية لمواقع النظام في حمص الثلاثاء لن يكون كافيا.",
    "بينما تشهد مدينة حلب مظاهرات معادية للحكومة.",
    "وتضمن الحصانة لمقاتلي المعارضة الذين يقررون مغادرة بلدة حرستا مع عائلاتهم.",
    "وغادر السكان مدينة عفرين بعد تقارير واسعة النطاق عن عمليات نهب في الأحياء.",
])
def test_precautions_scenes_warrants_hypotheses_states_and_decisions_are_not_events(text: str) -> None:
    assert code(text) == []


def test_the_reported_scene_itself_is_an_event() -> None:
    (event,) = code("شنت طائرات حربية، أمس الثلاثاء، قصفاً جوياً عنيفاً على الأحياء السكنية في مدينة دوما.")
    assert (event.sub_event_type, event.location, event.event_date) == ("Air/drone strike", "Duma", "2018-03-13")
    (protest,) = code("وتشهد مدينة حلب، اليوم الأربعاء، مظاهرات معادية للحكومة.")
    assert protest.sub_event_type == "Peaceful protest"


def test_condemned_attack_with_its_own_day_is_coded() -> None:
    (event,) = code("أدانت الخارجية الهجوم الصاروخي الذي استهدف، أمس الثلاثاء، بلدة سراقب بريف إدلب، "
                    "والذي راح ضحيته خمسة مدنيين.")
    assert (event.sub_event_type, event.location, event.fatalities) == (
        "Shelling/artillery/missile attack", "Saraqab", 5)
    assert code("أدانت الخارجية الهجمات الصاروخية على المدنيين في بلدة سراقب.") == []


def test_an_arrest_known_only_by_its_country_is_coded_to_the_capital() -> None:
    (event,) = code("أعلنت السلطات الأردنية، أمس الثلاثاء، اعتقال خمسة أشخاص دخلوا البلاد بجوازات سفر مزورة.")
    assert (event.sub_event_type, event.actor1, event.geo_precision) == ("Arrests", "Police Forces of Jordan", 3)
    assert event.location == "Amman" and event.country == "Jordan"


def test_centre_of_a_country_in_brackets_does_not_cut_the_clause() -> None:
    (event,) = code("وأكدت دمشق أن الضربة الجوية التي طالت فجر الاثنين مطار الشعيرات العسكري شرقي حمص "
                    "(وسط سوريا) أدت إلى مقتل سبعة جنود.")
    assert (event.sub_event_type, event.fatalities, event.event_date) == ("Air/drone strike", 7, "2018-03-12")


def test_forces_that_overrun_a_town_take_it() -> None:
    (event,) = code("اجتاحت القوات التركية وفصائل المعارضة الموالية لها، صباح الأحد، مدينة عفرين.")
    assert event.event_type == "Battles" and event.location == "Afrin"


def test_unattributed_air_strike_that_kills_people_in_syria() -> None:
    text = "قتل 12 شخصا على الأقل، أمس الثلاثاء، في ضربات جوية على بلدة سراقب بريف إدلب."
    (event,) = code(text)
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Air/drone strike", "Military Forces of Syria (2000-)", "Civilians (Syria)")
    named_text = "قتل 12 شخصا على الأقل، أمس الثلاثاء، في غارات لطائرات روسية على بلدة سراقب بريف إدلب."
    named = code(named_text)
    assert named[0].actor1 == "Military Forces of Russia (2000-)"
    assert _features(text)["named"] == 0.0 and _features(named_text)["named"] == 1.0
    # (the attacker named or not is a feature; its weight is fitted on the dev golds, and with
    # guideline v5's dev5 it carries none: `marsad train events-confidence`)


def test_unattributed_strike_on_the_government_is_israels_when_the_story_names_israel() -> None:
    text = ("واتهمت دمشق إسرائيل بالوقوف وراء الهجوم. "
            "وقالت مصادر إن ضربة جوية استهدفت أمس الثلاثاء موقعا عسكريا لقوات النظام قرب بلدة سراقب.")
    (event,) = code(text)
    assert (event.actor1, event.actor2) == ("Military Forces of Israel", "Military Forces of Syria (2000-)")


def test_a_capture_takes_the_opponent_named_earlier_in_the_story() -> None:
    text = ("ضيقت قوات النظام الخناق على بلدة سراقب التي يسيطر عليها مسلحو تنظيم داعش. "
            "وذكرت وسائل الإعلام أن الجيش السوري استعاد أمس الثلاثاء بلدة معرة النعمان المجاورة.")
    events = [e for e in code(text) if e.sub_event_type == "Government regains territory"]
    assert [(e.actor1, e.actor2) for e in events] == [("Military Forces of Syria (2000-)", "Islamic State (Syria)")]


def test_speaker_after_the_trigger_is_a_source_not_the_attacker() -> None:
    (event,) = code("وأصابت الغارة التي قال حزب الله إنها إسرائيلية، أمس الثلاثاء، مطار الضبعة العسكري قرب حمص.")
    assert event.actor1 == "Military Forces of Israel"


def test_fight_that_lasted_until_a_later_day_is_one_event_per_day() -> None:
    text = ("اندلعت اشتباكات عنيفة، مساء الاثنين، بين قوات النظام وهيئة تحرير الشام في بلدة سراقب، "
            "واستمرت حتى الثلاثاء، ما أسفر عن مقتل 5 مسلحين.")
    events = sorted(code(text), key=lambda e: e.event_date)
    assert [(e.event_date, e.location) for e in events] == [("2018-03-12", "Saraqab"), ("2018-03-13", "Saraqab")]
    assert sum(e.fatalities for e in events) == 5


def test_the_actor_a_relative_clause_is_about_takes_the_town() -> None:
    (event,) = code("وقال أحد السكان إن مقاتلي الجيش السوري الحر الذين اجتاحوا بلدة سراقب صباح الأحد "
                    "ينهبون المحال.")
    assert (event.sub_event_type, event.actor1, event.event_date) == (
        "Non-state actor overtakes territory", "Free Syrian Army", "2018-03-11")


def test_a_claimed_attack_is_dated_by_its_own_day_not_the_claim() -> None:
    (event,) = code("أعلن تنظيم داعش، الأربعاء، مسؤوليته عن تفجير سيارة مفخخة في بلدة سراقب، الثلاثاء، "
                    "ما أدى إلى مقتل 4 أشخاص.")
    assert (event.sub_event_type, event.event_date, event.fatalities) == (
        "Remote explosive/landmine/IED", "2018-03-13", 4)
    assert event.actor1 == "Islamic State (Syria)"
    assert code("وحملت الحكومة المعارضة مسؤولية عن تفجير سيارة مفخخة في بلدة سراقب.") == []


def test_air_defences_that_confront_foreign_strikes_code_the_strike() -> None:
    (event,) = code("وذكرت وكالة سانا أن الدفاعات الجوية السورية تصدت، أمس الثلاثاء، لغارات إسرائيلية "
                    "استهدفت مطار التيفور العسكري في ريف حمص.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Air/drone strike", "Military Forces of Israel", "Military Forces of Syria (2000-)")


def test_undated_arrest_continuing_a_dated_one_takes_its_day() -> None:
    text = ("واعتقلت الشرطة، الاثنين، رجلا في بلدة سراقب. "
            "كما تم توقيف شخص ثان في بلدة معرة النعمان.")
    assert sorted(e.event_date for e in code(text)) == ["2018-03-12", "2018-03-12"]


def test_district_and_town_abroad_named_in_full_locate_the_event() -> None:
    (event,) = code("وذكرت وسائل الإعلام أن الجيش السوري استعاد، أمس الثلاثاء، حي القدم جنوبي العاصمة.")
    assert (event.sub_event_type, event.pcode) == ("Government regains territory", "C1001")
    assert [p.text for p in pipeline().process(Article.create("تابع مباريات كرة القدم", id="f")).places] == []


def test_reporting_sources_are_not_the_other_side() -> None:
    text = ("ضيقت قوات النظام الخناق على بلدة سراقب التي يسيطر عليها مسلحو تنظيم داعش. "
            "وأفادت مصادر من المعارضة، أمس الثلاثاء، بأن قوات النظام تخوض معارك ضارية على مشارف بلدة سراقب.")
    clashes = [e for e in code(text) if e.sub_event_type == "Armed clash"]
    assert [(e.actor1, e.actor2) for e in clashes] == [("Military Forces of Syria (2000-)", "Islamic State (Syria)")]


@pytest.mark.parametrize("text", [
    "وفي عام 2012 لقيت الصحفية حتفها في قصف على حي باب عمرو في مدينة حمص.",
    "فيما تستمر الغارات على جبهات أخرى في ريف درعا، حسبما أعلن المرصد الثلاثاء.",
    "حيث يواصل النظام قصف بلدة دوما بعنف سعيا إلى السيطرة عليها.",
    "استمرار القصف على بلدة سراقب وارتفاع عدد القتلى إلى 105 مدنيين.",
])
def test_old_years_ongoing_campaigns_and_running_tallies_are_not_events(text: str) -> None:
    assert code(text) == []


def test_knife_attack_with_no_armed_opponent_is_violence_against_civilians() -> None:
    (event,) = code("وكان رجل هاجم بسكين، أمس الثلاثاء، مارة في وسط مدينة لييج البلجيكية.")
    assert (event.event_type, event.sub_event_type, event.actor2) == (
        "Violence against civilians", "Attack", "Civilians (Belgium)")


def test_generic_forces_with_a_nationality_are_that_states() -> None:
    (event,) = code("ونفذ الطيران الحربي العراقي، أمس الثلاثاء، ضربات جوية على مواقع لتنظيم داعش قرب بلدة هجين.")
    assert (event.actor1, event.actor2) == ("Military Forces of Iraq (2014-)", "Islamic State (Syria)")


@pytest.mark.parametrize("text", [
    "وتعهدت واشنطن برد قوي على الهجوم في بلدة دوما أمس الثلاثاء.",
    "ففي 14 أبريل من عام 2001 شنت طائرات إسرائيلية غارة جوية على محطة رادار قرب بلدة سراقب.",
    "وكانت قوات كردية قد ألقت القبض على البريطاني في بلدة سراقب قبل نحو شهر.",
    "ويعكف أهالي بلدة سراقب على صنع كمامات بدائية للوقاية من أي ضربة.",
    "وتمهيدا لاتخاذ قرار شن ضربات جوية على مواقع النظام في حمص، كثف الرئيس مشاوراته الثلاثاء.",
    "وفرضت 24 دولة الثلاثاء عقوبات لملاحقة المسؤولين عن هجمات كيميائية في بلدة دوما.",
    "أتى هذا بعد تصعيد بالمواجهات في بلدة سراقب.",
])
def test_vows_old_dates_any_strike_plans_and_blame_are_not_events(text: str) -> None:
    assert code(text) == []


def test_the_defender_and_the_media_of_a_group_are_not_the_attacker() -> None:
    (event,) = code("وتحدث الإعلام الحربي التابع لحزب الله عن تصدي الدفاعات الجوية السورية، أمس الثلاثاء، "
                    "لصواريخ استهدفت مطار الشعيرات في ريف حمص.")
    assert event.actor1.startswith("Unidentified") and event.actor2 == "Military Forces of Syria (2000-)"


def test_the_west_bank_of_a_river_is_not_the_west_bank() -> None:
    events = code("وقتل 45 مسلحا مواليا للنظام، الثلاثاء، في هجمات على قرى في الضفة الغربية لنهر الفرات.")
    assert all(e.location != "West Bank" for e in events)


def test_a_later_toll_of_a_split_fight_is_split_too() -> None:
    text = ("اندلعت اشتباكات عنيفة، مساء الاثنين، بين قوات النظام وهيئة تحرير الشام في بلدتي سراقب "
            "ومعرة النعمان. وأسفرت الاشتباكات عن مقتل 6 مسلحين من الطرفين.")
    events = code(text)
    assert len({e.location for e in events}) == 2 and "Saraqab" in {e.location for e in events}
    assert sorted(e.fatalities for e in events) == [3, 3]


def test_a_relative_clause_about_the_place_does_not_make_the_event_a_period_summary() -> None:
    (event,) = code("وقتل 22 مقاتلا مواليا للنظام، الثلاثاء، في هجمات شنها تنظيم داعش ضد مواقع لهم في بلدة سراقب "
                    "والتي تعد من المناطق التي بقيت بمنأى عن المعارك خلال سنوات النزاع.")
    assert (event.location, event.fatalities, event.actor1) == ("Saraqab", 22, "Islamic State (Syria)")


def test_a_capital_after_a_locative_title_is_a_place() -> None:
    (event,) = code("واعتقل الزعيم الكردي في العاصمة التشيكية، براغ، بطلب من الحكومة التركية، الأحد.")
    assert (event.sub_event_type, event.location) == ("Arrests", "Prague")


@pytest.mark.parametrize("text", [
    "خطف الفريق الإماراتي، الإثنين، بطاقة التأهل بعد فوزه في مدينة العين.",
    "قال محققون، الأربعاء، إن قوات النظام أطلقت غاز الكلور في بلدة دوما.",
    "وكانت تركيا قد دانت الهجوم الذي استهدف بلدة دوما وأسفر عن مقتل أربعين شخصا.",
    "بما يجري من قتل متعمد بحق السكان العزل في بلدة كفرنبل.",
    "وسط معارك لا يبدو أنها ستنتهي قريبا في بلدة سراقب.",
    "وشهد يوم الخميس تجدداً لأعمال العنف في قرى قليلة من ريف حماة.",
])
def test_metaphors_reported_findings_recaps_and_settings_are_not_events(text: str) -> None:
    assert code(text) == []


def test_a_day_followed_by_a_belief_dates_the_event() -> None:
    (event,) = code("شهدت بلدة كفرزيتا قصفا مكثفا الثلاثاء، يعتقد أنه بغاز الكلور، تسبب في مقتل قرابة 100 شخص.")
    assert (event.sub_event_type, event.event_date, event.fatalities) == ("Chemical weapon", "2018-03-13", 100)


def test_loyalist_towns_are_defended_by_government_militias() -> None:
    (event,) = code("هاجم مقاتلون من هيئة تحرير الشام، أمس الثلاثاء، بلدة سراقب الموالية لقوات النظام.")
    assert (event.actor1, event.actor2) == ("Hayat Tahrir al-Sham", "NDF: National Defence Forces")


def test_turkey_backed_rebels_and_their_kurdish_opponents() -> None:
    text = ("وتخوض وحدات حماية الشعب الكردية معارك في منطقة عفرين منذ شهرين. وذكر أحد الأهالي أن عناصر الجيش "
            "السوري الحر المدعوم من تركيا الذين اجتاحوا جنديرس صباح الجمعة يسرقون البيوت.")
    captures = [e for e in code(text) if e.event_type == "Battles"]
    assert [(e.actor1, e.actor2) for e in captures] == [
        ("Syrian National Army", "YPG: Kurdish People's Protection Units")]


def test_iranian_kurdish_party_hit_in_iraq() -> None:
    (event,) = code("أعلن الحرس الثوري الإيراني، الأربعاء، مسؤوليته عن قصف صاروخي استهدف مقرا للحزب الديمقراطي "
                    "الكردستاني الإيراني في بلدة سراقب، الثلاثاء.")
    assert (event.actor1, event.actor2) == (
        "Islamic Revolutionary Guard Corps", "KDPI: Kurdistan Democratic Party of Iran")


@pytest.mark.parametrize("text", [
    "وكان الوزيران قد أبديا الثلاثاء رغبتهما في التوصل إلى اتفاق جديد حول بلدة سراقب.",
    "وكان سوري آخر قد خطط لاستهداف حافلة عسكرية بعملية انتحارية في بلدة سراقب الثلاثاء.",
    "وأصدرت المحكمة الثلاثاء حكما بتهمة التخطيط لتفجير في بلدة سراقب.",
    "وحيث تعرض المطار في بلدة سراقب في أوقات سابقة لعدة هجمات، كان آخرها في الشهر الماضي.",
])
def test_wishes_plots_charges_and_earlier_series_are_not_events(text: str) -> None:
    assert code(text) == []


def test_new_villages_are_not_a_town_named_new() -> None:
    assert all(e.location != "Jdideh" for e in code("وتوغلت قوات الحكومة الثلاثاء تحت غطاء غارات ودخلت قرى جديدة."))


def test_strikes_of_named_allies_earlier_in_the_story_are_one_event_per_state() -> None:
    text = ("وشنت الولايات المتحدة وبريطانيا وفرنسا، فجر الثلاثاء، ضربات عسكرية على أهداف للنظام في حمص. "
            "واستهدفت الضربات الثلاثاء مركز البحوث في بلدة سراقب.")
    events = code(text)
    western = {"Military Forces of the United States", "Military Forces of the United Kingdom", "Military Forces of France"}
    assert {e.actor1 for e in events} == western  # guideline v6: one actor pair per event
    for place in {e.location for e in events}:
        assert sorted(e.actor1 for e in events if e.location == place) == sorted(western)


def test_days_written_as_ordinals_are_dates() -> None:
    from marsad.events.dates import find_event_dates

    text = "أصيب العشرات في غارات قرب دير الزور في السابع من شباط/فبراير، وفي الحادي والعشرين من آذار الماضي."
    found = [(d.date.isoformat(), d.precision) for d in find_event_dates(text, WEDNESDAY)]
    assert found == [("2018-02-07", 1), ("2017-03-21", 1)]
    assert code("قتل 5 مدنيين في غارات على بلدة سراقب في السابع من شباط/فبراير.") == []  # five weeks old


def test_a_toll_with_its_other_side_added() -> None:
    assert count_deaths(words("هجوما قتل خلاله على الأقل 26 مقاتلا إضافة إلى تسعة مقاتلين روس")) == 35
    assert count_deaths(words("مقتل 5 أشخاص إضافة إلى إصابة 10")) == 5


def test_last_years_attack_and_a_market_are_not_this_weeks_events() -> None:
    assert code("وكانت قاعدة الشعيرات هدفا لهجوم أميركي بصواريخ كروز في العام الماضي قرب بلدة سراقب.") == []
    assert all(e.location != "Sūq Şirwāḩ" for e in code("وفجر شخص نفسه الثلاثاء في منطقة السوق في مدينة السويداء."))


@pytest.mark.parametrize("text", [
    "وكان من المزمع بدء مغادرة مسلحي المعارضة من بلدة حرستا صباح الثلاثاء.",
    "قد يهمك| ناشطة في مظاهرة أمام القنصلية في مدينة حلب الثلاثاء.",
    "وأعربت رئيسة الوزراء الثلاثاء عن قلقها لمقتل فلسطينيين في بلدة سراقب.",
    "ووضع منفذو عملية الإعدام المتفجرات في خوذة ثبتوها على رأس الأسير الثلاثاء.",
])
def test_plans_teasers_concerns_and_heads_are_not_events(text: str) -> None:
    assert code(text) == []


def test_a_dateline_names_no_actor_and_a_country_subject_attacks() -> None:
    (event,) = code("أتلانتا، الولايات المتحدة الأمريكية (CNN)-- تعرضت بلدة سراقب لقصف جوي من قبل مقاتلات روسية، الثلاثاء.")
    assert event.actor1 == "Military Forces of Russia (2000-)" and event.actor2 != "Military Forces of the United States"
    (hit,) = code("أدان الرئيس الهجوم الصاروخي الذي نفذته تركيا على بلدة سراقب، الثلاثاء، والذي راح ضحيته 3 مدنيين.")
    assert hit.actor1 == "Military Forces of Turkey (2016-)"


def test_a_dispersed_protest_is_a_protest_with_intervention() -> None:
    (event,) = code("وفضت الشرطة الثلاثاء تظاهرة غير مرخص بها في مدينة حلب.")
    assert event.sub_event_type == "Protest with intervention"


def test_the_town_refers_to_the_town_just_named() -> None:
    text = ("وصل المفتشون الثلاثاء إلى مدينة دوما.\n"
            "ويقول مسؤولون غربيون إن القوات الحكومية السورية شنت هجمات كيماوية من الجو على البلدة في 7 آذار الجاري.")
    chemical = [e for e in code(text) if e.sub_event_type == "Chemical weapon"]
    assert [(e.location, e.event_date) for e in chemical] == [("Duma", "2018-03-07")]
    assert code("وقال إن القصف طال أيضا مقبرة المدينة التي دخلها المفتشون في دوما.") == []


def test_the_sentence_gate_never_hides_a_trigger() -> None:
    """The cheap pre-test passes every sentence where tokenising finds a trigger (clitics, ال, harakat)."""
    from marsad.events.triggers import find_triggers, might_trigger

    for text in ("وللاشتباكاتِ أثر", "بالقصفِ المدفعي", "وفجّروا أنفسهم", "وإطلاقِ النار", "والغارات الجوية"):
        assert find_triggers(words(text)) and might_trigger(text), text
    assert not might_trigger("ناقش الوزير الميزانية مع نظيره في العاصمة")


@pytest.mark.parametrize(("text", "usable"), [
    ("هاجم رجل مارة في وسط مدينة لييج البلجيكية.", ["لييج"]),  # the adjective names Belgium: kept
    ("هاجم رجل مارة في وسط مدينة لييج.", []),  # a lone far-away hit, its country named nowhere
    ("قصف الطيران مدينة لييج ومدينة حلب السورية.", ["حلب"]),
    ("قصف الطيران مدينة لييج البلجيكية ومدينة حلب السورية.", ["لييج", "حلب"]),
])
def test_a_lone_far_away_place_is_usable_only_when_the_text_names_its_country(text: str, usable: list[str]) -> None:
    from marsad.events.placing import usable_places

    article = pipeline().process(Article.create(text))
    assert [p.text for p in usable_places(article.text, article.places, article.entities)] == usable
