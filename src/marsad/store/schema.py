"""The SQLite schema of the marsad store.

Articles are keyed by their id; child records (entities, places, events,
quotes) point to the article's integer ``pk`` so that replacing an article is
a handful of indexed deletes. ``record_hash`` covers the whole analysed article:
an upsert whose hash matches the stored one writes nothing. The full-text table
``article_fts`` shares its rowid with ``articles.pk``; its documents come folded
(``marsad.store.search``), so its tokenizer is the plain ``ascii`` one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import fields

from marsad.model import Event

SCHEMA_VERSION = 1

#: Event columns stored one-to-one from :class:`marsad.model.Event` (minus evidence).
EVENT_COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Event) if f.name != "evidence")

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL DEFAULT '',
    source TEXT NOT NULL DEFAULT '',
    published TEXT,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    content_hash TEXT NOT NULL DEFAULT '',
    record_hash TEXT NOT NULL,
    error TEXT,
    actors TEXT NOT NULL DEFAULT '[]',
    stored_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    label TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_pk, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS places (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    name_ar TEXT NOT NULL,
    name_en TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    admin3 TEXT NOT NULL,
    pcode TEXT NOT NULL,
    geonames_id INTEGER,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    feature TEXT NOT NULL,
    score REAL NOT NULL,
    PRIMARY KEY (article_pk, seq)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
    pk INTEGER PRIMARY KEY,
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    event_id TEXT NOT NULL,
    event_date TEXT NOT NULL,
    time_precision INTEGER NOT NULL,
    event_type TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1 TEXT NOT NULL,
    assoc_actor_1 TEXT NOT NULL,
    inter1 INTEGER NOT NULL,
    actor2 TEXT NOT NULL,
    assoc_actor_2 TEXT NOT NULL,
    inter2 INTEGER NOT NULL,
    interaction INTEGER NOT NULL,
    civilian_targeting TEXT NOT NULL,
    country TEXT NOT NULL,
    admin1 TEXT NOT NULL,
    admin2 TEXT NOT NULL,
    admin3 TEXT NOT NULL,
    location TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    geo_precision INTEGER NOT NULL,
    fatalities INTEGER NOT NULL,
    notes TEXT NOT NULL,
    pcode TEXT NOT NULL,
    geonames_id INTEGER,
    plover_type TEXT NOT NULL,
    plover_mode TEXT NOT NULL,
    confidence REAL NOT NULL,
    evidence TEXT NOT NULL,
    UNIQUE (article_pk, seq)
);
CREATE TABLE IF NOT EXISTS quotes (
    article_pk INTEGER NOT NULL REFERENCES articles(pk) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT NOT NULL,
    kind TEXT NOT NULL,
    speaker_start INTEGER NOT NULL,
    speaker_end INTEGER NOT NULL,
    actor TEXT NOT NULL,
    cue TEXT NOT NULL,
    PRIMARY KEY (article_pk, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS article_fts USING fts5(
    doc, tokenize = 'ascii'
);
"""

_INDEXES = """
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS events_event_id ON events(event_id);
CREATE INDEX IF NOT EXISTS events_date ON events(event_date);
CREATE INDEX IF NOT EXISTS events_type ON events(event_type, sub_event_type);
CREATE INDEX IF NOT EXISTS events_admin1 ON events(admin1);
CREATE INDEX IF NOT EXISTS events_country ON events(country);
CREATE INDEX IF NOT EXISTS events_confidence ON events(confidence);
CREATE INDEX IF NOT EXISTS events_fatalities ON events(fatalities);
CREATE INDEX IF NOT EXISTS events_latlon ON events(latitude, longitude);
CREATE INDEX IF NOT EXISTS events_actor1 ON events(actor1);
CREATE INDEX IF NOT EXISTS events_actor2 ON events(actor2);
"""


#: FTS5 merges a level's segments once it holds 16 of them, not 4. Each transaction (a
#: batch) writes a segment, and a document's entries are rewritten at each level above:
#: ~log4(N/64) times with 4 (4-5 over ant2018_all), half as many with 16. Indexing its
#: 31,523 documents took 0.19 against 0.23-0.25 ms of CPU each; a search ~5% more (more
#: segments to read). A setting of the table, kept in the file: set once, in a new store.
_FTS_AUTOMERGE = "INSERT INTO article_fts (article_fts, rank) VALUES ('automerge', 16)"


def connect(path: str) -> sqlite3.Connection:
    """Open (creating if needed) a store database with the pragmas marsad relies on.

    File databases use WAL so that readers (the web server) never block the
    single writer; ``synchronous=NORMAL`` is durable enough under WAL and keeps
    per-article commits cheap.
    """
    conn = sqlite3.connect(path, check_same_thread=False)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if path != ":memory:" and not path.startswith("file::memory:"):
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
    create_schema(conn)
    return conn


def create_schema(conn: sqlite3.Connection) -> None:
    """Create tables and indexes if absent and check the schema version."""
    with conn:
        conn.executescript(_TABLES + _INDEXES)
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )
            conn.execute(_FTS_AUTOMERGE)
        elif int(row[0]) != SCHEMA_VERSION:
            raise ValueError(
                f"store schema version {row[0]} is not {SCHEMA_VERSION}; re-run into a new --db"
            )
