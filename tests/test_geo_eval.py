"""The geo scorer on hand-made cases, and the geocoder on the dev gold set."""

from __future__ import annotations

from pathlib import Path

from marsad.eval.geo import evaluate, score
from marsad.model import Place

REPO = Path(__file__).resolve().parent.parent


def _place(start: int, end: int, **kw: object) -> Place:
    base: dict[str, object] = dict(text="x", name_ar="x", name_en="x", country="Syria")
    base.update(kw)
    return Place(start=start, end=end, **base)


def test_score_counts_overlap_and_reference() -> None:
    gold = [
        {"article_id": "a", "start": 0, "end": 4, "pcode": "C1", "geo_precision": 1},
        {"article_id": "a", "start": 10, "end": 14, "admin1": "Idleb", "geo_precision": 3},
        {"article_id": "a", "start": 20, "end": 25, "geonames_id": 5, "geo_precision": 1},
        {"article_id": "a", "start": 30, "end": 35, "geonames_id": 6, "geo_precision": 1, "metonym": True},
    ]
    system = {"a": [
        _place(0, 6, pcode="C1", geo_precision=2),        # overlap, right entry
        _place(9, 14, pcode="C9", admin1="Idleb", geo_precision=3),  # right governorate
        _place(20, 25, geonames_id=7, country="X"),        # wrong entry
        _place(30, 35, geonames_id=6, feature="capital_metonym"),
        _place(40, 44, pcode="C2"),                        # not in gold
    ]}
    s = score(gold, system)
    assert (s.n_gold, s.correct, s.detected, s.same_precision) == (3, 2, 3, 1)
    assert (s.n_system, s.system_correct) == (4, 2)
    assert (s.n_metonym, s.metonym_ok) == (1, 1)
    assert s.report().splitlines()[-1] == "accuracy: 0.667"


def test_dev_gold_accuracy(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "news" / "ant2018_syria.jsonl"
    scores = evaluate(REPO / "gold" / "geo_dev.jsonl", corpus)
    assert scores.n_gold >= 300
    assert scores.correct / scores.n_gold >= 0.9


def test_shipped_gazetteer_is_reproducible(shared_dir: Path, tmp_path: Path) -> None:
    """`marsad build gazetteer` from the shared sources gives the shipped file, byte for byte."""
    from marsad.geo.build import build_gazetteer

    out = tmp_path / "gazetteer.json.gz"
    build_gazetteer(
        shared_dir / "data" / "gazetteer" / "syria_communities.csv",
        out,
        shared_dir / "data" / "news" / "ant2018_other500.jsonl",
    )
    shipped = REPO / "src" / "marsad" / "data" / "geo" / "gazetteer.json.gz"
    assert out.read_bytes() == shipped.read_bytes()
