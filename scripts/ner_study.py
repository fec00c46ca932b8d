"""Studies of the entity tagger that need no GPU: does combining trained networks help,
and how many of the evaluation sets' names could the unlabelled corpus tell about?

    # dev F1 of each network, of their ensemble (label scores averaged) and of its prefixes
    python scripts/ner_study.py ensemble A.npz B.npz ...
    # dev F1 of the uniform weight average ("soup") of networks fine-tuned from one encoder
    python scripts/ner_study.py soup A.npz B.npz ...
    # per type: share of the names' words seen in train, or in ANT (>= 5 times, 1-4, never)
    python scripts/ner_study.py coverage
    # F1 on annotated news held out of training (each article tagged as its own document)
    python scripts/ner_study.py news A.npz ... --gold gold/ner_news_dev.jsonl

``--data FILE`` scores a CoNLL file instead of the development part (the last 10% of
ANERcorp train.txt, the selection set): keep test.txt for the shipped model's report.
Networks are read with the package's lexicon (clusters, gazetteer), as they were trained.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.eval.ner import score
from marsad.ner.clusters import corpus_sentences, normalize
from marsad.ner.conll import Sentence, read_conll
from marsad.ner.crf import decode
from marsad.ner.lexicon import Lexicon
from marsad.ner.neural import NeuralTagger
from marsad.ner.nntrain import int8_rows
from marsad.ner.train import split_dev

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
TRAIN = SHARED / "ner" / "anercorp" / "train.txt"
ANT = SHARED / "news" / "ant2018_all.jsonl.gz"
#: Arrays every network of one recipe shares (vocabularies, layout): never averaged.
SHARED_KEYS = ("labels", "words", "feats", "chars", "dilations")


def _data(path: str | None) -> list[Sentence]:
    """The development part of train.txt, or a whole CoNLL file."""
    return read_conll(path, "anercorp") if path else split_dev(read_conll(TRAIN, "anercorp"))[1]


def ensemble_f1(taggers: Sequence[NeuralTagger], data: list[Sentence], members: Sequence[int]) -> float:
    """F1 of decoding the mean label scores (document layer included) and mean
    transitions of ``members``; the data is tagged as one running document, as `eval ner`
    does."""
    keep = [k for k, (words, _) in enumerate(data) if words]
    sentences = [data[k][0] for k in keep]
    ems = [taggers[i]._emissions(sentences) for i in members]
    mean = [np.mean([e[j] for e in ems], axis=0) for j in range(len(sentences))]
    trans = sum(taggers[i].w.trans for i in members) / len(members)
    pred = [["O"] * len(words) for words, _ in data]
    for k, (tags, _) in zip(keep, decode(mean, trans, taggers[0].labels, False), strict=True):
        pred[k] = tags
    return score((gold, p) for (_, gold), p in zip(data, pred, strict=True)).prf()[2]


def soup(paths: Sequence[str], out: Path) -> None:
    """Write the uniform average of networks' weights (the int8 tables dequantised,
    averaged and quantised again, as :func:`marsad.ner.nntrain.export` does)."""
    zs = [np.load(p) for p in paths]
    arr: dict[str, Any] = {}
    for key in zs[0].files:
        if key in SHARED_KEYS:
            if any(not np.array_equal(z[key], zs[0][key]) for z in zs):
                raise SystemExit(f"{key} differs: these networks do not share a recipe")
            arr[key] = zs[0][key]
        elif key.endswith("_q"):
            base = key[:-2]
            x = np.mean([z[key].astype(np.float32) * z[base + "_s"].astype(np.float32) for z in zs], axis=0)
            arr[key], scale = int8_rows(x)
            arr[base + "_s"] = scale.astype(np.float16)
        elif not key.endswith("_s"):
            arr[key] = np.mean([z[key].astype(np.float32) for z in zs], axis=0).astype(np.float16)
    np.savez_compressed(out, **arr)


def coverage(data: list[Sentence], train: list[Sentence], ant: Counter[str]) -> dict[str, Counter[str]]:
    """Per type, the name tokens of ``data`` by where their normalised form was seen:
    as part of a name in ``train``, else in ANT at least 5 times, 1-4 times, or never."""
    named = {normalize(w) for words, tags in train for w, t in zip(words, tags, strict=True) if t != "O"}
    out: dict[str, Counter[str]] = {}
    for words, tags in data:
        for word, tag in zip(words, tags, strict=True):
            if tag == "O":
                continue
            form = normalize(word)
            n = ant[form]
            where = "train" if form in named else "ant>=5" if n >= 5 else "ant1-4" if n else "unseen"
            out.setdefault(tag[2:], Counter())[where] += 1
    return out


def news_report(tagger: NeuralTagger, articles: list[list[Sentence]]) -> str:
    """conlleval report of ``tagger`` on annotated news, article by article."""
    pairs = []
    for article in articles:
        pred = tagger.tag_document([words for words, _ in article])
        pairs += [(gold, p) for (_, gold), p in zip(article, pred, strict=True)]
    return score(pairs).report()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("study", choices=("ensemble", "soup", "coverage", "news"))
    ap.add_argument("models", nargs="*", help="network .npz files (ensemble, soup)")
    ap.add_argument("--data", help="a CoNLL file to score instead of the development part")
    ap.add_argument("--gold", default="gold/ner_news_dev.jsonl", help="(news) annotated news held out of training")
    args = ap.parse_args()
    data = _data(args.data)
    if args.study == "coverage":
        ant: Counter[str] = Counter()
        for tokens in corpus_sentences(ANT):
            ant.update(tokens)
        train = split_dev(read_conll(TRAIN, "anercorp"))[0]
        for label, c in sorted(coverage(data, train, ant).items()):
            total = sum(c.values())
            print(label, total, *(f"{k} {100 * c[k] / total:.0f}%" for k in ("train", "ant>=5", "ant1-4", "unseen")))
        return
    lexicon = Lexicon.load()
    if args.study == "news":
        from marsad.ner.annotated import labelled_articles, read_annotations

        articles = labelled_articles(read_annotations([args.gold]), ANT)
        for m in args.models:
            print(f"{m}:\n{news_report(NeuralTagger(m, lexicon), articles)}", flush=True)
        return
    if args.study == "soup":
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "soup.npz"
            soup(args.models, path)
            print(f"soup of {len(args.models)}: F1 {ensemble_f1([NeuralTagger(path, lexicon)], data, [0]):.2f}")
        return
    taggers = [NeuralTagger(m, lexicon) for m in args.models]
    for i, m in enumerate(args.models):
        print(f"{m}: F1 {ensemble_f1(taggers, data, [i]):.2f}", flush=True)
    for n in range(2, len(taggers) + 1):
        print(f"ensemble of the first {n}: F1 {ensemble_f1(taggers, data, range(n)):.2f}", flush=True)


if __name__ == "__main__":
    main()
