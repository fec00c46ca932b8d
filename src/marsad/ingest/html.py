"""HTML pages to articles: main text, title, date and site via trafilatura.

Readers yield a :class:`~marsad.model.RawPage` per page; :func:`as_article` extracts it
where the analysis runs (an engine's worker), so extraction is parallel too.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from marsad.ingest.encoding import UndecodableError, decode_bytes
from marsad.ingest.fields import parse_datetime
from marsad.ingest.records import error_article
from marsad.model import Article, InputRecord, RawPage

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
# htmldate's default output is a bare day; ask for the time and offset when the page has them.
_DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag near its top."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii") if match else None


def decode_html(data: bytes, http_charset: str | None = None) -> str:
    """Decode page bytes: BOM, UTF-8, the declared charset, then the Arabic code-page guess."""
    return decode_bytes(data, http_charset or declared_charset(data))[0]


def _extract(html: str, url: str) -> Any:
    from trafilatura import bare_extraction
    from trafilatura.settings import set_date_params

    params = {**set_date_params(True), "outputformat": _DATE_FORMAT}
    return bare_extraction(
        html,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        date_extraction_params=params,
    )


def html_article(
    data: bytes | str,
    name: str,
    *,
    url: str = "",
    fallback_date: datetime | None = None,
    charset: str | None = None,
) -> Article:
    """Extract one page; ``url`` (e.g. a WARC target URI) wins over the page's own.

    The id is the URL (given, else canonical), else ``name``. ``fallback_date`` is
    used when the page carries no date (a WARC capture time, for instance); a page that
    fails keeps it too, with ``url``, so the store still tells when and where it was found.
    """
    kept = {"url": url, "published": fallback_date}  # what a failed page still carries
    try:
        html = data if isinstance(data, str) else decode_html(data, charset)
    except UndecodableError as exc:
        return error_article(name, str(exc), **kept)
    try:
        doc = _extract(html, url)
    except Exception as exc:  # noqa: BLE001 - a page trafilatura chokes on must not stop the stream
        return error_article(name, f"html: extraction failed: {type(exc).__name__}: {exc}", **kept)
    if doc is None or not (doc.text or "").strip():
        return error_article(name, "html: no main text found", **kept)
    page_url = url or doc.url or ""
    site = doc.sitename or ""
    if not site or site.startswith(("http://", "https://")):
        site = doc.hostname or site  # some pages name their site by its URL
    meta = {"title": doc.title or "", "url": page_url, "source": site}
    try:
        published = parse_datetime(doc.date) or fallback_date
    except ValueError as exc:
        return error_article(
            name,
            f"bad published date: {exc}",
            id=page_url,
            text=doc.text,
            published=fallback_date,
            **meta,
        )
    return Article.create(doc.text, id=page_url or name, published=published, **meta)


def page_article(page: RawPage) -> Article:
    """Extract a page a reader yielded; whatever goes wrong becomes a failed article.

    Runs in the engine's workers: an exception there would stop the whole run.
    """
    try:
        return html_article(
            page.data, page.name, url=page.url, fallback_date=page.published, charset=page.charset
        )
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a batch
        reason = f"html: {type(exc).__name__}: {exc}"
        return error_article(page.name, reason, url=page.url, published=page.published)


def as_article(record: InputRecord) -> Article:
    """The article of an input record: an article as it is, a page extracted."""
    return record if isinstance(record, Article) else page_article(record)
