"""``marsad serve`` (API + dashboard) and ``marsad build web-map``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from marsad.cli import Commands
from marsad.commands import add_db_option, entity_scope, existing_db


def register(commands: Commands) -> None:
    serve = commands.top.add_parser(
        "serve",
        help="Serve the query API and the offline dashboard over an event store.",
        description="Serve the query API (/api, docs at /docs) and the dashboard (/) "
        "over an event store. Binds to loopback unless --host says otherwise.",
    )
    add_db_option(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    serve.add_argument(
        "--token",
        default=None,
        help="bearer token that allows POST /api/articles (default: $MARSAD_API_TOKEN; "
        "without one, writes are refused)",
    )
    serve.add_argument(
        "--all-entities", action="store_true",
        help="posted articles get the entities of every sentence, not only of the sentences "
        "around events (slower; events were identical on every article compared)",
    )  # fmt: skip
    serve.set_defaults(func=_serve)

    web_map = commands.build.add_parser(
        "web-map",
        help="Simplify the Syria governorate polygons into the dashboard's map file.",
    )
    web_map.add_argument("--source", default=None, help="admin-1 GeoJSON (default: ../shared/...)")
    web_map.add_argument("--out", default=None, help="target file (default: package static/)")
    web_map.add_argument("--tolerance", type=float, default=0.004, help="degrees (default 0.004)")
    web_map.set_defaults(func=_build_map)


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    from marsad.web.app import create_app

    token = args.token or os.environ.get("MARSAD_API_TOKEN") or None
    if args.db == ":memory:":  # each server thread would open its own empty database
        raise ValueError("serve needs a database file, not :memory:")
    app = create_app(existing_db(args.db), token=token, entity_scope=entity_scope(args))
    print(
        f"marsad: dashboard at http://{args.host}:{args.port}/ (API docs at /docs)", file=sys.stderr
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def _build_map(args: argparse.Namespace) -> int:
    from marsad.web.mapdata import DEFAULT_SOURCE, DEFAULT_TARGET, build_map

    source = Path(args.source) if args.source else DEFAULT_SOURCE
    target = Path(args.out) if args.out else DEFAULT_TARGET
    if not source.exists():
        raise FileNotFoundError(f"admin-1 GeoJSON not found: {source}")
    counts = build_map(source, target, args.tolerance)
    print(
        f"{target}: {counts['points_before']} -> {counts['points_after']} points, {counts['bytes']} bytes"
    )
    return 0
