"""Latency of GET /api/events on a store of synthetic events.

Builds (or reuses) a store of ``--events`` generated events (not analysed:
random ACLED types, governorates, actors, dates, fatalities, short Arabic texts
written for this benchmark), then times a mix of filtered queries through the
FastAPI app in-process (TestClient: routing, validation, SQL, JSON).

    .venv/bin/python benchmarks/bench_api.py [--events 100000] [--requests 400]

Last line: ``p95_ms: N``.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from marsad.model import Article, Event, Span

TYPES = {
    "Battles": ("Armed clash",),
    "Explosions/Remote violence": ("Air/drone strike", "Shelling/artillery/missile attack"),
    "Violence against civilians": ("Attack",),
    "Protests": ("Peaceful protest",),
    "Strategic developments": ("Looting/property destruction",),
}
GOVERNORATES = {  # name: (lon, lat) near its centre
    "Idleb": (36.6, 35.8), "Aleppo": (37.5, 36.2), "Hama": (36.9, 35.2), "Homs": (37.9, 34.6),
    "Dar'a": (36.2, 32.7), "Rural Damascus": (36.7, 33.6), "Damascus": (36.3, 33.5),
    "Deir-ez-Zor": (40.3, 35.1), "Ar-Raqqa": (38.9, 35.9), "Al-Hasakeh": (41.0, 36.5),
    "Lattakia": (35.9, 35.6), "Tartous": (36.0, 34.9), "Quneitra": (35.8, 33.1),
    "As-Sweida": (36.7, 32.7),
}  # fmt: skip
ACTORS = (
    "Military Forces of Syria", "Hayat Tahrir al-Sham", "Islamic State", "Military Forces of Russia",
    "Military Forces of Turkey", "YPG: Peoples Protection Units", "Civilians (Syria)",
    "Free Syrian Army", "Military Forces of Israel", "Unidentified Armed Group (Syria)",
)  # fmt: skip
PLACES_AR = ("إدلب", "حلب", "حماة", "حمص", "درعا", "الغوطة", "دير الزور", "الرقة", "عفرين", "سراقب")
SENTENCES = (
    "قصفت قوات النظام مواقع في {p} صباح اليوم وأفادت مصادر محلية بسقوط قتلى.",
    "اندلعت اشتباكات عنيفة في محيط {p} بين فصائل المعارضة والقوات الحكومية.",
    "شنت طائرات حربية غارات على ريف {p} مما أدى إلى دمار واسع في المنازل.",
    "خرج مئات المتظاهرين في {p} للمطالبة بالإفراج عن المعتقلين.",
)


def _article(rng: random.Random, index: int, per_article: int) -> Article:
    place = rng.choice(PLACES_AR)
    text = " ".join(rng.choice(SENTENCES).format(p=place) for _ in range(3))
    published = datetime(2018, 1, 1) + timedelta(days=rng.randrange(365))
    events = []
    for k in range(per_article):
        event_type = rng.choice(list(TYPES))
        gov = rng.choice(list(GOVERNORATES))
        lon, lat = GOVERNORATES[gov]
        day = published.date() - timedelta(days=rng.randrange(3))
        events.append(
            Event(
                event_id=f"SYR{index:06d}{k}",
                event_date=day.isoformat(),
                time_precision=1,
                event_type=event_type,
                sub_event_type=rng.choice(TYPES[event_type]),
                actor1=rng.choice(ACTORS),
                actor2=rng.choice(ACTORS) if rng.random() < 0.6 else "",
                country="Syria",
                admin1=gov,
                location=place,
                latitude=round(lat + rng.uniform(-0.4, 0.4), 4),
                longitude=round(lon + rng.uniform(-0.4, 0.4), 4),
                fatalities=int(rng.expovariate(0.3)),
                evidence=(Span(0, min(40, len(text))),),
                confidence=round(rng.random(), 2),
            )
        )
    article = Article.create(text, id=f"synthetic-{index}", published=published, source="bench")
    return Article(
        **{
            **{f: getattr(article, f) for f in article.__dataclass_fields__},
            "events": tuple(events),
        }
    )


def build_store(path: Path, n_events: int, per_article: int = 5, seed: int = 7) -> None:
    """Fill a new store with ``n_events`` synthetic events."""
    from marsad.store import Store

    rng = random.Random(seed)
    with Store(str(path)) as store:
        batch: list[Article] = []
        for i in range((n_events + per_article - 1) // per_article):
            batch.append(_article(rng, i, per_article))
            if len(batch) == 500:
                store.upsert_many(batch)
                batch = []
        if batch:
            store.upsert_many(batch)


def query_mix(rng: random.Random) -> dict[str, str]:
    """One request's parameters: the filters an analyst combines on the dashboard."""
    start = date(2018, 1, 1) + timedelta(days=rng.randrange(330))
    choices = [
        {},
        {"date_from": start.isoformat(), "date_to": (start + timedelta(days=30)).isoformat()},
        {"event_type": rng.choice(list(TYPES))},
        {"admin1": rng.choice(list(GOVERNORATES))},
        {"actor": rng.choice(ACTORS).split()[0]},
        {"bbox": "36.0,35.0,37.5,36.5"},
        {"min_confidence": "0.8"},
        {"q": rng.choice(PLACES_AR)},
        {"admin1": "Idleb", "event_type": "Battles", "sort": "-fatalities"},
        {"date_from": start.isoformat(), "min_confidence": "0.5", "offset": "200"},
    ]
    params = rng.choice(choices)
    return {"limit": "100", **params}


def _time_requests(app: Any, n: int) -> list[float]:
    """Milliseconds per GET /api/events over ``n`` requests of the query mix."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's notice about httpx versions
        from fastapi.testclient import TestClient

    rng = random.Random(11)
    timings: list[float] = []
    with TestClient(app) as client:
        total = client.get("/api/events", params={"limit": 1}).json()["total"]
        print(f"store: {total} events")
        for _ in range(n):
            params = query_mix(rng)
            t0 = time.perf_counter()
            response = client.get("/api/events", params=params)
            timings.append((time.perf_counter() - t0) * 1000)
            response.raise_for_status()
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--db", default=None, help="reuse/create this store file")
    args = parser.parse_args()

    from marsad.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="marsad-bench-") as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "bench.db"
        if not db.exists():
            t0 = time.perf_counter()
            build_store(db, args.events)
            print(f"built {args.events} events in {time.perf_counter() - t0:.1f} s: {db}")
        timings = _time_requests(create_app(str(db)), args.requests)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(0.95 * (len(timings) - 1))]
    print(f"requests: {len(timings)}  p50_ms: {p50:.1f}  max_ms: {timings[-1]:.1f}")
    print(f"p95_ms: {p95:.1f}")


if __name__ == "__main__":
    main()
