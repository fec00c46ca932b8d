"""The geocoder's bisect lookups give the answers of the scans they replaced (random spans)."""

from __future__ import annotations

import random

from marsad.geo.matcher import Mention
from marsad.geo.resolve import Spans, _near
from marsad.geo.step import _Spelled


def _mention(start: int, end: int) -> Mention:
    return Mention(start=start, end=end, first=0, last=0, candidates=(), construction="", conjoined=False)


def _spans(rng: random.Random, n: int) -> list[tuple[int, int]]:
    return [(s, s + rng.randint(1, 15)) for s in (rng.randint(0, 200) for _ in range(n))]


def test_first_overlap_is_the_scans_first() -> None:
    rng = random.Random(7)
    for trial in range(300):
        spans = _spans(rng, rng.randint(0, 12))
        if trial % 3:
            spans.sort()  # sorted mentions (the step's) are bisected, unsorted ones scanned
        mentions = [_mention(s, e) for s, e in spans]
        spelled = _Spelled("x" * 250, mentions)
        for _ in range(20):
            start = rng.randint(0, 220)
            end = start + rng.randint(1, 20)
            scan = next((m for m in mentions if start < m.end and m.start < end), None)
            assert spelled._first_overlap(start, end) is scan


def test_nests_and_near_are_the_scans() -> None:
    rng = random.Random(11)
    for _ in range(300):
        spans = _spans(rng, rng.randint(0, 12))
        index = Spans(spans)
        offsets = sorted(s for s, _ in spans)
        for _ in range(20):
            start = rng.randint(0, 220)
            m = _mention(start, start + rng.randint(1, 20))
            scan = any(s <= m.start and m.end <= e or m.start <= s and e <= m.end
                       for s, e in spans if s < m.end and m.start < e)
            assert index.nests(m) == scan
            radius = rng.randint(0, 60)
            assert _near(offsets, start, radius) == [p for p in offsets if abs(p - start) <= radius]


def test_remembered_readings_are_each_mentions_own() -> None:
    """:func:`resolve._reading` remembers a key's top candidate and homonymy by the gazetteer's
    shared tuple: the same answers as computed afresh, and a mention of that key with other
    candidates gets its own."""
    from dataclasses import replace

    from marsad.geo.comention import is_homonym
    from marsad.geo.gazetteer import gazetteer, prominence
    from marsad.geo.resolve import _reading
    from marsad.geo.step import mentions_of

    mentions = list(mentions_of("قصفت الطائرات دوما وحلب ثم دوما مرة أخرى في سوريا."))
    assert {m.key for m in mentions} >= {"دوما", "حلب", "سوريا"}
    for m in mentions * 2:
        assert m.candidates is gazetteer().candidates(m.key)
        assert _reading(m) == (m.candidates, max(m.candidates, key=prominence), is_homonym(m))
    duma = next(m for m in mentions if m.key == "دوما")
    assert _reading(duma)[2]  # several Syrian Dumas far apart
    alone = replace(duma, candidates=duma.candidates[-1:])
    assert _reading(alone) == (alone.candidates, alone.candidates[0], False)
    assert _reading(duma)[1:] == (max(duma.candidates, key=prominence), True)


def test_words_around_a_mention_are_the_walk_and_bisects() -> None:
    """:func:`metonymy._around` reads a mention's neighbours at its word indices: the same words
    as the walk back and the bisects, also where a letter outside the split («ە», «é») is glued
    to the name, a line break or a long gap follows it, or it opens or ends the text."""
    from marsad.geo.metonymy import _around, _word_after, _words_before
    from marsad.geo.step import mentions_of

    texts = ["قصف على ەحلب أمس وفي إدلب", "حركةéإدلب ثم حمص", "حلب", "في حلب", "مجلس منبج العسكري",
             "وصل إلى دمشق،\nثم حماة", "من حمص" + " " * 50 + "إلى حلب", "بالرقة ولبنان ودير الزور"]
    seen = 0
    for text in texts:
        for m in mentions_of(text):
            before = _words_before(text, m.start, 1)
            assert _around(text, m) == (before[-1] if before else "", _word_after(text, m.end)), (text, m.key)
            seen += 1
    assert seen >= 12
    # a mention of another text: its word indices do not fit, so the walk reads this text's words
    m = mentions_of("قصف على حلب")[0]
    other = "وصل الوفد حلب قادما من بيروت"
    before = _words_before(other, m.start, 1)
    assert _around(other, m) == (before[-1] if before else "", _word_after(other, m.end))
