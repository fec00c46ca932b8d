"""The pretraining stage's data (numpy only; the torch loop itself runs in training):
the corpus stream of type ids and the per-type network inputs."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from marsad.ner.lexicon import Lexicon
from marsad.ner.neural import MAX_CHARS
from marsad.ner.nntrain import Vocab
from marsad.ner.pretrain import corpus_tokens, type_inputs

# Written for these tests.
ARTICLES = [{"title": "زيارة", "text": "قال الرئيس سمير في بيروت."}, {"title": "", "text": "قال سمير: 12 جرحى."}]
TRAIN = [(["قال", "سمير", "في", "بيروت"], ["O", "B-PERS", "O", "B-LOC"]), (["قال", "سمير"], ["O", "B-PERS"])]


def _corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ARTICLES) + "\n", encoding="utf-8")
    return path


def test_stream_is_type_ids_with_gaps_between_articles(tmp_path: Path) -> None:
    types, stream = corpus_tokens(_corpus(tmp_path), gap=2)
    first = ["زيارة", "قال", "الرئيس", "سمير", "في", "بيروت", "."]
    second = ["قال", "سمير", ":", "12", "جرحى", "."]
    assert [types[i - 1] if i else None for i in stream] == first + [None, None] + second + [None, None]
    assert len(types) == len(set(types)) == 10  # قال, سمير and "." counted once
    assert corpus_tokens(_corpus(tmp_path), limit=1)[1].tolist()[-2:] == [0, 0]


def test_type_inputs_match_the_vocabulary(tmp_path: Path) -> None:
    words = ["قال", "في", "بيروت"]
    vocab = Vocab(words, np.eye(3, 4, dtype=np.float32), Lexicon(), TRAIN)
    types = ["قال", "سمير", "كلمة" * 8]
    x = type_inputs(vocab.word, types)
    assert x["wid"][0] == x["sid"][0] == 0 and not x["feat"][0].any() and not x["char"][0].any()
    assert x["char"].shape == (4, MAX_CHARS)
    for row, t in enumerate(types, start=1):
        wid, sid, feats, chars = vocab.word(t)
        assert (x["wid"][row], x["sid"][row]) == (wid, sid)
        assert sorted(x["feat"][row][x["feat"][row] > 0].tolist()) == sorted(f for f in feats if f > 0)
        assert x["char"][row][: len(chars)].tolist() == chars
    assert x["wid"][1] == 2 and x["wid"][2] == 1  # قال is the first vector; سمير has none
