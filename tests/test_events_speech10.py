"""Causes of false events found on a random corpus draw (issue #6, round ten): words said or called
for coded as events, and crowds coded as armed clashes (sentences written for this file; default
pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code


def test_a_call_for_an_attack_is_no_attack() -> None:
    assert code("أثارت دعوة مذيع تلفزيوني لقصف الأحياء الليبرالية في إسطنبول موجة استنكار.") == []
    assert code("ونشر ناشطون، الأحد، دعوات لاقتحام مدينة الخليل.") == []
    (protest,) = code("وتظاهر الآلاف، الأحد، في مدينة البصرة تلبية لدعوة الاتحاد العام.")
    assert protest.sub_event_type == "Peaceful protest"


def test_what_a_source_keeps_saying_without_a_date_is_no_news() -> None:
    assert code("وتقول جماعات حقوقية إن القوات الكردية دمرت قرى في محافظة الحسكة أثناء اشتباكها مع تنظيم داعش.") == []
    assert code("ويقول ناشطون إن الطائرات الروسية قصفت بلدة كفرنبل.") == []
    (strike,) = code("ويقول مسعفون إن عشرات المدنيين لقوا حتفهم في غارات نفذها الجيش السوري على دوما الاثنين.")
    assert (strike.sub_event_type, strike.event_date) == ("Air/drone strike", "2018-03-12")
    (strike,) = code("وقال المرصد إن الطائرات الروسية قصفت بلدة كفرنبل.")  # «قال»: the report itself
    assert strike.sub_event_type == "Air/drone strike"


def test_where_words_were_said_after_a_meeting_is_no_event_place() -> None:
    story = ("وقصفت الطائرات الإسرائيلية، الأحد، قاعدة جوية في سوريا. وقال الوزير للصحفيين بعد اجتماع مع نظيره "
             "الطاجيكي، في موسكو، إن الضربة التي شنت على القاعدة تطور خطير.")
    assert all(e.country != "Russia" for e in code(story))  # was at Moscow
    (strike,) = code("وعقد اجتماع للفصائل في مدينة إدلب، ثم قصفت الطائرات الروسية، الثلاثاء، بلدة كفرنبل.")
    assert strike.sub_event_type == "Air/drone strike"


def test_youths_and_stones_against_a_force_are_a_riot_not_a_battle() -> None:
    (riot,) = code("واندلعت، الجمعة، مواجهات بين شبان يرشقون الحجارة والجيش الإسرائيلي في مدينة الخليل.")
    assert (riot.sub_event_type, riot.actor1, riot.actor2) == (
        "Violent demonstration", "Rioters (Palestine)", "Military Forces of Israel")
    (riot,) = code("وهاجم أربعة أشخاص، الاثنين، مركزا للشرطة بالزجاجات الحارقة في مدينة الخليل.")
    assert riot.sub_event_type == "Violent demonstration"
    (riot,) = code("واشتبك عشرات الشبان مع الشرطة، الأحد، في مدينة البصرة.")
    assert (riot.sub_event_type, riot.actor2) == ("Violent demonstration", "Police Forces of Iraq")
    (clash,) = code("واشتبك مسلحون مع الشرطة، الأحد، في مدينة البصرة.")
    assert clash.sub_event_type == "Armed clash"
    (clash,) = code("وهاجم مسلحون، الاثنين، مركزا للشرطة في مدينة الخليل.")
    assert clash.sub_event_type == "Armed clash"


def test_confrontations_during_which_people_were_shot_are_the_shootings_setting() -> None:
    (attack,) = code("أعلنت وزارة الصحة، الجمعة، مقتل 6 شبان من الفلسطينيين وجرح 150 برصاص الجيش الإسرائيلي، وذلك خلال "
                     "مواجهات قرب السياج في شرق قطاع غزة.")
    assert (attack.sub_event_type, attack.actor1, attack.actor2, attack.fatalities) == (
        "Attack", "Military Forces of Israel", "Civilians (Palestine)", 6)
    (attack,) = code("قتل فلسطينيان، الجمعة، برصاص الجيش الإسرائيلي خلال مواجهات في مدينة الخليل.")
    assert attack.sub_event_type == "Attack"
    (clash,) = code("واندلعت، الجمعة، مواجهات بين مسلحين والجيش الإسرائيلي في مدينة الخليل.")
    assert clash.sub_event_type == "Armed clash"


def test_a_related_storys_headline_inside_the_page_is_no_event() -> None:
    text = ("قصفت الطائرات الروسية، الثلاثاء، بلدة كفرنبل.\nسوريا: قصف جوي يدمر مدرستين في حماة\n"
            "وتعمل المنظمة في مناطق المعارضة.")
    (strike,) = code(text)
    assert strike.location == "Kafr Nobol"
    (strike,) = code("سوريا: غارات جوية على بلدة كفرنبل\nوتعمل المنظمة في مناطق المعارضة.")  # the first line
    assert strike.sub_event_type == "Air/drone strike"


def test_that_day_and_a_year_before_1900_recall_history() -> None:
    assert code("واستولت إسرائيل في ذلك اليوم على سيناء واحتلت الجولان كما انتزعت الضفة الغربية من الأردنيين.") == []
    assert code("وفي عام 1899 قصفت المدفعية مدينة حلب.") == []
    (strike,) = code("وقصفت المدفعية 1500 هدف في مدينة حلب، الأحد.")  # a count, not a year
    assert strike.event_date == "2018-03-11"


def test_a_film_festival_and_a_prize_won_are_no_protest_nor_abduction() -> None:
    assert code("ونظمت الجمعية، الأحد، تظاهرة سينمائية في مدينة إدلب.") == []
    assert code("وانطلقت، الأحد، التظاهرة الثقافية في مدينة إدلب.") == []
    assert code("وخطف الممثل، الأحد، جائزة أفضل ممثل في مدينة إدلب.") == []
    (taken,) = code("وخطف مسلحون، الأحد، ثلاثة مدنيين في مدينة إدلب.")
    assert taken.sub_event_type == "Abduction/forced disappearance"
    (protest,) = code("وشارك الآلاف، الأحد، في تظاهرة حاشدة في مدينة إدلب.")
    assert protest.sub_event_type == "Peaceful protest"
