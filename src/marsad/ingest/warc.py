"""WARC / WARC.gz reader: HTML response records through the HTML extraction."""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from marsad.ingest.records import error_article
from marsad.model import Article, RawPage

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _content_type(record: Any) -> tuple[str, str | None]:
    """``(mime type, charset)`` of a response (HTTP header) or resource (WARC header) record."""
    if record.is_http:
        return (record.http_content_type or "").lower(), record.http_charset
    raw = (record.headers.get("Content-Type") or "").lower()
    mime, _, params = raw.partition(";")
    charset = params.partition("charset=")[2].strip(" \"'") or None
    return mime.strip(), charset


def _is_html_page(record: Any) -> bool:
    if record.is_http:
        status = record.http_headers.status_code
        if status is not None and not 200 <= status < 300:
            return False
    return _content_type(record)[0].startswith(_HTML_TYPES)


def _truncation(record: Any, body: bytes) -> str | None:
    """A reason when the payload is shorter than its HTTP Content-Length (a cut-off file)."""
    if not record.is_http or record.http_headers.get("Content-Encoding"):
        return None
    declared = record.http_headers.get("Content-Length") or ""
    if declared.isdigit() and int(declared) > len(body):
        return f"warc: truncated record ({len(body)} of {declared} bytes)"
    return None


def read_warc(stream: IO[bytes], name: str) -> Iterator[Article | RawPage]:
    """Yield a page per HTML response/resource record (gzip detected by fastwarc), or a
    failed article for a record that cannot be read.

    The record's target URI is the article URL and id; its WARC-Date (capture time)
    is the publication time only when the page itself carries no date. Pages are
    extracted later, where they are analysed (:func:`marsad.ingest.html.as_article`).
    """
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    wanted = WarcRecordType.response | WarcRecordType.resource
    records = ArchiveIterator(stream, record_types=wanted, parse_http=True, auto_decode="all")
    n = 0
    try:
        for record in records:
            n += 1
            if not _is_html_page(record):
                continue
            uri = record.headers.get("WARC-Target-URI") or ""
            where = uri or f"{name}#{n}"
            date = record.record_date
            kept = {"url": uri, "published": date}  # a failed record keeps both
            try:
                body = record.reader.read()
            except OSError as exc:
                yield error_article(where, f"warc: unreadable record: {exc}", **kept)
                continue
            short = _truncation(record, body)
            if short:
                yield error_article(where, short, **kept)
                continue
            charset = _content_type(record)[1]
            yield RawPage(where, body, uri, date, charset)
    except OSError as exc:
        yield error_article(f"{name}#{n + 1}", f"warc: bad record, rest of file skipped: {exc}")
