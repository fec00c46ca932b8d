"""JSON Lines reader (also a JSON array file), streaming one record at a time."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import IO

from marsad.ingest.encoding import UndecodableError, decode_bytes, sniff_bom
from marsad.ingest.fields import FieldMapping
from marsad.ingest.records import error_article, record_to_article
from marsad.model import Article


def _lines(stream: IO[bytes]) -> Iterator[tuple[int, str | UndecodableError]]:
    """Numbered text lines; UTF-16/32 files (BOM) are decoded as a whole stream."""
    peek = getattr(stream, "peek", None)
    head = peek(4)[:4] if peek else b""
    bom = sniff_bom(head)
    if bom and bom != "utf-8-sig":
        for n, line in enumerate(io.TextIOWrapper(stream, encoding=bom), 1):
            yield n, line
        return
    for n, raw in enumerate(stream, 1):
        if n == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield n, raw.decode("utf-8")
        except UnicodeDecodeError:
            try:
                yield n, decode_bytes(raw)[0]
            except UndecodableError as exc:
                yield n, exc


def read_jsonl(
    stream: IO[bytes], name: str, mapping: FieldMapping | None = None
) -> Iterator[Article]:
    """One article per non-blank line; a bad line yields an article with ``error`` set."""
    lines = _lines(stream)
    for n, line in lines:
        if isinstance(line, UndecodableError):
            yield error_article(f"{name}:{n}", str(line))
            continue
        if not line.strip():
            continue
        if n == 1 and (line.lstrip().startswith("[") or line.strip() == "{"):
            rest = "".join(t for _, t in lines if isinstance(t, str))
            yield from _read_array(line + rest, name, mapping)
            return
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield error_article(f"{name}:{n}", f"bad JSON: {exc.msg} (column {exc.colno})")
            continue
        yield record_to_article(record, where=f"{name}:{n}", mapping=mapping)


def _read_array(text: str, name: str, mapping: FieldMapping | None) -> Iterator[Article]:
    """A ``.json`` file holding one array of records (read whole: not for large corpora)."""
    try:
        records = json.loads(text)
    except json.JSONDecodeError as exc:
        yield error_article(name, f"bad JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if not isinstance(records, list):
        records = [records]
    for i, record in enumerate(records, 1):
        yield record_to_article(record, where=f"{name}:{i}", mapping=mapping)
