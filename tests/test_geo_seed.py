"""The seed report's twelve place names must all resolve correctly (read at run time)."""

from __future__ import annotations

from pathlib import Path

from marsad.geo import geocode_text
from marsad.model import Place

#: name -> (reference, feature family) the guideline gives for the seed's uses.
EXPECTED = {
    "عفرين": "C1366",
    "تل رفعت": "C1621",
    "أبو الظهور": "C3891",
    "حميميم": "C3588",
    "إدلب": "SY07",
    "حماة": "SY05",
    "اللاذقية": "SY06",
    "حلب": "SY02",
    "موسكو": "524901",
    "سوريا": "163843",
    "تركيا": "298795",
    "روسيا": "2017370",
}


def _name(p: Place) -> str:
    """The place name, without the «قاعدة/مطار» of an airbase («قاعدة حميميم» is Hmeimim)."""
    return p.text.split(" ", 1)[1] if p.feature == "airbase" else p.text


def test_seed_place_names(shared_dir: Path) -> None:
    seed = shared_dir / "seed" / "putin-erdogan-moscow-summit.txt"
    text = seed.read_text(encoding="utf-8")
    places = geocode_text(text)
    found: dict[str, set[str]] = {}
    for p in places:
        found.setdefault(_name(p), set()).add(p.pcode or str(p.geonames_id))
    for name, ref in EXPECTED.items():
        assert found.get(name) == {ref}, (name, found.get(name))
    # every occurrence of each name is a mention, and Moscow, the summit's venue, is a place
    for name in EXPECTED:
        assert sum(_name(p) == name for p in places) >= text.count(name) - text.count(f"{name}ي")
    assert all(p.feature == "capital" for p in places if p.text == "موسكو")
    assert [p.feature for p in places if p.text == "أنقرة"] == ["capital_metonym"]
    precision = {p.text: p.geo_precision for p in places}  # «منطقة “تل رفعت”» is the town (v2)
    assert precision["تل رفعت"] == 1 and precision["إدلب"] == 3 and precision["عفرين"] == 1
