"""The shipped governorate map is what ``marsad build web-map`` makes from the source."""

from __future__ import annotations

import json
from pathlib import Path

from marsad.cli import build_parser, main
from marsad.web.mapdata import DEFAULT_TARGET, build_map, simplify


def test_simplify_keeps_corners_and_drops_collinear_points() -> None:
    line = [(0.0, 0.0), (1.0, 0.001), (2.0, 0.0), (2.0, 2.0), (1.0, 2.0), (0.0, 2.0)]
    assert simplify(line, 0.01) == [(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)]
    assert simplify(line, 0.0005) == [p for p in line if p != (1.0, 2.0)]


def test_shipped_map_is_reproducible(shared_dir: Path, tmp_path: Path) -> None:
    source = shared_dir / "data/gazetteer/syria_admin1.geojson"
    target = tmp_path / "map.json"
    counts = build_map(source, target)
    assert target.read_bytes() == DEFAULT_TARGET.read_bytes()
    assert counts["points_after"] < counts["points_before"] / 5
    names = {f["properties"]["name_en"] for f in json.loads(target.read_text())["features"]}
    assert {"Idleb", "Aleppo", "Damascus", "Rural Damascus", "Deir-ez-Zor"} <= names


def test_serve_command_defaults_to_loopback() -> None:
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert (args.host, args.port, args.token) == ("127.0.0.1", 8000, None)


def test_serve_takes_its_store_as_the_other_commands_do(tmp_path: Path, capsys) -> None:
    assert build_parser().parse_args(["serve"]).db == build_parser().parse_args(["events"]).db
    missing = str(tmp_path / "none.db")
    assert main(["serve", "--db", missing]) == 2
    refused = capsys.readouterr().err
    assert main(["events", "--db", missing]) == 2
    assert missing in refused and capsys.readouterr().err == refused
