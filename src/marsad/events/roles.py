"""Choosing the event's actors inside its segment: agent, target, sources and nationalities."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from marsad.actors.states import (
    ADJ_SKIP,
    NATIONALITY,
    allied_capitals,
    conjoined_states,
    country_agent,
    joint_agents,
    nationality_actors,
    nationality_word,
)
from marsad.actors.text import variants
from marsad.events import spans
from marsad.events.placing import ends_by, protested
from marsad.events.placing import words_before as _words_before
from marsad.events.target_cues import OWN_ACTS as _OWN_ACTS
from marsad.events.target_cues import is_target
from marsad.events.trigger_lexicon import TERRITORY, lexicon
from marsad.model import Actor

#: The states' forces named by nationality live in ``marsad.actors.states``; the coder reaches them here.
__all__ = ["allied_capitals", "conjoined", "conjoined_states", "country_agent", "joint_agents", "loyalists", "nationality_actors",
           "pick_actors", "supports"]

Words = list[tuple[int, int, str]]

_CONTROL = frozenset({"جيب", "راسها", "راسهم", "حكومه", "لحكومه", "وزاره", "ائتلاف", "الائتلاف", "مجلس", "لمجلس", "تسيطر", "يسيطر", "سيطره", "الخاضعه", "خاضعه", "تحت", "المدعومه", "المدعوم", "الموالیه", "الموالية", "بقياده", "تقوده"})


def pick_actors(
    actors: Sequence[Actor], toks: Words, start: int, end: int, anchor: int = -1
) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2) inside ``[start, end)``: the agent first, the target second."""
    found = spans.within(actors, start, end)
    found = [a for a in found if not _controls_only(a, toks, found) and not _speaker_civilians(a, toks, anchor)
             and not _neighbour(a, toks) and not _describes(a, found, toks) and not _protested(a, toks)
             and not _intercepts(a, toks, anchor)]
    sources = [a for a in found if _is_source(a, toks, anchor) or _accuser(a, found, toks, anchor)]
    found = [a for a in found if a not in sources or _own_forces(a, toks, anchor)]
    found = [a for a in found if not _members_of_next(a, found, toks)]
    pair = _between_pair(found, toks)
    if pair is not None:
        return pair
    agents: list[Actor] = []
    targets: list[Actor] = []
    for a in found:
        joined = bool(targets) and conjoined(targets[-1], a, toks)
        (targets if joined or is_target(a, toks) else agents).append(a)
    agents.sort(key=lambda a: not _genitive_agent(a, toks, anchor))
    agents = _without_allies(agents, toks)
    ordered = _dedupe(agents + targets)
    if not ordered:
        return None, None
    if not agents:
        return None, ordered[0]
    if not targets and len(ordered) > 1 and _armed(ordered[1]):
        return ordered[0], None  # «غارات شنتها طائرات روسية وبراميل ألقتها مروحيات سورية»: both strike
    return ordered[0], (ordered[1] if len(ordered) > 1 else None)


_MUTUAL = ("اشتبك", "واشتبك", "اقتتل", "واقتتل", "تقاتل", "اشتباك", "اقتتال", "مواجهات", "معارك")


def _protested(actor: Actor, toks: Words) -> bool:
    """«مواجهات مع الشرطة خلال احتجاج للطلاب ضد الغارات التي تشنها القوات التركية»: the side a crowd
    protests against (:func:`marsad.events.placing.protested`) is no side of its event."""
    police = actor.actor_type in ("police", "protesters", "rioters", "civilians") or actor.name.startswith("Police")
    return not police and protested(toks, actor.start)


def _without_allies(agents: list[Actor], toks: Words) -> list[Actor]:
    """«من قبل القوات التركية والفصائل»: an ally joined by «و» to the agent is on its side, not
    its opponent (the camps of :mod:`marsad.events.attribution`; «بين X وY» was read before)."""
    from marsad.events.camps import allied

    if len(agents) < 2 or not conjoined(agents[0], agents[1], toks) or not allied(agents[0].name, agents[1].name):
        return agents
    if any(f.startswith(_MUTUAL) for forms in _words_before(toks, agents[0].start, 3) for f in forms):
        return agents  # «اشتبكت فرقة الحمزة وأحرار الشرقية»: the two fight each other
    return [agents[0], *agents[2:]]


def _genitive_agent(actor: Actor, toks: Words, anchor: int) -> bool:
    """«وغارات لمقاتلات التحالف»: the actor right after the event's own cue carries it out, even
    when another armed actor is named before the cue («معارك مع القوات الحكومية وغارات …»)."""
    before = [t for t in toks if t[1] <= actor.start and variants(t[2]).isdisjoint(ADJ_SKIP)][-2:]
    if anchor < 0 or not before:
        return False
    if before[-1][0] == anchor:
        return actor.text.startswith("ل")
    return len(before) == 2 and before[0][0] == anchor and before[1][2].startswith("ل") and any(
        f.startswith(_ARMS) for f in variants(before[1][2]))  # «غارات لمقاتلات التحالف»


_ARMS = ("طايرات", "طايره", "مروحيات", "مروحيه", "مقاتلات", "طيران", "مدفعيه", "بوارج", "قاذفات", "راجمات")


def _armed(actor: Actor) -> bool:
    """An actor named by its aircraft or guns (it fires; it is not what was fired at)."""
    return bool(actor.text) and any(f.startswith(_ARMS) for f in variants(actor.text.split()[0]))


_RELATIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين"})


def _between_pair(found: list[Actor], toks: Words) -> tuple[Actor, Actor] | None:
    """«اشتباكات بين مقاتلين من X ومقاتلين من Y»: the two parties in the order named
    (an actor inside a relative clause, «التي هي جزء من Z», only describes)."""
    if not found or not any("بين" in f for f in _words_before(toks, found[0].start, 3)):
        return None
    parties = _dedupe([a for a in found if not _in_relative_clause(a, toks)])
    return (parties[0], parties[1]) if len(parties) >= 2 else None


_LINKED = frozenset({"المرتبط", "المرتبطه", "المرتبطين", "المقرب", "المقربه", "المقربين", "المحسوب",
                     "المحسوبه", "المحسوبين"})


def _describes(actor: Actor, found: list[Actor], toks: Words) -> bool:
    """«قسد، التي تهيمن عليها الوحدات الكردية»، «الفصائل التي تدعمها تركيا»:
    an actor in a relative clause on another actor describes it, unless the clause tells an
    attack («القوات التي قصفتها طائرات روسية»)."""
    hi = ends_by(toks, actor.start)
    before = toks[max(0, hi - 4) : hi]
    if before and variants(before[-1][2]) & _LINKED and any(o is not actor and 0 <= before[-1][0] - o.end <= 3 for o in found):
        return True  # «هيئة تحرير الشام "المرتبط بتنظيم القاعدة"»: who it is linked to
    k = next((i for i in range(len(before) - 1, -1, -1) if variants(before[i][2]) & _RELATIVE), None)
    if k is None or any(f.startswith(_OWN_ACTS) for _, _, w in before[k + 1 :] for f in variants(w)):
        return False
    rel = before[k][0]
    return any(o is not actor and 0 <= rel - o.end <= 2 for o in found)


_INTERCEPT = frozenset({"تصدت", "تصدي", "اعترضت", "اعترض", "اسقطت", "اسقط"})


def _intercepts(actor: Actor, toks: Words, anchor: int) -> bool:
    """«تعرض المطار لضربة صاروخية تصدت لها وسائط الدفاع الجوي»: who intercepts a strike told before
    (its verb after the trigger, the strike a pronoun: «لها/له»، «اعترضتها») or detects it is no side of it."""
    hi = ends_by(toks, actor.start)
    before = toks[max(0, hi - 2) : hi]
    if before and before[-1][2].removeprefix("و") in ("رصدت", "رصد"):
        return True  # «رصدت الدفاعات الجوية إطلاق صاروخ … من قبل الحوثيين»: who detects it is a witness
    if not before or before[0][0] <= anchor:
        return False
    if before[-1][2].removeprefix("و") in ("اعترضتها", "اعترضته", "اسقطتها", "اسقطته"):
        return True  # «اعترضتها الدفاعات الجوية»
    return len(before) == 2 and bool(variants(before[0][2]) & _INTERCEPT) and before[1][2] in ("لها", "له", "لهم")


def _in_relative_clause(actor: Actor, toks: Words) -> bool:
    """A relative pronoun within six words before, with no «و»-word (back to the main clause) between."""
    for forms in reversed(_words_before(toks, actor.start, 6)):
        if forms & _RELATIVE:
            return True
        if any(f.startswith("و") and len(f) > 3 and f[1:] in forms for f in forms):
            return False
    return False


_SUPPORT = ("مسنود", "بدعم", "بمسانده", "باسناد", "ساند", "وساند", "يساند", "تساند", "بغطاء", "مدعوم", "مدعوما", "المدعوم",
            "ساعد", "وساعد", "يساعد", "تساعد", "بمساعده")


def supports(first: Actor, second: Actor, toks: Words) -> bool:
    """«شن الجيش اليمني مسنوداً بالتحالف هجوماً»، «ساندت مقاتلات التحالف الجيش الوطني في معارك»:
    one side backs the other (allies of one event, not its two sides)."""
    lo, hi = min(first.start, second.start), max(first.start, second.start)
    near = [w for a, _, w in toks if a < hi and (a >= lo or lo - a <= 20)]
    return any(w.startswith(_SUPPORT) for w in near[-6:])


def conjoined(first: Actor, second: Actor, toks: Words) -> bool:
    """«من قوات النظام والميليشيات الإيرانية»: an actor joined by و to another is on its side."""
    between = [w for a, _, w in toks if first.end <= a < second.start]
    return not between and second.text.startswith("و") and second.start - first.end <= 2


def _members_of_next(actor: Actor, found: list[Actor], toks: Words) -> bool:
    """«مسلحين من جماعة بوكو حرام»: unnamed men of the group named right after them are that group."""
    if not actor.name.startswith("Unidentified"):
        return False
    after = [(a, w) for a, _, w in toks if a >= actor.end][:1]
    return bool(after) and after[0][1] == "من" and any(
        0 < b.start - after[0][0] <= 4 and not b.name.startswith("Unidentified") for b in found)


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


_KILLED = ("قتل", "مقتل", "اصابه", "اصيب", "مصرع", "جرح", "اصابت", "استهدف", "اجلاء", "تهجير")


def _speaker_civilians(actor: Actor, toks: Words, anchor: int) -> bool:
    """Civilians before the trigger are victims only after a killing word («قتل خمسة مدنيين»)."""
    if actor.actor_type != "civilians" or anchor < 0 or actor.start >= anchor:
        return False
    return not any(any(f.startswith(_KILLED) for f in forms) for forms in _words_before(toks, actor.start, 3))


_SPEECH = ("قال", "اكد", "اعلن", "ذكر", "افاد", "نقل", "اوضح", "صرح", "اشار", "كشف", "زعم", "اعتبر", "اتهم", "نفي", "نفت")


_ATTRIBUTION = frozenset({"بحسب", "وبحسب", "حسب", "وفق", "وفقا", "قالته", "ذكرته", "اعلنته", "افادت", "نقلا", "افاد"})


_MEDIA = ("الاعلام", "اعلام", "وكاله", "قناه", "صحيفه", "تلفزيون", "موقع")


def _is_source(actor: Actor, toks: Words, anchor: int) -> bool:
    """«وأكد الجيش الروسي أن طائرات إسرائيلية قصفت»، «بحسب ما قالته وزارة الدفاع»: who reports."""
    before2 = _words_before(toks, actor.start, 3)
    if any(f & _ATTRIBUTION for f in before2):
        return True
    before5 = _words_before(toks, actor.start, 5)
    media = [any(x.startswith(_MEDIA) for x in f) for f in before5]
    outlet = any(x.startswith(_MEDIA[:-1]) for f in before5[-2:] for x in f)  # not «موقع» (a position)
    if any(media) and (any(any(x.startswith("تابع") for x in f) for f in before5) or actor.text.startswith("ل") and outlet):
        return True  # «وقال الإعلام الحربي التابع لحزب الله»، «والإعلام الحربي لحزب الله»: its media report
    if len(before2) >= 2 and before2[-1] & {"من", "في"} and before2[-2] & {"مصادر", "مصدر", "مسوول", "مسوولون"}:
        return True  # «وأفادت مصادر من المعارضة بأن …»: the sources' side reports
    after = [w for a, _, w in toks if a >= actor.end][:1]
    if after in (["انها"], ["انه"], ["ان"]) and any(f.startswith(_SPEECH) for f in before2[-1:][0] if before2):
        return True  # «الغارة التي قال حزب الله إنها إسرائيلية»: the speaker, wherever the trigger is
    if anchor >= 0 and actor.start > anchor:  # «… غارة تركية، وفق ما أفاد المرصد ووحدات حماية الشعب»
        gap = [variants(w) for a, _, w in toks if anchor <= a < actor.start]
        if any(f & _ATTRIBUTION for f in gap):
            return True
    if anchor < 0 or actor.start >= anchor:
        return False
    before = _words_before(toks, actor.start, 2)
    if before and any(f.startswith(_TITLES) for f in before[-1]):
        before = _words_before(toks, actor.start, 7)  # «وذكر فلان، رئيس الشرطة في المدينة، أن …»: a speaker's title
    next2 = [variants(w) for a, _, w in toks if a >= actor.end][:2]  # «وكانت إسرائيل قالت إن إيران أطلقت»
    if not any(f.startswith(_SPEECH) for forms in before + next2 for f in forms):
        return False
    between = [w for a, _, w in toks if actor.end <= a < anchor]
    if "عن" in between[:3] and not any(w.startswith("مسووليت") for w in between[:3]) and any(
            f.startswith(("اعلن", "تحدث", "افاد", "كشف")) for forms in before for f in forms):
        # «أعلن نظام الأسد، الخميس، عن تعرض مطار الضبعة لقصف»: it reports (not «مسؤوليته عن»),
        # but «أعلن الجيش عن سيطرته على …»: an armed announcer tells its own capture
        return not _own_capture(actor, toks, anchor)
    return any(w in ("ان", "انه", "انها", "بان") for w in between)


_FIGHTERS = ("state", "rebel", "political militia", "identity militia", "external")


def _own_capture(actor: Actor, toks: Words, anchor: int) -> bool:
    """The cue at ``anchor`` is a capture noun and ``actor`` an armed side: it took the place."""
    cue = next((w for a, _, w in toks if a >= anchor), "")
    return actor.actor_type in _FIGHTERS and not variants(cue).isdisjoint(_capture_nouns())


@lru_cache(maxsize=1)
def _capture_nouns() -> frozenset[str]:
    """The lexicon's capture nouns («سيطرته»، «استعادة»، «تحرير»), events only as announced."""
    return frozenset(d.words[0] for defs in lexicon().values() for d in defs
                     if d.sub_event_type == TERRITORY and not d.verbal and len(d.words) == 1)


_ACCUSE = frozenset({"اتهم", "اتهمت", "يتهم", "تتهم", "اتهموا"})
#: Titles of a person named as a speaker: the actor after one is the speaker's office.
_TITLES = ("رييس", "قايد", "متحدث", "المتحدث", "ناطق", "الناطق", "مدير", "وزير", "مسوول", "باسم", "قاده")


def _accuser(actor: Actor, found: list[Actor], toks: Words, anchor: int) -> bool:
    """«اتهمت الحكومة السورية إسرائيل بقصف …»، «اتهم كل من جيش الإسلام والدفاع المدني قوات
    النظام بشن هجوم»: who accuses is no side; the accused, the last named before the cue, is."""
    if anchor < 0 or actor.start >= anchor:
        return False
    before = [t for t in toks if t[1] <= actor.start][-24:]
    k = next((i for i in range(len(before) - 1, -1, -1) if variants(before[i][2]) & _ACCUSE), None)
    if k is None or (len(before) - k > 3 and not any(w == "كل" for _, _, w in before[k + 1 : k + 3])):
        return False  # the accusation verb right before, or «اتهم كل من» a list of accusers
    return any(actor.end <= b.start < anchor and b.name != actor.name for b in found)




def _own_forces(source: Actor, toks: Words, anchor: int) -> bool:
    """«أعلن الجيش الإسرائيلي أن قواته أطلقت»، «قالت إسرائيل إنها أسقطت»: the source's own forces act."""
    between = [w for a, _, w in toks if source.end <= a < anchor]
    if len(between) > 1 and nationality_word(between[1]) is not None:
        return False  # «الغارة التي قال حزب الله إنها إسرائيلية»: it names whose the strike was
    if between[:1] in (["انها"], ["انهم"], ["انها", "قد"]) and len(between) <= 2:
        return True  # the source says it did it (not «إنه»: often the pronoun of the matter)
    acts = [w for w in between if w != "قد"]
    k = next((i for i, w in enumerate(acts) if w in ("انه", "انها", "انهم", "بانه", "بانها")), len(acts))
    if k + 1 < len(acts) and acts[k + 1].startswith(_OWN_ACTS):
        return True  # «أعلن الجيش الإسرائيلي أنه نفذ سلسلة غارات»: the pronoun is the subject of an attack verb
    # «قواته»، «طائراتها»; in a statement's own words «قواتنا شنت هجوماً» (the speaker's forces)
    return any(w.startswith(("قوات", "طايرات", "طاير", "جيش", "مقاتلات", "وحدات", "دفاعات", "مقاتلين", "مقاتلو"))
               and w.endswith(("ه", "ها", "نا")) for w in between)


def _controls_only(actor: Actor, toks: Words, others: Sequence[Actor] = ()) -> bool:
    """«المناطق الخاضعة لسيطرة X»، «حكومة X»: X is named for what it holds or governs, not as a
    side (but «الحكومة السورية» names its own state, and the «حكومة» inside another actor's
    name, «قوات حكومة الوفاق وقوات حفتر», governs nothing after it)."""
    inside = [(o.start, o.end) for o in others if o is not actor]
    before = [t for t in toks if t[1] <= actor.start and not any(a <= t[0] < b for a, b in inside)][-4:]
    for k, (_, _, w) in enumerate(before):
        if variants(w) & _CONTROL:
            nxt = before[k + 1][2].removeprefix("ال") if k + 1 < len(before) else ""
            if nxt not in NATIONALITY and not _held_positions(toks, before[k]):
                return True
    return False


def _neighbour(actor: Actor, toks: Words) -> bool:
    """«منطقة حدودية مع إسرائيل والأردن»، «على الحدود مع تركيا»: a state named as a neighbour."""
    before = _words_before(toks, actor.start, 2)
    return len(before) == 2 and "مع" in before[1] and any(f.startswith(("حدود", "الحدود", "الحدودي", "المحاذي"))
                                                           for f in before[0])


_POSITIONS = ("مواقع", "موقع", "نقاط", "مقرات", "مقر", "ثكن", "تحصينات", "تجمعات", "معاقل", "خطوط")


def _held_positions(toks: Words, control: tuple[int, int, str]) -> bool:
    """«قصف مواقع تسيطر عليها الفصائل»: military positions held by X are X's own (X is the
    target), unlike the areas or towns X controls."""
    k = next((i for i, t in enumerate(toks) if t[0] == control[0]), 0)
    return k > 0 and any(f.startswith(_POSITIONS) for f in variants(toks[k - 1][2]))


def loyalists(actor: Actor | None, toks: Words) -> Actor | None:
    """«بلدتين مواليتين لقوات النظام»: the defenders of a loyalist town are the government's
    militias (NDF), not its army."""
    if actor is None or actor.name != "Military Forces of Syria (2000-)":
        return actor
    before = [w for a, _, w in toks if a < actor.start][-3:]
    towns = ("بلد", "قري", "مدين", "حي", "احياء", "مناطق", "منطقه")
    if before and before[-1].startswith(("موالي", "الموالي")) and any(w.startswith(towns) for w in before[:-1]):
        from dataclasses import replace

        return replace(actor, name="NDF: National Defence Forces", actor_type="political militia", inter=3)
    return actor
