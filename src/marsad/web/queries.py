"""What the API needs beyond the store's interface: analyse-and-store and event lookup.

Kept here (not in marsad.store) so the web layer can evolve without touching
the store; each function goes through the public :class:`marsad.store.Store`
methods where they exist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.model import Article, event_to_dict
from marsad.settings import DEFAULT_ENTITY_SCOPE, EntityScope

if TYPE_CHECKING:
    from marsad.store import Store
    from marsad.web.app import Stores


def analyse_and_store(
    stores: Stores, articles: list[Article], entity_scope: EntityScope = DEFAULT_ENTITY_SCOPE
) -> list[dict[str, Any]]:
    """Run the default pipeline (entities of ``entity_scope``) on each article, store it,
    return the analysis.

    The same path as ``marsad run`` with one worker (:func:`run_local`, :func:`store_stream`).
    """
    from marsad.engines.local import run_local, store_stream
    from marsad.pipeline import default_pipeline

    analysed = run_local(articles, workers=1, pipeline=default_pipeline(entity_scope))
    return [{"status": status, **a.to_dict()} for a, status in store_stream(analysed, stores.get())]


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
