"""HTML extraction: own pages, the real pages in ../shared/data/html, and the ANT corpus."""

from __future__ import annotations

import difflib
import gzip
import itertools
import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from marsad.ingest import read_inputs
from marsad.ingest.boilerplate import clean_article
from marsad.ingest.html import declared_charset

PARAGRAPHS = (
    "أعلنت قيادة العمليات المشتركة في العراق مقتل أربعة عناصر من تنظيم داعش خلال عملية أمنية في صحراء الأنبار.",
    "وقال بيان للقيادة إن القوات الأمنية دمرت مضافة للتنظيم وضبطت كميات من الأسلحة والأعتدة في المنطقة.",
    "وأشار البيان إلى أن العملية جاءت بناءً على معلومات استخبارية دقيقة، وأنها ستتواصل حتى تطهير المنطقة.",
)


def own_page(charset: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        f'<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        "<title>مقتل أربعة من عناصر داعش في الأنبار</title>"
        '<meta property="og:site_name" content="أخبار تجريبية">'
        '<link rel="canonical" href="https://news.example/anbar-op">'
        '<meta property="article:published_time" content="2019-03-12T14:00:00+03:00">'
        f"</head><body><div class='menu'>الرئيسية</div><article>{body}</article>"
        "<div class='share'>شارك على فيسبوك</div></body></html>"
    )


@pytest.mark.parametrize("charset", ["utf-8", "windows-1256"])
def test_own_page_title_date_site_and_text(tmp_path: Path, charset: str) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(own_page(charset).encode("cp1256" if charset != "utf-8" else "utf-8"))
    [article] = read_inputs([str(path)])
    assert article.error is None
    assert article.title == "مقتل أربعة من عناصر داعش في الأنبار"
    assert article.url == article.id == "https://news.example/anbar-op"
    assert article.source == "أخبار تجريبية"
    assert article.published == datetime(2019, 3, 12, 14, tzinfo=timezone(timedelta(hours=3)))
    assert article.text.split("\n") == list(PARAGRAPHS)


def test_page_without_main_text_fails_with_reason(tmp_path: Path) -> None:
    path = tmp_path / "empty.htm"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    [article] = read_inputs([str(path)])
    assert article.id == "empty.htm" and article.error == "html: no main text found"


def test_declared_charset() -> None:
    assert declared_charset(b'<meta charset="windows-1256">') == "windows-1256"
    assert declared_charset(b"<html><p>no meta</p></html>") is None


# -- real pages (../shared) ------------------------------------------------------------------


@pytest.fixture(scope="module")
def html_articles(shared_dir: Path) -> dict[str, object]:
    folder = shared_dir / "data" / "html"
    return {p.name: next(iter(read_inputs([str(p)]))) for p in sorted(folder.glob("*.html"))}


def test_shared_pages_dates_match_ground_truth(shared_dir: Path, html_articles: dict) -> None:
    truth = json.loads((shared_dir / "data/html/htmldate_ground_truth.json").read_text())
    checked = 0
    for name, article in html_articles.items():
        key = name.rsplit("_", 1)[-1].removesuffix(".html")
        if key not in truth:
            continue
        expected = date.fromisoformat(truth[key]["publication_date"])
        published = article.published
        assert article.error is None and published is not None, name
        if published.tzinfo is None:
            assert published.date() == expected, name
        else:  # an instant: the page's local day must be reachable by some real UTC offset
            local_days = {(published + timedelta(hours=h)).date() for h in range(-12, 15)}
            assert expected in local_days, name
            assert published.date() == expected or name.startswith("elbaladtv"), name
        checked += 1
    assert checked == 8


def test_shared_pages_titles_and_text(html_articles: dict) -> None:
    for name, article in html_articles.items():
        assert article.error is None, name
        assert len(article.title) > 10 and len(article.text) > 400, name
        assert article.source and article.url.startswith("http"), name
    assert html_articles["youm7.com_1691196862.html"].title.startswith("وزير الرى يشهد توقيع عقد")


def test_cnn_main_text_matches_gold_after_cleaning(shared_dir: Path, html_articles: dict) -> None:
    gold = (shared_dir / "data/html/cnn_arabic_2013_syria_clashes.gold.txt").read_text("utf-8")
    raw = html_articles["cnn_arabic_2013_syria_clashes.html"]
    cleaned = clean_article(raw)

    def similarity(text: str) -> float:
        return difflib.SequenceMatcher(None, text.strip(), gold.strip(), autojunk=False).ratio()

    assert similarity(cleaned.text) >= 0.97  # measured 0.998: comment policy removed
    assert similarity(cleaned.text) > similarity(raw.text)
    assert cleaned.content_hash == raw.content_hash


# -- ANT corpus ----------------------------------------------------------------------------


def test_ant_preset_on_real_lines(shared_dir: Path) -> None:
    path = shared_dir / "data/news/ant2018_syria.jsonl"
    with path.open(encoding="utf-8") as f:
        raw = [json.loads(line) for line in itertools.islice(f, 5)]
    articles = list(itertools.islice(read_inputs([str(path)]), 5))
    for record, article in zip(raw, articles, strict=True):
        assert article.error is None
        assert (article.id, article.source, article.url) == (
            record["docno"],
            record["src"],
            record["url"],
        )
        assert article.title == record["title"] and article.text == record["text"]
        assert article.published is not None and article.published.utcoffset() is not None


def test_ant_gzip_corpus_streams(shared_dir: Path) -> None:
    path = shared_dir / "data/news/ant2018_all.jsonl.gz"
    if not path.exists():
        pytest.skip(f"../shared not found: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        ids = [json.loads(line)["docno"] for line in itertools.islice(f, 3)]
    got = list(itertools.islice(read_inputs([str(path)]), 3))
    assert [a.id for a in got] == ids and all(a.error is None for a in got)
