"""Rules of the abroad precision pass that took real events with them (review of issue #6):
each sentence here lost its event to one of them."""

from __future__ import annotations

from coding import code


def test_a_deal_accepted_is_concluded() -> None:
    # «قبل» (before) vetoes a deal; «قبلت» (accepted) concludes one
    (deal,) = code("وأعلنت الفصائل، الثلاثاء، أنها قبلت اتفاق التسوية في بلدة كفرنبل.")
    assert deal.sub_event_type == "Agreement"
    before_deal = code("وخرج المقاتلون، الثلاثاء، من بلدة كفرنبل قبل التوصل إلى اتفاق.")
    assert all(e.sub_event_type != "Agreement" for e in before_deal)  # (the fighters' leaving is a transfer)


def test_a_deal_reached_at_a_meeting_is_placed_there() -> None:
    (deal,) = code("وتوصلت الفصائل وقوات النظام، الثلاثاء، خلال اجتماع في بلدة كفرنبل إلى اتفاق يقضي بإجلاء المقاتلين.")
    assert deal.sub_event_type == "Agreement" and deal.location == "Kafr Nobol"


def test_a_peak_is_no_summit() -> None:
    (taken,) = code("وسيطرت قوات النظام، الثلاثاء، على قمة النبي يونس بريف اللاذقية.")
    assert taken.admin1 == "Lattakia"


def test_riot_police_and_armed_displays_make_no_riot() -> None:
    (fight,) = code("ودارت، الثلاثاء، اشتباكات بين قوات مكافحة الشغب ومسلحين في مدينة البصرة.")
    assert fight.sub_event_type == "Armed clash"
    (fight,) = code("واندلعت، الثلاثاء، اشتباكات بين قوات الأمن ومسلحين في مدينة البصرة لإنهاء المظاهر المسلحة.")
    assert fight.sub_event_type == "Armed clash"
    events = code("وخرجت، الثلاثاء، مظاهرات في مدينة البصرة واندلعت اشتباكات مع قوات الأمن.")
    assert "Violent demonstration" in {e.sub_event_type for e in events}


def test_a_participle_of_the_next_clause_makes_no_verbal_attack() -> None:
    (fight,) = code("وهاجم مسلحون، الثلاثاء، حاجزا للجيش في بلدة كفرنبل، وقال مصدر عسكري متهما الفصائل بخرق الهدنة.")
    assert fight.sub_event_type == "Armed clash"
    assert code("وهاجم النائب، الثلاثاء، وزير الخارجية في مدينة إسطنبول، قائلا إنه يكذب.") == []
