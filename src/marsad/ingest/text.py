"""Plain-text reader: one article per file, the first line as title when it looks like one."""

from __future__ import annotations

from marsad.ingest.encoding import UndecodableError, decode_bytes
from marsad.ingest.records import error_article
from marsad.model import Article

_SENTENCE_END = (".", "!", "?", "؟", "۔", ":", "،", ",", ";", "؛")
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30


def split_title(text: str) -> tuple[str, str]:
    """``(title, body)``: the first non-empty line is a title when it is short, does not
    end like a sentence, and more text follows; otherwise the title is empty."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if (
        rest.strip()
        and len(first) <= MAX_TITLE_CHARS
        and len(first.split()) <= MAX_TITLE_WORDS
        and not first.endswith(_SENTENCE_END)
    ):
        return first, rest.strip()
    return "", stripped


def text_article(data: bytes, name: str) -> Article:
    """Decode a text file (any supported encoding) into an article with id ``name``.

    The file's modification time is not a publication time, so ``published`` stays None.
    """
    try:
        text, _codec = decode_bytes(data)
    except UndecodableError as exc:
        return error_article(name, str(exc))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        return error_article(name, "missing text: empty file")
    title, body = split_title(text)
    return Article.create(body, id=name, title=title)
