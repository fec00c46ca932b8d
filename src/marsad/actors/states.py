"""State forces named by a nationality («صواريخ إسرائيلية»، «للروس»), by a country as the
subject of an attack verb, or by conjoined states: adjectives and countries mapped to the
knowledge base's military of that state."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from marsad.actors.kb import country_name
from marsad.actors.text import variants
from marsad.events.spans import covers, starting_in
from marsad.model import Actor, Place

Words = list[tuple[int, int, str]]

NATIONALITY = {
    "روسي": "Russia", "روسيه": "Russia", "تركي": "Turkey", "تركيه": "Turkey",
    "اسرايلي": "Israel", "اسرايليه": "Israel", "اسراييلي": "Israel", "اسراييليه": "Israel", "امريكي": "United States", "اميركي": "United States",
    "امريكيه": "United States", "اميركيه": "United States", "سوري": "Syria", "سوريه": "Syria",
    "عراقي": "Iraq", "عراقيه": "Iraq", "ايراني": "Iran", "ايرانيه": "Iran", "فرنسي": "France",
    "فرنسيه": "France", "بريطاني": "United Kingdom", "بريطانيه": "United Kingdom",
    "سعودي": "Saudi Arabia", "سعوديه": "Saudi Arabia", "اماراتي": "United Arab Emirates",
    "اماراتيه": "United Arab Emirates", "مصري": "Egypt", "مصريه": "Egypt", "اردني": "Jordan", "اردنيه": "Jordan",
    "لبناني": "Lebanon", "لبنانيه": "Lebanon", "سوداني": "Sudan", "سودانيه": "Sudan",
}
#: Nationality nouns for a state's soldiers («ضربة جوية للروس»), with or without a clitic.
_NATIONALS = {"روس": "Russia", "اتراك": "Turkey", "امريكان": "United States", "امركان": "United States"}


def nationality_word(word: str) -> str | None:
    """The state a normalised word names as a nationality: an adjective, also dual or plural
    («مقاتلتان أمريكيتان»، «جنود عراقيين»), or a nationality noun («للروس»)."""
    w = word.removeprefix("ال")
    if w.endswith(("تان", "تين")) and w[:-3] + "ه" in NATIONALITY:
        return NATIONALITY[w[:-3] + "ه"]
    if w.endswith(("يين", "يون", "يان")) and w[:-2] in NATIONALITY:
        return NATIONALITY[w[:-2]]
    if w in NATIONALITY:
        return NATIONALITY[w]
    noun = next((v.removeprefix("ال") for v in variants(word) if v.removeprefix("ال") in _NATIONALS), None)
    return _NATIONALS[noun] if noun else None


ADJ_SKIP = frozenset({"جويه", "جوي", "صاروخيه", "صاروخي", "مدفعي", "مدفعيه", "عنيفه", "عنيف", "مكثفه", "مكثف",
                       "حربيه", "حربي", "جديده", "عسكريا", "عسكريه", "عسكري", "جويا", "صاروخيا", "ذكيه", "بالستيه", "باليستيه"})


_WEAPON_NOUNS = ("صواريخ", "صاروخ", "طايرات", "طايره", "غارات", "غاره", "قصف", "ضربه", "ضربات",
                 "مقاتلات", "مدفعيه", "قوات", "دبابات", "قذايف", "مروحيات", "هجوم", "هجمات", "طيران",
                 "انها", "انه", "مدمرات", "سفن", "بوارج", "قاذفات", "غواصات", "معسكر")  # «الغارة التي قيل إنها إسرائيلية»
_TARGET_NOUNS = ("موقع", "مواقع", "مطار", "قاعده", "قواعد", "نقاط", "نقطه", "منشات", "منشاه", "جنود", "جندي", "اهداف", "مراكز", "مركز",
                 "عسكري", "ضباط", "مستشار", "عناصر")


def nationality_actors(toks: Words, lo: int, hi: int, country: str) -> tuple[Actor | None, Actor | None]:
    """«صواريخ إسرائيلية … موقعا عسكريا سوريا»: state forces named by a nationality adjective.

    An adjective after a weapon noun names the agent; after a target noun, the target.
    """
    agent = target = None
    for k in range(lo, hi):
        word = toks[k][2].removeprefix("ال")
        home = nationality_word(toks[k][2])
        if word in ("حكومي", "حكوميه", "حكوميا") and country in NATIONALITY.values():
            home = country  # «قصفا حكوميا»
        if home is None:
            continue
        heads = [toks[j][2] for j in range(max(lo, k - 3), k)]
        heads = [h for h in heads if h.removeprefix("ال") not in ADJ_SKIP]
        if not heads:
            continue
        head = heads[-1].removeprefix("و").removeprefix("ب").removeprefix("ل").removeprefix("ال")
        if head.endswith(("تان", "تين")):
            head = head[:-3] + "ات"
        actor = _state_forces(toks[k], home, country)
        downed = any(w.removeprefix("و").startswith(("اسقط", "اسقاط")) for _, _, w in toks[max(lo, k - 5) : k])
        if downed and head.startswith(("طاير", "مقاتله", "مروحيه", "مسيره")) and target is None:
            target = actor  # «أسقطت طائرة مقاتلة سورية»: the downed aircraft's state is the target
        elif head.startswith(_WEAPON_NOUNS) and agent is None:
            agent = actor
        elif head.startswith(_TARGET_NOUNS) and target is None:
            target = actor
    return agent, target



def joint_agents(toks: Words, lo: int, hi: int, country: str) -> list[Actor]:
    """«غارات جوية سورية وروسية»، «الطائرات الحربية الروسية والسورية»: the states whose
    nationality adjectives are conjoined after one weapon noun each strike in their own event
    (one actor pair per event); fewer than two means no joint strike."""
    found: list[Actor] = []
    for k in range(lo, hi):
        word = toks[k][2].removeprefix("و") if found else toks[k][2]
        word = word.removeprefix("ال")
        if word in NATIONALITY:
            if not found:
                heads = [toks[j][2].removeprefix("ب").removeprefix("ل").removeprefix("ال") for j in range(max(lo, k - 3), k)]
                heads = [h for h in heads if h not in ADJ_SKIP]
                if not heads or not heads[-1].startswith(_WEAPON_NOUNS):
                    continue
            actor = _state_forces(toks[k], NATIONALITY[word], country)
            if actor is not None and all(a.name != actor.name for a in found):
                found.append(actor)
        elif found and word not in ADJ_SKIP:
            break
    return found if len(found) >= 2 else []


_ATTACK_VERBS = ("نفذ", "شن", "اطلق", "قصف", "هاجم")


def country_agent(places: Sequence[Place], toks: Words, lo: int, hi: int, country: str,
                  verbs: tuple[str, ...] = _ATTACK_VERBS) -> Actor | None:
    """«الهجوم الصاروخي الذي نفذته إيران»، «شنت تركيا غارات»: a country as the subject of an
    attack verb is its military."""
    start, end = toks[lo][0], toks[hi - 1][1]
    for p in starting_in(places, start, end - 1):
        if p.feature != "country":
            continue
        k = _word_at(toks, p.start)
        if k and toks[k - 1][2].removeprefix("و").startswith(verbs):
            return _state_forces(toks[k], p.country, country)
        if k and toks[k - 1][2] in ("ان", "بان") and k + 1 < len(toks) and toks[k + 1][2].startswith(verbs):
            return _state_forces(toks[k], p.country, country)  # «قالت إن إيران أطلقت 20 صاروخا»
    return None


def conjoined_states(actors: Sequence[Actor], places: Sequence[Place], toks: Words, lo: int, hi: int,
                     first: str, country: str) -> list[Actor]:
    """«قوات النظام وروسيا استهدفت …»، «روسيا والنظام»: the forces of the state where it happens and
    a state joined to them by و (its forces, or a country standing for its military) strike
    together; allied militias («والميليشيات الإيرانية») are no second striker."""
    start, end = toks[lo][0], toks[hi - 1][1]
    lead = next((a for a in starting_in(actors, start, end - 1) if a.name == first and a.name.startswith("Military")),
                None)
    if lead is None or lead.country not in ("", country):
        return []  # the state's own forces and an ally; «الولايات المتحدة وفرنسا وبريطانيا» is the US's strike
    for tok in toks[lo:hi]:
        after = 0 < tok[0] - lead.end <= 2 and tok[2].startswith("و")
        before = 0 < lead.start - tok[1] <= 2 and lead.text.startswith("و")
        if not (after or before):
            continue
        home = next((p.country for p in starting_in(places, tok[0], tok[1] - 1) if p.feature == "country"), None)
        other = next((a for a in actors if a.start <= tok[0] < a.end and a.name.startswith("Military")
                      and tok[2].removeprefix("و").startswith(_STATE_HEADS)), None) if covers(actors, tok[0]) else None
        joined = other or (_state_forces(tok, country_name(home) or "", country) if home else None)
        if joined is not None and joined.name != first:
            return [lead, joined] if after else [joined, lead]
    return []


_ALLY_GAPS = ("مع حليفتها", "مع حليفها", "وحليفتها", "وحليفها", "مع", "و")


def allied_capitals(places: Sequence[Place], toks: Words, lo: int, hi: int, country: str) -> list[Actor]:
    """«غارات شنتها دمشق مع حليفتها موسكو»: two states named by their capitals (or names)
    joined by «مع (حليفتها)» or و after the attack verb strike together, one event each."""
    start, end = toks[lo][0], toks[hi - 1][1]
    named = sorted((p for p in starting_in(places, start, end - 1) if p.feature in ("capital_metonym", "country")),
                   key=lambda p: p.start)
    for a, b in zip(named, named[1:], strict=False):
        gap = " ".join(w for s0, _, w in toks[lo:hi] if a.end <= s0 < b.start)
        k = next((i for i in range(lo, hi) if toks[i][0] <= a.start < toks[i][1] + 1), None)
        if a.country == b.country or gap.strip() not in _ALLY_GAPS or not k or k == lo:
            continue
        if not toks[k - 1][2].removeprefix("و").startswith(("شنت", "نفذت", "شن", "نفذ", "قصف")):
            continue
        first = _state_forces(toks[k], a.country, country)
        second = _state_forces(toks[k], b.country, country)
        if first is not None and second is not None:
            return [first, second]
    return []


def _word_at(toks: Words, pos: int) -> int | None:
    """The index of the word with ``start <= pos <= end`` (a place may start one past a word's end),
    by bisect on the words' ends: the article's words are in order and apart, so it is the first
    word ending at or after ``pos``, if it starts by then."""
    k = bisect_left(toks, pos, key=lambda t: t[1])
    return k if k < len(toks) and toks[k][0] <= pos else None


_STATE_HEADS = ("قوات", "الجيش", "جيش", "الطيران", "طيران", "الطايرات", "طايرات", "المقاتلات", "مقاتلات", "النظام")


def _state_forces(tok: tuple[int, int, str], home: str, country: str) -> Actor | None:
    from marsad.actors.kb import inter_for, load_kb

    for kb in load_kb():
        if kb.country == home and kb.name.startswith("Military Forces of"):
            return Actor(tok[0], tok[1], tok[2], kb.name, kb.actor_type, inter_for(kb, country), home)
    return None
