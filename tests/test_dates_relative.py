"""marsad.arabic.dates: days and weeks counted back from publication, Hijri months named
with a year or a direction, parts of a Hijri month or of a year (issue #6)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from marsad.arabic.dates import find_dates
from marsad.arabic.hijri import gregorian_to_hijri, year_in_gregorian, year_of_month

# Thursday 10 May 2018 = 24 Sha'ban 1439 (Umm al-Qura: Ramadan 1439 begins 16 May 2018,
# Ramadan 1438 began 27 May 2017, Eid al-Fitr 1439 = 1 Shawwal = 15 June 2018,
# Eid al-Adha 1438 = 10 Dhu al-Hijja = 1 September 2017, 1 Muharram 1440 = 11 September 2018).
PUB = datetime(2018, 5, 10, 12, 0)


def _all(text: str, pub: datetime | None = PUB) -> list[tuple[str, str, int]]:
    found = find_dates(text, pub)
    for m in found:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.date.isoformat(), m.precision) for m in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قتل ثلاثة أشخاص قبل يومين في قصف", ("قبل يومين", "2018-05-08", 1)),
        ("وقعت الغارة قبل ثلاثة أيام", ("قبل ثلاثة أيام", "2018-05-07", 1)),
        ("قبل أسبوع سقطت القذيفة على السوق", ("قبل أسبوع", "2018-05-03", 2)),
        ("وقبل يوم واحد، انفجرت عبوة", ("قبل يوم واحد", "2018-05-09", 1)),
        ("قُتل قبل 5 أيام", ("قبل 5 أيام", "2018-05-05", 1)),
        ("قُتل قبل ٦ أيام", ("قبل ٦ أيام", "2018-05-04", 1)),
        ("هاجموا القرية قبل خمسة عشر يوماً", ("قبل خمسة عشر يوماً", "2018-04-25", 1)),
        ("وقبل عشرة أيام توقف القصف", ("قبل عشرة أيام", "2018-04-30", 1)),
        ("قبل أسبوعين", ("قبل أسبوعين", "2018-04-26", 2)),
        ("قبل ثلاثة أسابيع", ("قبل ثلاثة أسابيع", "2018-04-19", 2)),
        ("قبل نحو ثلاثة أيام", ("قبل نحو ثلاثة أيام", "2018-05-07", 2)),  # approximate: a span
        ("قبل أسبوع من الآن", ("قبل أسبوع", "2018-05-03", 2)),  # counted from now: publication
    ],
)
def test_days_and_weeks_before_publication(text: str, expected: tuple[str, str, int]) -> None:
    assert _all(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "قبل أن يصل الوفد إلى المدينة",
        "قبل الانتخابات النيابية",
        "بعد يومين ستبدأ المفاوضات",  # counted forward: a plan, or from another event
        "قُتل قبل يومين من الهجوم على الحاجز",  # counted from another event
        "قبل يوم واحد من الانتخابات",
        "قبل أسبوعين فقط من موعد الانسحاب",
        "منذ سنوات والمدينة محاصرة",
        "الاشتباكات المستمرة منذ يومين",  # how long a state has lasted, not a day
        "والصحفي مفقود منذ أسبوع",
        "قبل أيام",  # vague: the coder's undated week
        "قبل يوم الانتخابات",  # a named day, not one day ago
    ],
)
def test_not_counted_back_from_publication(text: str) -> None:
    assert _all(text) == []


def test_a_named_day_after_since_keeps_its_weekday() -> None:
    assert _all("الاشتباكات مستمرة منذ يوم الجمعة") == [("يوم الجمعة", "2018-05-04", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("في رمضان الماضي", ("رمضان الماضي", "2017-06-10", 3)),  # Ramadan 1438, its 15th
        ("خلال شهر رمضان المقبل", ("شهر رمضان المقبل", "2018-05-30", 3)),
        ("في شوال 1439", ("شوال 1439", "2018-06-29", 3)),
        ("في شوال 1439 هـ", ("شوال 1439 هـ", "2018-06-29", 3)),
        ("في ذي الحجة الماضي", ("ذي الحجة الماضي", "2017-09-06", 3)),
        ("في رمضان 2017", ("رمضان 2017", "2017-06-10", 3)),  # the Ramadan that fell in 2017
        ("أواخر رمضان الماضي", ("أواخر رمضان الماضي", "2017-06-20", 2)),
        ("منتصف شعبان الجاري", ("منتصف شعبان الجاري", "2018-05-01", 2)),
        ("أواخر شعبان", ("أواخر شعبان", "2018-05-10", 2)),  # 25 Sha'ban is ahead: publication
        ("مطلع محرم 1440 هـ", ("مطلع محرم 1440 هـ", "2018-09-15", 2)),
        ("في 27 رمضان الماضي", ("27 رمضان الماضي", "2017-06-22", 1)),
    ],
)
def test_hijri_months(text: str, expected: tuple[str, str, int]) -> None:
    assert _all(text) == [expected]


def test_hijri_month_names_alone_are_no_dates() -> None:
    assert _all("قال رمضان إن صفر من المقاتلين عادوا في رمضان") == []
    assert _all("في رمضان 2017 هـ") == []  # a Gregorian year cannot be Hijri


def test_hijri_without_publication_only_with_a_year() -> None:
    assert _all("في شوال 1439 وفي رمضان الماضي وقبل يومين", None) == [("شوال 1439", "2018-06-29", 3)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مطلع العام", ("مطلع العام", "2018-01-15", 3)),
        ("منذ منتصف العام الماضي", ("منتصف العام الماضي", "2017-07-01", 3)),
        ("أواخر السنة الماضية", ("أواخر السنة الماضية", "2017-12-15", 3)),
        ("أواخر العام الجاري", ("أواخر العام الجاري", "2018-05-10", 3)),  # not after publication
        ("في نهاية عام 2016", ("نهاية عام 2016", "2016-12-15", 3)),
        ("مطلع 2017", ("مطلع 2017", "2017-01-15", 3)),
    ],
)
def test_parts_of_a_year(text: str, expected: tuple[str, str, int]) -> None:
    assert _all(text) == [expected]


def test_a_school_or_fiscal_year_is_no_date() -> None:
    assert _all("حتى نهاية العام الدراسي ومطلع العام المالي") == []


def test_hijri_year_helpers() -> None:
    pub = date(2018, 5, 10)
    assert gregorian_to_hijri(pub) == (1439, 8, 24)
    assert year_of_month(9, pub, "past") == 1438
    assert year_of_month(9, pub, "ahead") == 1439
    assert year_of_month(8, pub, "past") == 1438  # this Sha'ban is not «the past» one
    assert year_of_month(8, pub, "latest") == 1439
    assert year_of_month(1, pub, "current") == 1439
    assert year_in_gregorian(9, 2018) == 1439
