"""When a trigger's event happened, read from its clause: a day's news or a period, a tally, a recap.

Split from ``events.context`` (whether the event happened at all): trend words (مؤخراً، الأيام
الأخيرة), tallies over a period (حصيلة، خلال شهرين، منذ …), pluperfect recaps (كان … قد),
past years and «قبل نحو شهر», dates that belong to the people rather than the event, and the
end of a clause before a trailing «لترتفع الحصيلة».
"""

from __future__ import annotations

from marsad.actors.text import variants

Words = list[tuple[int, int, str]]

_TREND = frozenset({"مؤخرا", "موخرا", "موخراً", "الاخيره", "الماضيه", "الاونه", "الحالي", "الجاري"})
_TREND_HEADS = ("ايام", "اسابيع", "اشهر", "شهور", "سنوات", "اونه", "فتره", "العام", "عام")


def has_trend(toks: Words, lo: int, hi: int) -> bool:
    """The words speak of a period (مؤخراً، الأيام الأخيرة، هذا العام) rather than a day."""
    for k in range(lo, hi):
        forms = variants(toks[k][2])
        if forms & {"موخرا", "مؤخرا"}:
            return True
        if forms & _TREND and k > lo:
            prev = variants(toks[k - 1][2])
            if any(p.startswith(_TREND_HEADS) for p in prev):
                return True
        if k > lo and forms & {"العام", "السنه"} and variants(toks[k - 1][2]) & _THIS:
            return True  # «هذا العام» is «العام الحالي»: a year's summary
    return False


_THIS = frozenset({"هذا", "وهذا", "هذه", "وهذه"})


_CAPTIVES = ("المختطف", "المخطوف", "المعتقل", "الموقوف", "المفقود", "المحتجز", "الاسري", "الرهاين")


def of_people(toks: Words, after: int, pos: int) -> bool:
    """«أعدم التنظيم أحد الرهائن الذين خطفهم الشهر الماضي»، «قطع رأس أحد المدنيين المختطفين في 25
    تموز»: a date in a «الذين» clause or right after a captive participle, after the trigger, tells what
    happened to the people before, not when the event happened."""
    if any(after <= a < pos and w in ("الذين", "اللذين", "اللتين", "اللواتي") for a, _, w in toks):
        return True
    near = [w for a, _, w in toks if after <= a < pos][-3:]
    return any(w.removeprefix("و").startswith(_CAPTIVES) for w in near)


def in_background_phrase(toks: Words, pos: int) -> bool:
    """A date inside «ردا على … الأسبوع الماضي» or «منذ …» belongs to the earlier event."""
    before = [w for a, _, w in toks if a < pos][-6:]
    return any(variants(w) & {"ردا", "اعقاب", "منذ", "غرار"} for w in before)


_PERIOD_AFTER_KHILAL = ("تصعيد", "الحمله", "حمله", "هذه", "الفتره", "الاشهر", "الاسابيع", "السنوات",
                        "الاعوام", "الحرب", "النزاع", "سنوات", "اشهر", "اسابيع")


def period_summary(toks: Words, lo: int, hi: int, dated: bool = False) -> bool:
    """«خلال تصعيد …»، «حصيلة …»، undated «وثق مقتل …»: a tally over a period, not one event."""
    tally = {"اجمالي", "الاجمالي", "اجمالا", "طوال"} | (set() if dated else {"وثق", "يوثق", "قضوا"})
    running = False
    for k in range(lo, hi):
        forms = variants(toks[k][2])
        if forms & tally:
            return True
        running = running or "حصيله" in forms or bool(forms & {"ارتفاع", "ارتفع", "ارتفعت"} and k + 1 < hi and any(
            n.startswith(("عدد", "حصيل")) for n in variants(toks[k + 1][2])))  # «وارتفاع عدد القتلى إلى 105»
        if "خلال" in forms and k + 1 < hi and not _in_relative_after(toks, lo, k):
            nxt = variants(toks[k + 1][2])
            if any(n.startswith(_PERIOD_AFTER_KHILAL) for n in nxt):
                return True
            if not dated and _span_of_days(toks, k + 1, hi):
                return True
    return running and not todays_tally(toks, lo, hi)


#: «خلال شهرين»، «خلال أسبوعين»، «خلال سبعة أيام»، «خلال 3 أسابيع»: a span of days, weeks or months.
_SPAN_DUALS = frozenset({"شهرين", "اسبوعين", "الشهرين", "الاسبوعين"})
_SPAN_UNITS = frozenset({"ايام", "اسابيع", "اشهر", "شهور", "يوما", "اسبوعا", "شهرا"})


def _span_of_days(toks: Words, k: int, hi: int) -> bool:
    """Whether words ``k``… name a span of several days, weeks or months: «قتل أكثر من 500 مدني
    خلال سبعة أيام من القصف» undated is a tally over it (ant2018_syria: 8 clauses read, 6 tallies
    or terms of a deal; the dated one, «سقط 45 قتيلا، الأربعاء، ليرتفع العدد إلى 305 خلال 3
    أيام», keeps its day's event: callers pass undated clauses only)."""
    if variants(toks[k][2]) & _SPAN_DUALS:
        return True
    return k + 1 < hi and bool(variants(toks[k + 1][2]) & _SPAN_UNITS)


_CAUSE = frozenset({"اثر", "جراء", "بسبب", "نتيجه"})


def todays_tally(toks: Words, lo: int, hi: int) -> bool:
    """«ارتفاع حصيلة القتلى إلى 28 مدنياً … إثر غارات …»: a running tally that names its cause
    and no period (no «منذ») is the toll of the day's strikes (the lead of the day's news)."""
    forms = [variants(w) for _, _, w in toks[lo:hi]]
    return any(f & _CAUSE for f in forms) and not any("منذ" in f for f in forms)


def _in_relative_after(toks: Words, lo: int, k: int) -> bool:
    """Word ``k`` sits in a relative clause («والتي تعد … خلال سنوات النزاع») that describes a
    place or group named earlier, not the event itself."""
    return any(toks[j][2] in ("والتي", "التي", "والذي", "الذي") for j in range(max(lo, k - 12), k))


def open_ended_since(toks: Words, lo: int, hi: int) -> bool:
    """«منذ أكثر من 7 سنوات» (a long period, not a day), except «لأول مرة منذ»."""
    for k in range(lo, hi):
        if "منذ" not in variants(toks[k][2]):
            continue
        prev = variants(toks[k - 1][2]) if k > 0 else frozenset()
        if any("اول" in variants(w) or "لاول" in variants(w) for _, _, w in toks[max(0, k - 4) : k]):
            continue  # «في أول هجوم من نوعه منذ عام»: a first since, not a period
        nxt = variants(toks[k + 1][2]) if k + 1 < len(toks) else frozenset()
        if "مره" in prev or any(n.startswith(("صباح", "فجر", "مساء", "ليل", "يوم", "امس", "ساع", "منتصف", "الصباح", "الفجر")) for n in nxt):
            continue
        return True
    return False


#: Complementisers: what follows «ذكرت … أن» is the report's content, not the reporting verb's.
THAT = frozenset({"ان", "انه", "انها", "بان", "بانه"})


def pluperfect(toks: Words, lo: int, first: int) -> bool:
    """«وكانت الولايات المتحدة قد شنت ضربات …»: كان … قد + past verb recalls an earlier event
    («وكانت الوكالة قد ذكرت أن الضربات …» only dates the agency's earlier report)."""
    seen_kana = False
    for k in range(lo, first + 1):
        forms = variants(toks[k][2])
        if forms & {"كان", "كانت", "كانوا"}:
            seen_kana = True
        elif seen_kana and "قد" in forms:
            return not any(variants(w) & THAT for _, _, w in toks[k + 1 : first])
    return False


def old_year(toks: Words, lo: int, hi: int, year: int) -> bool:
    """«عام 2012 لقيت حتفها في قصف»، «إبان حرب 1967»: a past year in the clause dates an old event."""
    return any(past_year(toks, k, year) for k in range(lo, hi))


_YEAR_WORDS = frozenset({"عام", "العام", "سنه", "السنه"})


def past_year(toks: Words, k: int, year: int) -> bool:
    """Word ``k`` is a year before ``year``: 1900 on, or an earlier one named so («في عام 1899»)."""
    w = toks[k][2]
    if not w.isdigit() or int(w) >= year:
        return False
    return int(w) >= 1900 or int(w) >= 1000 and k > 0 and bool(variants(toks[k - 1][2]) & _YEAR_WORDS)


def _year_after(toks: Words, first: int, hi: int, year: int) -> bool:
    """«خطفوا وقتلوا في العراق عام 2014»: a past year that follows the trigger in its own phrase
    (not in a relative clause about a place or group, not «منذ 2014»)."""
    for k in range(first + 1, min(hi, first + 12)):
        forms = variants(toks[k][2])
        if forms & {"الذي", "التي", "الذين", "منذ", "حيث"}:
            return False
        if past_year(toks, k, year) and variants(toks[k - 1][2]) & {"عام", "العام", "سنه", "في"}:
            return True
    return False


_LONG_AGO = ("شهر", "اشهر", "شهور", "سنه", "سنوات", "عام", "اعوام", "اسابيع", "اسبوعين")


def long_ago(toks: Words, lo: int, first: int, hi: int, year: int) -> bool:
    """«في 14 أبريل من عام 2001 شنت»: a past year just before the trigger (not «منذ 2013»);
    «ألقت القبض عليه … قبل نحو شهر»: weeks or more ago."""
    for k in range(max(lo, first - 8), first):
        if past_year(toks, k, year) and (k == 0 or "منذ" not in variants(toks[k - 1][2])):
            return True
    if _year_after(toks, first, hi, year):
        return True
    for k in range(lo, hi - 1):
        pair = (toks[k][2], toks[k + 1][2])
        if pair[0] in ("العام", "السنه", "عام") and pair[1] in ("الماضي", "الماضيه", "المنصرم", "المنصرمه"):
            return True  # «في العام الماضي»: last year
        if "قبل" in variants(toks[k][2]):
            nxt = [toks[j][2] for j in range(k + 1, min(hi, k + 4)) if toks[j][2] not in ("نحو", "حوالي", "اكثر", "من")]
            if nxt and nxt[0].startswith(_LONG_AGO):
                return True
    return False


#: Days back from which a day given the way a recap gives it (:func:`recap_frame`) names a reference point.
RECAP_DAYS = 7
_RELATIVES = frozenset({"الذي", "التي", "اللذين", "اللتين", "والذي", "والتي"})
_WAS = frozenset({"كان", "كانت", "كانوا", "وكان", "وكانت", "وكانوا"})


def recap_frame(toks: Words, lo: int, first: int, last: int, pos: int) -> bool:
    """A date at offset ``pos`` given the way a recap gives it: in a relative clause after the trigger
    («القصف، الذي جرى قبل أسبوع»، «ردا على الغارة التي شنت قبل أسبوع»), after a trigger
    inside one («البلدة التي قصفتها الطائرات قبل أسبوع»), or in a sentence that says «في وقت سابق» before
    the trigger («قصفتها في وقت سابق، وقتل قائدها بغارة قبل أسبوع»), or in a clause that «وكان/وكانت»
    opens, a pluperfect without «قد» («وكانت غارات جوية استهدفت … في 17 حزيران»). Callers apply it to days
    a week or more back (:data:`RECAP_DAYS`): such a day names an event as the news's reference point."""
    if toks[lo][2] in _WAS and lo < first:
        return True
    if any(toks[k][2] in _RELATIVES for k in range(last + 1, len(toks)) if toks[k][0] < pos):
        return True
    if toks[last][1] <= pos and any(toks[k][2] in _RELATIVES for k in range(max(0, first - 3), first)):
        return True
    return any(toks[k][2] == "وقت" and toks[k - 1][2] in ("في", "وفي") and toks[k + 1][2] == "سابق"
               for k in range(1, first - 1))


#: «لترتفع/ليرتفع/لتصل الحصيلة»: the clause after an event that adds its toll to a running tally.
_RAISES = frozenset({"لترتفع", "ليرتفع", "لتصل", "ليصل"})


def before_tally_update(toks: Words, last: int, hi: int) -> int:
    """End of the event's clause before a trailing «لترتفع بذلك حصيلة … منذ …» (which is about
    the running tally, not this event)."""
    for k in range(last + 1, hi):
        if variants(toks[k][2]) & _RAISES or toks[k][2].startswith(("ليترفع", "لترفع", "ليرفع")):
            return k  # (and the common misspelling «ليترفع»)
    return hi
