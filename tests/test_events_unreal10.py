"""Acts said not to happen or only expected (issue #6, round ten's third draw): a privative right before the
trigger («عدم وقوع اشتباكات»، «دون معارك») and an expectation or possibility («وسط توقعات بأن تشن»،
«إمكان شن») report no event, and what happened «هذا العام» is a summary (sentences written for this file;
default pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code


def test_an_act_said_not_to_happen_is_no_event() -> None:
    assert code("وأكد أحد السكان عدم وقوع اشتباكات في مدينة عفرين الثلاثاء.") == []
    assert code("وتجري مفاوضات لتسليم مدينة دوما دون معارك، الثلاثاء.") == []
    (strike,) = code("وقصفت طائرات دون طيار، الثلاثاء، بلدة كفرنبل.")  # a drone, not «without»
    assert strike.sub_event_type == "Air/drone strike"
    (blast,) = code("وانفجرت طائرة دون طيار مفخخة، الثلاثاء، في بلدة كفرنبل.")
    assert blast.location == "Kafr Nobol"


def test_an_expected_or_possible_attack_is_no_event() -> None:
    assert code("وسط توقعات بأن تنفذ القوات الأميركية ضربة على مدينة حمص الثلاثاء.") == []
    assert code("وقال الجيش، الثلاثاء، إنه مستعد لمواجهة إمكان شن هجمات صاروخية على مدينة حيفا.") == []


def test_what_happened_this_year_is_a_summary() -> None:
    assert code("وقتلت الغارات الجوية على مدينة دوما هذا العام مئات المدنيين.") == []
    assert code("واستعاد الجيش السيطرة على معظم ريف حمص، وهذا العام هزم الفصائل قرب دمشق.") == []
    (strike,) = code("وقتلت الغارات الجوية على مدينة دوما، الثلاثاء، خمسة مدنيين في أعنف قصف هذا العام.")
    assert strike.event_date == "2018-03-13"  # dated: news
