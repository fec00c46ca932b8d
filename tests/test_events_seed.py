"""Acceptance: the seed report through the whole default pipeline (issue 6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.model import Article


@pytest.fixture(scope="module", params=["full pipeline", "without the entity tagger"])
def seed(shared_dir: Path, request: pytest.FixtureRequest) -> Article:
    """The seed through the default pipeline, and through it minus NER (which the events
    step does not need) so that a missing tagger model does not hide the events' result."""
    from datetime import datetime

    from marsad.pipeline import Pipeline

    path = shared_dir / "seed" / "putin-erdogan-moscow-summit.txt"
    if not path.is_file():
        pytest.skip(f"seed report not found: {path}")
    skip = () if request.param == "full pipeline" else ("entities",)
    text = path.read_text(encoding="utf-8")
    article = Pipeline.default(skip=skip).process(
        Article.create(text, id="seed", published=datetime(2019, 1, 24))
    )
    assert article.error is None
    return article


def _at(article: Article, name: str) -> int:
    return article.text.index(name)


def test_seed_has_exactly_the_three_events(seed: Article) -> None:
    got = sorted((e.sub_event_type, e.evidence[0].start) for e in seed.events)
    assert [s for s, _ in got] == sorted(
        ["Armed clash", "Remote explosive/landmine/IED", "Shelling/artillery/missile attack"]
    )
    by_sub = {e.sub_event_type: e for e in seed.events}

    clash = by_sub["Armed clash"]
    assert (clash.event_date, clash.event_type) == ("2019-01-23", "Battles")
    assert (clash.actor1, clash.actor2) == ("Military Forces of Syria (2000-)", "Hayat Tahrir al-Sham")
    assert clash.admin1 == "Idleb" and clash.fatalities == 3 and clash.interaction == 12
    assert clash.evidence[0].start <= _at(seed, "أبو الظهور") < clash.evidence[0].end

    ied = by_sub["Remote explosive/landmine/IED"]
    assert ied.event_date == "2019-01-23" and ied.admin1 == "Aleppo"
    assert ied.actor1 == "Unidentified Armed Group (Syria)" and ied.fatalities == 0
    assert ied.location == "Afrin"

    shell = by_sub["Shelling/artillery/missile attack"]
    assert (shell.actor1, shell.actor2) == (
        "Military Forces of Turkey (2016-)",
        "YPG: Kurdish People's Protection Units",
    )
    assert shell.admin1 == "Aleppo" and shell.interaction == 28
    assert shell.evidence[0].start <= _at(seed, "تل رفعت") < shell.evidence[0].end


def test_seed_clash_is_at_town_precision(seed: Article) -> None:
    (clash,) = [e for e in seed.events if e.sub_event_type == "Armed clash"]
    assert clash.geo_precision == 1


def test_seed_quotes_are_attributed(seed: Article) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    putin = [q for q in direct if q.speaker == "بوتين"]
    assert [q.cue for q in putin].count("وقال") == 2  # and «وأضاف:» continues the second
    assert any(q.speaker == "أردوغان" and q.kind == "reported" for q in seed.quotes)
    ministry = [q for q in direct if "الخارجية الروسية" in q.speaker]
    assert ministry and "إدلب" in ministry[0].text
    for q in seed.quotes:
        assert seed.text[q.start : q.end] == q.text
