"""The event scorer's matching rules and report on hand-made records."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.cli import main
from marsad.eval.events import matches, score


def ev(**kw: object) -> dict[str, object]:
    base: dict[str, object] = {
        "article_id": "a", "event_date": "2018-03-10", "event_type": "Battles",
        "sub_event_type": "Armed clash", "actor1": "A", "actor2": "B", "pcode": "C1",
        "admin1": "Idleb", "latitude": 35.0, "longitude": 36.0, "geo_precision": 1, "fatalities": 0,
    }
    base.update(kw)
    return base


def test_matching_rules() -> None:
    gold = ev()
    assert matches(ev(event_date="2018-03-11"), gold)
    assert not matches(ev(event_date="2018-03-12"), gold)
    assert not matches(ev(event_type="Protests"), gold)
    assert matches(ev(pcode="C2", latitude=35.05, longitude=36.05), gold)  # about 7 km
    assert not matches(ev(pcode="C2", latitude=35.3, longitude=36.0), gold)  # about 33 km
    assert matches(ev(pcode="", latitude=None, longitude=None, geo_precision=3), gold)
    assert not matches(ev(pcode="", latitude=None, longitude=None, geo_precision=2), gold)


def test_scores_and_report(tmp_path: Path, capsys: object) -> None:
    gold = [ev(), ev(event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
            {"article_id": "b", "no_events": True}]
    system = [ev(fatalities=2), ev(article_id="b")]
    s = score(system, gold)
    assert (s.tp, s.n_system, s.n_gold) == (1, 2, 2)
    assert s.precision == 0.5 and s.recall == 0.5 and s.toll_ok == 0
    gold_path, sys_path = tmp_path / "gold.jsonl", tmp_path / "sys.jsonl"
    gold_path.write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    sys_path.write_text("\n".join(json.dumps(e) for e in system), encoding="utf-8")
    assert main(["eval", "events", "--gold", str(gold_path), "--system", str(sys_path)]) == 0
    out = capsys.readouterr().out.strip().splitlines()  # type: ignore[attr-defined]
    assert out[-1] == "event_f1: 0.50"


def test_an_annotators_no_event_line_is_no_system_event() -> None:
    """Agreement between annotators scores one gold file against another: its no-event
    lines must not count as system events (they did: precision was halved)."""
    gold = [ev(), {"article_id": "b", "no_events": True}]
    other = [ev(), {"article_id": "b", "no_events": True}, {"article_id": "c", "no_events": True}]
    s = score(other, gold)
    assert (s.tp, s.n_system, s.n_gold) == (1, 1, 1)
