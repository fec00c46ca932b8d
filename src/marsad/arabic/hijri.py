"""Hijri dates: conversion to Gregorian and the year a month named without one refers to.

Conversion uses the Umm al-Qura calendar (package ``hijridate``, 1343-1500 AH), the
official Saudi calendar most Gulf outlets print; outside that range, and for a day the
Umm al-Qura month lacks, the arithmetical (tabular, "Kuwaiti") calendar, which can
differ from the observed one by a day or two.
"""

from __future__ import annotations

import math
from datetime import date


def tabular_hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """The arithmetical Islamic calendar (epoch 16 July 622 Julian, 11 leap years in 30)."""
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(jd - 1721425)


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Umm al-Qura conversion where ``hijridate`` covers the date, else the tabular calendar."""
    try:
        from hijridate import Hijri

        return date(*Hijri(year, month, day).to_gregorian().datetuple())
    except (ImportError, ValueError, OverflowError):
        return tabular_hijri_to_gregorian(year, month, day)


def gregorian_to_hijri(day: date) -> tuple[int, int, int]:
    """(year, month, day) in the Hijri calendar, as ``hijri_to_gregorian`` counts it."""
    try:
        from hijridate import Gregorian

        year, month, dom = Gregorian(day.year, day.month, day.day).to_hijri().datetuple()
        return int(year), int(month), int(dom)
    except (ImportError, ValueError, OverflowError):
        pass
    year = int((day.toordinal() - 227015) / 354.36667) + 1
    while tabular_hijri_to_gregorian(year, 1, 1) > day:
        year -= 1
    while tabular_hijri_to_gregorian(year + 1, 1, 1) <= day:
        year += 1
    month = max(m for m in range(1, 13) if tabular_hijri_to_gregorian(year, m, 1) <= day)
    return year, month, (day - tabular_hijri_to_gregorian(year, month, 1)).days + 1


def year_of_month(month: int, pub: date, side: str) -> int:
    """The Hijri year of ``month`` named without a year: ``side`` "past" (رمضان الماضي:
    strictly before publication's month), "current" (الجاري: publication's Hijri year),
    "ahead" (المقبل: strictly after) or "latest" (the latest one begun, this one included)."""
    year, now, _ = gregorian_to_hijri(pub)
    if side == "past":
        return year if month < now else year - 1
    if side == "ahead":
        return year if month > now else year + 1
    if side == "latest":
        return year if month <= now else year - 1
    return year


def year_in_gregorian(month: int, gyear: int) -> int:
    """The Hijri year whose ``month`` falls (its middle) in Gregorian ``gyear`` («رمضان 2018»)."""
    first = gregorian_to_hijri(date(gyear, 1, 1))[0]
    for year in (first, first + 1):
        if hijri_to_gregorian(year, month, 15).year == gyear:
            return year
    return first


def month_year(month: int, written: str | None, mark: str | None, side: str, pub: date | None) -> int | None:
    """The Hijri year of ``month`` as written after it («شوال 1439 هـ»; a Gregorian «رمضان
    2018»: the one that falls in it; a year with the other calendar's mark: None), else as
    ``side`` chooses (see ``year_of_month``; None without publication)."""
    if written:
        gregorian = int(written) >= 1900
        if mark == ("ه" if gregorian else "م"):
            return None
        return year_in_gregorian(month, int(written)) if gregorian else int(written)
    return None if pub is None else year_of_month(month, pub, side)


def capped(when: date, year: int, month: int, pub: date | None) -> date:
    """``when`` in Hijri ``month`` of ``year``, not later than publication once the month has begun."""
    if pub is None or hijri_to_gregorian(year, month, 1) > pub:
        return when
    return min(when, pub)
