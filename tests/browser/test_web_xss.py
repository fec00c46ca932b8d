"""Untrusted article text, titles and event fields render as text, never as HTML."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from chromium_cdp import Browser

from marsad.model import Article, Event, Span
from marsad.store import Store

PAYLOADS = (
    '<script>window.__pwned = 1; document.title = "PWNED"</script>',
    "<img src=x onerror=\"window.__pwned = 2; document.title = 'PWNED'\">",
    '<svg onload="window.__pwned = 3">',
)
TITLE = 'عنوان <img src=y onerror="window.__pwned = 4"> خبيث'


def _hostile_article() -> Article:
    lead = "أفاد ناشطون بأن قصفاً مدفعياً استهدف بلدة كفرنبل جنوب إدلب. "
    text = lead + " ".join(PAYLOADS) + " وقال الدفاع المدني إن ثلاثة أشخاص قتلوا."
    payload_start = len(lead)
    event = Event(
        event_id="xss-1",
        event_date="2018-03-04",
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        actor1='<img src=z onerror="window.__pwned = 5">',
        country="Syria",
        admin1="Idleb",
        location="<b>Kafr Nabl</b>",
        latitude=35.61,
        longitude=36.56,
        fatalities=3,
        evidence=(Span(0, len(lead) - 1), Span(payload_start, payload_start + len(PAYLOADS[0]))),
        confidence=0.7,
    )
    article = Article.create(text, id="xss-article", title=TITLE, published=datetime(2018, 3, 4))
    return Article(**{**_fields(article), "events": (event,)})


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in article.__dataclass_fields__}


def test_payloads_in_article_and_event_fields_execute_nothing(
    tmp_path: Path, chromium: str, live_server
) -> None:
    db = str(tmp_path / "xss.db")
    with Store(db) as store:
        store.upsert(_hostile_article())
    base = live_server(db)
    with Browser(chromium) as browser:
        browser.goto(f"{base}/?article=xss-article&event=xss-1")
        browser.wait_for("document.querySelector('#article-text mark.evidence') !== null")
        browser.wait_for("document.querySelectorAll('#events tbody tr[data-event]').length === 1")
        state = browser.evaluate(
            """({
              title: document.title,
              pwned: window.__pwned === undefined ? null : window.__pwned,
              scripts: [...document.scripts].map(s => s.src),
              injected: document.querySelectorAll('#article-panel img, #article-panel svg, '
                + '#events img, #events b, #article-panel b').length,
              text: document.getElementById('article-text').textContent,
              heading: document.getElementById('article-title').textContent,
              evidence: [...document.querySelectorAll('#article-text mark.evidence')]
                .map(m => m.textContent),
              cell: document.querySelector('#events tbody td:nth-child(4)').textContent,
              dir: document.getElementById('article-text').getAttribute('dir'),
            })"""
        )
    assert state["title"] == "marsad — مرصد"
    assert state["pwned"] is None
    assert state["scripts"] == [f"{base}/static/app.js"]
    assert state["injected"] == 0
    for payload in PAYLOADS:
        assert payload in state["text"]  # shown to the analyst, as text
    assert state["heading"] == TITLE
    assert PAYLOADS[0] in state["evidence"]
    assert state["cell"] == '<img src=z onerror="window.__pwned = 5">'
    assert state["dir"] == "rtl"
