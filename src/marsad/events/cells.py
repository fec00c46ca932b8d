"""One event per place × day × state: a draft over a list of towns, several days or a joint
strike becomes one event per cell, the toll split evenly with the remainder to the first."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from marsad.events import roles
from marsad.events.attribution import western_strikers
from marsad.events.draft import Draft, Story, Words
from marsad.events.fatalities import number
from marsad.events.subtypes import REMOTE_SUBS
from marsad.model import Article, Place


def expand(draft: Draft, toks: Words, seg: tuple[int, int], places: list[Place], days: list[date | None], country: str,
           dead: bool, article: Article | None = None, story: Story | None = None) -> list[Draft]:
    """The draft's cells; with deaths reported (``dead``) a strike on no named side has civilian
    targets in every cell, whatever its share of the toll."""
    own = own_tolls(article.places, toks, seg) if article is not None and dead and len(days) == 1 else []
    if len(own) == 1 and places and places[0].text != own[0][0].text and 0 < own[0][1] < draft.fatalities \
            and _a_part(toks, seg, own[0][0]):  # «قتل 9 … في سراقب، بينهم 5 في كفرنبل»: the rest at the place
        own = [(places[0], draft.fatalities - own[0][1]), own[0]]
    if len(own) >= 2:  # «قتل 6 مدنيين في سراقب و3 في كفرنبل»: each place with its own toll
        draft = replace(draft, fatalities=max(draft.fatalities, sum(n for _, n in own)))
        out = [c for one in joint(draft, toks, seg, country, article, story) for c in _by_tolls(one, own)]
    else:
        out = [d for one in joint(draft, toks, seg, country, article, story) for d in split(one, places, days)]
    if len(out) > 1 and dead and not draft.actor2 and draft.sub_event_type in REMOTE_SUBS:
        out = [replace(d, actor2=f"Civilians ({country})", inter2=7) for d in out]
    return out


def own_tolls(places: Sequence[Place], toks: Words, seg: tuple[int, int]) -> list[tuple[Place, int]]:
    """Places of the segment each preceded by its own count: «6 مدنيين في سراقب و3 في كفرنبل»."""
    start, end = toks[seg[0]][0], toks[seg[1] - 1][1]
    out: list[tuple[Place, int]] = []
    for p in places:
        if not start <= p.start < end or any(q.text == p.text for q, _ in out):
            continue
        k = next((i for i in range(seg[0], seg[1]) if toks[i][0] <= p.start < toks[i][1] + 1), None)
        before = [w for _, _, w in toks[max(seg[0], (k or 0) - 3) : k]] if k is not None else []
        if before[-1:] and before[-1] in ("في", "بمدينه", "ببلده"):
            value = next((number(w) for w in reversed(before[:-1]) if number(w) is not None), None)
            if value is not None:
                out.append((p, value))
    return out


def _a_part(toks: Words, seg: tuple[int, int], place: Place) -> bool:
    """The count before ``place`` is a part of the toll («بينهم 5 في كفرنبل»)."""
    k = next((i for i in range(seg[0], seg[1]) if toks[i][0] >= place.start), seg[1])
    return any(w in ("بينهم", "منهم", "وبينهم", "ومنهم") for _, _, w in toks[max(seg[0], k - 5) : k])


def _by_tolls(draft: Draft, own: list[tuple[Place, int]]) -> list[Draft]:
    """One cell per place, each with its own toll (scaled to the draft's share of a joint strike)."""
    total = sum(n for _, n in own)
    share = draft.fatalities if draft.fatalities < total else total
    tolls = [n * share // total if total else 0 for _, n in own]
    tolls[0] += share - sum(tolls)
    return [replace(draft, place=p, fatalities=t) for (p, _), t in zip(own, tolls, strict=True)]


def spread(listed: list[Place]) -> bool:
    """A list of provinces or regions, or of places most of which lie in different provinces
    (a summary), unlike the towns of one province a strike campaign hit («وتعرضت مدن وبلدات
    نوى وكحيل والسهوة … لعشرات الغارات»)."""
    if any(p.geo_precision == 3 for p in listed):
        return True
    top = max(sum(p.admin1 == q.admin1 for p in listed) for q in listed)
    return top * 2 < len(listed)


def joint(draft: Draft, toks: Words, seg: tuple[int, int], country: str, article: Article | None = None,
          story: Story | None = None) -> list[Draft]:
    """«غارات جوية سورية روسية»، «قوات النظام وروسيا استهدفت»، «شنتها دمشق مع حليفتها موسكو»، the
    US, the UK and France: one event per state that struck (one actor pair each; guideline v6),
    the toll split evenly, the remainder to the first named."""
    if draft.sub_event_type not in REMOTE_SUBS:
        return [draft]
    found = roles.joint_agents(toks, seg[0], seg[1], country) or (roles.conjoined_states(
        article.actors, article.places, toks, seg[0], seg[1], draft.actor1, country) or roles.allied_capitals(
        article.places, toks, seg[0], seg[1], country) if article is not None else [])
    states = [(a.name, a.inter) for a in found]
    if story is not None and len(states) >= 2:
        story.joint = tuple(states)
    if not states and story is not None and story.joint and "named" not in draft.cues and draft.sub_event_type in _STRIKES and (
            draft.actor1 in {n for n, _ in story.joint} or draft.actor1.startswith("Unidentified")):
        return _per_state(draft, list(story.joint))  # «… شنها الطيران الروسي والسوري. وقتل ثمانية في قصف على X»
    if not states and article is not None:
        return allies(draft, article)
    if draft.actor1 not in {name for name, _ in states}:
        return [draft]
    return _per_state(draft, states)


#: What a state's aircraft or guns do; a car bomb or a mine is no state's joint strike.
_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})


def allies(draft: Draft, article: Article) -> list[Draft]:
    """«شنت الولايات المتحدة وبريطانيا وفرنسا ضربات»: a strike by one of the Western states
    the story names as striking together is one event per state (guideline v6)."""
    western = western_strikers(article)
    if draft.sub_event_type not in REMOTE_SUBS or len(western) < 2 or draft.actor1 not in western:
        return [draft]
    return _per_state(draft, [(name, draft.inter1) for name in western])


def _per_state(draft: Draft, states: list[tuple[str, int]]) -> list[Draft]:
    states = [(name, inter) for name, inter in states if name != draft.actor2]
    share, rest = divmod(draft.fatalities, len(states))
    ordered = sorted(states, key=lambda a: a[0] != draft.actor1)
    return [replace(draft, actor1=name, inter1=inter, fatalities=share + (rest if i == 0 else 0))
            for i, (name, inter) in enumerate(ordered)]


def split(draft: Draft, places: list[Place], days: list[date | None]) -> list[Draft]:
    """«في حرستا وعربين … مقتل ثمانية»، «ليل السبت واستمرت حتى الأحد»: one event per place and
    day, the toll split evenly, the remainder to the first (codebook)."""
    cells = [(d, p) for d in days for p in places]
    if len(cells) < 2:
        return [replace(draft, place=places[0])] if places else [draft]
    share, rest = divmod(draft.fatalities, len(cells))
    return [replace(draft, event_date=d, place=p, fatalities=share + (rest if i == 0 else 0))
            for i, (d, p) in enumerate(cells)]
