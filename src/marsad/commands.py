"""The general commands: ``run``, ``extract``, ``export`` and ``events``.

``extract`` is the stable contract that external scorers call (see
docs/extract-contract.md): one JSON line out per line in, same order, no
database. Heavy imports stay inside the handlers so ``marsad --help`` is fast.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any

from marsad.model import Article
from marsad.settings import DEFAULT_ENTITY_SCOPE, EntityScope
from marsad.store.exports import FORMATS
from marsad.store.queries import ORDERINGS

if TYPE_CHECKING:
    from marsad.cli import Commands
    from marsad.store import EventQuery

DEFAULT_DB = os.environ.get("MARSAD_DB", "marsad.db")
#: ``--order-by`` keys: the store's orderings without their descending forms (``--desc``).
SORT_KEYS = tuple(key for key in ORDERINGS if not key.startswith("-"))


def register(commands: Commands) -> None:
    """Attach run, extract, export and events to the top-level parser."""
    _register_run(commands.top)
    _register_extract(commands.top)
    _register_export(commands.top)
    _register_events(commands.top)


# -- argument helpers ---------------------------------------------------------------


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1, not {value}")
    return value


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db``: every command that reads or writes the store takes the same option."""
    parser.add_argument(
        "--db", default=DEFAULT_DB, metavar="PATH",
        help=f"SQLite store (default: $MARSAD_DB or {DEFAULT_DB!r})",
    )  # fmt: skip


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    from marsad.settings import default_workers

    parser.add_argument(
        "--workers", type=_positive, default=default_workers(), metavar="N",
        help="worker processes for the analysis (default: all cores, here %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--batch-size", type=_positive, default=64, metavar="N",
        help="articles sent to a worker at a time (default: %(default)s)",
    )  # fmt: skip
    parser.add_argument(
        "--all-entities", action="store_true",
        help="tag the entities of every sentence, not only of the sentences around events "
        "(slower: the tagger is most of the analysis time; events were identical on every article compared)",
    )  # fmt: skip


def entity_scope(args: argparse.Namespace) -> EntityScope:
    """The entity scope ``--all-entities`` asks for (every command that analyses takes it)."""
    return "all" if args.all_entities else DEFAULT_ENTITY_SCOPE


def _pipeline(args: argparse.Namespace) -> Any:
    """The pipeline of ``--all-entities``, or None for the default one."""
    from marsad.pipeline import default_pipeline

    scope = entity_scope(args)
    return default_pipeline(scope) if scope != DEFAULT_ENTITY_SCOPE else None


def _add_filters(parser: argparse.ArgumentParser, default_limit: int) -> None:
    group = parser.add_argument_group("event filters")
    group.add_argument(
        "--from", dest="date_from", metavar="DATE", help="events on or after DATE (YYYY-MM-DD)"
    )
    group.add_argument(
        "--to", dest="date_to", metavar="DATE", help="events on or before DATE (YYYY-MM-DD)"
    )
    group.add_argument(
        "--type", dest="event_type", metavar="TYPE", help='ACLED event type, e.g. "Battles"'
    )
    group.add_argument(
        "--sub-type",
        dest="sub_event_type",
        metavar="TYPE",
        help='ACLED sub-event type, e.g. "Armed clash"',
    )
    group.add_argument(
        "--actor", help="actor name (substring of actor1, actor2 or an associated actor)"
    )
    group.add_argument("--country", help='country, e.g. "Syria"')
    group.add_argument("--admin1", help='first-level region, e.g. "Idleb"')
    group.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="events with confidence >= X (0-1)",
    )
    group.add_argument(
        "--search",
        dest="q",
        metavar="WORDS",
        help="events whose article contains WORDS (Arabic, any form)",
    )
    group.add_argument(
        "--order-by",
        choices=SORT_KEYS,
        default="event_date",
        help="sort key (default: %(default)s)",
    )
    group.add_argument("--desc", action="store_true", help="sort in descending order")
    group.add_argument("--limit", type=int, default=default_limit, metavar="N",
                       help="at most N events; 0 for all (default: %(default)s)")  # fmt: skip


def _query(args: argparse.Namespace) -> EventQuery:
    from marsad.store import EventQuery

    return EventQuery(
        date_from=args.date_from, date_to=args.date_to, event_type=args.event_type,
        sub_event_type=args.sub_event_type, actor=args.actor, country=args.country,
        admin1=args.admin1, min_confidence=args.min_confidence, q=args.q,
        limit=args.limit, order_by=("-" if args.desc else "") + args.order_by,
    )  # fmt: skip


def existing_db(path: str) -> str:
    """``path`` when a store is there; reading commands refuse to create an empty one."""
    if path != ":memory:" and not os.path.exists(path):
        raise FileNotFoundError(
            f"no database at {path} (create one with `marsad run INPUT --db {path}`)"
        )
    return path


# -- run ------------------------------------------------------------------------------


def _register_run(top: Any) -> None:
    parser = top.add_parser(
        "run",
        help="Read, analyse and store articles; print a summary.",
        description=(
            "Read INPUT files, directories or '-' (stdin): JSON Lines (.jsonl, .jsonl.gz), "
            "text, HTML, WARC and RSS/Atom. Analyse every article and upsert it into the "
            "SQLite store: an unchanged article is left as it is, a changed one is replaced. "
            "A progress bar with articles/s goes to stderr; a summary (articles read, "
            "stored/unchanged/replaced, failed with reasons, events found) to stdout."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="file, directory or '-' for stdin"
    )
    add_db_option(parser)
    parser.add_argument(
        "--fields",
        metavar="SPEC",
        help="JSON field names: a preset (default, ant) or pairs like id=docno,published=time "
        "(default: detect the ANT corpus's names per record)",
    )
    _add_engine_options(parser)
    parser.add_argument("--engine", choices=("local", "ray"), default="local",
                        help="local processes (default) or a Ray cluster (needs marsad[ray])")  # fmt: skip
    parser.add_argument("--address", help="Ray cluster address (default: start a local one)")
    parser.add_argument("--parquet", metavar="DIR",
                        help="also write the events to Parquet shards DIR/events-NNNNN.parquet, "
                        "one per 10,000 articles (export schema; same-named shards are replaced)")  # fmt: skip
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.set_defaults(func=_cmd_run)


@dataclass
class RunSummary:
    """What a run did, for the closing summary."""

    read: int = 0
    events: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    def add(self, article: Article, status: str) -> None:
        self.read += 1
        self.events += len(article.events)
        self.statuses[status] += 1
        if article.error is not None:
            self.reasons[re.sub(r"\d+", "N", article.error)[:100]] += 1

    def lines(self, db: str) -> list[str]:
        rate = self.read / self.seconds if self.seconds > 0 else 0.0
        out = [
            f"articles read: {self.read} in {self.seconds:.1f} s ({rate:.1f} articles/s)",
            f"stored: {self.statuses['inserted']} new, {self.statuses['unchanged']} unchanged, "
            f"{self.statuses['replaced']} replaced (database: {db})",
            f"failed: {sum(self.reasons.values())}",
        ]
        out += [f"  {n:6d}  {reason}" for reason, n in self.reasons.most_common(5)]
        out.append(f"events found: {self.events}")
        return out


def _analysed(args: argparse.Namespace) -> Any:
    from marsad.ingest import FieldMapping, read_records

    mapping = FieldMapping.from_spec(args.fields) if args.fields else None
    articles = read_records(args.inputs, mapping=mapping)  # pages extracted by the engine
    if args.engine == "ray":
        from marsad.engines.ray_engine import RayOptions, run_ray

        options = RayOptions(address=args.address, batch_size=args.batch_size, entity_scope=entity_scope(args))
        return run_ray(articles, options)
    from marsad.engines.local import run_local

    return run_local(articles, workers=args.workers, batch_size=args.batch_size, pipeline=_pipeline(args))


def _cmd_run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from marsad.engines.local import store_stream
    from marsad.store import Store

    summary = RunSummary()
    start = time.perf_counter()
    analysed = _analysed(args)  # checks the inputs exist before a store is created
    if args.parquet:
        from pathlib import Path

        from marsad.engines.parquet import ParquetShards

        shards = ParquetShards(Path(args.parquet))
        analysed = shards.tee(analysed)
    with Store(args.db) as store:
        bar = tqdm(
            analysed, unit=" articles", file=sys.stderr, disable=args.quiet,
            mininterval=0.5, dynamic_ncols=True, desc="marsad run",
        )  # fmt: skip
        with bar:
            for article, status in store_stream(bar, store, args.batch_size):
                summary.add(article, status)
    summary.seconds = time.perf_counter() - start
    print("\n".join(summary.lines(args.db)))
    if args.parquet:
        print(f"parquet shards: {len(shards.shards)} in {args.parquet}")
    return 0


# -- extract ----------------------------------------------------------------------------


def _register_extract(top: Any) -> None:
    parser = top.add_parser(
        "extract",
        help="JSON Lines in, one analysis per line out (no database).",
        description=(
            "Analyse each line of a JSON Lines file ({id, text, title?, url?, published?, "
            "source?}) and write one line per input line, in the same order: {id, text, events, "
            "entities, places, quotes, error}. A line that cannot be read gives an output line "
            "whose error says why. Spans are offsets into the returned text. The format is "
            "stable: see docs/extract-contract.md."
        ),
    )
    parser.add_argument(
        "--input", required=True, metavar="FILE", help="JSON Lines input, '-' for stdin"
    )
    parser.add_argument(
        "--output", default="-", metavar="FILE", help="JSON Lines output, '-' for stdout (default)"
    )
    _add_engine_options(parser)
    parser.set_defaults(func=_cmd_extract)


def _open_text(path: str, mode: str) -> IO[str]:
    if path == "-":
        return sys.stdin if mode == "r" else sys.stdout
    return open(path, mode, encoding="utf-8-sig" if mode == "r" else "utf-8")


def _cmd_extract(args: argparse.Namespace) -> int:
    from marsad.contract import output_record, read_line
    from marsad.engines.local import run_local

    source, sink = _open_text(args.input, "r"), _open_text(args.output, "w")
    try:
        lines = (line.rstrip("\r\n") for line in source)
        articles = (read_line(line, n) for n, line in enumerate(lines, 1))
        analysed = run_local(
            articles, workers=args.workers, batch_size=args.batch_size, pipeline=_pipeline(args)
        )
        live = source is sys.stdin  # a pipe filter: each line out as soon as it is analysed
        for article in analysed:
            sink.write(json.dumps(output_record(article), ensure_ascii=False) + "\n")
            if live:
                sink.flush()
    finally:
        for stream in (source, sink):
            if stream not in (sys.stdin, sys.stdout):
                stream.close()
    return 0


# -- export and events -----------------------------------------------------------------------


def _register_export(top: Any) -> None:
    parser = top.add_parser(
        "export",
        help="Write stored events as ACLED CSV, JSON Lines, GeoJSON or Parquet.",
        description=(
            "Export the stored events (optionally filtered). acled-csv uses ACLED's column "
            "names and order; jsonl writes one event per line in the extract-contract form; "
            "geojson a FeatureCollection of points; parquet needs --output."
        ),
    )
    parser.add_argument("--format", required=True, choices=FORMATS, help="output format")
    parser.add_argument(
        "--output", default="-", metavar="FILE", help="output file, '-' for stdout (default)"
    )
    add_db_option(parser)
    _add_filters(parser, default_limit=0)
    parser.set_defaults(func=_cmd_export)


def _cmd_export(args: argparse.Namespace) -> int:
    from marsad.store import Store
    from marsad.store.exports import write_export

    if args.format == "parquet" and args.output == "-":
        raise ValueError("parquet export needs --output FILE")
    with Store(existing_db(args.db)) as store:
        events = store.iter_events(_query(args))
        out: Any = sys.stdout if args.output == "-" else args.output
        count = write_export(events, args.format, out)
    if args.output != "-":
        print(f"{count} events written to {args.output}", file=sys.stderr)
    return 0


def _register_events(top: Any) -> None:
    parser = top.add_parser(
        "events",
        help="Print stored events as a table.",
        description="Print the stored events that match the filters as a readable table.",
    )
    add_db_option(parser)
    _add_filters(parser, default_limit=50)
    parser.set_defaults(func=_cmd_events)


_TABLE = (
    ("event_date", "date", 10), ("event_type", "type", 26), ("sub_event_type", "sub-type", 24),
    ("actor1", "actor1", 28), ("actor2", "actor2", 28), ("location", "location", 18),
    ("admin1", "admin1", 12), ("fatalities", "dead", 4), ("confidence", "conf", 4),
)  # fmt: skip


def _cell(value: Any, width: int) -> str:
    text = f"{value:.2f}" if isinstance(value, float) else ("" if value is None else str(value))
    return (text if len(text) <= width else text[: width - 1] + "…").ljust(width)


def format_table(events: list[dict[str, Any]]) -> str:
    """Events as fixed-width text columns."""
    rows = [" ".join(_cell(title, w) for _, title, w in _TABLE).rstrip()]
    rows += [" ".join(_cell(e.get(k), w) for k, _, w in _TABLE).rstrip() for e in events]
    return "\n".join(rows)


def _cmd_events(args: argparse.Namespace) -> int:
    from marsad.store import Store

    with Store(existing_db(args.db)) as store:
        query = _query(args)
        events = store.query_events(query)
        total = store.count_events(query)
    print(format_table(events))
    print(f"{len(events)} of {total} events")
    return 0
