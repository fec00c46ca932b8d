"""Events the coder missed on unseen news (issue #6, round eleven): a capture confirmed or reported
by a noun («أكدت الفصائل في بيان سيطرتها على …»، «أفاد المرصد عن سيطرة الجيش على …»), fighters'
dated consent to a deal's term («وافقوا يوم الأحد على إلقاء سلاحهم»), the attack a reply answers when its
clause gives it a day («ردا على هجوم كيماوي … السبت الماضي»), an evacuation or a withdrawal a verb starts
or ends («بدأت ظهر الثلاثاء عملية إجلاء مقاتلين من …»، «أتموا الثلاثاء انسحابهم من …»), strikes carried
out («تنفيذ 600 ضربة جوية»: no denial), fighters leaving («وغادر مسلحو المعارضة بلدة عربين») (sentences
written for this file; default pipeline without the entity tagger)."""

from __future__ import annotations

from coding import code


def test_a_capture_confirmed_or_reported_by_a_noun_is_an_event() -> None:
    (rebels,) = code("وأكدت الفصائل المعارضة في بيان، الثلاثاء، سيطرتها على بلدة كفرنبل.")
    assert (rebels.sub_event_type, rebels.location, rebels.event_date) == \
        ("Non-state actor overtakes territory", "Kafr Nobol", "2018-03-13")
    (army,) = code("وأفاد المرصد، الثلاثاء، عن سيطرة قوات النظام على بلدة كفرنبل.")
    assert (army.sub_event_type, army.actor1) == ("Government regains territory", "Military Forces of Syria (2000-)")


def test_a_confirmed_aim_nearness_or_share_is_no_capture() -> None:
    assert code("وأكد الوزير أن الجيش يعمل على السيطرة على مدينة درعا.") == []
    assert code("وأكدت الحكومة، الثلاثاء، قرب سيطرتها على بلدة كفرنبل.") == []
    assert code("وأكد المرصد سيطرة الجيش على أكثر من نصف مساحة ريف إدلب.") == []


def test_dated_consent_to_a_deals_term_is_an_agreement() -> None:
    (deal,) = code("وقال ناشطون إن مقاتلي المعارضة في بلدة كفرنبل وافقوا يوم الثلاثاء على إلقاء سلاحهم.")
    assert (deal.sub_event_type, deal.location, deal.event_date) == ("Agreement", "Kafr Nobol", "2018-03-13")
    assert code("ووافق البرلمان، الثلاثاء، على الميزانية في مدينة حمص.") == []
    undated = code("ووصلت حافلات إلى مدينة إدلب الثلاثاء تقل عشرات المسلحين الذين وافقوا على تسليم بلدة كفرنبل.")
    assert all(e.sub_event_type != "Agreement" for e in undated)  # the day is the buses', not the consent's


def test_the_answered_attack_with_its_own_day_is_an_event() -> None:
    frame = "وأعلن الوزير، الأربعاء، استعداده لعرض خيارات عسكرية، ردا على هجوم كيماوي شنه النظام في بلدة كفرنبل"
    (chem,) = code(frame + "، السبت الماضي.")
    assert (chem.sub_event_type, chem.location, chem.event_date) == ("Chemical weapon", "Kafr Nobol", "2018-03-10")
    assert code(frame + ".") == []  # undated: the reference point of the reply
    assert code(frame + "، قبل أسبوعين.") == []  # an older one: a recap


def test_the_answering_side_is_not_the_answered_attacker() -> None:
    events = code("وكانت إسرائيل استهدفت ليل الاثنين الثلاثاء عشرات المواقع العسكرية داخل سوريا، ردا على صواريخ "
                  "أطلقت على مواقع إسرائيلية في هضبة الجولان ونسبتها إلى إيران، وفق ما أعلن الجيش الإسرائيلي في "
                  "بيان الثلاثاء.")
    (rockets,) = [e for e in events if e.location == "Golan"]
    assert rockets.actor1 != "Military Forces of Israel" and rockets.actor2 == "Military Forces of Israel"


def test_an_evacuation_started_or_ended_is_a_transfer_of_territory() -> None:
    (start,) = code("وبدأت ظهر الثلاثاء عملية إجلاء مقاتلين من جيش الإسلام من مدينة دوما.")
    assert (start.sub_event_type, start.location, start.event_date) == \
        ("Non-violent transfer of territory", "Duma", "2018-03-13")
    (end,) = code("وانتهت الثلاثاء عملية الإجلاء من بلدة الرحيبة.")
    assert end.sub_event_type == "Non-violent transfer of territory"
    assert code("وتواصلت الثلاثاء عملية إجلاء حالات طبية من مدينة دوما.") == []  # the sick leave, no ground changes hands
    recalled = code("وسيطر الجيش على بلدة الرحيبة بعد انتهاء عملية إجلاء المقاتلين.")
    assert [e.sub_event_type for e in recalled] == ["Government regains territory"]  # the noun recalls it


def test_a_withdrawal_started_or_completed_is_a_transfer_of_territory() -> None:
    (began,) = code("وبدأ مقاتلو المعارضة، الثلاثاء، في الانسحاب من بلدة الرحيبة.")
    assert (began.sub_event_type, began.location) == ("Non-violent transfer of territory", "Raheiba")
    (done,) = code("وأعلنت قسد أن عناصر الوحدات الكردية أتموا الثلاثاء انسحابهم من مدينة منبج.")
    assert (done.sub_event_type, done.event_date) == ("Non-violent transfer of territory", "2018-03-13")
    assert code("وطالبت روسيا بانسحاب القوات الأمريكية من مدينة منبج.") == []  # demanded, not under way


def test_carrying_out_strikes_is_no_denial() -> None:
    events = code("وأحصى المرصد، الثلاثاء، تنفيذ أكثر من 600 ضربة جوية استهدفت بلدات الطيبة والنعيمة وصيدا في ريف درعا.")
    assert sorted(e.location for e in events) == ["Neimeh", "Sayda", "Tiba"]  # «تنفيذ» begins like «تنفي»
    assert code("ونفت الوزارة، الثلاثاء، تنفيذ غارات على بلدة الطيبة في ريف درعا.") == []


def test_fighters_leaving_a_town_is_a_transfer_of_territory() -> None:
    (left,) = code("وغادر مسلحو المعارضة، الثلاثاء، بلدة عربين إلى شمالي محافظة إدلب.")
    assert (left.sub_event_type, left.location) == ("Non-violent transfer of territory", "Arbin")
    assert all(e.sub_event_type != "Non-violent transfer of territory"
               for e in code("وخرجت تظاهرة بإيعاز من المسلحين، الثلاثاء، في بلدة كفرنبل."))  # a protest
    assert code("وخرج آلاف المدنيين الثلاثاء من بلدة عربين.") == []  # civilians: no ground changes hands
