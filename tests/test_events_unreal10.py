"""Acts said not to happen or only expected (issue #6, round ten's third draw): a privative right before the
trigger («عدم وقوع اشتباكات»، «دون معارك») and an expectation or possibility («وسط توقعات بأن تشن»،
«إمكان شن») report no event (sentences written for this file; default pipeline without the entity tagger)."""

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
    assert code("وسط توقعات بأن تشن الولايات المتحدة ضربة على مدينة دوما الثلاثاء.") == []
    assert code("وقال الجيش، الثلاثاء، إنه مستعد لمواجهة إمكان شن هجمات صاروخية على مدينة حيفا.") == []
