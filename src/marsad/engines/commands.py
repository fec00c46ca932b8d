"""The ``watch`` command: analyse files as they appear in a folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from marsad.cli import Commands


def register(commands: Commands) -> None:
    from marsad.commands import add_db_option

    parser = commands.top.add_parser(
        "watch",
        help="Analyse files as they appear in a folder and store their events.",
        description=(
            "Poll DIR for new or changed files (any format `marsad run` reads), analyse each "
            "once it is fully written, and upsert it into the store. Stops on Ctrl-C."
        ),
    )
    parser.add_argument("directory", help="folder to watch (sub-folders included)")
    add_db_option(parser)
    parser.add_argument(
        "--interval", type=float, default=0.1, help="seconds between polls (default: 0.1)"
    )
    parser.set_defaults(func=_watch)


def _watch(args: argparse.Namespace) -> int:
    from marsad.engines.local import upsert_stream
    from marsad.engines.watch import watch_folder
    from marsad.ingest import read_inputs
    from marsad.pipeline import warm_up
    from marsad.store import Store

    root = Path(args.directory)
    if not root.is_dir():
        raise FileNotFoundError(f"not a directory: {root}")
    store = Store(args.db)
    warm_up()  # load the models now, not on the first file

    def handle(path: Path) -> None:
        events = failed = count = 0
        for article, _ in upsert_stream(read_inputs([str(path)]), store):
            count += 1
            events += len(article.events)
            failed += article.error is not None
        print(f"{path}: {count} articles, {events} events, {failed} failed", flush=True)

    print(f"watching {root} (Ctrl-C to stop)", file=sys.stderr, flush=True)
    try:
        watch_folder(root, handle, interval=args.interval)
    except KeyboardInterrupt:
        pass
    finally:
        store.close()
    return 0
