"""marsad.store: the SQLite store of analysed articles, event queries and exports."""

from __future__ import annotations

from marsad.store.queries import EventQuery
from marsad.store.store import Store

__all__ = ["EventQuery", "Store"]
