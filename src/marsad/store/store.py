"""The SQLite store: idempotent article upserts and event queries.

One writer (the main process) calls :meth:`Store.upsert`; any number of
readers may open the same file (WAL). An article whose analysed record is
byte-for-byte what is stored is left untouched; a changed one has all its old
child records replaced inside one transaction.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import fields
from datetime import datetime
from operator import attrgetter
from typing import Any

from marsad.model import Actor, Article, Entity, Event, Place, Quote, Span, content_hash
from marsad.store import queries
from marsad.store.queries import EventQuery
from marsad.store.schema import EVENT_COLUMNS, connect
from marsad.store.search import fts_document, fts_query

_ENTITY_COLS = tuple(f.name for f in fields(Entity))
_PLACE_COLS = tuple(f.name for f in fields(Place))
_QUOTE_COLS = tuple(f.name for f in fields(Quote))


def _cols(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _insert_sql(table: str, names: tuple[str, ...]) -> str:
    return (
        f"INSERT INTO {table} (article_pk, seq, {_cols(names)}) VALUES (?, ?{', ?' * len(names)})"
    )


_SQL_ENTITY = _insert_sql("entities", _ENTITY_COLS)
_SQL_PLACE = _insert_sql("places", _PLACE_COLS)
_SQL_QUOTE = _insert_sql("quotes", _QUOTE_COLS)
_SQL_EVENT = _insert_sql("events", (*EVENT_COLUMNS, "evidence"))
_SQL_FTS = "INSERT INTO article_fts (rowid, doc) VALUES (?, ?)"
_ARTICLE_COLS = (
    "url", "source", "published", "title", "text", "language",
    "content_hash", "record_hash", "error", "actors", "stored_at",
)  # fmt: skip


_HASHED = tuple(f.name for f in fields(Article) if f.name not in ("tokens", "sentences"))
_ACTOR_COLS = tuple(f.name for f in fields(Actor))
#: Field values of a record as one tuple, in declaration order (C speed, no per-field Python).
_VALUES = {
    name: attrgetter(*(f.name for f in fields(cls)))
    for name, cls in (("entities", Entity), ("places", Place), ("actors", Actor), ("quotes", Quote))
}
_ARTICLE_VALUES = attrgetter(*_HASHED)
#: An event's values without its evidence spans, which are records themselves.
_EVENT_VALUES = attrgetter(*(f.name for f in fields(Event) if f.name != "evidence"))
_SPAN_VALUES = attrgetter("start", "end")


def record_hash(article: Article) -> str:
    """Hash of everything the store keeps about an article (text and analysis).

    The values go through ``marshal`` format 2 as nested tuples of str/int/float/None
    (spans as pairs, the date in ISO form): a third of the CPU of their ``repr``, which
    formats every float and escapes every string. Format 2 writes no back-references, so
    equal values give equal bytes whatever objects they share, in any process. A value
    marshal does not take (a subclass of a built-in type) is made its plain built-in value
    first (:func:`_built_in`), so it hashes as an equal plain value does. Digests made before
    1 Dec 2026 hashed the ``repr``: a re-run over such a store replaces each article once.
    """
    values = _plain_values(article)
    try:
        data = marshal.dumps(values, 2)
    except ValueError:
        data = marshal.dumps(_built_in(values), 2)
    return hashlib.sha1(data).hexdigest()


def _built_in(value: Any) -> Any:
    """``value`` with every nested str/int/float subclass made its base type (others as repr)."""
    if isinstance(value, tuple):
        return tuple(map(_built_in, value))
    if value is None or type(value) in (str, int, float, bool):
        return value
    for base in (int, float, str):  # bool cannot be subclassed
        if isinstance(value, base):
            return base(value)
    return repr(value)


def _plain_values(article: Article) -> tuple[Any, ...]:
    """The hashed fields of an article as nested tuples of built-in values."""
    out: list[Any] = []
    for name, value in zip(_HASHED, _ARTICLE_VALUES(article), strict=True):
        if name == "events":
            value = tuple((*_EVENT_VALUES(e), tuple(map(_SPAN_VALUES, e.evidence))) for e in value)
        elif name in _VALUES:
            value = tuple(map(_VALUES[name], value))
        elif name == "published" and value is not None:
            value = value.isoformat()
        out.append(value)
    return tuple(out)


class Store:
    """A marsad database (``":memory:"`` for tests and one-off runs)."""

    def __init__(self, path: str = ":memory:") -> None:
        self.path = path
        self._conn = connect(path)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    # -- writing -------------------------------------------------------------

    def upsert(self, article: Article) -> str:
        """Store one article: "inserted", "unchanged" (nothing written) or "replaced"."""
        return self.upsert_many([article])[0]

    def upsert_many(self, articles: Iterable[Article]) -> list[str]:
        """Upsert a batch in one transaction, each article's status in order.

        Cheaper than one upsert per article: one look-up of the stored hashes and one
        ``executemany`` per child table for the whole batch (the same rows, in the same
        order, as article by article).
        """
        batch = list(articles)
        with self._conn:
            stored = self._stored(dict.fromkeys(a.id for a in batch))
            rows = _ChildRows()
            statuses = [self._upsert(article, stored, rows) for article in batch]
            rows.write(self._conn)
        return statuses

    def _stored(self, ids: Iterable[str]) -> dict[str, tuple[int, str]]:
        """id -> (pk, record_hash) of the stored articles among ``ids``."""
        keys = list(ids)
        found: dict[str, tuple[int, str]] = {}
        for i in range(0, len(keys), 500):  # within SQLite's limit on parameters
            chunk = keys[i : i + 500]
            marks = ", ".join("?" * len(chunk))
            for id_, pk, digest in self._conn.execute(
                f"SELECT id, pk, record_hash FROM articles WHERE id IN ({marks})", chunk
            ):
                found[id_] = (int(pk), digest)
        return found

    def _upsert(
        self, article: Article, stored: dict[str, tuple[int, str]], rows: _ChildRows
    ) -> str:
        digest = record_hash(article)
        old = stored.get(article.id)
        if old is not None and old[1] == digest:
            return "unchanged"
        values = _article_values(article, digest)
        if old is None:
            cur = self._conn.execute(
                f"INSERT INTO articles (id, {_cols(_ARTICLE_COLS)}) "
                f"VALUES (?{', ?' * len(_ARTICLE_COLS)})",
                (article.id, *values),
            )
            pk = int(cur.lastrowid or 0)
            status = "inserted"
        else:
            pk = old[0]
            rows.write(self._conn)  # the old children may still be waiting in this batch
            self._delete_children(pk)
            assignments = ", ".join(f'"{c}" = ?' for c in _ARTICLE_COLS)
            self._conn.execute(f"UPDATE articles SET {assignments} WHERE pk = ?", (*values, pk))
            status = "replaced"
        stored[article.id] = (pk, digest)
        rows.add(pk, article)
        return status

    def _delete_children(self, pk: int) -> None:
        for table in ("entities", "places", "events", "quotes"):
            self._conn.execute(f"DELETE FROM {table} WHERE article_pk = ?", (pk,))
        self._conn.execute("DELETE FROM article_fts WHERE rowid = ?", (pk,))

    # -- reading -------------------------------------------------------------

    def article_id_of_event(self, event_id: str) -> str | None:
        """The id of the article an event was coded from, or None."""
        row = self._conn.execute(
            "SELECT a.id FROM events e JOIN articles a ON a.pk = e.article_pk "
            "WHERE e.event_id = ? ORDER BY e.pk LIMIT 1",
            (event_id,),
        ).fetchone()
        return str(row[0]) if row else None

    def get_article(self, id: str) -> Article | None:
        """The stored article with its entities, places, actors, events and quotes."""
        row = self._conn.execute("SELECT * FROM articles WHERE id = ?", (id,)).fetchone()
        if row is None:
            return None
        pk = row["pk"]

        def children(table: str) -> list[Any]:
            return self._conn.execute(
                f"SELECT * FROM {table} WHERE article_pk = ? ORDER BY seq", (pk,)
            ).fetchall()

        return Article(
            id=row["id"],
            text=row["text"],
            title=row["title"],
            url=row["url"],
            source=row["source"],
            published=datetime.fromisoformat(row["published"]) if row["published"] else None,
            language=row["language"],
            content_hash=row["content_hash"],
            entities=tuple(Entity(**{c: r[c] for c in _ENTITY_COLS}) for r in children("entities")),
            places=tuple(Place(**{c: r[c] for c in _PLACE_COLS}) for r in children("places")),
            actors=tuple(Actor(**a) for a in json.loads(row["actors"])),
            events=tuple(_row_event(r) for r in children("events")),
            quotes=tuple(Quote(**{c: r[c] for c in _QUOTE_COLS}) for r in children("quotes")),
            error=row["error"],
        )

    def iter_events(self, q: EventQuery) -> Iterator[dict[str, Any]]:
        """Stream matching events (for exports of any size)."""
        sql, params = queries.select_events(q)
        for row in self._conn.execute(sql, params):
            yield queries.row_to_event(row)

    def query_events(self, q: EventQuery) -> list[dict[str, Any]]:
        """Matching events in the extract-contract form plus ``article_id``."""
        return list(self.iter_events(q))

    def count_events(self, q: EventQuery) -> int:
        sql, params = queries.count_events_sql(q)
        return int(self._conn.execute(sql, params).fetchone()[0])

    def search_articles(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Articles whose normalised title/text hold every word of ``text``, best first."""
        match = fts_query(text)
        if match is None:
            return []
        rows = self._conn.execute(
            "SELECT a.id, a.title, a.url, a.source, a.published, a.error, "
            "(SELECT COUNT(*) FROM events e WHERE e.article_pk = a.pk) AS n_events "
            "FROM article_fts f JOIN articles a ON a.pk = f.rowid "
            "WHERE article_fts MATCH ? ORDER BY f.rank LIMIT ?",
            (match, limit),
        ).fetchall()
        return [dict(r) for r in rows]

    def stats(self, q: EventQuery | None = None) -> dict[str, Any]:
        """Counts of articles and events, events by day, type, admin1 and actor (top 20)."""
        where, params = queries.where_clause(q or EventQuery())
        conn = self._conn

        def grouped(expr: str, order: str, limit: int = -1) -> dict[str, int]:
            rows = conn.execute(
                f"SELECT {expr} AS k, COUNT(*) AS n FROM events e {where} "
                f"GROUP BY k ORDER BY {order} LIMIT ?",
                (*params, limit),
            )
            return {str(k): int(n) for k, n in rows}

        actor_rows = conn.execute(
            "SELECT actor, COUNT(*) AS n FROM ("
            f"SELECT e.actor1 AS actor FROM events e {where} UNION ALL "
            f"SELECT e.actor2 AS actor FROM events e {where}"
            ") WHERE actor != '' GROUP BY actor ORDER BY n DESC, actor LIMIT 20",
            (*params, *params),
        )
        articles, failed = conn.execute("SELECT COUNT(*), COUNT(error) FROM articles").fetchone()
        return {
            "articles": int(articles),
            "failed": int(failed),
            "events": self.count_events(q or EventQuery()),
            "by_day": grouped("e.event_date", "k"),
            "by_event_type": grouped("e.event_type", "n DESC, k"),
            "by_admin1": grouped("e.admin1", "n DESC, k"),
            "by_actor": {str(k): int(n) for k, n in actor_rows},
        }


def _event_row(pk: int, seq: int, event: Event, text: str) -> tuple[Any, ...]:
    evidence = json.dumps([s.evidence(text) for s in event.evidence], ensure_ascii=False)
    return (pk, seq, *(getattr(event, c) for c in EVENT_COLUMNS), evidence)


def _row_event(row: Any) -> Event:
    values = {c: row[c] for c in EVENT_COLUMNS}
    spans = tuple(Span(s["start"], s["end"]) for s in json.loads(row["evidence"]))
    return Event(**values, evidence=spans)


def _article_values(article: Article, digest: str) -> tuple[Any, ...]:
    """The ``articles`` row of an article, in :data:`_ARTICLE_COLS` order."""
    return (
        article.url,
        article.source,
        article.published.isoformat() if article.published else None,
        article.title,
        article.text,
        article.language,
        article.content_hash or content_hash(article.text),
        digest,
        article.error,
        json.dumps(
            [{c: getattr(a, c) for c in _ACTOR_COLS} for a in article.actors], ensure_ascii=False
        ),
        time.time(),
    )


class _ChildRows:
    """The child rows and FTS documents of a batch's articles, written together."""

    def __init__(self) -> None:
        self.entities: list[tuple[Any, ...]] = []
        self.places: list[tuple[Any, ...]] = []
        self.quotes: list[tuple[Any, ...]] = []
        self.events: list[tuple[Any, ...]] = []
        self.fts: list[tuple[int, str]] = []

    def add(self, pk: int, article: Article) -> None:
        for name in ("entities", "places", "quotes"):
            values = _VALUES[name]
            rows = getattr(article, name)
            getattr(self, name).extend((pk, i, *values(r)) for i, r in enumerate(rows))
        self.events.extend(_event_row(pk, i, e, article.text) for i, e in enumerate(article.events))
        self.fts.append((pk, fts_document(article.title, article.text)))

    def write(self, conn: sqlite3.Connection) -> None:
        """Insert what is waiting, then forget it."""
        for sql, rows in (
            (_SQL_ENTITY, self.entities),
            (_SQL_PLACE, self.places),
            (_SQL_QUOTE, self.quotes),
            (_SQL_EVENT, self.events),
            (_SQL_FTS, self.fts),
        ):
            if rows:
                conn.executemany(sql, rows)
                rows.clear()
