"""One event per place × day × state: a draft over a list of towns, several days or a joint
strike becomes one event per cell, the toll split evenly with the remainder to the first."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from marsad.events import roles
from marsad.events.draft import Draft, Words
from marsad.events.subtypes import REMOTE_SUBS
from marsad.model import Article, Place


def expand(draft: Draft, toks: Words, seg: tuple[int, int], places: list[Place], days: list[date | None], country: str,
           dead: bool, article: Article | None = None) -> list[Draft]:
    """The draft's cells; with deaths reported (``dead``) a strike on no named side has civilian
    targets in every cell, whatever its share of the toll."""
    out = [d for one in joint(draft, toks, seg, country, article) for d in split(one, places, days)]
    if len(out) > 1 and dead and not draft.actor2 and draft.sub_event_type in REMOTE_SUBS:
        out = [replace(d, actor2=f"Civilians ({country})", inter2=7) for d in out]
    return out


def spread(listed: list[Place]) -> bool:
    """A list of provinces or regions, or of places most of which lie in different provinces
    (a summary), unlike the towns of one province a strike campaign hit («وتعرضت مدن وبلدات
    نوى وكحيل والسهوة … لعشرات الغارات»)."""
    if any(p.geo_precision == 3 for p in listed):
        return True
    top = max(sum(p.admin1 == q.admin1 for p in listed) for q in listed)
    return top * 2 < len(listed)


def joint(draft: Draft, toks: Words, seg: tuple[int, int], country: str, article: Article | None = None) -> list[Draft]:
    """«غارات جوية سورية روسية»، «قوات النظام وروسيا استهدفت»: one event per state that struck
    (one actor pair each), the toll split evenly, the remainder to the first named."""
    if draft.sub_event_type not in REMOTE_SUBS:
        return [draft]
    states = roles.joint_agents(toks, seg[0], seg[1], country) or (roles.conjoined_states(
        article.actors, article.places, toks, seg[0], seg[1], draft.actor1, country) if article is not None else [])
    if draft.actor1 not in {a.name for a in states}:
        return [draft]
    states = [a for a in states if a.name != draft.actor2]
    share, rest = divmod(draft.fatalities, len(states))
    ordered = sorted(states, key=lambda a: a.name != draft.actor1)
    return [replace(draft, actor1=a.name, inter1=a.inter, fatalities=share + (rest if i == 0 else 0))
            for i, a in enumerate(ordered)]


def split(draft: Draft, places: list[Place], days: list[date | None]) -> list[Draft]:
    """«في حرستا وعربين … مقتل ثمانية»، «ليل السبت واستمرت حتى الأحد»: one event per place and
    day, the toll split evenly, the remainder to the first (codebook)."""
    cells = [(d, p) for d in days for p in places]
    if len(cells) < 2:
        return [replace(draft, place=places[0])] if places else [draft]
    share, rest = divmod(draft.fatalities, len(cells))
    return [replace(draft, event_date=d, place=p, fatalities=share + (rest if i == 0 else 0))
            for i, (d, p) in enumerate(cells)]
