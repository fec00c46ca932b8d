"""``read_inputs``: files, directories, stdin and feed URLs to one stream of articles.

The format comes from the file extension, else from the first bytes. Every reader
is a generator, so memory stays flat however large the corpus; a file or record
that cannot be read becomes an article with ``error`` set and the stream goes on.
``read_records`` is the same stream with HTML pages (files, WARC records) left as
:class:`~marsad.model.RawPage`: the engines extract them in their workers.
"""

from __future__ import annotations

import gzip
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

from marsad.ingest.encoding import sniff_bom
from marsad.ingest.fields import FieldMapping
from marsad.ingest.records import error_article
from marsad.model import Article, InputRecord, RawPage

#: Extension -> format, longest suffix first. Directory walks take only these files.
EXTENSIONS: tuple[tuple[str, str], ...] = (
    (".jsonl.gz", "jsonl"),
    (".ndjson.gz", "jsonl"),
    (".json.gz", "jsonl"),
    (".warc.gz", "warc"),
    (".jsonl", "jsonl"),
    (".ndjson", "jsonl"),
    (".json", "jsonl"),
    (".txt", "text"),
    (".html", "html"),
    (".htm", "html"),
    (".xhtml", "html"),
    (".warc", "warc"),
    (".rss", "feed"),
    (".atom", "feed"),
    (".xml", "feed"),
)
_FEED_MARKERS = (b"<rss", b"<feed", b"<rdf:rdf")


def format_of(name: str) -> str | None:
    """The reader a file name calls for, or None for an unknown extension."""
    lower = name.lower()
    return next((fmt for ext, fmt in EXTENSIONS if lower.endswith(ext)), None)


def sniff_format(head: bytes) -> str:
    """Guess the format from a file's first bytes (for stdin and unknown extensions)."""
    bom = sniff_bom(head)
    text = head.decode(bom, errors="ignore").encode() if bom else head
    start = text.lstrip().lower()
    if start.startswith(b"warc/"):
        return "warc"
    if start.startswith((b"{", b"[")):
        return "jsonl"
    if start.startswith(b"<"):
        return "feed" if any(m in start[:2048] for m in _FEED_MARKERS) else "html"
    return "text"


def _is_url(path: str) -> bool:
    return path.startswith(("http://", "https://"))


def _walk(root: Path) -> Iterator[tuple[Path, str]]:
    """Known-format files under ``root``, sorted, hidden ones skipped, with their relative names."""
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            if not filename.startswith(".") and format_of(filename):
                path = Path(dirpath, filename)
                yield path, path.relative_to(root).as_posix()


def _peekable(stream: IO[bytes]) -> IO[bytes]:
    """Stdin (or any stream) unzipped when gzip-compressed, with ``peek`` available."""
    head = stream.peek(2)[:2] if hasattr(stream, "peek") else b""
    if head == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=stream)  # type: ignore[return-value]
    return stream


def read_stream(
    stream: IO[bytes], name: str, fmt: str | None = None, mapping: FieldMapping | None = None
) -> Iterator[InputRecord]:
    """Records from an open binary stream in format ``fmt`` (sniffed when None)."""
    stream = _peekable(stream)
    if fmt is None:
        fmt = sniff_format(stream.peek(2048)[:2048]) if hasattr(stream, "peek") else "text"
    if fmt == "jsonl":
        from marsad.ingest.jsonl import read_jsonl

        yield from read_jsonl(stream, name, mapping)
    elif fmt == "warc":
        from marsad.ingest.warc import read_warc

        yield from read_warc(stream, name)
    elif fmt == "feed":
        from marsad.ingest.feeds import read_feed

        yield from read_feed(stream.read(), name)
    elif fmt == "html":
        yield RawPage(name, stream.read())
    else:
        from marsad.ingest.text import text_article

        yield text_article(stream.read(), name)


def read_file(
    path: Path, name: str, fmt: str | None = None, mapping: FieldMapping | None = None
) -> Iterator[InputRecord]:
    """Records from one file; an unreadable file yields one failed article."""
    fmt = fmt or format_of(path.name)
    try:
        compressed = path.name.lower().endswith(".gz") and fmt != "warc"
        with gzip.open(path, "rb") if compressed else open(path, "rb") as stream:
            yield from read_stream(stream, name, fmt, mapping)  # type: ignore[arg-type]
    except (OSError, EOFError) as exc:
        yield error_article(name, f"unreadable file: {type(exc).__name__}: {exc}")


def _read_one(arg: str, mapping: FieldMapping | None) -> Iterator[InputRecord]:
    if arg == "-":
        yield from read_stream(sys.stdin.buffer, "stdin", None, mapping)
    elif _is_url(arg):
        from marsad.ingest.feeds import read_feed

        yield from read_feed(arg, arg)
    else:
        path = Path(arg)
        if path.is_dir():
            for file, name in _walk(path):
                yield from read_file(file, name, None, mapping)
        else:
            yield from read_file(path, path.name, None, mapping)


def read_records(
    paths: Sequence[str], *, mapping: FieldMapping | None = None
) -> Iterator[InputRecord]:
    """:func:`read_inputs` with HTML pages not yet extracted (:class:`~marsad.model.RawPage`).

    What the engines read: they extract each page in the worker that analyses it
    (:func:`marsad.ingest.html.as_article`), so extraction runs on every core.
    """
    for arg in paths:
        if arg != "-" and not _is_url(arg) and not os.path.exists(arg):
            raise FileNotFoundError(f"input not found: {arg}")
    return (record for arg in paths for record in _read_one(arg, mapping))


def read_inputs(paths: Sequence[str], *, mapping: FieldMapping | None = None) -> Iterator[Article]:
    """Stream articles from files, directories (recursive, sorted), ``-`` (stdin) and feed URLs.

    Missing paths raise FileNotFoundError at once, before anything is read.
    ``mapping`` names the JSON fields; None detects the ANT corpus's names per record.
    HTML pages are extracted here, in this process (see :func:`read_records`).
    """
    from marsad.ingest.html import as_article

    return map(as_article, read_records(paths, mapping=mapping))
