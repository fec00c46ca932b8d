"""The Ray engine gives the same articles as the local engine.

Starts a real local Ray cluster on loopback (raylet, GCS and worker processes),
runs the same articles through both engines and compares the JSON output.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from marsad.model import Article

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install 'marsad[ray]'")


@pytest.fixture(scope="module")
def local_cluster() -> Iterator[None]:
    """A fresh single-node cluster bound to loopback, shut down after the tests."""
    from marsad.engines.ray_engine import RayOptions, ensure_ray

    ensure_ray(RayOptions(num_cpus=2))
    try:
        yield
    finally:
        ray.shutdown()


def _articles() -> list[Article]:
    texts = [
        "قتل ثلاثة مدنيين في قصف مدفعي لقوات النظام على بلدة في ريف إدلب الجنوبي، الأربعاء.",
        "اندلعت اشتباكات عنيفة بين قوات النظام وهيئة تحرير الشام قرب مدينة حماة.",
        "قال وزير الخارجية إن المحادثات ستستأنف الشهر المقبل في جنيف.",
        "",  # an empty article comes back in its place too
    ]
    return [
        Article.create(text, id=f"ray-{i}", published=datetime(2019, 1, 24, tzinfo=UTC)) for i, text in enumerate(texts * 5)
    ]


def test_ray_matches_local_engine(local_cluster: None) -> None:
    from marsad.engines.local import run_local
    from marsad.engines.ray_engine import RayOptions, run_ray

    articles = _articles()
    local = [a.to_dict() for a in run_local(articles, workers=1)]
    remote = [a.to_dict() for a in run_ray(articles, RayOptions(batch_size=3, chunk_size=7))]
    assert [a["id"] for a in remote] == [a.id for a in articles]
    assert sum(len(a["events"]) for a in local) > 0, "the comparison needs events to compare"
    assert json.dumps(remote, sort_keys=True) == json.dumps(local, sort_keys=True)


def test_run_on_ray_writes_parquet_shards_and_the_store(local_cluster: None, tmp_path) -> None:
    import pyarrow.parquet as pq

    from marsad.cli import main
    from marsad.engines.local import run_local
    from marsad.store import Store
    from marsad.store.queries import EventQuery

    articles = [a for a in _articles() if a.text]
    src = tmp_path / "in.jsonl"
    src.write_text(
        "".join(json.dumps({"id": a.id, "text": a.text, "published": "2019-01-24"}) + "\n"
                for a in articles),
        encoding="utf-8",
    )
    db, out = tmp_path / "r.db", tmp_path / "shards"
    argv = ["run", str(src), "--engine", "ray", "--db", str(db), "--parquet", str(out), "--quiet"]
    assert main(argv) == 0
    rows = [r for path in sorted(out.glob("events-*.parquet")) for r in pq.read_table(path).to_pylist()]
    expected = [(a.id, e.event_type) for a in run_local(articles) for e in a.events]
    assert expected, "the comparison needs events"
    assert [(r["article_id"], r["event_type"]) for r in rows] == expected
    with Store(str(db)) as store:
        assert store.count_events(EventQuery()) == len(expected)


def test_ray_extracts_warc_pages_as_the_local_engine(local_cluster: None, tmp_path) -> None:
    """Raw pages travel to the Ray workers and are extracted there: the same articles, in the
    same order, as the local engine with two workers, broken records failed with their reason."""
    from marsad.engines.local import run_local
    from marsad.engines.ray_engine import RayOptions, run_ray
    from marsad.ingest import read_records
    from test_ingest_warc_feeds import BROKEN_URIS, write_crawl

    path = str(write_crawl(tmp_path / "crawl.warc.gz"))
    local = [a.to_dict() for a in run_local(read_records([path]), workers=2, batch_size=3)]
    options = RayOptions(batch_size=3, chunk_size=100, chunk_bytes=4_000)  # chunks cut by bytes
    remote = [a.to_dict() for a in run_ray(read_records([path]), options)]
    assert sum(len(a["events"]) for a in local) > 0, "the comparison needs events to compare"
    assert [a["id"] for a in remote if a["error"]] == list(BROKEN_URIS)
    assert json.dumps(remote, sort_keys=True) == json.dumps(local, sort_keys=True)
