"""Readers: JSON Lines (mappings, gzip, arrays, bad records), text, encodings, directories, stdin."""

from __future__ import annotations

import gzip
import io
import json
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest

from marsad.ingest import ANT_MAPPING, FieldMapping, parse_datetime, read_inputs
from marsad.ingest.encoding import UndecodableError, decode_bytes
from marsad.ingest.readers import sniff_format
from marsad.ingest.text import split_title

TITLE = "غارات جوية على ريف إدلب الجنوبي"
# Letters where windows-1256 and ISO-8859-6 differ (ل ف ق ك ه و ي ى ط ظ ع غ) on purpose.
BODY = (
    "قالت مصادر محلية إن طائرات حربية شنت غارات على بلدة خان شيخون، فقُتل طفلان وأُصيبت امرأة.\n"
    "وأضافت المصادر أن القصف ألحق أضراراً بمستشفى ومدرسة في المنطقة؟ ولم تعلق دمشق على ذلك."
)
TEXT = f"{TITLE}\n\n{BODY}\n"
PLUS3 = timezone(timedelta(hours=3))


def write_jsonl(path: Path, rows: list[object]) -> Path:
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# -- encodings ----------------------------------------------------------------------------

ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso-8859-6"]


@pytest.mark.parametrize("codec", ENCODINGS)
def test_decode_bytes_each_encoding(codec: str) -> None:
    decoded, _used = decode_bytes(TEXT.encode(codec))
    assert decoded == TEXT


@pytest.mark.parametrize("codec", ENCODINGS)
def test_text_file_in_each_encoding(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode(codec))
    [article] = read_inputs([str(path)])
    assert article.error is None
    assert (article.id, article.title, article.text) == ("report.txt", TITLE, BODY)
    assert article.published is None  # a file's mtime is not a publication time


def test_legacy_code_pages_are_told_apart() -> None:
    assert decode_bytes(BODY.encode("cp1256"))[1] == "cp1256"
    assert decode_bytes(BODY.encode("iso-8859-6"))[1] == "iso-8859-6"


def test_declared_charset_is_used_when_not_utf8() -> None:
    assert decode_bytes(BODY.encode("iso-8859-6"), "iso-8859-6")[0] == BODY
    assert decode_bytes(BODY.encode("utf-8"), "windows-1256")[0] == BODY  # valid UTF-8 wins


def test_undecodable_bytes_raise_and_become_failed_articles(tmp_path: Path) -> None:
    with pytest.raises(UndecodableError):
        decode_bytes("café olé ça été déjà".encode("latin-1") * 5)
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (tmp_path / "empty.txt").write_bytes(b"  \n\n")
    binary, empty = read_inputs([str(tmp_path)])
    assert binary.id == "binary.txt" and binary.error and "undecodable" in binary.error
    assert empty.id == "empty.txt" and empty.error and "empty" in empty.error


# -- text titles --------------------------------------------------------------------------


def test_split_title_rules() -> None:
    assert split_title(TEXT) == (TITLE, BODY)
    one_paragraph = BODY.split("\n")[0]
    assert split_title(one_paragraph) == ("", one_paragraph)  # nothing follows: no title
    assert split_title(BODY) == ("", BODY)  # first line ends like a sentence: not a title


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2019-05-08T11:20:00+03:00", datetime(2019, 5, 8, 11, 20, tzinfo=PLUS3)),
        ("2019-05-08T08:20:00Z", datetime(2019, 5, 8, 8, 20, tzinfo=UTC)),
        ("2019-05-08 11:20:00.000+0300", datetime(2019, 5, 8, 11, 20, tzinfo=PLUS3)),
        ("2019-05-08", datetime(2019, 5, 8)),
        ("Wed, 08 May 2019 11:20:00 +0300", datetime(2019, 5, 8, 11, 20, tzinfo=PLUS3)),
        ("Wed, 08 May 2019 08:20:00 GMT", datetime(2019, 5, 8, 8, 20, tzinfo=UTC)),
        ("٢٠١٩-٠٥-٠٨", datetime(2019, 5, 8)),
        (1557303600, datetime(2019, 5, 8, 8, 20, tzinfo=UTC)),
        ("", None),
        (None, None),
    ],
)
def test_parse_datetime(raw: str | int | None, expected: datetime | None) -> None:
    parsed = parse_datetime(raw)
    assert parsed == expected
    if expected is not None:
        assert parsed is not None and parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("raw", ["yesterday", "2019-13-45", "منذ ساعتين", "Wed, 99 Foo 2019"])
def test_parse_datetime_rejects(raw: str) -> None:
    with pytest.raises(ValueError, match="unrecognised"):
        parse_datetime(raw)


# -- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_fields_and_bad_records_do_not_stop_the_stream(tmp_path: Path) -> None:
    path = write_jsonl(
        tmp_path / "news.jsonl",
        [
            {"id": "a1", "text": BODY, "title": TITLE, "url": "https://x.example/a1",
             "published": "Wed, 08 May 2019 11:20:00 +0300", "source": "وكالة"},
            "{not json",
            {"id": "a3", "title": "بلا نص"},
            "",
            {"id": "a5", "text": BODY, "published": "الأسبوع الماضي"},
            ["not", "an", "object"],
            {"text": BODY, "url": "https://x.example/a7"},
            {"id": 8, "text": "  "},
        ],
    )  # fmt: skip
    got = list(read_inputs([str(path)]))
    assert [a.id for a in got] == [
        "a1", "news.jsonl:2", "a3", "a5", "news.jsonl:6", "https://x.example/a7", "8",
    ]  # fmt: skip
    ok = got[0]
    assert (ok.title, ok.url, ok.source, ok.text) == (TITLE, "https://x.example/a1", "وكالة", BODY)
    assert ok.published == datetime(2019, 5, 8, 11, 20, tzinfo=PLUS3) and ok.error is None
    assert got[1].error and got[1].error.startswith("bad JSON")
    assert got[2].error == "missing text: no field 'text'" and got[2].title == "بلا نص"
    assert got[3].error and got[3].error.startswith("bad published date") and got[3].text == BODY
    assert got[4].error and "not an object" in got[4].error
    assert got[5].error is None and got[5].content_hash
    assert got[6].error and "missing text" in got[6].error


def test_ant_records_are_detected_and_mapping_presets_parse(tmp_path: Path) -> None:
    ant = {"docno": "SKY-1", "src": "skynews", "time": "Tue, 06 Mar 2018 10:00:00 +0400",
           "title": TITLE, "text": BODY, "url": "https://x.example/1"}  # fmt: skip
    path = write_jsonl(tmp_path / "ant.jsonl", [ant])
    [article] = read_inputs([str(path)])
    assert (article.id, article.source) == ("SKY-1", "skynews")
    assert article.published == datetime(2018, 3, 6, 10, tzinfo=timezone(timedelta(hours=4)))
    assert FieldMapping.from_spec("ant") == ANT_MAPPING
    custom = FieldMapping.from_spec("id=uid, text=body,published=date")
    assert (custom.id, custom.text, custom.published, custom.title) == (
        "uid",
        "body",
        "date",
        "title",
    )
    with pytest.raises(ValueError, match="bad field mapping"):
        FieldMapping.from_spec("colour=red")
    other = write_jsonl(
        tmp_path / "other.jsonl", [{"uid": "u1", "body": BODY, "date": "2019-01-02"}]
    )
    [mapped] = read_inputs([str(other)], mapping=custom)
    assert (mapped.id, mapped.text, mapped.published) == ("u1", BODY, datetime(2019, 1, 2))


def test_jsonl_gz_json_array_and_bom(tmp_path: Path) -> None:
    rows = [{"id": f"r{i}", "text": BODY} for i in range(3)]
    gz = tmp_path / "a.jsonl.gz"
    gz.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in rows).encode()))
    array = tmp_path / "b.json"
    array.write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    bom = tmp_path / "c.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps(rows[0], ensure_ascii=False).encode())
    utf16 = tmp_path / "d.jsonl"
    utf16.write_bytes(json.dumps(rows[1], ensure_ascii=False).encode("utf-16"))
    got = list(read_inputs([str(gz), str(array), str(bom), str(utf16)]))
    assert [a.id for a in got] == ["r0", "r1", "r2", "r0", "r1", "r2", "r0", "r1"]
    assert all(a.error is None and a.text == BODY for a in got)


def test_jsonl_line_in_windows_1256_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps({"id": "w", "text": BODY}, ensure_ascii=False).encode("cp1256"))
    [article] = read_inputs([str(path)])
    assert article.error is None and article.text == BODY


# -- directories, stdin, dispatch -------------------------------------------------------------


def test_directories_are_walked_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "b" / "z.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "README.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden" / "x.txt").write_text(TEXT, encoding="utf-8")
    write_jsonl(tmp_path / "c.jsonl", [{"id": "c1", "text": BODY}])
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["a.txt", "c1", "b/z.txt"]


def test_missing_input_raises_before_reading(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="nope"):
        read_inputs([str(tmp_path / "a.txt"), str(tmp_path / "nope.jsonl")])


@pytest.mark.parametrize("compress", [False, True])
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, compress: bool) -> None:
    data = json.dumps({"id": "s1", "text": BODY}, ensure_ascii=False).encode() + b"\n"
    data = gzip.compress(data) if compress else data
    stdin = SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdin", stdin)
    [article] = read_inputs(["-"])
    assert (article.id, article.text) == ("s1", BODY)


def test_stdin_plain_text(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = SimpleNamespace(buffer=io.BufferedReader(io.BytesIO(TEXT.encode("cp1256"))))
    monkeypatch.setattr(sys, "stdin", stdin)
    [article] = read_inputs(["-"])
    assert (article.id, article.title, article.text) == ("stdin", TITLE, BODY)


@pytest.mark.parametrize(
    ("head", "fmt"),
    [
        (b'{"id": 1}', "jsonl"),
        (b"\xef\xbb\xbf  [{}]", "jsonl"),
        (b"WARC/1.1\r\n", "warc"),
        (b'<?xml version="1.0"?><rss version="2.0">', "feed"),
        (b'<?xml version="1.0"?>\n<feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        ("خبر عاجل".encode(), "text"),
        ('{"id": 1}'.encode("utf-16"), "jsonl"),
    ],
)
def test_sniff_format(head: bytes, fmt: str) -> None:
    assert sniff_format(head) == fmt


def test_unknown_extension_given_explicitly_is_sniffed(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "dump.data", [{"id": "d1", "text": BODY}])
    assert [a.id for a in read_inputs([str(path)])] == ["d1"]


class CountingStream(io.RawIOBase):
    """A readable stream that counts the bytes handed out, to prove the readers stream."""

    def __init__(self, data: bytes) -> None:
        self.inner = io.BytesIO(data)
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        n = self.inner.readinto(buffer)
        self.consumed += n
        return n


@pytest.mark.parametrize("compress", [False, True])
def test_jsonl_is_streamed_not_loaded(monkeypatch: pytest.MonkeyPatch, compress: bool) -> None:
    line = json.dumps({"id": "s", "text": BODY}, ensure_ascii=False).encode() + b"\n"
    data = line * 20_000  # about 5 MB
    raw = CountingStream(gzip.compress(data, compresslevel=1) if compress else data)
    monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BufferedReader(raw)))
    articles = read_inputs(["-"])
    first = next(articles)
    assert first.text == BODY
    assert raw.consumed < 256 * 1024  # only a buffer's worth was read for the first article
    assert sum(1 for _ in articles) == 19_999
