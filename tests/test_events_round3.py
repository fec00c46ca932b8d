"""Constructions found on dev6 (issue 6, round three), each counted on unseen ANT news before it
became a rule; the sentences are written for this file."""

from __future__ import annotations

from coding import code


def test_strikes_a_side_intensified_are_a_trend_unless_dated() -> None:
    assert code("وقالت مصادر محلية إن قوات النظام كثفت غاراتها على بلدة كفرنبل في ريف إدلب.") == []
    (event,) = code("وقالت مصادر محلية إن قوات النظام شنت غارات على بلدة كفرنبل في ريف إدلب.")
    assert event.sub_event_type == "Air/drone strike"
    (event,) = code("وقالت مصادر محلية إن قوات النظام كثفت، الثلاثاء، غاراتها على بلدة كفرنبل في ريف إدلب.")
    assert str(event.event_date) == "2018-03-13"


def test_the_perpetrators_of_an_attack_name_it_without_reporting_it() -> None:
    events = code("وأطلق الحرس الثوري صواريخ على منطقة هجين، مستهدفا قادة هجوم دام على عرض عسكري في مدينة الأهواز.")
    assert [e.location for e in events] == ["Hajin"]
    (event,) = code("وقتل 25 شخصا في هجوم دام على عرض عسكري في مدينة الأهواز السبت.")
    assert (event.sub_event_type, event.location) == ("Attack", "Ahvaz")


def test_a_charge_with_no_day_is_no_report_but_a_dated_one_is() -> None:
    assert code("ومثل طبيب، يبلغ من العمر 85 عاما، متهم بخطف طفل من أمه، أمام محكمة في مدينة مدريد.") == []
    assert code("ويواجه الجيش التركي، المتهمة قواته بانتهاكات واسعة في عفرين السورية، ليس آخرها قصف مستشفى "
                "المدينة، انتقادات.") == []
    assert code("وقالت الشرطة إن المتورطين في تفجير مدينة كابول فروا.") == []
    (event,) = code("وقد يواجه المشروع فيتو من روسيا حليفة النظام السوري، المتهم باستهداف مدينة دوما السبت بهجوم "
                    "كيماوي أسفر عن مقتل عشرات المدنيين.")
    assert (event.sub_event_type, str(event.event_date)) == ("Chemical weapon", "2018-03-10")
