"""Pipeline step: code the article's ACLED events."""

from __future__ import annotations

from marsad.events.coder import draft_events
from marsad.events.merge import merge_drafts
from marsad.model import Article


def code_article(article: Article) -> Article:
    """Set ``article.events`` from its sentences, places and actors."""
    return article.evolve(events=tuple(merge_drafts(draft_events(article), article.id)))
