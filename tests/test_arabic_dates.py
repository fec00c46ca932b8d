"""marsad.arabic.dates: relative and explicit dates resolved against publication."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from marsad.arabic.dates import find_dates, hijri_to_gregorian, tabular_hijri_to_gregorian

PUB = datetime(2019, 1, 24, 9, 30)  # a Thursday


def _one(text: str) -> tuple[str, str, int]:
    (mention,) = find_dates(text, PUB)
    assert text[mention.start : mention.end] == mention.text
    return mention.text, mention.date.isoformat(), mention.precision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("والأربعاء، قصفت الطائرات", ("الأربعاء", "2019-01-23", 1)),
        ("يوم الخميس", ("يوم الخميس", "2019-01-24", 1)),  # publication day itself
        ("الجمعة", ("الجمعة", "2019-01-18", 1)),
        ("الخميس الماضي", ("الخميس الماضي", "2019-01-17", 1)),
        ("الأحد المقبل", ("الأحد المقبل", "2019-01-27", 1)),
        ("أمس", ("أمس", "2019-01-23", 1)),
        ("مساء أمس", ("مساء أمس", "2019-01-23", 1)),
        ("أول أمس", ("أول أمس", "2019-01-22", 1)),
        ("أول من أمس", ("أول من أمس", "2019-01-22", 1)),
        ("فجر اليوم", ("فجر اليوم", "2019-01-24", 1)),
        ("الليلة الماضية", ("الليلة الماضية", "2019-01-23", 1)),
        ("الأسبوع الماضي", ("الأسبوع الماضي", "2019-01-17", 2)),
        ("الشهر الماضي", ("الشهر الماضي", "2018-12-15", 3)),
        ("في 24 يناير 2019", ("24 يناير 2019", "2019-01-24", 1)),
        ("في 3 كانون الثاني 2019", ("3 كانون الثاني 2019", "2019-01-03", 1)),
        ("في 12 شباط/فبراير 2018", ("12 شباط/فبراير 2018", "2018-02-12", 1)),
        ("في 28 ديسمبر", ("28 ديسمبر", "2018-12-28", 1)),  # no year: the latest past one
        ("في 5 من شهر يناير", ("5 من شهر يناير", "2019-01-05", 1)),
        ("في 12 مارس", ("12 مارس", "2019-03-12", 1)),  # ahead, but nearer than last year's
        ("في 12 حزيران/يونيو المقبل", ("12 حزيران/يونيو المقبل", "2019-06-12", 1)),
        ("في 20 يناير الماضي", ("20 يناير الماضي", "2019-01-20", 1)),
        ("في 30 يناير الماضي", ("30 يناير الماضي", "2018-01-30", 1)),
        ("في أيلول الماضي", ("أيلول الماضي", "2018-09-15", 3)),
        ("في أيار 2018", ("أيار 2018", "2018-05-15", 3)),
        ("٢٤/١/٢٠١٩", ("٢٤/١/٢٠١٩", "2019-01-24", 1)),
        ("1 رمضان 1440 هـ", ("1 رمضان 1440 هـ", "2019-05-06", 1)),
        ("في السابع من شباط/فبراير", ("السابع من شباط/فبراير", "2019-02-07", 1)),  # ordinal day
        ("في الحادي والعشرين من آذار الماضي", ("الحادي والعشرين من آذار الماضي", "2018-03-21", 1)),
        ("في الثالث عشر من شهر يناير 2018", ("الثالث عشر من شهر يناير 2018", "2018-01-13", 1)),
        ("وفي شهر آذار", ("شهر آذار", "2018-03-15", 3)),  # a bare month: the latest past one
        ("منذ يناير", ("يناير", "2019-01-15", 3)),
        ("خلال ديسمبر", ("ديسمبر", "2018-12-15", 3)),
        ("في 20 من الشهر الجاري", ("20 من الشهر الجاري", "2019-01-20", 1)),  # a day of this month
        ("يوم 3 من الشهر الماضي", ("3 من الشهر الماضي", "2018-12-03", 1)),
        # a part of a month: a span of days (precision 2) dated to its 5th/15th/25th
        ("في أوائل آذار/مارس", ("أوائل آذار/مارس", "2018-03-05", 2)),  # the latest past March
        ("منتصف أبريل", ("منتصف أبريل", "2018-04-15", 2)),
        ("وفي أواخر الشهر الماضي", ("أواخر الشهر الماضي", "2018-12-25", 2)),
        ("منذ مطلع الشهر", ("مطلع الشهر", "2019-01-05", 2)),
        ("أواخر يناير", ("أواخر يناير", "2019-01-24", 2)),  # not after publication
        ("بداية شهر أيار 2018", ("بداية شهر أيار 2018", "2018-05-05", 2)),
        ("نهاية كانون الأول الماضي", ("نهاية كانون الأول الماضي", "2018-12-25", 2)),
        ("منتصف الشهر المقبل", ("منتصف الشهر المقبل", "2019-02-15", 2)),
        ("قبل مطلع يناير الجاري", ("مطلع يناير الجاري", "2019-01-05", 2)),
        ("مطلع الأسبوع", ("مطلع الأسبوع", "2019-01-20", 2)),  # a week from Sunday
        ("مطلع الأسبوع الماضي", ("مطلع الأسبوع الماضي", "2019-01-13", 2)),
        ("في نهاية الأسبوع الماضي", ("نهاية الأسبوع الماضي", "2019-01-18", 2)),
        ("نهاية الأسبوع", ("نهاية الأسبوع", "2019-01-24", 2)),  # not after publication
    ],
)
def test_find_dates(text: str, expected: tuple[str, str, int]) -> None:
    assert _one(text) == expected


def test_the_day_is_not_today() -> None:
    assert find_dates("كان اليومَ الأكثر دموية، وفي اليوم التالي أُعلن اليوم العالمي", PUB) == []
    assert [m.text for m in find_dates("وقال صباح اليوم", PUB)] == ["صباح اليوم"]
    assert find_dates("وفي ذلك اليوم خرج الأهالي إلى الشوارع", PUB) == []
    assert [m.text for m in find_dates("وفي اليوم خرج الأهالي إلى الشوارع", PUB)] == ["اليوم"]


def test_month_names_alone_are_not_dates() -> None:
    assert find_dates("مارس الجيش ضغوطا على المدينة في رمضان", PUB) == []


def test_harakat_do_not_hide_ordinal_or_month_dates() -> None:
    """Matching runs on the offset-keeping normal form: marks change lengths, not results."""
    text = "قُتل ثلاثة في السَّابِعِ مِنْ شُبَاطَ، وقبلها في شَهْرِ آذارَ"
    found = find_dates(text, PUB)
    assert [(m.date.isoformat(), m.precision) for m in found] == [("2019-02-07", 1), ("2018-03-15", 3)]
    assert [m.text for m in found] == ["السَّابِعِ مِنْ شُبَاطَ", "شَهْرِ آذارَ"]


def test_without_publication_only_dates_with_a_year() -> None:
    text = "السبت الماضي، ثم في 3 مارس 2018 وفي الخامس من آذار 2016 و5/3/2017، وفي أيار وفي 4 يناير"
    assert [m.date.isoformat() for m in find_dates(text, None)] == ["2018-03-03", "2016-03-05", "2017-03-05"]


def test_several_dates_in_order() -> None:
    text = "بدأ الهجوم أمس واستمر حتى فجر اليوم بعد غارات الأسبوع الماضي"
    found = find_dates(text, PUB)
    assert [(m.date, m.precision) for m in found] == [
        (date(2019, 1, 23), 1),
        (date(2019, 1, 24), 1),
        (date(2019, 1, 17), 2),
    ]


def test_hijri_conversion() -> None:
    assert hijri_to_gregorian(1440, 9, 1) == date(2019, 5, 6)  # Umm al-Qura
    assert tabular_hijri_to_gregorian(1, 1, 1) == date(622, 7, 19)  # epoch, proleptic Gregorian
    assert abs((tabular_hijri_to_gregorian(1440, 9, 1) - date(2019, 5, 6)).days) <= 2


def test_every_pattern_has_an_anchor_group() -> None:
    """A new date pattern needs the word every match of it holds (``_NEEDS``), or find_dates
    would never run it."""
    import importlib

    dates = importlib.import_module("marsad.arabic.dates")
    assert {kind for kind, _ in dates._PATTERNS} == set(dates._NEEDS)
    assert set(dates._NEEDS.values()) <= set(dates._ANCHOR.groupindex)
