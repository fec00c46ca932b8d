"""A definite trigger noun («الغارة»، «الضربات»، «القصف») with no day of its own: a toll update for
the event just coded, a restatement of it, a recall («بعد …»), or the news itself (an article's lead,
or a strike an earlier sentence told but could not place). Split from ``events.hit``; it reads the
trigger's sentence and what earlier trigger sentences left in the ``Story``.
"""

from __future__ import annotations

from dataclasses import replace

from marsad.actors.text import variants
from marsad.events import spans
from marsad.events.draft import REMOTE, Story, Words
from marsad.events.subtypes import REMOTE_SUBS
from marsad.events.triggers import TriggerHit
from marsad.model import Article


def lead_report(article: Article, toks: Words, lo: int, hi: int, hit: TriggerHit, story: Story) -> bool:
    """«أفادت مصادر في مدينة نوى بخروج المشفى عن الخدمة نتيجة القصف المكثف لقوات النظام على
    المدينة»: a definite strike noun in the article's first sentence, with its attacker and
    place, reports the news (nothing earlier for it to refer back to)."""
    if story.last is not None or toks[0][0] > len(article.title) + 2 or hit.definition.strength < 2:
        return False
    start, end = toks[lo][0], toks[hi - 1][1]
    armed = any(start <= a.start and a.end <= end and a.actor_type != "civilians" for a in article.actors)
    return armed and has_place(article, toks, lo, hi)


def first_placed_strike(article: Article, toks: Words, lo: int, hi: int, hit: TriggerHit, story: Story) -> bool:
    """«شنت الولايات المتحدة وبريطانيا وفرنسا، السبت، ضربات على أهداف للنظام. وقالت سانا إن الضربات
    استهدفت مركز البحوث في برزة»: a strike an earlier sentence told but could not place, placed by a
    definite restatement before any event was coded, is the news (it takes the earlier day)."""
    if story.last is not None or story.unplaced is None or hit.definition.sub_event_type not in REMOTE | REMOTE_SUBS:
        return False
    verb = next((k for k in range(hit.first + 1, min(hi, hit.last + 4))
                 if toks[k][2].removeprefix("و").startswith(_HIT_VERBS)), None)  # «الضربات استهدفت …»
    return verb is not None and has_place(article, toks, verb, hi)


_HIT_VERBS = ("استهدف", "طال", "اصاب", "ضرب", "دمر")


def has_place(article: Article, toks: Words, lo: int, hi: int) -> bool:
    start, end = toks[lo][0], toks[hi - 1][1]
    return any(p.feature != "country" for p in spans.starting_in(article.places, start, end - 1))


def add_toll(story: Story, hit: TriggerHit, toll: int) -> None:
    """«وأسفرت الغارة عن مقتل 14»: a toll sentence about the event just coded."""
    last = story.last
    if last is None or hit.definition.sub_event_type not in (REMOTE | {last.sub_event_type}):
        return
    if not (last.sub_event_type in REMOTE or last.sub_event_type == hit.definition.sub_event_type):
        return
    group = story.group if any(d is last for d in story.group) else [last]
    share, rest = divmod(toll, len(group))  # a toll over an event split by place or day is split too
    for i, d in enumerate(group):
        new = replace(d, fatalities=max(d.fatalities, share + (rest if i == 0 else 0)))
        story.tolls.append((d, new))
        if d is last:
            story.last = new


def after_ba3d(toks: Words, lo: int, first: int) -> bool:
    """«بعد حصار طويل وقصف عنيف»، «بعد أن أقدم الجهاديون على قطع رأس …»: a nominal trigger after
    «بعد» (or in a «بعد أن» clause) recalls what came before."""
    if any("بعد" in variants(w) for _, _, w in toks[max(lo, first - 3) : first]):
        return True
    window = [w for _, _, w in toks[max(lo, first - 6) : first]]
    return any(a.removeprefix("و") == "بعد" and b == "ان" for a, b in zip(window, window[1:], strict=False))
