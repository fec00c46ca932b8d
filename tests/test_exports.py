"""Exports: ACLED CSV (re-read with csv), JSON Lines, GeoJSON, Parquet (re-read with pyarrow)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import fields, replace
from pathlib import Path

import pytest

from marsad.model import Event
from marsad.store import EventQuery, Store
from marsad.store.exports import ACLED_COLUMNS, disorder_type, write_export
from test_store import TEXT_B, sample_article


@pytest.fixture
def events() -> list[dict]:
    store = Store()
    store.upsert(sample_article())
    battle = sample_article(TEXT_B, id="b2", event_type="Battles")
    unplaced = replace(battle.events[0], latitude=None, longitude=None, location="", admin1="")
    store.upsert(replace(battle, events=(unplaced,)))
    return store.query_events(EventQuery(limit=0))


def test_acled_csv_has_acled_columns_and_values(events: list[dict]) -> None:
    out = io.StringIO()
    assert write_export(events, "acled-csv", out) == 2
    reader = csv.DictReader(io.StringIO(out.getvalue()))
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    rows = list(reader)
    assert len(rows) == 2
    first = rows[0]
    assert first["event_id_cnty"] == "SYR-a1-1"
    assert first["event_date"] == "2019-05-06" and first["year"] == "2019"
    assert first["disorder_type"] == "Political violence"
    assert first["iso"] == "760" and first["region"] == "Middle East"
    assert first["country"] == "Syria" and first["admin1"] == "Idleb"
    assert float(first["latitude"]) == pytest.approx(35.4417)
    assert first["fatalities"] == "3" and first["source"] == "Example News"
    assert first["notes"].startswith("Air strikes")
    assert rows[1]["latitude"] == "" and rows[1]["event_type"] == "Battles"


def test_acled_csv_to_binary_stream(events: list[dict]) -> None:
    out = io.BytesIO()
    write_export(events, "acled-csv", out)
    text = out.getvalue().decode("utf-8")
    assert text.splitlines()[0] == ",".join(ACLED_COLUMNS)


def test_disorder_types() -> None:
    assert disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert disorder_type("Riots", "Mob violence") == "Political violence; Demonstrations"
    assert disorder_type("Strategic developments", "Agreement") == "Strategic developments"


def test_jsonl_one_event_per_line(events: list[dict], tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    assert write_export(events, "jsonl", path) == 2
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    parsed = [json.loads(line) for line in lines]
    assert [p["article_id"] for p in parsed] == ["a1", "b2"]
    assert parsed[0]["evidence"][0]["start"] == 0
    assert "خان شيخون" in lines[0]  # written as UTF-8, not escaped


def test_geojson_is_a_feature_collection(events: list[dict]) -> None:
    out = io.StringIO()
    write_export(events, "geojson", out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    first, second = data["features"]
    assert first["type"] == "Feature"
    assert first["geometry"] == {"type": "Point", "coordinates": [36.6486, 35.4417]}
    assert first["properties"]["event_type"] == "Explosions/Remote violence"
    assert second["geometry"] is None


def test_geojson_empty() -> None:
    out = io.StringIO()
    assert write_export([], "geojson", out) == 0
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_parquet_round_trip(events: list[dict], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    path = tmp_path / "e.parquet"
    assert write_export(events, "parquet", str(path)) == 2
    table = pq.read_table(path)
    assert table.num_rows == 2
    rows = table.to_pylist()
    assert rows[0]["event_id"] == "SYR-a1-1"
    assert rows[0]["fatalities"] == 3 and rows[1]["latitude"] is None
    assert rows[0]["evidence"] == events[0]["evidence"]


def test_parquet_types_every_event_field_as_the_event_does(
    events: list[dict], tmp_path: Path
) -> None:
    """Each Event field comes back from Parquet with its value and its Python type."""
    import pyarrow.parquet as pq

    event = dict(events[0], geonames_id=170063, latitude=35.8, longitude=36.6, confidence=0.75)
    names = [f.name for f in fields(Event)]
    assert all(event[name] is not None for name in names)
    path = tmp_path / "typed.parquet"
    write_export([event], "parquet", path)
    table = pq.read_table(path)
    assert set(names) <= set(table.column_names)
    row = table.to_pylist()[0]
    for name in names:
        assert (name, row[name], type(row[name])) == (name, event[name], type(event[name]))


def test_parquet_refuses_text_stream(events: list[dict]) -> None:
    with pytest.raises(ValueError):
        write_export(events, "parquet", io.StringIO())


def test_unknown_format(events: list[dict]) -> None:
    with pytest.raises(ValueError):
        write_export(events, "xlsx", io.StringIO())


def test_non_numeric_coordinates_become_null(events: list[dict], tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    bad = [dict(events[0], latitude="", longitude="", fatalities="")]
    path = tmp_path / "bad.parquet"
    write_export(bad, "parquet", path)
    row = pq.read_table(path).to_pylist()[0]
    assert (row["latitude"], row["longitude"], row["fatalities"]) == (None, None, None)
    out = io.StringIO()
    write_export(bad, "geojson", out)
    assert json.loads(out.getvalue())["features"][0]["geometry"] is None
