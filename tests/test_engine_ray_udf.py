"""The Ray Data UDF alone, without Ray: it analyses its batch as the local engine's workers do."""

from __future__ import annotations

import gc
import json
import pickle
from collections.abc import Sequence

import pytest

from marsad.engines.local import GC_THRESHOLD
from marsad.model import Article

pytest.importorskip("numpy", reason="the UDF returns a numpy column")


class _Recording:
    """A pipeline that notes the collector thresholds it runs under."""

    def __init__(self) -> None:
        self.seen: list[tuple[int, int, int]] = []

    def process_many(self, articles: Sequence[Article]) -> list[Article]:
        self.seen.append(gc.get_threshold())
        return list(articles)


def test_udf_analyses_its_batch_under_the_engines_gc_thresholds(monkeypatch: pytest.MonkeyPatch) -> None:
    import marsad.pipeline
    from marsad.engines.ray_engine import _analyse_batch

    pipeline = _Recording()
    monkeypatch.setattr(marsad.pipeline, "default_pipeline", lambda scope: pipeline)
    before = gc.get_threshold()
    assert before != GC_THRESHOLD
    records = [Article.create(text, id=f"u{i}") for i, text in enumerate(("نص أول", "نص ثان"))]
    out = _analyse_batch({"record": [pickle.dumps(r) for r in records]}, entity_scope="events")
    assert pipeline.seen == [GC_THRESHOLD]
    assert gc.get_threshold() == before
    assert [Article.from_dict(json.loads(a)) for a in out["article"]] == records
