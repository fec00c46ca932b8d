"""Field-level parsing shared by the readers: publication times and record field mappings."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

# Arabic-Indic and Extended (Persian) digits to ASCII, so "٢٠١٩-٠١-٢٤" parses.
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def parse_datetime(value: str | int | float | date | datetime | None) -> datetime | None:
    """Parse an ISO 8601 or RFC 2822 time, keeping its timezone; ``None`` for empty input.

    Also accepts a ``datetime`` (returned as is), a ``date`` (midnight) and Unix
    epoch seconds (UTC). Raises ValueError for anything else, so a reader can
    record why an article's date was rejected.
    """
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, bool):
        raise ValueError(f"unrecognised date/time: {value!r}")
    if isinstance(value, int | float):
        try:
            return datetime.fromtimestamp(value, tz=UTC)
        except (OverflowError, OSError, ValueError) as exc:
            raise ValueError(f"unrecognised date/time: {value!r}") from exc
    text = str(value).strip().translate(_DIGITS)
    if not text:
        return None
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"unrecognised date/time: {text!r}") from exc


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """Which record keys hold an article's fields, so other corpora's names work."""

    id: str = "id"
    text: str = "text"
    title: str = "title"
    url: str = "url"
    published: str = "published"
    source: str = "source"

    @classmethod
    def from_spec(cls, spec: str) -> FieldMapping:
        """A preset name (``default``, ``ant``) or ``field=key`` pairs, e.g. ``id=docno,published=time``."""
        spec = spec.strip()
        if spec in PRESETS:
            return PRESETS[spec]
        known = {f.name for f in fields(cls)}
        values: dict[str, str] = {}
        for pair in filter(None, (p.strip() for p in spec.split(","))):
            name, sep, key = pair.partition("=")
            if not sep or name.strip() not in known or not key.strip():
                raise ValueError(
                    f"bad field mapping {pair!r}: use a preset ({', '.join(PRESETS)}) "
                    f"or FIELD=KEY pairs with FIELD in {sorted(known)}"
                )
            values[name.strip()] = key.strip()
        return cls(**values)


DEFAULT_MAPPING = FieldMapping()
#: The ANT corpus (``../shared/data/news``): docno, url, src, title, time (RFC 2822), text.
ANT_MAPPING = FieldMapping(id="docno", published="time", source="src")
PRESETS: dict[str, FieldMapping] = {"default": DEFAULT_MAPPING, "ant": ANT_MAPPING}


def detect_mapping(record: Mapping[str, Any]) -> FieldMapping:
    """The ANT preset for a record with ``docno``/``time`` and no ``id``/``published``; else the default."""
    if "id" not in record and "published" not in record and ("docno" in record or "time" in record):
        return ANT_MAPPING
    return DEFAULT_MAPPING
