"""The compiled gazetteer: entries and a hash index on normalised keys.

Loaded once, on first use, from package data. A lookup is one dict access on the
normalised key, so its cost does not depend on the gazetteer's size.
"""

from __future__ import annotations

import gzip
import json
import sys
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.geo.text import CLITIC_LETTERS, clitic_tails, key, strip_variants
from marsad.memo import lookup_many

DATA_FILE = "gazetteer.json.gz"
_HEADS_LIMIT = 1 << 16  # distinct words remembered by Gazetteer.heads_of (~10 MB when full)


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry: the resolved fields of a :class:`marsad.model.Place`."""

    name_ar: str
    name_en: str
    feature: str  # community, admin1-3, region, country, city, capital
    country: str
    admin1: str
    admin2: str
    admin3: str
    pcode: str
    geonames_id: int
    latitude: float | None
    longitude: float | None
    rank: int  # population for GeoNames places; 4 - capital level for communities
    cc: str  # ISO country code

    @property
    def ref(self) -> str:
        """A stable reference: the P-code, else ``gn:<id>``, else the region's name."""
        return self.pcode or (f"gn:{self.geonames_id}" if self.geonames_id else f"region:{self.name_en}")


class Gazetteer:
    """Entries plus the key index."""

    def __init__(self, entries: list[Candidate], index: dict[str, tuple[int, ...]],
                 common: list[str], prefixes: list[str]) -> None:
        self.entries = entries
        self.index = index
        self.common = frozenset(common)
        #: keys of the first words of multi-word names («دير» of «دير الزور»)
        self.prefixes = frozenset(prefixes)
        self._heads: dict[str, tuple[tuple[int, str], ...]] = {}
        self._candidates: dict[str, tuple[Candidate, ...]] = {}
        self._capitals: dict[str, Candidate] | None = None

    def heads(self, word: str) -> tuple[tuple[int, str], ...]:
        """The ``(proclitic chars, rest)`` readings of a normalised word that can start a name.

        A reading counts when it is a key (at least three letters once a proclitic
        is cut) or the first word of a longer name. Most words of a text have none. A word that
        begins with no proclitic letter (most new words) is its only reading: two probes. Any
        other reading is a tail of the word (:func:`clitic_tails`): one whose tails neither name
        nor begin a name (five in six new words with a proclitic letter) has none, found without
        building its readings.
        """
        if not word.startswith(CLITIC_LETTERS):
            return ((0, word),) if self._begins(word) else ()
        if not any(map(self._begins, clitic_tails(word))):
            return ()
        return tuple(
            (cut, rest) for cut, rest in strip_variants(word)
            if rest in self.prefixes or ((cut == 0 or len(rest) >= 3) and rest in self.index)
        )  # fmt: skip

    def _begins(self, form: str) -> bool:
        return form in self.prefixes or form in self.index

    def heads_of(self, words: list[str]) -> list[tuple[tuple[int, str], ...]]:
        """:meth:`heads` of each word, remembered per word (bounded): scanning a text costs
        about one dict probe per word (:func:`marsad.memo.lookup_many`)."""
        return lookup_many(self._heads, words, self.heads, _HEADS_LIMIT)

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        if path is None:
            ref = resources.files("marsad") / "data" / "geo" / DATA_FILE
            raw = ref.read_bytes()
        else:
            raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw))
        # index buckets as tuples, with the strings shared: together a quarter smaller
        index = {sys.intern(k): tuple(v) for k, v in data.pop("index").items()}
        return cls(_entries(data["fields"], data["entries"]), index, data.get("common", []),
                   data.get("prefixes", []))

    def get(self, normalised_key: str) -> list[Candidate]:
        """Entries filed under an already normalised key (see :func:`marsad.geo.text.key`)."""
        return [self.entries[i] for i in self.index.get(normalised_key, ())]

    def candidates(self, normalised_key: str) -> tuple[Candidate, ...]:
        """:meth:`get` as one tuple per key, built once (at most one per key of the index): each
        mention of a key shares it, and the rules that read only the candidates
        (:func:`marsad.geo.resolve.build_context`) remember their answer by it."""
        found = self._candidates.get(normalised_key)
        if found is None:
            found = tuple(self.get(normalised_key))
            if normalised_key in self.index:
                self._candidates[normalised_key] = found
        return found

    def is_common(self, mention: Any) -> bool:
        """Whether the mention's key is also a common Arabic word (needs evidence)."""
        return bool(mention.key in self.common)

    def capital(self, cc: str) -> Candidate | None:
        """The national capital of the country with ISO code ``cc`` (GeoNames), if listed.

        Syria has none here: its places are OCHA's communities and admin units.
        """
        if self._capitals is None:
            self._capitals = {e.cc: e for e in self.entries if e.feature == "capital"}
        return self._capitals.get(cc)

    def lookup(self, name: str) -> list[Candidate]:
        """Entries whose name matches ``name`` after normalisation, best-known first."""
        found = self.get(key(name))
        return sorted(found, key=prominence, reverse=True)


def _entries(names: list[str], rows: list[list[Any]]) -> list[Candidate]:
    """The candidates of the file's rows, built column by column.

    Compact in memory (every worker holds one): repeated strings (countries, admin names,
    features) shared once. The rows are
    transposed so that each string column is interned in one C-level ``map``, and the
    candidates are made from positional arguments: each worker loads the gazetteer in
    0.22 s of CPU, against 0.34 s row by row with keyword arguments.
    """
    columns = dict(zip(names, zip(*rows, strict=True), strict=True)) if rows else dict.fromkeys(names, ())
    if columns.keys() != _CANDIDATE_FIELDS.keys():
        raise ValueError(f"gazetteer fields {names} are not {list(_CANDIDATE_FIELDS)}")
    interned = [
        _interned(columns[name]) if kind in ("str", str) else columns[name]
        for name, kind in _CANDIDATE_FIELDS.items()
    ]
    return list(map(Candidate, *interned))


def _interned(column: tuple[Any, ...]) -> tuple[Any, ...]:
    """A text column with each string interned (one C-level pass; value by value where
    a value is not a string, e.g. a null in a hand-made file)."""
    try:
        return tuple(map(sys.intern, column))
    except TypeError:
        return tuple(sys.intern(v) if isinstance(v, str) else v for v in column)


#: Each field of a candidate and its declared type (a string while annotations are postponed).
_CANDIDATE_FIELDS = {f.name: f.type for f in fields(Candidate)}


_ORDER = {"country": 6, "admin1": 5, "capital": 4, "region": 3, "community": 2, "city": 1}


def prominence(c: Candidate) -> tuple[int, int]:
    """Sort key: kind of place first (countries before towns), then size."""
    return (_ORDER.get(c.feature, 0) if c.rank or c.feature != "community" else 0, c.rank)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, loaded on first use."""
    return Gazetteer.load()


def lookup(name: str) -> list[Candidate]:
    """Candidate places for a name (any spelling variant), most prominent first."""
    return gazetteer().lookup(name)


def capital(cc: str) -> Candidate | None:
    """The capital city of a country by ISO code, from the shipped gazetteer (no GeoNames
    load at run time: reading the GeoNames city list costs ~1 s and ~150 MB of peak RSS)."""
    return gazetteer().capital(cc)
