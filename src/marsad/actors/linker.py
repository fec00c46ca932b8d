"""Longest-match actor linking over normalised words with clitics stripped."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import compress, repeat
from operator import itemgetter, methodcaller

from marsad.actors.kb import (
    KBActor,
    alias_index,
    by_name,
    country_name,
    inter_for,
    load_kb,
    resolve_name,
)
from marsad.actors.text import (
    CLITIC_STARTS,
    VARIANT_LETTERS,
    known_split,
    may_read_as,
    norm,
    variants,
    words,
)
from marsad.memo import lookup_many
from marsad.model import Actor, Place


def dominant_country(places: Iterable[Place], default: str = "Syria") -> str:
    """The country most places of the article are in (the theatre), else ``default``."""
    counts = Counter(country_name(p.country) for p in places if p.country)
    return counts.most_common(1)[0][0] if counts else default


def link_text(text: str, country: str = "Syria", offset: int = 0) -> list[Actor]:
    """Every actor mention in ``text``, longest alias first, without overlaps."""
    index = alias_index()
    toks, forms = known_split(text)
    found: list[Actor] = []
    i = 0  # the first word not yet read
    for at in _alias_starts(forms, index):
        if at < i:
            continue
        i = at
        match = _match_at(toks, i, index)
        if match is None:
            continue
        n, actor = match
        if "{country}" not in actor.name and resolve_name(actor, country) != actor.name:
            actor = _theatre_actor(resolve_name(actor, country), country) or actor  # «الجيش الوطني» in Yemen
        start, end = toks[i][0], toks[i + n - 1][1]
        home = actor.country or country
        if "{country}" in actor.name and actor.inter == 1 and i + n < len(toks):
            named = _nationality(toks[i + n][2])  # «الطيران الحربي العراقي»: that state's forces
            if named is not None:
                home, end, n = named, toks[i + n][1], n + 1
            elif (hedged := _hedged_nationality(toks, i + n)) is not None:
                home, end, n = hedged[0], toks[hedged[1]][1], hedged[1] - i + 1
        if actor.name in ("Free Syrian Army", "Opposition Rebels (Syria)") and _backed_by_turkey(toks, i + n):
            actor = by_name("Syrian National Army") or actor  # «الجيش الحر المعارض المدعوم من تركيا»
        found.append(
            Actor(
                start=start + offset,
                end=end + offset,
                text=text[start:end],
                name=resolve_name(actor, home),
                actor_type=actor.actor_type,
                inter=1 if home == country or actor.name.startswith("Police") else 8,
                country=home,
            ) if home != (actor.country or country) else Actor(
                start=start + offset,
                end=end + offset,
                text=text[start:end],
                name=resolve_name(actor, country),
                actor_type=actor.actor_type,
                inter=inter_for(actor, country),
                country=home,
            )
        )
        i += n
    found = _which_coalition(_bare_rebels(text, toks, found, country, offset), country)
    found = [_libyan_army(a) for a in _descriptions(text, toks, found, offset)]
    return _resolve_anaphora(text, toks, forms, found, offset)


_COALITIONS = ("Global Coalition Against Daesh", "Operation Restoring Hope")
_LED_BY = ("بقياده", "تقوده", "تقودها", "يقوده", "تتزعمه", "تتزعمها")


def _descriptions(text: str, toks: list[tuple[int, int, str]], found: list[Actor], offset: int) -> list[Actor]:
    """Mentions that only describe another: the leader of a coalition («التحالف الدولي، بقيادة
    الولايات المتحدة،») is part of the coalition's name; «الدفاع المدني»، «المجتمع المدني»،
    «نادي العمال» are no civilians."""
    out = []
    for k, a in enumerate(found):
        prev = _word_before(text, toks, a.start - offset)
        if k and found[k - 1].name in _COALITIONS and prev in _LED_BY and a.start - found[k - 1].end <= 30:
            continue
        if a.actor_type == "civilians" and (norm(a.text.split()[-1]).removeprefix("و") in ("المدني", "المدنيه")
                                            or prev is not None and prev.removeprefix("و") in _INSTITUTIONS):
            continue  # «نادي عمال القنيطرة»، «اتحاد الطلاب»: a name, not people
        out.append(a)
    return out


def _word_before(text: str, toks: list[tuple[int, int, str]], start: int) -> str | None:
    """The last word within the 30 characters before ``start``, or its tail there: read from
    the text's words where ``start`` begins one (a mention's first word) and that word lies
    whole in the window, else split from the window."""
    j = bisect_left(toks, start, key=_START)
    low = max(0, start - 30)
    if j < len(toks) and toks[j][0] == start and (j == 0 or toks[j - 1][0] >= low or toks[j - 1][1] <= low):
        return toks[j - 1][2] if j and toks[j - 1][1] > low else None
    before = words(text[low:start])
    return before[-1][2] if before else None


_INSTITUTIONS = frozenset({"نادي", "نقابه", "اتحاد", "جمعيه", "مجلس", "حزب", "لجنه", "رابطه", "منظمه", "مدرسه"})
def _theatre_actor(name: str, country: str) -> KBActor | None:
    """The entry an actor stands for in the story's theatre: a named one, or a generic one
    («الفصائل» in Gaza: ``Unidentified Armed Group (Palestine)``)."""
    return by_name(name) or next((kb for kb in load_kb() if "{country}" in kb.name
                                  and resolve_name(kb, country) == name), None)


_HOUTHIS = "Military Forces of Yemen (2017-) Supreme Political Council"
_GNA = "Military Forces of Libya (2016-) Government of National Accord"


def _libyan_army(actor: Actor) -> Actor:
    """«الجيش الليبي»، «قوات الجيش الوطني» in Libya name Haftar's army; the accord government's
    forces are named by it («قوات حكومة الوفاق»)."""
    if actor.name != _GNA or "جيش" not in norm(actor.text) or "وفاق" in norm(actor.text):
        return actor
    kb = by_name("Libyan National Army")
    return replace(actor, name=kb.name, actor_type=kb.actor_type, inter=kb.inter) if kb else actor


def _bare_rebels(text: str, toks: list[tuple[int, int, str]], found: list[Actor], country: str,
                 offset: int) -> list[Actor]:
    """«وشن المتمردون قصفاً» in a Yemen story (or one that names the Houthis): the Houthis."""
    houthi = next((a for a in found if a.name == _HOUTHIS), None)
    if houthi is None and country != "Yemen":
        return found
    kb = by_name(_HOUTHIS)
    if kb is None:
        return found
    # every form of a word is a tail of it or «ال» before one: only words ending so can read as these
    maybe = compress(toks, map(methodcaller("endswith", ("متمردون", "متمردين")), map(_WORD, toks)))
    extra = [Actor(a + offset, b + offset, text[a:b], kb.name, kb.actor_type, inter_for(kb, "Yemen"), "Yemen")
             for a, b, w in maybe if variants(w) & {"المتمردون", "المتمردين"}
             and not any(x.start <= a + offset < x.end for x in found)]
    return sorted(found + extra, key=lambda x: x.start) if extra else found


#: Bare «التحالف» (the coalition) names the coalition of the story's theatre.
_BARE_COALITION = frozenset({"التحالف", "قوات التحالف", "طيران التحالف", "طائرات التحالف", "مقاتلات التحالف"})


def _which_coalition(found: list[Actor], country: str) -> list[Actor]:
    """«طائرات التحالف» in a Yemen story (or one that names the Arab coalition) is the Saudi-led
    coalition, not the one against the Islamic State."""
    arab = country in ("Yemen", "Saudi Arabia") or any(a.name == "Operation Restoring Hope" for a in found)
    if not arab:
        return found
    bare = {norm(t) for t in _BARE_COALITION}
    return [replace(a, name="Operation Restoring Hope") if a.name == "Global Coalition Against Daesh"
            and " ".join(norm(w) for w in a.text.split()).removeprefix("و").removeprefix("ل") in bare else a
            for a in found]


_HEDGES = ("يرجح", "يعتقد", "يشتبه", "قيل", "يبدو", "رجح", "يرجح")


def _hedged_nationality(toks: list[tuple[int, int, str]], k: int) -> tuple[str, int] | None:
    """«طائرات حربية يرجح أنها روسية»: the state the source believes the aircraft are (its index)."""
    if k + 2 >= len(toks) or toks[k][2] not in _HEDGES or toks[k + 1][2] not in ("انها", "انه", "انهم"):
        return None
    named = _nationality(toks[k + 2][2])
    return (named, k + 2) if named is not None else None


def _backed_by_turkey(toks: list[tuple[int, int, str]], k: int) -> bool:
    """«… المدعوم من تركيا»، «الموالية لأنقرة» within the next words."""
    nxt = [toks[j][2] for j in range(k, min(len(toks), k + 5))]
    backed = any(w.startswith(("المدعوم", "مدعوم", "الموالي", "موالي")) for w in nxt)
    return backed and any(w.removeprefix("ل").removeprefix("من") in ("تركيا", "انقره") or w in ("لتركيا", "لانقره")
                          for w in nxt)


def _nationality(word: str) -> str | None:
    from marsad.events.abroad import adjective_country

    return adjective_country(word)


def _resolve_anaphora(
    text: str, toks: list[tuple[int, int, str]], forms: list[str], found: list[Actor], offset: int
) -> list[Actor]:
    """«التنظيم», «الجبهة», «الحركة», «الهيئة» (the organisation/front/movement) refer back to
    the last group named with that head word («تنظيم داعش», «الجبهة الوطنية للتحرير»)."""
    out = list(found)
    if not found:
        return out  # nothing to refer back to
    for j in compress(range(len(toks)), map(_ANAPHORA_WORDS.__contains__, forms)):
        start, end, w = toks[j]
        head = _ANAPHORA_WORDS[w]
        if any(a.start <= start + offset < a.end for a in found):
            continue
        last = [a for a in found if a.end <= start + offset and (
            a.actor_type == "rebel" and head in norm(a.text) or head == "تنظيم" and a.name.startswith("Islamic State"))]
        if last:
            a = last[-1]
            out.append(Actor(start + offset, end + offset, text[start:end], a.name, a.actor_type, a.inter, a.country))
    out.sort(key=lambda a: a.start)
    return out


#: Definite head nouns that refer back to a group, and the word its name must contain.
_ANAPHORA = {
    **dict.fromkeys(("التنظيم", "للتنظيم", "بالتنظيم"), "تنظيم"),
    **dict.fromkeys(("الجبهه", "للجبهه", "بالجبهه"), "جبهه"),
    **dict.fromkeys(("الحركه", "للحركه", "بالحركه"), "حركه"),
    **dict.fromkeys(("الهييه", "للهييه", "بالهييه"), "هييه"),
}
#: The same with a conjunction before them («والتنظيم», «فالجبهة», «وفالحركة»).
_ANAPHORA_WORDS = {clitic + w: head for w, head in _ANAPHORA.items() for clitic in ("", "و", "ف", "وف")}


_WORD = itemgetter(2)
_START = itemgetter(0)
#: The alias index; its first alias words with their article-less tails (:func:`may_read_as`);
#: the cores of those (less their leading clitic letters); per word that passed the cores,
#: whether some clitic reading of it begins an alias.
_STARTS: tuple[object, frozenset[str], frozenset[str], dict[str, bool]] = (None, frozenset(), frozenset(), {})
_STARTS_LIMIT = 1 << 14  # words remembered (~1,300 distinct pass the cores in 3,000 articles)


def _alias_starts(forms: list[str], index: dict[str, list[tuple[tuple[str, ...], KBActor]]]) -> Iterator[int]:
    """The indices of the words (normal ``forms``) that begin an alias in some clitic reading.

    Each reading of a word is the word less some of its first letters, all clitic letters, or
    «ال» before such a rest (:func:`may_read_as`): so a word that begins an alias is, less its
    leading clitic letters, a first alias word or its article-less tail less theirs. One
    C-level pass (``lstrip`` and a lookup in that small set of cores) keeps ~30 words an
    article of ~240, and only those are answered (remembered): no memo of the whole
    vocabulary to probe for every word, nor its misses."""
    global _STARTS
    if _STARTS[0] is not index:
        tails = frozenset(index) | {k[2:] for k in index if k.startswith("ال")}
        _STARTS = (index, tails, frozenset(t.lstrip(VARIANT_LETTERS) for t in tails), {})
    _, tails, cores, known = _STARTS
    keys = index.keys()

    def begins(word: str) -> bool:
        if not word.startswith(CLITIC_STARTS):
            return word in keys  # the word is its only form: one probe
        return may_read_as(word, tails) and not keys.isdisjoint(variants(word))

    maybe = list(compress(range(len(forms)), map(cores.__contains__, map(str.lstrip, forms, repeat(VARIANT_LETTERS)))))
    return compress(maybe, lookup_many(known, list(map(forms.__getitem__, maybe)), begins, _STARTS_LIMIT))


def _match_at(
    toks: list[tuple[int, int, str]], i: int, index: dict[str, list[tuple[tuple[str, ...], KBActor]]]
) -> tuple[int, KBActor] | None:
    """The longest alias starting at word ``i`` (over every clitic reading of the word).

    Each reading's aliases are tried in the index's order, longest first; only those whose
    second word the next word can read as are tried at all (:func:`_by_second`)."""
    best: tuple[int, KBActor] | None = None
    table = _by_second(index)
    after = variants(toks[i + 1][2]) if i + 1 < len(toks) else frozenset()
    for form in variants(toks[i][2]):
        if form not in table:
            continue
        longer, single = table[form]
        tried = [e for v in after for e in longer.get(v, ())] if longer else []
        for _, key, actor in sorted(tried + single, key=_RANK) if tried else single:
            n = len(key)
            if best is not None and n <= best[0]:
                break
            if i + n > len(toks):
                continue
            if all(key[j] in variants(toks[i + j][2]) for j in range(2, n)) and not _bad_gap(toks, i, n):
                best = (n, actor)
                break
    return best


#: An alias of the index with its rank in its first word's list (the order they are tried in).
_Ranked = tuple[int, tuple[str, ...], KBActor]
_RANK = itemgetter(0)
#: The alias index and, per first word, its longer aliases by second word and its one-word aliases.
_SECOND: tuple[object, dict[str, tuple[dict[str, list[_Ranked]], list[_Ranked]]]] = (None, {})


def _by_second(index: dict[str, list[tuple[tuple[str, ...], KBActor]]]
               ) -> dict[str, tuple[dict[str, list[_Ranked]], list[_Ranked]]]:
    """The index split by second word: «قوات» begins 120 aliases, and a text word reads as the
    second word of a few at most."""
    global _SECOND
    if _SECOND[0] is not index:
        table: dict[str, tuple[dict[str, list[_Ranked]], list[_Ranked]]] = {}
        for first, entries in index.items():
            longer: dict[str, list[_Ranked]] = {}
            single: list[_Ranked] = []
            for rank, (key, actor) in enumerate(entries):
                if len(key) > 1:
                    longer.setdefault(key[1], []).append((rank, key, actor))
                else:
                    single.append((rank, key, actor))
            table[first] = (longer, single)
        _SECOND = (index, table)
    return _SECOND[1]


def _bad_gap(toks: list[tuple[int, int, str]], i: int, n: int) -> bool:
    """An alias may not span a line break or a large gap (punctuation between words)."""
    return any(toks[j + 1][0] - toks[j][1] > 2 for j in range(i, i + n - 1))
