"""Train the convolutional CRF tagger of :mod:`marsad.ner.neural` (torch; training only).

Needs the ``train`` extra (``pip install 'marsad[train]'``: torch and gensim). Word
vectors come from word2vec on the ANT news corpus (gensim, one thread, fixed seed),
the per-word feature bag from :class:`marsad.ner.features.FeatureExtractor` (without
the self-trained name lexicon), characters from the training words. Early stopping
on the development split (the last 10% of train.txt); the final model trains on all
of train.txt for the number of epochs the development run chose. The whole recipe
(vectors, pretraining, fine-tuning) is :func:`marsad.ner.recipe.train_neural`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from marsad.ner.conll import Sentence
from marsad.ner.features import FeatureExtractor
from marsad.ner.lexicon import Lexicon
from marsad.ner.neural import DOC_DIM, MAX_CHARS, doc_matrix

LABELS = ["O", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-PERS", "I-PERS", "B-MISC", "I-MISC"]


@dataclass
class Settings:
    """Chosen on the development split."""

    hidden: int = 160
    dilations: tuple[int, ...] = (1, 2, 1)
    n_vocab: int = 60_000
    feat_dim: int = 100
    char_dim: int = 24
    char_filters: int = 64
    dropout: float = 0.5
    word_dropout: float = 0.1
    lr: float = 2e-3
    #: Learning rate at epoch e: lr / (1 + lr_decay * e).
    lr_decay: float = 0.05
    batch: int = 32
    max_epochs: int = 40
    patience: int = 8
    #: Share of training sentences shown without document features (as in the first pass).
    doc_drop: float = 0.3
    seed: int = 13


class Vocab:
    """Word, feature and character ids of the network's inputs, with a per-word cache."""

    def __init__(self, words: list[str], vectors: np.ndarray, lexicon: Lexicon, train: list[Sentence]) -> None:
        self.words = {w: i + 2 for i, w in enumerate(words)}  # 0 padding, 1 unknown
        e = np.zeros((len(words) + 2, vectors.shape[1]), np.float32)
        e[2:] = vectors
        self.vectors = e / np.maximum(np.linalg.norm(e, axis=1, keepdims=True), 1e-6)
        self.fx = FeatureExtractor(replace(lexicon, names={}))
        counts: Counter[str] = Counter()
        chars: Counter[str] = Counter()
        for ws, _ in train:
            for w in ws:
                wf = self.fx.word(w)
                counts.update(wf.own)
                chars.update(wf.norm)
        self.feats = {f: i + 1 for i, f in enumerate(sorted(f for f, c in counts.items() if c >= 2))}
        self.chars = {c: i + 2 for i, c in enumerate(sorted(c for c, n in chars.items() if n >= 2))}
        self._cache: dict[str, tuple[int, int, list[int], list[int]]] = {}

    def word(self, w: str) -> tuple[int, int, list[int], list[int]]:
        """``(vector id of the form, of the stem, feature ids, character ids)``."""
        hit = self._cache.get(w)
        if hit is None:
            wf = self.fx.word(w)
            fids = [self.feats[f] for f in wf.own if f in self.feats] or [0]
            cids = [self.chars.get(c, 1) for c in wf.norm[:MAX_CHARS]] or [1]
            hit = (self.words.get(wf.norm, 1), self.words.get(wf.stem, 1), fids, cids)
            self._cache[w] = hit
        return hit

    def batch(self, sents: list[Sentence], docs: list[np.ndarray] | None = None) -> dict[str, Any]:
        """Padded tensors of a batch of sentences (``docs``: their document features)."""
        import torch

        n, t_max = len(sents), max(len(ws) for ws, _ in sents)
        inputs = [[self.word(w) for w in ws] for ws, _ in sents]
        c_max = max(3, max(len(x[3]) for row in inputs for x in row))
        wid = np.zeros((n, t_max), np.int64)
        sid = np.zeros((n, t_max), np.int64)
        ch = np.zeros((n, t_max, c_max), np.int64)
        y = np.zeros((n, t_max), np.int64)
        flat: list[int] = []
        offs: list[int] = []
        label = {t: i for i, t in enumerate(LABELS)}
        for b, ((_, tags), row) in enumerate(zip(sents, inputs, strict=True)):
            for t in range(t_max):
                offs.append(len(flat))
                if t >= len(row):
                    flat.append(0)
                    continue
                wid[b, t], sid[b, t] = row[t][0], row[t][1]
                flat += row[t][2]
                ch[b, t, : len(row[t][3])] = row[t][3]
                y[b, t] = label[tags[t]] if tags else 0
        doc = np.zeros((n, t_max, DOC_DIM), np.float32)
        for b, m in enumerate(docs or []):
            doc[b, : len(m)] = m
        mask = wid != 0
        arrays = {"doc": doc, "wid": wid, "sid": sid, "flat": np.array(flat, np.int64),
                  "offs": np.array(offs, np.int64), "ch": ch, "y": y, "mask": mask}
        return {k: torch.from_numpy(v) for k, v in arrays.items()}


def build_net(vocab: Vocab, s: Settings) -> Any:
    """The torch network: inputs -> per-word layer -> residual dilated convolutions -> CRF."""
    import torch
    from torch import nn
    from torch.nn import functional as F

    class Net(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.emb = nn.Embedding.from_pretrained(torch.tensor(vocab.vectors), freeze=True, padding_idx=0)
            self.feat = nn.EmbeddingBag(len(vocab.feats) + 1, s.feat_dim, mode="sum", padding_idx=0)
            self.char = nn.Embedding(len(vocab.chars) + 2, s.char_dim, padding_idx=0)
            self.cconv = nn.Conv1d(s.char_dim, s.char_filters, 3, padding=1)
            d_in = 2 * vocab.vectors.shape[1] + s.feat_dim + s.char_filters
            self.inp = nn.Linear(d_in, s.hidden)
            self.doc = nn.Linear(DOC_DIM, len(LABELS), bias=False)
            self.convs = nn.ModuleList(
                [nn.Conv1d(s.hidden, s.hidden, 3, padding=d, dilation=d) for d in s.dilations]
            )
            self.out = nn.Linear(s.hidden, len(LABELS))
            self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
            self.drop = nn.Dropout(s.dropout)

        def embed(self, wid: Any, sid: Any, feats: Any, ch: Any, offs: Any = None) -> Any:
            """First-layer pre-activations ``[N, H]`` of N words (all that depends on the
            word alone; ``feats``: flat ids with ``offs``, or a padded ``[N, F]`` matrix)."""
            chars = (F.relu(self.cconv(self.char(ch).transpose(1, 2))) * (ch != 0).unsqueeze(1)).amax(dim=2)
            x = torch.cat([self.emb(wid), self.emb(sid), self.feat(feats, offs), chars], -1)
            return self.inp(self.drop(x))

        def context(self, z: Any, mask: Any) -> Any:
            """Token states ``[n, t, H]`` from first-layer pre-activations ``[n, t, H]``."""
            m = mask.unsqueeze(1).float()
            h = F.relu(z).transpose(1, 2) * m
            for conv in self.convs:
                h = (h + F.relu(conv(self.drop(h)))) * m
            return h.transpose(1, 2)

        def forward(self, b: dict[str, Any]) -> Any:
            wid, sid, ch, mask = b["wid"], b["sid"], b["ch"], b["mask"]
            n, t = wid.shape
            if self.training and s.word_dropout > 0:
                keep = torch.rand(n, t, device=wid.device) >= s.word_dropout
                wid = torch.where(keep, wid, torch.ones_like(wid))
                sid = torch.where(keep, sid, torch.ones_like(sid))
            z = self.embed(wid.view(-1), sid.view(-1), b["flat"], ch.view(n * t, -1), b["offs"]).view(n, t, -1)
            return self.out(self.drop(self.context(z, mask))) + self.doc(b["doc"])

        def nll(self, em: Any, y: Any, mask: Any) -> Any:
            """Negative log-likelihood of the gold paths (transitions only, as crf.py decodes)."""
            gold = (em.gather(2, y.unsqueeze(2)).squeeze(2) * mask).sum(1)
            gold = gold + (self.trans[y[:, :-1], y[:, 1:]] * mask[:, 1:]).sum(1)
            alpha = em[:, 0]
            for i in range(1, em.shape[1]):
                nxt = torch.logsumexp(alpha.unsqueeze(2) + self.trans.unsqueeze(0), 1) + em[:, i]
                alpha = torch.where(mask[:, i : i + 1], nxt, alpha)
            return (torch.logsumexp(alpha, 1) - gold).sum()

    return Net()


def doc_features(vocab: Vocab, sents: list[Sentence], tags: list[list[str]]) -> list[np.ndarray]:
    """Document features of consecutive sentences (one running document) from a first
    pass's tags."""
    from marsad.ner.stack import doc_windows, typed_words

    fx = vocab.fx
    typed = [typed_words(fx, ws, t) for (ws, _), t in zip(sents, tags, strict=True)]
    return [
        doc_matrix([(fx.word(w).norm, fx.word(w).stem) for w in ws], d)
        for (ws, _), d in zip(sents, doc_windows(typed), strict=True)
    ]


def crf_first_pass(vocab: Vocab, lexicon: Lexicon, sents: list[Sentence], log: Callable[[str], None]) -> list[np.ndarray]:
    """Training documents' features from a stand-in first pass: CRFs trained on each half
    tag the other half (so the network learns from first-pass errors, not gold)."""
    from marsad.ner.tagger import Pass
    from marsad.ner.train import fit_crf

    base = replace(lexicon, names={})
    half = len(sents) // 2
    a, b = sents[:half], sents[half:]
    tag_a = Pass(fit_crf([(base, b, None)], log=log), base).tag([ws for ws, _ in a])
    tag_b = Pass(fit_crf([(base, a, None)], log=log), base).tag([ws for ws, _ in b])
    return doc_features(vocab, sents, tag_a + tag_b)


def decode(net: Any, vocab: Vocab, sents: list[Sentence]) -> list[list[str]]:
    """Tags of ``sents`` (one running document) by the torch network, in two passes as
    :class:`marsad.ner.neural.NeuralTagger` tags (evaluation during training)."""
    import torch

    from marsad.ner.crf import viterbi_batch

    net.eval()
    trans = net.trans.detach().cpu().numpy()
    dev = net.trans.device

    def run(docs: list[np.ndarray] | None) -> list[list[str]]:
        out: list[list[str]] = []
        with torch.no_grad():
            for i in range(0, len(sents), 64):
                part = sents[i : i + 64]
                b = vocab.batch(part, docs[i : i + 64] if docs else None)
                em = net({k: v.to(dev) for k, v in b.items()}).cpu().numpy()
                ems = [em[b, : len(ws)] for b, (ws, _) in enumerate(part)]
                out += [[LABELS[j] for j in p] for p in viterbi_batch(ems, trans)]
        return out

    return run(doc_features(vocab, sents, run(None)))


def fit(
    vocab: Vocab, train: list[Sentence], docs: list[np.ndarray], dev: list[Sentence] | None, s: Settings,
    epochs: int | None = None, log: Callable[[str], None] = print, *,
    init: dict[str, Any] | None = None, device: str = "cpu", until: float = float("inf"),
) -> tuple[Any, int, float]:
    """Train with Adam; with ``dev``, keep the best epoch by dev F1 (early stopping),
    else run ``epochs``. ``init``: pretrained encoder weights (:mod:`marsad.ner.pretrain`);
    ``until``: a wall-clock time (``time.time()``) after which no epoch starts.
    Returns the network, its epoch count and its dev F1."""
    import torch

    from marsad.eval.ner import score

    torch.manual_seed(s.seed)
    rng = np.random.default_rng(s.seed)
    net = build_net(vocab, s)
    if init:
        net.load_state_dict(init, strict=False)
    net.to(device)
    opt = torch.optim.Adam([p for p in net.parameters() if p.requires_grad], lr=s.lr)
    order = sorted(range(len(train)), key=lambda i: len(train[i][0]))
    batches = [order[i : i + s.batch] for i in range(0, len(order), s.batch)]
    best: tuple[float, int, dict[str, Any]] = (-1.0, 0, {})
    for ep in range(1, (epochs or s.max_epochs) + 1):
        net.train()
        for group in opt.param_groups:
            group["lr"] = s.lr / (1 + s.lr_decay * (ep - 1))
        t0, total = time.process_time(), 0.0
        for k in rng.permutation(len(batches)):
            part = [train[i] for i in batches[k]]
            keep = rng.random(len(part)) >= s.doc_drop
            b = vocab.batch(part, [docs[i] if kp else docs[i] * 0 for i, kp in zip(batches[k], keep, strict=True)])
            b = {key: v.to(device) for key, v in b.items()}
            loss = net.nll(net(b), b["y"], b["mask"]) / len(part)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), 5.0)
            opt.step()
            total += loss.item()
        f1 = score((t, p) for (_, t), p in zip(dev, decode(net, vocab, dev), strict=True)).prf()[2] if dev else 0.0
        log(f"epoch {ep}: loss {total / len(batches):.3f} dev F1 {f1:.2f} ({time.process_time() - t0:.0f} CPU s)")
        if dev and f1 > best[0]:
            best = (f1, ep, {k: v.clone() for k, v in net.state_dict().items()})
        elif dev and ep - best[1] >= s.patience:
            break
        if time.time() > until:
            log(f"stopped after epoch {ep}: out of time")
            break
    if dev:
        net.load_state_dict(best[2])
        return net, best[1], best[0]
    return net, epochs or s.max_epochs, 0.0


def imported(path: str | Path) -> dict[str, np.ndarray]:
    """A network exported by :func:`export` back in torch's names and shapes (float32;
    the frozen word vectors are left out: they come from the vocabulary), to continue
    training it. The inverse of ``export`` up to its float16 and int8 rounding."""

    def untaps(w: np.ndarray, axis: int) -> np.ndarray:
        return np.stack([part.T for part in np.split(w, 3, axis)], axis=2)

    with np.load(path, allow_pickle=False) as z:
        a = {k: z[k].astype(np.float32) for k in z.files if k.startswith(("w_", "b_"))}
    sd = {
        "feat.weight": a["w_feat_q"] * a["w_feat_s"], "char.weight": a["w_char"],
        "cconv.weight": untaps(a["w_cconv"], 0), "cconv.bias": a["b_cconv"],
        "inp.weight": a["w_inp"].T, "inp.bias": a["b_inp"], "doc.weight": a["w_doc"].T,
        "out.weight": a["w_out"].T, "out.bias": a["b_out"], "trans": a["w_trans"],
    }
    for k in range(sum(1 for name in a if name.startswith("w_conv"))):
        sd[f"convs.{k}.weight"], sd[f"convs.{k}.bias"] = untaps(a[f"w_conv{k}"], 1), a[f"b_conv{k}"]
    return {k: np.ascontiguousarray(v) for k, v in sd.items()}


def int8_rows(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """A table as int8 with a float32 scale per row (how the large tables are shipped)."""
    scale = np.maximum(np.abs(x).max(axis=1, keepdims=True), 1e-8) / 127.0
    return np.round(x / scale).astype(np.int8), scale.astype(np.float32)


def export(sd: dict[str, np.ndarray], vocab: Vocab, s: Settings, path: Path, words: list[str]) -> None:
    """A network's state (torch names and shapes, as numpy arrays) as the ``.npz`` read
    by :class:`marsad.ner.neural.NeuralWeights` (convolution taps side by side, so that
    a layer is one matmul)."""

    def taps(w: np.ndarray, axis: int) -> np.ndarray:
        return np.concatenate([w[:, :, j].T for j in range(w.shape[2])], axis)

    arr: dict[str, np.ndarray] = {
        "labels": np.array(LABELS), "words": np.array(words),
        "feats": np.array(sorted(vocab.feats, key=vocab.feats.__getitem__)),
        "chars": np.array(sorted(vocab.chars, key=vocab.chars.__getitem__)),
        "vectors": vocab.vectors, "dilations": np.array(s.dilations),
        "w_feat": sd["feat.weight"], "w_char": sd["char.weight"],
        "w_cconv": taps(sd["cconv.weight"], 0), "b_cconv": sd["cconv.bias"],
        "w_inp": sd["inp.weight"].T, "b_inp": sd["inp.bias"],
        "w_doc": sd["doc.weight"].T, "w_out": sd["out.weight"].T, "b_out": sd["out.bias"], "w_trans": sd["trans"],
    }
    for k in range(len(s.dilations)):
        arr[f"w_conv{k}"] = taps(sd[f"convs.{k}.weight"], 1)
        arr[f"b_conv{k}"] = sd[f"convs.{k}.bias"]
    for name in ("vectors", "w_feat"):  # the two large tables: int8 with a scale per row
        arr[name + "_q"], arr[name + "_s"] = int8_rows(arr.pop(name).astype(np.float32))
    packed: dict[str, Any] = {k: v.astype(np.float16) if v.dtype == np.float32 else v for k, v in arr.items()}
    np.savez_compressed(path, **packed)
