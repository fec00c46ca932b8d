"""Pretrain the tagger's encoder on unlabelled news by masked-word prediction (torch;
training only).

Why: ANERcorp has 130k labelled tokens, the ANT news corpus 9.4M unlabelled ones. The
network's per-word layer and its three convolutions learn on ANT to guess a hidden
word from its neighbours (±4 tokens; one of the most frequent ``targets`` words, or
"another word"), which asks for the contexts that also mark names (titles, verbs of
saying, prepositions of place). Fine-tuning (:func:`marsad.ner.nntrain.fit`) starts
from these weights; the output, transition and document layers start fresh, and
inference (:mod:`marsad.ner.neural`) is unchanged: the hidden-word vector and the
prediction head are dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.neural import MAX_CHARS
from marsad.ner.text import TOKEN_RE, corpus_texts

#: Parameters of the network that pretraining learns (the rest start fresh in fine-tuning).
ENCODER = ("feat.", "char.", "cconv.", "inp.", "convs.")


@dataclass
class PretrainSettings:
    """Chosen for one GPU run of a few minutes (a CPU run follows the same recipe, slowly)."""

    steps: int = 6000
    batch: int = 512
    length: int = 64
    #: Share of tokens hidden (their first-layer vector replaced by a learned one).
    mask: float = 0.15
    #: Predicted classes: the most frequent words of the vector table, and one for the rest.
    targets: int = 20_000
    lr: float = 1e-3
    dropout: float = 0.1
    seed: int = 13


def corpus_tokens(path: str | Path, limit: int = 0, gap: int = 2) -> tuple[list[str], np.ndarray]:
    """Distinct raw tokens of the articles (title, text) of a JSONL(.gz) file, tokenised
    as ANERcorp is, and the corpus as one stream of their ids (from 1; ``gap`` zeros
    between articles, as the tagger lays out sentences)."""
    ids: dict[str, int] = {}
    stream: list[int] = []
    for text in corpus_texts(path, limit):
        for tok in TOKEN_RE.findall(text):
            stream.append(ids.setdefault(tok, len(ids) + 1))
        stream += [0] * gap
    return list(ids), np.array(stream, np.int32)


def type_inputs(word: Callable[[str], tuple[int, int, list[int], list[int]]], types: list[str]) -> dict[str, np.ndarray]:
    """The network's inputs for each type (``word``: :meth:`marsad.ner.nntrain.Vocab.word`),
    row 0 for the gaps: ``wid``/``sid`` vector ids, ``feat`` ``[T, F]`` feature ids and
    ``char`` ``[T, MAX_CHARS]`` character ids, both padded with 0."""
    rows = [(0, 0, [0], [0])] + [word(t) for t in types]
    n, width = len(rows), max(len(r[2]) for r in rows)
    feat = np.zeros((n, width), np.int32)
    char = np.zeros((n, MAX_CHARS), np.int32)
    for i, (_, _, f, c) in enumerate(rows):
        feat[i, : len(f)] = f
        char[i, : len(c)] = c
    wid = np.array([r[0] for r in rows], np.int32)
    sid = np.array([r[1] for r in rows], np.int32)
    return {"wid": wid, "sid": sid, "feat": feat, "char": char}


def pretrain(
    net: Any, inputs: dict[str, np.ndarray], stream: np.ndarray, p: PretrainSettings, device: str = "cpu",
    log: Callable[[str], None] = print, until: float = float("inf"),
) -> dict[str, Any]:
    """Train ``net``'s encoder (:func:`marsad.ner.nntrain.build_net`) to predict hidden
    words of ``stream``; returns the encoder's weights (on the CPU). Stops after
    ``p.steps`` or at the wall-clock time ``until``."""
    import torch
    from torch.nn import functional as F

    torch.manual_seed(p.seed)
    gen = torch.Generator(device=device).manual_seed(p.seed)
    net.to(device).train()
    drop, net.drop.p = net.drop.p, p.dropout
    tab = {k: torch.from_numpy(v.astype(np.int64)).to(device) for k, v in inputs.items()}
    wid = tab["wid"]
    target = torch.where((wid >= 2) & (wid < p.targets + 2), wid - 2, torch.full_like(wid, p.targets))
    hidden = net.inp.out_features
    masked = torch.nn.Parameter(torch.zeros(hidden, device=device))
    head = torch.nn.Linear(hidden, p.targets + 1).to(device)
    params = [q for q in net.parameters() if q.requires_grad] + [masked, *head.parameters()]
    opt = torch.optim.Adam(params, lr=p.lr)
    toks = torch.from_numpy(stream.astype(np.int64)).to(device)
    span = torch.arange(p.length, device=device)
    t0, total, hits, seen, k = time.time(), 0.0, 0, 0, 0
    for step in range(1, p.steps + 1):
        starts = torch.randint(0, len(stream) - p.length, (p.batch,), device=device, generator=gen)
        ids = toks[starts[:, None] + span]
        kinds, inv = torch.unique(ids, return_inverse=True)
        z = net.embed(wid[kinds], tab["sid"][kinds], tab["feat"][kinds], tab["char"][kinds])[inv]
        real = ids != 0
        hide = (torch.rand(ids.shape, device=device, generator=gen) < p.mask) & real
        z = torch.where(hide.unsqueeze(2), masked, z)
        logits = head(net.context(z, real)[hide])
        gold = target[ids[hide]]
        loss = F.cross_entropy(logits, gold)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 5.0)
        opt.step()
        total, k = total + loss.item(), k + 1
        hits += int((logits.argmax(1) == gold).sum())
        seen += len(gold)
        if step % 500 == 0 or step == p.steps or time.time() > until:
            log(f"pretrain step {step}: loss {total / k:.3f} accuracy {100 * hits / max(seen, 1):.1f}% ({time.time() - t0:.0f} s)")
            total, hits, seen, k = 0.0, 0, 0, 0
            if time.time() > until:
                log(f"pretraining stopped at step {step}: out of time")
                break
    net.drop.p = drop
    return {k: v.detach().cpu() for k, v in net.state_dict().items() if k.startswith(ENCODER)}
