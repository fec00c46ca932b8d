"""events.spans answers as a scan or a sort of the items would, sorted, unsorted or a list."""

from __future__ import annotations

import random

from marsad.events import spans
from marsad.model import Entity


def _items(rng: random.Random) -> list[Entity]:
    out = []
    for _ in range(rng.randint(0, 12)):
        start = rng.randint(0, 60)
        out.append(Entity(start, start + rng.randint(1, 15), "x", "LOC"))
    return out


def test_within_and_covers_agree_with_a_scan() -> None:
    rng = random.Random(7)
    for _ in range(300):
        items = _items(rng)
        for kind in (tuple(sorted(items, key=lambda e: e.start)), tuple(items), items):
            a, b = sorted(rng.randint(0, 80) for _ in range(2))
            assert spans.within(kind, a, b) == [e for e in kind if a <= e.start and e.end <= b]
            assert spans.covers(kind, a) == any(e.start <= a < e.end for e in kind)
            assert spans.starting_in(kind, a, b) == [e for e in kind if a <= e.start <= b]
            seq, starts = spans.ordered(kind)
            assert list(seq) == sorted(kind, key=lambda e: e.start) and starts == [e.start for e in seq]
