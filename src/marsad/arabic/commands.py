"""CLI: ``marsad build arabic-words`` (the word counts behind clitic segmentation)."""

from __future__ import annotations

import argparse

from marsad.cli import Commands


def register(commands: Commands) -> None:
    build = commands.build.add_parser(
        "arabic-words", help="Count Arabic word forms in a news corpus (clitic segmentation data)."
    )
    build.add_argument(
        "--corpus", default=None, help="JSONL(.gz) news (default: ../shared ANT corpus)"
    )
    build.add_argument("--out", default=None, help="output file (default: the package data file)")
    build.set_defaults(func=_build)


def _build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from marsad.arabic.build_lexicon import DEFAULT_CORPUS, DEFAULT_OUT, count_forms, write_table

    corpus = Path(args.corpus) if args.corpus else DEFAULT_CORPUS
    out = Path(args.out) if args.out else DEFAULT_OUT
    kept = write_table(count_forms(corpus), out)
    print(f"{kept} forms -> {out}")
    return 0
