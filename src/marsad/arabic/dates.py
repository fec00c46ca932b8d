"""Dates in Arabic news, resolved against the publication time.

Recognised: weekday names (the most recent such day on or before publication;
with الماضي strictly before, with المقبل/القادم the next one after); أمس, أول
أمس, اليوم, الليلة الماضية and their times of day (فجر اليوم, مساء أمس);
الأسبوع الماضي/الجاري (precision 2), الشهر الماضي/الجاري/المقبل (precision 3);
explicit dates with either Gregorian month-name system (يناير … / كانون الثاني …,
also the Maghrebi جانفي …, and pairs such as «يناير/كانون الثاني»), with or
without a year, days written as ordinals («السابع من شباط»), a bare month after
في/خلال/منذ («في شهر آذار»: the latest such month, never ahead), numeric dates
(24/1/2019, 2019-01-24), Hijri dates («15 رمضان 1440 هـ», «شوال 1439», «رمضان
الماضي»), days and weeks before publication («قبل يومين», «قبل ثلاثة أيام», «قبل
أسبوع»), and the part of a month, week or year («أوائل آذار», «أواخر رمضان الماضي»,
«مطلع الأسبوع», «منتصف العام الماضي»).

Precision follows ACLED's time_precision: 1 day, 2 week, 3 month. A week is
dated seven days before publication (a day inside last week), a month to its
15th (never later than publication for the current month); a third of a month
(أوائل/مطلع/بداية, أواسط/منتصف, أواخر/نهاية) is a span of days like a week:
precision 2, dated to its 5th, 15th or 25th (the same cap); a part of a year spans
months: precision 3. A date written
without a year takes the year that puts it nearest the publication date, a day
ahead counting as two days back (news mostly reports the past). Hijri dates are
converted by ``marsad.arabic.hijri`` (Umm al-Qura).

Without a publication time (``published=None``) only dates that carry their own
year resolve: everything else depends on the day the text was written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from operator import attrgetter

from marsad.arabic.hijri import (
    capped,
    gregorian_to_hijri,
    hijri_to_gregorian,
    month_year,
    tabular_hijri_to_gregorian,
)
from marsad.arabic.normalize import normalize, normalize_with_offsets, span_back
from marsad.arabic.numbers import TEN, TENS, UNITS, parse_number

__all__ = ["DateMention", "find_dates", "hijri_to_gregorian", "tabular_hijri_to_gregorian"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the calendar date it refers to."""

    start: int
    end: int
    text: str
    date: date
    precision: int  # 1 day, 2 week, 3 month (ACLED time_precision)


def _alternation(spec: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(k) for k in spec), key=len, reverse=True))


def _table(pairs: str) -> dict[str, int]:
    """``"name:value name:value"`` with names in matching form (underscores = spaces)."""
    out: dict[str, int] = {}
    for item in pairs.split():
        name, _, value = item.rpartition(":")
        out[normalize(name.replace("_", " "))] = int(value)
    return out


WEEKDAYS = _table("الاثنين:0 الإثنين:0 الثلاثاء:1 الأربعاء:2 الخميس:3 الجمعة:4 السبت:5 الأحد:6")
MONTHS = _table(
    "يناير:1 فبراير:2 مارس:3 أبريل:4 إبريل:4 ابريل:4 مايو:5 يونيو:6 يونيه:6 يوليو:7 يوليه:7 "
    "أغسطس:8 سبتمبر:9 أكتوبر:10 نوفمبر:11 ديسمبر:12 "
    "جانفي:1 فيفري:2 أفريل:4 ماي:5 جوان:6 جويلية:7 أوت:8 "
    "كانون_الثاني:1 شباط:2 آذار:3 نيسان:4 أيار:5 حزيران:6 تموز:7 آب:8 أيلول:9 "
    "تشرين_الأول:10 تشرين_الثاني:11 كانون_الأول:12"
)
HIJRI_MONTHS = _table(
    "محرم:1 صفر:2 ربيع_الأول:3 ربيع_الثاني:4 ربيع_الآخر:4 جمادى_الأولى:5 جمادى_الأول:5 "
    "جمادى_الثانية:6 جمادى_الآخرة:6 رجب:7 شعبان:8 رمضان:9 شوال:10 ذو_القعدة:11 ذي_القعدة:11 "
    "ذو_الحجة:12 ذي_الحجة:12"
)

_UNITS = "الاول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع".split()


def _ordinals() -> dict[str, int]:
    """«السابع» 7, «الحادي عشر» 11, «الثالث والعشرين» 23 (matching form)."""
    out = {u: i + 1 for i, u in enumerate(_UNITS)} | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for i, u in enumerate(_UNITS):
        head = "الحادي" if i == 0 else u
        out[f"{head} عشر"] = 11 + i
        out[f"{head} والعشرين"] = 21 + i
    out["الحادي والثلاثين"] = 31
    return out


ORDINALS = _ordinals()

_L = "\u0621-\u064a\u0671-\u06d3"
_B = f"(?<![{_L}])"  # no letter before
_E = f"(?![{_L}])"  # no letter after
_PRE = "(?:[وف]?(?:ب|ل)?)"  # proclitics allowed before a weekday (والأربعاء)
_DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?!\d)"
_YEAR = r"(?P<year>(?:1[3-9]|20)\d\d)(?!\d)"
_MONTH = f"(?P<month>{_alternation(MONTHS)})"
_MONTH2 = f"(?:\\s*[/(-]\\s*(?:{_alternation(MONTHS)})(?:\\s*\\))?)?"
_HMONTH = f"(?P<hmonth>{_alternation(HIJRI_MONTHS)})"
_YEAR_OR_DIR = f"(?:\\s*(?:[،,]\\s*)?(?:عام\\s+|سنه\\s+)?{_YEAR}(?:م{_E})?)?(?:\\s+(?P<xdir>المقبل|القادم|الماضي|المنصرم|الفايت){_E})?"
#: «اليوم الأكثر دموية»، «اليوم التالي»، «اليوم العالمي»: "the day", not today; so is «في ذلك
#: اليوم» (the "today" pattern's lookbehind): a day the text already told.
_NOT_TODAY = r"(?!\s+(?:الاكثر|الاشد|الذي|التالي|السابق|نفسه|ذاته|الاول|الاخير|العالمي|الوطني|الدولي)(?![\w]))"
#: Parts of a month, week or year, to the day that dates them (أول/آخر are left out: «أول أمس»,
#: «أول آذار» = 1 March).
PARTS = _table("اوائل:5 مطلع:5 مستهل:5 بداية:5 اواسط:15 منتصف:15 اواخر:25 نهاية:25")
_PAST = "الماضي|المنصرم|الفايت"
_AHEAD = "المقبل|القادم"
#: After a Hijri month: a year (1439 هـ, or 13xx/14xx alone; a Gregorian «رمضان 2018») or a direction.
_HYEAR_OR_DIR = (
    f"(?:\\s+(?:(?:ال)?عام\\s+|(?:ال)?سنه\\s+)?(?P<hyear>(?:1[34]|19|20)\\d\\d)(?!\\d)(?:\\s*(?P<hmark>ه|م){_E})?"
    f"|\\s+(?P<hdir>{_PAST}|الجاري|الحالي|{_AHEAD})ه?{_E})?"
)
_PART_OF = (
    f"(?P<part>{_alternation(PARTS)})\\s+(?:شهر\\s+)?(?:{_MONTH}{_E}{_MONTH2}{_YEAR_OR_DIR}(?:\\s+(?:الجاري|الحالي){_E})?"
    f"|{_HMONTH}{_E}{_HYEAR_OR_DIR}|(?:(?:ال)?عام\\s+|(?:ال)?سنه\\s+)?(?P<uyear>(?:19|20)\\d\\d)(?!\\d)"
    f"|(?:هذا\\s+|هذه\\s+)?(?P<unit>الشهر|الاسبوع|العام|السنه)(?:\\s+(?P<pdir>{_PAST}|الجاري|الحالي|{_AHEAD})ه?)?{_E}"
    "(?!\\s+(?:الدراسي|المالي|الجديد|الهجري|الميلادي|الفضيل|الكريم)))"
)
#: «قبل يومين», «قبل ثلاثة أيام», «قبل أسبوع»: counted back from publication; not «قبل يومين
#: من الهجوم» (counted from another event; «من الآن» is publication) nor «قبل يوم الانتخابات»
#: (a named day). «منذ يومين» is left out: in news it is nearly always how long a state has
#: lasted («المستمر منذ أسبوع», «المفقود منذ يوم»); the guideline codes no ongoing state from
#: its start day.
_COUNT = "|".join(
    sorted((*(w for w, v in UNITS.items() if v >= 3), *TEN, *TENS), key=len, reverse=True)
)
_AGO = (
    f"(?P<rel>قبل\\s+(?:(?P<approx>نحو|حوالي|قرابه|زهاء)\\s+)?"
    f"(?:(?P<n>\\d{{1,2}}|(?:{_COUNT})(?:\\s+عشر)?)\\s+(?P<unit>ايام|يوما|يوم|اسابيع|اسبوعا|اسبوع)"
    f"|(?P<one>يومين|يومان|يوم|اسبوعين|اسبوعان|اسبوع)(?:\\s+واحد)?)){_E}"
    f"(?!(?:\\s+(?:واحد|فقط|تقريبا))*\\s+(?:من(?!\\s+(?:الان|اليوم){_E})|علي|عن|الي|حتي){_E}|\\s+(?:ال|\\d))"
)
_TIME_OF_DAY = r"(?:(?:يوم|صباح|مساء|فجر|ظهر|عصر|ليل|ليله|منتصف\s+ليل|نهار)\s+)?"

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("hijri", f"{_B}(?:{_DAY}\\s+(?:من\\s+)?)?(?:شهر\\s+)?{_HMONTH}{_E}{_HYEAR_OR_DIR}"),
        ("explicit", f"(?:{_DAY}\\s*(?:من\\s+)?)?(?:شهر\\s+)?{_B}{_MONTH}{_E}{_MONTH2}{_YEAR_OR_DIR}"),
        ("ordinal", f"{_B}(?P<ord>{_alternation(ORDINALS)})\\s+من\\s+(?:شهر\\s+)?{_MONTH}{_E}{_MONTH2}{_YEAR_OR_DIR}"),
        ("bare_month", f"{_B}[وف]?(?:في|خلال|منذ)\\s+(?P<rel>(?:شهر\\s+)?{_MONTH}{_E}{_MONTH2})(?!\\s*(?:[،,]\\s*)?(?:عام\\s+|سنه\\s+)?\\d|\\s+(?:المقبل|القادم|الماضي|المنصرم|الفايت){_E})"),
        ("month_day", f"{_B}[وف]?(?:في|يوم)\\s+(?P<rel>(?<!\\d)(?P<day>[0-3]?\\d)\\s+من\\s+(?:هذا\\s+)?الشهر(?:\\s+(?P<mdir>الجاري|الحالي|الماضي|المنصرم|الفايت))?){_E}"),
        ("numeric", r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?!\d)"),
        ("iso", r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
        ("weekday", f"{_B}{_PRE}(?P<wd>(?:يوم\\s+)?(?:{_alternation(WEEKDAYS)}))(?:\\s+(?P<dir>الماضي|الفايت|المنصرم|المقبل|القادم)ه?)?{_E}"),
        ("before_yesterday", f"{_B}{_PRE}(?P<rel>(?:اول\\s+(?:من\\s+)?امس|امس\\s+الاول)){_E}"),
        ("yesterday", f"{_B}{_PRE}(?P<rel>{_TIME_OF_DAY}امس|الليله\\s+الماضيه|البارحه){_E}"),
        ("today", f"{_B}(?<!ذلك\\s){_PRE}(?P<rel>{_TIME_OF_DAY}اليوم){_E}{_NOT_TODAY}"),
        ("week", f"{_B}{_PRE}(?P<rel>الاسبوع\\s+(?P<wdir>الماضي|المنصرم|الفايت|الجاري|الحالي)|هذا\\s+الاسبوع){_E}"),
        ("part", f"{_B}{_PRE}(?P<rel>{_PART_OF})"),
        ("ago", f"{_B}[وف]?{_AGO}"),
        ("month", f"{_B}{_PRE}(?P<rel>الشهر\\s+(?P<mdir>الماضي|المنصرم|الفايت|الجاري|الحالي|المقبل|القادم)|هذا\\s+الشهر){_E}"),
    )
)  # fmt: skip

#: The word every match of a pattern holds, standing alone (no letter either side, the
#: proclitics of _PRE aside) in the normalised text, or a digit: one scan finds which
#: patterns can match at all, so a sentence without a date costs one search, not 13.
_ANCHOR = re.compile(
    rf"(?P<digit>\d)|(?<![{_L}])(?:(?P<hmonth>{_alternation(HIJRI_MONTHS)})|(?P<month>{_alternation(MONTHS)})"
    rf"|[وف]?[بل]?(?:(?P<weekday>{_alternation(WEEKDAYS)})|(?P<yesterday>امس|الليله|البارحه)"
    rf"|(?P<today>اليوم)|(?P<week>الاسبوع)|(?P<themonth>الشهر)|(?P<part>{_alternation(PARTS)})|(?P<ago>قبل)))(?![{_L}])"
)
_NEEDS = {
    "hijri": "hmonth", "explicit": "month", "ordinal": "month", "bare_month": "month", "month_day": "themonth",
    "numeric": "digit", "iso": "digit", "weekday": "weekday", "before_yesterday": "yesterday",
    "yesterday": "yesterday", "today": "today", "week": "week", "month": "themonth", "part": "part",
    "ago": "ago",
}  # fmt: skip
_GROUP = attrgetter("lastgroup")


def _month_middle(year: int, month: int, published: date | None) -> date:
    middle = date(year, month, 15)
    if published is None or (year, month) != (published.year, published.month):
        return middle
    return min(middle, published)


def _shift_month(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _weekday(match: re.Match[str], pub: date) -> tuple[date, int]:
    name = match.group("wd").removeprefix("يوم").strip()
    target = WEEKDAYS[name]
    direction = match.group("dir") or ""
    if direction in ("المقبل", "القادم"):
        return pub + timedelta(days=(target - pub.weekday()) % 7 or 7), 1
    back = (pub.weekday() - target) % 7
    if direction and back == 0:
        back = 7  # «الأربعاء الماضي» written on a Wednesday: a week ago
    return pub - timedelta(days=back), 1


def _relative(kind: str, match: re.Match[str], pub: date) -> tuple[date, int]:
    if kind == "today":
        return pub, 1
    if kind == "yesterday":
        return pub - timedelta(days=1), 1
    if kind == "before_yesterday":
        return pub - timedelta(days=2), 1
    if kind == "week":
        past = (match.group("wdir") or "") in ("الماضي", "المنصرم", "الفايت")
        return (pub - timedelta(days=7) if past else pub), 2
    direction = match.group("mdir") or ""
    shift = (
        -1
        if direction in ("الماضي", "المنصرم", "الفايت")
        else 1
        if direction in ("المقبل", "القادم")
        else 0
    )
    year, month = _shift_month(pub, shift)
    return _month_middle(year, month, pub), 3


def _nearest(candidates: list[date], pub: date) -> date:
    """The candidate closest to publication, a day ahead counting as two days back."""
    return min(candidates, key=lambda d: (pub - d).days if d <= pub else 2 * (d - pub).days)


def _guess_year(month: int, day: int, pub: date, direction: str = "") -> int:
    """For a date written without a year: the year that puts it nearest publication
    (or, with المقبل / الماضي, the nearest on that side)."""
    options = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    if direction in ("المقبل", "القادم"):
        options = [d for d in options if d > pub]
    elif direction:
        options = [d for d in options if d < pub]
    return _nearest(options, pub).year if options else pub.year


def _explicit(match: re.Match[str], pub: date) -> tuple[date, int] | None:
    day, year, direction = match.group("day"), match.group("year"), match.group("xdir") or ""
    if not day and not year and not direction:
        return None  # a bare month name (مارس is also a verb, آب a noun)
    month = MONTHS[match.group("month")]
    if not day:  # «مارس 2018», «يناير الماضي»: the month
        y = int(year) if year else _guess_year(month, 15, pub, direction)
        return _month_middle(y, month, pub), 3
    y = int(year) if year else _guess_year(month, int(day), pub, direction)
    return date(y, month, int(day)), 1


def _ordinal(match: re.Match[str], pub: date) -> tuple[date, int]:
    """«السابع من شباط»: the day written as an ordinal, the year as for «7 شباط»."""
    day, year, month = ORDINALS[match.group("ord")], match.group("year"), MONTHS[match.group("month")]
    y = int(year) if year else _guess_year(month, day, pub, match.group("xdir") or "")
    return date(y, month, day), 1


def _bare_month(match: re.Match[str], pub: date) -> tuple[date, int]:
    """«في شهر آذار», «منذ مايو»: the latest such month, this one included (news reports the past)."""
    month = MONTHS[match.group("month")]
    return _month_middle(pub.year if month <= pub.month else pub.year - 1, month, pub), 3


def _part(match: re.Match[str], pub: date) -> tuple[date, int] | None:
    """«أوائل آذار», «أواخر الشهر الماضي», «أواخر رمضان»: its 5th/15th/25th; «مطلع الأسبوع»:
    the week's Sunday, Wednesday or Friday (a week starts on Sunday in most of the region)."""
    day = PARTS[match.group("part")]
    if match["hmonth"]:
        return _hijri_part(match, day, pub)
    unit, direction = match.group("unit"), match.group("pdir") or ""
    if match["uyear"] or unit in ("العام", "السنه"):
        return _year_part(match["uyear"], direction, day, pub)
    past = direction in _PAST.split("|")
    if unit == "الاسبوع":
        sunday = pub - timedelta(days=(pub.weekday() + 1) % 7 + (7 if past else 0))
        return min(sunday + timedelta(days={5: 0, 15: 3, 25: 5}[day]), pub), 2
    if unit:
        ahead = direction in ("المقبل", "القادم")
        year, month = _shift_month(pub, -1 if past else 1 if ahead else 0)
    else:
        month, written, xdir = MONTHS[match["month"]], match["year"], match["xdir"]
        year = int(written) if written else _guess_year(month, day, pub, xdir or "")
        if not written and not xdir:  # like «في آذار»: the latest such month
            year = pub.year if month <= pub.month else pub.year - 1
    when = date(year, month, day)
    return (min(when, pub) if (year, month) == (pub.year, pub.month) else when), 2


_HSIDE = {**dict.fromkeys(_PAST.split("|"), "past"), **dict.fromkeys(_AHEAD.split("|"), "ahead")}


def _hijri_year(match: re.Match[str], month: int, pub: date | None) -> int | None:
    direction = match["hdir"] or ""
    side = _HSIDE.get(direction, "current" if direction else "latest")
    return month_year(month, match["hyear"], match["hmark"], side, pub)

#: «مطلع العام», «منتصف 2017», «أواخر العام الماضي»: (month, day) of the part, precision 3.
_YEAR_PART = {5: (1, 15), 15: (7, 1), 25: (12, 15)}


def _year_part(written: str | None, direction: str, day: int, pub: date) -> tuple[date, int]:
    """A part of a year spans months: dated to mid-January, 1 July or mid-December at
    precision 3, the coarsest ACLED has (not later than publication for this year)."""
    past, ahead = direction in _PAST.split("|"), direction in _AHEAD.split("|")
    year = int(written) if written else pub.year - past + ahead
    when = date(year, *_YEAR_PART[day])
    return (min(when, pub) if year == pub.year else when), 3


def _hijri_part(match: re.Match[str], day: int, pub: date) -> tuple[date, int] | None:
    """«أواخر رمضان الماضي», «مطلع شهر محرم»: the Hijri month's 5th/15th/25th, precision 2."""
    month = HIJRI_MONTHS[match["hmonth"]]
    year = _hijri_year(match, month, pub)
    if year is None:
        return None
    return capped(hijri_to_gregorian(year, month, day), year, month, pub), 2


def _hijri(match: re.Match[str], pub: date | None) -> tuple[date, int] | None:
    """«15 رمضان 1440 هـ», «شعبان 1439», «رمضان الماضي» (precision 3), «27 رمضان» (nearest)."""
    day, month = match["day"], HIJRI_MONTHS[match["hmonth"]]
    if not match["hyear"] and not match["hdir"]:
        if not day or pub is None:
            return None  # رمضان, صفر alone: a name or a word, not a date
        hyear = gregorian_to_hijri(pub)[0]
        options = [hijri_to_gregorian(y, month, int(day)) for y in (hyear - 1, hyear, hyear + 1)]
        return _nearest(options, pub), 1
    year = _hijri_year(match, month, pub)
    if year is None:
        return None
    if day:
        return hijri_to_gregorian(year, month, int(day)), 1
    return capped(hijri_to_gregorian(year, month, 15), year, month, pub), 3


def _ago(match: re.Match[str], pub: date) -> tuple[date, int] | None:
    """«قبل يومين», «قبل 3 أيام», «قبل أسبوعين»: counted back from publication; days at
    precision 1 (2 when approximate: «قبل نحو ثلاثة أيام»), weeks at 2."""
    one, written = match["one"], match["n"]
    unit = one or match["unit"]
    if one:
        count = 2 if one.endswith(("ين", "ان")) else 1
    else:
        count = int(written) if written.isdigit() else parse_number(written) or 0
    weeks = unit.startswith(("اسبوع", "اسابيع"))
    if count == 0:
        return None
    return pub - timedelta(days=count * (7 if weeks else 1)), 2 if weeks or match["approx"] else 1


def _resolve(kind: str, match: re.Match[str], pub: date | None) -> tuple[date, int] | None:
    """The date and precision of a match; without publication only a match with its own year."""
    if kind == "hijri":
        return _hijri(match, pub)
    if pub is None:
        if kind in ("numeric", "iso"):
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d"))), 1
        if kind not in ("explicit", "ordinal") or not match.group("year"):
            return None
        pub = date.min  # not read: every date below has its year
    if kind == "weekday":
        return _weekday(match, pub)
    if kind == "explicit":
        return _explicit(match, pub)
    if kind == "ago":
        return _ago(match, pub)
    if kind == "ordinal":
        return _ordinal(match, pub)
    if kind == "bare_month":
        return _bare_month(match, pub)
    if kind == "part":
        return _part(match, pub)
    if kind == "month_day":  # «في 25 من الشهر الجاري/الماضي»
        year, month = _shift_month(pub, -1 if match.group("mdir") in ("الماضي", "المنصرم", "الفايت") else 0)
        return date(year, month, int(match.group("day"))), 1
    if kind in ("numeric", "iso"):
        return date(int(match.group("y")), int(match.group("m")), int(match.group("d"))), 1
    return _relative(kind, match, pub)


def _extent(kind: str, match: re.Match[str]) -> tuple[int, int]:
    """The span to report: without a leading proclitic (والأربعاء -> الأربعاء)."""
    if kind == "weekday":
        return match.start("wd"), match.end()
    if kind in _RELATIVE:
        return match.span("rel")
    return match.span()


_RELATIVE = frozenset(
    ("before_yesterday", "yesterday", "today", "week", "month", "bare_month", "month_day", "part")
) | {"ago"}


def find_dates(text: str, published: datetime | date | None) -> list[DateMention]:
    """Date expressions in ``text`` with the dates they denote, in text order (without a
    publication time, only those that carry their own year)."""
    pub = published.date() if isinstance(published, datetime) else published
    norm, offsets = normalize_with_offsets(text)
    candidates: list[tuple[int, int, date, int]] = []
    present = set(map(_GROUP, _ANCHOR.finditer(norm)))
    for kind, pattern in _PATTERNS:
        if _NEEDS[kind] not in present:
            continue
        for match in pattern.finditer(norm):
            try:
                resolved = _resolve(kind, match, pub)
            except ValueError:  # 31 February and the like
                continue
            if resolved is not None:
                candidates.append((*_extent(kind, match), *resolved))
    found: list[DateMention] = []
    taken_until = -1
    for start, end, when, precision in sorted(candidates, key=lambda c: (c[0], c[0] - c[1])):
        if start < taken_until or end <= start:
            continue
        a, b = span_back(offsets, start, end)
        while b < len(text) and not text[b].isspace() and not normalize(text[b]):
            b += 1  # keep a trailing tatweel or diacritic (هـ)
        found.append(DateMention(a, b, text[a:b], when, precision))
        taken_until = end
    return found
