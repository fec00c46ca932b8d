"""What the API needs beyond the store's interface: ingest input and event lookup.

Kept here (not in marsad.store) so the web layer can evolve without touching
the store; each function goes through the public :class:`marsad.store.Store`
methods where they exist.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from fastapi import HTTPException

from marsad.model import Article, event_to_dict

if TYPE_CHECKING:
    from marsad.store import Store
    from marsad.web.app import Stores

_FIELDS = ("id", "text", "title", "url", "published", "source")
MAX_TEXT = 1_000_000


def article_from_input(item: Any, index: int) -> Article:
    """One item of the extract input contract ``{id, text, title?, url?, published?, source?}``."""
    from marsad.ingest.fields import parse_datetime

    where = f"article {index}"
    if not isinstance(item, dict):
        raise HTTPException(400, f"{where}: expected a JSON object")
    unknown = sorted(set(item) - set(_FIELDS))
    if unknown:
        raise HTTPException(400, f"{where}: unknown field(s) {unknown}; allowed: {list(_FIELDS)}")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(400, f"{where}: 'text' must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise HTTPException(400, f"{where}: 'text' longer than {MAX_TEXT} characters")
    for name in ("id", "title", "url", "published", "source"):
        value = item.get(name)
        if value is not None and not isinstance(value, str | int) or isinstance(value, bool):
            raise HTTPException(400, f"{where}: '{name}' must be a string")
    try:
        published = parse_datetime(str(item["published"])) if item.get("published") else None
    except ValueError as exc:
        raise HTTPException(400, f"{where}: 'published': {exc}") from None
    return Article.create(
        text,
        id=str(item.get("id") or ""),
        title=str(item.get("title") or ""),
        url=str(item.get("url") or ""),
        source=str(item.get("source") or ""),
        published=published,
    )


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
