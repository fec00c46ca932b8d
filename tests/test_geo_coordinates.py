"""Places without coordinates carry None, never '' (model.Place: float | None)."""

from __future__ import annotations

from marsad.geo.gazetteer import gazetteer, lookup
from marsad.geo.step import geocode_text


def test_every_gazetteer_coordinate_is_a_float_or_none() -> None:
    bad = [c.name_en for c in gazetteer().entries
           if not all(v is None or isinstance(v, float) for v in (c.latitude, c.longitude))]
    assert bad == []


def test_a_country_mention_has_no_coordinates() -> None:
    countries = [c for c in lookup("الأردن") if c.feature == "country"]
    assert countries and countries[0].latitude is None and countries[0].longitude is None
    # Written for this test, in news style.
    places = geocode_text("أعلنت الحكومة في الأردن إغلاق المعبر الحدودي مع سوريا.")
    country_places = [p for p in places if p.feature == "country"]
    assert country_places, places
    assert all(p.latitude is None and p.longitude is None for p in country_places)
