"""The article's actors or places inside a span, by bisect rather than a scan per trigger.

The coder asks, for every trigger, which of the article's actors or places lie in its clause
or cover a word; a scan of them all per trigger makes a long article's time grow with the
square of its length. The article's tuples come sorted by start from their steps; each is
indexed once (its starts, and the furthest end reached so far) and checked: an unsorted one,
or a list (it may change), is scanned as before. The answers are the scan's, in its order.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, pairwise
from typing import TypeVar

from marsad.model import Actor, Entity, Place

S = TypeVar("S", Actor, Place, Entity)

#: The last few tuples indexed: (the tuple, held so its identity is never reused; starts; reach).
_INDEX: list[tuple[Sequence[object], list[int], list[int]]] = []


def _index(items: Sequence[S]) -> tuple[list[int], list[int]] | None:
    if not isinstance(items, tuple):
        return None
    for held, starts, reach in list(_INDEX):
        if held is items:
            return (starts, reach) if starts or not items else None
    starts = [x.start for x in items]
    if any(a > b for a, b in pairwise(starts)):
        starts = []  # unsorted: scanned
    reach = list(accumulate((x.end for x in items), max)) if starts else []
    _INDEX[:] = [(items, starts, reach), *_INDEX[:3]]  # another thread may replace it at once
    return (starts, reach) if starts or not items else None


def ordered(items: Sequence[S]) -> tuple[Sequence[S], list[int]]:
    """The items sorted by start (a stable sort: the indexed tuple itself) and their starts."""
    found = _index(items)
    if found is not None:
        return items, found[0]
    seq = sorted(items, key=lambda x: x.start)
    return seq, [x.start for x in seq]


def starting_in(items: Sequence[S], lo: int, hi: int) -> list[S]:
    """The items with ``lo <= item.start <= hi``, in their order."""
    found = _index(items)
    if found is None:
        return [x for x in items if lo <= x.start <= hi]
    starts, _ = found
    return list(items[bisect_left(starts, lo) : bisect_right(starts, hi)])


def within(items: Sequence[S], start: int, end: int) -> list[S]:
    """The items with ``start <= item.start`` and ``item.end <= end``, in their order."""
    return [x for x in starting_in(items, start, end) if x.end <= end]


def covers(items: Sequence[S], pos: int) -> bool:
    """Whether an item has ``item.start <= pos < item.end``."""
    found = _index(items)
    if found is None:
        return any(x.start <= pos < x.end for x in items)
    starts, reach = found
    i = bisect_right(starts, pos) - 1
    return i >= 0 and pos < reach[i]
