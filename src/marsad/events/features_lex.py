"""Lexical evidence cues of a draft, for the learned confidence model (events.confidence).

The coder's evidence flags say *how* an event was read; these say *what* the evidence
says: the words and word pairs of the trigger's clause, the trigger itself, the sub-event
type, where the sentence stands (recaps and page-end teasers sit late), tense, negation
and quotation cues. Each cue is a short string with a prefix naming its kind; the model
ships weights only for the cues frequent in the dev golds, so an unseen word costs nothing.
No source or site name is a cue: unseen news comes from other sites.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from marsad.events.draft import Draft, Words
from marsad.events.triggers import TriggerHit
from marsad.model import Span

#: One sentence that holds a trigger: its index, its words, its triggers (``coder.SentenceHits``).
Passed = tuple[int, Words, list[TriggerHit]]
#: Words before a trigger that make it no report of a past event (negation, modality, future).
_MODAL = frozenset({"لم", "لن", "لا", "قد", "سوف", "ربما", "اذا", "ان", "لو", "حال", "يمكن", "قبل"})
_QUOTES = "«»\"“”"
#: Whether drafts get the clause's own cues (words, word pairs, trigger, tense, quotation):
#: the shipped model reads none of them (``train_confidence.CUE_KINDS``), so they are computed
#: only for the cross-validation that compares them (``scripts/events_cv.py``).
ALL_CUES = False
#: Prefixes of the lexical cues, for the model table's readers and its tests.
PREFIXES = ("w:", "b:", "t:", "pre:", "sub:", "type:", "sent:", "rel:", "tense:", "modal:", "inquote", "age:",
            "n:", "same:", "abroad", "geo:")


def stem(word: str) -> str:
    """A light fold of a normalised word: the conjunction and the article off."""
    w = word.removeprefix("و") if len(word) > 3 else word
    return w[2:] if w.startswith("ال") and len(w) > 4 else w


def with_lexical_cues(text: str, spans: Sequence[Span], passed: Sequence[Passed], drafts: list[Draft],
                      published: date | None = None) -> list[Draft]:
    """``drafts`` with their lexical cues added to ``Draft.cues``."""
    if not drafts:
        return drafts
    return [replace(d, cues=d.cues | draft_cues(text, spans, passed, d) | _age(d, published)) for d in drafts]


def _age(d: Draft, published: date | None) -> frozenset[str]:
    """How many days before publication the event is dated (recaps are older)."""
    if published is None or d.event_date is None:
        return frozenset({"age:none"})
    days = (published - d.event_date).days
    return frozenset({"age:" + ("future" if days < 0 else str(days) if days < 2 else "2-6" if days < 7 else "7+")})


def _sentence_of(passed: Sequence[Passed], spans: Sequence[Span], start: int) -> Passed | None:
    for item in passed:
        s = spans[item[0]]
        if s.start <= start < s.end:
            return item
    return None


def draft_cues(text: str, spans: Sequence[Span], passed: Sequence[Passed], d: Draft) -> frozenset[str]:
    """The cues of one draft (see ``PREFIXES``); the clause's own ones only with ``ALL_CUES``."""
    from marsad.events.ontology import event_type_of

    out = {"sub:" + d.sub_event_type, "type:" + event_type_of(d.sub_event_type)}
    item = _sentence_of(passed, spans, d.evidence.start)
    if item is None:
        return frozenset(out)
    index = item[0]
    out.add("sent:" + ("0" if index == 0 else "1" if index == 1 else "2-4" if index < 5 else "5+"))
    if len(spans) - index <= 2 and index > 1:
        out.add("sent:end")  # the last two sentences: page-end teasers and recaps
    if ALL_CUES:
        out |= clause_cues(text, spans, item, d)
    return frozenset(out)


def clause_cues(text: str, spans: Sequence[Span], item: Passed, d: Draft) -> set[str]:
    """The words and word pairs of the draft's clause, its trigger, the words before it (tense,
    modality), whether it is inside a quotation and where the sentence stands in the text."""
    index, toks, hits = item
    seg = [stem(w) for a, b, w in toks if d.evidence.start <= a and b <= d.evidence.end]
    out = {"w:" + w for w in seg} | {f"b:{a}_{b}" for a, b in zip(seg, seg[1:], strict=False)}
    out.add("rel:" + str(min(4, int(spans[index].start / max(1, len(text)) * 5))))
    inside = [h for h in hits if d.evidence.start <= h.start < d.evidence.end] or hits[:1]
    for h in inside[:2]:
        out.add("t:" + "_".join(h.definition.words))
        first = toks[h.first][2].removeprefix("و")
        if h.definition.verbal and first[:1] in ("ي", "ت", "ن") and not first.startswith("تم"):
            out.add("tense:present")
        before = [w.removeprefix("و") for _, _, w in toks[max(0, h.first - 4) : h.first]]
        out.update("modal:" + w for w in set(before) & _MODAL)
        out.update("pre:" + stem(w) for w in before[-2:])
    trig = inside[0].start if inside else d.evidence.start
    if sum(text.count(q, spans[index].start, trig) for q in _QUOTES) % 2:
        out.add("inquote")
    return out


def event_cues(kind: str, day: str, country: str, geo_precision: int, others: Sequence[tuple[str, str]]) -> dict[str, float]:
    """Cues of a merged event among the article's events ``others`` ((type, date) of each, itself
    included): another of the same type within a day (a duplicate or a list), a place abroad."""
    same = sum(1 for k, d in others if k == kind and _near(d, day)) - 1
    out = {"same:" + ("0" if same <= 0 else "1" if same == 1 else "2+"): 1.0}
    if geo_precision == 2:  # 1 and 3 are the named features point and region
        out["geo:2"] = 1.0
    if country and country != "Syria":
        out["abroad"] = 1.0
    return out


def _near(a: str, b: str) -> bool:
    if not a or not b:
        return a == b
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1
