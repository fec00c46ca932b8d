"""The dashboard in headless Chromium over a store filled from real articles.

Analyses 30 conflict reports of ``../shared/data/news/ant2018_syria.jsonl``,
serves them, applies a filter through the form, opens an article from the
table and checks its evidence is highlighted; saves a screenshot.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import httpx
import pytest
from chromium_cdp import Browser

from marsad.ingest.fields import parse_datetime
from marsad.model import Article
from marsad.pipeline import default_pipeline
from marsad.store import Store

N_ARTICLES = 30
CONFLICT_WORDS = ("قصف", "غارات", "اشتباكات", "قتلى", "مقتل")


def _articles(path: Path) -> list[Article]:
    """The first ``N_ARTICLES`` Middle-East reports that speak of fighting."""
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            text = record.get("text") or ""
            if record.get("cat") != "middleEast" or not any(w in text for w in CONFLICT_WORDS):
                continue
            out.append(
                Article.create(
                    text,
                    id=record["docno"],
                    title=record.get("title") or "",
                    url=record.get("url") or "",
                    source=record.get("src") or "",
                    published=parse_datetime(record.get("time")),
                )
            )
            if len(out) == N_ARTICLES:
                break
    return out


@pytest.fixture(scope="module")
def corpus_db(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    news = shared_dir / "data/news/ant2018_syria.jsonl"
    if not news.exists():
        pytest.skip(f"../shared not complete: {news} missing")
    db = str(tmp_path_factory.mktemp("dashboard") / "corpus.db")
    pipeline = default_pipeline()
    with Store(db) as store:
        for article in _articles(news):
            store.upsert(pipeline.process(article))
    return db


def _type_cells(browser: Browser) -> list[str]:
    value: list[str] = browser.evaluate(
        "[...document.querySelectorAll('#events tbody tr[data-event] td:nth-child(2)')]"
        ".map(td => td.textContent)"
    )
    return value


def test_filter_open_article_and_highlight(corpus_db: str, chromium: str, live_server) -> None:
    base = live_server(corpus_db)
    stats = httpx.get(f"{base}/api/stats").json()
    assert stats["events"] > 0, "the pipeline found no events in 30 conflict reports"
    event_type = next(iter(stats["by_event_type"]))  # the commonest type
    expected = stats["by_event_type"][event_type]
    shot_dir = Path(tempfile.mkdtemp(prefix="marsad-dashboard-"))
    with Browser(chromium) as browser:
        browser.goto(f"{base}/")
        browser.wait_for("Number(document.body.dataset.ready || 0) >= 1")
        assert browser.evaluate("document.querySelectorAll('#map path.gov').length") == 14
        assert len(_type_cells(browser)) == min(stats["events"], 1000)

        # Apply a filter through the form, as an analyst would.
        browser.evaluate(
            "(() => { const f = document.getElementById('filters');"
            f" f.elements.event_type.value = {json.dumps(event_type)}; f.requestSubmit(); }})()"
        )
        browser.wait_for("Number(document.body.dataset.ready) >= 2")
        cells = _type_cells(browser)
        assert cells == [event_type] * min(expected, 1000)
        assert browser.evaluate("document.querySelectorAll('#map circle.event').length") <= len(
            cells
        )
        csv_href = browser.evaluate("document.getElementById('csv-link').href")
        assert "event_type=" in csv_href
        csv = httpx.get(csv_href)
        assert csv.status_code == 200 and len(csv.text.strip().splitlines()) == expected + 1

        # Open the first event's article from the table.
        row = browser.evaluate(
            "(() => { const r = document.querySelector('#events tbody tr[data-event]'); r.click();"
            " return {event: r.dataset.event, article: r.dataset.article}; })()"
        )
        browser.wait_for("document.querySelector('#article-text mark.evidence') !== null")
        marks = browser.evaluate(
            "[...document.querySelectorAll('#article-text mark.evidence')].map(m => m.textContent)"
        )
        assert browser.evaluate("document.getElementById('article-text').dir") == "rtl"
        assert (
            browser.evaluate("new URLSearchParams(location.search).get('article')")
            == row["article"]
        )
        path = browser.screenshot(shot_dir / "dashboard.png")
    event = httpx.get(f"{base}/api/events/{row['event']}").json()["event"]
    evidence = "".join(span["text"] for span in event["evidence"])
    assert marks and all(m in evidence for m in marks)
    print(f"dashboard screenshot: {path}")
