"""WARC and RSS/Atom readers on fixtures the tests build (own Arabic sentences)."""

from __future__ import annotations

import gzip
import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from marsad.ingest import read_inputs, read_records
from marsad.ingest.feeds import html_to_text
from marsad.model import RawPage
from marsad.store import Store

PARAGRAPHS = (
    "قُتل ثلاثة مدنيين وأصيب خمسة آخرون جراء قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.",
    "وقال ناشطون محليون إن القصف طال منازل سكنية وسوقاً شعبياً وسط البلدة، ما أدى إلى أضرار مادية كبيرة.",
    "وأضاف الناشطون أن فرق الدفاع المدني عملت على إسعاف الجرحى ونقلهم إلى مستشفى ميداني قريب من المنطقة.",
)


def page(title: str, date: str | None = None, charset: str = "utf-8") -> str:
    meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">'
        f"<title>{title}</title>{meta}</head><body><header><nav>الرئيسية | أخبار | رياضة</nav>"
        f"</header><article><h1>{title}</h1>{body}</article><footer>من نحن</footer></body></html>"
    )


def warc_record(headers: dict[str, str], block: bytes) -> bytes:
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str, status: str = "200 OK") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def response(uri: str, date: str, block: bytes, n: int) -> bytes:
    headers = {
        "WARC-Type": "response",
        "WARC-Record-ID": f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>",
        "WARC-Date": date,
        "WARC-Target-URI": uri,
        "Content-Type": "application/http; msgtype=response",
    }
    return warc_record(headers, block)


def build_warc() -> list[bytes]:
    """warcinfo, request, two HTML pages (one dated, one not), an image, a 404 page."""
    dated = page("قصف مدفعي على كفرنبل", "2019-05-08T09:30:00+03:00").encode()
    undated = page("غارات على ريف حماة", charset="windows-1256").encode("cp1256")
    info = {
        "WARC-Type": "warcinfo",
        "WARC-Record-ID": "<urn:uuid:1>",
        "WARC-Date": "2019-05-09T00:00:00Z",
    }
    request = {
        "WARC-Type": "request", "WARC-Record-ID": "<urn:uuid:2>", "WARC-Date": "2019-05-09T00:00:00Z",
        "WARC-Target-URI": "https://news.example/a1", "Content-Type": "application/http; msgtype=request",
    }  # fmt: skip
    return [
        warc_record(info, b"software: marsad tests\r\n"),
        warc_record(request, b"GET /a1 HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        response(
            "https://news.example/a1",
            "2019-05-09T10:00:00Z",
            http_response(dated, "text/html; charset=utf-8"),
            3,
        ),  # fmt: skip
        response(
            "https://news.example/logo.jpg",
            "2019-05-09T10:00:01Z",
            http_response(b"\xff\xd8\xff\xe0 not html", "image/jpeg"),
            4,
        ),  # fmt: skip
        response(
            "https://news.example/missing",
            "2019-05-09T10:00:02Z",
            http_response(dated, "text/html", "404 Not Found"),
            5,
        ),  # fmt: skip
        response(
            "https://news.example/a2",
            "2019-05-09T10:00:03Z",
            http_response(undated, "text/html; charset=windows-1256"),
            6,
        ),  # fmt: skip
    ]


#: Written for these tests: each page of the crawl below reports its own event.
REPORTS = (
    "قتل ثلاثة مدنيين في قصف جوي استهدف بلدة كفرنبل بريف إدلب الجنوبي صباح اليوم.",
    "اندلعت اشتباكات بين قوات النظام وفصائل معارضة على أطراف مدينة درعا.",
    "انفجرت سيارة مفخخة في سوق مدينة عفرين ما أسفر عن مقتل خمسة أشخاص.",
    "تظاهر العشرات في مدينة السويداء احتجاجا على تردي الأوضاع المعيشية.",
)
BROKEN_URIS = ("https://news.example/binary", "https://news.example/empty")


def write_crawl(path: Path, copies: int = 2) -> Path:
    """A gzipped WARC: :func:`build_warc`'s records (two pages), then ``copies`` rounds of one
    page per report, with two broken HTML records (binary bytes sent as text/html, a page
    without main text) in the first round."""
    records = build_warc()
    n = len(records)
    for c in range(copies):
        for i, report in enumerate(REPORTS):
            body = page(f"تقرير {i}", "2019-05-08T09:30:00+03:00").replace(PARAGRAPHS[0], report)
            uri = f"https://news.example/r{c}-{i}"
            n += 1
            records.append(response(uri, "2019-05-09T10:00:00Z",
                                    http_response(body.encode(), "text/html; charset=utf-8"), n))  # fmt: skip
            if c == 0 and i == 1:
                blocks = (b"\x00\x01\xff" * 300, b"<html><body></body></html>")
                for broken, block in zip(BROKEN_URIS, blocks, strict=True):
                    n += 1
                    records.append(response(broken, "2019-05-09T10:00:00Z",
                                            http_response(block, "text/html"), n))  # fmt: skip
    path.write_bytes(b"".join(gzip.compress(r) for r in records))
    return path


@pytest.mark.parametrize("compressed", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, compressed: bool) -> None:
    records = build_warc()
    if compressed:
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(b"".join(gzip.compress(r) for r in records))  # one gzip member per record
    else:
        path = tmp_path / "crawl.warc"
        path.write_bytes(b"".join(records))
    articles = list(read_inputs([str(path)]))
    assert [a.url for a in articles] == ["https://news.example/a1", "https://news.example/a2"]
    assert [a.id for a in articles] == [a.url for a in articles]
    assert all(a.error is None for a in articles)
    first, second = articles
    assert first.title == "قصف مدفعي على كفرنبل"
    assert PARAGRAPHS[0] in first.text and PARAGRAPHS[2] in first.text
    assert "الرئيسية" not in first.text  # navigation is not main text
    # the page's own date (with its offset) wins over the capture time
    assert first.published == datetime(2019, 5, 8, 9, 30, tzinfo=timezone(timedelta(hours=3)))
    # a page without a date falls back to the WARC-Date; windows-1256 body decoded
    assert second.published == datetime(2019, 5, 9, 10, 0, 3, tzinfo=UTC)
    assert second.title == "غارات على ريف حماة" and PARAGRAPHS[1] in second.text


def test_truncated_or_corrupt_warc_reports_errors(tmp_path: Path) -> None:
    records = build_warc()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(b"".join(records[:3]) + records[5][:500])  # last record cut in its body
    first, last = read_inputs([str(cut)])
    assert first.url == "https://news.example/a1" and first.error is None
    assert last.id == "https://news.example/a2" and last.error and "truncated" in last.error
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"not a warc file\r\n" * 50)
    [bad] = read_inputs([str(junk)])
    assert bad.id == "junk.warc#1" and bad.error and "warc" in bad.error


def test_warc_pages_are_left_to_the_engine_and_broken_ones_fail_alone(tmp_path: Path) -> None:
    path = write_crawl(tmp_path / "crawl.warc.gz")
    records = list(read_records([str(path)]))
    assert all(isinstance(r, RawPage) for r in records)  # extraction is the engine's job
    articles = list(read_inputs([str(path)]))
    assert [a.id for a in articles] == [r.name for r in records]
    failed = {a.id: a.error for a in articles if a.error}
    assert set(failed) == set(BROKEN_URIS)
    assert failed[BROKEN_URIS[0]].startswith("undecodable: binary data")
    assert failed[BROKEN_URIS[1]] == "html: no main text found"
    assert len(articles) == 2 + 2 + 2 * len(REPORTS)


def test_a_page_whose_extraction_raises_becomes_a_failed_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from marsad.ingest import html

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser crashed")

    monkeypatch.setattr(html, "html_article", boom)
    article = html.page_article(RawPage("crawl.warc#3", b"<html></html>", "https://x.example/"))
    assert article.id == "crawl.warc#3" and article.url == "https://x.example/"
    assert article.error == "html: RuntimeError: parser crashed"


def test_a_failed_warc_page_keeps_its_url_and_warc_date(tmp_path: Path) -> None:
    """Extraction failing (undecodable bytes, no main text, a crash) or a cut-off record:
    the failed article still carries the record's target URI and capture time."""
    capture = datetime(2019, 5, 9, 10, 0, tzinfo=UTC)
    path = write_crawl(tmp_path / "crawl.warc.gz", copies=1)
    failed = [a for a in read_inputs([str(path)]) if a.error]
    assert [a.id for a in failed] == list(BROKEN_URIS)
    assert [(a.url, a.published) for a in failed] == [(uri, capture) for uri in BROKEN_URIS]
    with Store() as store:
        store.upsert_many(failed)
        stored = [store.get_article(uri) for uri in BROKEN_URIS]
    assert [(a.url, a.published, bool(a.error)) for a in stored if a] == [
        (uri, capture, True) for uri in BROKEN_URIS
    ]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(b"".join(build_warc()[:3]) + build_warc()[5][:500])
    last = list(read_inputs([str(cut)]))[-1]
    assert last.error and "truncated" in last.error
    assert (last.url, last.published) == (
        "https://news.example/a2",
        datetime(2019, 5, 9, 10, 0, 3, tzinfo=UTC),
    )


def test_a_page_whose_extraction_raises_keeps_its_date(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.ingest import html

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser crashed")

    capture = datetime(2019, 5, 9, 10, 0, tzinfo=UTC)
    monkeypatch.setattr(html, "_extract", boom)
    page_ = RawPage("crawl.warc#3", page("عنوان").encode(), "https://x.example/", capture)
    article = html.page_article(page_)
    assert article.error and "extraction failed" in article.error
    assert (article.url, article.published) == ("https://x.example/", capture)
    monkeypatch.setattr(html, "html_article", boom)
    article = html.page_article(page_)
    assert article.error == "html: RuntimeError: parser crashed"
    assert (article.url, article.published) == ("https://x.example/", capture)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>أخبار الميدان</title><link>https://feed.example/</link>
<item><title>اشتباكات في ريف حلب</title><link>https://feed.example/1</link>
<guid>feed-1</guid><pubDate>Tue, 12 Mar 2019 08:15:00 +0300</pubDate>
<description>&lt;p&gt;اندلعت اشتباكات بين فصائل المعارضة وقوات النظام في ريف حلب الغربي.&lt;/p&gt;&lt;p&gt;وأفادت مصادر بسقوط قتلى.&lt;/p&gt;</description></item>
<item><title>بلا نص</title><link>https://feed.example/2</link></item>
<item><title>تاريخ غريب</title><link>https://feed.example/3</link><pubDate>قبل ساعتين</pubDate>
<description>اعتقلت الشرطة ثلاثة أشخاص في مدينة الموصل.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>مرصد الأخبار</title><id>urn:feed</id>
<updated>2019-04-20T19:00:00+02:00</updated>
<entry><title>قصف على طرابلس</title><id>urn:entry:1</id>
<link href="https://atom.example/tripoli"/><updated>2019-04-20T19:00:00+02:00</updated>
<summary>ملخص قصير.</summary>
<content type="html">&lt;p&gt;سقطت قذائف على حي أبو سليم في العاصمة الليبية طرابلس مساء السبت.&lt;/p&gt;&lt;p&gt;ولم ترد أنباء عن ضحايا.&lt;/p&gt;</content>
</entry></feed>"""


def test_rss_items_become_articles_and_bad_items_fail_alone(tmp_path: Path) -> None:
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    ok, no_text, bad_date = read_inputs([str(path)])
    assert ok.error is None and ok.id == "feed-1" and ok.url == "https://feed.example/1"
    assert ok.title == "اشتباكات في ريف حلب" and ok.source == "أخبار الميدان"
    assert ok.text.split("\n") == [
        "اندلعت اشتباكات بين فصائل المعارضة وقوات النظام في ريف حلب الغربي.",
        "وأفادت مصادر بسقوط قتلى.",
    ]
    assert ok.published == datetime(2019, 3, 12, 8, 15, tzinfo=timezone(timedelta(hours=3)))
    assert (
        no_text.error
        and "missing text" in no_text.error
        and no_text.url == "https://feed.example/2"
    )
    assert bad_date.error and "date" in bad_date.error and bad_date.text


def test_atom_prefers_full_content_over_summary(tmp_path: Path) -> None:
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    [entry] = read_inputs([str(path)])
    assert entry.error is None and entry.id == "urn:entry:1"
    assert entry.url == "https://atom.example/tripoli"
    assert entry.text.startswith("سقطت قذائف على حي أبو سليم") and "ملخص" not in entry.text
    assert entry.published == datetime(2019, 4, 20, 19, tzinfo=timezone(timedelta(hours=2)))


def test_feed_detected_by_content_for_xml_and_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "a.xml").write_text(ATOM, encoding="utf-8")
    (tmp_path / "b.feed").write_text(RSS, encoding="utf-8")
    assert len(list(read_inputs([str(tmp_path / "a.xml"), str(tmp_path / "b.feed")]))) == 4


def test_unreadable_feed_yields_one_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_bytes(b"\x00\x01 this is no feed")
    [bad] = read_inputs([str(path)])
    assert bad.id == "broken.rss" and bad.error and bad.error.startswith("feed:")


@pytest.fixture()
def feed_url(tmp_path: Path) -> Iterator[str]:
    """The RSS fixture served on loopback, as an operator-listed feed URL."""
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(tmp_path), **kwargs)  # type: ignore[arg-type]

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_url_listed_by_the_operator_is_fetched(feed_url: str) -> None:
    articles = list(read_inputs([feed_url]))
    assert [a.url for a in articles] == [f"https://feed.example/{i}" for i in (1, 2, 3)]
    assert articles[0].error is None


def test_html_to_text_keeps_paragraphs_and_entities() -> None:
    assert html_to_text("<p>قصف&nbsp;على <b>حمص</b></p><p>ثانٍ</p>") == "قصف على حمص\nثانٍ"
