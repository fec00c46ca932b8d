"""actors.states finds a place's word by bisect, as the scan of every word did."""

from __future__ import annotations

import random

from marsad.actors.states import _word_at
from marsad.actors.text import words


def test_word_at_is_the_scans_first() -> None:
    rng = random.Random(5)
    for _ in range(200):
        text = " ".join("".join(rng.choice("بتث") for _ in range(rng.randint(1, 6))) + rng.choice(["", "،", "."])
                        for _ in range(rng.randint(0, 15)))
        toks = words(text)
        for pos in range(len(text) + 2):
            scan = next((i for i, t in enumerate(toks) if t[0] <= pos < t[1] + 1), None)
            assert _word_at(toks, pos) == scan
