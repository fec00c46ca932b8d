"""Evidence from the places named beside a mention: its sentence's certain places.

A name shared by several Syrian communities far apart («دوما»: Rural Damascus, As-Sweida,
Hama) is read as the one near the places of the same sentence whose reading is not in
doubt («قرى دوما وتيما والمتونة»: two villages of As-Sweida) or in the governorate that
sentence names, before any global prior (capital level, the story's governorates). The
certain place that situates a town abroad keeps out a namesake of another country («منطقة
العريش بمديرية موزع» is Yemen's, not Egypt's Arish, in a story that never names Egypt).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.arabic.sentences import split_sentences
from marsad.geo.gazetteer import Candidate
from marsad.geo.matcher import Mention
from marsad.model import Span

#: Syrian readings of a name farther apart than this are different places (a town and the
#: district or subdistrict named after it share a seat).
HOMONYM_KM = 15.0
#: A certain place of the same sentence adds up to :data:`NEAR_BONUS`, falling to nothing
#: at :data:`NEAR_KM` (villages listed together are a few kilometres apart; a town 35 km off
#: in a sentence recalling two attacks is no evidence). The bonus outweighs the global prior
#: of a better-known namesake (capital level, its own governorate in the story's context).
NEAR_KM = 25.0
NEAR_BONUS = 8.0
#: The governorate named in the same sentence (or the governorate of a certain place in it).
SAME_GOVERNORATE = 4.0
#: Governorates that news treats as one area.
_TWINS = frozenset({("Damascus", "Rural Damascus"), ("Rural Damascus", "Damascus")})
_POINT = ("community", "admin2", "admin3", "region", "neighbourhood", "airbase", "base", "crossing", "locality")


def km(a: Candidate, b: Candidate) -> float:
    """Approximate ground distance (equirectangular; fine at these latitudes and ranges)."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return math.inf
    return math.hypot(a.latitude - b.latitude, (a.longitude - b.longitude) * 0.83) * 111


def is_homonym(m: Mention) -> bool:
    """Whether the name has Syrian readings more than :data:`HOMONYM_KM` apart. A governorate's
    name is not one: said bare it is the governorate, with a town word its capital."""
    if any(c.cc == "SY" and c.feature == "admin1" for c in m.candidates):
        return False
    syrian = [c for c in m.candidates if c.cc == "SY" and c.feature in _POINT and c.latitude is not None]
    return len(syrian) > 1 and any(km(syrian[0], c) > HOMONYM_KM for c in syrian[1:])


@dataclass
class Comentions:
    """The article's certain places by sentence: ``(offset, sentence, reading)``, by offset."""

    starts: list[int] = field(default_factory=list)  # sentence starts
    anchors: list[tuple[int, int, Candidate, Mention]] = field(default_factory=list)
    homonyms: frozenset[int] = frozenset()  # offsets of the mentions that are homonyms

    def sentence(self, pos: int) -> int:
        return bisect_right(self.starts, pos) - 1

    def beside(self, m: Mention) -> list[Candidate]:
        """The certain places of the mention's sentence, itself aside."""
        k = self.sentence(m.start)
        lo = self.starts[k] if k >= 0 else 0
        hi = self.starts[k + 1] if k + 1 < len(self.starts) else math.inf
        offsets = [a[0] for a in self.anchors]
        found = self.anchors[bisect_left(offsets, lo) : bisect_left(offsets, hi)]
        return [c for pos, _, c, _ in found if pos != m.start]


def comentions(text: str, picks: Sequence[tuple[Mention, Candidate | None]], common: frozenset[str],
               countries: set[str], homonyms: frozenset[int], sentences: Sequence[Span] = ()) -> Comentions:
    """The certain places among the first readings: resolved, not homonyms (the offsets of
    those), not common words, Syrian or in a country the story names (a town abroad is no
    evidence otherwise). ``sentences`` are the text's, where the Arabic step split them
    already (:func:`marsad.arabic.sentences.split_sentences`); else they are split here."""
    chosen = [(m, c) for m, c in picks if c is not None and m.start not in homonyms
              and m.key not in common and c.feature != "country" and (c.cc == "SY" or c.cc in countries)]
    if not chosen or not (homonyms or any(c is not None and c.cc not in ("SY", *countries) for _, c in picks)):
        return Comentions(homonyms=homonyms)  # nothing to decide: the sentences are not split
    starts = [s.start for s in sentences or split_sentences(text)]
    out = Comentions(starts=starts, homonyms=homonyms)
    out.anchors = [(m.start, out.sentence(m.start), c, m) for m, c in sorted(chosen, key=lambda p: p[0].start)]
    return out


def nearness(c: Candidate, m: Mention, co: Comentions) -> float:
    """Up to :data:`NEAR_BONUS` for a Syrian reading of a homonym near the certain places of
    its sentence, :data:`SAME_GOVERNORATE` when it lies in the governorate the sentence names."""
    if m.start not in co.homonyms or not co.anchors or c.cc != "SY":
        return 0.0
    best = 0.0
    for a in co.beside(m):
        if a.cc != "SY":
            continue
        if a.admin1 == c.admin1 or (a.admin1, c.admin1) in _TWINS:
            best = max(best, SAME_GOVERNORATE)
        if a.feature in _POINT:
            best = max(best, NEAR_BONUS * max(0.0, 1 - km(a, c) / NEAR_KM))
    return best


#: Constructions of a place that situates the name just before it («X بمديرية Y», «X في محافظة Y»).
_SITUATING = ("admin2", "admin3", "province")


def other_country(c: Candidate, m: Mention, co: Comentions) -> bool:
    """A town abroad situated right after in a district or province of another country.
    Only that: towns of several countries share sentences («مفاوضات جنيف وأستانة»)."""
    offsets = [a[0] for a in co.anchors]
    k = bisect_right(offsets, m.start)
    if k == len(co.anchors):
        return False
    pos, _, a, after = co.anchors[k]
    situates = after.construction in _SITUATING and not after.inherited and pos - m.end <= 12
    return situates and a.cc not in ("SY", c.cc)
