"""Places: an Arabic gazetteer (Syrian communities, admin units, world cities and
countries) and a geocoder for running text.

``lookup(name)`` returns the candidate entries for a name; ``geocode_text(text)``
and the pipeline step ``marsad.geo.step:geocode_article`` find and resolve mentions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from marsad.geo.gazetteer import Candidate
    from marsad.model import Place


def lookup(name: str) -> list[Candidate]:
    """Candidate places for a name (any spelling variant), most prominent first."""
    from marsad.geo.gazetteer import lookup as _lookup

    return _lookup(name)


def capital(cc: str) -> Candidate | None:
    """The capital city of the country with ISO code ``cc``, or None."""
    from marsad.geo.gazetteer import capital as _capital

    return _capital(cc)


def geocode_text(text: str, entities: Any = ()) -> list[Place]:
    """Resolved place mentions of a text (see :mod:`marsad.geo.step`)."""
    from marsad.geo.step import geocode_text as _geocode

    return _geocode(text, tuple(entities))


__all__ = ["capital", "geocode_text", "lookup"]
