"""The /api routes on a temporary store of hand-built articles."""

from __future__ import annotations

import csv
import io
import re
import sys
import warnings
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import get_args

import pytest

from marsad.model import Article, Event, Span
from marsad.store import Store
from marsad.store.exports import ACLED_COLUMNS
from marsad.store.queries import ORDERINGS

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from marsad.web.app import create_app
from marsad.web.params import Sort

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# Texts written for these tests.
TEXT_IDLIB = (
    "قصفت طائرات حربية بلدة سراقب بإدلب صباح الثلاثاء، ما أدى إلى مقتل خمسة مدنيين "
    "وإصابة آخرين بجروح، بحسب الدفاع المدني."
)
TEXT_ALEPPO = "اندلعت اشتباكات عنيفة بين فصائل المعارضة والقوات الحكومية في ريف حلب الجنوبي."
TEXT_DARAA = "تظاهر العشرات في مدينة درعا احتجاجا على انقطاع الكهرباء والماء عن الأحياء."


def _event(event_id: str, text: str, phrase: str, **fields: object) -> Event:
    start = text.index(phrase)
    base: dict[str, object] = {
        "event_id": event_id,
        "time_precision": 1,
        "country": "Syria",
        "evidence": (Span(start, start + len(phrase)),),
    }
    return Event(**{**base, **fields})


def _articles() -> list[Article]:
    idlib = Article.create(TEXT_IDLIB, id="idlib-1", title="غارات على سراقب")
    aleppo = Article.create(TEXT_ALEPPO, id="aleppo-1", title="اشتباكات في ريف حلب")
    daraa = Article.create(TEXT_DARAA, id="daraa-1", title="احتجاج في درعا")
    return [
        replace(
            idlib,
            published=datetime(2018, 3, 6),
            events=(
                _event(
                    "EV-IDL-1", TEXT_IDLIB, "قصفت طائرات حربية بلدة سراقب",
                    event_date="2018-03-06", event_type="Explosions/Remote violence",
                    sub_event_type="Air/drone strike", actor1="Military Forces of Syria",
                    actor2="Civilians (Syria)", admin1="Idleb", location="Saraqab",
                    latitude=35.86, longitude=36.80, fatalities=5, confidence=0.9,
                ),
            ),
        ),
        replace(
            aleppo,
            published=datetime(2018, 3, 8),
            events=(
                _event(
                    "EV-ALP-1", TEXT_ALEPPO, "اندلعت اشتباكات عنيفة",
                    event_date="2018-03-08", event_type="Battles", sub_event_type="Armed clash",
                    actor1="Military Forces of Syria", actor2="Opposition Rebels (Syria)",
                    admin1="Aleppo", location="Aleppo", latitude=36.2, longitude=37.15,
                    fatalities=0, confidence=0.6,
                ),
            ),
        ),
        replace(
            daraa,
            published=datetime(2018, 4, 2),
            events=(
                _event(
                    "EV-DRA-1", TEXT_DARAA, "تظاهر العشرات في مدينة درعا",
                    event_date="2018-04-02", event_type="Protests",
                    sub_event_type="Peaceful protest", actor1="Protesters (Syria)",
                    admin1="Dar'a", location="Dar'a", latitude=32.62, longitude=36.10,
                    fatalities=0, confidence=0.4,
                ),
            ),
        ),
    ]  # fmt: skip


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "web.db")
    with Store(path) as store:
        for article in _articles():
            store.upsert(article)
    return path


@pytest.fixture()
def client(db: str) -> Iterator[TestClient]:
    with TestClient(create_app(db, token=TOKEN)) as c:
        yield c


def _ids(response: object) -> list[str]:
    return [e["event_id"] for e in response.json()["events"]]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, ["EV-DRA-1", "EV-ALP-1", "EV-IDL-1"]),
        ({"event_type": "Battles"}, ["EV-ALP-1"]),
        ({"admin1": "Idleb"}, ["EV-IDL-1"]),
        ({"date_from": "2018-03-07", "date_to": "2018-03-31"}, ["EV-ALP-1"]),
        ({"actor": "forces of syria"}, ["EV-ALP-1", "EV-IDL-1"]),
        ({"bbox": "36.5,35.5,37.0,36.0"}, ["EV-IDL-1"]),
        ({"min_confidence": "0.5"}, ["EV-ALP-1", "EV-IDL-1"]),
        ({"q": "إدلب"}, ["EV-IDL-1"]),  # the text has «بإدلب»
        ({"sort": "-fatalities", "limit": "1"}, ["EV-IDL-1"]),
        ({"sort": "event_date", "offset": "1", "limit": "1"}, ["EV-ALP-1"]),
        ({"actor": "'; DROP TABLE events; --"}, []),
    ],
)
def test_event_filters(client: TestClient, params: dict[str, str], expected: list[str]) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 200, response.text
    assert _ids(response) == expected
    if "limit" not in params:
        assert response.json()["total"] == len(expected)
    assert client.get("/api/events").json()["total"] == 3  # nothing was dropped


def test_event_detail_has_evidence_and_article(client: TestClient) -> None:
    body = client.get("/api/events/EV-IDL-1").json()
    assert body["event"]["evidence"][0]["text"] == "قصفت طائرات حربية بلدة سراقب"
    assert body["event"]["fatalities"] == 5
    assert body["article"]["id"] == "idlib-1"
    assert body["article"]["title"] == "غارات على سراقب"
    missing = client.get("/api/events/NOPE")
    assert missing.status_code == 404 and "NOPE" in missing.json()["error"]


def test_article_with_text_and_spans(client: TestClient) -> None:
    body = client.get("/api/articles/aleppo-1").json()
    assert body["text"] == TEXT_ALEPPO
    assert {"entities", "places", "events", "quotes"} <= set(body)
    assert body["events"][0]["evidence"][0]["text"] == "اندلعت اشتباكات عنيفة"
    assert client.get("/api/articles/unknown").status_code == 404


def test_geojson_and_acled_csv_of_the_same_query(client: TestClient) -> None:
    geo = client.get("/api/events.geojson", params={"min_confidence": "0.5"})
    assert geo.headers["content-type"].startswith("application/geo+json")
    features = geo.json()["features"]
    assert sorted(f["properties"]["event_id"] for f in features) == ["EV-ALP-1", "EV-IDL-1"]
    idlib = next(f for f in features if f["properties"]["event_id"] == "EV-IDL-1")
    assert idlib["geometry"]["coordinates"] == [36.80, 35.86]
    response = client.get("/api/events.csv", params={"min_confidence": "0.5"})
    assert "attachment" in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert tuple(rows[0]) == ACLED_COLUMNS
    assert sorted(r["event_id_cnty"] for r in rows) == ["EV-ALP-1", "EV-IDL-1"]


def test_search_and_stats(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "ادلب"}).json()["results"]
    assert [h["id"] for h in hits] == ["idlib-1"]
    stats = client.get("/api/stats").json()
    assert stats["by_event_type"] == {
        "Battles": 1,
        "Explosions/Remote violence": 1,
        "Protests": 1,
    }
    assert stats["by_day"] == {"2018-03-06": 1, "2018-03-08": 1, "2018-04-02": 1}
    filtered = client.get("/api/stats", params={"admin1": "Aleppo"}).json()
    assert filtered["by_admin1"] == {"Aleppo": 1}
    assert filtered["by_actor"]["Military Forces of Syria"] == 1


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"limit": "5000"}, 422, "limit"),
        ({"limit": "0"}, 422, "limit"),
        ({"offset": "-1"}, 422, "offset"),
        ({"sort": "pk; DROP TABLE events"}, 422, "sort"),
        ({"min_confidence": "2"}, 422, "min_confidence"),
        ({"min_confidence": "high"}, 422, "min_confidence"),
        ({"bbox": "1,2,3"}, 400, "bbox"),
        ({"bbox": "a,b,c,d"}, 400, "bbox"),
        ({"bbox": "40,30,35,36"}, 400, "bbox"),
        ({"date_from": "March 2018"}, 400, "date_from"),
        ({"date_from": "2018-04-01", "date_to": "2018-03-01"}, 400, "after"),
    ],
)
def test_bad_parameters_are_explained(
    client: TestClient, params: dict[str, str], status: int, words: str
) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_search_needs_a_query(client: TestClient) -> None:
    assert client.get("/api/search").status_code == 422
    assert client.get("/api/search", params={"q": "   "}).status_code == 400


def test_writes_refused_without_configured_token(db: str) -> None:
    with TestClient(create_app(db)) as c:
        response = c.post("/api/articles", json={"id": "x", "text": TEXT_DARAA}, headers=AUTH)
    assert response.status_code == 403
    assert "token" in response.json()["error"]


@pytest.mark.parametrize(
    "headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}]
)
def test_writes_refused_without_the_right_token(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post("/api/articles", json={"id": "x", "text": TEXT_DARAA}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/articles/x").status_code == 404


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (b"{not json", "JSON"),
        (b"[]", "1 to"),
        (b'{"id": "x"}', "text"),
        (b'{"id": "x", "text": "   "}', "text"),
        (b'{"id": "x", "text": "\\u0646\\u0635", "title": 5}', "title"),
        (b'{"id": "x", "text": "\\u0646\\u0635", "published": "yesterday"}', "published"),
        (b'{"id": ["x"], "text": "\\u0646\\u0635"}', "id"),
        (b'["just a string"]', "object"),
    ],
)
def test_bad_bodies_are_explained(client: TestClient, body: bytes, words: str) -> None:
    response = client.post(
        "/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert words in response.json()["error"]


def test_oversized_body_is_refused(db: str) -> None:
    with TestClient(create_app(db, token=TOKEN, max_body=2000)) as c:
        response = c.post("/api/articles", json={"id": "big", "text": "ن" * 5000}, headers=AUTH)
        assert response.status_code == 413
        assert c.get("/api/articles/big").status_code == 404


def test_post_analyses_and_stores(client: TestClient) -> None:
    one = {
        "id": "posted-1",
        "text": "قُتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي.",
        "title": "قصف على كفرنبل",
        "published": "2018-03-10T09:00:00+00:00",
        "source": "test",
    }
    response = client.post("/api/articles", json=one, headers=AUTH)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "inserted" and body["id"] == "posted-1" and body["error"] is None
    stored = client.get("/api/articles/posted-1").json()
    assert stored["text"] == one["text"] and stored["title"] == one["title"]
    assert stored["events"] == body["events"]
    two = [one, {"id": "posted-2", "text": TEXT_ALEPPO}]
    statuses = [r["status"] for r in client.post("/api/articles", json=two, headers=AUTH).json()]
    assert statuses == ["unchanged", "inserted"]


def test_dashboard_is_self_contained(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css", "/static/syria_admin1.json"):
        response = client.get(asset)
        assert response.status_code == 200, asset
        assert "http://" not in response.text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in response.text
    assert "https://" not in page.text and "http://" not in page.text
    geo = client.get("/static/syria_admin1.json")
    assert len(geo.content) < 300_000
    assert len(geo.json()["features"]) == 14 and "UN OCHA" in geo.json()["attribution"]
    assert "innerHTML" not in client.get("/static/app.js").text.split("\n", 4)[-1]


@pytest.mark.parametrize("page", ["/docs", "/redoc"])
def test_api_doc_pages_load_nothing_from_elsewhere(client: TestClient, page: str) -> None:
    pytest.importorskip(
        "fastapi_offline", reason="fastapi-offline not installed: /docs and /redoc are off"
    )
    response = client.get(page)
    assert response.status_code == 200
    html = response.text
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert any(a.endswith(".js") for a in assets)
    for asset in assets:
        assert asset.startswith("/"), asset
        assert client.get(asset).status_code == 200, asset
    if page == "/docs":  # its validator badge would fetch an image from the validator's site
        assert re.search(r'"validatorUrl":\s*null', html)


def test_without_local_doc_assets_no_doc_pages(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "fastapi_offline", None)  # as if not installed
    with TestClient(create_app(db)) as c:
        assert c.get("/docs").status_code == 404 and c.get("/redoc").status_code == 404
        assert c.get("/openapi.json").json()["info"]["title"] == "marsad"


def test_sort_offers_exactly_the_store_orderings(client: TestClient) -> None:
    assert set(get_args(Sort)) == set(ORDERINGS)
    for key in ORDERINGS:
        assert client.get("/api/events", params={"sort": key}).status_code == 200, key


def test_serve_scope_decides_the_entities_of_posted_articles(db: str) -> None:
    """A sentence far from any event keeps its names only when the server tags every sentence."""
    calm = "زار وزير الخارجية الأردني أيمن الصفدي العاصمة الفرنسية باريس والتقى نظيره الفرنسي."
    filler = " ".join(["وتناول الاجتماع العلاقات الثنائية بين البلدين."] * 4)
    strike = "قُتل ثلاثة مدنيين في قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب."
    text = f"{strike} {filler} {calm}"
    article = {"id": "scope-1", "text": text, "published": "2018-03-10T09:00:00+00:00"}
    found = {}
    for scope in ("events", "all"):
        with TestClient(create_app(db, token=TOKEN, entity_scope=scope)) as c:
            body = c.post("/api/articles", json={**article, "id": f"scope-{scope}"}, headers=AUTH).json()
        found[scope] = [e for e in body["entities"] if e["start"] >= len(text) - len(calm)]
        assert body["events"], scope
    assert found["all"] and not found["events"]
