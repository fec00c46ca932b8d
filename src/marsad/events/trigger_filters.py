"""Vetoes on a trigger the lexicon matched: its words are there, but no event is.

A blast word may qualify a weapon or name a crisis, an attack may be one of words, a
deal may be sought or failed, a capture noun may be a name or a state. Each test reads
only the sentence's words around the hit; :func:`marsad.events.triggers.find_triggers`
asks them before it keeps a hit (a vetoed hit leaves its words free for another).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.actors.text import variants
from marsad.events.context import DAY_WORDS, protest_word

if TYPE_CHECKING:
    from marsad.events.triggers import TriggerHit

Toks = list[tuple[int, int, str]]


def adjectival(toks: Toks, i: int, hit: TriggerHit) -> bool:
    """«صواريخ شديدة الانفجار»: a blast noun qualifying a weapon (high-explosive) is no blast."""
    return i > 0 and hit.definition.sub_event_type == "Remote explosive/landmine/IED" and \
        toks[i - 1][2].startswith(("شديد", "سريع", "عالي"))


#: What «انفجر» says of when it is no blast: a crisis, anger, protests, a volcano, laughter.
_FIGURATIVE = ("ازمه", "الازمه", "الاوضاع", "الوضع", "غضب", "الغضب", "خلاف", "الخلاف", "الخلافات", "مظاهرات",
               "المظاهرات", "احتجاجات", "الاحتجاجات", "فرحا", "بركان", "البركان", "ضاحكا", "بالبكاء", "باكيا",
               "بالضحك", "فضيحه", "الفضيحه", "جدل", "الجدل", "صراع", "الصراع", "الموقف", "غضبا", "موجه")


#: «تظاهرة سينمائية»: a festival or a fair, not a protest (Maghrebi and cultural pages).
_SHOWS = ("سينماييه", "ثقافيه", "فنيه", "رياضيه", "علميه", "تجاريه", "سياحيه", "ادبيه", "موسيقيه", "فكريه")
#: «خطف الممثل … جائزة أفضل ممثل»، «خطف الأضواء»: a prize, the limelight or a title won, no abduction.
_PRIZES = ("جايزه", "الجايزه", "بجايزه", "اللقب", "لقب", "الاضواء", "الانظار", "الاهتمام", "الفوز", "الكاس",
           "البطوله", "الميداليه", "النجوميه", "قلوب")


def figurative(toks: Toks, hit: TriggerHit) -> bool:
    """«انفجرت أزمة سياسية»، «انفجار الأوضاع»، «انفجر غضباً»: a blast word with an abstract
    subject or a feeling after it is no explosion; «التظاهرة السينمائية» is a festival and «خطف
    … جائزة» wins a prize (round ten's draw: a film week and the Oscars coded as events)."""
    after = toks[hit.last + 1][2] if hit.last + 1 < len(toks) else ""
    sub = hit.definition.sub_event_type
    if sub == "Remote explosive/landmine/IED":
        return not variants(after).isdisjoint(_FIGURATIVE)
    if sub == "Peaceful protest" and hit.definition.words[0].startswith(("تظاهره", "التظاهره")):
        return any(f.startswith(_SHOWS) for f in variants(after))
    if sub == "Abduction/forced disappearance":
        return any(f.removeprefix("و").startswith(_PRIZES) for _, _, w in toks[hit.last + 1 : hit.last + 8]
                   for f in variants(w))
    return False


#: «تعثر اتفاق»، «انهيار الاتفاق»: a deal that stalls or collapses was not concluded that day.
_FAILED = ("تعثر", "فشل", "انهار", "انهيار", "تعطل", "تعطيل", "رفض", "خرق", "خروقات", "انتهاك")
#: «للبحث في التوصل إلى اتفاق»، «بهدف التوصل»، «قبل التوصل للاتفاق النووي»، «الرافضين لاتفاق التسوية»،
#: «لإقناعها بإبرام اتفاق»: a deal sought, preceding or refused is none concluded (ant2018_syria: 6 such
#: Agreement events read, 6 false; a failure three words back, «فشلوا بالتوصل إلى اتفاق», too).
#: Stems, matched at a word's start: none of them begins another word that could conclude a deal.
_SOUGHT = ("البحث", "بحث", "للبحث", "بهدف", "بغيه", "لاقناع", "اقناع", "رافض", "الرافض", "للرافض")
#: Whole words only: «قبل» (before) also begins «قبلت/قبلوا» (accepted), which concludes a deal.
_SOUGHT_WORDS = frozenset({"قبل", "قبيل"})


def deal_undone(toks: Toks, hit: TriggerHit) -> bool:
    """«تعثر اتفاق الإجلاء»: a failure within four words before the deal, or a search, a purpose
    or a refusal in the two words before it: no deal was concluded."""
    before = [variants(w) for _, _, w in toks[max(0, hit.first - 4) : hit.first]]
    near = [f.removeprefix("و") for forms in before[-2:] for f in forms]
    return any(f.removeprefix("و").startswith(_FAILED) for forms in before for f in forms) or \
        any(f.startswith(_SOUGHT) or f in _SOUGHT_WORDS for f in near)


#: What fighters or a town consent to that settles a fight: surrender, departure, a deal, a truce.
_TERMS = ("القاء", "تسليم", "الخروج", "خروج", "الانسحاب", "اجلاء", "اتفاق", "التسويه", "تسويه", "المصالحه",
          "مصالحه", "هدنه", "الهدنه", "وقف")


def consented(toks: Toks, hit: TriggerHit) -> bool:
    """«وافق مقاتلو المعارضة، الأحد، على إلقاء سلاحهم»، «وافقت ثماني بلدات على اتفاق للمصالحة»: consent
    («وافق») to a deal's term within eight words, with a day of its own near, is an Agreement; undated
    consent is mostly told of fighters leaving days later («مسلحون وافقوا على تسليم البلدة»), and consent
    to anything else («وافق البرلمان على الميزانية») is none."""
    after = [w for _, _, w in toks[hit.last + 1 : hit.last + 9]]
    dated = any(variants(w) & DAY_WORDS for _, _, w in toks[max(0, hit.first - 2) : hit.last + 13])
    return dated and any(a in ("علي", "على") and any(f.startswith(_TERMS) for f in variants(b))
                         for a, b in zip(after, after[1:], strict=False))


#: Verbs that start, end, resume or continue an evacuation or a withdrawal («بدأت مساء الأحد عملية
#: إجلاء …»، «بدأ المسلحون، الخميس، في الانسحاب من …»، «أتموا الأحد انسحابهم من مدينة منبج»).
_UNDER_WAY = frozenset({"بدات", "انتهت", "اكتملت", "استكملت", "تواصلت", "انطلقت", "استونفت",
                        "بدا", "بداوا", "اتم", "اتمت", "اتموا", "اكمل", "اكملت", "اكملوا", "استكمل", "استكملوا"})
#: «عملية إجلاء حالات طبية/جرحى»: the sick and wounded leave, no side hands over ground.
_PATIENTS = ("حالات", "الحالات", "جرحي", "الجرحي", "مرضي", "المرضي", "مصابين", "المصابين")


def evacuation_under_way(toks: Toks, hit: TriggerHit) -> bool:
    """An evacuation operation or a withdrawal is a transfer of territory when a finite verb within the
    five words before starts, ends or resumes it (not «بعد انتهاء عملية الإجلاء»، «تمهيدا لبدء»: nouns
    recall or plan it), and not of the sick or wounded."""
    before = toks[max(0, hit.first - 5) : hit.first]
    if hit.last + 1 < len(toks) and any(f.startswith(_PATIENTS) for f in variants(toks[hit.last + 1][2])):
        return False
    return any(f.removeprefix("و") in _UNDER_WAY for _, _, w in before for f in variants(w))


def fighters_leave(toks: Toks, hit: TriggerHit) -> bool:
    """«وغادر مسلحو المعارضة بلدة عربين»، «وخرج الجمعة مئات المقاتلين والمدنيين من القنيطرة»: a leaving
    verb is a transfer only when fighters are named within the four words after it (not civilians,
    a protest that «خرجت» («تظاهرة خرجت بإيعاز من المسلحين»), nor «خرج عن السيطرة»)."""
    if hit.first > 0 and protest_word(toks, hit.first - 1):
        return False
    return any(f.startswith(("مسلح", "مقاتل")) for _, _, w in toks[hit.last + 1 : hit.last + 5] for f in variants(w))


#: «هاجمت وزارة الخارجية تركيا»: who attacks in words (an office, a minister, a speaker).
_SPEAKERS = ("وزاره", "الخارجيه", "خارجيه", "وزير", "الوزير", "المتحدث", "متحدث", "الرئيس", "رئيس", "بيان",
             "الناطق", "ناطق", "المندوب", "مندوب", "السفير", "سفير", "الاعلام", "صحيفه", "الصحيفه")
#: «… هجوماً حاداً على إيران، واصفاً إياها …»، «هاجم النائب … الرئيس السابق، قائلاً …»: the
#: participle that makes an attack one of words.
_WORDS_OF = frozenset({"متهما", "متهمه", "واصفا", "واصفه", "قايلا", "قايله", "معتبرا", "معتبره"})


#: A new speaker's verb: a participle after it is that speaker's («… حاجزا للجيش، وقال مصدر متهما …»).
_SPEECH = frozenset({"قال", "قالت", "اكد", "اكدت", "اضاف", "اضافت", "ذكر", "ذكرت", "اعلن", "اعلنت", "افاد",
                     "افادت", "صرح", "صرحت", "اوضح", "اوضحت", "تابع", "تابعت", "اشار", "اشارت"})


def verbal_attack(toks: Toks, hit: TriggerHit) -> bool:
    """«هاجمت وزارة الخارجية تركيا»: «هاجم» with a speaker after it, or an accusing, describing
    or judging participle within twelve words («هاجم المملكة قائلا») and before a new speech
    verb, attacks in words."""
    if any(f.startswith(_SPEAKERS) for f in variants(toks[hit.last + 1][2])):
        return True
    for _, _, w in toks[hit.last + 1 : hit.last + 13]:
        forms = variants(w)
        if any(f.removeprefix("و") in _SPEECH for f in forms):
            return False
        if forms & _WORDS_OF:
            return True
    return False


def in_words(toks: Toks, last: int) -> bool:
    """«شن نتنياهو هجوما حادا على إيران، واصفا إياها …»، «شنت الرياض هجوما على إيران، متهمة
    إياها …»: an attack on one named target followed by an accusing or describing participle is
    a verbal attack (ant2018_syria: 6 such sentences, 5 verbal; the sixth blames a strike on Iran)."""
    k = last + 1
    while k < min(len(toks), last + 4) and toks[k][2] not in ("على", "علي", "ضد"):
        k += 1  # up to three adjectives: «هجوماً مفاجئاً وحاداً على طهران»
    return k + 2 < len(toks) and toks[k][2] in ("على", "علي", "ضد") and \
        bool(variants(toks[k + 2][2]) & _WORDS_OF)


#: Words before «سيطرة/تحرير» that make it a name or a state («هيئة تحرير الشام»، «تحت سيطرة»).
_NOT_CAPTURE = ("هييه", "جبهه", "حركه", "حزب", "لجنه", "تحت", "مناطق", "منطقه", "خارج", "نطاق", "ساحه", "عيد",
                "قرب", "بقرب", "وشك", "اقتراب")  # «أكدت أنقرة قرب سيطرتها على عفرين»: not yet
#: «سيطرة الجيش على أكثر من نصف الغوطة»: a share of a region held, a running total, not one capture.
_SHARE = frozenset({"اكثر", "معظم", "غالبيه", "اغلب", "نصف", "ثلث", "ثلثي", "ربع"})


#: Words that report a capture told by a noun: «أعلن» and (round eleven) its noun, a confirmation
#: and a report («أكدت الفصائل في بيان سيطرتها على تلة»، «أفاد المرصد عن سيطرة»، «تفيد التقارير بسيطرة»).
_ANNOUNCE = ("اعلن", "اعلان")
_CONFIRM = frozenset({"اكد", "اكدت", "اكدوا", "يوكد", "توكد", "افاد", "افادت", "يفيد", "تفيد"})
_THAT = frozenset({"ان", "بان"})


def announced_capture(toks: Toks, hit: TriggerHit) -> bool:
    """A capture noun («السيطرة»، «سيطرته»، «استعادة»، «تحرير») is an event only when «أعلن/إعلان»,
    «أكد» or «أفاد» within the six words before announces it («أعلنت القوات، الأحد، بسط سيطرتها
    التامة على البلدة»); not as a purpose («لاستعادة»), a name («هيئة تحرير الشام») or a state («تحت سيطرة»).
    «تمكن من السيطرة» was read too: 4 of 12 corpus hits right (profiles and histories)."""
    before = toks[max(0, hit.first - 6) : hit.first]
    word = toks[hit.first][2]
    if not before or word.startswith(("ل", "ول")) or not variants(before[-1][2]).isdisjoint(_NOT_CAPTURE):
        return False
    if hit.last + 1 < len(toks) and toks[hit.last + 1][2] in ("الشام", "سوريا", "المراه"):
        return False
    after = [w for _, _, w in toks[hit.last + 1 : hit.last + 7]]
    if any(a in ("علي", "على") and b in _SHARE for a, b in zip(after, after[1:], strict=False)):
        return False
    for k in range(len(before) - 1, -1, -1):
        forms = variants(before[k][2])
        if forms & _THAT:
            return False  # «أكد الوزير أن الجيش يعمل على السيطرة»: the noun is not what is confirmed
        if any(f.startswith(_ANNOUNCE) or f in _CONFIRM for f in forms):
            return True
    return False
