"""RSS/Atom feeds (files, or URLs the operator lists) to articles, one per item."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any

from marsad.ingest.fields import parse_datetime
from marsad.ingest.records import error_article
from marsad.model import Article

_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote section article header footer".split()
)


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment (a feed summary), one paragraph per line."""
    parser = _TextCollector()
    parser.feed(fragment)
    parser.close()
    lines = (
        re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in "".join(parser.parts).split("\n")
    )
    return "\n".join(line for line in lines if line)


def _entry_text(entry: Any) -> str:
    """The fullest body an item offers: its ``content`` when present, else its summary."""
    candidates = [c.get("value", "") for c in entry.get("content", ())]
    candidates.append(entry.get("summary", ""))
    texts = [html_to_text(c) for c in candidates if c]
    return max(texts, key=len, default="")


def _entry_date(entry: Any) -> datetime | None:
    """The item's own date string (keeps its offset); feedparser's UTC struct as fallback."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return parse_datetime(raw)
        except ValueError:
            parsed = entry.get(f"{key}_parsed")
            if parsed:
                return datetime(*parsed[:6]).replace(tzinfo=UTC)
            raise
    return None


def _entry_article(entry: Any, where: str, source: str) -> Article:
    link = entry.get("link", "") or ""
    meta = {"title": html_to_text(entry.get("title", "") or ""), "url": link, "source": source}
    key = entry.get("id", "") or link
    text = _entry_text(entry)
    if not text:
        return error_article(
            where, "missing text: feed item has no summary or content", id=key, **meta
        )
    try:
        published = _entry_date(entry)
    except ValueError as exc:
        return error_article(where, f"bad published date: {exc}", id=key, text=text, **meta)
    return Article.create(text, id=key, published=published, **meta)


def read_feed(source: bytes | str, name: str) -> Iterator[Article]:
    """Yield one article per item; ``source`` is the feed's bytes or a URL to fetch.

    Only the item's own summary/content is used: linked pages are never fetched.
    """
    import feedparser

    parsed = feedparser.parse(source)
    if not parsed.entries:
        if parsed.get("bozo"):
            yield error_article(name, f"feed: unreadable: {parsed.get('bozo_exception')}")
        return
    site = html_to_text(parsed.feed.get("title", "") or "")
    for i, entry in enumerate(parsed.entries, 1):
        yield _entry_article(entry, f"{name}#{i}", site)
