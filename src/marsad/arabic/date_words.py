"""The words and calendar arithmetic shared by :mod:`marsad.arabic.dates` (absolute dates)
and :mod:`marsad.arabic.date_relative` (dates counted from publication).

Tables map the matching form of a word (``normalize``) to its number; the regex pieces
run on normalised text, so one spelling of each word is enough.
"""

from __future__ import annotations

import re
from datetime import date

from marsad.arabic.normalize import normalize


def alternation(spec: dict[str, int]) -> str:
    """A regex alternation of the table's words, longest first (so «شباط» is not cut short)."""
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

LETTERS = "\u0621-\u064a\u0671-\u06d3"
WORD_START = f"(?<![{LETTERS}])"  # no letter before
WORD_END = f"(?![{LETTERS}])"  # no letter after
PROCLITICS = "(?:[وف]?(?:ب|ل)?)"  # proclitics allowed before a weekday (والأربعاء)
DAY = r"(?<!\d)(?P<day>[0-3]?\d)(?!\d)"
YEAR = r"(?P<year>(?:1[3-9]|20)\d\d)(?!\d)"
MONTH = f"(?P<month>{alternation(MONTHS)})"
MONTH_PAIR = f"(?:\\s*[/(-]\\s*(?:{alternation(MONTHS)})(?:\\s*\\))?)?"
HMONTH = f"(?P<hmonth>{alternation(HIJRI_MONTHS)})"
YEAR_OR_DIR = f"(?:\\s*(?:[،,]\\s*)?(?:عام\\s+|سنه\\s+)?{YEAR}(?:م{WORD_END})?)?(?:\\s+(?P<xdir>المقبل|القادم|الماضي|المنصرم|الفايت){WORD_END})?"

#: Parts of a month, week or year, to the day that dates them (أول/آخر are left out: «أول أمس»,
#: «أول آذار» = 1 March).
PARTS = _table("اوائل:5 مطلع:5 مستهل:5 بداية:5 اواسط:15 منتصف:15 اواخر:25 نهاية:25")
PAST = "الماضي|المنصرم|الفايت"
AHEAD = "المقبل|القادم"


def month_middle(year: int, month: int, published: date | None) -> date:
    """A month dates to its 15th, never later than publication for the current month."""
    middle = date(year, month, 15)
    if published is None or (year, month) != (published.year, published.month):
        return middle
    return min(middle, published)


def shift_month(day: date, months: int) -> tuple[int, int]:
    """(year, month) ``months`` away from ``day``'s month, across year ends."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def nearest(candidates: list[date], pub: date) -> date:
    """The candidate closest to publication, a day ahead counting as two days back."""
    return min(candidates, key=lambda d: (pub - d).days if d <= pub else 2 * (d - pub).days)


def guess_year(month: int, day: int, pub: date, direction: str = "") -> int:
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
    return nearest(options, pub).year if options else pub.year
