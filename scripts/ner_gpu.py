"""One GPU run of the entity tagger's training: pretraining on ANT, then a sweep of
fine-tunings in parallel, the best kept by development F1 (never by test).

Two steps, because the GPU machine has neither ../shared nor gensim or crfsuite:

    # here: word vectors, the CRF stand-in first pass and the tokenised ANT corpus
    python scripts/ner_gpu.py prepare --vectors out/ner-train/w2v.kv --out .devdata
    # there (numpy + torch + marsad.ner on PYTHONPATH=src):
    python scripts/ner_gpu.py run --data .devdata --out $OUT --device cuda --budget 380

``run`` writes to ``--out``: ``log``, ``results.json`` (every configuration's best
epoch and dev F1), ``pre.npz`` (the pretrained encoder) and the best models
(``<name>.npz``, the format of :mod:`marsad.ner.neural`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import Sentence, read_conll
from marsad.ner.lexicon import Lexicon
from marsad.ner.nntrain import Settings, Vocab
from marsad.ner.pretrain import PretrainSettings
from marsad.ner.recipe import ANT
from marsad.ner.train import split_dev

#: Fine-tunings of each sweep: name, whether it starts from the pretrained encoder (or
#: the path of a trained network to continue),
#: settings (and ``silver``: silver tokens per gold token; ``epochs``: a final model on
#: all of train.txt; ``gold``: the first share of the gold sentences, for a learning curve;
#: ``news``: add the annotated news of ``ner_gpu.py news``; ``gold_times``: repeat the
#: gold; ``dev_half``: score on the second half of dev only, training on its first
#: half ("train") or not ("drop"); ``augment``: copies of the gold sentences with their
#: names swapped, :mod:`marsad.ner.augment`). The first sweep ran with pretraining; the second with silver data.
SWEEPS: dict[str, list[tuple[str, bool, dict[str, Any]]]] = {
    "pretrain": [
        *[(f"pre-s{k}", True, {"seed": k}) for k in (13, 14, 15, 16)],
        *[(f"pre-lr1-s{k}", True, {"seed": k, "lr": 1e-3}) for k in (13, 14)],
        ("pre-d3-s13", True, {"seed": 13, "dropout": 0.3}),
        ("pre-nodecay-s13", True, {"seed": 13, "lr_decay": 0.0}),
        *[(f"base-s{k}", False, {"seed": k}) for k in (13, 14)],
    ],
    "silver": [
        *[(f"pre-d3-x1-s{k}", True, {"seed": k, "dropout": 0.3, "silver": 1.0}) for k in (13, 14)],
        *[(f"pre-d3-x2-s{k}", True, {"seed": k, "dropout": 0.3, "silver": 2.0}) for k in (13, 14)],
        *[(f"pre-x2-s{k}", True, {"seed": k, "silver": 2.0}) for k in (13, 14)],
        ("base-x2-s13", False, {"seed": 13, "silver": 2.0}),
        ("pre-d3-x3-s13", True, {"seed": 13, "dropout": 0.3, "silver": 3.0}),
        *[(f"pre-d3-s{k}", True, {"seed": k, "dropout": 0.3}) for k in (14, 15)],
        ("pre-d3-s13-all", True, {"seed": 13, "dropout": 0.3, "epochs": 29}),
    ],
}


def _docs(path: Path, sents: list[Sentence]) -> list[np.ndarray]:
    """Per-sentence document features saved end to end by :func:`prepare`."""
    flat = np.load(path).astype(np.float32)
    return np.split(flat, np.cumsum([len(ws) for ws, _ in sents])[:-1])


def _vocab(data: Path) -> tuple[Vocab, list[Sentence], list[Sentence]]:
    train, dev = split_dev(read_conll(data / "train.txt", "anercorp"))
    words = [str(w) for w in np.load(data / "words.npy").tolist()]
    return Vocab(words, np.load(data / "vectors.npy").astype(np.float32), Lexicon.load(), train), train, dev


def _save_docs(out: Path, vocab: Vocab) -> None:
    """Document features of the CRF stand-in first pass, for the 90% split and for all
    of train.txt (the final model's data)."""
    from marsad.ner.nntrain import crf_first_pass

    full = read_conll(out / "train.txt", "anercorp")
    for name, sents in (("docs.npy", split_dev(full)[0]), ("docs_all.npy", full)):
        docs = crf_first_pass(vocab, Lexicon.load(), sents, print)
        np.save(out / name, np.concatenate(docs).astype(np.uint8))


def prepare(args: argparse.Namespace) -> None:
    """Everything the GPU run needs, into ``--out`` (never committed: .devdata/ is ignored)."""
    from gensim.models import KeyedVectors

    from marsad.ner.pretrain import corpus_tokens, type_inputs

    out, shared = Path(args.out), Path(args.shared)
    out.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(shared / "data/ner/anercorp/train.txt", out / "train.txt")
    kv = KeyedVectors.load(args.vectors)
    np.save(out / "words.npy", np.array(kv.index_to_key[: Settings.n_vocab]))
    np.save(out / "vectors.npy", kv.vectors[: Settings.n_vocab].astype(np.float16))  # half the size to carry
    vocab, train, _ = _vocab(out)
    _save_docs(out, vocab)
    types, stream = corpus_tokens(shared / ANT, args.limit)
    arrays: dict[str, Any] = {"stream": stream, **type_inputs(vocab.word, types)}
    np.savez_compressed(out / "ant.npz", **arrays)
    meta = {"feats": len(vocab.feats), "chars": len(vocab.chars), "types": len(types), "tokens": len(stream)}
    (out / "meta.json").write_text(json.dumps(meta))
    print(meta)


def _write_extra(out: Path, name: str, sents: list[Sentence], docs: list[np.ndarray]) -> None:
    """Extra training sentences as ``NAME.txt`` (CoNLL) and their document features as
    ``NAME_docs.npy``, as :func:`finetune` reads them."""
    with open(out / f"{name}.txt", "w", encoding="utf-8") as f:
        for ws, tags in sents:
            f.writelines(f"{w} {t}\n" for w, t in zip(ws, tags, strict=True))
            f.write("\n")
    np.save(out / f"{name}_docs.npy", np.concatenate(docs).astype(np.uint8))


def silver(args: argparse.Namespace) -> None:
    """Tag ANT articles with an ensemble of trained networks (numpy, here) and keep the
    sentences on which all agree: silver training data for a student of the same size."""
    from marsad.ner.distil import silver as silver_data
    from marsad.ner.neural import NeuralTagger

    out = Path(args.out)
    teachers = [NeuralTagger(m, Lexicon.load()) for m in args.teachers]
    vocab, _, _ = _vocab(out)
    kept, docs = silver_data(teachers, vocab, Path(args.shared) / ANT, args.every, args.plain)
    _write_extra(out, "silver", kept, docs)
    print(f"silver: {len(kept)} sentences, {sum(len(ws) for ws, _ in kept)} tokens")


def news(args: argparse.Namespace) -> None:
    """The annotated news (``gold/ner_news.jsonl``) as CoNLL sentences and document
    features, into ``--out`` beside train.txt (here: it reads ../shared and crfsuite)."""
    from marsad.ner.annotated import labelled_articles, news_training, read_annotations

    out = Path(args.out)
    vocab, train, _ = _vocab(out)
    articles = labelled_articles(read_annotations(args.files), Path(args.shared) / ANT)
    sents, docs = news_training(vocab, Lexicon.load(), train, articles)
    _write_extra(out, "news", sents, docs)
    print(f"news: {len(articles)} articles, {len(sents)} sentences, {sum(len(ws) for ws, _ in sents)} tokens")


def finetune(args: argparse.Namespace) -> None:
    """One configuration of the sweep (a process of its own: the sweep runs in parallel)."""
    import torch

    from marsad.eval.ner import score
    from marsad.ner.augment import student_data
    from marsad.ner.nntrain import decode, export, fit

    torch.set_num_threads(1)
    name, pre, over = json.loads(args.cfg)
    data, work = Path(args.data), Path(args.work)
    ratio, epochs = over.pop("silver", 0.0), int(over.pop("epochs", 0))
    share = float(over.pop("gold", 1.0))  # a learning curve: the first share of the gold sentences
    with_news = bool(over.pop("news", False))  # the annotated news, all of it, before any silver data
    times = int(over.pop("gold_times", 1))  # ANERcorp's sentences repeated, to weigh its conventions
    copies = float(over.pop("augment", 0.0))  # gold sentences again with their names swapped
    half = str(over.pop("dev_half", ""))  # "train" / "drop": score on dev's second half, its first half trained on or not
    s = replace(Settings(), **{**over, **({"max_epochs": 2} if args.tiny else {})})
    vocab, train, dev = _vocab(data)
    if epochs:  # the final model: all of train.txt, the epochs a development run chose
        train, dev = train + dev, []
    docs = _docs(data / ("docs_all.npy" if epochs or half else "docs.npy"), train + (dev if half else []))
    if half:  # what a model gains from the development sentences, measured on their second half
        cut = len(dev) // 2
        taken = dev[:cut] if half == "train" else []
        train, dev, docs = train + taken, dev[cut:], docs[: len(train) + len(taken)]
    cut = round(len(train) * share)
    train, docs = train[:cut] * times, docs[:cut] * times
    more = read_conll(data / "news.txt", "anercorp") if with_news else []
    more_docs = _docs(data / "news_docs.npy", more) if with_news else []
    train, docs = student_data(train, docs, more, more_docs, copies, s.seed)  # with no copies: gold + news
    if ratio:
        from marsad.ner.distil import mix

        extra = read_conll(data / "silver.txt", "anercorp")
        train, docs = mix(train, docs, extra, _docs(data / "silver_docs.npy", extra), ratio, s.seed)
    init = None
    if isinstance(pre, str):  # continue a trained network (an exported .npz)
        from marsad.ner.nntrain import imported

        init = {k: torch.from_numpy(v) for k, v in imported(pre).items()}
    elif pre:
        with np.load(work / "pre.npz") as z:
            init = {k: torch.from_numpy(z[k].astype(np.float32)) for k in z.files}
    t0 = time.time()
    net, epoch, f1 = fit(vocab, train, docs, dev or None, s, epochs or None, lambda m: print(f"{name}: {m}", flush=True),
                         init=init, device=args.device, until=args.until)
    net.cpu()
    check = score((t, p) for (_, t), p in zip(dev, decode(net, vocab, dev), strict=True)).prf()[2] if dev else 0.0
    words = [str(w) for w in np.load(data / "words.npy").tolist()]
    export({k: v.detach().numpy() for k, v in net.state_dict().items()}, vocab, s, work / f"{name}.npz", words)
    result = {"name": name, "pretrained": pre, "settings": asdict(s), "epoch": epoch, "dev_f1": f1,
              "dev_f1_again": check, "wall_s": round(time.time() - t0)}
    (work / f"{name}.json").write_text(json.dumps(result))


def run(args: argparse.Namespace) -> None:
    """Pretrain, fine-tune the sweep in parallel, keep the best models by dev F1."""
    import torch

    from marsad.ner.nntrain import build_net
    from marsad.ner.pretrain import pretrain

    start = time.time()
    out, data, work = Path(args.out), Path(args.data), Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    torch.backends.cuda.matmul.allow_tf32 = True
    torch.backends.cudnn.allow_tf32 = True
    vocab, _, _ = _vocab(data)
    meta = json.loads((data / "meta.json").read_text())
    assert (len(vocab.feats), len(vocab.chars)) == (meta["feats"], meta["chars"]), "vocabulary differs from prepare's"
    ant = {} if args.pre else dict(np.load(data / "ant.npz"))
    stream = ant.pop("stream", np.zeros(0, np.int32))
    p = PretrainSettings(**({"steps": 20, "batch": 8} if args.tiny else {"steps": args.steps}))
    print(f"loaded in {time.time() - start:.0f} s: {meta}; {p}", flush=True)
    if args.pre:  # an encoder pretrained by an earlier run
        shutil.copyfile(args.pre, work / "pre.npz")
    else:
        net = build_net(vocab, Settings())
        enc = pretrain(net, ant, stream, p, args.device, log=lambda m: print(m, flush=True),
                       until=start + args.budget * args.pretrain_share)
        np.savez_compressed(work / "pre.npz", **{k: v.numpy().astype(np.float16) for k, v in enc.items()})
        del net
    if args.device == "cuda":
        torch.cuda.empty_cache()
    until = start + args.budget - args.reserve
    sweep = SWEEPS[args.sweep][: args.jobs]
    procs = [
        subprocess.Popen([sys.executable, __file__, "finetune", "--data", str(data), "--work", str(work),
                          "--device", args.device, "--until", str(until), "--cfg", json.dumps(cfg)]
                         + (["--tiny"] if args.tiny else []))
        for cfg in sweep
    ]
    for proc in procs:
        proc.wait()
    results = [json.loads((work / f"{n}.json").read_text()) for n, _, _ in sweep if (work / f"{n}.json").exists()]
    results.sort(key=lambda r: -r["dev_f1"])
    for r in results:
        print(f"{r['name']}: epoch {r['epoch']} dev F1 {r['dev_f1']:.2f} ({r['dev_f1_again']:.2f}) {r['wall_s']} s")
    (out / "results.json").write_text(json.dumps(results, indent=1))
    if not args.pre:
        shutil.copy(work / "pre.npz", out / "pre.npz")
    best = [r["name"] for r in results if r["dev_f1"]][: args.keep] + [r["name"] for r in results if not r["dev_f1"]]
    for name in best:
        shutil.copy(work / f"{name}.npz", out / f"{name}.npz")
    print(f"done in {time.time() - start:.0f} s; kept {best}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    pp = sub.add_parser("prepare")
    pp.add_argument("--shared", default="../shared")
    pp.add_argument("--vectors", required=True, help="word2vec vectors (gensim .kv) from `marsad train ner`")
    pp.add_argument("--out", default=".devdata")
    pp.add_argument("--limit", type=int, default=0, help="ANT articles (0: all)")
    np_ = sub.add_parser("news")
    np_.add_argument("--shared", default="../shared")
    np_.add_argument("--out", default=".devdata")
    np_.add_argument("--files", nargs="+", default=["gold/ner_news.jsonl"], help="merged annotation files")
    sp = sub.add_parser("silver")
    sp.add_argument("--shared", default="../shared")
    sp.add_argument("--out", default=".devdata")
    sp.add_argument("--teachers", nargs="+", required=True, help="trained networks (.npz)")
    sp.add_argument("--every", type=int, default=6, help="tag every n-th ANT article (default: the recipe's 6)")
    sp.add_argument("--plain", type=float, default=0.2, help="share of agreed sentences without names kept")
    for name in ("run", "finetune"):
        sp = sub.add_parser(name)
        sp.add_argument("--data", default=".devdata")
        sp.add_argument("--work", default="/tmp/ner-gpu")
        sp.add_argument("--device", default="cuda")
        sp.add_argument("--tiny", action="store_true", help="a dry run: a few steps and two epochs")
    rp = sub.choices["run"]
    rp.add_argument("--out", required=True)
    rp.add_argument("--budget", type=float, default=380, help="seconds for the whole run")
    rp.add_argument("--pretrain-share", type=float, default=0.35, help="share of the budget for pretraining")
    rp.add_argument("--reserve", type=float, default=45, help="seconds kept for the last epoch and export")
    rp.add_argument("--steps", type=int, default=PretrainSettings.steps)
    rp.add_argument("--sweep", default="pretrain", choices=sorted(SWEEPS))
    rp.add_argument("--pre", default=None, help="reuse a pretrained encoder (pre.npz of an earlier run)")
    rp.add_argument("--jobs", type=int, default=16)
    rp.add_argument("--keep", type=int, default=4, help="models brought back")
    fp = sub.choices["finetune"]
    fp.add_argument("--cfg", required=True)
    fp.add_argument("--until", type=float, default=float("inf"))
    args = ap.parse_args()
    {"prepare": prepare, "news": news, "silver": silver, "run": run, "finetune": finetune}[args.cmd](args)


if __name__ == "__main__":
    main()
