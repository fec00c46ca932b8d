"""The general commands: extract (the stable contract), run, events, export, help."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.store import Store
from marsad.store.exports import ACLED_COLUMNS, FORMATS
from marsad.store.queries import ORDERINGS
from test_store import TEXT_B, sample_article

# Written for these tests, in news style.
REPORTS = [
    {
        "id": "r1",
        "title": "قصف على ريف حلب",
        "text": "قتل مدنيان اثنان وأصيب خمسة آخرون جراء قصف مدفعي استهدف بلدة الأتارب "
        "في ريف حلب الغربي صباح اليوم الثلاثاء.",
        "published": "2019-02-05T10:00:00+00:00",
        "source": "وكالة تجريبية",
    },
    {
        "id": "r2",
        "text": "تظاهر مئات من أهالي مدينة إدلب بعد صلاة الجمعة للمطالبة بالإفراج عن المعتقلين.",
        "published": "Fri, 08 Feb 2019 14:00:00 +0000",
    },
    {
        "id": "r3",
        "text": "أعلنت وزارة الدفاع الروسية أن طائراتها استهدفت مواقع لهيئة تحرير الشام قرب "
        "مدينة جسر الشغور.",
        "url": "https://example.org/r3",
    },
]
CONTRACT_KEYS = {"id", "text", "events", "entities", "places", "quotes", "error"}


def _write_jsonl(path: Path, lines: list[str]) -> None:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_extract_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(REPORTS[0], ensure_ascii=False),
        "{not json",
        json.dumps({"id": 7, "title": "بلا نص"}),
        json.dumps(["a", "list"]),
        json.dumps(REPORTS[1], ensure_ascii=False),
        json.dumps({"id": "d", "text": "نص", "published": "يوم ما"}, ensure_ascii=False),
        json.dumps({"text": REPORTS[2]["text"], "url": REPORTS[2]["url"]}, ensure_ascii=False),
    ]
    src, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_jsonl(src, lines)
    assert main(["extract", "--input", str(src), "--output", str(out), "--workers", "1"]) == 0
    records = _read_jsonl(out)
    assert len(records) == len(lines)
    assert all(set(r) == CONTRACT_KEYS for r in records)
    assert [r["id"] for r in records] == ["r1", None, "7", None, "r2", "d", REPORTS[2]["url"]]
    errors = [r["error"] for r in records]
    assert errors[0] is None and errors[4] is None and errors[6] is None
    assert "line 2" in errors[1] and "invalid JSON" in errors[1]
    assert "line 3" in errors[2] and "text" in errors[2]
    assert "line 4" in errors[3] and "line 6" in errors[5]
    for record in records:
        for item in record["entities"] + record["places"] + record["quotes"]:
            assert record["text"][item["start"] : item["end"]] == item["text"]
        for event in record["events"]:
            assert {"event_date", "event_type", "actor1", "evidence", "confidence"} <= set(event)


def test_extract_stdin_to_stdout(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    payload = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in REPORTS)
    monkeypatch.setattr(sys, "stdin", io.StringIO(payload))
    assert main(["extract", "--input", "-", "--workers", "1"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in records] == ["r1", "r2", "r3"]
    assert all(r["error"] is None for r in records)


def test_extract_is_a_live_filter_with_batch_size_one() -> None:
    """One line in, its analysis out while stdin stays open (docs/extract-contract.md)."""
    import os
    import select
    import subprocess

    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # a pipe is block-buffered
    cmd = [sys.executable, "-m", "marsad.cli", "extract", "--input", "-", "--workers", "1", "--batch-size", "1"]
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8", env=env) as proc:
        assert proc.stdin is not None and proc.stdout is not None
        try:
            proc.stdin.write(json.dumps(REPORTS[0], ensure_ascii=False) + "\n")
            proc.stdin.flush()
            ready, _, _ = select.select([proc.stdout], [], [], 60)
            assert ready, "no output line while stdin stays open"
            first = json.loads(proc.stdout.readline())
            assert first["id"] == "r1" and first["error"] is None
        finally:
            proc.kill()


def test_run_twice_adds_nothing(tmp_path: Path, capsys) -> None:
    src, db = tmp_path / "news.jsonl", str(tmp_path / "m.db")
    _write_jsonl(src, [json.dumps(r, ensure_ascii=False) for r in REPORTS] + ["{broken"])
    argv = ["run", str(src), "--db", db, "--workers", "1", "--quiet"]
    assert main(argv) == 0
    first = capsys.readouterr().out
    assert "articles read: 4" in first and "4 new, 0 unchanged, 0 replaced" in first
    assert "failed: 1" in first
    with Store(db) as store:
        before = store.stats()
    assert main(argv) == 0
    second = capsys.readouterr().out
    assert "0 new, 4 unchanged, 0 replaced" in second
    with Store(db) as store:
        assert store.stats() == before
        assert before["articles"] == 4 and before["failed"] == 1
        assert store.get_article("r2") is not None


def test_run_warc_with_two_workers_twice_adds_nothing(tmp_path: Path, capsys) -> None:
    """Pages extracted in the workers: broken records stored as failed with their reason,
    and a second run finds every page, failed ones included, unchanged."""
    from test_ingest_warc_feeds import BROKEN_URIS, REPORTS, write_crawl

    crawl, db = write_crawl(tmp_path / "crawl.warc.gz"), str(tmp_path / "w.db")
    pages = 2 + 2 + 2 * len(REPORTS)
    argv = ["run", str(crawl), "--db", db, "--workers", "2", "--batch-size", "3", "--quiet"]
    assert main(argv) == 0
    first = capsys.readouterr().out
    assert f"articles read: {pages} " in first and "failed: 2" in first
    assert "undecodable: binary data" in first and "html: no main text found" in first
    assert main(argv) == 0
    assert f"0 new, {pages} unchanged, 0 replaced" in capsys.readouterr().out
    with Store(db) as store:
        assert store.stats()["articles"] == pages and store.stats()["failed"] == 2
        stored = store.get_article(BROKEN_URIS[1])
        assert stored is not None and stored.error == "html: no main text found"


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "events.db")
    with Store(path) as store:
        store.upsert(sample_article())
        battle = sample_article(TEXT_B, id="b2", event_type="Battles")
        event = replace(battle.events[0], event_date="2019-05-20", fatalities=10)
        store.upsert(replace(battle, events=(event,)))
    return path


def test_events_table_and_filters(db: str, capsys) -> None:
    assert main(["events", "--db", db]) == 0
    out = capsys.readouterr().out
    assert "Battles" in out and "Explosions/Remote" in out and "2 of 2 events" in out
    assert main(["events", "--db", db, "--type", "Battles"]) == 0
    out = capsys.readouterr().out
    assert "Explosions/Remote" not in out and "1 of 1 events" in out
    assert main(["events", "--db", db, "--order-by", "fatalities", "--desc", "--limit", "1"]) == 0
    out = capsys.readouterr().out
    assert "Battles" in out and "1 of 2 events" in out


def test_export_acled_csv_to_stdout(db: str, capsys) -> None:
    assert main(["export", "--format", "acled-csv", "--db", db]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert tuple(rows[0]) == ACLED_COLUMNS and len(rows) == 3


def test_export_parquet_needs_output_and_db_must_exist(db: str, tmp_path: Path) -> None:
    assert main(["export", "--format", "parquet", "--db", db]) == 2
    assert main(["export", "--format", "jsonl", "--db", str(tmp_path / "none.db")]) == 2
    out = tmp_path / "e.parquet"
    assert main(["export", "--format", "parquet", "--db", db, "--output", str(out)]) == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_offers_every_format_the_store_writes(db: str, fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"events.{fmt}"
    assert main(["export", "--format", fmt, "--db", db, "--output", str(out)]) == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize("order", sorted(ORDERINGS))
def test_events_offers_every_ordering_of_the_store(db: str, order: str, capsys) -> None:
    desc = ["--desc"] if order.startswith("-") else []
    assert main(["events", "--db", db, "--order-by", order.lstrip("-"), *desc]) == 0
    assert "2 of 2 events" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["run", "extract", "export", "events"])
def test_help_is_complete(command: str, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0
    text = capsys.readouterr().out
    assert f"usage: marsad {command}" in text
    assert len(text.splitlines()) > 8


def test_extract_seed_report(shared_dir: Path, tmp_path: Path) -> None:
    """The founding report: footer gone, the contract's JSON, events found."""
    raw = (shared_dir / "seed" / "putin-erdogan-moscow-summit.txt").read_text(encoding="utf-8")
    footer = [line for line in raw.strip().splitlines() if line.strip()][-2:]
    src, out = tmp_path / "seed.jsonl", tmp_path / "out.jsonl"
    record = {"id": "seed", "text": raw, "published": "2019-01-24"}
    _write_jsonl(src, [json.dumps(record, ensure_ascii=False)])
    assert main(["extract", "--input", str(src), "--output", str(out), "--workers", "1"]) == 0
    (result,) = _read_jsonl(out)
    assert set(result) == CONTRACT_KEYS and result["error"] is None
    assert all(line.strip() not in result["text"] for line in footer)
    assert result["events"] and result["places"] and result["entities"]
    for event in result["events"]:
        for span in event["evidence"]:
            assert result["text"][span["start"] : span["end"]] == span["text"]


def test_serve_refuses_an_in_memory_database(capsys: pytest.CaptureFixture[str]) -> None:
    # Each server thread would open its own empty :memory: database: posts would vanish.
    assert main(["serve", "--db", ":memory:"]) != 0
    assert ":memory:" in capsys.readouterr().err
