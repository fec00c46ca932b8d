"""Turning one raw record (a JSON object, a feed item) into an :class:`Article`.

A record that cannot be used still becomes an article, with ``error`` set to the
reason and a stable id (the record's own id, else ``name:line``), so that a run
reports every failure and the stream never stops.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from marsad.ingest.fields import FieldMapping, detect_mapping, parse_datetime
from marsad.model import Article


def error_article(where: str, reason: str, **fields: Any) -> Article:
    """A failed input: ``where`` (e.g. ``"news.jsonl:17"``) is its id unless ``id`` is given."""
    key = fields.pop("id", "") or where
    return Article.create(fields.pop("text", ""), id=key, **fields).with_error(reason)


def _string(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # some corpora store authors/sources as lists
        return ", ".join(str(v) for v in value if v is not None)
    return str(value).strip()


def record_to_article(record: Any, *, where: str, mapping: FieldMapping | None = None) -> Article:
    """Map a decoded JSON record to an article (``mapping`` None: detect the ANT preset)."""
    if not isinstance(record, Mapping):
        return error_article(where, f"record is a JSON {type(record).__name__}, not an object")
    m = mapping or detect_mapping(record)
    rid = _string(record.get(m.id))
    meta = {
        "title": _string(record.get(m.title)),
        "url": _string(record.get(m.url)),
        "source": _string(record.get(m.source)),
    }
    text = record.get(m.text)
    if not isinstance(text, str) or not text.strip():
        what = "empty" if isinstance(text, str) or text is None else f"a {type(text).__name__}"
        reason = (
            f"missing text: field {m.text!r} is {what}"
            if text is not None
            else (f"missing text: no field {m.text!r}")
        )
        return error_article(where, reason, id=rid or meta["url"], **meta)
    try:
        published = parse_datetime(record.get(m.published))
    except ValueError as exc:
        return error_article(where, f"bad published date: {exc}", id=rid, text=text, **meta)
    return Article.create(text, id=rid, published=published, **meta)
