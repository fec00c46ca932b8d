"""Where a trigger's event lives in its sentence, and whether it really happened.

A sentence is cut into clauses at subordinators (حيث، وذلك، بينما، فيما...) and at
semicolons/colons; a trigger's *segment* is its clause narrowed by the neighbouring
triggers. Filters drop triggers under threats, plans, conditionals, denials, the
future, condemnation, background recaps (منذ، مسلسل، بعد يومين من...) and trend
summaries — the codebook's "only what happened". When it happened (a day's news, a period's
tally, a recap of an earlier year) is read in ``events.timeframe``.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.actors.text import variants
from marsad.events import asides
from marsad.events.timeframe import THAT

Words = list[tuple[int, int, str]]

_BOUNDARY_WORDS = frozenset(
    {"حيث", "وذلك", "بينما", "وبينما", "فيما", "وفيما", "كما", "لكن", "ولكن", "بيد", "وسط", "وتاتي", "ياتي", "وياتي", "تاتي"}
)
_BOUNDARY_CHARS = frozenset(";؛:.!?؟\n")

_NEGATORS = frozenset(
    {
        "اذا", "حال", "لو", "لولا", "لم", "لن", "سوف", "يعتزم", "تعتزم", "المقرر", "مقرر",
        "يهدد", "تهدد", "هدد", "هددت", "تهديد", "تهديدات", "تلوح", "لوح", "لوحت", "حذر",
        "حذرت", "تحذير", "يحذر", "تحذر", "نفي", "نفت", "تنفي", "ينفي", "نفوا", "يخطط",
        "تخطط", "خطه", "محتمل", "محتمله", "وشيك", "وشيكه", "يتوقع", "توقع", "لمنع",
        "منع", "تجنب", "جنب", "لتفادي", "دعا", "دعت", "يدعو", "تدعو", "طالب", "طالبت",
        "ادان", "ادانت", "دان", "دانت", "تدين", "يدين", "ندد", "نددت", "استنكر", "استنكرت", "وصف", "وصفت", "يصف", "تصف", "مزعوم",
        "المزعوم", "احتمال", "نفيه", "نفيها", "سيؤيد", "سيويدون", "يويد", "تاييد", "خشيه", "مخاوف", "يريد", "تريد", "يمكن", "ستشن", "سيشن",
        "ينبغي", "يجب", "تستعد", "يستعد", "استعدادا", "التحضير", "لشن", "بشن", "بمهاجمه",
        "ضروره", "اشاعه", "اشاعات", "شايعه", "شايعات", "يفرض", "تفرض", "اوقف", "اوقفت", "يتضمن", "تتضمن", "يقضي", "تقضي", "منعا", "عزم", "عزمها", "عزمه", "محاولات", "محاولتها", "نص", "ينص", "تنص", "يحاول", "تحاول", "محاوله", "اتهامات", "لاستعاده", "بعدم", "حق", "انتظار", "خوفا", "لوقف", "وقف", "تحسبا", "تحسب", "مزمع", "المزمع", "المزمعه", "يستعدون", "تستعدون", "يهمك", "اقتراب", "قلق", "قلقه", "قلقها", "تعهد", "تعهدت", "توعد", "توعدت", "يتوعد", "تمهيدا", "قرار", "للوقايه", "يتعين", "بحلول", "توجيه", "قرر", "قررت", "قرروا", "يقرر", "تقرر", "يقررون",
        "توقعات", "التوقعات", "امكان", "امكانيه", "بامكان",  # «وسط توقعات بأن تشن»، «لمواجهة إمكان شن هجمات»
    }
)
#: «عدم وقوع اشتباكات»، «تسليم المدينة دون معارك»: an act said not to happen (right before the trigger).
_WITHOUT = frozenset({"عدم", "لعدم", "دون", "بدون", "ودون", "وبدون"})
_HEDGES = frozenset({"يشتبه", "المشتبه", "مشتبه", "متوقع", "المتوقع", "متوقعه", "المتوقعه", "المزعوم", "مزعوم", "المفترض", "مفترض", "المحتمل", "محتمل", "المرتقب", "مرتقب", "المقبل", "المقبله", "المرتقبه", "المحتمله"})
_BACKGROUND = frozenset({"منذ", "مسلسل", "غرار", "ردا", "مراكز", "مركز", "سجون", "وتيره", "تشديد", "تكثيف", "قضيه", "بقضيه", "ملابسات", "تداعيات", "تفاصيل", "اعقاب", "خلفيه", "ذكري", "ذكرى", "حول", "بشان", "خصوص", "تحقيق", "تحقيقا", "ملف", "مذكره", "مذكرات", "موجه", "يتعلق", "تتعلق", "المتعلقه", "المتعلق",
                         "سبق"})  # «المناطق التي سبق له وسيطر عليها»: what it had done before
#: «ردا/انتقاما على هجوم …»: what follows is the attack a reply answers.
REPLY = frozenset({"ردا", "انتقاما", "ثارا"})
#: «غداة اشتباكات على الحدود»: the day after (before) another event, named as a reference point.
_REFERENCE_DAY = frozenset({"غداه", "عشيه"})
_SIMILAR = frozenset({"مماثل", "مماثله", "مشابه", "مشابهه"})
_FUNERAL = frozenset({"تشييع", "جنازه", "جنازات", "جثامين", "جثمان"})
DAY_WORDS = frozenset({"السبت", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "امس", "اليوم"})
#: «احتجاجاً على مقتل …»، «تنديداً بالغارات»: what a protest is about (an earlier event, no news).
#: «أدين بتهمة قتل …»، «مدانين بجرائم تفجير سيارات مفخخة»: what a court charges, not a report.
_CHARGES = frozenset({"تهمه", "بتهمه", "بتهم", "التهم", "مدان", "مدانا", "مدانين", "المدانين", "ادانه", "بجرايم",
                      "جرايم", "باتهامات", "اتهامات"})
GRIEVANCE = frozenset({"احتجاجا", "الاحتجاج", "تنديدا", "رفضا", "تضامنا", "استنكارا"})
#: A protest named by its noun or «تظاهر»: whole words, since the old prefixes also took «مسيّرة» (a drone),
#: «رفضه» (a refusal) and «مظاهر» (signs); «مسيرة» right after «طائرة/طائرات» is a drone.
_PROTEST_WORDS = frozenset({"احتجاج", "احتجاجات", "احتجاجا", "احتجاجي", "احتجاجيه", "احتجاجيات", "تظاهر", "تظاهروا",
                            "تظاهرت", "تظاهره", "تظاهرات", "مظاهره", "مظاهرات", "مسيره", "مسيرات", "اعتصام",
                            "اعتصامات", "تنديد", "تنديدا"})
_MARCHES = frozenset({"مسيره", "مسيرات"})
_AIRCRAFT = frozenset({"طايره", "طايرات"})


def protest_word(toks: Words, i: int) -> bool:
    """Whether word ``i`` names a protest (one list for the place, actor and leaving rules)."""
    forms = variants(toks[i][2])
    if forms.isdisjoint(_PROTEST_WORDS):
        return False
    return not (forms & _MARCHES and i > 0 and variants(toks[i - 1][2]) & _AIRCRAFT)
_DURATION_PREFIX = ("يوم", "ساع", "اسبوع", "اسابيع", "شهر", "اشهر", "ايام", "سنه", "سنوات", "عام", "اعوام", "ليل")


def is_boundary(text: str, toks: Words, i: int) -> bool:
    """True when a clause break sits before word ``i``."""
    if i <= 0:
        return False
    gap = text[toks[i - 1][1] : toks[i][0]]
    if ".." in gap:  # an ellipsis inside a quotation, not the end of a clause
        gap = gap.replace(".", "")
    if toks[i][2] == "وسط" and ("(" in gap or i + 1 < len(toks) and toks[i + 1][2] in _REGION_WORDS
                                or toks[i - 1][2] in ("في", "الي")):
        return False  # «(وسط سوريا)»، «في وسط مدينة لييج»: the centre of a place, not «amid»
    return not _BOUNDARY_CHARS.isdisjoint(gap) or toks[i][2] in _BOUNDARY_WORDS  # one C-level test of the gap


_REGION_WORDS = frozenset({"سوريا", "سوريه", "البلاد", "العراق", "اليمن", "ليبيا", "المدينه", "المحافظه", "مدينه",
                           "العاصمه", "البلده", "بلده"})


_CAUSAL = frozenset({"بعد", "اثر", "جراء", "نتيجه", "بسبب", "عقب"})
_WHILE = frozenset({"خلال", "اثناء"})


def clause_bounds(text: str, toks: Words, first: int, last: int) -> tuple[int, int]:
    """Word range ``[lo, hi)`` of the clause around words ``first..last``.

    «…، وذلك بعد/إثر غارات» explains the previous clause (its cause), so the
    clause then extends back over it.
    """
    lo = first
    while lo > 0 and not is_boundary(text, toks, lo):
        lo -= 1
    if toks[lo][2] == "وذلك" and lo + 1 < len(toks) and toks[lo + 1][2] in _CAUSAL:
        rest = [variants(w) for _, _, w in toks[lo + 2 : first]]
        if not any(any(v.startswith(_DURATION_PREFIX) for v in f) for f in rest):
            lo -= 1
            while lo > 0 and not is_boundary(text, toks, lo):
                lo -= 1
    hi = last + 1
    while hi < len(toks) and not is_boundary(text, toks, hi):
        hi += 1
    if hi + 1 < len(toks) and toks[hi][2] == "وذلك" and toks[hi + 1][2] in _WHILE:
        hi += 1  # «…، وذلك خلال مواجهات على حدود القطاع»: when and where the clause's act happened
        while hi < len(toks) and not is_boundary(text, toks, hi):
            hi += 1
    return lo, hi


_NOT_FUTURE = ("سيطر", "سياس", "سيار", "سيد", "سين", "ستين", "سنو", "سنه", "ساع", "سنت", "سناتور", "سيول", "سيناء", "ستار", "ستوكهولم", "سيرغي", "سيرجي", "سياد")


def _future_verb(word: str) -> bool:
    """«سيشن»، «ستبدأ»، «سنرد»: سـ + an imperfect prefix (common nouns starting so excluded)."""
    if len(word) <= 4 or word[0] != "س" or word[1] not in "تينا" or word.startswith(_NOT_FUTURE):
        return False
    return not word.endswith(("ت", "وا")) or word[1] in "تين"


_NEG_STEMS = ("رغب", "يرغب", "ترغب", "خطط", "مخطط", "المخطط", "تخطيط", "التخطيط", "بتهمه", "تهمه", "مفتعل",
              "مفبرك", "تستبعد", "يستبعد", "استبعد", "دلائل", "الدلائل", "اهتم", "انتقد", "ينتقد", "تنتقد", "انتقاد", "احتمال", "رفض", "يرفض", "ترفض", "مسؤوليه", "طالب", "تطالب", "يطالب", "مطالب", "رفضا", "تنفي", "ينفي", "نفي", "نفت", "نفوا", "يهدد", "تهدد", "هدد", "يعتزم", "تعتزم", "يخطط",
              "تخطط", "ينوي", "تنوي", "اتهم", "يتهم", "تتهم", "اتهام", "ادعاء", "مزاعم", "المزاعم", "دليل",
              "ادله", "اصابع", "تعتزم", "يزعم", "تزعم", "زعم")


@lru_cache(maxsize=1 << 14)
def _negates(word: str) -> bool:
    """Whether a word negates or defers what follows it (a negator, a negating stem, the future).
    Cached: :func:`is_unreal` tests every word of the clause before each trigger, and a sentence's
    triggers share their clause words; ~12,000 distinct words in 3,000 articles."""
    forms = variants(word)
    return bool(forms & _NEGATORS) or any(f.startswith(_NEG_STEMS) and not f.startswith(_NOT_NEG_STEMS)
                                          for f in forms) or _future_verb(word)


#: Words a negating stem begins but that negate nothing: «تنفيذ» (carrying out: «تنفيذ 600 ضربة
#: جوية»، «بتنفيذ غارات») begins with «تنفي» (she denies).
_NOT_NEG_STEMS = ("تنفيذ",)


_NEW_CLAUSE = ("متوعد", "مضيف", "موكد", "مؤكد", "مشير", "لافت", "معتبر", "محذر", "قايل", "مهدد")


def _hypothetical_after(toks: Words, end: int, hi: int) -> bool:
    """«لن» later in the trigger's own clause (a participle such as «متوعدة» opens another)."""
    for _, _, w in toks[end:hi]:
        if w.removeprefix("و").startswith(_NEW_CLAUSE):
            return False
        if w == "لن":
            return True
    return False


_COURT = ("محكمه", "محاكم", "قضت", "قضي بسجن", "بالسجن", "بالاعدام", "باعدام")
_HAPPENED = frozenset({"وقع", "اوقع", "اسفر", "خلف"})
#: «اتهمت دمشق إسرائيل بشن غارات، فجر الأحد، على …»: an accusation of a dated attack still reports it.
_ACCUSE = frozenset({"اتهم", "اتهمت", "يتهم", "تتهم", "اتهموا"})
_CONDEMN = frozenset({"ادان", "ادانت", "دان", "دانت", "تدين", "يدين", "ندد", "نددت", "استنكر", "استنكرت",
                      "وصف", "وصفت", "يصف", "تصف"})  # «وصف ترامب الهجوم الكيميائي بالفظيع»: a judgement
#: «متهم بخطف طفل»، «المتورطة في قتل ضباط»، «تورط موسكو في الهجوم»: who is charged or implicated.
_CHARGED = ("متهم", "متورط", "تورط")
#: «أمرت "بقتل أي صحفي"»: an order to act, not the act (not «الأمر»: «الأمر الذي أدى إلى …»).
_ORDERS = frozenset({"امرت", "امروا", "يامر", "تامر", "اوامر", "باوامر", "امر"})
#: «دعوة مذيع لقصف الأحياء»، «مطالبات بوقف»: a call for an act, not the act.
_CALLS = frozenset({"دعوه", "دعوات", "مطالبه", "مطالبات", "نداء", "نداءات", "مناشده"})
#: «مقدمة لهجوم كبير»، «توطئة لاقتحام»: what the present act prepares, not yet an event.
_PRELUDE = frozenset({"مقدمه", "توطئه"})


def is_unreal(toks: Words, lo: int, first: int, last: int | None = None, hi: int | None = None,
              dated: bool = False) -> bool:
    """A threat, plan, condition, denial or the future governs the trigger (in its clause).

    «لن» anywhere later in the clause makes it hypothetical («توجيه ضربة … لن يكون كافيا»);
    a condemnation or an accusation is no denial when the attack carries its own day
    («أدان الهجوم الذي نفذته إيران … السبت»، «اتهمت دمشق إسرائيل بقصف … الأحد»)."""
    end = (last if last is not None else first) + 1
    after = toks[end : end + 4]
    if hi is not None and _hypothetical_after(toks, end, hi):
        return True
    accused = dated and any(variants(w) & _ACCUSE for _, _, w in toks[lo:first])
    if dated and any(variants(w) & (_CONDEMN | _ACCUSE) for _, _, w in toks[lo:first]):
        lo = max(k + 1 for k in range(lo, first) if variants(toks[k][2]) & (_CONDEMN | _ACCUSE))
    happened = dated and hi is not None and any(
        w.removeprefix("و") in _HAPPENED for _, _, w in toks[end:hi])  # «الهجوم المفترض الذي وقع، السبت، … وأوقع»
    if any(variants(w) & _HEDGES and not happened or _negates(w) and not _future_verb(w) for _, _, w in after[:2]):
        return True
    if any(variants(w) & {"لن", "تعتزم", "يعتزم", "ينوي", "تنوي"} for _, _, w in after):
        return True
    if any(w == "قد" and nxt[:1] in "يت" for (_, _, w), (_, _, nxt) in zip(after, after[1:], strict=False)):
        return True  # «أعمال عنف قد تقع»: what may happen
    if any(_negates(w) and not (accused and w == "بشن") for _, _, w in toks[lo:first]):
        return True  # «اتهمت X إسرائيل بشن غارات … الأحد» reports the strike
    if any(w.removeprefix("و").removeprefix("ال").startswith(_CHARGED) for _, _, w in toks[lo:first]) and not any(
            variants(w) & DAY_WORDS for _, _, w in toks[lo : hi or first + 8]):
        return True  # «طبيب متهم بخطف طفل»، «المتورط بأوامر إطلاق النار»: a charge or blame with no day
    if any(any(f.startswith(_COURT) for f in variants(w)) for _, _, w in toks[lo:first]):
        return True  # «قضت المحكمة بإعدام 17 متهما في وقائع تفجير كنائس»: a verdict on past attacks
    before = [w for _, _, w in toks[max(lo, first - 3) : first]]
    if before[-1:] == ["اي"]:
        return True  # «للوقاية من أي ضربة»: any strike, none in particular
    if any(toks[k][2] in _WITHOUT and toks[k + 1][2] != "طيار" for k in range(max(lo, first - 2), first)):
        return True  # «أشار إلى عدم وقوع اشتباكات»، «دون معارك»: what did not happen (a drone is «دون طيار»)
    if before[-1:] and before[-1].removeprefix("و") in _PRELUDE and toks[first][2].startswith("ل"):
        return True  # «القصف مقدمة لهجوم كبير»: a prelude to an attack to come
    if not dated and any(w.removeprefix("و") in _ORDERS for _, _, w in toks[lo:first]) \
            and toks[first][2].lstrip("\"«“").startswith("ب"):
        return True  # «أمرت الحكومة "بقتل أي صحفي"»: an order
    if _called_for(toks, lo, first):
        return True  # «أثارت دعوة مذيع تلفزيوني لقصف الأحياء … موجة استنكار»: a call
    if any(variants(w) & _HEDGES for w in before):
        return True  # «الهدف المقبل لهجوم»
    if any(w == "قد" and nxt[:1] in "يتن" for w, nxt in zip(before, before[1:], strict=False)):
        return True  # «قد تكون»: maybe
    window = toks[lo:first]
    return any(  # «مسؤولة عن هجوم»: blame, not the report of one («أعلن مسؤوليته عن» claims it: real)
        w.removeprefix("و").removeprefix("ال").startswith(("مسوول", "مسؤول")) and window[j + 1][2] == "عن"
        and not _claimed(w, window[:j])
        for j, (_, _, w) in enumerate(window[:-1])
    )


def _called_for(toks: Words, lo: int, first: int) -> bool:
    """A call noun in the four words before a trigger that takes «ل/إلى» («دعوة مذيع تركي لقصف …»،
    «دعوات إلى اقتحام»): what someone calls for (the verbs دعا/طالب are negators already)."""
    to = toks[first][2].removeprefix("و").startswith("ل") or first > 0 and toks[first - 1][2] == "الي"
    return to and any(variants(w) & _CALLS for _, _, w in toks[max(lo, first - 4) : first])


def _claimed(word: str, before: Words) -> bool:
    """«أعلن/تبنى … مسؤوليته عن»: the perpetrator claims the attack."""
    own = word.endswith(("يته", "يتها", "يتهم"))
    return own and any(w.removeprefix("و").startswith(("اعلن", "تبن")) for _, _, w in before[-6:])


def is_background(text: str, toks: Words, lo: int, first: int, dated_after: bool = False,
                  own_day: bool = False) -> bool:
    """The trigger is a reference to an earlier event (منذ الهجوم، مسلسل، بعد يومين من ...).

    Only markers in the trigger's own phrase count (no punctuation in between), and
    «منذ أشهر» (a duration, as in «لأول مرة منذ أشهر») is not a reference; nor is what a strike
    answers when its clause gives it a day of its own less than a week back (``own_day``: «ردا على
    إطلاق صواريخ … على الجولان، فجر الخميس», the news of the day; an older one is the reference).
    """
    if _told_elsewhere(toks, lo, first, dated_after):
        return True
    if any(variants(w) & {"التقرير", "تقرير"} for _, _, w in toks[lo : lo + 3]) and any(
        "بحسب" in variants(w) or "وبحسب" in variants(w) for _, _, w in toks[lo : lo + 2]
    ):
        return True  # «وبحسب التقرير …»: a periodic report's tally
    near = [w for _, _, w in toks[max(lo, first - 5) : first]]
    if any("تقارير" in variants(w) for w in near[-2:]) or any("تقارير" in variants(w) for w in near) and "عن" in near:
        return True  # «وسط تقارير عن إعدامات»: reports of, not a report
    opening = [variants(w) for _, _, w in toks[lo : lo + 4]]
    if opening and any(f & {"ياتي", "جاء", "تاتي", "وياتي", "وجاء", "اتي", "واتي", "وجاءت", "جاءت", "اتت", "واتت"}
                       for f in opening[:2]):  # «وأتت الغارات بعد مقتل تسعة … جراء قصف»: the cause recalled
        if any("بعد" in f or "اثر" in f or "عقب" in f or "ردا" in f for f in opening + [variants(w) for _, _, w in toks[lo + 4 : lo + 12]]):
            return True
    if any(variants(w) & (GRIEVANCE | _CHARGES) for _, _, w in toks[lo:first]):
        return True  # «احتجاجاً على مقتل 60»، «بتهمة قتل»: the grievance or the charge, reported elsewhere if news
    after = [w for _, _, w in toks[first + 1 : first + 4]]
    if "سابقا" in after or any(a == "في" and b == "السابق" for a, b in zip(after, after[1:], strict=False)):
        return True  # «كان هدفا لهجمات في السابق»: attacks of the past
    if opening and opening[0] & {"يذكر", "ويذكر", "يشار", "ويشار"}:
        return True  # «ويُذكّر/يذكر أن …»: a reminder of the background
    k0 = max(lo, first - 4)
    while k0 < first and any(c in ",،" for c in text[toks[k0][1] : toks[first][0]]):
        k0 += 1
    forms = [variants(w) for _, _, w in toks[k0:first]]
    for k, f in enumerate(forms[:-1]):
        if "سابق" in f and k > 0 and "وقت" in forms[k - 1] and not forms[k + 1] & {"اليوم", "من"} \
                and not any(g & THAT for g in forms[k + 1 :]):
            return True  # «تعرضت في وقت سابق لعدة هجمات» (not «في وقت سابق اليوم», nor «ذكرت في وقت سابق أن …»)
    for k, f in enumerate(forms):
        rest = forms[k + 1 :]
        is_duration = bool(rest) and any(v.startswith(_DURATION_PREFIX) for v in rest[0])
        if f & _BACKGROUND and not ("منذ" in f and is_duration) and not ("ردا" in f and own_day):
            return True
        if f & _REFERENCE_DAY and not dated_after:
            return True  # (but «غداة احتجاجات الجمعة» gives that event its own day: it is told)
        if ("بعد" in f or "قبل" in f) and any(any(v.startswith(_DURATION_PREFIX) for v in g) for g in rest):
            return True
    return False


def _told_elsewhere(toks: Words, lo: int, first: int, dated_after: bool) -> bool:
    """A relative clause that describes a place or thing, a strike told for comparison, a funeral:
    the trigger refers to an event told elsewhere (or to none), unless it has a day of its own."""
    def dayless(a: int, b: int) -> bool:
        return not any(variants(w) & DAY_WORDS or w.isdigit() for _, _, w in toks[a:b])

    rel = next((k for k in range(first - 1, max(lo, first - 3) - 1, -1)
                if toks[k][2] in ("التي", "الذي", "اللتين") or k == first - 1 and toks[k][2] == "الذين"), None)
    # («النشطاء الذين قتلوا في القصف»: people's relative clauses tell the event's victims, a toll)
    if rel is not None and not dated_after and dayless(rel + 1, first):
        return True  # «المدينة التي استعادت القوات …»، «البصرة التي اندلعت فيها احتجاجات» describe;
        # «الذي اعتقل، السبت» and «التي شهدت الثلاثاء احتجاجات» report
    if first > lo and not dated_after and asides.perpetrators(toks[first - 1][2]):
        return True  # «مستهدفا قادة هجوم دام على عرض عسكري»، «منفذ الهجوم»: who did it, the attack told elsewhere
    after = [w for _, _, w in toks[first + 1 : first + 3]]
    if any(variants(w) & _SIMILAR for w in after) and dayless(lo, first + 6):
        return True  # «أعلن البنتاغون عن غارة مماثلة …»: another event, told for comparison
        # (but «وخرجت، الأحد، احتجاجات مماثلة في الناصرية» gives it its own day: news)
    return any(variants(w) & _FUNERAL or w.removeprefix("و").startswith(("سيشيع", "يشيع", "تشيع", "شيع"))
               for _, _, w in toks[lo:first])  # «تشييع جثامين ضحايا القصف الجوي»: a funeral
