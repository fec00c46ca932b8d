"""Pipeline step: find and resolve the place mentions of an article.

Capitals that stand for their government («واشنطن ترفض», «القوات المدعومة من
أنقرة») are kept but marked ``feature="capital_metonym"`` with a low score, so
that the events coder does not take them as event locations.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from itertools import accumulate, compress, pairwise

from marsad.geo.comention import comentions
from marsad.geo.countries_ar import nationalities
from marsad.geo.gazetteer import Candidate, gazetteer
from marsad.geo.matcher import Mention, find_mentions
from marsad.geo.metonymy import inside_name, is_adjective, is_metonym
from marsad.geo.resolve import build_context, choose
from marsad.geo.text import indexed_words
from marsad.memo import ARTICLES_AT_ONCE
from marsad.model import Article, Entity, Place, Span


@lru_cache(maxsize=ARTICLES_AT_ONCE)
def mentions_of(text: str) -> tuple[Mention, ...]:
    """The gazetteer mentions of ``text``, cached for the articles at hand: the entity
    step reads them to choose the sentences it tags, then this step resolves them (a
    batch's worth: :meth:`marsad.pipeline.Pipeline.process_many` tags a batch before it
    geocodes any). The mentions are shared by both steps: never assign to one (``Mention``
    is not frozen, for speed)."""
    return tuple(find_mentions(text, gazetteer()))


def geocode_text(text: str, entities: tuple[Entity, ...] = (), sentences: tuple[Span, ...] = ()) -> list[Place]:
    """The resolved place mentions of ``text``, in order (``sentences``: its sentences, where
    the Arabic step split them, else split here when needed)."""
    gaz = gazetteer()
    mentions = [m for m in mentions_of(text) if not inside_name(text, m)]
    spells = _Spelled(text, mentions)
    loc = [(e.start, e.end) for e in entities if e.label == "LOC" and spells.is_the_name(e)]
    other = [(e.start, e.end) for e in entities if e.label in ("PERS", "ORG") and e.score >= 0.5]
    ctx = build_context(mentions, loc, other, gaz.common)
    ctx.nationals = partial(_nationals, text)  # found only if a rule asks
    mentions = [m for m in mentions if not is_adjective(text, m, gaz.index)]
    picks = [choose(m, ctx, gaz.is_common(m)) for m in mentions]
    # towns abroad named as towns («مدينة تعز») keep Syrian namesakes next to them out
    ctx.abroad = sorted(m.start for m, p in zip(mentions, picks, strict=True)
                        if p and p[0].feature == "city" and m.construction not in ("", "between"))
    # the certain places of a sentence settle its homonyms and keep towns of other countries out
    ctx.co = comentions(text, [(m, p[0] if p else None) for m, p in zip(mentions, picks, strict=True)],
                        gaz.common, ctx.countries, ctx.co.homonyms, sentences)
    if ctx.abroad or ctx.co.anchors:
        picks = [choose(m, ctx, gaz.is_common(m)) for m in mentions]
    places: list[Place] = []
    for m, picked in zip(mentions, picks, strict=True):
        if picked is not None:
            cand, precision = picked
            after = bool(places) and places[-1].feature == "capital_metonym"
            metonym = is_metonym(text, m, cand, after)
            places.append(to_place(text, m, cand, precision, metonym))
    return places


def _nationals(text: str) -> dict[str, list[int]]:
    """The offsets of the nationality adjectives of other countries, by country, in order (the
    queries bisect): one C-level pass of lookups over the words, Python only for the few found."""
    ws, forms = indexed_words(text)
    isos = nationalities(forms)
    out: dict[str, list[int]] = {}
    for j in compress(range(len(isos)), isos):
        iso = isos[j]
        if iso and iso != "SY":
            out.setdefault(iso, []).append(ws[j][0])
    return out


class _Spelled:
    """The article's mentions indexed once (their starts, the furthest end so far), so each LOC
    entity finds the first mention it overlaps by bisect, not a scan of them all: a long
    article's entities times its mentions grew with the square of its length."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.text, self.mentions = text, mentions
        starts = [m.start for m in mentions]
        self.starts = starts if all(a <= b for a, b in pairwise(starts)) else None
        self.reach = list(accumulate((m.end for m in mentions), max))

    def is_the_name(self, e: Entity) -> bool:
        """An LOC entity is evidence for the mention it spells (clitics aside), not for a
        name inside a longer one: «الخوذ البيضاء» tagged LOC says nothing of «البيضاء»."""
        m = self._first_overlap(e.start, e.end)
        return m is not None and " " not in self.text[e.start : m.start] and " " not in self.text[m.end : e.end]

    def _first_overlap(self, start: int, end: int) -> Mention | None:
        """The first mention (in their order) with ``start < m.end`` and ``m.start < end``: with
        starts sorted, the first whose end passes ``start`` (where the reach first does) if it
        starts before ``end``; unsorted mentions are scanned."""
        if self.starts is None:
            return next((m for m in self.mentions if start < m.end and m.start < end), None)
        i = bisect_right(self.reach, start)
        return self.mentions[i] if i < bisect_left(self.starts, end) else None


def to_place(text: str, m: Mention, c: Candidate, precision: int, metonym: bool) -> Place:
    return Place(
        start=m.start, end=m.end, text=text[m.start : m.end], name_ar=c.name_ar,
        name_en=c.name_en, country=c.country, admin1=c.admin1, admin2=c.admin2,
        admin3=c.admin3, pcode=c.pcode, geonames_id=c.geonames_id or None,
        latitude=c.latitude, longitude=c.longitude, geo_precision=precision,
        feature="capital_metonym" if metonym else c.feature, score=0.3 if metonym else 0.9,
    )


def geocode_article(article: Article) -> Article:
    """Set ``article.places`` (uses ``article.entities`` when the tagger ran)."""
    return article.evolve(places=tuple(geocode_text(article.text, article.entities, article.sentences)))
