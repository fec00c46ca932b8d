"""Deciding a coded event's sub-type and actors from its cue and segment.

Split from the coder: which tactic an ambiguous cue («قصف»، «استهدف»، «هجوم») means,
whether a weak cue is supported, and the codebook's default actors.
"""

from __future__ import annotations

from marsad.actors.kb import KBActor, branch_family, by_name, inter_for, load_kb, resolve_name
from marsad.actors.text import variants
from marsad.events.context import GRIEVANCE
from marsad.events.fatalities import count_deaths
from marsad.events.trigger_lexicon import SHELL_OR_AIR, TERRITORY
from marsad.events.triggers import TriggerHit
from marsad.model import Actor

Words = list[tuple[int, int, str]]

_AIR = ("طيران", "طاير", "جوي", "جوا", "غار", "مروحي", "مقاتلات", "مسير", "حربي")
_ARTILLERY = ("مدفع", "صاروخ", "قذاي", "هاون", "راجم", "دباب")


PROTESTS = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})


def own_part(sub: str, seg: Words) -> Words:
    """A protest's segment without its grievance: the killing in «تظاهروا احتجاجاً على مقتل 60»
    is what they protest, neither their toll nor force used against them."""
    if sub not in PROTESTS:
        return seg
    cut = next((k for k, (_, _, w) in enumerate(seg) if variants(w) & GRIEVANCE), len(seg))
    return seg[:cut]


def resolve_sub(hit: TriggerHit, seg: Words, a1: Actor | None, a2: Actor | None) -> str | None:
    """The hit's sub-event type read in its segment, or None when the words say it is no event."""
    sub = hit.definition.sub_event_type
    forms = [f for _, _, w in own_part(sub, seg) for f in variants(w)]
    actor_text = " ".join(a.text for a in (a1, a2) if a is not None)
    if sub == SHELL_OR_AIR:
        return _strike_kind(hit, forms, actor_text)
    weapon_sub = _armed_sub(hit, seg, sub)
    if weapon_sub != _UNDECIDED:
        return weapon_sub
    return _other_sub(hit, seg, sub, forms, (a1, a2))


#: :func:`_armed_sub`'s answer when its cues do not decide (no sub-type is empty).
_UNDECIDED = ""


def _armed_sub(hit: TriggerHit, seg: Words, sub: str) -> str | None:
    """The sub-type by what was attacked or downed (a drone attack, an aircraft shot down, a
    missile aimed at aircraft), None to drop the hit, :data:`_UNDECIDED` if no cue says."""
    if sub == "Armed clash" and hit.definition.words[0].startswith(("هج", "هاجم")):  # «هاجموا بطائرة مسيرة»
        weapon = _attack_weapon(_next_forms(seg, hit))
        if weapon is not None:
            return weapon
    nxt3 = [f for _, _, w in [t for t in seg if t[0] >= hit.end][:3] for f in variants(w)]
    if hit.definition.words[0].startswith("تصد") and nxt3[:1] and nxt3[0] in ("لها", "له", "لهم", "لهما"):
        return None  # «صواريخ … تصدت لها الدفاعات الجوية»: the strike just told, not a fight of its own
    if sub == "Armed clash" and hit.definition.words[0].startswith("هاجم") and any(
        f.startswith(("مشارك", "تصريح", "سياس", "قرار", "موقف", "بشده", "الرئيس", "وزير", "الحكوم", "الاعلام"))
        for f in nxt3
    ):
        return None
    objects = nxt3 if hit.definition.verbal else [f for _, _, w in [t for t in seg if t[0] >= hit.end][:1]
                                                  for f in variants(w)]
    later = [f for _, _, w in [t for t in seg if t[0] >= hit.end][3:8] for f in variants(w)] if sub == \
        "Disrupted weapons use" else []  # VSO: «أسقطت الدفاعات الجوية السورية، الثلاثاء، طائرة مسيرة»
    if sub == "Disrupted weapons use" and not hit.definition.words[0].startswith("تصدت") and not any(
        f.startswith(("طاير", "مقاتل", "صاروخ", "صواريخ", "مسير", "درون", "سوخوي", "مروحي")) for f in objects
    ) and not any(f.startswith(("طايره", "مسيره", "درون")) for f in later) and not _pronoun_object(hit, seg):
        return None
    if sub == "Disrupted weapons use" and any(f.startswith(("مروحي", "مقاتله", "سوخوي")) for f in objects + later):
        return "Armed clash"  # a manned aircraft shot down is a fight between armed actors
    if sub == "Shelling/artillery/missile attack" and _aimed_at_aircraft(seg, hit):
        return "Disrupted weapons use"
    return _UNDECIDED


def _other_sub(
    hit: TriggerHit, seg: Words, sub: str, forms: list[str], actors: tuple[Actor | None, Actor | None]
) -> str | None:
    """The sub-type of territory, protest, abduction, transfer, arrest and attack hits, or
    None where the words around say it is no event (a sports metaphor, a warrant, a letter)."""
    a1, a2 = actors
    if sub == TERRITORY:
        if a1 is None:
            return None
        return "Government regains territory" if a1.inter == 1 else "Non-state actor overtakes territory"
    if sub == "Peaceful protest":
        if any(f.startswith(("فرق", "تفريق", "مسيل", "فض", "فضت")) for f in forms):
            return "Protest with intervention"
        if any(f.startswith(("رصاص", "قتل", "مقتل")) for f in forms):
            return "Excessive force against protesters"
    if sub == "Abduction/forced disappearance" and any(
            f.startswith(("بطاق", "لقب", "الانظار", "الاضواء", "فوز", "نقاط", "الصداره", "قلوب"))
            for _, _, w in [t for t in seg if t[0] >= hit.end][:6] for f in variants(w)):
        return None  # «خطف الفريق بطاقة التأهل»: a sports metaphor
    if sub == "Non-violent transfer of territory" and hit.definition.words[0] in ("سلمت", "سلموا", "تسلمت") and not any(
            f in _TOWN_NOUNS for _, _, w in [t for t in seg if t[0] >= hit.end][:6] for f in variants(w)):
        return None  # «سلمت الوزارة رسالة»: only a town or positions handed over
    if sub == "Arrests" and hit.definition.words[0] == "القبض" and _warrant(seg, hit):
        return None
    if sub == "Attack" and hit.definition.words[0] == "النار":
        return _fired_at(seg, a1, a2)
    if sub == "Attack" and hit.definition.strength == 1:
        return _killing(seg, a1, a2)
    return sub


_TOWN_NOUNS = frozenset({"مدينه", "المدينه", "بلده", "البلده", "قريه", "القريه", "حي", "مواقع", "مواقعها", "مواقعهم",
                         "مناطق", "المناطق", "مدن", "بلدات", "قري", "احياء", "معبر", "مطار", "قاعده", "نقاط"})
def _warrant(seg: Words, hit: TriggerHit) -> bool:
    """«أمرت المحكمة بالقبض على …»، «مذكرة للقبض على»: an order to arrest, not an arrest."""
    word = next((w for a, _, w in seg if a == hit.start), "")
    before = [f for _, _, w in [t for t in seg if t[0] < hit.start][-2:] for f in variants(w)]
    return word.startswith(("بالقبض", "للقبض", "لالقاء")) or any(
        f.startswith(("امر", "مذكر", "طلب", "مطالب", "يطالب", "تطالب", "محاول")) for f in before)


#: Verbs that conclude a deal, and what makes it one of the conflict («اتفاق تجاري» is none).
_CONCLUDE = ("توصل", "وتوصل", "ابرم", "وابرم", "وقع", "ووقع", "عقد", "وعقد")
_DEAL_KIND = ("يقضي", "لوقف", "وقف", "هدن", "اجلاء", "لاجلاء", "استسلام", "تسويه", "مصالحه", "لخروج", "خروج",
              "تهدي", "بوقف", "يسمح", "تسمح", "بمغادره", "لمغادره")


DEAL_TERMS = frozenset({"يقضي", "تقضي", "لوقف", "وقف", "ينص", "يتضمن"})


def deal_named(toks: Words, hit: TriggerHit, hi: int) -> int:
    """The last word of an agreement cue with its kind and terms («اتفاق هدنة ينص»، «اتفاقاً لوقف
    إطلاق النار»): what follows states the deal, not a plan or a denial."""
    last = hit.last
    while hit.definition.sub_event_type == "Agreement" and last + 1 < min(hi, hit.last + 3) and (
            toks[last + 1][2] in DEAL_TERMS or toks[last + 1][2].startswith(("هدن", "تسوي", "مصالح", "استسلام"))):
        last += 1
    return last


def _concluded(seg: Words, hit: TriggerHit) -> bool:
    """A bare «اتفاق» is an event only when a verb of the clause concludes it («توصلت الفصائل
    وقوات النظام، الثلاثاء، إلى اتفاق يقضي بإجلاء …»، «أبرمت … اتفاقاً لوقف إطلاق النار»)."""
    before = [variants(w) for a, _, w in seg if a < hit.start][-12:]
    after = [variants(w) for a, _, w in seg if a >= hit.end][:_party_span(seg, hit)]
    return any(any(f.startswith(_CONCLUDE) for f in g) for g in before) and (len(hit.definition.words) > 1 or any(
        any(f.startswith(_DEAL_KIND) for f in g) for g in after))  # «اتفاق لوقف إطلاق النار» names its kind


def _party_span(seg: Words, hit: TriggerHit) -> int:
    """How many words after «اتفاق» may name its kind: two, or past the party and day it is
    concluded with («وقع اتفاق مع فيلق الرحمن الخميس يسمح لعناصره بمغادرة عربين»)."""
    after = [w for a, _, w in seg if a >= hit.end]
    return 7 if after[:1] == ["مع"] else 2


#: A shot-dead victim named by a noun the actor base does not hold («قتل جنود … فلسطينياً بالرصاص»).
_VICTIMS = ("مدني", "فلسطيني", "شاب", "شابا", "طفل", "فتي", "صبي", "امراه", "سيده", "رجل", "مواطن", "صياد",
            "مزارع", "راعي")
_SHOT = ("رصاص", "برصاص", "بالرصاص", "بنيران", "النار")


def _fired_at(seg: Words, a1: Actor | None, a2: Actor | None) -> str | None:
    """«أطلق مسلحون النار على حافلة … مقتل 7 أشخاص»: fire at people is an attack on civilians, at
    protesters excessive force, at an armed side a clash; at nothing named, no event."""
    from marsad.events.attribution import civilian_victims

    if any(a is not None and a.actor_type == "protesters" for a in (a1, a2)):
        return "Excessive force against protesters"
    armed = [a for a in (a1, a2) if a is not None and a.inter in (1, 2, 3, 8)]
    if len(armed) == 2:
        return "Armed clash"
    civilians = a2 is not None and a2.actor_type == "civilians" or civilian_victims(seg)
    return "Attack" if armed and civilians else None  # «مسلحين أطلقوا النار على المصلين … فقتلوا 5 أشخاص»


def _killing(seg: Words, a1: Actor | None, a2: Actor | None) -> str | None:
    """A killing cue alone is an event when its victims are named: protesters killed by an armed
    side (excessive force), civilians, or people shot dead by a named armed actor."""
    kinds = {a.actor_type for a in (a1, a2) if a is not None}
    armed = any(a is not None and a.inter in (1, 2, 3, 8) for a in (a1, a2))
    if "protesters" in kinds and armed:
        return "Excessive force against protesters"  # «قتل ثلاثة متظاهرين برصاص قوات الأمن»
    if a2 is not None and a2.actor_type == "civilians":
        return "Attack"
    alone = a1 if a2 is None else a2 if a1 is None else None  # «قتلا برصاص الجيش»: the shooter follows
    if alone is None or alone.inter not in (1, 2, 3, 8):
        return None
    forms = [variants(w) for a, _, w in seg if a < alone.start]
    shot = any(any(f.startswith(_SHOT) for f in g) for g in forms[-2:])  # «برصاص الجيش»، «بنيران القوات»
    victim = any(any(f.startswith(_VICTIMS) for f in g) for g in forms)
    return "Attack" if shot and victim else None


def _strike_kind(hit: TriggerHit, forms: list[str], actor_text: str) -> str | None:
    """«قصف»/«استهدف» read as an air strike or shelling from the weapon or the attacker named."""
    if any(f.startswith(_AIR) for f in forms) or any(c in actor_text for c in ("طيران", "طائر", "مقاتلات")):
        return "Air/drone strike"
    if any(f.startswith(_ARTILLERY) for f in forms) or any(
        w.startswith(("قصف", "تقصف", "يقصف")) for w in hit.definition.words
    ):
        return "Shelling/artillery/missile attack"
    return None


def _attack_weapon(nxt: list[str]) -> str | None:
    """«هجوم صاروخي/بطائرة/انتحاري/بالغازات/بسيارة مفخخة»: the weapon makes the attack remote violence."""
    if any(f.startswith(("صاروخ", "مدفع", "قذاي")) for f in nxt):
        return "Shelling/artillery/missile attack"
    if any(f.startswith(("جوي", "بطاير", "طاير")) for f in nxt):
        return "Air/drone strike"
    if any(f.startswith("انتحار") for f in nxt):
        return "Suicide bomb"
    if any(f.startswith(("كيم", "كيماو", "غاز", "الغاز", "كلور")) for f in nxt):
        return "Chemical weapon"  # «هجوم بالغازات السامة»
    if any(f.startswith(("مفخخ", "سياره", "عبوه", "عبوات")) for f in nxt):
        return "Remote explosive/landmine/IED"
    return None


REMOTE_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
                          "Remote explosive/landmine/IED", "Suicide bomb"})
_SITES = ("موقع", "مواقع", "مطار", "قاعده", "قواعد", "معسكر", "ثكن", "مقر", "مقرات", "نقاط", "كتيبه", "لواء")


def military_target(seg: Words) -> bool:
    """«موقع عسكري»، «مطار … العسكري»، «قاعدة جوية»: the state's forces were hit."""
    words_ = [w for _, _, w in seg]
    for k, w in enumerate(words_):
        if any(f.startswith(_SITES) for f in variants(w)):
            near = words_[k + 1 : k + 4]
            if any(n.startswith(("عسكري", "العسكري", "جوي", "الجوي", "للجيش", "الجيش", "للنظام", "النظام", "الاركان"))
                   for n in near):
                return True
    return False


def state_forces(country: str, actor1: str) -> tuple[str, int]:
    for kb in load_kb():
        if kb.name == "Military Forces of {country}":
            name = resolve_name(kb, country)
            if name != actor1 and "{" not in name:
                return name, inter_for(kb, country)
            break
    return "", 0


def fighters_side(sub: str, sides: tuple[str, int, str, int], seg: Words, country: str) -> tuple[str, int, str, int]:
    """«خرج مئات المقاتلين والمدنيين من القنيطرة»: civilians who leave with fighters are no side
    of the transfer; the fighters are (a side named with them, else Syria's opposition rebels)."""
    actor1, inter1, actor2, inter2 = sides
    if sub != "Non-violent transfer of territory" or not actor1.startswith("Civilians") or not any(
            f.startswith(("مقاتل", "مسلح")) for _, _, w in seg for f in variants(w)):
        return sides
    if actor2 and not actor2.startswith("Civilians"):
        return actor2, inter2, "", 0
    return ("Opposition Rebels (Syria)", 2, "", 0) if country == "Syria" else sides


def supported(clause: Words, hit: TriggerHit) -> bool:
    """A weak noun trigger («صواريخ») counts only with a toll or an attack verb in its clause;
    «مغادرة» only when fighters are the ones leaving."""
    if hit.definition.sub_event_type == "Non-violent transfer of territory":
        return any(f.startswith(("مقاتل", "مسلح")) for _, _, w in clause for f in variants(w))
    if hit.definition.sub_event_type == "Chemical weapon":
        return count_deaths(clause) is not None  # «السلاح الكيماوي» alone is a topic
    if hit.definition.sub_event_type == "Agreement":
        return _concluded(clause, hit)
    if hit.definition.sub_event_type == TERRITORY:
        return True  # a capture noun is kept only after a verb announcing it (trigger_filters.announced_capture)
    if count_deaths(clause) is not None:
        return True
    others = [w for a, _, w in clause if a != hit.start]  # the cue does not support itself («ضربة قاصمة»)
    after = [w for a, _, w in clause if a > hit.start]
    if any(f.startswith(_SITES) for w in after for f in variants(w)):
        return True  # «ضربة موجعة ضد موقع لقيادات …»: a strike on a site
    return any(f.startswith(("اطلق", "اطلاق", "سقط", "استهدف", "قصف", "ضرب", "تعرض", "شن", "تشن", "يشن", "نفذ"))
               for w in others for f in variants(w))  # «شنت الولايات المتحدة ضربات»


def percent_after(toks: Words, last: int) -> bool:
    """«سيطرت على أكثر من 80 في المئة» is a running total, not a capture."""
    return any(w in _PERCENT for _, _, w in toks[last + 1 : last + 13])


#: «في المئة» is «الميه» once normalised (ئ -> ي): the earlier «المئه» never matched a word.
_PERCENT = frozenset({"الميه", "بالميه", "المايه", "بالمايه"})


def _pronoun_object(hit: TriggerHit, seg: Words) -> bool:
    """«وأسقطتها»: the downed object is a pronoun referring back to the aircraft."""
    word = next((w for a, _, w in seg if a == hit.start), "")
    return word.endswith(("ها", "ه")) and len(word) > 6


def _aimed_at_aircraft(seg: Words, hit: TriggerHit) -> bool:
    """«أطلقت صاروخا على طائرة مسيرة»: a missile fired at an aircraft is an interception."""
    after = [variants(w) for a, _, w in seg if a >= hit.end][:6]
    for k, forms in enumerate(after[:-1]):
        if forms & {"علي", "باتجاه", "نحو"} and any(
            f.startswith(("طاير", "مسير", "درون", "مقاتله")) for f in after[k + 1]
        ):
            return True
    return False


def _next_forms(seg: Words, hit: TriggerHit) -> list[str]:
    """Clitic variants of the two words after the trigger (its modifiers)."""
    after = [w for a, _, w in seg if a >= hit.end][:2]
    return [f for w in after for f in variants(w)]


def actor_fields(
    sub: str, a1: Actor | None, a2: Actor | None, country: str
) -> tuple[str, int, str, int] | None:
    """Canonical names and inter codes for the event's country, with the codebook's defaults."""
    def name_inter(actor: Actor | None) -> tuple[str, int]:
        if actor is None:
            return "", 0
        kb = by_name(actor.name) or _generic(actor) or branch_family(actor.name)  # named for the story's country
        if kb is None:
            return actor.name, actor.inter
        return resolve_name(kb, country), inter_for(kb, country)

    n1, i1 = name_inter(a1)
    n2, i2 = name_inter(a2)
    if not n1:
        if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
            n1, i1 = f"Protesters ({country})", 6
        elif sub == "Arrests":
            n1, i1 = f"Police Forces of {country}", 1
        elif sub == "Disrupted weapons use" and state_forces(country, "")[0]:
            n1, i1 = state_forces(country, "")  # the state's air defences intercept
        else:
            n1, i1 = f"Unidentified Armed Group ({country})", 3
    if sub == "Arrests" and i1 not in (1, 8):  # the arrested group is the target, the police act
        n2, i2 = n1, i1
        n1, i1 = f"Police Forces of {country}", 1
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters") and i1 not in (5, 6):
        if sub != "Peaceful protest" and i1 in (1, 2, 3, 8) and (not n2 or i2 == 6):
            n2, i2 = n1, i1  # the force that dispersed or shot the protesters is their opponent
        n1, i1 = f"Protesters ({country})", 6  # who protests acts; the protest's target is no actor
    if n1 == n2 or sub == "Peaceful protest":
        n2, i2 = "", 0
    return n1.replace("of The ", "of the "), i1, n2.replace("of The ", "of the "), i2  # «of the Netherlands»


def _generic(actor: Actor) -> KBActor | None:
    """The template entry («Civilians ({country})») a linked generic name came from."""
    for kb in load_kb():
        if "{country}" in kb.name and resolve_name(kb, actor.country) == actor.name:
            return kb
    return None


#: States that strike in Syria from the air (their missiles are air strikes unless a ground cue says otherwise).
_AIR_POWERS = frozenset({"Military Forces of Israel", "Military Forces of the United States",
                         "Military Forces of the United Kingdom", "Military Forces of France",
                         "Global Coalition Against Daesh"})
_GROUND = ("مدفعي", "المدفعي", "قذاي", "دباب", "راجم", "هاون", "بري", "الحدود", "الجولان", "سفن", "بوارج", "مدمر")


def air_launched(sub: str, actor1: str, country: str, clause: Words) -> str:
    """«هجوم صاروخي إسرائيلي استهدف قاعدة التيفور»: in Syria, the missiles of a state that strikes
    from the air are an air strike unless a ground cue (artillery, the Golan, ships) says otherwise."""
    if sub != "Shelling/artillery/missile attack" or actor1 not in _AIR_POWERS or country != "Syria":
        return sub
    ground = any(any(f.startswith(_GROUND) for f in variants(w)) for _, _, w in clause)
    return sub if ground else "Air/drone strike"
