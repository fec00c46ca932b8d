"""The /api routes: events (JSON, GeoJSON, ACLED CSV), articles, search, stats, ingest.

Route functions are plain ``def`` so FastAPI runs them in its thread pool, each
thread with its own store (see :class:`marsad.web.app.Stores`).
"""

from __future__ import annotations

import hmac
import io
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import Response

from marsad.contract import ContractError, loads, read_article
from marsad.model import Article
from marsad.store.queries import EventQuery
from marsad.web import queries
from marsad.web.params import events_params, export_params, filter_params

if TYPE_CHECKING:
    from marsad.store import Store

router = APIRouter()
Page = Annotated[EventQuery, Depends(events_params)]
Export = Annotated[EventQuery, Depends(export_params)]
Filtered = Annotated[EventQuery, Depends(filter_params)]
MAX_POST_ARTICLES = 100
Id = Annotated[str, Path(min_length=1, max_length=2000)]


def _store(request: Request) -> Store:
    store: Store = request.app.state.stores.get()
    return store


def _export(store: Store, query: EventQuery, fmt: str) -> str:
    from marsad.store.exports import write_export

    buffer = io.StringIO()
    write_export(store.iter_events(query), fmt, buffer)
    return buffer.getvalue()


@router.get("/events", summary="Events matching the filters, one page")
def list_events(request: Request, query: Page) -> dict[str, Any]:
    store = _store(request)
    events = store.query_events(query)
    return {
        "total": store.count_events(query),
        "limit": query.limit,
        "offset": query.offset,
        "events": events,
    }


@router.get("/events.geojson", summary="The same query as GeoJSON points")
def events_geojson(request: Request, query: Export) -> Response:
    body = _export(_store(request), query, "geojson")
    return Response(body, media_type="application/geo+json")


@router.get("/events.csv", summary="The same query as ACLED CSV")
def events_csv(request: Request, query: Export) -> Response:
    body = _export(_store(request), query, "acled-csv")
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="marsad-events.csv"'},
    )


@router.get("/events/{event_id}", summary="One event, its evidence and its article")
def get_event(request: Request, event_id: Id) -> dict[str, Any]:
    store = _store(request)
    found = queries.find_event(store, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    event, article = found
    return {
        "event": event,
        "article": {
            "id": article.id,
            "title": article.title,
            "url": article.url,
            "source": article.source,
            "published": article.published.isoformat() if article.published else None,
        },
    }


@router.get("/articles/{article_id}", summary="One article: text and every span")
def get_article(request: Request, article_id: Id) -> dict[str, Any]:
    article = _store(request).get_article(article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return article.to_dict()


@router.get("/search", summary="Full-text search over articles (normalised Arabic)")
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> dict[str, Any]:
    if not q.strip():
        raise HTTPException(400, "q is empty")
    return {"q": q, "results": _store(request).search_articles(q.strip(), limit=limit)}


@router.get("/stats", summary="Counts by day, event type, admin1 and actor")
def stats(request: Request, query: Filtered) -> dict[str, Any]:
    return _store(request).stats(query)


def _check_token(request: Request) -> None:
    """401 without a matching bearer token; 403 when the operator configured none."""
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(
            403, "writes are disabled: start the server with --token or MARSAD_API_TOKEN"
        )
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), expected.encode()
    ):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


def _read(item: Any, index: int) -> Article:
    """One item of the body, read by the extract contract's validator (400 if it breaks it)."""
    try:
        return read_article(item)
    except ContractError as exc:
        raise HTTPException(400, f"article {index}: {exc}") from None


@router.post("/articles", summary="Analyse and store one article or a list (needs a token)")
async def post_articles(request: Request) -> Any:
    _check_token(request)
    try:
        body = loads(await request.body())
    except ContractError as exc:
        raise HTTPException(400, f"body: {exc}") from None
    items = body if isinstance(body, list) else [body]
    if not items or len(items) > MAX_POST_ARTICLES:
        raise HTTPException(400, f"send 1 to {MAX_POST_ARTICLES} articles per request")
    articles = [_read(item, i) for i, item in enumerate(items)]
    from starlette.concurrency import run_in_threadpool

    state = request.app.state
    results = await run_in_threadpool(
        queries.analyse_and_store, state.stores, articles, state.entity_scope
    )
    return results if isinstance(body, list) else results[0]
