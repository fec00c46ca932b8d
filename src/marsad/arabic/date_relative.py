"""Dates counted from publication: weekdays, أمس/اليوم, this or last week or month, days and
weeks ago, parts of a month, week or year, and Hijri months (named with a year, a direction
or a day). :mod:`marsad.arabic.dates` finds them with the absolute dates; the rules for
each are in its docstring.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from marsad.arabic.date_words import (
    AHEAD,
    DAY,
    HIJRI_MONTHS,
    HMONTH,
    MONTH,
    MONTH_PAIR,
    MONTHS,
    PARTS,
    PAST,
    PROCLITICS,
    WEEKDAYS,
    WORD_END,
    WORD_START,
    YEAR_OR_DIR,
    alternation,
    guess_year,
    month_middle,
    nearest,
    shift_month,
)
from marsad.arabic.hijri import capped, gregorian_to_hijri, hijri_to_gregorian, month_year
from marsad.arabic.numbers import TEN, TENS, UNITS, parse_number

#: «اليوم الأكثر دموية»، «اليوم التالي»، «اليوم العالمي»: "the day", not today; so is «في ذلك
#: اليوم» (the "today" pattern's lookbehind): a day the text already told.
_NOT_TODAY = r"(?!\s+(?:الاكثر|الاشد|الذي|التالي|السابق|نفسه|ذاته|الاول|الاخير|العالمي|الوطني|الدولي)(?![\w]))"
#: After a Hijri month: a year (1439 هـ, or 13xx/14xx alone; a Gregorian «رمضان 2018») or a direction.
_HYEAR_OR_DIR = (
    f"(?:\\s+(?:(?:ال)?عام\\s+|(?:ال)?سنه\\s+)?(?P<hyear>(?:1[34]|19|20)\\d\\d)(?!\\d)(?:\\s*(?P<hmark>ه|م){WORD_END})?"
    f"|\\s+(?P<hdir>{PAST}|الجاري|الحالي|{AHEAD})ه?{WORD_END})?"
)
_PART_OF = (
    f"(?P<part>{alternation(PARTS)})\\s+(?:شهر\\s+)?(?:{MONTH}{WORD_END}{MONTH_PAIR}{YEAR_OR_DIR}(?:\\s+(?:الجاري|الحالي){WORD_END})?"
    f"|{HMONTH}{WORD_END}{_HYEAR_OR_DIR}|(?:(?:ال)?عام\\s+|(?:ال)?سنه\\s+)?(?P<uyear>(?:19|20)\\d\\d)(?!\\d)"
    f"|(?:هذا\\s+|هذه\\s+)?(?P<unit>الشهر|الاسبوع|العام|السنه)(?:\\s+(?P<pdir>{PAST}|الجاري|الحالي|{AHEAD})ه?)?{WORD_END}"
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
    f"|(?P<one>يومين|يومان|يوم|اسبوعين|اسبوعان|اسبوع)(?:\\s+واحد)?)){WORD_END}"
    f"(?!(?:\\s+(?:واحد|فقط|تقريبا))*\\s+(?:من(?!\\s+(?:الان|اليوم){WORD_END})|علي|عن|الي|حتي){WORD_END}|\\s+(?:ال|\\d))"
)
_TIME_OF_DAY = r"(?:(?:يوم|صباح|مساء|فجر|ظهر|عصر|ليل|ليله|منتصف\s+ليل|نهار)\s+)?"

HIJRI_PATTERN = (
    f"{WORD_START}(?:{DAY}\\s+(?:من\\s+)?)?(?:شهر\\s+)?{HMONTH}{WORD_END}{_HYEAR_OR_DIR}"
)
#: In the order :mod:`marsad.arabic.dates` tries them (after the absolute patterns).
RELATIVE_PATTERNS: tuple[tuple[str, str], ...] = (
    ("month_day", f"{WORD_START}[وف]?(?:في|يوم)\\s+(?P<rel>(?<!\\d)(?P<day>[0-3]?\\d)\\s+من\\s+(?:هذا\\s+)?الشهر(?:\\s+(?P<mdir>الجاري|الحالي|الماضي|المنصرم|الفايت))?){WORD_END}"),
    ("weekday", f"{WORD_START}{PROCLITICS}(?P<wd>(?:يوم\\s+)?(?:{alternation(WEEKDAYS)}))(?:\\s+(?P<dir>الماضي|الفايت|المنصرم|المقبل|القادم)ه?)?{WORD_END}"),
    ("before_yesterday", f"{WORD_START}{PROCLITICS}(?P<rel>(?:اول\\s+(?:من\\s+)?امس|امس\\s+الاول)){WORD_END}"),
    ("yesterday", f"{WORD_START}{PROCLITICS}(?P<rel>{_TIME_OF_DAY}امس|الليله\\s+الماضيه|البارحه){WORD_END}"),
    ("today", f"{WORD_START}(?<!ذلك\\s){PROCLITICS}(?P<rel>{_TIME_OF_DAY}اليوم){WORD_END}{_NOT_TODAY}"),
    ("week", f"{WORD_START}{PROCLITICS}(?P<rel>الاسبوع\\s+(?P<wdir>الماضي|المنصرم|الفايت|الجاري|الحالي)|هذا\\s+الاسبوع){WORD_END}"),
    ("part", f"{WORD_START}{PROCLITICS}(?P<rel>{_PART_OF})"),
    ("ago", f"{WORD_START}[وف]?{_AGO}"),
    ("month", f"{WORD_START}{PROCLITICS}(?P<rel>الشهر\\s+(?P<mdir>الماضي|المنصرم|الفايت|الجاري|الحالي|المقبل|القادم)|هذا\\s+الشهر){WORD_END}"),
)  # fmt: skip


def month_day(match: re.Match[str], pub: date) -> tuple[date, int]:
    """«في 25 من الشهر الجاري/الماضي»: that day of this or last month."""
    year, month = shift_month(pub, -1 if match.group("mdir") in PAST.split("|") else 0)
    return date(year, month, int(match.group("day"))), 1


def weekday(match: re.Match[str], pub: date) -> tuple[date, int]:
    """The latest such day on or before publication (الماضي: before it, المقبل: after it)."""
    name = match.group("wd").removeprefix("يوم").strip()
    target = WEEKDAYS[name]
    direction = match.group("dir") or ""
    if direction in ("المقبل", "القادم"):
        return pub + timedelta(days=(target - pub.weekday()) % 7 or 7), 1
    back = (pub.weekday() - target) % 7
    if direction and back == 0:
        back = 7  # «الأربعاء الماضي» written on a Wednesday: a week ago
    return pub - timedelta(days=back), 1


def relative(kind: str, match: re.Match[str], pub: date) -> tuple[date, int]:
    """اليوم, أمس, أول أمس (precision 1), a week (2) and a month (3) named from publication."""
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
    year, month = shift_month(pub, shift)
    return month_middle(year, month, pub), 3


def part(match: re.Match[str], pub: date) -> tuple[date, int] | None:
    """«أوائل آذار», «أواخر الشهر الماضي», «أواخر رمضان»: its 5th/15th/25th; «مطلع الأسبوع»:
    the week's Sunday, Wednesday or Friday (a week starts on Sunday in most of the region)."""
    day = PARTS[match.group("part")]
    if match["hmonth"]:
        return _hijri_part(match, day, pub)
    unit, direction = match.group("unit"), match.group("pdir") or ""
    if match["uyear"] or unit in ("العام", "السنه"):
        return _year_part(match["uyear"], direction, day, pub)
    past = direction in PAST.split("|")
    if unit == "الاسبوع":
        sunday = pub - timedelta(days=(pub.weekday() + 1) % 7 + (7 if past else 0))
        return min(sunday + timedelta(days={5: 0, 15: 3, 25: 5}[day]), pub), 2
    if unit:
        ahead = direction in ("المقبل", "القادم")
        year, month = shift_month(pub, -1 if past else 1 if ahead else 0)
    else:
        month, written, xdir = MONTHS[match["month"]], match["year"], match["xdir"]
        year = int(written) if written else guess_year(month, day, pub, xdir or "")
        if not written and not xdir:  # like «في آذار»: the latest such month
            year = pub.year if month <= pub.month else pub.year - 1
    when = date(year, month, day)
    return (min(when, pub) if (year, month) == (pub.year, pub.month) else when), 2


_HSIDE = {**dict.fromkeys(PAST.split("|"), "past"), **dict.fromkeys(AHEAD.split("|"), "ahead")}


def _hijri_year(match: re.Match[str], month: int, pub: date | None) -> int | None:
    direction = match["hdir"] or ""
    side = _HSIDE.get(direction, "current" if direction else "latest")
    return month_year(month, match["hyear"], match["hmark"], side, pub)


#: «مطلع العام», «منتصف 2017», «أواخر العام الماضي»: (month, day) of the part, precision 3.
_YEAR_PART = {5: (1, 15), 15: (7, 1), 25: (12, 15)}


def _year_part(written: str | None, direction: str, day: int, pub: date) -> tuple[date, int]:
    """A part of a year spans months: dated to mid-January, 1 July or mid-December at
    precision 3, the coarsest ACLED has (not later than publication for this year)."""
    past, ahead = direction in PAST.split("|"), direction in AHEAD.split("|")
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


def hijri(match: re.Match[str], pub: date | None) -> tuple[date, int] | None:
    """«15 رمضان 1440 هـ», «شعبان 1439», «رمضان الماضي» (precision 3), «27 رمضان» (nearest)."""
    day, month = match["day"], HIJRI_MONTHS[match["hmonth"]]
    if not match["hyear"] and not match["hdir"]:
        if not day or pub is None:
            return None  # رمضان, صفر alone: a name or a word, not a date
        hyear = gregorian_to_hijri(pub)[0]
        options = [hijri_to_gregorian(y, month, int(day)) for y in (hyear - 1, hyear, hyear + 1)]
        return nearest(options, pub), 1
    year = _hijri_year(match, month, pub)
    if year is None:
        return None
    if day:
        return hijri_to_gregorian(year, month, int(day)), 1
    return capped(hijri_to_gregorian(year, month, 15), year, month, pub), 3


def ago(match: re.Match[str], pub: date) -> tuple[date, int] | None:
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
