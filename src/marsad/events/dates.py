"""Event dates: the Arabic layer's date mentions, and the choice of an event's day among them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from marsad.actors.text import words
from marsad.arabic.dates import find_dates


@dataclass(frozen=True, slots=True)
class DateRef:
    start: int
    end: int
    date: date
    precision: int
    statement: bool = False


def find_event_dates(text: str, published: datetime | None) -> list[DateRef]:
    """Date mentions of ``text`` (offsets into ``text``); without a publication time only
    those that carry their own year (``marsad.arabic.dates``)."""
    return [DateRef(m.start, m.end, m.date, m.precision) for m in find_dates(text, published)]


def dates_outside(dates: list[DateRef], clause_dates: list[DateRef]) -> bool:
    """A day of the event's own stated elsewhere in the sentence (not the statement's)."""
    return any(not d.statement and d not in clause_dates for d in dates)


def until(text: str, clause_dates: list[DateRef], start: date | None) -> date | None:
    """The last day of a fight that «استمرت حتى الأحد» (at most a week), else ``start``."""
    if start is None:
        return None
    for d in clause_dates:
        before = words(text[max(0, d.start - 30) : d.start])[-3:]
        if any(w == "حتي" or w == "حتى" for _, _, w in before) and any(
            w.removeprefix("و").startswith(("استمر", "تواصل", "امتد")) for _, _, w in before
        ) and 0 < (d.date - start).days <= 7 and d.precision == 1:
            return d.date
    return start


def pick_date(
    clause_dates: list[DateRef], dates: list[DateRef], anchor: int, published: datetime | None
) -> tuple[date | None, int, float]:
    """Nearest day in the clause (else the sentence); a statement's date counts last. Undated:
    the week of publication, or no date at all (precision 3) when the article has none."""
    pool = clause_dates or dates
    if pool:
        best = min(pool, key=lambda d: (d.precision, d.statement, abs(d.start - anchor)))
        return best.date, best.precision, 0.1
    if published is None:
        return None, 3, -0.1
    return published.date(), 2, -0.1


def age(when: date | None, published: datetime | None) -> int:
    """Days from publication to the event (negative: before); 0 when either is unknown, so
    that an article without publication time never has old events."""
    return 0 if when is None or published is None else (when - published.date()).days
