"""Derive the dashboard's governorate map from the UN OCHA admin-1 polygons.

The source GeoJSON (``../shared/data/gazetteer/syria_admin1.geojson``, 1.1 MB) is
too detailed for a browser map, so ``marsad build web-map`` simplifies every ring
(Douglas-Peucker), rounds coordinates and writes a small GeoJSON into the
package's static files. Running it again on the same source gives the same file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

Point = tuple[float, float]

ATTRIBUTION = (
    "Syria governorate boundaries: UN OCHA Syria common operational dataset "
    "(admin level 1), simplified by marsad (Douglas-Peucker, tolerance {tol} degrees)."
)
DEFAULT_SOURCE = (
    Path(__file__).resolve().parents[3].parent / "shared/data/gazetteer/syria_admin1.geojson"
)
DEFAULT_TARGET = Path(__file__).resolve().parent / "static" / "syria_admin1.json"


def _distance(p: Point, a: Point, b: Point) -> float:
    """Distance from ``p`` to the segment ``a``-``b`` (planar degrees)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    if dx == 0 and dy == 0:
        return math.hypot(p[0] - a[0], p[1] - a[1])
    t = max(0.0, min(1.0, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)))
    return math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy)


def simplify(points: Sequence[Point], tolerance: float) -> list[Point]:
    """Douglas-Peucker simplification, iterative so long rings cannot overflow the stack."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        best, index = 0.0, -1
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > best:
                best, index = d, i
        if index >= 0 and best > tolerance:
            keep[index] = True
            stack.extend(((first, index), (index, last)))
    return [p for p, k in zip(points, keep, strict=True) if k]


def _ring(coords: Sequence[Sequence[float]], tolerance: float) -> list[list[float]] | None:
    points = [(float(c[0]), float(c[1])) for c in coords]
    # Split the closed ring in two so the first/last point does not anchor everything.
    mid = len(points) // 2
    half = simplify(points[: mid + 1], tolerance)[:-1] + simplify(points[mid:], tolerance)
    rounded: list[list[float]] = []
    for x, y in half:
        pt = [round(x, 3), round(y, 3)]
        if not rounded or rounded[-1] != pt:
            rounded.append(pt)
    return rounded if len(rounded) >= 4 else None


def _polygons(geometry: dict[str, Any]) -> list[Any]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unexpected geometry type {geometry['type']!r}")


def build_map(source: Path, target: Path, tolerance: float = 0.004) -> dict[str, int]:
    """Write the simplified governorates to ``target``; return point counts before/after."""
    data = json.loads(source.read_text(encoding="utf-8"))
    features: list[dict[str, Any]] = []
    before = after = 0
    for feature in data["features"]:
        polygons = []
        for polygon in _polygons(feature["geometry"]):
            rings = []
            for ring in polygon:
                before += len(ring)
                simple = _ring(ring, tolerance)
                if simple is not None:
                    after += len(simple)
                    rings.append(simple)
            if rings:
                polygons.append(rings)
        props = feature["properties"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "pcode": props["PCODE"],
                    "name_en": props["NAME_EN"],
                    "name_ar": props["NAME_ARA"],
                },
                "geometry": {"type": "MultiPolygon", "coordinates": polygons},
            }
        )
    features.sort(key=lambda f: f["properties"]["pcode"])
    out = {
        "type": "FeatureCollection",
        "attribution": ATTRIBUTION.format(tol=tolerance),
        "features": features,
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return {"points_before": before, "points_after": after, "bytes": target.stat().st_size}
