"""A participle of saying after a verb that is no cue («التقى الوزير نظيره، مؤكداً أن …»): its
speaker is that verb's subject, not the paragraph's last speaker. Sentences written for the project."""

from __future__ import annotations

from marsad.events.quotes import extract_quotes
from marsad.model import Article

LEAD = "وقال المرصد السوري لحقوق الإنسان إن الغارات استمرت طوال الليل على البلدة.\n"


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(q.speaker, q.text) for q in extract_quotes(Article.create(LEAD + text)).quotes][1:]


def test_the_subject_after_the_clause_verb_speaks() -> None:
    assert _speakers("والتقى وزير الخارجية الأردني نظيره الروسي في موسكو، مؤكدا أن الحل سياسي فقط.") == [
        ("وزير الخارجية الأردني", "الحل سياسي فقط")]
    assert _speakers("ودعت فرنسا، الأربعاء، إلى وقف القتال، مشددة على أن حماية المدنيين واجبة.") == [
        ("فرنسا", "حماية المدنيين واجبة")]
    assert _speakers("وتنفي المفوضية هذه الاتهامات قائلة إنها تدعم العودة الطوعية للاجئين.") == [
        ("المفوضية", "تدعم العودة الطوعية للاجئين")]


def test_an_opener_and_a_subject_before_its_verb() -> None:
    assert _speakers("كما حض السفير فريد سالم على الحوار، معتبرا أن الوقت ينفد أمام الجميع.") == [
        ("السفير فريد سالم", "الوقت ينفد أمام الجميع")]
    assert _speakers("وكان الجيش الإسرائيلي قد اعترف بالضربة، قائلا إنها أزالت تهديدا كبيرا.") == [
        ("الجيش الإسرائيلي", "أزالت تهديدا كبيرا")]


def test_no_subject_of_its_own_keeps_the_last_speaker() -> None:
    # the verb's object («شكرها»), a passive verb whose gender is not the participle's, a bare verb
    assert _speakers("وقدمت شكرها للمسعفين، قائلة إن عملهم لا يقدر بثمن.")[0][0] == "المرصد السوري لحقوق الإنسان"
    assert _speakers("كما طرحت أسئلة كثيرة حول الملف، مشيرا إلى أن الإجابات وصلت لاحقا.")[0][0] == (
        "المرصد السوري لحقوق الإنسان")
    assert _speakers("وخلص قائلا إن المعارك ستتجدد قريبا.")[0][0] == "المرصد السوري لحقوق الإنسان"


def test_a_participle_after_the_last_quotation_goes_on_with_its_speaker() -> None:
    text = 'وقال الوزير: "لن نتراجع. والقرار نهائي ولا رجعة فيه"، مؤكدا أن الحكومة موحدة في موقفها.'
    assert [s for s, _ in _speakers(text)] == ["الوزير", "الوزير"]


def test_a_participle_opening_its_sentence_hangs_on_the_sentence_before() -> None:
    text = "واقترح وزير الخارجية سامي فريد في اجتماع الأمس تأسيس منتدى للحوار. مضيفا أن الدعوة مفتوحة لكل الجيران."
    assert _speakers(text) == [("وزير الخارجية سامي فريد", "الدعوة مفتوحة لكل الجيران")]


def test_a_dateline_is_no_subject_and_a_counted_noun_no_participle() -> None:
    text = "دمشق، سوريا (CNN)— التقى اللواء سمير حداد وفدا من الأهالي، مؤكدا أن الطريق سيفتح قريبا جدا."
    assert _speakers(text) == [("اللواء سمير حداد", "الطريق سيفتح قريبا جدا")]
    assert _speakers("وأصدرت المحكمة حكمها بسجن 75 متهما بأن التهم ثابتة عليهم جميعا.") == []


def test_a_clause_opened_by_ala_has_its_subject_after_the_verb() -> None:
    # «على» folds to «علي» (a name): the preposition is known by its spelling
    assert _speakers("وعلى صعيد آخر قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل.") == [
        ("وزير الخارجية", "المحادثات ستستأنف الأسبوع المقبل")]
    assert _speakers("على صعيد متصل أكد المرصد أن القصف طال ثلاث قرى في الريف.")[0][0] == "المرصد"


def test_a_feminine_title_takes_the_name_it_carried_and_lada_is_no_name() -> None:
    text = ("التقت المستشارة الألمانية أنغيلا ميركل الرئيس في برلين. "
            "وقالت المستشارة الألمانية إن الحل سياسي في كل الأحوال.")
    assert [s for s, _ in _speakers(text)] == ["أنغيلا ميركل"]
    text = "استقبل الوزير السفير الفرنسي لدى دمشق أمس. وقال السفير الفرنسي إن العلاقات جيدة جدا بين البلدين."
    assert [s for s, _ in _speakers(text)] == ["السفير الفرنسي"]


def test_the_last_speakers_name_ends_the_subject_before_its_object() -> None:
    text = ('وقال مخلوف إن "عودة اللاجئين مطلب ضروري للبلاد". '
            "ودعا مخلوف الدول الغربية إلى رفع الحصار، مشيرا إلى أن رفعه سيساعد الاقتصاد كثيرا.")
    assert [s for s, _ in _speakers(text)] == ["مخلوف", "مخلوف"]
