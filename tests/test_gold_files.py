"""The events gold files follow the guideline's line format (docs/events-guideline.md).

A malformed gold line silently scores as a miss, so each file is checked: valid JSON,
an ACLED type/sub-type pair from the ontology, evidence of at most 15 words (no article
text beyond that in the repository), dates and precisions in range, every listed
article present; with ../shared, every P-code in the OCHA file with its admin1.
"""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from marsad.events.ontology import SUB_EVENTS

GOLD = Path(__file__).resolve().parent.parent / "gold"
OCHA = GOLD.parent.parent / "shared" / "data" / "gazetteer" / "syria_communities.csv"
FILES = sorted(GOLD.glob("events_*.jsonl"))
#: Article lists whose events file covers every listed article.
COVERED = {
    "dev5_articles.txt": ("events_dev5.j.jsonl", "events_dev5.k.jsonl"),
    "dev6_articles.txt": ("events_dev6.jsonl",),
    "dev7_articles.txt": ("events_dev7.jsonl",),
    "dev8_articles.txt": ("events_dev8.jsonl",),
    "dev9_articles.txt": ("events_dev9.jsonl",),
}


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_there_are_gold_files() -> None:
    assert len(FILES) >= 10


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_gold_lines_follow_the_format(path: Path) -> None:
    for i, row in enumerate(_rows(path)):
        where = f"{path.name}:{i + 1}"
        assert row.get("article_id"), where
        if row.get("no_events"):
            continue
        assert SUB_EVENTS[row["sub_event_type"]][0] == row["event_type"], where
        date.fromisoformat(row["event_date"])
        assert row.get("time_precision") in (1, 2, 3), where
        assert row.get("geo_precision") in (1, 2, 3), where
        assert isinstance(row.get("fatalities"), int) and row["fatalities"] >= 0, where
        assert len(str(row.get("evidence_text", "")).split()) <= 15, where
        assert row.get("actor1") is not None, where


@pytest.mark.parametrize("listing", sorted(COVERED))
def test_every_listed_article_is_annotated(listing: str) -> None:
    ids = set((GOLD / listing).read_text().split())
    seen = {r["article_id"] for name in COVERED[listing] for r in _rows(GOLD / name)}
    assert ids == seen


def test_pcodes_exist_with_their_admin1() -> None:
    if not OCHA.is_file():
        pytest.skip("../shared not found: the OCHA gazetteer is needed to check P-codes")
    with OCHA.open(encoding="utf-8") as f:
        admin1 = {r["PCODE"]: r["ADMIN1_EN"] for r in csv.DictReader(f)}
    bad = [
        (p.name, r["pcode"], r.get("admin1"))
        for p in FILES
        for r in _rows(p)
        if r.get("pcode") and admin1.get(r["pcode"]) != r.get("admin1")
    ]
    assert not bad
