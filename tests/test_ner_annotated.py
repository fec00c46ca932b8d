"""Annotated news for the tagger's training: the annotators' names are aligned to the
batch's tokens (``scripts/ner_news_gold.py``), stored as token spans, and rebuilt as BIO
sentences from the corpus (``marsad.ner.annotated``). Every text here was written for
these tests."""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from marsad.ner.annotated import labelled_articles, read_annotations
from marsad.ner.distil import article_sentences

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ner_news_gold.py"
ARTICLES = {
    "T-1": ("زيارة", "وصل سمير خوري إلى بيروت أمس . وقال سمير إن الأمم المتحدة ستساعد ."),
    "T-2": ("طقس", "الجو حار اليوم ."),
}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ner_news_gold", SCRIPT)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["ner_news_gold"] = mod
    spec.loader.exec_module(mod)
    return mod


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for docno, (title, text) in ARTICLES.items():
            f.write(json.dumps({"docno": docno, "title": title, "text": text}, ensure_ascii=False) + "\n")
    return path


def test_align_finds_names_in_order_and_reports_the_missing() -> None:
    align = _script().align
    words = "قال سمير إن سمير خوري زار بيروت".split()
    hits = list(align(words, [("سمير", "PERS"), ("سمير خوري", "PERS"), ("دمشق", "LOC"), ("بيروت", "LOC")]))
    assert hits == [(1, 2, "PERS", "سمير"), (3, 5, "PERS", "سمير خوري"), "دمشق", (6, 7, "LOC", "بيروت")]
    # A repeated name listed twice takes the next occurrence each time, then wraps to the first.
    assert [h[0] for h in align(words, [("سمير", "PERS")] * 3) if not isinstance(h, str)] == [1, 3, 1]


def test_merge_writes_spans_then_the_loader_rebuilds_bio(tmp_path: Path) -> None:
    mod = _script()
    corpus = _corpus(tmp_path)
    batches = tmp_path / "ann"
    batches.mkdir()
    # The batch file as `draw` writes it: the article's sentences in the corpus layout.
    rows = []
    for a, docno in enumerate(ARTICLES, 1):
        text = "\n".join(ARTICLES[docno])
        rows.append(f"# article B1.a{a} {docno}")
        rows += [f"B1.a{a}.s{k}\t{' '.join(ws)}" for k, ws in enumerate(article_sentences(text))]
    (batches / "B1.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (batches / "manifest.json").write_text(json.dumps({"B1.a1": "T-1", "B1.a2": "T-2"}))
    out = [
        {"s": "B1.a1.s0", "ents": [["سمير خوري", "PERS"], ["بيروت", "LOC"]]},
        {"s": "B1.a1.s1", "ents": [["سمير", "PERS"], ["الأمم المتحدة", "ORG"], ["نيويورك", "LOC"]]},
    ]
    (batches / "B1.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in out), encoding="utf-8")
    gold = tmp_path / "gold.jsonl"
    mod.merge(argparse.Namespace(files=[str(batches / "B1.jsonl")], batches=str(batches), out=str(gold)))

    annotations = read_annotations([gold])
    assert set(annotations) == {"T-1", "T-2"}  # the article without names is kept
    assert annotations["T-2"] == {}
    first, second = labelled_articles(annotations, corpus)
    words, tags = first[0]
    assert [t for w, t in zip(words, tags, strict=True) if t != "O"] == ["B-PERS", "I-PERS", "B-LOC"]
    assert words[tags.index("B-LOC")] == "بيروت"
    words, tags = first[1]
    assert tags[words.index("الأمم")] == "B-ORG" and tags[words.index("المتحدة")] == "I-ORG"
    assert "نيويورك" not in words  # a name not in its sentence is dropped, not forced in
    assert all(t == "O" for _, ts in second for t in ts)


def test_loader_refuses_a_corpus_that_changed(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"docno": "T-1", "names": [[0, 1, 3, "PERS", "سمير حداد"]]}), encoding="utf-8")
    with pytest.raises(ValueError, match="are not"):
        labelled_articles(read_annotations([gold]), corpus)
    gold.write_text(json.dumps({"docno": "T-9", "names": []}), encoding="utf-8")
    with pytest.raises(ValueError, match="not in"):
        labelled_articles(read_annotations([gold]), corpus)


def test_eval_ner_scores_annotated_news_article_by_article(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    from marsad.cli import main

    news = tmp_path / "shared" / "data" / "news"
    news.mkdir(parents=True)
    with gzip.open(news / "ant2018_all.jsonl.gz", "wt", encoding="utf-8") as f:
        for docno, (title, text) in ARTICLES.items():
            f.write(json.dumps({"docno": docno, "title": title, "text": text}, ensure_ascii=False) + "\n")
    gold = tmp_path / "dev.jsonl"
    names = [[0, 2, 4, "PERS", "سمير خوري"], [0, 5, 6, "LOC", "بيروت"], [1, 3, 5, "ORG", "الأمم المتحدة"]]
    gold.write_text(json.dumps({"docno": "T-1", "names": names}, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", "ner", "--data", str(gold), "--shared", str(tmp_path / "shared")]) == 0
    out = capsys.readouterr().out
    assert "1 articles, 2 sentences" in out
    overall = next(line for line in out.splitlines() if line.startswith("overall")).split()
    assert overall[4] == "3"  # the gold names counted, whatever the tagger finds
    assert out.rstrip().splitlines()[-1].startswith("f1: ")
