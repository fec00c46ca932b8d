"""The coder's working records: one event draft, what the article's story has established so far,
and a memo for facts of the whole story."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import wraps
from typing import TypeVar

from marsad.events.fatalities import count_deaths
from marsad.events.trigger_lexicon import SHELL_OR_AIR
from marsad.model import Actor, Article, Place, Span

Words = list[tuple[int, int, str]]

#: Events dated longer before publication are background, not news (the codebook codes
#: an event from the reports that cover it when it happens).
MAX_AGE_DAYS = 14
#: States whose strikes in these years answered chemical attacks (never the users in the reports).
RETALIATORS = frozenset({"United States", "United Kingdom", "France", "Israel"})
NO_TOLL = frozenset({"Arrests", "Agreement", "Peaceful protest", "Headquarters or base established",
                      "Non-violent transfer of territory", "Change to group/activity", "Disrupted weapons use"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One coded event before merging."""

    sub_event_type: str
    event_date: date | None  # None: undatable (no publication time, no date with its year)
    time_precision: int
    place: Place
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    fatalities: int
    evidence: Span
    confidence: float
    cues: frozenset[str] = frozenset()  # evidence flags for the confidence model (events.confidence)


@dataclass
class Story:
    """What earlier sentences of the article established: the last named remote-violence agent."""

    agent: Actor | None = None
    last: Draft | None = None
    tolls: list[tuple[Draft, Draft]] = field(default_factory=list)
    pending_toll: int = 0
    following: Span | None = None  # the next sentence, whatever it says
    elaboration: Place | None = None  # :meth:`next_place`, once asked for this sentence
    elaboration_asked: bool = False
    group: list[Draft] = field(default_factory=list)  # the drafts of the last coded cue (places × days)
    usable: tuple[Place, ...] | None = None  # the article's places that can locate an event
    perpetrator: Actor | None = None  # the non-state armed group the story named as attacking
    #: the deaths the previous sentence with a cue counted («15 مدنياً قتلوا …»); None: not counted yet
    told_toll: int | None = 0
    told_words: Words = field(default_factory=list)  # that sentence's words
    #: (day, precision, date confidence) of a strike an earlier sentence told but could not place
    unplaced: tuple[date | None, int, float] | None = None
    #: the states an earlier sentence named striking together («غارات جوية شنها الطيران الروسي والسوري»)
    joint: tuple[tuple[str, int], ...] = ()
    dominant: tuple[Place | None] | None = None  # (where.dominant_place of the usable places,) once known

    def retold(self) -> None:
        """A later sentence tells the deaths the last cue counted again («المدنيين قتلوا بقصف … في X وY»):
        its events carry them, so the earlier events no longer do (the victims are counted once)."""
        self.told_toll = 0
        self.tolls.extend((d, replace(d, fatalities=0)) for d in self.group if d.fatalities)

    def toll_told(self) -> int:
        """:attr:`told_toll`, counted when a draft first asks: most sentences with a cue code no
        draft, and the count reads the whole sentence."""
        if self.told_toll is None:
            self.told_toll = count_deaths(self.told_words) or 0
        return self.told_toll

    def usable_places(self, article: Article) -> tuple[Place, ...]:
        """``placing.usable_places`` of the article, computed once (it reads the whole text); a
        tuple, so that :func:`marsad.events.spans.within` indexes it once."""
        if self.usable is None:
            from marsad.events.placing import usable_places

            self.usable = tuple(usable_places(article.text, article.places, article.entities))
        return self.usable

    def next_place(self, article: Article) -> Place | None:
        """The place the next sentence gives when it elaborates (``where.elaboration_place``, among the
        usable places), worked out when a trigger of this sentence first asks: most sentences
        with a cue never ask (their triggers fall before the place is sought), which spares
        ``elaboration_place`` its split of the next sentence."""
        if not self.elaboration_asked:
            from marsad.events.where import elaboration_place

            nxt = self.following
            self.elaboration = elaboration_place(article, nxt, self.usable_places(article)) if nxt is not None else None
            self.elaboration_asked = True
        return self.elaboration

    def dominant_place(self, article: Article, places: Sequence[Place]) -> Place | None:
        """``where.dominant_place``: a fact of the whole story (it counts every place), asked for
        each unplaced trigger, so computed once for :meth:`usable_places` (a list filtered from
        them is counted again)."""
        from marsad.events.where import dominant_place

        if places is not self.usable_places(article):
            return dominant_place(article, places)
        if self.dominant is None:
            self.dominant = (dominant_place(article, places),)
        return self.dominant[0]


REMOTE = frozenset({SHELL_OR_AIR, "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"})


T = TypeVar("T")


def once_per_article(fn: Callable[[Article], T]) -> Callable[[Article], T]:
    """``fn``'s answer for the last article it read: a fact of the whole story (it scans every
    actor or place), asked again for each trigger. Keyed by the identity of the text, actors
    and places it reads (held, so never reused), like :func:`marsad.events.coder.trigger_pass`."""
    last: list[tuple[str, tuple[Actor, ...], tuple[Place, ...], T]] = []

    @wraps(fn)
    def memo(article: Article) -> T:
        seen = last[0] if last else None
        if seen is not None and seen[0] is article.text and seen[1] is article.actors and seen[2] is article.places:
            return seen[3]
        value = fn(article)
        last[:] = [(article.text, article.actors, article.places, value)]
        return value
    return memo
