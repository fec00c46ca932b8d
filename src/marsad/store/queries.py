"""Event filters as a frozen dataclass, turned into parameterised SQL.

Only values travel as SQL parameters; the few identifiers that vary (sort
columns) come from a fixed whitelist, never from the caller's text.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import Any

from marsad.model import Event
from marsad.store.schema import EVENT_COLUMNS
from marsad.store.search import fts_query

ORDERINGS: dict[str, str] = {
    "event_date": "e.event_date ASC, e.pk ASC",
    "-event_date": "e.event_date DESC, e.pk DESC",
    "fatalities": "e.fatalities ASC, e.pk ASC",
    "-fatalities": "e.fatalities DESC, e.pk DESC",
    "confidence": "e.confidence ASC, e.pk ASC",
    "-confidence": "e.confidence DESC, e.pk DESC",
}

_EVENT_FIELDS = tuple(f.name for f in fields(Event))


@dataclass(frozen=True)
class EventQuery:
    """Filters over stored events; ``limit <= 0`` means no limit.

    ``actor`` matches (case-insensitively, as a substring) actor1, actor2 or
    either associated actor; ``q`` is a full-text search over the events'
    articles; ``bbox`` is ``(min_lon, min_lat, max_lon, max_lat)``.
    """

    date_from: str | None = None
    date_to: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_confidence: float = 0.0
    q: str | None = None
    limit: int = 100
    offset: int = 0
    order_by: str = "event_date"

    def __post_init__(self) -> None:
        if self.order_by not in ORDERINGS:
            raise ValueError(f"order_by must be one of {sorted(ORDERINGS)}, not {self.order_by!r}")
        if self.offset < 0:
            raise ValueError("offset must be >= 0")


def where_clause(q: EventQuery) -> tuple[str, list[Any]]:
    """``WHERE ...`` (possibly empty) and its parameters for events aliased ``e``."""
    parts: list[str] = []
    params: list[Any] = []
    simple = (
        ("e.event_date >= ?", q.date_from),
        ("e.event_date <= ?", q.date_to),
        ("e.event_type = ?", q.event_type),
        ("e.sub_event_type = ?", q.sub_event_type),
        ("e.country = ?", q.country),
        ("e.admin1 = ?", q.admin1),
    )
    for sql, value in simple:
        if value:
            parts.append(sql)
            params.append(value)
    if q.min_confidence > 0:
        parts.append("e.confidence >= ?")
        params.append(q.min_confidence)
    if q.actor:
        like = "%" + q.actor.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        cols = ("e.actor1", "e.actor2", "e.assoc_actor_1", "e.assoc_actor_2")
        parts.append("(" + " OR ".join(f"{c} LIKE ? ESCAPE '\\'" for c in cols) + ")")
        params.extend([like] * len(cols))
    if q.bbox is not None:
        min_lon, min_lat, max_lon, max_lat = q.bbox
        parts.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
        params.extend([min_lon, max_lon, min_lat, max_lat])
    if q.q:
        match = fts_query(q.q)
        if match is None:
            parts.append("0")
        else:
            parts.append(
                "e.article_pk IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)"
            )
            params.append(match)
    return ("WHERE " + " AND ".join(parts) if parts else ""), params


_SELECT = (
    "SELECT "
    + ", ".join(f"e.{c}" for c in EVENT_COLUMNS)
    + ", e.evidence, a.id AS article_id, a.source AS source, a.url AS url, "
    + "CAST(a.stored_at AS INTEGER) AS timestamp "
    + "FROM events e JOIN articles a ON a.pk = e.article_pk "
)


def select_events(q: EventQuery) -> tuple[str, list[Any]]:
    """The SELECT for :meth:`Store.query_events`, ordered and paginated."""
    where, params = where_clause(q)
    sql = f"{_SELECT}{where} ORDER BY {ORDERINGS[q.order_by]} LIMIT ? OFFSET ?"
    return sql, [*params, q.limit if q.limit > 0 else -1, q.offset]


def count_events_sql(q: EventQuery) -> tuple[str, list[Any]]:
    where, params = where_clause(q)
    return f"SELECT COUNT(*) FROM events e {where}", params


def row_to_event(row: sqlite3.Row) -> dict[str, Any]:
    """A stored event in the extract-contract form plus ``article_id``, ``source``, ``url``, ``timestamp``."""
    out: dict[str, Any] = {
        name: json.loads(row[name]) if name == "evidence" else row[name] for name in _EVENT_FIELDS
    }
    for key in ("article_id", "source", "url", "timestamp"):
        out[key] = row[key]
    return out
