"""Query-string parameters of the events endpoints, turned into an ``EventQuery``.

One dependency serves /api/events, its .geojson/.csv forms and /api/stats, so
every view of the store is filtered the same way. Bad values raise
:class:`BadRequest`, which the app turns into a 400 with a message.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Annotated, Literal

from fastapi import Depends, Query

from marsad.store.queries import EventQuery

#: The keys of :data:`marsad.store.queries.ORDERINGS`, spelt out because FastAPI
#: validates and documents a Literal (tests/test_web_api.py keeps the two equal).
Sort = Literal[
    "event_date", "-event_date", "fatalities", "-fatalities", "confidence", "-confidence"
]
MAX_PAGE = 1000
MAX_EXPORT = 100_000


class BadRequest(ValueError):
    """A parameter or body the client must fix (HTTP 400)."""


def parse_bbox(value: str | None) -> tuple[float, float, float, float] | None:
    """``minlon,minlat,maxlon,maxlat`` in degrees, each within range and min <= max."""
    if value is None or not value.strip():
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise BadRequest("bbox must be minlon,minlat,maxlon,maxlat (four numbers)")
    try:
        minlon, minlat, maxlon, maxlat = (float(p) for p in parts)
    except ValueError:
        raise BadRequest(f"bbox has a value that is not a number: {value!r}") from None
    if not (-180 <= minlon <= maxlon <= 180 and -90 <= minlat <= maxlat <= 90):
        raise BadRequest("bbox out of range or min > max (lon -180..180, lat -90..90)")
    return (minlon, minlat, maxlon, maxlat)


def parse_date(name: str, value: str | None) -> str | None:
    """An ISO date ``YYYY-MM-DD`` (or None); anything else is the client's error."""
    if value is None or not value.strip():
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise BadRequest(f"{name} must be an ISO date YYYY-MM-DD, got {value!r}") from None


def _text(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def build_query(
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    event_type: str | None = None,
    sub_event_type: str | None = None,
    actor: str | None = None,
    country: str | None = None,
    admin1: str | None = None,
    bbox: str | None = None,
    min_confidence: float = 0.0,
    q: str | None = None,
    limit: int = 100,
    offset: int = 0,
    sort: Sort = "-event_date",
) -> EventQuery:
    """Validate the raw parameters and build the store's query object."""
    start, end = parse_date("date_from", date_from), parse_date("date_to", date_to)
    if start and end and start > end:
        raise BadRequest(f"date_from {start} is after date_to {end}")
    return EventQuery(
        date_from=start,
        date_to=end,
        event_type=_text(event_type),
        sub_event_type=_text(sub_event_type),
        actor=_text(actor),
        country=_text(country),
        admin1=_text(admin1),
        bbox=parse_bbox(bbox),
        min_confidence=min_confidence,
        q=_text(q),
        limit=limit,
        offset=offset,
        order_by=sort,
    )


def filter_params(
    date_from: Annotated[str | None, Query(description="first event date, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(description="last event date, YYYY-MM-DD")] = None,
    event_type: Annotated[str | None, Query(max_length=200)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200, description="substring of an actor")] = None,
    country: Annotated[str | None, Query(max_length=200)] = None,
    admin1: Annotated[str | None, Query(max_length=200)] = None,
    bbox: Annotated[
        str | None, Query(max_length=200, description="minlon,minlat,maxlon,maxlat")
    ] = None,
    min_confidence: Annotated[float, Query(ge=0.0, le=1.0)] = 0.0,
    q: Annotated[str | None, Query(max_length=500, description="full-text query (Arabic)")] = None,
) -> EventQuery:
    """FastAPI dependency: the filters shared by every events view and the stats."""
    return build_query(**locals())


Filters = Annotated[EventQuery, Depends(filter_params)]
Offset = Annotated[int, Query(ge=0)]


def events_params(
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100,
    offset: Offset = 0,
    sort: Sort = "-event_date",
) -> EventQuery:
    """FastAPI dependency: one page of events."""
    return replace(filters, limit=limit, offset=offset, order_by=sort)


def export_params(
    filters: Filters,
    limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT,
    offset: Offset = 0,
    sort: Sort = "-event_date",
) -> EventQuery:
    """FastAPI dependency: as :func:`events_params`, with a larger page for downloads."""
    return replace(filters, limit=limit, offset=offset, order_by=sort)
