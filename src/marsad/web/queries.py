"""What the API needs beyond the store's interface: analyse-and-store and event lookup.

Kept here (not in marsad.store) so the web layer can evolve without touching
the store; each function goes through the public :class:`marsad.store.Store`
methods where they exist.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from marsad.model import Article, event_to_dict

if TYPE_CHECKING:
    from marsad.store import Store
    from marsad.web.app import Stores


def analyse_and_store(stores: Stores, articles: list[Article]) -> list[dict[str, Any]]:
    """Run the default pipeline on each article, store it, return the analysis."""
    from marsad.pipeline import default_pipeline

    pipeline = default_pipeline()
    store = stores.get()
    results = []
    for article in articles:
        analysed = replace(pipeline.process(article), tokens=(), sentences=())
        status = store.upsert(analysed)
        results.append({"status": status, **analysed.to_dict()})
    return results


def find_event(store: Store, event_id: str) -> tuple[dict[str, Any], Article] | None:
    """The event with this id (extract-contract form) and its article, or None."""
    article_id = store.article_id_of_event(event_id)
    if article_id is None:
        return None
    article = store.get_article(article_id)
    if article is None:
        return None
    for event in article.events:
        if event.event_id == event_id:
            return {**event_to_dict(event, article.text), "article_id": article.id}, article
    return None
