"""A contextual teacher for the entity tagger (issue #4): a transformer encoder pretrained
on ANT (masked words) and fine-tuned on ANERcorp on one GPU, whose silver data trains the
shipped numpy network (``scripts/ner_gpu.py``). Why: that network sees ±4 tokens; the
teacher reads windows of 256, and distilling it keeps inference at numpy speed.

    python scripts/ner_teacher_gpu.py prepare --out .devdata/teacher      # here, ../shared
    python scripts/ner_teacher_gpu.py run --data .devdata/teacher --out $OUT --device cuda  # there

``run`` writes ``log``, ``results.json``, ``silver.txt`` (confidently tagged sentences of
every k-th ANT article, read by :func:`marsad.ner.conll.read_conll`) and ``silver_docs.npy``
(their document features), as ``scripts/ner_gpu.py silver`` writes them. docs/ner.md.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import Sentence
from marsad.ner.nntrain import LABELS

ANT = "../shared/data/news/ant2018_all.jsonl.gz"
ANERCORP = "../shared/data/ner/anercorp/train.txt"
#: Type-table bits for the gazetteer and trigger words (of the form or the stem).
MARKS = ("places", "place_parts", "pers_triggers", "org_triggers", "loc_triggers")


@dataclass
class Config:
    """Sized for about 8 minutes on one H200 (docs/ner.md: the FLOP estimate)."""

    layers: int = 6
    width: int = 512
    heads: int = 8
    ffn: int = 2048
    #: Tokens per window, in pretraining, fine-tuning and tagging.
    length: int = 256
    #: Predicted words in pretraining (the most frequent forms), plus one for the rest.
    targets: int = 30_000
    char_dim: int = 32
    char_filters: int = 128
    mask: float = 0.15
    batch: int = 128
    lr: float = 5e-4
    warmup: int = 500
    dropout: float = 0.1
    ft_batch: int = 8
    ft_epochs: int = 20
    patience: int = 5
    seed: int = 13


TINY = {"layers": 1, "width": 32, "heads": 2, "ffn": 64, "length": 32, "targets": 500,
        "char_dim": 8, "char_filters": 16, "batch": 8, "warmup": 5, "ft_batch": 4, "ft_epochs": 3}


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
    tab = {"wid": np.zeros(n, np.int32), "sid": np.zeros(n, np.int32),
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


def build_model(cfg: Config, n_words: int, n_chars: int) -> Any:
    """Per-token input (form and stem vectors, a character CNN, gazetteer bits) plus a
    learned position, a pre-norm transformer encoder, and two heads: hidden words
    (pretraining) and BIO labels (fine-tuning)."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    class Teacher(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            d = cfg.width
            self.word = nn.Embedding(n_words, d, padding_idx=0)
            self.char = nn.Embedding(n_chars, cfg.char_dim, padding_idx=0)
            self.cconv = nn.Conv1d(cfg.char_dim, cfg.char_filters, 3, padding=1)
            self.cproj = nn.Linear(cfg.char_filters, d)
            self.mark = nn.Embedding(1 << len(MARKS), d)
            self.pos = nn.Embedding(cfg.length, d)
            self.masked = nn.Parameter(torch.zeros(d))
            layer = nn.TransformerEncoderLayer(d, cfg.heads, cfg.ffn, cfg.dropout, activation="gelu",
                                               batch_first=True, norm_first=True)
            self.encoder = nn.TransformerEncoder(layer, cfg.layers, enable_nested_tensor=False)
            self.norm = nn.LayerNorm(d)
            self.drop = nn.Dropout(cfg.dropout)
            self.mlm = nn.Linear(d, cfg.targets + 1)
            self.tag = nn.Linear(d, len(LABELS))

        def forward(self, ids: Any, tab: dict[str, Any], hide: Any = None) -> Any:
            """Token states ``[B, L, d]`` of type-id windows ``[B, L]`` (``hide``: a mask
            of the tokens whose input is replaced by the learned hidden-word vector)."""
            ch = tab["char"][ids].flatten(0, 1)
            c = F.relu(self.cconv(self.char(ch).transpose(1, 2))) * (ch != 0).unsqueeze(1)
            x = self.word(tab["wid"][ids]) + self.word(tab["sid"][ids]) + self.mark(tab["mark"][ids])
            x = x + self.cproj(c.amax(dim=2)).view(*ids.shape, -1)
            if hide is not None:
                x = torch.where(hide.unsqueeze(2), self.masked.to(x.dtype), x)
            return self.norm(self.encoder(self.drop(x + self.pos.weight[: ids.shape[1]])))

    return Teacher()


def _autocast(device: str) -> Any:
    """bf16 on a GPU; full precision on the CPU (bf16 there is slow, and only for tests)."""
    import torch

    return torch.autocast("cuda", torch.bfloat16) if device.startswith("cuda") else torch.autocast("cpu", enabled=False)


def pretrain(model: Any, tab: dict[str, Any], stream: np.ndarray, cfg: Config, device: str, until: float,
             max_steps: int, log: Callable[[str], None]) -> dict[str, Any]:
    """Masked-word training on random windows of ANT until ``until`` (wall clock) or
    ``max_steps``: a fixed number of hidden tokens per window (no host sync per step);
    the learning rate warms up, then decays with the elapsed share of the time."""
    import torch
    from torch.nn import functional as F

    gen = torch.Generator(device=device).manual_seed(cfg.seed)
    toks = torch.from_numpy(np.pad(stream, (0, max(0, cfg.length + 1 - len(stream)))).astype(np.int64)).to(device)
    wid = tab["wid"]
    target = torch.where((wid >= 2) & (wid < cfg.targets + 2), wid - 2, torch.full_like(wid, cfg.targets))
    target[0] = -100  # gaps are never predicted
    opt = torch.optim.AdamW(model.parameters(), lr=cfg.lr, betas=(0.9, 0.98), weight_decay=0.01,
                            fused=device.startswith("cuda"))
    span, m = torch.arange(cfg.length, device=device), max(1, round(cfg.mask * cfg.length))
    t0, step, total = time.time(), 0, torch.zeros((), device=device)
    model.train()
    while step < max_steps and time.time() < until:
        step += 1
        decay = max(0.05, 1 - (time.time() - t0) / max(until - t0, 1e-9))
        for g in opt.param_groups:
            g["lr"] = cfg.lr * min(1.0, step / cfg.warmup) * decay
        ids = toks[torch.randint(0, len(toks) - cfg.length, (cfg.batch, 1), device=device, generator=gen) + span]
        pick = torch.rand(ids.shape, device=device, generator=gen).topk(m, dim=1).indices
        hide = torch.zeros_like(ids, dtype=torch.bool).scatter_(1, pick, True)
        with _autocast(device):
            h = model(ids, tab, hide).gather(1, pick.unsqueeze(2).expand(-1, -1, cfg.width))
            logits = model.mlm(h)
        gold = target[ids.gather(1, pick)].flatten()  # a window of gaps alone must not give NaN
        loss = F.cross_entropy(logits.float().flatten(0, 1), gold, reduction="sum") / (gold >= 0).sum().clamp(min=1)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        total += loss.detach()
        if step % 200 == 0:
            log(f"pretrain step {step}: loss {total.item() / 200:.3f} ({time.time() - t0:.0f} s)")
            total.zero_()
    done = {"steps": step, "tokens": step * cfg.batch * cfg.length, "seconds": round(time.time() - t0, 1)}
    done["tokens_per_s"] = round(done["tokens"] / max(done["seconds"], 0.1))
    log(f"pretrained: {done}")
    return done


def predict(model: Any, tab: dict[str, Any], ids: np.ndarray, cfg: Config, device: str, batch: int = 256) -> np.ndarray:
    """Label probabilities ``[n, labels]`` of a running text of type ids: windows at half
    a window's stride, each token's probabilities averaged over the two windows that
    hold it, weighted by its distance from their edges."""
    import torch

    size, half = cfg.length, cfg.length // 2
    blocks = -(-(len(ids) + half) // half) + 1
    pad = np.zeros(blocks * half, np.int64)
    pad[half : half + len(ids)] = ids
    weight = np.minimum(np.arange(size) + 1, size - np.arange(size)).astype(np.float32)[:, None]
    acc = np.zeros((blocks, half, len(LABELS)), np.float32)
    model.eval()
    with torch.no_grad():
        for b0 in range(0, blocks - 1, batch):
            starts = np.arange(b0, min(b0 + batch, blocks - 1))
            win = torch.from_numpy(pad[starts[:, None] * half + np.arange(size)]).to(device)
            with _autocast(device):
                logits = model.tag(model(win, tab))
            p = torch.softmax(logits.float(), -1).cpu().numpy() * weight
            acc[starts] += p[:, :half]
            acc[starts + 1] += p[:, half:]
    probs = acc.reshape(-1, len(LABELS))[half : half + len(ids)]
    return probs / probs.sum(1, keepdims=True)


def dev_score(model: Any, tab: dict[str, Any], data: dict[str, np.ndarray], cfg: Config, device: str) -> Any:
    """Entity scores on dev (a :class:`marsad.eval.ner.NerScore`), tagged as one running
    text, counted as conlleval counts."""
    from marsad.eval.ner import score

    pred = predict(model, tab, data["dev"], cfg, device).argmax(1)
    cuts = np.cumsum(data["dev_lens"])[:-1]
    pairs = zip(np.split(data["dev_tags"], cuts), np.split(pred, cuts), strict=True)
    return score(([LABELS[i] for i in g], [LABELS[i] for i in p]) for g, p in pairs)


def finetune(model: Any, tab: dict[str, Any], data: dict[str, np.ndarray], cfg: Config, lr: float, device: str,
             until: float, log: Callable[[str], None]) -> tuple[dict[str, Any], int, float]:
    """Token classification on random windows of ANERcorp train (as one running text);
    the epoch with the best dev F1 is kept (early stopping). The learning rate warms up
    over the first epoch and decays linearly. Returns the best state, epoch and F1."""
    import torch
    from torch.nn import functional as F

    pad = np.zeros(cfg.length // 2, np.int64)
    ids = torch.from_numpy(np.concatenate([pad, data["train"], pad])).to(device)
    gold = torch.from_numpy(np.concatenate([pad - 100, data["train_tags"], pad - 100]).astype(np.int64)).to(device)
    gen = torch.Generator(device=device).manual_seed(cfg.seed)
    span = torch.arange(cfg.length, device=device)
    opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01, fused=device.startswith("cuda"))
    steps = -(-len(data["train"]) // (cfg.length * cfg.ft_batch))
    best: tuple[float, int, dict[str, Any]] = (-1.0, 0, {})
    for ep in range(1, cfg.ft_epochs + 1):
        model.train()
        for i in range(steps):
            for g in opt.param_groups:
                g["lr"] = lr * min(1.0, (i + 1) / steps if ep == 1 else 1.0) * (1 - (ep - 1) / cfg.ft_epochs)
            at = torch.randint(0, len(ids) - cfg.length + 1, (cfg.ft_batch, 1), device=device, generator=gen) + span
            with _autocast(device):
                logits = model.tag(model(ids[at], tab))
            loss = F.cross_entropy(logits.float().flatten(0, 1), gold[at].flatten())
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
        f1 = dev_score(model, tab, data, cfg, device).prf()[2]
        log(f"fine-tune lr {lr:g} epoch {ep}: loss {loss.item():.3f} dev F1 {f1:.2f}")
        if f1 > best[0]:
            best = (f1, ep, {k: v.detach().clone() for k, v in model.state_dict().items()})
        if ep - best[1] >= cfg.patience or time.time() > until:
            break
    return best[2], best[1], best[0]


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
        for ws, ts, q, f in zip(words, tags, p, feats, strict=True):
            named = any(t != "O" for t in ts)
            if q.max(1).min() >= args.min_prob and (named or rng.random() < args.plain):
                kept.append((ws, ts))
                docs.append(f)
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
    tab = {k: torch.from_numpy(data[k].astype(np.int64)).to(args.device) for k in ("wid", "sid", "char", "mark")}
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
