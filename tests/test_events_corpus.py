"""Rules found by reading the coder's misses and false events on unlabelled ant2018_syria
articles (not gold articles), each counted there and kept when right on 8 of 10 hits read;
the sentences are written for this file."""

from __future__ import annotations

from coding import code


def test_a_capture_announced_by_a_noun_is_an_event() -> None:
    (event,) = code("وأعلن الجيش السوري، الثلاثاء، السيطرة الكاملة على بلدة كفرنبل في ريف إدلب.")
    assert (event.sub_event_type, event.location, str(event.event_date)) == (
        "Government regains territory", "Kafr Nobol", "2018-03-13")
    (event,) = code("وأعلنت قوات النظام، الثلاثاء، استعادة بلدة كفرنبل في ريف إدلب.")
    assert event.sub_event_type == "Government regains territory"


def test_an_armed_announcer_of_its_own_capture_took_the_place() -> None:
    # «أعلن X عن سيطرته»: X tells its own capture (not a report of another's, «أعلن X عن تعرض …»)
    (event,) = code("وأعلن النظام السوري، الثلاثاء، عن سيطرته على بلدة كفرنبل في ريف إدلب بعد اشتباكات مع هيئة تحرير الشام.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Government regains territory", "Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham")
    (event,) = code("وأعلنت هيئة تحرير الشام، الثلاثاء، عن سيطرتها على بلدة كفرنبل في ريف إدلب بعد اشتباكات مع قوات النظام.")
    assert (event.sub_event_type, event.actor1, event.actor2) == (
        "Non-state actor overtakes territory", "Hayat Tahrir al-Sham", "Military Forces of Syria (2000-)")
    (event,) = code("وأعلن الجيش السوري، الثلاثاء، عن تعرض بلدة كفرنبل في ريف إدلب لقصف من هيئة تحرير الشام.")
    assert event.actor1 == "Hayat Tahrir al-Sham"


def test_a_capture_noun_without_an_announcing_verb_is_no_event() -> None:
    assert code("وأعلن الجيش السوري، الثلاثاء، عن حملة لاستعادة بلدة كفرنبل في ريف إدلب.") == []
    assert code("وأعلنت هيئة تحرير الشام، الثلاثاء، حالة الاستنفار في بلدة كفرنبل في ريف إدلب.") == []
    assert code("وأعلن المرصد، الثلاثاء، أن الأهالي فروا من بلدة كفرنبل الواقعة تحت سيطرة الفصائل.") == []
    assert code("وتمكنت الفصائل قبل أعوام من السيطرة على بلدة كفرنبل في ريف إدلب.") == []


def test_a_state_taking_a_town_abroad_is_an_external_force_overtaking_it() -> None:
    (event,) = code("وقال أردوغان في أنقرة إن الجيش التركي سيطر، الثلاثاء، على مدينة عفرين.")
    assert (event.sub_event_type, event.actor1) == ("Non-state actor overtakes territory", "Military Forces of Turkey (2016-)")
    (event,) = code("وسيطر الجيش السوري، الثلاثاء، على بلدة كفرنبل في ريف إدلب.")
    assert event.sub_event_type == "Government regains territory"


def test_strikes_an_advance_moves_under_are_its_tactics() -> None:
    assert code("وتقدمت قوات النظام، الثلاثاء، باتجاه بلدة كفرنبل في ريف إدلب تحت غطاء من قصف مكثف.") == []
    (event,) = code("وقصفت قوات النظام، الثلاثاء، بلدة كفرنبل في ريف إدلب.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_clashes_of_protesters_are_a_violent_demonstration() -> None:
    (event,) = code("وقال الجيش الإسرائيلي إنه جرت، الثلاثاء، مواجهات وأعمال شغب عنيفة على حدود قطاع غزة.")
    assert (event.event_type, event.actor1, event.actor2) == ("Riots", "Rioters (Palestine)", "Military Forces of Israel")
    events = code("وخرجت مظاهرات حاشدة في مدينة البصرة، الثلاثاء، واندلعت اشتباكات مع قوات الأمن.")
    assert ("Violent demonstration", "Police Forces of Iraq") in [(e.sub_event_type, e.actor2) for e in events]
    (event,) = code("واندلعت اشتباكات، الثلاثاء، بين قوات النظام والفصائل في بلدة كفرنبل في ريف إدلب.")
    assert event.sub_event_type == "Armed clash"


def test_a_deal_sought_failed_or_refused_is_no_agreement() -> None:
    (event,) = code("وتوصلت الفصائل وقوات النظام، الثلاثاء، إلى اتفاق يقضي بإجلاء المقاتلين من بلدة كفرنبل.")
    assert event.sub_event_type == "Agreement"
    assert code("واجتمع الوفدان، الثلاثاء، في بلدة كفرنبل للبحث في التوصل إلى اتفاق.") == []
    assert code("واجتمع الوفدان، الثلاثاء، في بلدة كفرنبل لكنهم فشلوا بالتوصل إلى اتفاق هدنة.") == []
    refused = code("وخرج، الثلاثاء، من بلدة كفرنبل الرافضون لاتفاق التسوية.")
    assert all(e.sub_event_type != "Agreement" for e in refused)


def test_habitual_strikes_with_no_day_are_no_event() -> None:
    assert code("ويشن التنظيم بين الحين والآخر هجمات على مواقع قوات النظام قرب بلدة كفرنبل.") == []
    assert code("ويطلق المسلحون نحو 80 قذيفة على بلدة كفرنبل بشكل يومي.") == []
    (event,) = code("وشن التنظيم، الثلاثاء، هجوما على مواقع قوات النظام قرب بلدة كفرنبل.")
    assert event.sub_event_type == "Armed clash"


def test_a_toll_over_a_span_of_weeks_is_a_tally() -> None:
    assert code("ولقي نحو 500 مدني حتفهم خلال أسبوعين من الغارات على بلدة كفرنبل.") == []
    assert code("وقتل أكثر من ألف مدني خلال شهرين من المعارك في بلدة كفرنبل.") == []
    (event,) = code("وقتل 45 مدنيا، الثلاثاء، في قصف على بلدة كفرنبل، ليرتفع عدد القتلى إلى 305 خلال 3 أيام.")
    assert event.fatalities == 45


def test_a_share_of_territory_held_is_no_capture() -> None:
    assert code("وسيطرت القوات التركية على نحو 60 في المئة من منطقة عفرين.") == []
    assert code("وسيطرت القوات التركية على نحو 60 بالمئة من منطقة عفرين.") == []
    (event,) = code("وسيطرت القوات التركية، الثلاثاء، على بلدة راجو في منطقة عفرين.")
    assert event.event_type == "Battles"


def test_an_attack_in_words_on_a_named_target_is_no_clash() -> None:
    assert code("وشنت الرياض، الثلاثاء، هجوما على طهران، واصفة إياها بالخطر الأكبر.") == []
    assert code("وهاجم النائب المصري، الثلاثاء، وزير الخارجية التركي في مؤتمر بمدينة إسطنبول، قائلا إنه يكذب.") == []
    (event,) = code("وشن مسلحون، الثلاثاء، هجوما على حاجز للجيش السوري في بلدة كفرنبل بريف إدلب.")
    assert event.event_type == "Battles"


def test_the_place_of_a_summit_or_briefing_is_not_the_events() -> None:
    events = code("شنت طائرات روسية، الثلاثاء، غارات على مقرات للفصائل في محافظة إدلب، قبل ساعات من قمة حاسمة في طهران.")
    assert [e.location for e in events] == ["Idleb"]
    assert code('وقال المتحدث العسكري الروسي للصحفيين في موسكو، الثلاثاء: "استهدفت الضربات الصاروخية عددا من المطارات".') == []


def test_an_event_of_that_day_or_of_an_era_is_a_recap() -> None:
    assert code("واستولت القوات التركية في ذلك اليوم على بلدة كفرنبل في ريف إدلب.") == []
    assert code("ويعود الهجوم إلى حقبة الحرب الأهلية، حيث سيطرت الفصائل على بلدة كفرنبل في ريف إدلب.") == []
    (event,) = code("واستولت القوات التركية اليوم على بلدة كفرنبل في ريف إدلب.")
    assert event.event_type == "Battles"
