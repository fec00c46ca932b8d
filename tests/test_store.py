"""The SQLite store: idempotent upserts, replacement, failed articles, queries, search."""

from __future__ import annotations

import json
import pickle
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from marsad.model import Actor, Article, Entity, Event, Place, Quote, Span
from marsad.store import EventQuery, Store
from marsad.store.store import record_hash

# Sentences written for these tests, in news style.
TEXT_A = (
    "قصفت طائرات حربية بلدة خان شيخون بإدلب صباح الاثنين، ما أدى إلى مقتل ثلاثة مدنيين. "
    'وقال مدير الدفاع المدني إن "فرق الإنقاذ ما زالت تبحث عن ناجين".'
)
TEXT_B = (
    "اندلعت اشتباكات عنيفة بين فصائل معارضة وقوات النظام قرب مدينة حماة مساء الأحد، وسط قصف متبادل."
)


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def sample_article(
    text: str = TEXT_A, id: str = "a1", event_type: str = "Explosions/Remote violence"
) -> Article:
    """A hand-built analysed article with one of everything."""
    town = _span(text, "خان شيخون") if "خان شيخون" in text else _span(text, "حماة")
    event = Event(
        event_id=f"SYR-{id}-1",
        event_date="2019-05-06",
        time_precision=1,
        event_type=event_type,
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Syria (2000-)",
        inter1=1,
        actor2="Civilians (Syria)",
        inter2=7,
        interaction=17,
        civilian_targeting="Civilian targeting",
        country="Syria",
        admin1="Idleb",
        admin2="Maarrat An Nu'man",
        location="Khan Shaykhun",
        latitude=35.4417,
        longitude=36.6486,
        fatalities=3,
        notes="Air strikes on Khan Shaykhun killed three civilians.",
        pcode="C4101",
        evidence=(Span(0, text.index("،")),),
        confidence=0.8,
    )
    return Article(
        id=id,
        text=text,
        title=f"تقرير ميداني {id}",
        url=f"https://example.org/{id}",
        source="Example News",
        published=datetime(2019, 5, 6, 9, 30, tzinfo=UTC),
        language="ar",
        content_hash="h-" + id,
        entities=(Entity(town.start, town.end, town.text_of(text), "LOC", 0.9),),
        places=(
            Place(
                town.start,
                town.end,
                town.text_of(text),
                "خان شيخون",
                "Khan Shaykhun",
                "Syria",
                admin1="Idleb",
                pcode="C4101",
                latitude=35.4417,
                longitude=36.6486,
                feature="community",
            ),
        ),  # fmt: skip
        actors=(Actor(0, 4, text[0:4], "Military Forces of Syria (2000-)", "state", 1, "Syria"),),
        events=(event,),
        quotes=(Quote(10, 20, text[10:20], "مدير الدفاع المدني", kind="direct", cue="قال"),),
    )


def _count(store: Store, table: str) -> int:
    return int(store._conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_upsert_is_idempotent_and_writes_nothing_the_second_time() -> None:
    store = Store()
    article = sample_article()
    assert store.upsert(article) == "inserted"
    changes = store._conn.total_changes
    assert store.upsert(article) == "unchanged"
    assert store._conn.total_changes == changes
    assert _count(store, "articles") == 1
    assert _count(store, "events") == 1


def test_changed_article_replaces_its_children() -> None:
    store = Store()
    store.upsert(sample_article())
    changed = replace(sample_article(TEXT_B, event_type="Battles"), entities=(), quotes=())
    assert store.upsert(changed) == "replaced"
    assert _count(store, "articles") == 1
    assert _count(store, "entities") == 0
    assert _count(store, "quotes") == 0
    events = store.query_events(EventQuery())
    assert [e["event_type"] for e in events] == ["Battles"]
    assert events[0]["evidence"][0]["text"] == TEXT_B[: TEXT_B.index("،")]
    assert store.search_articles("شيخون") == []  # the old text is out of the index
    assert [r["id"] for r in store.search_articles("حماة")] == ["a1"]


def test_changed_analysis_alone_replaces() -> None:
    store = Store()
    article = sample_article()
    store.upsert(article)
    assert store.upsert(replace(article, quotes=())) == "replaced"
    assert _count(store, "quotes") == 0


def test_record_hash_reads_values_not_objects() -> None:
    """Equal values hash alike whatever objects hold them (a JSON round trip rebuilds every
    string, a pickle restores shared ones); any stored value changed, nested ones too,
    changes the hash; a value marshal refuses (a float subclass) still hashes."""
    article = sample_article()
    digest = record_hash(article)
    assert record_hash(Article.from_dict(json.loads(json.dumps(article.to_dict())))) == digest
    assert record_hash(pickle.loads(pickle.dumps(article))) == digest
    assert record_hash(replace(article, tokens=(), sentences=(Span(0, 3),))) == digest  # not stored
    event, place = article.events[0], article.places[0]
    changed = [
        replace(article, published=None),
        replace(article, text=article.text + " "),
        replace(article, places=(replace(place, score=0.5),)),
        replace(article, events=(replace(event, evidence=(Span(0, 5),)),)),
        replace(article, events=(replace(event, fatalities=4),)),
        replace(article, quotes=()),
    ]
    assert len({digest, *map(record_hash, changed)}) == len(changed) + 1

    class Score(float):
        pass

    odd = replace(article, entities=(replace(article.entities[0], score=Score(0.125)),))
    plain = replace(article, entities=(replace(article.entities[0], score=0.125),))
    assert article.entities[0].score != 0.125
    assert record_hash(odd) == record_hash(plain) != digest  # equal values hash alike


def test_a_new_store_merges_sixteen_fts_segments_and_finds_every_article(tmp_path) -> None:
    path = str(tmp_path / "m.db")
    with Store(path) as store:
        setting = "SELECT v FROM article_fts_config WHERE k = 'automerge'"
        assert store._conn.execute(setting).fetchone()[0] == 16
        for i in range(40):  # a transaction, so a segment, each: merged at 16
            store.upsert(sample_article(id=f"m{i}"))
        assert len(store.search_articles("شيخون", limit=100)) == 40
    with Store(path) as again:  # opening a store writes nothing
        assert again._conn.total_changes == 0


def test_one_batch_stores_as_article_by_article() -> None:
    """A batch that holds an article twice (same, then changed) and others ends as
    the same rows as one upsert per article, with the same statuses."""
    first = sample_article()
    changed = replace(sample_article(TEXT_B, event_type="Battles"), quotes=())
    batch = [first, sample_article(id="b2"), first, changed, sample_article(TEXT_B, id="c3")]
    one_by_one, batched = Store(), Store()
    statuses = [one_by_one.upsert(a) for a in batch]
    assert statuses == ["inserted", "inserted", "unchanged", "replaced", "inserted"]
    assert batched.upsert_many(batch) == statuses
    for table in ("articles", "entities", "places", "events", "quotes"):
        order = "pk" if table in ("articles", "events") else "article_pk, seq"
        sql = f"SELECT * FROM {table} ORDER BY {order}"
        rows = [[tuple(r)[:-1] if table == "articles" else tuple(r) for r in s._conn.execute(sql)]
                for s in (one_by_one, batched)]  # fmt: skip
        assert rows[0] == rows[1], table
    for word in ("شيخون", "حماة", "ميداني"):
        assert one_by_one.search_articles(word) == batched.search_articles(word)
    assert sorted(r["id"] for r in batched.search_articles("حماة")) == ["a1", "c3"]


def test_get_article_round_trip() -> None:
    store = Store()
    article = sample_article()
    store.upsert(article)
    restored = store.get_article("a1")
    assert restored == article
    assert restored is not None and restored.events[0].evidence == article.events[0].evidence
    assert store.get_article("missing") is None


def test_failed_article_is_stored_with_its_reason() -> None:
    store = Store()
    failed = Article.create("نص قصير", id="bad").with_error("places: ValueError: no gazetteer")
    assert store.upsert(failed) == "inserted"
    assert store.upsert(failed) == "unchanged"
    restored = store.get_article("bad")
    assert restored is not None and restored.error == "places: ValueError: no gazetteer"
    stats = store.stats()
    assert (stats["articles"], stats["failed"], stats["events"]) == (1, 1, 0)


def test_event_dicts_follow_the_contract() -> None:
    store = Store()
    article = sample_article()
    store.upsert(article)
    (event,) = store.query_events(EventQuery())
    assert event["article_id"] == "a1"
    assert event["source"] == "Example News"
    assert event["evidence"] == [
        {"start": 0, "end": TEXT_A.index("،"), "text": TEXT_A[: TEXT_A.index("،")]}
    ]
    assert event["confidence"] == 0.8 and event["fatalities"] == 3


@pytest.fixture
def filled() -> Store:
    store = Store()
    store.upsert(sample_article())
    battle = replace(sample_article(TEXT_B, id="b2", event_type="Battles"))
    ev = replace(
        battle.events[0], event_date="2019-05-20", admin1="Hama", actor2="Hayat Tahrir al-Sham",
        latitude=35.13, longitude=36.75, fatalities=10, confidence=0.4,
    )  # fmt: skip
    store.upsert(replace(battle, events=(ev,)))
    return store


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (EventQuery(), ["a1", "b2"]),
        (EventQuery(date_from="2019-05-10"), ["b2"]),
        (EventQuery(date_to="2019-05-06"), ["a1"]),
        (EventQuery(event_type="Battles"), ["b2"]),
        (EventQuery(admin1="Idleb"), ["a1"]),
        (EventQuery(actor="tahrir"), ["b2"]),
        (EventQuery(actor="%' OR 1=1 --"), []),
        (EventQuery(bbox=(36.6, 35.4, 36.7, 35.5)), ["a1"]),
        (EventQuery(min_confidence=0.5), ["a1"]),
        (EventQuery(q="إدلب"), ["a1"]),
        (EventQuery(order_by="-fatalities"), ["b2", "a1"]),
        (EventQuery(order_by="-event_date", limit=1), ["b2"]),
        (EventQuery(limit=1, offset=1), ["b2"]),
    ],
)
def test_event_filters(filled: Store, query: EventQuery, ids: list[str]) -> None:
    assert [e["article_id"] for e in filled.query_events(query)] == ids
    if query.limit == 100:
        assert filled.count_events(query) == len(ids)


def test_bad_order_rejected() -> None:
    with pytest.raises(ValueError):
        EventQuery(order_by="event_date; DROP TABLE events")


def test_search_finds_words_with_clitics_and_other_spellings(filled: Store) -> None:
    # the text has «بإدلب» only; a search in bare or unvoweled form must find it
    assert [r["id"] for r in filled.search_articles("إدلب")] == ["a1"]
    assert [r["id"] for r in filled.search_articles("ادلب")] == ["a1"]
    assert [r["id"] for r in filled.search_articles("الاشتباكات")] == ["b2"]
    assert filled.search_articles("دمشق") == []
    assert filled.search_articles("  ") == []
    assert filled.search_articles('"') == []


def test_stats(filled: Store) -> None:
    stats = filled.stats()
    assert stats["events"] == 2
    assert stats["by_day"] == {"2019-05-06": 1, "2019-05-20": 1}
    assert stats["by_event_type"] == {"Battles": 1, "Explosions/Remote violence": 1}
    assert stats["by_actor"]["Military Forces of Syria (2000-)"] == 2
    assert filled.stats(EventQuery(admin1="Hama"))["events"] == 1


def test_file_store_uses_wal_and_persists(tmp_path) -> None:
    path = str(tmp_path / "m.db")
    with Store(path) as store:
        store.upsert(sample_article())
        mode = store._conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    with Store(path) as again:
        assert again.upsert(sample_article()) == "unchanged"
        assert again.count_events(EventQuery()) == 1


def test_events_table_has_a_column_for_every_event_field() -> None:
    """A field added to ``Event`` must be stored, or ``get_article`` would lose it."""
    import sqlite3
    from dataclasses import fields

    from marsad.model import Event
    from marsad.store.schema import create_schema

    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    stored = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    assert {f.name for f in fields(Event)} <= stored
