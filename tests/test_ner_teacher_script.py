"""``scripts/ner_teacher_gpu.py`` at toy size: ``prepare`` lays ANT out as the silver
tagging reads it (numpy only), and the whole ``run`` (torch, CPU) learns a toy tagging
task and ends with silver sentences and their document features. Every text here was
written for these tests."""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from marsad.ner.conll import read_conll
from marsad.ner.distil import ant_articles, mix
from marsad.ner.neural import DOC_DIM
from marsad.ner.nntrain import LABELS

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ner_teacher_gpu.py"
NAMES = ["سمير", "ليلى", "كريم", "هدى", "وليد"]
PLACES = ["بيروت", "دمشق", "حلب", "طرابلس", "صيدا"]
TORCH = "torch is absent (a training-only extra: pip install -e '.[train]')"


@pytest.fixture(autouse=True)
def _scripts_importable(monkeypatch: pytest.MonkeyPatch) -> None:
    """The script imports its sibling ``ner_teacher_model`` as it does when run."""
    monkeypatch.syspath_prepend(str(SCRIPT.parent))


def _script(name: str = "ner_teacher_gpu") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPT.with_name(name + ".py"))
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def _inputs(tmp_path: Path, sentences: int = 20) -> tuple[Path, Path]:
    """A news file of six articles (one empty) and a CoNLL file of ``sentences`` of two
    patterns, a name and a place in each."""
    articles = [
        {"title": f"خبر {k}", "text": " ".join(f"قال {n} إن الوفد وصل إلى {p} أمس." for n, p in zip(NAMES[k:], PLACES, strict=False))}
        for k in range(5)
    ]
    articles.insert(2, {"title": "", "text": ""})  # tagged with --every 2
    corpus = tmp_path / "news.jsonl"
    corpus.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
    lines = []
    for k in range(sentences):
        name, place = NAMES[k % 5], PLACES[(k * 2) % 5]
        if k % 2:
            lines += [f"وصل O\n{name} B-PERS\nإلى O\n{place} B-LOC\nأمس O\n. O\n", "\n"]
        else:
            lines += [f"قال O\n{name} B-PERS\nفي O\n{place} B-LOC\n. O\n", "\n"]
    train = tmp_path / "train.txt"
    train.write_text("".join(lines), encoding="utf-8")
    return corpus, train


def test_prepare_lays_out_the_articles_as_the_silver_data_splits_them(tmp_path: Path) -> None:
    mod = _script()
    corpus, train = _inputs(tmp_path)
    mod.main(["prepare", "--corpus", str(corpus), "--train", str(train), "--out", str(tmp_path / "d")])
    with np.load(tmp_path / "d" / "inputs.npz") as z:
        data = {k: z[k] for k in z.files}
    with gzip.open(tmp_path / "d" / "types.txt.gz", "rt", encoding="utf-8") as f:
        types = f.read().splitlines()
    for every in (1, 2, 3):
        got = [[[types[i - 1] for i in s] for s in a] for a in mod.article_sentences(data, every)]
        assert got == list(ant_articles(corpus, every))
    assert len(data["train_lens"]) == 18 and len(data["dev_lens"]) == 2  # split_dev: the last 10%
    dev_words = [types[i - 1] for i in data["dev"]]
    assert dev_words[:2] == ["قال", NAMES[18 % 5]]
    assert [LABELS[i] for i in data["dev_tags"][:4]] == ["O", "B-PERS", "O", "B-LOC"]
    assert data["wid"][0] == 0 and (data["wid"][1:] >= 1).all() and data["char"][0].sum() == 0
    said = types.index("قال") + 1
    assert data["wid"][said] >= 2 and data["sid"][said] == data["wid"][said]  # frequent, no clitic
    assert data["mark"][types.index("دمشق") + 1] & 1 and not data["mark"][said]  # a gazetteer place


def test_a_window_length_must_be_even() -> None:
    mod = _script()
    with pytest.raises(ValueError, match="even"):
        replace(mod.Config(), length=255)  # predict() tags at half a window's stride


def test_toy_run_learns_and_ends_with_silver_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """400 sentences (360 train, 40 dev with 80 names): two or three epochs of 16 steps
    at 1e-2 tag dev at F1 100 (seeds 1-7 and 13, CPU); at 1e-4 it stays at 6-25."""
    pytest.importorskip("torch", reason=TORCH)
    mod = _script()
    corpus, train = _inputs(tmp_path, 400)
    mod.main(["prepare", "--corpus", str(corpus), "--train", str(train), "--out", str(tmp_path / "d")])
    out = tmp_path / "out"
    mod.main(["run", "--data", str(tmp_path / "d"), "--out", str(out), "--device", "cpu", "--tiny",
              "--budget", "600", "--steps", "30", "--every", "2", "--min-prob", "0", "--plain", "1",
              "--lrs", "1e-4", "1e-2"])
    assert "dev F1" in capsys.readouterr().out
    res = json.loads((out / "results.json").read_text())
    assert res["pretrain"]["steps"] == 30 and [r["lr"] for r in res["finetune"]] == [1e-4, 1e-2]
    assert res["dev_f1"] == max(r["dev_f1"] for r in res["finetune"]) >= 90.0
    silver = read_conll(out / "silver.txt", "anercorp")
    tagged = [ws for a in list(ant_articles(corpus, 2)) for ws in a]
    assert [ws for ws, _ in silver] == tagged  # no threshold, every sentence kept
    assert all(t in LABELS for _, ts in silver for t in ts)
    docs = np.load(out / "silver_docs.npy")
    assert docs.shape == (sum(len(ws) for ws in tagged), DOC_DIM)
    gpu = _script("ner_gpu")  # the student run reads both files so
    gold = read_conll(train, "anercorp")
    mixed, feats = mix(gold, [np.zeros((len(ws), DOC_DIM)) for ws, _ in gold], silver,
                       gpu._docs(out / "silver_docs.npy", silver), 1.0, 14)
    assert len(mixed) > len(gold) and all(len(f) == len(ws) for f, (ws, _) in zip(feats, mixed, strict=True))


def test_silver_skips_an_empty_sentence(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason=TORCH)
    mod = _script()
    corpus, train = _inputs(tmp_path)
    mod.main(["prepare", "--corpus", str(corpus), "--train", str(train), "--out", str(tmp_path / "d")])
    with np.load(tmp_path / "d" / "inputs.npz") as z:
        data = {k: z[k] for k in z.files}
    data["sent_lens"] = np.insert(data["sent_lens"], 1, 0)  # the first article's second sentence
    data["art_sents"][0] += 1
    meta = json.loads((tmp_path / "d" / "meta.json").read_text())
    cfg = replace(mod.Config(), **mod.TINY)
    torch.manual_seed(cfg.seed)
    model = mod.build_model(cfg, meta["words"], meta["chars"])
    args = argparse.Namespace(data=tmp_path / "d", out=tmp_path, every=2, device="cpu", min_prob=0.0, plain=1.0)
    counts = mod.silver(model, mod.type_tensors(data, "cpu"), data, cfg, args)
    tagged = [ws for a in ant_articles(corpus, 2) for ws in a]
    assert counts["tagged_sentences"] == len(tagged) + 1 and counts["silver_sentences"] == len(tagged)
    assert [ws for ws, _ in read_conll(tmp_path / "silver.txt", "anercorp")] == tagged
