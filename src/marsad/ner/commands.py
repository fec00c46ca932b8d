"""``marsad train ner`` and ``marsad eval ner``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from marsad.cli import Commands

if TYPE_CHECKING:
    from marsad.ner.crf import DocumentTagging

_SHARED = Path(__file__).resolve().parents[3].parent / "shared"
#: News annotated for the tagger's training (docs/ner-guideline.md), in the repository.
_NEWS = Path(__file__).resolve().parents[3] / "gold" / "ner_news.jsonl"


def register(commands: Commands) -> None:
    p = commands.train.add_parser(
        "ner",
        help="Rebuild the NER gazetteer, word clusters, word vectors and network from ../shared (fixed seed).",
    )
    p.add_argument("--shared", default=str(_SHARED), help="the shared data folder (default ../shared)")
    p.add_argument(
        "--out", default=None, help="output folder (default: the package data; with --dev, out/ner-dev)"
    )
    p.add_argument("--dev", action="store_true", help="(--crf) train on 90%% of train.txt, score the last 10%%")
    p.add_argument("--reuse-lexicon", action="store_true", help="keep the gazetteer and clusters in --out")
    p.add_argument("--vectors", default=None, help="reuse word vectors saved by an earlier run (gensim .kv)")
    p.add_argument("--crf", action="store_true", help="train the two-pass CRF tagger instead of the network")
    p.add_argument("--device", default="cpu", help="torch device for pretraining and fine-tuning (cuda: minutes, not hours)")
    p.add_argument("--pretrain-steps", type=int, default=None, help="pretraining steps on ANT (0: none)")
    p.add_argument("--silver", type=float, default=None,
                   help="silver tokens per gold token from teacher networks (default: the recipe's, none; the earlier recipe: 1.0)")
    p.add_argument("--news", nargs="*", default=[str(_NEWS)],
                   help="annotated news files for the student (default gold/ner_news.jsonl; none: --news with no file)")
    p.set_defaults(func=_train)

    e = commands.eval.add_parser("ner", help="Entity-level P/R/F1 (conlleval) of the tagger on a CoNLL file.")
    e.add_argument("--data", required=True,
                   help="CoNLL file, a folder of *.txt files (AQMAR), or annotated news (.jsonl: gold/ner_news_dev.jsonl)")
    e.add_argument("--shared", default=str(_SHARED), help="(annotated news) the shared data folder holding ANT")
    e.add_argument("--data-format", default="auto", choices=("auto", "anercorp", "aqmar"))
    e.add_argument("--model", default=None, help="a model file, network or CRF (default: the shipped one)")
    e.set_defaults(func=_eval)


def _train(args: argparse.Namespace) -> int:
    from marsad.ner.lexicon import DATA_DIR

    shared = Path(args.shared)
    if not (shared / "data" / "ner" / "anercorp" / "train.txt").exists():
        raise FileNotFoundError(f"ANERcorp train.txt not found under {shared}")
    out = Path(args.out) if args.out else (Path("out/ner-dev") if args.dev else DATA_DIR)
    _require_training_extra(crf_only=args.crf)
    if args.crf:
        from marsad.ner.train import train

        model = train(shared, out, dev=args.dev, reuse_lexicon=args.reuse_lexicon)
    else:
        from marsad.ner.pretrain import PretrainSettings
        from marsad.ner.recipe import SILVER_RATIO, train_neural

        vectors = Path(args.vectors) if args.vectors else None
        steps = PretrainSettings.steps if args.pretrain_steps is None else args.pretrain_steps
        model, _ = train_neural(shared, out, reuse_lexicon=args.reuse_lexicon, vectors=vectors,
                                pretraining=PretrainSettings(steps=steps), device=args.device,
                                silver_ratio=SILVER_RATIO if args.silver is None else args.silver,
                                news=[Path(f) for f in args.news])
    print(f"model: {model} ({model.stat().st_size / 1e6:.2f} MB)")
    return 0


def _require_training_extra(crf_only: bool) -> None:
    """Training needs the ``train`` extra (never the run-time install): say so plainly."""
    try:
        import pycrfsuite  # noqa: F401  (the stand-in CRFs, and --crf)

        if not crf_only:
            import gensim  # noqa: F401
            import torch  # noqa: F401
    except ImportError as exc:
        raise SystemExit(f"training the entity tagger needs the train extra: pip install 'marsad[train]' ({exc})") from exc


def _eval(args: argparse.Namespace) -> int:
    from marsad.eval.ner import score
    from marsad.ner.conll import read_conll, sniff_format
    from marsad.ner.tagger import load_tagger

    tagger = load_tagger(args.model)
    if str(args.data).endswith(".jsonl"):
        return _eval_news(args, tagger)
    fmt = sniff_format(args.data) if args.data_format == "auto" else args.data_format
    sentences = read_conll(args.data, fmt)
    # AQMAR's miscellaneous classes are not scored (mapped to O), so neither are ours.
    drop = {"B-MISC", "I-MISC"} if fmt == "aqmar" else set()

    # Consecutive sentences are tagged as one running document (see marsad.ner.stack).
    pred = tagger.tag_document([words for words, _ in sentences])
    pred = [["O" if t in drop else t for t in tags] for tags in pred]
    print(f"{args.data} ({fmt}): {len(sentences)} sentences")
    print(score((tags, p) for (_, tags), p in zip(sentences, pred, strict=True)).report())
    return 0


def _eval_news(args: argparse.Namespace, tagger: DocumentTagging) -> int:
    """Annotated news (``gold/ner_news_dev.jsonl``): the sentences are rebuilt from ANT
    in ``--shared``, and each article is tagged as its own document."""
    from marsad.eval.ner import score
    from marsad.ner.annotated import labelled_articles, read_annotations

    corpus = Path(args.shared) / "data" / "news" / "ant2018_all.jsonl.gz"
    if not corpus.exists():
        raise FileNotFoundError(f"annotated news needs the ANT corpus: {corpus} not found")
    articles = labelled_articles(read_annotations([args.data]), corpus)
    pairs = []
    for article in articles:
        pred = tagger.tag_document([words for words, _ in article])
        pairs += [(tags, p) for (_, tags), p in zip(article, pred, strict=True)]
    print(f"{args.data} (annotated news): {len(articles)} articles, {len(pairs)} sentences")
    print(score(pairs).report())
    return 0
