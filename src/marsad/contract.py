"""The ``marsad extract`` contract: the article object read in, the analysis written out.

``marsad extract`` (one object per JSON line) and ``POST /api/articles`` (one
object or a list) read articles through :func:`read_article` alone, so both
accept and refuse the same records with the same messages; each caller only
says where the record was (``line 7``, ``article 2``). See
docs/extract-contract.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict
from typing import Any

from marsad.model import Article, event_to_dict

#: Longest accepted ``text``, in characters: longer is a mistake, not an article.
MAX_TEXT = 1_000_000


class ContractError(ValueError):
    """A record that breaks the contract; ``id`` and ``text`` are what could be read of it."""

    def __init__(self, message: str, *, id: str = "", text: str = "") -> None:
        super().__init__(message)
        self.id = id
        self.text = text

    def failed(self, where: str) -> Article:
        """The failed article that stands for the record in an output stream."""
        return Article(id=self.id, text=self.text, error=f"{where}: {self}")


def _no_constant(name: str) -> Any:
    raise ContractError(f"invalid JSON: {name} is not a JSON number")


def loads(data: str | bytes) -> Any:
    """JSON text as Python values; :class:`ContractError` when it is not JSON.

    NaN and Infinity are refused: as ids they would become "nan"/"inf" and unrelated
    records would share a key in the store.
    """
    try:
        return json.loads(data, parse_constant=_no_constant)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8
        raise ContractError(f"invalid JSON: {exc}") from None


def _ident(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ContractError("'id' must be a string or a number")
    if isinstance(value, float) and not math.isfinite(value):  # 1e400 parses as inf
        raise ContractError("'id' must be a finite number")
    return str(value)


def _text(record: dict[str, Any], ident: str) -> str:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ContractError("'text' must be a non-empty string", id=ident)
    if len(text) > MAX_TEXT:
        raise ContractError(f"'text' longer than {MAX_TEXT} characters", id=ident)
    return text


def read_article(record: Any) -> Article:
    """One input object as an unanalysed :class:`Article`; :class:`ContractError` if invalid.

    Fields: ``text`` (required), ``id``, ``title``, ``url``, ``published``, ``source``;
    other keys are ignored, so records of a richer corpus pass as they are.
    """
    from marsad.ingest.fields import parse_datetime

    if not isinstance(record, dict):
        raise ContractError("expected a JSON object")
    ident = _ident(record.get("id"))
    text = _text(record, ident)

    def string(name: str) -> str:
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ContractError(f"'{name}' must be a string", id=ident, text=text)
        return value or ""

    try:
        published = parse_datetime(record.get("published"))
    except ValueError as exc:
        raise ContractError(f"bad 'published': {exc}", id=ident, text=text) from None
    return Article.create(
        text, id=ident, title=string("title"), url=string("url"), source=string("source"),
        published=published,
    )  # fmt: skip


def read_line(line: str, lineno: int) -> Article:
    """One JSON line as an Article; a line that breaks the contract becomes a failed Article."""
    try:
        return read_article(loads(line))
    except ContractError as exc:
        return exc.failed(f"line {lineno}")


def output_record(article: Article) -> dict[str, Any]:
    """The contract's output object for one analysed article."""
    return {
        "id": article.id or None,
        "text": article.text,
        "events": [event_to_dict(e, article.text) for e in article.events],
        "entities": [asdict(e) for e in article.entities],
        "places": [asdict(p) for p in article.places],
        "quotes": [asdict(q) for q in article.quotes],
        "error": article.error,
    }
