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

Absolute dates (month names, ordinals, numbers) are resolved here; dates counted from
publication, Hijri months and parts of a period in :mod:`marsad.arabic.date_relative`; the
words and calendar arithmetic both use in :mod:`marsad.arabic.date_words`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from operator import attrgetter

from marsad.arabic.date_relative import (
    HIJRI_PATTERN,
    RELATIVE_PATTERNS,
    ago,
    hijri,
    month_day,
    part,
    relative,
    weekday,
)
from marsad.arabic.date_words import (
    DAY,
    HIJRI_MONTHS,
    LETTERS,
    MONTH,
    MONTH_PAIR,
    MONTHS,
    ORDINALS,
    PARTS,
    WEEKDAYS,
    WORD_END,
    WORD_START,
    YEAR_OR_DIR,
    alternation,
    guess_year,
    month_middle,
)
from marsad.arabic.hijri import hijri_to_gregorian, tabular_hijri_to_gregorian
from marsad.arabic.normalize import normalize, normalize_with_offsets, span_back

#: MONTHS is read by the fatality counter; the conversions are the layer's public API.
__all__ = [
    "MONTHS",
    "DateMention",
    "find_dates",
    "hijri_to_gregorian",
    "tabular_hijri_to_gregorian",
]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression and the calendar date it refers to."""

    start: int
    end: int
    text: str
    date: date
    precision: int  # 1 day, 2 week, 3 month (ACLED time_precision)


#: Absolute dates: month names, ordinal days, numbers.
_ABSOLUTE: tuple[tuple[str, str], ...] = (
    ("explicit", f"(?:{DAY}\\s*(?:من\\s+)?)?(?:شهر\\s+)?{WORD_START}{MONTH}{WORD_END}{MONTH_PAIR}{YEAR_OR_DIR}"),
    ("ordinal", f"{WORD_START}(?P<ord>{alternation(ORDINALS)})\\s+من\\s+(?:شهر\\s+)?{MONTH}{WORD_END}{MONTH_PAIR}{YEAR_OR_DIR}"),
    ("bare_month", f"{WORD_START}[وف]?(?:في|خلال|منذ)\\s+(?P<rel>(?:شهر\\s+)?{MONTH}{WORD_END}{MONTH_PAIR})(?!\\s*(?:[،,]\\s*)?(?:عام\\s+|سنه\\s+)?\\d|\\s+(?:المقبل|القادم|الماضي|المنصرم|الفايت){WORD_END})"),
    ("numeric", r"(?<!\d)(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>(?:19|20)\d\d)(?!\d)"),
    ("iso", r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)"),
)  # fmt: skip
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (("hijri", HIJRI_PATTERN), *_ABSOLUTE, *RELATIVE_PATTERNS)
)


#: The word every match of a pattern holds, standing alone (no letter either side, the
#: proclitics of PROCLITICS aside) in the normalised text, or a digit: one scan finds which
#: patterns can match at all, so a sentence without a date costs one search, not 13.
_ANCHOR = re.compile(
    rf"(?P<digit>\d)|(?<![{LETTERS}])(?:(?P<hmonth>{alternation(HIJRI_MONTHS)})|(?P<month>{alternation(MONTHS)})"
    rf"|[وف]?[بل]?(?:(?P<weekday>{alternation(WEEKDAYS)})|(?P<yesterday>امس|الليله|البارحه)"
    rf"|(?P<today>اليوم)|(?P<week>الاسبوع)|(?P<themonth>الشهر)|(?P<part>{alternation(PARTS)})|(?P<ago>قبل)))(?![{LETTERS}])"
)
_NEEDS = {
    "hijri": "hmonth", "explicit": "month", "ordinal": "month", "bare_month": "month", "month_day": "themonth",
    "numeric": "digit", "iso": "digit", "weekday": "weekday", "before_yesterday": "yesterday",
    "yesterday": "yesterday", "today": "today", "week": "week", "month": "themonth", "part": "part",
    "ago": "ago",
}  # fmt: skip
_GROUP = attrgetter("lastgroup")


def _explicit(match: re.Match[str], pub: date) -> tuple[date, int] | None:
    day, year, direction = match.group("day"), match.group("year"), match.group("xdir") or ""
    if not day and not year and not direction:
        return None  # a bare month name (مارس is also a verb, آب a noun)
    month = MONTHS[match.group("month")]
    if not day:  # «مارس 2018», «يناير الماضي»: the month
        y = int(year) if year else guess_year(month, 15, pub, direction)
        return month_middle(y, month, pub), 3
    y = int(year) if year else guess_year(month, int(day), pub, direction)
    return date(y, month, int(day)), 1


def _ordinal(match: re.Match[str], pub: date) -> tuple[date, int]:
    """«السابع من شباط»: the day written as an ordinal, the year as for «7 شباط»."""
    day, year, month = (
        ORDINALS[match.group("ord")],
        match.group("year"),
        MONTHS[match.group("month")],
    )
    y = int(year) if year else guess_year(month, day, pub, match.group("xdir") or "")
    return date(y, month, day), 1


def _bare_month(match: re.Match[str], pub: date) -> tuple[date, int]:
    """«في شهر آذار», «منذ مايو»: the latest such month, this one included (news reports the past)."""
    month = MONTHS[match.group("month")]
    return month_middle(pub.year if month <= pub.month else pub.year - 1, month, pub), 3


def _resolve(kind: str, match: re.Match[str], pub: date | None) -> tuple[date, int] | None:
    """The date and precision of a match; without publication only a match with its own year."""
    if kind == "hijri":
        return hijri(match, pub)
    if pub is None:
        if kind in ("numeric", "iso"):
            return date(int(match.group("y")), int(match.group("m")), int(match.group("d"))), 1
        if kind not in ("explicit", "ordinal") or not match.group("year"):
            return None
        pub = date.min  # not read: every date below has its year
    if kind == "weekday":
        return weekday(match, pub)
    if kind == "explicit":
        return _explicit(match, pub)
    if kind == "ago":
        return ago(match, pub)
    if kind == "ordinal":
        return _ordinal(match, pub)
    if kind == "bare_month":
        return _bare_month(match, pub)
    if kind == "part":
        return part(match, pub)
    if kind == "month_day":
        return month_day(match, pub)
    if kind in ("numeric", "iso"):
        return date(int(match.group("y")), int(match.group("m")), int(match.group("d"))), 1
    return relative(kind, match, pub)


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
