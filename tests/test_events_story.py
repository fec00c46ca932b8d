"""events.draft.Story: what earlier sentences established, read lazily (written examples)."""

from __future__ import annotations

from dataclasses import replace

from marsad.actors.text import words
from marsad.events import where
from marsad.events.draft import Story
from marsad.events.fatalities import count_deaths
from marsad.model import Article, Place, Span


def _place(name: str, start: int, pcode: str) -> Place:
    return Place(start, start + len(name), name, name, name, "Syria", pcode=pcode, feature="city")


def test_the_story_asks_for_the_next_sentences_place_only_when_a_trigger_needs_it() -> None:
    text = "اندلعت اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ في بلدة سراقب."
    nxt = Span(text.index("وقال"), len(text))
    article = replace(Article.create(text), places=(_place("سراقب", text.index("سراقب"), "S"),))
    story = Story(following=nxt)
    assert story.usable is None and not story.elaboration_asked  # nothing read before a trigger asks
    assert story.next_place(article) == where.elaboration_place(article, nxt, story.usable_places(article))
    assert story.next_place(article) == article.places[0] and story.elaboration == article.places[0] and story.elaboration_asked
    assert Story().next_place(article) is None  # the last sentence: no next one


def test_the_last_sentences_toll_is_counted_when_a_draft_asks() -> None:
    text = "وقتل خمسة مدنيين في القصف على البلدة"
    story = Story(told_toll=None, told_words=words(text))
    assert story.toll_told() == count_deaths(words(text)) == 5 and story.told_toll == 5
    story.retold()  # the deaths told again later: no longer the last sentence's
    assert story.toll_told() == 0
    assert Story().toll_told() == 0  # the first sentence: nothing told before
