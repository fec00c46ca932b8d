"""Recaps that carry a date (issue #6, round ten): since «قبل أسبوع» reads as a day, a recap that names
an earlier event by a relative clause or after «في وقت سابق» is dated, and the filters of undated recaps no
longer drop it; a day a week or more back given that way is background again (sentences written for this
file; default pipeline without the entity tagger, published Wednesday 14 March 2018)."""

from __future__ import annotations

from coding import code


def test_a_week_old_event_in_a_relative_clause_is_a_reference_point() -> None:
    assert code("واجتمع المجلس لمناقشة الهجوم الكيماوي، الذي وقع قبل أسبوع في بلدة خان شيخون.") == []
    assert code("ورأى الوزير أن الضربات الجوية على مواقع الحكومة جواب على الهجوم الكيماوي الذي وقع قبل أسبوع "
                "في مدينة دوما.") == []
    assert code("وناقش المجلس التفجير الذي استهدف سوقا في مدينة درعا في الخامس من آذار.") == []
    (attack,) = code("وعقد المجلس جلسة لبحث الهجوم الكيماوي، الذي وقع قبل يومين في مدينة دوما.")
    assert (attack.sub_event_type, attack.event_date) == ("Chemical weapon", "2018-03-12")  # days back: news


def test_a_week_old_event_after_earlier_is_a_reference_point() -> None:
    assert code("وكانت القوات الأميركية استهدفت التنظيم في وقت سابق، حيث قتل زعيمه في غارة جوية أميركية قبل "
                "أسبوع في مدينة جلال آباد.") == []
    (strike,) = code("وفي وقت سابق، قصفت الطائرات الروسية بلدة كفرنبل قبل يومين.")
    assert strike.event_date == "2018-03-12"


def test_a_week_old_event_told_as_news_is_coded() -> None:
    (strike,) = code("وقتل خمسة مدنيين في غارة جوية على مدينة دوما قبل أسبوع.")
    assert (strike.sub_event_type, strike.event_date, strike.fatalities) == ("Air/drone strike", "2018-03-07", 5)


def test_a_week_old_event_in_a_pluperfect_without_qad_is_a_reference_point() -> None:
    assert code("وكانت غارات جوية استهدفت مواقع عسكرية في الخامس من آذار قرب مدينة البوكمال.") == []
    assert code("وكانت الطائرات قصفت بلدة كفرنبل قبل أسبوع.") == []
    (strike,) = code("وكانت غارات جوية استهدفت مواقع عسكرية، الأحد، قرب مدينة البوكمال.")  # days back: news
    assert strike.event_date == "2018-03-11"
