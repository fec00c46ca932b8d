"""Field-level parsing shared by the readers: publication times."""

from __future__ import annotations

from datetime import datetime
from email.utils import parsedate_to_datetime


def parse_datetime(value: str | None) -> datetime | None:
    """Parse an ISO 8601 or RFC 2822 time; ``None`` for empty input.

    Raises ValueError for a non-empty value in neither form, so a reader can
    record why an article's date was rejected.
    """
    if value is None or not str(value).strip():
        return None
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError) as exc:
        raise ValueError(f"unrecognised date/time: {text!r}") from exc
