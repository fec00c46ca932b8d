"""The torch half of ``scripts/ner_teacher_gpu.py`` (issue #4): the teacher's size, its
network, masked-word pretraining, fine-tuning on ANERcorp and tagging; the script keeps
the data preparation, the silver output and the command line. torch is imported inside
the functions, so ``prepare`` runs here with numpy alone."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from marsad.ner.nntrain import LABELS

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

    def __post_init__(self) -> None:
        if self.length % 2:  # predict() tags at half a window's stride
            raise ValueError(f"length must be even, not {self.length}")


TINY = {"layers": 1, "width": 32, "heads": 2, "ffn": 64, "length": 32, "targets": 500,
        "char_dim": 8, "char_filters": 16, "batch": 8, "warmup": 5, "ft_batch": 4, "ft_epochs": 3}


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


def type_tensors(data: dict[str, np.ndarray], device: str) -> dict[str, Any]:
    """The type table of ``prepare`` (``wid``, ``sid``, ``char``, ``mark``) as the int64
    tensors the network indexes by type id."""
    import torch

    return {k: torch.from_numpy(data[k].astype(np.int64)).to(device) for k in ("wid", "sid", "char", "mark")}


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
