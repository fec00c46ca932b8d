"""Great-circle distance, the one formula the event matcher and the event coder share.

(The geocoder's homonym rule, :func:`marsad.geo.comention.km`, keeps its cheaper flat-earth
approximation: it compares many candidates and only needs an order of magnitude.)
"""

from __future__ import annotations

import math

EARTH_KM = 6371.0


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in kilometres between two points given in degrees."""
    la1, lo1, la2, lo2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * EARTH_KM * math.asin(math.sqrt(min(1.0, h)))
