"""The records marsad produces, all immutable and JSON-serialisable.

Every extracted thing (entity, place, actor mention, event, quote) points back to
character offsets in ``Article.text`` so that an analyst can always see the exact
words a field came from. Steps never mutate an article: they return a new one
with :meth:`Article.evolve` (other records with :func:`dataclasses.replace`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any, Literal, TypeVar

TokenKind = Literal["word", "number", "punct", "latin", "symbol"]
_R = TypeVar("_R", bound="_Record")


class _Record:
    """Base of the records: pickles as ``(class, field values)``, restored without ``__init__``.

    Analysed articles cross process boundaries in every parallel run, and the default
    pickling of a frozen slotted dataclass (a state dict restored field by field in
    Python) costs the writer process 0.17 ms per analysed article (~45 records);
    filling the slots straight from a values tuple costs 0.11 ms. No check is
    skipped: the values passed the record's ``__init__`` in the sending process.
    """

    __slots__: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[Any, ...]:
        cls = type(self)
        values = _GETTERS.get(cls)
        if values is None:
            values = _GETTERS[cls] = _getter(cls.__slots__)
        return _restore, (cls, values(self))


_GETTERS: dict[type, Callable[[Any], tuple[Any, ...]]] = {}
_SETTERS: dict[type, tuple[Any, ...]] = {}


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple[Any, ...]]:
    """Every slot of a record as a tuple in one C call (a generator over the slots cost the
    pickling worker 0.05 instead of 0.034 ms per analysed article)."""
    get = attrgetter(*names)
    return get if len(names) > 1 else lambda obj: (get(obj),)


def _restore(cls: type[_R], values: tuple[Any, ...]) -> _R:
    setters = _SETTERS.get(cls)
    if setters is None:
        setters = _SETTERS[cls] = tuple(cls.__dict__[n].__set__ for n in cls.__slots__)
    obj = object.__new__(cls)
    for set_value, value in zip(setters, values, strict=True):
        set_value(obj, value)
    return obj


@dataclass(frozen=True, slots=True)
class Span(_Record):
    """Half-open character range ``[start, end)`` into ``Article.text``."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def evidence(self, text: str) -> dict[str, Any]:
        """The ``{start, end, text}`` form used by the extract contract."""
        return {"start": self.start, "end": self.end, "text": self.text_of(text)}


@dataclass(frozen=True, slots=True)
class Token(_Record):
    """A word or punctuation mark with its offsets.

    ``norm`` is the normalised surface form (for matching); ``stem`` is ``norm``
    with proclitics, the article and pronoun suffixes conservatively removed;
    ``stem_start``/``stem_end`` locate the stem inside the original text.
    """

    start: int
    end: int
    text: str
    norm: str
    stem: str
    kind: TokenKind = "word"
    stem_start: int = -1
    stem_end: int = -1


@dataclass(frozen=True, slots=True)
class Entity(_Record):
    """A named entity: label is one of PERS, LOC, ORG, MISC."""

    start: int
    end: int
    text: str
    label: str
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Place(_Record):
    """A place mention resolved to a gazetteer entry (ACLED geo_precision 1-3)."""

    start: int
    end: int
    text: str
    name_ar: str
    name_en: str
    country: str
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    pcode: str = ""
    geonames_id: int | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    feature: str = ""  # community, admin1, admin2, admin3, city, country, region
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class Actor(_Record):
    """An actor mention linked to the knowledge base (ACLED inter code 0-8)."""

    start: int
    end: int
    text: str
    name: str
    actor_type: str
    inter: int
    country: str = ""


@dataclass(frozen=True, slots=True)
class Event(_Record):
    """One ACLED event: one day x one location x one actor pair x one type."""

    event_id: str
    event_date: str  # ISO date, YYYY-MM-DD
    time_precision: int  # 1 day, 2 week, 3 month
    event_type: str
    sub_event_type: str
    actor1: str
    assoc_actor_1: str = ""
    inter1: int = 0
    actor2: str = ""
    assoc_actor_2: str = ""
    inter2: int = 0
    interaction: int = 0
    civilian_targeting: str = ""
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    location: str = ""
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int = 1
    fatalities: int = 0
    notes: str = ""
    pcode: str = ""
    geonames_id: int | None = None
    plover_type: str = ""
    plover_mode: str = ""
    evidence: tuple[Span, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Quote(_Record):
    """Who said what: ``kind`` is "direct" or "reported"."""

    start: int
    end: int
    text: str
    speaker: str
    kind: str = "direct"
    speaker_start: int = -1
    speaker_end: int = -1
    actor: str = ""
    cue: str = ""


def content_hash(text: str) -> str:
    """Stable short hash of the text, used as a fallback article key."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article(_Record):
    """One news article and everything extracted from it.

    ``tokens`` and ``sentences`` are working state for the analysis steps and are
    left out of :meth:`to_dict`; everything else round-trips through JSON. The Arabic step
    sets ``tokens`` to a sequence built when first read (``marsad.arabic.tokenize.Tokens``).
    """

    id: str
    text: str
    title: str = ""
    url: str = ""
    source: str = ""
    published: datetime | None = None
    language: str = ""
    content_hash: str = ""
    entities: tuple[Entity, ...] = ()
    places: tuple[Place, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    error: str | None = None
    tokens: Sequence[Token] = field(default=(), compare=False, repr=False)
    sentences: tuple[Span, ...] = field(default=(), compare=False, repr=False)

    @classmethod
    def create(
        cls,
        text: str,
        *,
        id: str = "",
        title: str = "",
        url: str = "",
        source: str = "",
        published: datetime | None = None,
    ) -> Article:
        """Build an article; its id is the given id, else the URL, else the content hash."""
        digest = content_hash(text)
        key = id or url or digest
        return cls(
            id=str(key),
            text=text,
            title=title,
            url=url,
            source=source,
            published=published,
            content_hash=digest,
        )

    def evolve(self, **changes: Any) -> Article:
        """A copy with ``changes``, as :func:`dataclasses.replace` makes it, for half its CPU
        (2.7 against 5.3 µs; the steps make ~6.4 an article): the slots are filled without
        ``__init__``, which checks nothing on an article. An unknown field raises TypeError,
        as with ``replace``."""
        values = list(_article_values(self))
        try:
            for name, value in changes.items():
                values[_ARTICLE_FIELDS[name]] = value
        except KeyError as unknown:
            raise TypeError(f"Article has no field {unknown}") from None
        return _restore(Article, tuple(values))

    def with_error(self, message: str) -> Article:
        return self.evolve(error=message)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready dict (datetimes as ISO 8601, spans as ``{start, end, text}``)."""
        out: dict[str, Any] = {}
        for f in fields(self):
            if f.name in ("tokens", "sentences"):
                continue
            value = getattr(self, f.name)
            if f.name == "published":
                out[f.name] = value.isoformat() if value else None
            elif f.name == "events":
                out[f.name] = [event_to_dict(e, self.text) for e in value]
            elif isinstance(value, tuple):
                out[f.name] = [asdict(v) for v in value]
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Inverse of :meth:`to_dict`."""
        published = data.get("published")
        return cls(
            id=str(data["id"]),
            text=data["text"],
            title=data.get("title") or "",
            url=data.get("url") or "",
            source=data.get("source") or "",
            published=datetime.fromisoformat(published) if published else None,
            language=data.get("language") or "",
            content_hash=data.get("content_hash") or content_hash(data["text"]),
            entities=tuple(Entity(**e) for e in data.get("entities", ())),
            places=tuple(Place(**p) for p in data.get("places", ())),
            actors=tuple(Actor(**a) for a in data.get("actors", ())),
            events=tuple(event_from_dict(e) for e in data.get("events", ())),
            quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
            error=data.get("error"),
        )


#: An article's slots: all values at once and each field's position (:meth:`Article.evolve`).
_article_values = _getter(Article.__slots__)
_ARTICLE_FIELDS = {name: position for position, name in enumerate(Article.__slots__)}


@dataclass(frozen=True, slots=True)
class RawPage(_Record):
    """An HTML page as a reader found it, not yet extracted (an HTML file, a WARC record).

    Extraction (trafilatura, ~28 ms of CPU a page, three times the analysis) is the
    first thing an engine's worker does with it (``marsad.ingest.html.page_article``),
    so N workers extract N pages at once instead of the reading process alone.
    ``name`` is the id a page that fails gets (file name, WARC target URI or ``NAME#N``);
    ``published`` is the fallback date (a WARC capture time) when the page has none.
    """

    name: str
    data: bytes
    url: str = ""
    published: datetime | None = None
    charset: str | None = None


#: What readers yield and engines take: an article, or a page its worker extracts first.
InputRecord = Article | RawPage


def event_to_dict(event: Event, text: str) -> dict[str, Any]:
    """An event in the extract contract: ACLED fields, ``evidence`` and ``confidence``."""
    out = {f.name: getattr(event, f.name) for f in fields(event)}
    out["evidence"] = [span.evidence(text) for span in event.evidence]
    return out


def event_from_dict(data: dict[str, Any]) -> Event:
    known = {f.name for f in fields(Event)}
    values = {k: v for k, v in data.items() if k in known}
    values["evidence"] = tuple(Span(s["start"], s["end"]) for s in data.get("evidence", ()))
    return Event(**values)
