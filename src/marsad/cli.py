"""The ``marsad`` command.

Each area of the package registers its own sub-commands (``register(commands)``
in its ``commands`` module), so this file only builds the groups and dispatches.
Command modules must be cheap to import: heavy imports go inside the handlers.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from marsad import __version__

#: Modules that add sub-commands, in the order their commands appear in --help.
COMMAND_MODULES = (
    "marsad.commands",
    "marsad.ner.commands",
    "marsad.geo.commands",
    "marsad.events.commands",
    "marsad.eval.commands",
    "marsad.web.commands",
    "marsad.engines.commands",
    "marsad.arabic.commands",
)


@dataclass(frozen=True)
class Commands:
    """Where command modules attach their parsers: top level, ``eval``, ``train``, ``build``."""

    top: argparse._SubParsersAction[argparse.ArgumentParser]
    eval: argparse._SubParsersAction[argparse.ArgumentParser]
    train: argparse._SubParsersAction[argparse.ArgumentParser]
    build: argparse._SubParsersAction[argparse.ArgumentParser]


def _group(
    top: argparse._SubParsersAction[argparse.ArgumentParser], name: str, help: str
) -> argparse._SubParsersAction[argparse.ArgumentParser]:
    parser = top.add_parser(name, help=help, description=help)
    return parser.add_subparsers(dest=f"{name}_target", required=True, metavar="TARGET")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Arabic news to ACLED-style conflict events, with evidence spans.",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__}")
    top = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands = Commands(
        top=top,
        eval=_group(top, "eval", "Score a component against a gold file."),
        train=_group(top, "train", "Train a shipped model from the shared data."),
        build=_group(top, "build", "Compile package data (gazetteer, actor tables)."),
    )
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from marsad.engines.local import one_blas_thread

    one_blas_thread()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.func(args)
    except BrokenPipeError:
        return 0
    except (FileNotFoundError, ValueError) as exc:
        print(f"marsad: error: {exc}", file=sys.stderr)
        return 2
    return code


if __name__ == "__main__":
    sys.exit(main())
