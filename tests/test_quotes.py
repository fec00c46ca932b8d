"""Quote extraction on sentences written for the project."""

from __future__ import annotations

from marsad.events.quotes import extract_quotes
from marsad.model import Article

TEXT = (
    "وقال وزير الخارجية: “لن نقبل بأي تقسيم للأراضي السورية مهما كانت الظروف”، "
    "وأضاف: “الحل السياسي هو الطريق الوحيد لإنهاء الحرب”.\n"
    "من جهته، أكد المرصد السوري لحقوق الإنسان أن الغارات استهدفت سوقا شعبيا في المدينة، "
    "مشيرا إلى أن فرق الإنقاذ ما زالت تبحث عن ناجين.\n"
    "وكانت وزارة الدفاع الروسية أعلنت في بيان أن “طائراتها لم تنفذ أي طلعات في المنطقة”."
)


def quotes() -> list[tuple[str, str, str]]:
    art = extract_quotes(Article.create(TEXT))
    return [(q.kind, q.speaker, q.text) for q in art.quotes]


def test_direct_quotes_and_inherited_speaker() -> None:
    got = quotes()
    assert got[0] == ("direct", "وزير الخارجية", "لن نقبل بأي تقسيم للأراضي السورية مهما كانت الظروف")
    assert got[1] == ("direct", "وزير الخارجية", "الحل السياسي هو الطريق الوحيد لإنهاء الحرب")


def test_reported_speech_and_participle_continuation() -> None:
    got = quotes()
    assert ("reported", "المرصد السوري لحقوق الإنسان",
            "الغارات استهدفت سوقا شعبيا في المدينة") in got
    assert ("reported", "المرصد السوري لحقوق الإنسان", "فرق الإنقاذ ما زالت تبحث عن ناجين") in got


def test_subject_first_speaker_and_spans() -> None:
    art = extract_quotes(Article.create(TEXT))
    last = art.quotes[-1]
    assert last.speaker == "وزارة الدفاع الروسية"
    assert last.actor == "Military Forces of Russia (2000-)"
    assert TEXT[last.start : last.end] == last.text
    assert TEXT[last.speaker_start : last.speaker_end] == last.speaker


def test_cues_match_every_spelling_of_their_letters_and_whole_words_only() -> None:
    from marsad.events.quote_cues import CUE_RE

    text = "وأضافت المصادر، مؤكدة أن القصف استمر، وقالتْ إن المقالة لم تتابعها قولهم ذكرى"
    assert [m.group(1) for m in CUE_RE.finditer(text)] == ["وأضافت", "مؤكدة", "وقالت"]


def test_reported_speech_after_a_participle_spelled_with_taa_marbuta() -> None:
    text = "أكدت الوزارة أن الطرق مغلقة منذ الصباح، مشيرةً إلى أن الفرق تعمل على فتحها قريبا."
    got = [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert ("reported", "الوزارة", "الفرق تعمل على فتحها قريبا") in got


def test_question_mark_ends_the_sentence_before_a_speaker() -> None:
    text = "قصفت الطائرات المدينة. هل تنتهي الحرب؟ الوزير الروسي أكد أن المحادثات ستستمر الأسبوع المقبل."
    got = [(q.kind, q.speaker) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("reported", "الوزير الروسي")]


def test_direct_quote_is_the_next_one_after_the_cue_within_reach() -> None:
    far = "وقال الوزير إن الحكومة ستواصل العمل " + "مع الشركاء في المنطقة " * 6 + "“هذا نص بعيد عن الفعل جدا”"
    text = "“كلام سابق قبل الفعل هنا”. وقال المتحدث: “هذا هو النص المقصود هنا”.\n" + far
    got = [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got[0] == ("direct", "المتحدث", "هذا هو النص المقصود هنا")
    assert got[1][:2] == ("reported", "الوزير") and not got[1][2].startswith("هذا نص بعيد")


def _got(text: str) -> list[tuple[str, str, str]]:
    return [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]


def test_a_clause_all_in_marks_is_direct_and_a_clause_with_marks_inside_is_reported() -> None:
    text = (
        "ولفت الوزير إلى أن \"الحكومة لن تتراجع عن قرارها\". "
        "وأضاف أن الحكومة ستبقى \"على موقفها الثابت دائما\" مهما حصل."
    )
    assert _got(text) == [
        ("direct", "الوزير", "الحكومة لن تتراجع عن قرارها"),
        ("reported", "الوزير", "الحكومة ستبقى \"على موقفها الثابت دائما\" مهما حصل"),
    ]


def test_new_cues_and_an_introducer_after_the_speaker_and_time() -> None:
    text = (
        "أفاد مراسلنا بأن القصف طال الأحياء الشرقية للمدينة. "
        "ويقول دبلوماسيون إن المفاوضات ستستأنف قريبا في جنيف. "
        "أعلن وزير الدفاع، جيمس سميث، الخميس، إن القوات باقية في مواقعها."
    )
    assert _got(text) == [
        ("reported", "مراسلنا", "القصف طال الأحياء الشرقية للمدينة"),
        ("reported", "دبلوماسيون", "المفاوضات ستستأنف قريبا في جنيف"),
        ("reported", "جيمس سميث", "القوات باقية في مواقعها"),
    ]


def test_speaker_before_the_verb_and_a_statement_speaks_for_its_issuer() -> None:
    text = (
        "توقفت المعارك ساعتين لكن الدفاع المدني قال إن الطائرات عادت بعد الظهر. "
        "وجاء في بيان وزارة الصحة أن المستشفيات استقبلت عشرات الجرحى."
    )
    assert _got(text) == [
        ("reported", "الدفاع المدني", "الطائرات عادت بعد الظهر"),
        ("reported", "وزارة الصحة", "المستشفيات استقبلت عشرات الجرحى"),
    ]


def test_a_title_takes_the_name_it_carried_earlier_and_no_quote_without_a_clause() -> None:
    text = (
        "استقبل الرئيس الفرنسي جان دوبون في باريس نظيره. "
        "وأكد الرئيس الفرنسي ضرورة وقف القتال فورا في كل المناطق. "
        "وقال الرئيس الفرنسي إن الحل لن يكون عسكريا."
    )
    assert _got(text) == [("reported", "جان دوبون", "الحل لن يكون عسكريا")]


def test_a_name_in_marks_is_no_quote_and_the_clause_after_it_is() -> None:
    text = (
        "وقالت منظمة \"أطباء بلا حدود\" الأربعاء إن المستشفيات تعمل فوق طاقتها منذ أسابيع. "
        "وقال الوزير في مقابلة مع صحيفة \"الصباح الجديد\": \"نأمل أن تنتهي الحرب قريبا\"."
    )
    assert _got(text) == [
        ("reported", "منظمة \"أطباء بلا حدود\"", "المستشفيات تعمل فوق طاقتها منذ أسابيع"),
        ("direct", "الوزير", "نأمل أن تنتهي الحرب قريبا"),
    ]


def test_facts_banners_and_inscriptions_say_nothing_but_according_to_what_says() -> None:
    text = (
        "عاد آلاف النازحين إلى البلدة، مما يشير إلى أن الحياة تعود إلى طبيعتها ببطء. "
        "وهو ما يؤكد أن الهدنة صامدة منذ أسبوعين. "
        "ورفع المحتجون لافتة كتب عليها \"لا للحرب في بلادنا أبدا\". "
        "وتواصل القصف، وفق ما أوضح المرصد في بيان أن الطائرات استهدفت ثلاث قرى في الريف."
    )
    assert _got(text) == [("reported", "المرصد", "الطائرات استهدفت ثلاث قرى في الريف")]


def test_a_short_name_in_marks_before_the_introducer_and_a_verb_with_its_shadda() -> None:
    text = (
        "ونقلت وكالة \"سانا\" للأنباء عن مصدر في الوزارة أن \"الحكومة ترفض هذا الاتفاق بشكل قاطع\". "
        "وحذّر قائد عسكري أمس من أنّ المعارك قد تستمر أشهرا في الشرق."
    )
    assert _got(text) == [
        ("direct", "مصدر", "الحكومة ترفض هذا الاتفاق بشكل قاطع"),
        ("reported", "قائد عسكري", "المعارك قد تستمر أشهرا في الشرق"),
    ]


def _speakers(text: str) -> list[str]:
    return [q.speaker for q in extract_quotes(Article.create(text)).quotes]


def test_references_point_back_and_titles_take_the_name_after_a_place() -> None:
    text = ("نقلت الوكالة عن مصدر أمني رفيع أن الطريق أغلق ليلا. وأضاف المصدر أن الدوريات عادت صباحا. "
            "ونفى المتحدث باسم البعثة في فيينا يوهان كارلسون أن تكون البعثة قد غادرت المدينة.")
    assert _speakers(text) == ["مصدر أمني رفيع", "مصدر أمني رفيع", "يوهان كارلسون"]


def test_a_participle_takes_the_subject_of_its_sentences_silent_verb() -> None:
    text = ("قال الوزير سامي نادر إن الموازنة العامة جاهزة للنقاش. "
            "وردت النقابة العمالية معتبرة أن الأجور لم ترتفع منذ سنوات.")
    assert _speakers(text) == ["الوزير سامي نادر", "النقابة العمالية"]


def test_go_on_with_a_bare_title_is_the_last_person_and_the_latter_is_the_last_named() -> None:
    text = ("أكد الجنرال ماركو بيلي أن القوات باقية في القاعدة. وتابع الجنرال الإيطالي أن الانسحاب ليس قريبا. "
            "والتقى الوزير رامي خوري بالسفير الألماني، كارل فيشر، ورأى الأخير أن المحادثات كانت مثمرة.")
    assert _speakers(text) == ["الجنرال ماركو بيلي", "الجنرال ماركو بيلي", "كارل فيشر"]


def test_a_quotation_attributed_after_its_mark() -> None:
    text = ("زار الوفد المخيم صباحا. \"لم نر مثل هذا البرد منذ سنوات طويلة\"، تقول سلمى، وهي أم لخمسة أطفال. "
            "\"نعيش على المساعدات منذ الشتاء الماضي\"، حسبما قال رئيس اللجنة المحلية. "
            "وتقدم المساعدات إلى \"العائلات الأكثر حاجة في المنطقة\"، حسبما أعلنت الجمعية.")
    got = [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("direct", "سلمى", "لم نر مثل هذا البرد منذ سنوات طويلة"),
                   ("direct", "رئيس اللجنة المحلية", "نعيش على المساعدات منذ الشتاء الماضي")]


def test_a_carried_over_quotation_attributed_to_a_title_after_its_mark() -> None:
    text = ("وأفاد بيان الاتحاد أن \"الوضع يثير قلقا بالغا في المنطقة\". "
            "وأضاف \"ندعو جميع الأطراف إلى ضبط النفس\"، وفقا للمتحدث الرسمي باسم الاتحاد.")
    assert _speakers(text)[1] == "للمتحدث الرسمي باسم الاتحاد"


def test_a_quotation_no_mark_closes_runs_to_the_end_of_its_line() -> None:
    text = ("وكتب المتحدث باسم البلدية في تغريدة \"الطرق الرئيسية مغلقة بسبب الثلوج. نرجو من السكان البقاء في منازلهم.\n"
            "وبحسب \"الدفاع المدني\" فإن الفرق تعمل منذ الصباح.")
    got = [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("direct", "المتحدث باسم البلدية",
                    "الطرق الرئيسية مغلقة بسبب الثلوج. نرجو من السكان البقاء في منازلهم")]


def test_an_introducer_far_after_its_verb_follows_a_comma() -> None:
    text = ("وقال مدير المستشفى الميداني في البلدة خلال جولة للصحفيين على الأقسام التي تضررت في القصف الأخير "
            "على الحي الشرقي، إن الأدوية تكفي لأسبوع واحد فقط.")
    got = [(q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("مدير المستشفى الميداني", "الأدوية تكفي لأسبوع واحد فقط")]


def test_warada_fi_appeared_and_an_object_pronoun_before_the_subject() -> None:
    text = ("وورد في التقرير أن عدد النازحين تضاعف خلال شهر واحد. "
            "ورد عليه المتحدث باسم الوزارة بأن الأرقام مبالغ فيها كثيرا.")
    got = [(q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("المتحدث باسم الوزارة", "الأرقام مبالغ فيها كثيرا")]


def test_on_the_tongue_of_after_a_quotation_names_its_speaker() -> None:
    text = ("لكن النقابة قررت الاعتصام، واعتبرت القرار \"ظلما لكل العاملين في القطاع\"، "
            "وفقا لما نقلته إذاعة محلية على لسان رئيس النقابة سليم داود.")
    assert _speakers(text) == ["رئيس النقابة سليم داود"]


def test_a_quotation_far_after_its_verb_follows_a_comma_before_the_next_cue() -> None:
    text = ("وقال رئيس البلدية في كلمة ألقاها أمام السكان الذين تجمعوا في الساحة الكبيرة وسط المدينة القديمة "
            "بعد انتهاء أعمال الترميم التي استمرت ثلاث سنوات كاملة وشارك فيها مئات العمال والمهندسين، "
            "\"هذه الساحة ملك لكم جميعا ونحن نحرسها\".")
    got = [(q.kind, q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("direct", "رئيس البلدية", "هذه الساحة ملك لكم جميعا ونحن نحرسها")]


def test_a_dateline_is_no_subject_and_a_name_set_off_by_commas_may_end_in_al() -> None:
    text = ("عمّان، المملكة الأردنية (وكالات) — قال وزير المياه، خالد الحسيني، إن السدود امتلأت بنسبة كبيرة هذا العام.")
    got = [(q.speaker, q.text) for q in extract_quotes(Article.create(text)).quotes]
    assert got == [("خالد الحسيني", "السدود امتلأت بنسبة كبيرة هذا العام")]


def test_the_clause_subject_after_a_circumstance_a_pronoun_or_an_introducer() -> None:
    text = ("وفي موسكو قال وزير الخارجية سامر حداد إن المفاوضات ستستأنف قريبا. "
            "لكنه أشار إلى أن موعدها لم يحدد حتى الآن. "
            "إلا أن المعارضة قالت إن أحدا لم يبلغها بأي موعد. "
            "وجاء في بيان صادر عن مكتب الرئيس أن الاجتماع سيعقد في العاصمة.")
    assert _speakers(text) == ["وزير الخارجية سامر حداد", "وزير الخارجية سامر حداد", "المعارضة", "مكتب الرئيس"]


def test_openers_that_are_no_subject() -> None:
    text = ("قال المحافظ سعيد ناصر إن المياه عادت إلى الأحياء الشرقية. "
            "ومضى يقول إن الشبكة تحتاج إلى صيانة شاملة هذا الصيف. "
            "وعن ذلك يقول المهندس رامي خليل إن الأنابيب قديمة جدا.")
    assert _speakers(text) == ["المحافظ سعيد ناصر", "المحافظ سعيد ناصر", "المهندس رامي خليل"]


def test_the_speaker_after_the_verb_ends_before_a_relative_clause_the_medium_spoken_to_or_a_time() -> None:
    text = ("وقال الوزير سامي حداد الذي زار المدينة أمس إن الطريق سيفتح قريبا. "
            "وقالت المديرة هالة منصور لـ\"إذاعة الشرق\" إن المدارس ستفتح الأحد. "
            "وأضاف مصدر طبي لCNN أن المستشفى استقبل عشرين جريحا. "
            "وأكد الطبيب رامي خليل لموقع الخبر أن الأدوية نفدت تماما. "
            "وقال المحافظ عادل سليم لرويترز إن الجسر سيفتح غدا. "
            "وحذرت النقابة مرارا من أن الأجور لا تكفي. "
            "وقالت البلدية الشهر الماضي إن الحديقة ستغلق للصيانة.")
    assert _speakers(text) == ["الوزير سامي حداد", "المديرة هالة منصور", "مصدر طبي", "الطبيب رامي خليل",
                               "المحافظ عادل سليم", "النقابة", "البلدية"]
