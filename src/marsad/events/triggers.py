"""Finding event triggers in a sentence's words: the lexicon's
(:mod:`marsad.events.trigger_lexicon`) longest match at each word, read through a per-word
memo of candidate triggers. What vetoes a matched trigger (a figurative blast, a verbal
attack, a deal only sought) is in :mod:`marsad.events.trigger_filters`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

from marsad.actors.text import variants
from marsad.events import trigger_filters as veto
from marsad.events.trigger_lexicon import TERRITORY, TriggerDef, lexicon
from marsad.memo import lookup_many


@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in the text: word range ``[first, last]`` into the word list."""

    first: int
    last: int
    start: int
    end: int
    definition: TriggerDef
    definite: bool


@lru_cache(maxsize=1)
def _gate() -> re.Pattern[str]:
    """Every trigger's first word as a bare stem (no ``*``, no ال, which «للـ» hides), as one
    prefix-tree pattern (2-3 times faster to search than a flat alternation of 130 words)."""
    trie: dict[str, dict] = {}
    for key in lexicon():
        stem = key.rstrip("*")
        node = trie
        for ch in stem.removeprefix("ال") if len(stem) > 4 else stem:
            node = node.setdefault(ch, {})
        node[""] = {}
    return re.compile(_trie_pattern(trie))


def _trie_pattern(node: dict[str, dict]) -> str:
    alts = [re.escape(ch) + _trie_pattern(sub) for ch, sub in sorted(node.items()) if ch]
    if not alts or "" in node:
        return ""  # a stem ends here: its prefix alone is enough for the gate
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def might_trigger(text: str) -> bool:
    """Cheap test before tokenising: can ``text`` hold a trigger at all? A trigger's words
    are clitic-stripped forms of normalised words, so its first stem occurs in the
    normalised text (never a false no; most sentences of an article hold none)."""
    from marsad.arabic.normalize import normalize

    return _gate().search(normalize(text)) is not None


def _word_matches(pattern: str, forms: frozenset[str]) -> bool:
    if pattern.endswith("*"):
        stem = pattern[:-1]
        return any(f.startswith(stem) for f in forms)
    return pattern in forms


@lru_cache(maxsize=1)
def _split_keys() -> tuple[
    dict[str, list[TriggerDef]], tuple[tuple[str, list[TriggerDef]], ...], tuple[str, ...]
]:
    """Exact first words (a dict lookup), the few prefix patterns (``*``) to test, and
    their stems as one tuple (one ``startswith`` call rules most words out)."""
    exact = {k: v for k, v in lexicon().items() if not k.endswith("*")}
    prefix = tuple((k[:-1], v) for k, v in lexicon().items() if k.endswith("*"))
    return exact, prefix, tuple(stem for stem, _ in prefix)


def _candidates(forms: frozenset[str]) -> tuple[TriggerDef, ...]:
    """Triggers whose first word is one of ``forms``, longest and strongest first. Not cached:
    it runs only when :func:`_word_candidates` misses, and its own cache held 30 MB of clitic
    readings for an 11% hit rate."""
    exact, prefix, stems = _split_keys()
    out: list[TriggerDef] = []
    for f in forms:
        out.extend(exact.get(f, ()))
    if any(f.startswith(stems) for f in forms):
        for stem, defs in prefix:
            if any(f.startswith(stem) for f in forms):
                out.extend(defs)
    out.sort(key=lambda d: (-len(d.words), -d.strength))
    return tuple(out)


#: Each word's candidate triggers (:func:`_word_candidates`), read for a whole text at once
#: (:func:`candidates_of`); emptied when full. Most entries are the one empty tuple.
_CANDIDATES: dict[str, tuple[TriggerDef, ...]] = {}
_CANDIDATES_LIMIT = 1 << 16


def _word_candidates(word: str) -> tuple[TriggerDef, ...]:
    """:func:`_candidates` of a word's clitic readings. A trigger's first stem lies inside the
    word that starts it (:func:`might_trigger`'s reasoning, word by word), so a word without
    one (~98% of news words) is answered by one search of the gate, without its readings."""
    if _gate().search(word) is None:
        return ()
    return _candidates(variants(word))


def candidates_of(words: Sequence[str]) -> list[tuple[TriggerDef, ...]]:
    """:func:`_word_candidates` of each word, in one C-level pass over the memo (new words only
    computed): the trigger pass reads every word of an article."""
    return lookup_many(_CANDIDATES, words, _word_candidates, _CANDIDATES_LIMIT)


def find_triggers(
    toks: list[tuple[int, int, str]], found: Sequence[tuple[TriggerDef, ...]] | None = None
) -> list[TriggerHit]:
    """Longest trigger at each word, left to right, without overlaps; a hit a veto of
    :mod:`marsad.events.trigger_filters` rejects is skipped (its words stay free). ``found``:
    each word's :func:`candidates_of`, when the caller has them."""
    found = candidates_of([w for _, _, w in toks]) if found is None else found
    hits: list[TriggerHit] = []
    after = 0  # the first word a trigger may start at (no overlaps)
    for i in compress(range(len(found)), found):  # the few words that may start one
        if i < after:
            continue
        defs = found[i]
        hit = None
        for d in defs:
            n = len(d.words)
            if i + n <= len(toks) and all(
                _word_matches(d.words[j], variants(toks[i + j][2])) for j in range(1, n)
            ):
                definite = toks[i][2].startswith(("ال", "وال", "بال", "فال", "لل"))
                hit = TriggerHit(i, i + n - 1, toks[i][0], toks[i + n - 1][1], d, definite)
                break
        if hit is None or veto.adjectival(toks, i, hit) or veto.figurative(toks, hit) or _not_done(toks, hit):
            continue
        hits.append(hit)
        after = hit.last + 1
    return hits


def _not_done(toks: list[tuple[int, int, str]], hit: TriggerHit) -> bool:
    """Which veto of :mod:`marsad.events.trigger_filters` a hit answers to, by its kind: a
    failed or sought deal, a verbal attack, a capture noun no verb announces."""
    sub, first = hit.definition.sub_event_type, hit.definition.words[0]
    if sub == TERRITORY and not hit.definition.verbal:
        return not veto.announced_capture(toks, hit)
    if sub == "Agreement":
        return veto.deal_undone(toks, hit) or first == "وافق*" and not veto.consented(toks, hit)
    if first in ("غادر*", "خرج*") and len(hit.definition.words) == 1:
        return not veto.fighters_leave(toks, hit)
    if first in ("عمليه", "عمليات", "انسحاب*"):
        return not veto.evacuation_under_way(toks, hit)
    if first.startswith("هاجم") and hit.definition.verbal and hit.last + 1 < len(toks):
        return veto.verbal_attack(toks, hit)
    if first.startswith("هجوم") and len(hit.definition.words) == 1:
        return veto.in_words(toks, hit.last)
    return False
