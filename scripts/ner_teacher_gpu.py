"""A contextual teacher for the entity tagger (issue #4): a transformer encoder pretrained
on ANT (masked words) and fine-tuned on ANERcorp on one GPU, whose silver data trains the
shipped numpy network (``scripts/ner_gpu.py``). Why: that network sees ±4 tokens; the
teacher reads windows of 256, and distilling it keeps inference at numpy speed.

    python scripts/ner_teacher_gpu.py prepare --out .devdata/teacher      # here, ../shared
    python scripts/ner_teacher_gpu.py run --data .devdata/teacher --out $OUT --device cuda  # there

``run`` writes ``log``, ``results.json``, ``silver.txt`` (confidently tagged sentences of
every k-th ANT article, read by :func:`marsad.ner.conll.read_conll`) and ``silver_docs.npy``
(their document features), as ``scripts/ner_gpu.py silver`` writes them. The network
and its training are in ``scripts/ner_teacher_model.py``. docs/ner.md.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np
from ner_teacher_model import (
    MARKS,
    TINY,
    Config,
    build_model,
    dev_score,
    finetune,
    predict,
    pretrain,
    type_tensors,
)

from marsad.ner.conll import Sentence
from marsad.ner.nntrain import LABELS

ANT = "../shared/data/news/ant2018_all.jsonl.gz"
ANERCORP = "../shared/data/ner/anercorp/train.txt"


def type_table(types: list[str], counts: np.ndarray, n_words: int) -> dict[str, np.ndarray]:
    """Per type (row 0: the gap between articles): ids of its normalised form and stem
    among the ``n_words`` most frequent forms (0 gap, 1 unknown, 2 the most frequent),
    character ids of the form (0 padding, 1 rare) and a bit per gazetteer/trigger list."""
    from marsad.ner.features import FeatureExtractor
    from marsad.ner.lexicon import Lexicon
    from marsad.ner.neural import MAX_CHARS
    from marsad.ner.text import normalize

    lex = Lexicon.load()
    fx = FeatureExtractor(lex, windows=False)
    norms = [normalize(t) or t for t in types]
    freq: Counter[str] = Counter()
    chars: Counter[str] = Counter()
    for form, c in zip(norms, counts[1:].tolist(), strict=True):
        freq[form] += c
        for ch in form[:MAX_CHARS]:
            chars[ch] += c
    words = {w: i + 2 for i, (w, c) in enumerate(freq.most_common(n_words)) if c >= 2}
    cids = {ch: i + 2 for i, ch in enumerate(sorted(ch for ch, c in chars.items() if c >= 5))}
    n = len(types) + 1
    tab: dict[str, np.ndarray] = {"wid": np.zeros(n, np.int32), "sid": np.zeros(n, np.int32),
                                  "char": np.zeros((n, MAX_CHARS), np.int16), "mark": np.zeros(n, np.int8)}
    sets = [getattr(lex, m) for m in MARKS]
    for row, form in enumerate(norms, start=1):
        stem = fx.split(form)[1]
        tab["wid"][row], tab["sid"][row] = words.get(form, 1), words.get(stem, 1)
        tab["char"][row, : min(len(form), MAX_CHARS)] = [cids.get(ch, 1) for ch in form[:MAX_CHARS]]
        tab["mark"][row] = sum(1 << k for k, s in enumerate(sets) if form in s or stem in s)
    return tab


def prepare(args: argparse.Namespace) -> None:
    """ANT as type ids (``marsad.ner.pretrain.corpus_tokens``) with its sentence layout
    (``marsad.ner.distil.ant_articles``), the type table, and ANERcorp train split into
    train and dev (``split_dev``; test.txt is never read) into ``--out`` (ignored by git)."""
    from marsad.ner.conll import read_conll
    from marsad.ner.distil import ant_articles
    from marsad.ner.pretrain import corpus_tokens
    from marsad.ner.train import split_dev

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    types, stream = corpus_tokens(args.corpus, args.limit)
    ids = {t: i + 1 for i, t in enumerate(types)}
    arrays: dict[str, Any] = {"stream": stream}
    for name, sents in zip(("train", "dev"), split_dev(read_conll(args.train, "anercorp")), strict=True):
        arrays[name] = np.array([ids.setdefault(w, len(ids) + 1) for ws, _ in sents for w in ws], np.int32)
        arrays[name + "_tags"] = np.array([LABELS.index(t) for _, ts in sents for t in ts], np.int8)
        arrays[name + "_lens"] = np.array([len(ws) for ws, _ in sents], np.int32)
    articles = list(itertools.islice(ant_articles(args.corpus, 1), args.limit or None))
    arrays["sent_lens"] = np.array([len(ws) for a in articles for ws in a], np.int32)
    arrays["art_sents"] = np.array([len(a) for a in articles], np.int32)
    assert arrays["sent_lens"].sum() == (stream > 0).sum(), "the two readings of the corpus differ"
    types = list(ids)
    arrays.update(type_table(types, np.bincount(stream, minlength=len(types) + 1), args.words))
    np.savez_compressed(out / "inputs.npz", **arrays)
    with gzip.open(out / "types.txt.gz", "wt", encoding="utf-8") as f:
        f.writelines(t + "\n" for t in types)
    meta = {"types": len(types), "tokens": int((stream > 0).sum()), "articles": len(articles),
            "words": int(arrays["wid"].max()) + 1, "chars": int(arrays["char"].max()) + 1,
            "train_tokens": len(arrays["train"]), "dev_tokens": len(arrays["dev"])}
    (out / "meta.json").write_text(json.dumps(meta))
    print(meta)


def article_sentences(data: dict[str, np.ndarray], every: int) -> list[list[np.ndarray]]:
    """Every ``every``-th ANT article as its sentences of type ids (the sentences of
    :func:`marsad.ner.distil.ant_articles`, laid out by ``prepare``)."""
    stream, lens, per = data["stream"], data["sent_lens"], data["art_sents"]
    first = np.concatenate([[0], np.cumsum(per)])
    tokens = np.diff(np.concatenate([[0], np.cumsum(lens)])[first])
    start = np.concatenate([[0], np.cumsum(tokens + 2)])  # two gaps after each article
    out = []
    for j in range(0, len(per), every):
        cuts = np.cumsum(lens[first[j] : first[j + 1]])
        out.append(np.split(stream[start[j] : start[j] + tokens[j]], cuts[:-1]) if len(cuts) else [])
    return out


def silver(model: Any, tab: dict[str, Any], data: dict[str, np.ndarray], cfg: Config, args: argparse.Namespace,
           ) -> dict[str, int]:
    """Tag every k-th ANT article; keep the sentences whose every token's label has a
    probability of at least ``--min-prob`` and that hold a name (``--plain`` of those
    without), as :func:`marsad.ner.distil.silver` keeps an ensemble's agreed sentences,
    and write them with their document features (from the teacher's tags of the whole
    article) as ``scripts/ner_gpu.py silver`` does, for its student run."""
    from marsad.ner.lexicon import Lexicon
    from marsad.ner.neural import DOC_DIM
    from marsad.ner.nntrain import Vocab, doc_features

    vocab = Vocab([], np.zeros((0, 1), np.float32), Lexicon.load(), [])  # only its feature extractor is used
    with gzip.open(Path(args.data) / "types.txt.gz", "rt", encoding="utf-8") as f:
        types = f.read().splitlines()
    rng = np.random.default_rng(cfg.seed)
    arts = [a for a in article_sentences(data, args.every) if a]
    flat = np.concatenate([np.concatenate([*a, np.zeros(2, np.int32)]) for a in arts]) if arts else np.zeros(0)
    probs = predict(model, tab, flat, cfg, args.device)
    kept: list[Sentence] = []
    docs: list[np.ndarray] = []
    at = 0
    for sents in arts:
        words = [[types[i - 1] for i in s] for s in sents]
        p = [probs[at + off - len(s) : at + off] for s, off in zip(sents, np.cumsum([len(s) for s in sents]), strict=True)]
        at += sum(len(s) for s in sents) + 2
        tags = [[LABELS[i] for i in q.argmax(1)] for q in p]
        feats = doc_features(vocab, [(ws, []) for ws in words], tags)
        for ws, ts, q, doc in zip(words, tags, p, feats, strict=True):
            named = any(t != "O" for t in ts)
            if ws and q.max(1).min() >= args.min_prob and (named or rng.random() < args.plain):
                kept.append((ws, ts))
                docs.append(doc)
    with open(Path(args.out) / "silver.txt", "w", encoding="utf-8") as out:
        out.writelines("".join(f"{w} {t}\n" for w, t in zip(ws, ts, strict=True)) + "\n" for ws, ts in kept)
    np.save(Path(args.out) / "silver_docs.npy", np.concatenate(docs).astype(np.uint8) if docs else np.zeros((0, DOC_DIM), np.uint8))
    return {"silver_sentences": len(kept), "silver_tokens": sum(len(ws) for ws, _ in kept),
            "tagged_sentences": sum(len(a) for a in arts)}


def run(args: argparse.Namespace) -> None:
    """Pretrain, fine-tune (one run per learning rate, the best kept by dev F1), tag silver data."""
    import torch

    start = time.time()
    out, data_dir = Path(args.out), Path(args.data)
    out.mkdir(parents=True, exist_ok=True)

    def log(msg: str) -> None:  # the file too: it comes back even when the run is cut short
        line = f"[{time.time() - start:5.0f} s] {msg}"
        print(line, flush=True)
        with open(out / "log", "a", encoding="utf-8") as f:
            f.write(line + "\n")

    cfg = replace(Config(), **(TINY if args.tiny else {}))
    torch.manual_seed(cfg.seed)
    torch.backends.cuda.matmul.allow_tf32 = True
    meta = json.loads((data_dir / "meta.json").read_text())
    with np.load(data_dir / "inputs.npz") as z:
        data = {k: z[k] for k in z.files}
    tab = type_tensors(data, args.device)
    model = build_model(cfg, meta["words"], meta["chars"]).to(args.device)
    log(f"loaded: {meta}; {sum(p.numel() for p in model.parameters()):,} parameters; {cfg}")
    tag_at = start + args.budget - args.silver_s
    pre = pretrain(model, tab, data["stream"], cfg, args.device, tag_at - args.finetune_s, args.steps, log)
    init = {k: v.detach().clone() for k, v in model.state_dict().items()}
    runs = []
    for k, lr in enumerate(args.lrs):
        model.load_state_dict(init)
        until = time.time() + (tag_at - time.time()) / (len(args.lrs) - k)
        state, epoch, f1 = finetune(model, tab, data, cfg, lr, args.device, until, log)
        runs.append({"lr": lr, "epoch": epoch, "dev_f1": round(f1, 2), "state": state})
    best = max(runs, key=lambda r: r["dev_f1"])
    model.load_state_dict(best["state"])
    log(f"kept lr {best['lr']:g}, epoch {best['epoch']}; dev:\n{dev_score(model, tab, data, cfg, args.device).report()}")
    counts = silver(model, tab, data, cfg, args)
    log(f"silver: {counts}; done in {time.time() - start:.0f} s")
    results = {"config": asdict(cfg), "pretrain": pre, "finetune": [{k: v for k, v in r.items() if k != "state"}
               for r in runs], "dev_f1": best["dev_f1"], **counts, "wall_s": round(time.time() - start)}
    (out / "results.json").write_text(json.dumps(results, indent=1))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("prepare", help="here: ANT and ANERcorp as type ids")
    pp.add_argument("--corpus", default=ANT, help="ANT articles (JSONL, .gz)")
    pp.add_argument("--train", default=ANERCORP, help="ANERcorp train.txt (split into train and dev)")
    pp.add_argument("--out", default=".devdata/teacher")
    pp.add_argument("--limit", type=int, default=0, help="ANT articles (0: all)")
    pp.add_argument("--words", type=int, default=50_000, help="input vocabulary: the most frequent forms")
    rp = sub.add_parser("run", help="there: pretrain, fine-tune, tag silver data")
    rp.add_argument("--data", default=".devdata/teacher")
    rp.add_argument("--out", required=True)
    rp.add_argument("--device", default="cuda")
    rp.add_argument("--budget", type=float, default=450, help="seconds for the whole run")
    rp.add_argument("--finetune-s", type=float, default=80, help="seconds kept for fine-tuning")
    rp.add_argument("--silver-s", type=float, default=60, help="seconds kept for the silver tagging")
    rp.add_argument("--steps", type=int, default=10**9, help="at most this many pretraining steps")
    rp.add_argument("--lrs", type=float, nargs="+", default=[1e-4, 3e-4], help="fine-tuning learning rates")
    rp.add_argument("--every", type=int, default=6, help="tag every k-th ANT article (the recipe's 6)")
    rp.add_argument("--min-prob", type=float, default=0.9, help="a kept sentence's least label probability")
    rp.add_argument("--plain", type=float, default=0.2, help="share of confident sentences without names kept")
    rp.add_argument("--tiny", action="store_true", help="a toy model, for tests on the CPU")
    args = ap.parse_args(argv)
    {"prepare": prepare, "run": run}[args.cmd](args)


if __name__ == "__main__":
    main()
