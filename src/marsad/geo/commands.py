"""CLI: ``marsad build gazetteer`` and ``marsad eval geo``."""

from __future__ import annotations

import argparse
from pathlib import Path

from marsad.cli import Commands

SHARED = Path("..") / "shared" / "data"


def register(commands: Commands) -> None:
    build = commands.build.add_parser(
        "gazetteer", help="Compile the gazetteer (OCHA communities, GeoNames, countries).",
    )
    build.add_argument("--communities", default=str(SHARED / "gazetteer" / "syria_communities.csv"))
    build.add_argument("--common-corpus", default=str(SHARED / "news" / "ant2018_other500.jsonl"),
                       help="news about no Syrian place, to find names that are common words")
    build.add_argument("--out", default=None, help="output file (default: the package data file)")
    build.set_defaults(func=_build)

    ev = commands.eval.add_parser("geo", help="Score the geocoder on a gold file of place mentions.")
    ev.add_argument("--data", default="gold/geo_dev.jsonl")
    ev.add_argument("--corpus", default=str(SHARED / "news" / "ant2018_syria.jsonl"))
    ev.add_argument("--with-ner", action="store_true", help="run the entity tagger first")
    ev.set_defaults(func=_eval)


def _build(args: argparse.Namespace) -> int:
    from marsad.geo.build import build_gazetteer

    out = Path(args.out) if args.out else Path(__file__).resolve().parent.parent / "data" / "geo" / "gazetteer.json.gz"
    corpus = Path(args.common_corpus)
    counts = build_gazetteer(Path(args.communities), out, corpus if corpus.exists() else None)
    print(" ".join(f"{k}: {v}" for k, v in counts.items()), f"-> {out}")
    return 0


def _eval(args: argparse.Namespace) -> int:
    from marsad.eval.geo import evaluate

    print(evaluate(args.data, args.corpus, with_ner=args.with_ner).report())
    return 0
