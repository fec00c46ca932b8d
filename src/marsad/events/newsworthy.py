"""The filters that drop a trigger whose clause reports no event of these days.

Each filter is named and kept in :data:`NEWS_FILTERS`, in the order they are tried, so that
``scripts/events_trace.py`` can switch one off at a time and count, pooled over the dev
sets, the true and the false events it removes (a filter that removes as many of one as of
the other is not earning its place). The clause-level ones (unreal, background) are in
``events.context``; the trigger-level ones (figurative, adjectival) in ``events.trigger_filters``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from marsad.actors.kb import by_name, country_name
from marsad.events import asides, restated, roles, timeframe
from marsad.events.dates import age
from marsad.events.draft import REMOTE, Draft, Story, Words
from marsad.events.fatalities import count_deaths
from marsad.events.subtypes import REMOTE_SUBS, percent_after, supported
from marsad.events.trigger_lexicon import TERRITORY
from marsad.events.triggers import TriggerHit
from marsad.model import Article

if TYPE_CHECKING:
    from marsad.events.hit import Clause

NewsFilter = Callable[[Article, Words, TriggerHit, "Clause", "datetime | None", Story], bool]


def _restated_toll(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
                   story: Story) -> bool:
    """«الهجوم أسفر عن مقتل 5» with no day or place of its own: the toll of an event told
    before (added to it)."""
    lo, hi = cl.lo, cl.hi
    if not hit.definite or hit.definition.verbal or cl.day_dates:
        return False
    toll = count_deaths(toks[lo:hi])
    if toll is None or restated.has_place(article, toks, lo, hi):
        return False
    if not _other_party(article, toks, lo, hi, hit, story.last):
        restated.add_toll(story, hit, toll)
    return True


def _restated(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
              story: Story) -> bool:
    """«الغارات» with no day or toll, neither leading the report nor placed: a reference back."""
    lo, hi = cl.lo, cl.hi
    if not hit.definite or hit.definition.verbal or cl.day_dates or count_deaths(toks[lo:hi]) is not None:
        return False
    if hit.definition.sub_event_type == TERRITORY:
        return False  # «أعلن الجيش السيطرة على …»: a capture noun is coded only after its verb (unsupported)
    return not restated.lead_report(article, toks, lo, hi, hit, story) and \
        not restated.first_placed_strike(article, toks, lo, hi, hit, story)


def _unsupported(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
                 story: Story) -> bool:
    """A weak noun cue («هجوم») with nothing in its clause that makes it an event."""
    return hit.definition.strength == 1 and not hit.definition.verbal and not supported(toks[cl.lo : cl.hi], hit)


def _percent(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """«يسيطر على 60 في المئة»: a share of territory held, not a take-over."""
    return hit.definition.sub_event_type == TERRITORY and percent_after(toks, hit.last)


def _depicted(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
              story: Story) -> bool:
    """What a video shows, or the name of an operation, is not the report of an event."""
    return asides.depicted(toks, cl.lo, hit.first) or asides.operation_name(article.text, toks, hit.first)


def _caption(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """A picture's caption, strikes counted («مرتين») or intensified («كثف غاراته»), undated."""
    return not cl.day_dates and (asides.caption_or_repeat(toks, cl.lo, hit.last, cl.hi)
                                 or asides.intensified(toks, cl.lo, hit.first))


def _tactics(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """«وتفجيرات ضخمة رافقت الهجوم»، «تحت غطاء من القصف»: the battle's own tactics."""
    return hit.definition.sub_event_type in REMOTE_SUBS | REMOTE and (
        asides.accompanies_fight(toks, hit.last, cl.hi) or asides.under_cover(toks, hit.first))


def _setting(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """«وسط معارك لا يبدو أنها ستنتهي»: the setting, not an event; so are the confrontations during
    which people were shot («مقتل 6 فلسطينيين برصاص الجيش … خلال مواجهات»): the shooting is the event."""
    if hit.first > 0 and toks[hit.first - 1][2] == "وسط" and not cl.clause_dates:
        return True
    return asides.shot_during(toks, hit.first) and hit.definition.words[0].startswith(("مواجه", "اشتباك"))


def _recalled(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
              story: Story) -> bool:
    """«في 14 أبريل من عام 2001»، «قبل نحو شهر»، «قال حينها»، «عندما سيطرت»، «سيطر … أربع سنوات»: an old
    event recalled."""
    year = published.year if published else 0  # unknown: no year is known to be past
    day_dates = [d for d in cl.day_dates if not any(a <= d.start < b and asides.that_time(toks, k)
                                                     for k, (a, b, _) in enumerate(toks))]
    return timeframe.long_ago(toks, cl.lo, hit.first, cl.hi, year) or not day_dates and (
        asides.recalled_then(toks, cl.lo, hit.first, cl.hi) or asides.when_or_how_long(toks, cl.lo, hit.first,
                                                                                   hit.last, cl.seg_hi))


def _recap(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
           story: Story) -> bool:
    """«الهجوم الكيماوي الذي وقع قبل أسبوع»، «… في وقت سابق، حيث قتل زعيمها في غارة قبل أسبوع»: days a week
    or more back, each given the way a recap gives it, name the event as a reference point (background),
    as the undated recaps the other filters drop."""
    days = cl.day_dates
    return bool(days) and all(age(d.date, published) <= -timeframe.RECAP_DAYS
                              and timeframe.recap_frame(toks, cl.lo, hit.first, hit.last, d.start) for d in days)


def _claimed(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """«وتقول جماعات حقوقية إن …» with no date in the sentence: a standing claim, no news."""
    return not cl.dates and asides.says_now(toks, hit.first)


def _state_of_affairs(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
                      story: Story) -> bool:
    """«فيما تستمر الغارات»، «عام 2012 لقيت حتفها في قصف»: no event of these days."""
    year = published.year if published else 0
    return not cl.day_dates and (asides.present_state(toks, cl.lo, hit.first)
                                 or timeframe.old_year(toks, cl.lo, cl.hi, year))


def _trend(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
           story: Story) -> bool:
    """Undated strikes «in recent weeks» or «since» a day: a trend, not one event."""
    if cl.clause_dates:
        return False
    return timeframe.has_trend(toks, 0, hit.first) or timeframe.has_trend(toks, cl.lo, cl.hi) or \
        timeframe.open_ended_since(toks, cl.lo, cl.hi)


def _period(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
            story: Story) -> bool:
    """A tally «since» a day or «during» a period, dated or not."""
    return timeframe.open_ended_since(toks, hit.last + 1, cl.hi) or \
        timeframe.period_summary(toks, cl.lo, cl.hi, bool(cl.clause_dates))


def _after(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
           story: Story) -> bool:
    """«… بعد قصف عنيف خلف قتلى» recalls; «قتل 100 … بعد غارات» reports; a day before the «بعد»
    phrase («أعلنت قسد، اليوم الأحد، … بعد أن أقدم الجهاديون على …») dates the verb, not the act."""
    return not hit.definition.verbal and restated.after_ba3d(toks, cl.lo, hit.first) \
        and not any(d.start >= hit.end for d in cl.day_dates) and count_deaths(toks[cl.lo : hit.first]) is None


#: The filters in the order they are tried (the first that fires drops the trigger).
NEWS_FILTERS: tuple[tuple[str, NewsFilter], ...] = (
    ("restated-toll", _restated_toll),
    ("restated", _restated),
    ("unsupported", _unsupported),
    ("percent", _percent),
    ("depicted", _depicted),
    ("caption", _caption),
    ("tactics", _tactics),
    ("setting", _setting),
    ("recalled", _recalled),
    ("recap", _recap),
    ("claimed", _claimed),
    ("state", _state_of_affairs),
    ("trend", _trend),
    ("period", _period),
    ("after", _after),
)


def not_news(article: Article, toks: Words, hit: TriggerHit, cl: Clause, published: datetime | None,
             story: Story) -> bool:
    """Whether one of :data:`NEWS_FILTERS` drops the trigger: a toll update, an unsupported weak
    cue, a trend, a depiction, a setting, an old or ongoing state of affairs, a recalled attack."""
    return any(f(article, toks, hit, cl, published, story) for _, f in NEWS_FILTERS)


def _other_party(article: Article, toks: Words, lo: int, hi: int, hit: TriggerHit, last: Draft | None) -> bool:
    """A toll sentence that names another attacker (an actor, or a country other than the last
    event's and its attacker's) is about another attack, not the last event's toll."""
    if last is None:
        return False
    start, end = toks[lo][0], toks[hi - 1][1]
    agent, _ = roles.pick_actors(article.actors, toks, start, end, hit.start)
    if agent is not None and agent.name not in (last.actor1, last.actor2) and agent.actor_type != "civilians":
        kb = by_name(agent.name)
        return kb is None or kb.name not in (last.actor1, last.actor2) and not last.actor1.startswith(kb.name)
    adjective, _ = roles.nationality_actors(toks, lo, hi, country_name(last.place.country) or "Syria")
    if adjective is not None and adjective.name != last.actor1:
        return True  # «الضربات الإسرائيلية أسفرت عن مقتل 23» after Iran's rockets: Israel's strikes' toll
    known = {last.place.country} | {a.country for a in article.actors if a.name == last.actor1}
    return any(p.feature == "country" and start <= p.start < end and p.country not in known for p in article.places)
