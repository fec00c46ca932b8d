"""The merge of restatements (events.merge): a province-level report and a town's event
(drafts written for this file)."""

from __future__ import annotations

from datetime import date

from marsad.events.coder import Draft
from marsad.events.merge import merge_with_features
from marsad.model import Place, Span

DAY = date(2018, 6, 19)


def _draft(sub: str, place: Place, actor: str, at: int) -> Draft:
    return Draft(sub, DAY, 1, place, actor, 1, "", 0, 0, Span(at, at + 10), 0.9)


def _kept(*drafts: Draft) -> list[tuple[str, str, int]]:
    events = merge_with_features(drafts, "a", min_confidence=0.0)[0]
    return [(e.sub_event_type, e.location, e.geo_precision) for e in events]


def test_a_governorate_report_restates_a_town_event_of_that_governorate_in_syria() -> None:
    town = Place(0, 5, "سراقب", "سراقب", "Saraqab", "Syria", admin1="Idleb", pcode="C4", geo_precision=1)
    province = Place(20, 24, "إدلب", "إدلب", "Idleb", "Syria", admin1="Idleb", pcode="SY07", geo_precision=3)
    army = "Military Forces of Syria (2000-)"
    kept = _kept(_draft("Air/drone strike", town, army, 0), _draft("Shelling/artillery/missile attack", province, army, 20))
    assert kept == [("Air/drone strike", "Saraqab", 1)]


def test_a_province_abroad_is_another_place_than_its_seat_town() -> None:
    # towns abroad carry their province (admin1) too; a blast in the province is no restatement
    # of the seat town's shelling the same day by the same side
    town = Place(0, 7, "الحديدة", "الحديدة", "Al Ḩudaydah", "Yemen", admin1="Al Hudaydah", geonames_id=79415)
    province = Place(30, 37, "الحديدة", "الحديدة", "Al Hudaydah", "Yemen", admin1="Al Hudaydah", geo_precision=3)
    houthis = "Military Forces of Yemen (2017-) Supreme Political Council"
    kept = _kept(_draft("Shelling/artillery/missile attack", town, houthis, 0),
                 _draft("Remote explosive/landmine/IED", province, houthis, 30))
    assert kept == [("Shelling/artillery/missile attack", "Al Ḩudaydah", 1),
                    ("Remote explosive/landmine/IED", "Al Hudaydah", 3)]
