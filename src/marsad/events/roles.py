"""Choosing the event's place and actors inside its segment."""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.actors.text import variants, words
from marsad.model import Actor, Entity, Place

Words = list[tuple[int, int, str]]

_TARGET_BEFORE = frozenset(
    {"علي", "ضد", "صفوف", "مواقع", "موقع", "تابعه", "نقاط", "نقطه", "مقرات", "مقر", "رتل", "رتلا",
     "تجمع", "تجمعات", "من", "معاقل", "مناطق", "اهداف", "عناصر", "مسلحي", "مقاتلي"}
)
_CONTROL = frozenset({"حكومه", "لحكومه", "وزاره", "ائتلاف", "الائتلاف", "مجلس", "لمجلس", "تسيطر", "يسيطر", "سيطره", "الخاضعه", "خاضعه", "تحت", "المدعومه", "المدعوم", "الموالیه", "الموالية", "بقياده", "تقوده"})
_ORIGIN = frozenset({"المتمركزه", "المتمركز", "انطلاقا", "متمركزه", "اطلقت", "مثل", "بشار", "حافظ", "ماهر", "مقره", "مقرها",
                     "الرئيس", "رئيس", "الشيخ", "السيد"})
_SKIP_FEATURES = frozenset({"country", "actor", "organisation", "organization", "capital_metonym", "metonym"})


def _words_before(toks: Words, start: int, n: int) -> list[frozenset[str]]:
    before = [t for t in toks if t[1] <= start]
    return [variants(w) for _, _, w in before[-n:]]


def pick_place(
    places: Sequence[Place], actors: Sequence[Actor], toks: Words, lo: int, hi: int, anchor: int,
    skip_before: int = 0,
) -> Place | None:
    """The place of the event: nearest after the trigger in the segment, else nearest before.

    Places that are really actors (a capital or country standing for its
    government), origins («المتمركزة في …») and countries are skipped.
    """
    start, end = max(toks[lo][0], skip_before), toks[hi - 1][1]
    inside = [p for p in places if start <= p.start and p.end <= end and _usable(p, actors, toks)]
    if not inside:
        return None
    inside = [p for p in inside if not _reference_point(p, inside, toks)]
    after = [p for p in inside if p.start >= anchor]
    before = [p for p in inside if p.start < anchor]
    specific = sorted(after, key=lambda p: (p.geo_precision, p.start))
    if specific and specific[0].geo_precision < 3:
        return specific[0]
    pool = after + before[::-1]
    pool.sort(key=lambda p: (p.geo_precision, abs(p.start - anchor)))
    return pool[0]


def dateline_end(text: str) -> int:
    """End of a dateline such as «دبي، الإمارات (CNN)--» (places there are where the story was filed)."""
    head = text[:120]
    for marker in ("(CNN)", "--", "(رويترز)", "(أ ف ب)", "(أ.ف.ب)", "(الأناضول)"):
        pos = head.find(marker)
        if pos >= 0:
            return pos + len(marker)
    return 0


_CAPITALS = frozenset({"Tel Aviv", "Jerusalem", "Damascus", "Moscow", "Ankara", "Tehran", "Washington", "Baghdad", "Beirut", "Riyadh", "Paris", "London", "Cairo", "Amman", "Sanaa", "Doha", "Abu Dhabi"})
_LOCATIVE = frozenset({"في", "قرب", "الي", "من", "علي", "داخل", "محيط", "اطراف", "مدينه", "العاصمه", "جنوب", "شمال", "شرق", "غرب", "ريف", "حول"})


def _usable(place: Place, actors: Sequence[Actor], toks: Words) -> bool:
    if place.feature in _SKIP_FEATURES:
        return False
    district = place.text.startswith(("حي ", "حى "))  # «حي القدم»: a district of the capital is a location
    if (place.feature == "capital" or place.name_en in _CAPITALS) and not district and not _locative(place, toks):
        return False
    if any(a.start <= place.start < a.end for a in actors):
        return False
    near = _words_before(toks, place.start, 3)
    if near and near[-1] & {"الي", "نحو"}:
        return False  # a destination («خروجهم إلى جرابلس»), not where it happened
    if place.name_en == "West Bank" and any(w.startswith(("لنهر", "للنهر", "نهر")) for a, _, w in toks
                                            if place.end <= a <= place.end + 8):
        return False  # «الضفة الغربية لنهر الفرات»: a river bank
    return not any(f & _ORIGIN for f in near)


_PLACE_NOUNS = frozenset({"منطقه", "بلده", "مدينه", "قريه", "حي", "مخيم", "ناحيه", "محافظه", "مطار", "قاعده"})


_REGION = frozenset({"Syria", "Iraq", "Yemen", "Libya", "Palestine", "Palestinian Territory", "Lebanon", "Turkey",
                     "Israel", "Jordan", "Egypt", "Iran", "Saudi Arabia", "Afghanistan", "Somalia", "Sudan"})
#: Common words the gazetteer can mistake for places.
_NOT_PLACES = frozenset({"مدرسة", "مدرسه", "المدرسة", "طراز", "حصار", "الأسد", "الاسد", "البيضاء", "الحصار", "بشار الأسد",
                         "جديدة", "جديده", "السوق", "سوق", "رأس", "راس", "الرأس", "الراس",
                         "الكنائس", "كنائس", "الكنيسة", "كنيسة"})  # «ودخلت قرى جديدة»: an adjective
_QUOTED_SHORT = re.compile(r"[\"“”«]([^\"“”«»\n]{2,40})[\"“”»]")


def usable_places(text: str, places: Sequence[Place], entities: Sequence[Entity] = ()) -> list[Place]:
    """Places that can locate an event: not inside a short quoted name («"الخوذ البيضاء"»,
    unless «منطقة "تل رفعت"» introduces it) and not part of a person or organisation name."""
    names = [(m.start(), m.end()) for m in _QUOTED_SHORT.finditer(text)
             if len(m.group(1).split()) <= 3 and not (words(text[max(0, m.start() - 12) : m.start()])[-1:] and
                     variants(words(text[max(0, m.start() - 12) : m.start()])[-1][2]) & _PLACE_NOUNS)]
    out = []
    mentioned = {p.country for p in places if p.feature == "country"} | _adjective_countries(text)
    counts: dict[str, int] = {}
    for p in places:
        counts[p.country] = counts.get(p.country, 0) + 1
    for p in places:
        if any(a <= p.start < b for a, b in names) or p.text in _NOT_PLACES:
            continue
        if not p.pcode and p.country not in mentioned | _REGION and counts.get(p.country, 0) < 2:
            continue  # a lone far-away gazetteer hit («من طراز» -> Taraz) is a false match
        if any(e.label in ("PERS", "ORG") and e.start <= p.start < e.end for e in entities):
            continue
        out.append(p)
    return out


def _adjective_countries(text: str) -> set[str]:
    """Countries the text names by a nationality adjective («مدينة لييج البلجيكية»)."""
    from marsad.events.abroad import adjective_country

    found = {adjective_country(w) for _, _, w in words(text) if w.startswith("ال") and w.endswith(("ي", "يه"))}
    return {c for c in found if c}


def _reference_point(place: Place, inside: list[Place], toks: Words) -> bool:
    """«الغوطة الشرقية قرب دمشق»: the place after «قرب» only situates the one just named."""
    before = _words_before(toks, place.start, 1)
    if not before or not before[-1] & ({"قرب", "بالقرب"} | _DIRECTIONS):
        return False  # «في محافظتي كركوك ونينوى في شمال بغداد»: the direction situates the others
    return any(0 < place.start - other.end <= 40 for other in inside)


_DIRECTIONS = frozenset({"شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي"})


def _locative(place: Place, toks: Words) -> bool:
    """A capital is a location only after a preposition («في دمشق»، «بدمشق»), else it is its government."""
    word = next((w for a, _, w in toks if a <= place.start < a + len(w) + 2), "")
    if word[:1] in ("ب", "ل") and not place.text.startswith(word[:1]):
        return True
    before = _words_before(toks, place.start, 3)
    if before and before[-1] & _LOCATIVE:
        return True
    # «في العاصمة الفرنسية باريس»، «في العاصم التشيكية، براغ»: a locative phrase with the capital's title
    return any(f & {"في"} for f in before)


def pick_actors(
    actors: Sequence[Actor], toks: Words, start: int, end: int, anchor: int = -1
) -> tuple[Actor | None, Actor | None]:
    """(actor1, actor2) inside ``[start, end)``: the agent first, the target second."""
    found = [a for a in actors if start <= a.start and a.end <= end]
    found = [a for a in found if not _controls_only(a, toks) and not _speaker_civilians(a, toks, anchor)]
    sources = [a for a in found if _is_source(a, toks, anchor)]
    found = [a for a in found if a not in sources or _own_forces(a, toks, anchor)]
    pair = _between_pair(found, toks)
    if pair is not None:
        return pair
    agents: list[Actor] = []
    targets: list[Actor] = []
    for a in found:
        joined = bool(targets) and _conjoined(targets[-1], a, toks)
        (targets if joined or _is_target(a, toks) else agents).append(a)
    ordered = _dedupe(agents + targets)
    if not ordered:
        return None, None
    if not agents:
        return None, ordered[0]
    return ordered[0], (ordered[1] if len(ordered) > 1 else None)


_RELATIVE = frozenset({"التي", "الذي", "الذين", "اللتين", "اللذين"})


def _between_pair(found: list[Actor], toks: Words) -> tuple[Actor, Actor] | None:
    """«اشتباكات بين مقاتلين من X ومقاتلين من Y»: the two parties in the order named
    (an actor inside a relative clause, «التي هي جزء من Z», only describes)."""
    if not found or not any("بين" in f for f in _words_before(toks, found[0].start, 3)):
        return None
    parties = _dedupe([a for a in found if not _in_relative_clause(a, toks)])
    return (parties[0], parties[1]) if len(parties) >= 2 else None


def _in_relative_clause(actor: Actor, toks: Words) -> bool:
    """A relative pronoun within six words before, with no «و»-word (back to the main clause) between."""
    for forms in reversed(_words_before(toks, actor.start, 6)):
        if forms & _RELATIVE:
            return True
        if any(f.startswith("و") and len(f) > 3 and f[1:] in forms for f in forms):
            return False
    return False


def _conjoined(first: Actor, second: Actor, toks: Words) -> bool:
    """«من قوات النظام والميليشيات الإيرانية»: an actor joined by و to a target is a target too."""
    between = [w for a, _, w in toks if first.end <= a < second.start]
    return not between and second.text.startswith("و") and second.start - first.end <= 2


def _dedupe(actors: list[Actor]) -> list[Actor]:
    seen: set[str] = set()
    out = []
    for a in actors:
        if a.name not in seen:
            seen.add(a.name)
            out.append(a)
    return out


_TRIGGER_HEADS = ("غار", "قصف", "ضرب", "هجوم", "هجمات", "قذاي", "صواريخ", "عمليه", "عمليات", "جوي", "مدفعي",
                  "صاروخي", "مقاتلات", "طاير", "طيران")


def _is_target(actor: Actor, toks: Words) -> bool:
    if any(f & {"تصدي", "لتصدي", "بتصدي"} for f in _words_before(toks, actor.start, 2)):
        return True  # «تصدي الدفاعات الجوية السورية لصواريخ»: the defender
    after = [w for a, _, w in toks if a >= actor.end][:2]
    if any(w.startswith(("تصد", "يتصد", "تتصد", "واجه", "تواجه")) for w in after):
        return True  # «الدفاعات الجوية السورية تصدت لهجوم …»: the defender is the target
    prev = [forms for forms in _words_before(toks, actor.start, 4)
            if not any(f.removeprefix("ال") in _ADJ_SKIP for f in forms)][-1:]
    if prev and any(f.startswith(_TRIGGER_HEADS) for f in prev[-1]):
        return False  # «غارات لطيران النظام»، «القصف الصاروخي والجوي المكثف لقوات النظام»: the attacker
    if actor.text.startswith(("ل", "لل")) and not actor.text.startswith(("لاجئ",)):
        first = actor.text.split()[0]
        if first.startswith("لل") or (first.startswith("ل") and first[1:2] != "ا" and len(first) > 3):
            return True
    if actor.actor_type == "civilians":
        return True
    first_word = actor.text.split()[0]
    if first_word.endswith("ين") and first_word.startswith(("مقاتل", "مسلح", "عناصر", "جنود", "مدني")):
        return True  # accusative plural after the verb: the object, not the subject
    if any(any(f.startswith(_VICTIM_OF) for f in forms) for forms in _words_before(toks, actor.start, 3)):
        return True
    if any(f & {"القضاء", "قضاء", "تصفيه"} for f in _words_before(toks, actor.start, 6)):
        return True  # «القضاء على أعداد كبيرة من مسلحي التنظيم»
    if any(f & _SITES_OF for f in _words_before(toks, actor.start, 4)):
        return True  # «ضربات استهدفت موقعا لقيادة عصابات داعش»: the site's owner is hit
    near = _words_before(toks, actor.start, 2)
    if not near or not near[-1] & _TARGET_BEFORE:
        return False
    if "من" in near[-1] and len(near) == 2:
        # «مقتل 5 من قوات النظام» (victims) but «قوات من الحرس الجمهوري» (a part of the agent)
        head = near[0]
        if any(f.endswith("ون") for f in head):
            return False  # «شنه مقاتلون من الهيئة»: a nominative plural is the subject
        return any(f.isdigit() or f.startswith(_VICTIM_OF + _PEOPLE_HEADS) for f in head)
    return True


_SITES_OF = frozenset({"موقع", "موقعا", "مواقع", "مقر", "مقرا", "مقرات", "معاقل", "تجمعات", "تحصينات", "مستودع"})
_VICTIM_OF = ("قتل", "مقتل", "اصابه", "اصيب", "مصرع", "جرح")
_PEOPLE_HEADS = ("عناصر", "عنصرا", "جنود", "جنديا", "مقاتل", "افراد", "اشخاص", "شخصا", "عشرات", "مئات", "عدد", "اخرين")
_KILLED = ("قتل", "مقتل", "اصابه", "اصيب", "مصرع", "جرح", "اصابت", "استهدف", "اجلاء", "تهجير")


def _speaker_civilians(actor: Actor, toks: Words, anchor: int) -> bool:
    """Civilians before the trigger are victims only after a killing word («قتل خمسة مدنيين»)."""
    if actor.actor_type != "civilians" or anchor < 0 or actor.start >= anchor:
        return False
    return not any(any(f.startswith(_KILLED) for f in forms) for forms in _words_before(toks, actor.start, 3))


_SPEECH = ("قال", "اكد", "اعلن", "ذكر", "افاد", "نقل", "اوضح", "صرح", "اشار", "كشف", "زعم", "اعتبر", "اتهم", "نفي", "نفت")


_ATTRIBUTION = frozenset({"بحسب", "وبحسب", "حسب", "وفق", "وفقا", "قالته", "ذكرته", "اعلنته", "افادت", "نقلا", "افاد"})


def _is_source(actor: Actor, toks: Words, anchor: int) -> bool:
    """«وأكد الجيش الروسي أن طائرات إسرائيلية قصفت»، «بحسب ما قالته وزارة الدفاع»: who reports."""
    before2 = _words_before(toks, actor.start, 3)
    if any(f & _ATTRIBUTION for f in before2):
        return True
    before5 = _words_before(toks, actor.start, 5)
    if any(any(x.startswith(("الاعلام", "اعلام", "وكاله", "قناه", "صحيفه", "تلفزيون", "موقع")) for x in f)
           for f in before5) and any(any(x.startswith("تابع") for x in f) for f in before5):
        return True  # «وقال الإعلام الحربي التابع لحزب الله»: its media report
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
    next2 = [variants(w) for a, _, w in toks if a >= actor.end][:2]  # «وكانت إسرائيل قالت إن إيران أطلقت»
    if not any(f.startswith(_SPEECH) for forms in before + next2 for f in forms):
        return False
    between = [w for a, _, w in toks if actor.end <= a < anchor]
    return any(w in ("ان", "انه", "انها", "بان") for w in between)


def _own_forces(source: Actor, toks: Words, anchor: int) -> bool:
    """«أعلن الجيش الإسرائيلي أن قواته أطلقت»، «قالت إسرائيل إنها أسقطت»: the source's own forces act."""
    between = [w for a, _, w in toks if source.end <= a < anchor]
    if between[:1] in (["انها"], ["انهم"], ["انها", "قد"]) and len(between) <= 2:
        return True  # the source says it did it (not «إنه»: often the pronoun of the matter)
    return any(w.startswith(("قوات", "طايرات", "طاير", "جيش", "مقاتلات", "وحدات")) and w.endswith(("ه", "ها"))
               for w in between)


def _controls_only(actor: Actor, toks: Words) -> bool:
    near = _words_before(toks, actor.start, 4)
    return any(f & _CONTROL for f in near)


_NATIONALITY = {
    "روسي": "Russia", "روسيه": "Russia", "تركي": "Turkey", "تركيه": "Turkey",
    "اسرايلي": "Israel", "اسرايليه": "Israel", "اسراييلي": "Israel", "اسراييليه": "Israel", "امريكي": "United States", "اميركي": "United States",
    "امريكيه": "United States", "اميركيه": "United States", "سوري": "Syria", "سوريه": "Syria",
    "عراقي": "Iraq", "عراقيه": "Iraq", "ايراني": "Iran", "ايرانيه": "Iran", "فرنسي": "France",
    "فرنسيه": "France", "بريطاني": "United Kingdom", "بريطانيه": "United Kingdom",
    "سعودي": "Saudi Arabia", "سعوديه": "Saudi Arabia",
}
_ADJ_SKIP = frozenset({"جويه", "جوي", "صاروخيه", "صاروخي", "مدفعي", "مدفعيه", "عنيفه", "عنيف", "مكثفه", "مكثف",
                       "حربيه", "جديده", "عسكريا", "عسكريه", "عسكري", "جويا", "صاروخيا", "ذكيه", "بالستيه", "باليستيه"})


_WEAPON_NOUNS = ("صواريخ", "صاروخ", "طايرات", "طايره", "غارات", "غاره", "قصف", "ضربه", "ضربات",
                 "مقاتلات", "مدفعيه", "قوات", "دبابات", "قذايف", "مروحيات", "هجوم", "هجمات", "طيران",
                 "انها", "انه", "مدمرات", "سفن", "بوارج", "قاذفات", "غواصات", "معسكر")  # «الغارة التي قيل إنها إسرائيلية»
_TARGET_NOUNS = ("موقع", "مواقع", "مطار", "قاعده", "قواعد", "نقاط", "نقطه", "منشات", "منشاه", "جنود", "اهداف", "مراكز", "مركز",
                 "عسكري", "ضباط", "مستشار", "عناصر")


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


def nationality_actors(toks: Words, lo: int, hi: int, country: str) -> tuple[Actor | None, Actor | None]:
    """«صواريخ إسرائيلية … موقعا عسكريا سوريا»: state forces named by a nationality adjective.

    An adjective after a weapon noun names the agent; after a target noun, the target.
    """
    agent = target = None
    for k in range(lo, hi):
        word = toks[k][2].removeprefix("ال")
        if word.endswith(("تان", "تين")) and word[:-3] + "ه" in _NATIONALITY:
            word = word[:-3] + "ه"  # dual: «مقاتلتان أمريكيتان»
        if word in ("حكومي", "حكوميه", "حكوميا") and country:
            word = next((k for k, v in _NATIONALITY.items() if v == country), word)  # «قصفا حكوميا»
        if word not in _NATIONALITY:
            continue
        heads = [toks[j][2] for j in range(max(lo, k - 3), k)]
        heads = [h for h in heads if h.removeprefix("ال") not in _ADJ_SKIP]
        if not heads:
            continue
        head = heads[-1].removeprefix("و").removeprefix("ب").removeprefix("ل").removeprefix("ال")
        if head.endswith(("تان", "تين")):
            head = head[:-3] + "ات"
        actor = _state_forces(toks[k], _NATIONALITY[word], country)
        downed = any(w.removeprefix("و").startswith(("اسقط", "اسقاط")) for _, _, w in toks[max(lo, k - 5) : k])
        if downed and head.startswith(("طاير", "مقاتله", "مروحيه", "مسيره")) and target is None:
            target = actor  # «أسقطت طائرة مقاتلة سورية»: the downed aircraft's state is the target
        elif head.startswith(_WEAPON_NOUNS) and agent is None:
            agent = actor
        elif head.startswith(_TARGET_NOUNS) and target is None:
            target = actor
    return agent, target


_ATTACK_VERBS = ("نفذ", "شن", "اطلق", "قصف", "هاجم")


def country_agent(places: Sequence[Place], toks: Words, lo: int, hi: int, country: str) -> Actor | None:
    """«الهجوم الصاروخي الذي نفذته إيران»، «شنت تركيا غارات»: a country as the subject of an
    attack verb is its military."""
    start, end = toks[lo][0], toks[hi - 1][1]
    for p in places:
        if p.feature != "country" or not start <= p.start < end:
            continue
        k = next((i for i, t in enumerate(toks) if t[0] <= p.start < t[1] + 1), None)
        if k and toks[k - 1][2].removeprefix("و").startswith(_ATTACK_VERBS):
            return _state_forces(toks[k], p.country, country)
        if k and toks[k - 1][2] in ("ان", "بان") and k + 1 < len(toks) and toks[k + 1][2].startswith(_ATTACK_VERBS):
            return _state_forces(toks[k], p.country, country)  # «قالت إن إيران أطلقت 20 صاروخا»
    return None


def _state_forces(tok: tuple[int, int, str], home: str, country: str) -> Actor | None:
    from marsad.actors.kb import inter_for, load_kb

    for kb in load_kb():
        if kb.country == home and kb.name.startswith("Military Forces of"):
            return Actor(tok[0], tok[1], tok[2], kb.name, kb.actor_type, inter_for(kb, country), home)
    return None


def coordinated(places: Sequence[Place], text: str, place: Place) -> list[Place]:
    """The chosen place and those listed with it («بلدتي عربين ومصرابا»، «بريفي حماة وحلب»)."""
    ordered = sorted(places, key=lambda p: p.start)
    if place not in ordered:
        return [place]
    k = ordered.index(place)

    def joined(a: Place, b: Place) -> bool:
        return text[a.end : b.start].strip(" ،,") in ("و", "") and a.geo_precision == b.geo_precision

    lo = k
    while lo > 0 and joined(ordered[lo - 1], ordered[lo]):
        lo -= 1
    hi = k
    while hi + 1 < len(ordered) and joined(ordered[hi], ordered[hi + 1]):
        hi += 1
    if text[max(0, ordered[lo].start - 5) : ordered[lo].start].strip().endswith("بين"):
        return [place]  # «بين حمص وتدمر» locates one point between two places
    group: list[Place] = []
    for p in ordered[lo : hi + 1]:
        if all(p.name_en != g.name_en for g in group):
            group.append(p)
    return group



def sole_place(
    places: Sequence[Place], actors: Sequence[Actor], toks: Words, anchor: int, skip_before: int = 0
) -> Place | None:
    """The sentence's only usable place before the trigger («في الغوطة الشرقية حيث … غارات»)."""
    found = {p.name_en: p for p in places if skip_before <= p.start < anchor
             and toks[0][0] <= p.start and _usable(p, actors, toks)}
    if len(found) == 1:
        return next(iter(found.values()))
    towns = [p for p in found.values() if p.geo_precision == 1 and p.feature not in ("capital", "admin1")]
    return towns[0] if len(towns) == 1 else None  # «في مدينة دوما … بالغوطة الشرقية قرب دمشق»


_QUOTE_SPAN = re.compile(r"[“\"«]([^“”\"«»]{15,}?)[”\"»]")


def quote_around(text: str, start: int, end: int, pos: int) -> tuple[int, int] | None:
    """The quotation (within ``[start, end)``) that contains ``pos``, if any."""
    for m in _QUOTE_SPAN.finditer(text, start, end):
        if m.start(1) <= pos < m.end(1):
            return m.start(1), m.end(1)
    return None
