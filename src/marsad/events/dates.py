"""Event dates: ``marsad.arabic.dates.find_dates`` plus the ordinal-day and
month-only forms («السابع من شباط», «في شهر آذار») that it does not read yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from marsad.actors.text import words


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    date: date
    precision: int
    statement: bool = False


_MONTHS = {
    "يناير": 1, "كانون الثاني": 1, "فبراير": 2, "شباط": 2, "مارس": 3, "اذار": 3,
    "ابريل": 4, "نيسان": 4, "مايو": 5, "ايار": 5, "يونيو": 6, "حزيران": 6,
    "يوليو": 7, "تموز": 7, "اغسطس": 8, "اب": 8, "سبتمبر": 9, "ايلول": 9,
    "اكتوبر": 10, "تشرين الاول": 10, "نوفمبر": 11, "تشرين الثاني": 11,
    "ديسمبر": 12, "كانون الاول": 12,
}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_EXPLICIT = re.compile(rf"(?<![\w])(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?:[\w]+\s*/\s*)?({_MONTH_ALT})(?:\s+(\d{{4}}))?")


def find_event_dates(text: str, published: datetime) -> list[DateRef]:
    """Day-level date mentions of ``text`` (offsets into ``text``)."""
    from marsad.arabic.dates import find_dates

    found: list[Any] = find_dates(text, published)
    refs = [DateRef(m.start, m.end, m.date, m.precision) for m in found]
    return _with_months(refs, text, published)


_MONTH_ONLY = re.compile(rf"(?<![\w\d/])و?(?:في|خلال|منذ)\s+(?:شهر\s+)?(?:[\w]+\s*/\s*)?({_MONTH_ALT})(?:\s+(?:الماضي|(\d{{4}})))?(?![\w])")


_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")


def _ordinals() -> dict[str, int]:
    """«السابع» 7, «الحادي عشر» 11, «الثالث والعشرين» 23 (normalised forms)."""
    out = {u: i + 1 for i, u in enumerate(_UNITS)} | {"العاشر": 10, "العشرين": 20, "الثلاثين": 30}
    for i, u in enumerate(_UNITS):
        head = "الحادي" if i == 0 else u
        out[f"{head} عشر"] = 11 + i
        out[f"{head} والعشرين"] = 21 + i
    out["الحادي والثلاثين"] = 31
    return out


_ORDINAL = _ordinals()
_ORDINAL_DATE = re.compile(
    rf"(?<![\w])({'|'.join(sorted(_ORDINAL, key=len, reverse=True))})\s+من\s+(?:شهر\s+)?(?:[\w]+\s*/\s*)?"
    rf"({_MONTH_ALT})(?:\s+(?:الماضي|(\d{{4}})))?(?![\w])")


def _ordinal_dates(flat: str, refs: list[DateRef], pub: date) -> list[DateRef]:
    """«في السابع من شباط/فبراير»: a day written as an ordinal (precision 1)."""
    out = []
    for m in _ORDINAL_DATE.finditer(flat):
        if any(r.precision == 1 and (r.start <= m.start() < r.end or m.start() <= r.start < m.end()) for r in refs):
            continue
        day, month = _ORDINAL[m.group(1)], _MONTHS[m.group(2)]
        year = int(m.group(3)) if m.group(3) else pub.year
        try:
            when = date(year, month, day)
        except ValueError:
            continue
        if not m.group(3) and when > pub + timedelta(days=1):
            when = date(year - 1, month, day)
        out.append(DateRef(m.start(), m.end(), when, 1))
    return out


def _with_months(refs: list[DateRef], text: str, published: datetime) -> list[DateRef]:
    """Add «في مايو [2016]» (month precision) where no day-level mention covers it."""
    from marsad.actors.text import _local_normalize

    flat = _local_normalize(text)
    if len(flat) != len(text):
        return refs
    pub = published.date()
    days = _ordinal_dates(flat, refs, pub)  # a day written as an ordinal replaces the month it names
    refs = [r for r in refs if not any(d.start <= r.start < d.end for d in days)] + days
    out = list(refs)
    for m in _MONTH_ONLY.finditer(flat):
        if any(r.start <= m.start(1) < r.end or m.start() <= r.start < m.end() for r in refs):
            continue
        month = _MONTHS[m.group(1)]
        year = int(m.group(2)) if m.group(2) else (pub.year if month <= pub.month else pub.year - 1)
        if year == pub.year and month == pub.month:
            continue
        out.append(DateRef(m.start(), m.end(), date(year, month, 15), 3))
    out.sort(key=lambda d: d.start)
    return out


def dates_outside(dates: list[DateRef], clause_dates: list[DateRef]) -> bool:
    """A day of the event's own stated elsewhere in the sentence (not the statement's)."""
    return any(not d.statement and d not in clause_dates for d in dates)


def until(text: str, clause_dates: list[DateRef], start: date) -> date:
    """The last day of a fight that «استمرت حتى الأحد» (at most a week), else ``start``."""
    for d in clause_dates:
        before = words(text[max(0, d.start - 30) : d.start])[-3:]
        if any(w == "حتي" or w == "حتى" for _, _, w in before) and any(
            w.removeprefix("و").startswith(("استمر", "تواصل", "امتد")) for _, _, w in before
        ) and 0 < (d.date - start).days <= 7 and d.precision == 1:
            return d.date
    return start


def pick_date(
    clause_dates: list[DateRef], dates: list[DateRef], anchor: int, published: datetime
) -> tuple[date, int, float]:
    """Nearest day in the clause (else the sentence); a statement's date counts last."""
    pool = clause_dates or dates
    if pool:
        best = min(pool, key=lambda d: (d.precision, d.statement, abs(d.start - anchor)))
        return best.date, best.precision, 0.1
    return published.date(), 2, -0.1
