"""The learned event confidence: its trainer, its table, its lexical cues and the filter hook."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from coding import WEDNESDAY
from marsad.events import confidence
from marsad.events.confidence import FEATURES, SIGNS, event_features, predict
from marsad.events.cv_confidence import auc, f1
from marsad.events.draft import Draft
from marsad.events.features_lex import PREFIXES
from marsad.events.train_confidence import UNSEEN, Row, check_allowed, fit_rows, table, vocabulary
from marsad.model import Article, Place, Span
from marsad.pipeline import Pipeline


def _row(cues: set[str], label: int, gold_set: str = "a") -> Row:
    feats = {f: 0.0 for f in FEATURES} | {c: 1.0 for c in cues}
    return Row(gold_set, feats, label, {})


def _synthetic() -> list[Row]:
    """Separable by two cues (the lead sentence, an old date); a third cue is noise."""
    rows = []
    for k in range(24):
        noise = {"n:1"} if k % 2 else set()
        rows.append(_row({"sent:0", "point"} | noise, 1))
        rows.append(_row({"age:7+"} | noise, 0))
    rows.append(_row({"sub:Rare"}, 1))  # below MIN_COUNT: no column
    return rows


def test_trainer_gives_separating_cues_the_right_sign() -> None:
    model = fit_rows(_synthetic(), l2=1.0)
    w = dict(zip(model.columns, model.w[1:], strict=True))
    assert w["sent:0"] > 0.5 and w["age:7+"] < -0.5 and w["point"] > 0
    assert abs(w["n:1"]) < 0.2 * w["sent:0"] and "sub:Rare" not in w
    preds = model.predict(_synthetic())
    labels = np.array([r.label for r in _synthetic()])
    assert auc(preds, labels) == 1.0


def test_trainer_keeps_the_named_features_to_their_expected_signs() -> None:
    rows = [_row({"hedged", "sub:X"}, 1) for _ in range(10)] + [_row({"sub:X"}, 0) for _ in range(10)]
    w = dict(zip(*(lambda m: (m.columns, m.w[1:]))(fit_rows(rows, l2=1.0)), strict=True))
    assert SIGNS["hedged"] == -1 and w["hedged"] == 0.0  # hedging never raises confidence


def test_the_written_table_round_trips_through_the_loader(tmp_path, monkeypatch) -> None:
    rows = _synthetic()
    data = table(fit_rows(rows, l2=1.0), rows, ["a"], 1.0)
    assert list(data["weights"]) == list(FEATURES)
    monkeypatch.setattr(confidence, "_TABLE", ())
    path = tmp_path / "confidence.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(confidence.resources, "files", lambda _pkg: path)
    confidence.clear()
    try:
        good = predict(event_features([frozenset({"sent:0", "point"})], 1, ""))
        bad = predict(event_features([frozenset({"age:7+"})], 2, ""))
        assert bad < 0.5 < good
    finally:
        confidence.clear()


def test_shipped_table_matches_the_features() -> None:
    bias, w = confidence.weights()
    assert list(w) == list(FEATURES)
    assert all(SIGNS[k] * v >= 0 for k, v in w.items())
    cues = confidence.cue_weights()
    assert all(k.startswith(PREFIXES) for k in cues) and not set(cues) & set(FEATURES)
    assert not [s for s in confidence._table()["trained_on"] if any(u in s for u in UNSEEN)]
    assert 0.0 <= confidence.MIN_CONFIDENCE < 0.5


@pytest.mark.parametrize("path", ["gold/events_dev7.jsonl", "gold/events_test.jsonl", "gold/events_dev8.a.jsonl"])
def test_unseen_sets_are_refused(path: str) -> None:
    with pytest.raises(ValueError):
        check_allowed(path)
    check_allowed("gold/events_dev6.jsonl")


def test_vocabulary_counts_only_the_training_rows() -> None:
    rows = [_row({"sub:A"}, 1)] * 3 + [_row({"sub:B"}, 0)] * 2
    assert vocabulary(rows, min_count=3) == [*FEATURES, "sub:A"]
    assert vocabulary(rows, lexical=False) == list(FEATURES)


def test_auc_and_f1() -> None:
    assert auc(np.array([0.9, 0.1, 0.5]), np.array([1, 0, 0])) == 1.0
    assert auc(np.array([0.5, 0.5]), np.array([1, 0])) == 0.5
    assert f1((3, 4, 4)) == 0.75 and f1((0, 0, 0)) == 0.0


def test_draft_cues_read_the_trigger_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.events import features_lex
    from marsad.events.coder import draft_events

    text = "شنت طائرات حربية روسية، أمس الثلاثاء، غارات على بلدة سراقب بريف إدلب."
    article = Pipeline.default(skip=("entities", "events", "quotes")).process(
        Article.create(text, id="c", published=WEDNESDAY))
    (draft,) = draft_events(article)
    assert {"sub:Air/drone strike", "type:Explosions/Remote violence", "sent:0", "age:1"} <= draft.cues
    assert not any(c.startswith(("w:", "b:", "t:")) for c in draft.cues)  # the shipped model reads none
    monkeypatch.setattr(features_lex, "ALL_CUES", True)
    (draft,) = draft_events(article)
    assert "w:غارات" in draft.cues and any(c.startswith("t:") for c in draft.cues)
    assert any(c.startswith("b:") for c in draft.cues)
    assert all(c in FEATURES or c.startswith(PREFIXES) for c in draft.cues)


def test_the_filter_drops_events_below_the_floor() -> None:
    from marsad.events.merge import merge_with_features

    town = Place(0, 4, "سراقب", "سراقب", "Saraqab", "SY", pcode="C1", geo_precision=1)
    d = Draft("Air/drone strike", date(2018, 3, 13), 1, town, "Military Forces of Russia (2000-)", 8, "", 0, 0,
              Span(0, 4), 0.7, frozenset({"strong"}))
    kept, feats = merge_with_features([d], "x", min_confidence=0.0)
    assert len(kept) == 1 and feats[kept[0].event_id]["n:1"] == 1.0
    assert merge_with_features([d], "x", min_confidence=1.01)[0] == []
